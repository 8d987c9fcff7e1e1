//! Comparing stations honestly: which figures can be lined up, ranks, percentiles and
//! normalisation. Pure; the views only display what this decides.

use crate::dataset::Dataset;
use crate::model::{Baseline, Fact, Figure, Polarity, Qualifier, Station, Unit};
use crate::series::Computed;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// Fewest stations with a comparable figure for a percentile standing to be given.
pub const MIN_FOR_PERCENTILE: usize = 5;

/// Whether a row compares levels or changes of a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, IntoStaticStr, EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Measure {
    /// The value itself (no baseline).
    Level,
    /// A change against a baseline.
    Change,
}

impl Measure {
    /// The measure of a figure.
    pub fn of(fig: &Figure) -> Measure {
        if fig.is_change() {
            Measure::Change
        } else {
            Measure::Level
        }
    }

    // Every enum named in URLs keeps `code`/`from_code` as two one-line wrappers of strum's
    // derives, so callers need not name strum's traits (the `duplicates` tool pairs them).
    /// `level` or `change`, for URLs.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Parses [`Measure::code`].
    pub fn from_code(s: &str) -> Option<Measure> {
        s.parse().ok()
    }
}

/// What must match for two figures to be lined up.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Level or change.
    pub measure: Measure,
    /// Unit of the value.
    pub unit: Unit,
    /// Period covered.
    pub period: crate::model::Period,
    /// Baseline of a change.
    pub baseline: Option<Baseline>,
    /// Whether the figure covers only part of the station's work.
    pub scoped: bool,
}

impl Basis {
    /// The basis of a figure.
    pub fn of(fig: &Figure) -> Basis {
        Basis {
            measure: Measure::of(fig),
            unit: fig.unit,
            period: fig.period.clone(),
            baseline: fig.baseline.clone(),
            scoped: fig.scope.is_some(),
        }
    }
}

/// How a figure differs from the one it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Difference {
    /// Another period.
    Period,
    /// Another baseline.
    Baseline,
    /// Another unit (e.g. percent vs percentage points).
    Unit,
    /// A part of the station's work rather than all of it (or the other way round).
    Scope,
    /// "at least" or "at most": no place in an order can be given.
    Bound,
}

/// The differences of `fig` from `reference` (empty when comparable).
pub fn differences(reference: &Basis, fig: &Figure) -> Vec<Difference> {
    let b = Basis::of(fig);
    let mut out = Vec::new();
    if b.period != reference.period {
        out.push(Difference::Period);
    }
    if b.baseline != reference.baseline {
        out.push(Difference::Baseline);
    }
    if b.unit != reference.unit {
        out.push(Difference::Unit);
    }
    if b.scoped != reference.scoped {
        out.push(Difference::Scope);
    }
    if matches!(fig.qualifier, Qualifier::AtLeast | Qualifier::AtMost) {
        out.push(Difference::Bound);
    }
    out
}

/// What a level is divided by.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, IntoStaticStr, EnumString, VariantArray,
)]
pub enum Normalisation {
    /// As reported.
    #[default]
    #[strum(serialize = "none")]
    None,
    /// Per 10,000 residents.
    #[strum(serialize = "per10k")]
    Per10kResidents,
    /// Per police officer.
    #[strum(serialize = "per-officer")]
    PerOfficer,
    /// Per auxiliary officer.
    #[strum(serialize = "per-auxiliary")]
    PerAuxiliaryOfficer,
    /// Per km² of jurisdiction.
    #[strum(serialize = "per-km2")]
    PerKm2,
}

impl Normalisation {
    /// All choices.
    pub const ALL: [Normalisation; 5] = [
        Normalisation::None,
        Normalisation::Per10kResidents,
        Normalisation::PerOfficer,
        Normalisation::PerAuxiliaryOfficer,
        Normalisation::PerKm2,
    ];

    /// Name used in URLs.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Parses [`Normalisation::code`].
    pub fn from_code(s: &str) -> Option<Normalisation> {
        s.parse().ok()
    }

    /// The profile fact divided by, and the factor applied to it.
    pub fn denominator(self, st: &Station) -> Option<(&Fact, f64)> {
        let p = &st.profile;
        match self {
            Normalisation::None => None,
            Normalisation::Per10kResidents => p.population.as_ref().map(|f| (f, 1e-4)),
            Normalisation::PerOfficer => p.officers.as_ref().map(|f| (f, 1.0)),
            Normalisation::PerAuxiliaryOfficer => p.auxiliary_officers.as_ref().map(|f| (f, 1.0)),
            Normalisation::PerKm2 => p.area_km2.as_ref().map(|f| (f, 1.0)),
        }
    }

