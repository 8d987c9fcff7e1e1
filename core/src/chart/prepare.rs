//! From a monthly [`Series`] to what a chart draws and says: runs of consecutive present
//! months (split wherever a month is missing, so a gap stays a gap and never becomes a zero),
//! the year-on-year alignment of the latest year over the one before, summary statistics,
//! the text summary and the rows of the table equivalent.

use crate::date::PartialDate;
use crate::format;
use crate::i18n::summaries::{Extremes, SeriesFacts, YearAgo};
use crate::lang::Lang;
use crate::model::{Series, Unit, ValueStatus};

/// One present month of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The month (see [`PartialDate::month_index`]).
    pub month: i64,
    /// The value, finite.
    pub value: f64,
    /// [`ValueStatus::Reported`] or [`ValueStatus::Estimated`], never `Missing`.
    pub status: ValueStatus,
}

impl Point {
    /// The month as a date.
    pub fn date(&self) -> PartialDate {
        PartialDate::from_month_index(self.month)
    }

    /// Whether the value is an estimate.
    pub fn is_estimated(&self) -> bool {
        self.status == ValueStatus::Estimated
    }
}

/// Consecutive present months: drawn as one unbroken line.
pub type Run = Vec<Point>;

/// The status of the `i`-th value of `s`: its declared status, or `reported` for a number and
/// `missing` for `null` when none is declared. A `null`, a non-finite number or a value marked
/// missing all count as missing.
pub fn status_at(s: &Series, i: usize) -> ValueStatus {
    let value = s.values.get(i).copied().flatten().filter(|v| v.is_finite());
    let declared = s.status.as_ref().and_then(|st| st.get(i)).copied();
    match (value, declared) {
        (None, _) | (_, Some(ValueStatus::Missing)) => ValueStatus::Missing,
        (Some(_), Some(st)) => st,
        (Some(_), None) => ValueStatus::Reported,
    }
}

/// Every month of the series' span, `None` where missing. Empty when `start` is not a month.
pub fn months(s: &Series) -> Vec<(i64, Option<Point>)> {
    let Some(start) = s.start.month_index() else {
        return Vec::new();
    };
    (0..s.values.len())
        .map(|i| {
            let month = start + i as i64;
            let point = match (status_at(s, i), s.values[i]) {
                (ValueStatus::Missing, _) | (_, None) => None,
                (status, Some(value)) => Some(Point {
                    month,
                    value,
                    status,
                }),
            };
            (month, point)
        })
        .collect()
}

/// The present months of the series, in order.
pub fn points(s: &Series) -> Vec<Point> {
    months(s).into_iter().filter_map(|(_, p)| p).collect()
}

