//! The league table's choices and texts, computed from the data and a [`LeagueSlots`]: which
//! metric and measure are shown when none is asked, the menus' contents, the summary line and
//! chart title, the stations listed apart (on another basis, or not reporting), and the texts
//! of a ranked row.
//!
//! Pure (no Leptos): the league view only puts these into elements.

use std::collections::{HashMap, HashSet};

use crate::compare::{pick_or_compute, Entry, Measure, Normalisation, Standing};
use crate::dataset::Dataset;
use crate::format;
use crate::i18n::{difference_name, normalisation_name};
use crate::lang::Lang;
use crate::model::{Figure, Polarity, Unit};
use crate::query::RankQuery;
use crate::table::{LeagueSlots, Slot};

/// At most this many bars: the best stations of a long league (the table has them all).
pub const MAX_BARS: usize = 30;

/// At most this many stations are listed by name under "on another basis" and "not reported";
/// the download has them all.
pub const MAX_LISTED: usize = 100;

/// How many stations report each metric, as a level and as a change.
pub type ReportedCounts = HashMap<(String, Measure), usize>;

/// How many stations report each metric, as a level and as a change (computed once per data set).
pub fn reported_counts(ds: &Dataset) -> ReportedCounts {
    let mut counts = HashMap::new();
    for st in ds.stations() {
        for m in &ds.document().metrics {
            for measure in [Measure::Level, Measure::Change] {
                if pick_or_compute(ds, st, &m.id, measure).is_some() {
                    *counts.entry((m.id.clone(), measure)).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

/// Provinces in the data, sorted by Chinese name (the filter's value), each with the position
/// of a station its name is read from.
pub fn provinces(ds: &Dataset) -> Vec<(String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, st) in ds.stations().iter().enumerate() {
        seen.entry(st.region.province.zh.as_str()).or_insert(i);
    }
    let mut out: Vec<(String, usize)> = seen.into_iter().map(|(p, i)| (p.to_string(), i)).collect();
    out.sort_unstable();
    out
}

/// The metric and measure shown: as asked (when the metric exists), else the metric reported
/// by most stations (ties: the first id); the measure as asked, else the one more stations report.
pub fn shown_metric(ds: &Dataset, counts: &ReportedCounts, q: &RankQuery) -> (String, Measure) {
    let reported =
        |m: &str, measure: Measure| counts.get(&(m.to_string(), measure)).copied().unwrap_or(0);
    let metric = q
        .metric
        .clone()
        .filter(|m| ds.metric(m).is_some())
        .or_else(|| {
            ds.document()
                .metrics
                .iter()
                .max_by_key(|m| {
                    (
                        reported(&m.id, Measure::Level) + reported(&m.id, Measure::Change),
                        std::cmp::Reverse(m.id.clone()),
                    )
                })
                .map(|m| m.id.clone())
        })
        .unwrap_or_default();
    let measure = q.measure.unwrap_or_else(|| {
        if reported(&metric, Measure::Change) > reported(&metric, Measure::Level) {
            Measure::Change
        } else {
            Measure::Level
        }
    });
    (metric, measure)
}

/// The catalogue's metrics (their positions) that at least one station reports a figure of,
/// in catalogue order: the metric menu (computed once; scanning 40,000 stations per metric
/// on every choice took longer than the filter itself).
pub fn offered_metrics(ds: &Dataset) -> Vec<usize> {
    let reported: HashSet<&str> = ds
        .stations()
        .iter()
        .flat_map(|st| st.figures.iter().map(|f| f.metric.as_str()))
        .collect();
    let metrics = &ds.document().metrics;
    (0..metrics.len())
        .filter(|&i| reported.contains(metrics[i].id.as_str()))
        .collect()
}

/// Whether a slot is listed apart as "on another basis" (a different basis, or no denominator).
fn on_another_basis(s: &Slot) -> bool {
    matches!(
        s.standing,
        Standing::NotComparable(_) | Standing::NoDenominator
    )
}

/// The stations of a league that are listed apart rather than ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Apart<'a> {
    /// On another basis or without a denominator: the first [`MAX_LISTED`].
    pub basis: Vec<&'a Slot>,
    /// How many more are on another basis than listed.
    pub more_basis: usize,
    /// Not reporting: the first [`MAX_LISTED`].
    pub missing: Vec<&'a Slot>,
    /// How many more do not report than listed.
    pub more_missing: usize,
}

/// Groups the stations listed apart, at most [`MAX_LISTED`] of each group.
pub fn apart(l: &LeagueSlots) -> Apart<'_> {
    let group = |keep: fn(&Slot) -> bool| {
        let all: Vec<&Slot> = l.slots.iter().filter(|s| keep(s)).collect();
        let more = all.len().saturating_sub(MAX_LISTED);
        (all.into_iter().take(MAX_LISTED).collect::<Vec<_>>(), more)
    };
    let (basis, more_basis) = group(on_another_basis);
    let (missing, more_missing) = group(|s| s.standing == Standing::NotReported);
    Apart {
        basis,
        more_basis,
        missing,
        more_missing,
    }
}

/// Why a station listed apart is not ranked: what differs, or the missing denominator.
pub fn apart_reason(lang: Lang, standing: &Standing) -> String {
    match standing {
        Standing::NotComparable(d) => d
            .iter()
            .map(|d| difference_name(lang, *d))
            .collect::<Vec<_>>()
            .join(lang.strings().list_sep),
        _ => lang.strings().no_denominator.to_string(),
    }
}

/// What follows a station's name in the "on another basis" list: its figure, period and why.
pub fn apart_line(lang: Lang, fig: &Figure, standing: &Standing) -> String {
    lang.messages().apart_line(
        &format::figure_value(lang, fig),
        &format::period(lang, &fig.period),
        &apart_reason(lang, standing),
    )
}

/// The names of the stations that do not report, in one line.
pub fn missing_names(ds: &Dataset, missing: &[&Slot], lang: Lang) -> String {
    missing
        .iter()
        .map(|s| lang.pick(&ds.stations()[s.station as usize].name))
        .collect::<Vec<_>>()
        .join(lang.strings().list_sep)
}

/// The metric's name in a language (empty for an unknown metric).
pub fn metric_label(ds: &Dataset, l: &LeagueSlots, lang: Lang) -> String {
    ds.metric(&l.metric)
        .map(|m| lang.pick(&m.label).to_string())
        .unwrap_or_default()
}

/// The summary under the chart: how many stations are ranked, on another basis and not
/// reporting, and the basis the ranked figures share.
pub fn summary_text(ds: &Dataset, l: &LeagueSlots, lang: Lang) -> String {
    let apart = l.slots.iter().filter(|s| on_another_basis(s)).count();
    let missing = l
        .slots
        .iter()
        .filter(|s| s.standing == Standing::NotReported)
        .count();
    let mut text =
        lang.messages()
            .league_summary(&metric_label(ds, l, lang), l.ranked, apart, missing);
    if let Some(b) = &l.basis {
        let basis = format::period_and_baseline(lang, &b.period, b.baseline.as_ref());
        text.push_str(&lang.messages().compared_on(&basis));
    }
    text
}

/// The bar chart's title: the metric, the normalisation, and "top 30 of 2,000" when the chart
/// shows fewer bars than the table has comparable stations.
pub fn chart_title(ds: &Dataset, l: &LeagueSlots, lang: Lang, bars: usize) -> String {
    let label = metric_label(ds, l, lang);
    let mut title = match l.norm {
        Normalisation::None => label,
        n => format!("{label}（{}）", normalisation_name(lang, n)),
    };
    let comparable = l.comparable();
    if comparable > bars {
        title.push_str(&lang.messages().top_of(bars, comparable));
    }
    title
}

/// The unit of the chart's values: the figures' unit as reported, a plain count once normalised.
pub fn chart_unit(ds: &Dataset, l: &LeagueSlots) -> Unit {
    if l.norm != Normalisation::None {
        return Unit::Count;
    }
    l.slots
        .iter()
        .find_map(|slot| l.entry(ds, slot).figure.map(|f| f.unit))
        .unwrap_or(Unit::Count)
}

/// Which direction is better for the league's metric.
pub fn polarity(ds: &Dataset, l: &LeagueSlots) -> Polarity {
    ds.metric(&l.metric)
        .map_or(Polarity::Neutral, |m| m.polarity)
}

/// A ranked row's rank: `3 / 40`, `3= / 40` when tied, "not ranked" otherwise.
pub fn rank_text(lang: Lang, standing: &Standing, ranked: usize) -> String {
    match standing {
        Standing::Ranked { rank, tied, .. } => {
            format!("{rank}{} / {ranked}", if *tied { "=" } else { "" })
        }
        _ => lang.strings().unranked.to_string(),
    }
}

/// A ranked row's percentile, `87%`, or `—` when there is none.
pub fn percentile_text(standing: &Standing) -> String {
    match standing {
        Standing::Ranked {
            percentile: Some(p),
            ..
        } => format!("{}%", format::plain_number(p.round())),
        _ => "—".to_string(),
    }
}

/// A row's value: the figure as published, or the normalised value with what it was divided by.
pub fn value_text(lang: Lang, e: &Entry<'_>, norm: Normalisation) -> String {
    let per = (norm != Normalisation::None).then(|| normalisation_name(lang, norm));
    match (per, e.value, e.denominator, e.figure) {
        (Some(per), Some(v), Some(d), _) => format!(
            "{} {per}（{}：{}）",
            format::plain_number(v),
            lang.strings().denominator,
            format::grouped_number(d.value)
        ),
        (_, _, _, Some(fig)) => format::figure_value(lang, fig),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