    /// Whether a figure can be normalised: a level that is an amount, not a rate or a change.
    pub fn applies_to(self, fig: &Figure) -> bool {
        self == Normalisation::None
            || (!fig.is_change()
                && matches!(
                    fig.unit,
                    Unit::Count | Unit::People | Unit::PersonTimes | Unit::Yuan
                ))
    }
}

/// Where a station stands in a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Standing {
    /// Ranked among the comparable figures: 1 is best; tied figures share a rank.
    Ranked {
        /// Competition rank (1, 2, 2, 4).
        rank: usize,
        /// Whether another station has the same value.
        tied: bool,
        /// Share (0–100) of the other comparable stations this one does better than, ties
        /// counting half; only when at least [`MIN_FOR_PERCENTILE`] stations are comparable.
        percentile: Option<f64>,
    },
    /// Comparable, but the metric has no better or worse direction, or only one station reports it.
    Unranked,
    /// Reported, but not on the same basis as the others.
    NotComparable(Vec<Difference>),
    /// Reported, but the normalisation's denominator is missing or zero.
    NoDenominator,
    /// Not reported.
    NotReported,
}

/// One station's row in a comparison.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The station.
    pub station: &'a Station,
    /// The figure compared, when reported (or computed).
    pub figure: Option<&'a Figure>,
    /// Set when the figure was computed from the station's monthly series, not quoted.
    pub computed: Option<&'a Computed>,
    /// The value compared: the figure's, or normalised.
    pub value: Option<f64>,
    /// The fact the value was divided by.
    pub denominator: Option<&'a Fact>,
    /// Where it stands.
    pub standing: Standing,
}

/// A comparison of stations on one metric and measure.
#[derive(Debug, Clone)]
pub struct League<'a> {
    /// The basis the comparable figures share (the most common one).
    pub basis: Option<Basis>,
    /// All stations, best first, then unranked, not comparable, no denominator and not reported.
    pub entries: Vec<Entry<'a>>,
    /// How many stations are ranked.
    pub ranked: usize,
}

/// A station's reported figure for a metric and measure: the first that covers the whole
/// station, else the first scoped one.
pub fn pick<'a>(st: &'a Station, metric: &str, measure: Measure) -> Option<&'a Figure> {
    let mut candidates = st
        .figures
        .iter()
        .filter(|f| f.metric == metric && Measure::of(f) == measure);
    let first = candidates.clone().next();
    candidates.find(|f| f.scope.is_none()).or(first)
}

/// [`pick`], falling back to a change computed from the station's monthly series.
pub fn pick_or_compute<'a>(
    ds: &'a Dataset,
    st: &'a Station,
    metric: &str,
    measure: Measure,
) -> Option<(&'a Figure, Option<&'a Computed>)> {
    if let Some(f) = pick(st, metric, measure) {
        return Some((f, None));
    }
    (measure == Measure::Change)
        .then(|| ds.computed(st).iter().find(|c| c.figure.metric == metric))
        .flatten()
        .map(|c| (&c.figure, Some(c)))
}

/// Compares `stations` on a metric and measure, optionally normalised.
pub fn league<'a>(
    ds: &'a Dataset,
    stations: &[&'a Station],
    metric: &str,
    measure: Measure,
    norm: Normalisation,
) -> League<'a> {
    let polarity = ds.metric(metric).map_or(Polarity::Neutral, |m| m.polarity);
    let picked: Vec<Option<(&'a Figure, Option<&'a Computed>)>> = stations
        .iter()
        .map(|s| pick_or_compute(ds, s, metric, measure))
        .collect();
    let basis = reference_basis(picked.iter().flatten().map(|(f, _)| *f));
    let mut entries: Vec<Entry<'a>> = stations
        .iter()
        .zip(&picked)
        .map(|(st, p)| {
            let mut e = entry(st, p.map(|(f, _)| f), basis.as_ref(), norm);
            e.computed = p.and_then(|(_, c)| c);
            e
        })
        .collect();
    let ranked = rank(&mut entries, polarity);
    entries.sort_by_key(|e| match &e.standing {
        Standing::Ranked { rank, .. } => (0, *rank),
        Standing::Unranked => (1, 0),
        Standing::NotComparable(_) => (2, 0),
        Standing::NoDenominator => (3, 0),
        Standing::NotReported => (4, 0),
    });
    League {
        basis,
        entries,
        ranked,
    }
}

