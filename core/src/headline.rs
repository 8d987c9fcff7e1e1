//! The headline band of a scorecard: one tile per family, each with the family's key figure
//! (the directory's headline, [`Dataset::headline`] — one rule for both), which way it moved
//! and whether that is good news by the metric's polarity, the two ends the figure states
//! itself, and the monthly series a sparkline can draw. Pure: the views only show this.

use crate::dataset::Dataset;
use crate::format;
use crate::i18n::{polarity_name, Lang};
use crate::model::{Baseline, Family, Figure, Metric, Period, Polarity, Series, Station};

/// The families of the headline band, in display order (the directory's columns).
pub const BAND: [Family; 4] = [
    Family::Incidents,
    Family::Mediation,
    Family::GroupCoverage,
    Family::Fraud,
];

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Fell.
    Down,
    /// Rose.
    Up,
    /// Unchanged.
    Flat,
}

/// Whether a change is good news, by the metric's polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// An improvement.
    Better,
    /// A deterioration.
    Worse,
    /// Neither (no change, or a metric that is neither better high nor low).
    Neutral,
}

impl Verdict {
    /// The BEM modifier of a value in this verdict's colour (`ssc__value--better`); empty for
    /// neutral. The colour always comes with [`Trend::words`].
    pub fn class(self) -> &'static str {
        match self {
            Verdict::Better => "ssc__value--better",
            Verdict::Worse => "ssc__value--worse",
            Verdict::Neutral => "",
        }
    }
}

/// The direction of a change and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trend {
    /// Which way.
    pub direction: Direction,
    /// Good news or not.
    pub verdict: Verdict,
    /// The metric's polarity.
    pub polarity: Polarity,
}

impl Trend {
    /// The trend of a change figure; `None` for a level (a level says no direction).
    pub fn of(fig: &Figure, polarity: Polarity) -> Option<Trend> {
        if !fig.is_change() || !fig.value.is_finite() {
            return None;
        }
        let direction = if fig.value < 0.0 {
            Direction::Down
        } else if fig.value > 0.0 {
            Direction::Up
        } else {
            Direction::Flat
        };
        let verdict = match (direction, polarity) {
            (Direction::Flat, _) | (_, Polarity::Neutral) => Verdict::Neutral,
            (Direction::Down, Polarity::LowerIsBetter)
            | (Direction::Up, Polarity::HigherIsBetter) => Verdict::Better,
            _ => Verdict::Worse,
        };
        Some(Trend {
            direction,
            verdict,
            polarity,
        })
    }

    /// The verdict and the polarity in words, so that colour never carries the meaning
    /// alone: `向好 · 越低越好`, `worse · higher is better`; the polarity alone when the
    /// change is neutral.
    pub fn words(&self, lang: Lang) -> String {
        let s = lang.strings();
        let verdict = match self.verdict {
            Verdict::Better => s.trend_better,
            Verdict::Worse => s.trend_worse,
            Verdict::Neutral => "",
        };
        join([verdict, polarity_name(lang, self.polarity)])
    }
}

fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One end of a comparison a figure states itself.
#[derive(Debug, Clone, PartialEq)]
pub enum EndAt {
    /// A period (`2019`, `up to Aug 2023`).
    Period(Period),
    /// A number of years before the other end (`6 years earlier`).
    YearsBefore(u32),
}

/// One end of a stated comparison: when, and the level there when the data has it.
#[derive(Debug, Clone, PartialEq)]
pub struct End<'a> {
    /// When.
    pub at: EndAt,
    /// The level figure of that period, when the station reports one.
    pub level: Option<&'a Figure>,
}

impl End<'_> {
    /// `2019年`, `6 years earlier: 22.6` — from the data only.
    pub fn text(&self, lang: Lang) -> String {
        let when = match &self.at {
            EndAt::Period(p) => format::period(lang, p),
            EndAt::YearsBefore(n) => lang.messages().years_earlier(*n),
        };
        match self.level {
            None => when,
            Some(f) => lang
                .messages()
                .labelled(&when, &format::figure_value(lang, f)),
        }
    }
}

