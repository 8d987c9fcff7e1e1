//! Figures computed from monthly series rather than quoted: the year-on-year change over the
//! latest twelve months that have a full year before them.

use crate::date::PartialDate;
use crate::model::{Baseline, Figure, Period, Qualifier, Series, Unit, ValueStatus};

/// A change computed from a series, with the windows it compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// First and last month of the current window.
    pub current: (PartialDate, PartialDate),
    /// First and last month of the window a year earlier.
    pub previous: (PartialDate, PartialDate),
    /// Whether any month used is an estimate.
    pub estimated: bool,
    /// The change, as a figure: period = the current window (a calendar year when it is one),
    /// baseline = year-on-year, unit = percent.
    pub figure: Figure,
}

/// The year-on-year change of the latest complete 24 months of `s`: the sum of the last 12
/// against the sum of the 12 before. `None` when no 24 consecutive months are all present,
/// when the earlier sum is zero, or when the metric is a rate (sums of rates mean nothing).
pub fn year_on_year(s: &Series, metric_unit: Unit) -> Option<Computed> {
    if !matches!(
        metric_unit,
        Unit::Count | Unit::People | Unit::PersonTimes | Unit::Yuan
    ) {
        return None;
    }
    let start = s.start.month_index()?;
    let status = |i: usize| -> ValueStatus {
        match (&s.status, s.values[i]) {
            (Some(st), _) => st[i],
            (None, Some(_)) => ValueStatus::Reported,
            (None, None) => ValueStatus::Missing,
        }
    };
    let present = |i: usize| s.values[i].is_some() && status(i) != ValueStatus::Missing;
    let n = s.values.len();
    let end = (24..=n).rev().find(|&end| (end - 24..end).all(present))?;
    let sum = |r: std::ops::Range<usize>| r.map(|i| s.values[i].unwrap_or(0.0)).sum::<f64>();
    let (previous, current) = (sum(end - 24..end - 12), sum(end - 12..end));
    if previous <= 0.0 {
        return None;
    }
    let change = ((current - previous) / previous * 1000.0).round() / 10.0;
    let estimated = (end - 24..end).any(|i| status(i) == ValueStatus::Estimated);
    let month = |i: usize| PartialDate::from_month_index(start + i as i64);
    let cur = (month(end - 12), month(end - 1));
    let prev = (month(end - 24), month(end - 13));
    let period = if cur.0.month() == Some(1) {
        Period {
            start: Some(PartialDate::Year(cur.0.year())),
            end: Some(PartialDate::Year(cur.0.year())),
        }
    } else {
        Period {
            start: Some(cur.0),
            end: Some(cur.1),
        }
    };
    Some(Computed {
        current: cur,
        previous: prev,
        estimated,
        figure: Figure {
            metric: s.metric.clone(),
            value: change,
            unit: Unit::Percent,
            qualifier: if estimated {
                Qualifier::About
            } else {
                Qualifier::Exact
            },
            period,
            baseline: Some(Baseline::YearOnYear),
            source: s.source.clone(),
            scope: None,
            quote: None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(start: &str, values: Vec<Option<f64>>, status: Option<Vec<ValueStatus>>) -> Series {
        Series {
            metric: "incidents".into(),
            start: PartialDate::parse(start).unwrap(),
            values,
            status,
            source: "s".into(),
        }
    }

    #[test]
    fn compares_the_last_twelve_months_with_the_twelve_before() {
        let mut v = vec![Some(10.0); 12];
        v.extend(vec![Some(9.0); 12]);
        let c = year_on_year(&series("2024-01", v, None), Unit::Count).unwrap();
        assert_eq!(c.figure.value, -10.0);
        assert_eq!(
            c.figure.period.start,
            Some(PartialDate::Year(2025)),
            "a calendar year reads as one"
        );
        assert_eq!(
            c.previous,
            (PartialDate::Month(2024, 1), PartialDate::Month(2024, 12))
        );
        assert!(!c.estimated);
    }

    #[test]
    fn skips_back_past_missing_months_and_names_the_window() {
        // 2023-03 .. 2025-04 (26 months); the last month is missing.
        let mut v: Vec<Option<f64>> = (0..26)
            .map(|i| Some(if i < 12 { 100.0 } else { 110.0 }))
            .collect();
        v[25] = None;
        let c = year_on_year(&series("2023-03", v, None), Unit::Count).unwrap();
        assert_eq!(
            c.current,
            (PartialDate::Month(2024, 4), PartialDate::Month(2025, 3))
        );
        assert_eq!(c.figure.period.end, Some(PartialDate::Month(2025, 3)));
        assert!(c.figure.value > 0.0);
    }

    #[test]
    fn a_gap_inside_every_window_means_no_figure() {
        let mut v = vec![Some(5.0); 24];
        v[12] = None;
        assert!(year_on_year(&series("2024-01", v, None), Unit::Count).is_none());
    }

    #[test]
    fn estimates_make_the_figure_approximate_and_zero_bases_refuse() {
        let v = vec![Some(5.0); 24];
        let mut st = vec![ValueStatus::Reported; 24];
        st[3] = ValueStatus::Estimated;
        let c = year_on_year(&series("2024-01", v, Some(st)), Unit::Count).unwrap();
        assert!(c.estimated);
        assert_eq!(c.figure.qualifier, Qualifier::About);
        let mut z = vec![Some(0.0); 12];
        z.extend(vec![Some(3.0); 12]);
        assert!(
            year_on_year(&series("2024-01", z, None), Unit::Count).is_none(),
            "no change from zero"
        );
        assert!(
            year_on_year(
                &series("2024-01", vec![Some(90.0); 24], None),
                Unit::Percent
            )
            .is_none(),
            "rates are not summed"
        );
    }
}