/// The most common basis among rankable figures (first seen wins a tie).
fn reference_basis<'f>(figs: impl Iterator<Item = &'f Figure>) -> Option<Basis> {
    let mut counts: Vec<(Basis, usize)> = Vec::new();
    for f in figs {
        if matches!(f.qualifier, Qualifier::AtLeast | Qualifier::AtMost) {
            continue;
        }
        let b = Basis::of(f);
        match counts.iter_mut().find(|(x, _)| *x == b) {
            Some((_, n)) => *n += 1,
            None => counts.push((b, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(b, _)| b)
}

fn entry<'a>(
    st: &'a Station,
    fig: Option<&'a Figure>,
    basis: Option<&Basis>,
    norm: Normalisation,
) -> Entry<'a> {
    let mut e = Entry {
        station: st,
        figure: fig,
        computed: None,
        value: fig.map(|f| f.value),
        denominator: None,
        standing: Standing::NotReported,
    };
    let Some(fig) = fig else {
        return e;
    };
    let diffs = match basis {
        Some(b) => differences(b, fig),
        None => vec![Difference::Bound],
    };
    if !diffs.is_empty() {
        e.standing = Standing::NotComparable(diffs);
        return e;
    }
    if norm != Normalisation::None && norm.applies_to(fig) {
        match norm.denominator(st) {
            Some((fact, factor)) if fact.value > 0.0 => {
                e.value = Some(fig.value / (fact.value * factor));
                e.denominator = Some(fact);
            }
            _ => {
                e.value = None;
                e.standing = Standing::NoDenominator;
                return e;
            }
        }
    }
    e.standing = Standing::Unranked;
    e
}

/// Ranks the comparable entries in place; returns how many were ranked.
fn rank(entries: &mut [Entry<'_>], polarity: Polarity) -> usize {
    let mut idx: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.standing == Standing::Unranked)
        .map(|(i, _)| i)
        .collect();
    let n = idx.len();
    let better = |a: f64, b: f64| match polarity {
        Polarity::HigherIsBetter => a > b,
        Polarity::LowerIsBetter => a < b,
        Polarity::Neutral => false,
    };
    if polarity == Polarity::Neutral || n < 2 {
        return 0;
    }
    let values: Vec<f64> = entries
        .iter()
        .map(|e| e.value.unwrap_or(f64::NAN))
        .collect();
    let value = |i: usize| values[i];
    let order = |a: f64, b: f64| {
        if better(a, b) {
            std::cmp::Ordering::Less
        } else if better(b, a) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    };
    // Sorted best first (stable: tied entries keep their order), then one pass over runs of
    // equal values: O(n log n), so that 40,000 stations rank in milliseconds.
    idx.sort_by(|&a, &b| order(value(a), value(b)));
    let mut start = 0;
    while start < n {
        let v = value(idx[start]);
        let end = start
            + idx[start..]
                .iter()
                .take_while(|&&j| order(value(j), v) == std::cmp::Ordering::Equal)
                .count();
        // `start` stations do better, `n - end` do worse, the rest of the run ties.
        let (above, beaten, ties) = (start, n - end, end - start - 1);
        let percentile = (n >= MIN_FOR_PERCENTILE)
            .then(|| (beaten as f64 + ties as f64 / 2.0) / (n - 1) as f64 * 100.0);
        for &i in &idx[start..end] {
            entries[i].standing = Standing::Ranked {
                rank: above + 1,
                tied: ties > 0,
                percentile,
            };
        }
        start = end;
    }
    n
}

/// Population bands used as peer groups.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
pub enum PopulationBand {
    /// Under 50,000 residents.
    #[strum(serialize = "lt50k")]
    Under50k,
    /// 50,000 to under 100,000.
    #[strum(serialize = "50k-100k")]
    From50kTo100k,
    /// 100,000 to under 200,000.
    #[strum(serialize = "100k-200k")]
    From100kTo200k,
    /// 200,000 and more.
    #[strum(serialize = "ge200k")]
    Over200k,
}

impl PopulationBand {
    /// All bands, smallest first.
    pub const ALL: [PopulationBand; 4] = [
        PopulationBand::Under50k,
        PopulationBand::From50kTo100k,
        PopulationBand::From100kTo200k,
        PopulationBand::Over200k,
    ];

    /// The band of a station, when its population is reported (an "at least" or "about"
    /// figure is banded by its stated value).
    pub fn of(st: &Station) -> Option<PopulationBand> {
        let p = st.profile.population.as_ref()?.value;
        Some(if p < 50_000.0 {
            PopulationBand::Under50k
        } else if p < 100_000.0 {
            PopulationBand::From50kTo100k
        } else if p < 200_000.0 {
            PopulationBand::From100kTo200k
        } else {
            PopulationBand::Over200k
        })
    }

    /// Name used in URLs.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Parses [`PopulationBand::code`].
    pub fn from_code(s: &str) -> Option<PopulationBand> {
        s.parse().ok()
    }
}

/// Whether a station matches a search text (Chinese or English name, or id; case-insensitive).
/// Tables of many stations use the precomputed [`crate::dataset::StationKeys`], which agree.
pub fn matches_search(st: &Station, text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.is_empty()
        || st.id.to_lowercase().contains(&t)
        || st.name.zh.to_lowercase().contains(&t)
        || st
            .name
            .en
            .as_deref()
            .is_some_and(|e| e.to_lowercase().contains(&t))
}