/// The family's key figure and what goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Key<'a> {
    /// The headline figure (a level or a change).
    pub figure: &'a Figure,
    /// Its metric.
    pub metric: &'a Metric,
    /// The change that gives the direction: the figure itself when it is a change, else a
    /// change of the same metric, period and source (Zhaobaoshan's daily incidents: 16.7, down
    /// 26.1% on 6 years earlier).
    pub change: Option<&'a Figure>,
    /// The direction of [`Key::change`].
    pub trend: Option<Trend>,
    /// The two ends, when the change names its baseline as a period or a number of years
    /// ("2022 vs 2019"); each with its level when the data has it.
    pub ends: Option<(End<'a>, End<'a>)>,
}

impl Key<'_> {
    /// The caption under the value: period and baseline in one line (`2024年 · 同比`).
    pub fn caption(&self, lang: Lang) -> String {
        let f = self.change.unwrap_or(self.figure);
        format::period_and_baseline(lang, &f.period, f.baseline.as_ref())
    }

    /// The change beside a level (`下降26.1%`), when the key figure is a level with one.
    pub fn change_text(&self, lang: Lang) -> Option<String> {
        self.change
            .filter(|c| !std::ptr::eq(*c, self.figure))
            .map(|c| format::figure_value(lang, c))
    }

    /// What the direction means, or the polarity alone for a level: `向好 · 越低越好`.
    pub fn meaning(&self, lang: Lang) -> String {
        match &self.trend {
            Some(t) => t.words(lang),
            None => polarity_name(lang, self.metric.polarity).to_string(),
        }
    }

    /// The class that colours the value by its verdict (empty for a level or no change).
    pub fn tone(&self) -> &'static str {
        self.trend.map_or("", |t| t.verdict.class())
    }
}

/// One tile of the headline band.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile<'a> {
    /// The family.
    pub family: Family,
    /// The key figure; `None` is "not reported", never 0.
    pub key: Option<Key<'a>>,
    /// The monthly series the sparkline draws: the key metric's, else the family's first in
    /// catalogue order.
    pub series: Option<(&'a Series, &'a Metric)>,
}

/// The tile of one family for a station.
pub fn tile<'a>(ds: &'a Dataset, st: &'a Station, family: Family) -> Tile<'a> {
    let key = ds.headline(st, family).and_then(|figure| {
        let metric = ds.metric(&figure.metric)?;
        let change = if figure.is_change() {
            Some(figure)
        } else {
            sibling(st, figure, true)
        };
        let trend = change.and_then(|c| Trend::of(c, metric.polarity));
        let ends = change.and_then(|c| ends(st, c));
        Some(Key {
            figure,
            metric,
            change,
            trend,
            ends,
        })
    });
    let of_family = |s: &&Series| ds.metric(&s.metric).is_some_and(|m| m.family == family);
    let key_series = key
        .as_ref()
        .and_then(|k| st.series.iter().find(|s| s.metric == k.metric.id));
    let series = key_series
        .or_else(|| {
            ds.document()
                .metrics
                .iter()
                .filter(|m| m.family == family)
                .find_map(|m| st.series.iter().find(|s| s.metric == m.id))
        })
        .filter(of_family)
        .and_then(|s| Some((s, ds.metric(&s.metric)?)));
    Tile {
        family,
        key,
        series,
    }
}

/// The band of a station: one tile per family of [`BAND`].
pub fn band<'a>(ds: &'a Dataset, st: &'a Station) -> Vec<Tile<'a>> {
    BAND.into_iter().map(|f| tile(ds, st, f)).collect()
}

