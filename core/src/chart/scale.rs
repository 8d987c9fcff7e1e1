//! Scales and ticks: "nice" value ticks in 1-2-5 steps, month ticks that thin out as the
//! chart narrows, and the mapping between values and pixels.

use crate::date::PartialDate;
use crate::format;
use crate::lang::Lang;

/// A linear mapping from a value domain onto a pixel range (which may run backwards, as a
/// y axis does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    /// The values at the two ends.
    pub domain: (f64, f64),
    /// The pixels at the two ends.
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` onto `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale { domain, range }
    }

    // `map` and `invert` are the same formula with domain and range swapped (the
    // `duplicates` tool pairs them).
    /// The pixel of a value. A degenerate domain maps everything to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at a pixel.
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return (d0 + d1) / 2.0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// Value ticks: evenly spaced round numbers that cover the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// The distance between ticks: 1, 2 or 5 times a power of ten.
    pub step: f64,
    /// The tick values, ascending; the first and last are the axis' ends.
    pub values: Vec<f64>,
}

impl Ticks {
    /// The axis' domain: from the first tick to the last.
    pub fn domain(&self) -> (f64, f64) {
        (
            self.values.first().copied().unwrap_or(0.0),
            self.values.last().copied().unwrap_or(1.0),
        )
    }
}

/// The smallest step of the form 1, 2 or 5 × 10ⁿ that is at least `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    // Compare with a little slack so that 0.3 / 0.1 (2.9999…) counts as 3 → 5, not more.
    let nice = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .find(|&n| fraction <= n * (1.0 + 1e-9))
        .unwrap_or(10.0);
    nice * power
}

fn next_nice_step(step: f64) -> f64 {
    nice_step(step * 1.000_001)
}

/// Round ticks covering `min..=max`, at most `max_ticks` of them (at least 2). With
/// `include_zero` the axis starts (or ends) at zero, as an axis of counts must, so that a
/// bar's or line's height is not exaggerated. Non-finite bounds are ignored; an empty or
/// single-valued range still gets an axis.
pub fn nice_ticks(min: f64, max: f64, max_ticks: usize, include_zero: bool) -> Ticks {
    let max_ticks = max_ticks.max(2);
    let (mut lo, mut hi) = match (min.is_finite(), max.is_finite()) {
        (true, true) => (min.min(max), min.max(max)),
        (true, false) => (min, min),
        (false, true) => (max, max),
        (false, false) => (0.0, 0.0),
    };
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if lo == hi {
        if lo == 0.0 {
            hi = 1.0;
        } else if include_zero || lo > 0.0 {
            // A single positive value: from zero (or just below) up to it.
            let pad = lo.abs() * 0.1;
            if lo > 0.0 {
                hi += pad;
                lo = if include_zero { 0.0 } else { lo - pad };
            } else {
                lo -= pad;
                hi = if include_zero { 0.0 } else { hi + pad };
            }
        } else {
            let pad = lo.abs() * 0.1;
            lo -= pad;
            hi += pad;
        }
    }
    let mut step = nice_step((hi - lo) / (max_ticks - 1) as f64);
    loop {
        let first = (lo / step + 1e-9).floor();
        let last = (hi / step - 1e-9).ceil();
        let count = (last - first) as usize + 1;
        if count <= max_ticks {
            let decimals = (-step.log10().floor()).max(0.0) as i32;
            let round = |v: f64| {
                let f = 10f64.powi(decimals);
                let r = (v * f).round() / f;
                if r == 0.0 {
                    0.0
                } else {
                    r
                }
            };
            let values = (0..count)
                .map(|i| round((first + i as f64) * step))
                .collect();
            return Ticks { step, values };
        }
        step = next_nice_step(step);
    }
}

/// How far apart month ticks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthStep {
    /// Every month.
    Month,
    /// January, April, July and October.
    Quarter,
    /// Every January.
    Year,
    /// Every January of every `n`-th year (n ≥ 2).
    Years(u32),
}

impl MonthStep {
    fn months(self) -> i64 {
        match self {
            MonthStep::Month => 1,
            MonthStep::Quarter => 3,
            MonthStep::Year => 12,
            MonthStep::Years(n) => 12 * i64::from(n.max(2)),
        }
    }
}

/// The finest month step whose labels, `min_label_px` apart, fit in `width_px` for months
/// `first..=last` (month indices, see [`PartialDate::month_index`]).
pub fn month_step(first: i64, last: i64, width_px: f64, min_label_px: f64) -> MonthStep {
    let span = (last - first).abs() + 1;
    let fits = |step: i64| {
        let labels = (span + step - 1) / step;
        labels as f64 * min_label_px <= width_px.max(0.0)
    };
    for step in [MonthStep::Month, MonthStep::Quarter, MonthStep::Year] {
        if fits(step.months()) {
            return step;
        }
    }
    for n in [2u32, 5, 10, 20, 50, 100] {
        if fits(12 * i64::from(n)) {
            return MonthStep::Years(n);
        }
    }
    MonthStep::Years(100)
}

/// The months in `first..=last` that carry a tick at `step`: calendar-aligned (quarters start
/// in January, April, July, October; years in January). When a short range holds no aligned
/// month, its first month is ticked so that the axis is never bare.
pub fn month_ticks(first: i64, last: i64, step: MonthStep) -> Vec<i64> {
    let (first, last) = (first.min(last), first.max(last));
    let every = step.months();
    let ticks: Vec<i64> = (first..=last)
        .filter(|m| m.rem_euclid(every) == 0)
        .collect();
    if ticks.is_empty() {
        vec![first]
    } else {
        ticks
    }
}

/// The label of a month tick: the year is named on January and on the first tick
/// (`2024年1月`, `4月`; `Jan 2024`, `Apr`), and alone when ticks are yearly (`2024年`, `2024`).
pub fn month_label(lang: Lang, month: i64, step: MonthStep, first_tick: bool) -> String {
    let date = PartialDate::from_month_index(month);
    let (year, m) = (date.year(), date.month().unwrap_or(1));
    match step {
        MonthStep::Year | MonthStep::Years(_) => format::date(lang, &PartialDate::Year(year)),
        MonthStep::Month | MonthStep::Quarter if m == 1 || first_tick => format::date(lang, &date),
        MonthStep::Month | MonthStep::Quarter => calendar_month(lang, m),
    }
}

/// A calendar month without its year: `3月`, `Mar`.
pub fn calendar_month(lang: Lang, m: u32) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => EN[(m.clamp(1, 12) - 1) as usize].to_string(),
    }
}

/// The label of a value tick: compact, in the reader's convention (`5万`, `50,000`), with
/// `%` for percentages.
pub fn value_label(lang: Lang, v: f64, percent: bool) -> String {
    let n = match lang {
        Lang::Zh => format::chinese_number(v),
        Lang::En => format::grouped_number(v),
    };
    if percent {
        format!("{n}%")
    } else {
        n
    }
}

/// A width estimate of a label in pixels at `font_px`, without measuring (CJK characters
/// are a square em, others about 0.6 em). Only used to reserve margins.
pub fn approx_text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_px
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_or_five() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(23.0), 50.0);
        assert_eq!(nice_step(0.03), 0.05);
        assert_eq!(nice_step(0.0), 1.0);
    }

    #[test]
    fn scales_map_both_ways() {
        let s = LinearScale::new((0.0, 100.0), (200.0, 0.0));
        assert_eq!(s.map(25.0), 150.0);
        assert_eq!(s.invert(150.0), 25.0);
        assert_eq!(LinearScale::new((5.0, 5.0), (0.0, 10.0)).map(5.0), 5.0);
    }
}