/// Splits a sequence of months into runs at every missing one (and wherever two present
/// points are not consecutive months).
pub fn split_runs<I: IntoIterator<Item = Option<Point>>>(months: I) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Run = Vec::new();
    for p in months {
        match p {
            Some(p) if current.last().is_none_or(|q| q.month + 1 == p.month) => current.push(p),
            Some(p) => {
                runs.push(std::mem::take(&mut current));
                current.push(p);
            }
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// The runs of a series: one per stretch of consecutive present months.
pub fn runs(s: &Series) -> Vec<Run> {
    split_runs(months(s).into_iter().map(|(_, p)| p))
}

/// The latest year of a series over the year before, by calendar month.
#[derive(Debug, Clone, PartialEq)]
pub struct YearOverYear {
    /// The latest year with a present value.
    pub year: i32,
    /// `year`'s months, January first; `None` where missing or outside the series.
    pub current: [Option<Point>; 12],
    /// The year before's months.
    pub previous: [Option<Point>; 12],
}

impl YearOverYear {
    /// The runs of the latest year.
    pub fn current_runs(&self) -> Vec<Run> {
        split_runs(self.current)
    }

    /// The runs of the year before.
    pub fn previous_runs(&self) -> Vec<Run> {
        split_runs(self.previous)
    }
}

/// Aligns the latest year that has a value with the year before it, by calendar month.
/// `None` when the series has no present value.
pub fn year_over_year(s: &Series) -> Option<YearOverYear> {
    let pts = points(s);
    let year = pts.last()?.date().year();
    let mut current = [None; 12];
    let mut previous = [None; 12];
    for p in pts {
        let (y, m) = (p.date().year(), p.date().month().unwrap_or(1) as usize - 1);
        if y == year {
            current[m] = Some(p);
        } else if y == year - 1 {
            previous[m] = Some(p);
        }
    }
    Some(YearOverYear {
        year,
        current,
        previous,
    })
}

/// The mean of a calendar year, only when all twelve months are present (a mean over some
/// months would be a different figure). Usable as a chart's baseline.
pub fn year_mean(s: &Series, year: i32) -> Option<f64> {
    let pts: Vec<Point> = points(s)
        .into_iter()
        .filter(|p| p.date().year() == year)
        .collect();
    (pts.len() == 12).then(|| pts.iter().map(|p| p.value).sum::<f64>() / 12.0)
}

/// What the text summary says, computed only from present values.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The first and last month of the series' span.
    pub span: Option<(i64, i64)>,
    /// Months present.
    pub present: usize,
    /// Months missing within the span.
    pub missing: usize,
    /// Months whose value is an estimate.
    pub estimated: usize,
    /// The latest present month.
    pub latest: Option<Point>,
    /// The same month a year before the latest one: its month, and its point when present.
    pub year_ago: Option<(i64, Option<Point>)>,
    /// The lowest value (the earliest month when tied).
    pub min: Option<Point>,
    /// The highest value (the earliest month when tied).
    pub max: Option<Point>,
}

/// The summary statistics of a series.
pub fn summarize(s: &Series) -> Summary {
    let all = months(s);
    let pts: Vec<Point> = all.iter().filter_map(|(_, p)| *p).collect();
    let latest = pts.last().copied();
    let year_ago = latest.map(|l| {
        let m = l.month - 12;
        (m, pts.iter().find(|p| p.month == m).copied())
    });
    let pick = |better: fn(f64, f64) -> bool| {
        pts.iter().fold(None::<Point>, |acc, p| match acc {
            Some(a) if !better(p.value, a.value) => Some(a),
            _ => Some(*p),
        })
    };
    Summary {
        span: all.first().zip(all.last()).map(|(a, b)| (a.0, b.0)),
        present: pts.len(),
        missing: all.len() - pts.len(),
        estimated: pts.iter().filter(|p| p.is_estimated()).count(),
        latest,
        year_ago,
        min: pick(|a, b| a < b),
        max: pick(|a, b| a > b),
    }
}

/// The change of the latest month against the same month a year before: a relative change in
/// percent for levels, a difference in percentage points for percentages. `None` unless both
/// months are present (and, for a relative change, the earlier value is above zero).
pub fn change_on_year_ago(summary: &Summary, unit: Unit) -> Option<f64> {
    let latest = summary.latest?;
    let before = summary.year_ago?.1?;
    match unit {
        Unit::Percent | Unit::PercentagePoints => Some(latest.value - before.value),
        _ if before.value > 0.0 => Some((latest.value - before.value) / before.value * 100.0),
        _ => None,
    }
}

fn value_text(lang: Lang, p: &Point, unit: Unit) -> String {
    let v = format::amount(lang, p.value, unit, crate::model::Qualifier::Exact);
    match (p.is_estimated(), lang) {
        (false, _) => v,
        (true, Lang::Zh) => format!("{v}（估计）"),
        (true, Lang::En) => format!("{v} (estimated)"),
    }
}

fn month_text(lang: Lang, m: i64) -> String {
    format::date(lang, &PartialDate::from_month_index(m))
}

/// A plain-language summary of a series, for readers who cannot see the chart: span, gaps
/// and estimates, the latest value, its change on the same month a year before (only when
/// both are reported), the highest and the lowest. Every number in it is a value of the series
/// or computed from two of them; nothing absent is filled in.
pub fn summary_text(lang: Lang, label: &str, unit: Unit, summary: &Summary) -> String {
    let (Some((first, last)), Some(latest)) = (summary.span, summary.latest) else {
        return lang.messages().series_summary(label, None);
    };
    let month = |m: i64| month_text(lang, m);
    let value = |p: &Point| value_text(lang, p, unit);
    let year_ago = summary.year_ago.map(|(m, before)| {
        let month = month(m);
        match (before, change_on_year_ago(summary, unit)) {
            (Some(b), Some(c)) => {
                let before = value(&b);
                let magnitude = format::plain_number((c.abs() * 10.0).round() / 10.0);
                if magnitude == "0" {
                    YearAgo::Unchanged { month, before }
                } else {
                    YearAgo::Change {
                        month,
                        before,
                        magnitude,
                        down: c < 0.0,
                        points: matches!(unit, Unit::Percent | Unit::PercentagePoints),
                    }
                }
            }
            (Some(b), None) => YearAgo::NoRate {
                month,
                before: value(&b),
            },
            (None, _) => YearAgo::NotReported { month },
        }
    });
    let extremes = match (summary.max, summary.min) {
        (Some(max), Some(min)) if summary.present > 1 => Some(Extremes {
            max: value(&max),
            max_month: month(max.month),
            min: value(&min),
            min_month: month(min.month),
        }),
        _ => None,
    };
    let facts = SeriesFacts {
        first: month(first),
        last: month(last),
        present: summary.present,
        missing: summary.missing,
        estimated: summary.estimated,
        latest: value(&latest),
        latest_month: month(latest.month),
        year_ago,
        extremes,
    };
    lang.messages().series_summary(label, Some(&facts))
}

/// One row of the table equivalent of a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The month, e.g. `2024年3月`, `Mar 2024`.
    pub month: String,
    /// The value with its unit, or "not reported" (`未报告`).
    pub value: String,
    /// `reported`/`estimated`/`missing` in the reader's language.
    pub status: String,
}

/// The table equivalent: one row per month of the series' span, missing months included.
pub fn table_rows(lang: Lang, s: &Series, unit: Unit) -> Vec<TableRow> {
    months(s)
        .into_iter()
        .map(|(m, p)| {
            let (value, status) = match (p, lang) {
                (Some(p), _) => (
                    format::amount(lang, p.value, unit, crate::model::Qualifier::Exact),
                    p.status,
                ),
                (None, Lang::Zh) => ("未报告".to_string(), ValueStatus::Missing),
                (None, Lang::En) => ("not reported".to_string(), ValueStatus::Missing),
            };
            TableRow {
                month: month_text(lang, m),
                value,
                status: status_text(lang, status).to_string(),
            }
        })
        .collect()
}

/// A value status in the reader's language.
pub fn status_text(lang: Lang, status: ValueStatus) -> &'static str {
    super::strings::chart_strings(lang).status(status)
}

/// The CSV of the table equivalent (`month,value,status`, ISO months, plain numbers, empty
/// value where missing), for the chart's export.
pub fn series_csv(s: &Series) -> String {
    let mut out = String::from("month,value,status\n");
    for (m, p) in months(s) {
        let month = PartialDate::from_month_index(m);
        match p {
            Some(p) => {
                let status = if p.is_estimated() {
                    "estimated"
                } else {
                    "reported"
                };
                out.push_str(&format!("{month},{},{status}\n", p.value));
            }
            None => out.push_str(&format!("{month},,missing\n")),
        }
    }
    out
}