/// A figure of the same metric, period and source as `fig`: a change (`want_change`) or a level.
fn sibling<'a>(st: &'a Station, fig: &Figure, want_change: bool) -> Option<&'a Figure> {
    st.figures.iter().find(|f| {
        f.metric == fig.metric
            && f.source == fig.source
            && f.period == fig.period
            && f.is_change() == want_change
            && f.scope == fig.scope
    })
}

/// A level of `metric` covering exactly `period` (the same scope as the change).
fn level_of<'a>(st: &'a Station, change: &Figure, period: &Period) -> Option<&'a Figure> {
    st.figures.iter().find(|f| {
        f.metric == change.metric
            && !f.is_change()
            && f.period == *period
            && f.scope == change.scope
    })
}

/// The two ends a change states itself: a named baseline period, or a number of years before
/// the figure's period; nothing for year-on-year, "since", average or unstated baselines
/// (their other end is not a figure of its own), and nothing when the figure's period is unknown.
fn ends<'a>(st: &'a Station, change: &'a Figure) -> Option<(End<'a>, End<'a>)> {
    if change.period.start.is_none() && change.period.end.is_none() {
        return None;
    }
    let to = End {
        at: EndAt::Period(change.period.clone()),
        level: level_of(st, change, &change.period),
    };
    let from = match change.baseline.as_ref()? {
        Baseline::Period { start, end } => {
            let p = Period {
                start: Some(*start),
                end: Some(*end),
            };
            End {
                level: level_of(st, change, &p),
                at: EndAt::Period(p),
            }
        }
        Baseline::YearsEarlier { years } => End {
            at: EndAt::YearsBefore(*years),
            level: None,
        },
        _ => return None,
    };
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, PartialDate};

    fn seeds() -> Dataset {
        let bytes = include_bytes!("../../public/data/seeds.json");
        parse(bytes, "seeds.json").expect("the seeds load")
    }

    #[test]
    fn the_key_figure_is_the_directorys_headline() {
        let ds = seeds();
        for st in ds.stations() {
            for t in band(&ds, st) {
                let headline = ds.headline(st, t.family);
                assert_eq!(t.key.as_ref().map(|k| k.figure), headline, "{}", st.id);
            }
        }
    }

    #[test]
    fn a_family_not_reported_has_no_key_figure_never_a_zero() {
        let ds = seeds();
        let guizhu = ds.station("guizhu").unwrap();
        let tiles = band(&ds, guizhu);
        assert_eq!(tiles.len(), 4);
        let fraud = &tiles[3];
        assert_eq!(fraud.family, Family::Fraud);
        assert!(fraud.key.is_none());
        assert!(fraud.series.is_none());
    }

    #[test]
    fn a_change_says_its_direction_and_whether_it_is_good_news_in_words() {
        let ds = seeds();
        let meijiang = ds.station("meijiang").unwrap();
        let t = tile(&ds, meijiang, Family::Incidents);
        let k = t.key.unwrap();
        assert_eq!(k.figure.value, -12.9);
        let trend = k.trend.unwrap();
        assert_eq!(trend.direction, Direction::Down);
        assert_eq!(trend.verdict, Verdict::Better);
        assert_eq!(k.meaning(Lang::Zh), "向好 · 越低越好");
        assert_eq!(k.meaning(Lang::En), "better · lower is better");
        assert_eq!(k.tone(), "ssc__value--better");
        assert_eq!(k.caption(Lang::Zh), "2024年 · 同比");
        assert_eq!(
            k.change_text(Lang::Zh),
            None,
            "the value already is the change"
        );
        assert!(k.ends.is_none(), "year-on-year names no period of its own");
        // A rise of a lower-is-better metric is worse; a neutral metric is neither.
        let mut up = k.figure.clone();
        up.value = 3.0;
        let t = Trend::of(&up, Polarity::LowerIsBetter).unwrap();
        assert_eq!((t.direction, t.verdict), (Direction::Up, Verdict::Worse));
        assert_eq!(t.words(Lang::En), "worse · lower is better");
        let t = Trend::of(&up, Polarity::Neutral).unwrap();
        assert_eq!(t.verdict, Verdict::Neutral);
        assert_eq!(t.words(Lang::En), "");
        up.value = 0.0;
        let t = Trend::of(&up, Polarity::HigherIsBetter).unwrap();
        assert_eq!(
            (t.direction, t.verdict),
            (Direction::Flat, Verdict::Neutral)
        );
        assert_eq!(t.words(Lang::Zh), "越高越好");
    }

    #[test]
    fn a_level_takes_its_direction_from_the_change_of_the_same_period_and_source() {
        let ds = seeds();
        let z = ds.station("zhaobaoshan").unwrap();
        let k = tile(&ds, z, Family::Incidents).key.unwrap();
        assert_eq!(
            k.figure.value, 16.7,
            "the level comes first, as in the directory"
        );
        assert_eq!(k.change_text(Lang::Zh).as_deref(), Some("下降26.1%"));
        assert_eq!(k.caption(Lang::Zh), "截至2023年8月 · 较6年前");
        assert_eq!(k.trend.unwrap().verdict, Verdict::Better);
        let (from, to) = k.ends.unwrap();
        assert_eq!(
            from.text(Lang::Zh),
            "6年前",
            "22.6 is in the quote, not in the data"
        );
        assert_eq!(to.text(Lang::Zh), "截至2023年8月：16.7");
        assert_eq!(to.text(Lang::En), "up to Aug 2023: 16.7");
        // A level without a change names its polarity only and takes no colour.
        let x = ds.station("xishan").unwrap();
        let k = tile(&ds, x, Family::Mediation).key.unwrap();
        assert!(k.trend.is_none());
        assert_eq!(k.meaning(Lang::En), "higher is better");
        assert_eq!(k.tone(), "");
    }

    #[test]
    fn a_named_baseline_period_gives_both_ends_with_levels_only_from_the_data() {
        let ds = seeds();
        let z = ds.station("zhaobaoshan").unwrap();
        let k = tile(&ds, z, Family::Fraud).key.unwrap();
        let (from, to) = k.ends.clone().unwrap();
        assert_eq!(
            (from.text(Lang::Zh), to.text(Lang::Zh)),
            ("2019年".to_string(), "2022年".to_string())
        );
        assert_eq!(from.text(Lang::En), "2019");
        // With levels for both years in the data, both ends carry them.
        let mut st = z.clone();
        let level = |year: i32, value: f64| Figure {
            metric: "fraud_cases".into(),
            value,
            unit: crate::Unit::Count,
            qualifier: crate::Qualifier::Exact,
            period: Period {
                start: Some(PartialDate::Year(year)),
                end: Some(PartialDate::Year(year)),
            },
            baseline: None,
            source: "src-zhaobaoshan".into(),
            scope: None,
            quote: None,
        };
        st.figures.push(level(2019, 70.0));
        st.figures.push(level(2022, 60.0));
        let change = k.figure;
        let (from, to) = ends(&st, change).unwrap();
        assert_eq!(from.text(Lang::En), "2019: 70");
        assert_eq!(to.text(Lang::En), "2022: 60");
    }

    #[test]
    fn the_sparkline_series_is_the_key_metrics_else_the_familys_first() {
        let bytes = include_bytes!("../../public/data/demo-synthetic.json");
        let ds = parse(bytes, "demo-synthetic.json").unwrap();
        let st = &ds.stations()[0];
        let t = tile(&ds, st, Family::Incidents);
        let (s, m) = t.series.unwrap();
        assert_eq!(
            (s.metric.as_str(), m.id.as_str()),
            ("incidents", "incidents")
        );
        let k = t.key.unwrap();
        assert_eq!(k.figure.metric, "incidents");
        assert!(!k.figure.is_change());
        assert!(
            k.change.is_some(),
            "the level's year-on-year change of the same period"
        );
        let t = tile(&ds, st, Family::GroupCoverage);
        assert!(t.series.is_none(), "no group series in the demo data");
    }
}
