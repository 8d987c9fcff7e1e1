//! The report: statistics over samples, rows with targets, the text and Markdown tables,
//! report.json rows and the comparison with a previous report. Pure, tested natively.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::util::human_size;

/// The median (mean of the middle two for an even count); None when empty.
pub fn median(samples: &[f64]) -> Option<f64> {
    percentile(samples, 50.0)
}

/// Linear-interpolated percentile `p` (0–100) of the samples; None when empty.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let rank = (p / 100.0).clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    Some(v[lo] + (v[hi] - v[lo]) * (rank - lo as f64))
}

/// app ÷ reference, when both are there and the reference is not zero.
pub fn ratio(app: Option<f64>, reference: Option<f64>) -> Option<f64> {
    match (app, reference) {
        (Some(a), Some(r)) if r != 0.0 => Some(a / r),
        _ => None,
    }
}

// ---------------------------------------------------------------- report rows

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Ms,
    Bytes,
    MbPerS,
    Score,
    Times,
    /// A layout-shift score (CLS), unitless.
    Shift,
}

/// A target from the issue, on the app's value or on its ratio to the reference.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    AtMost(f64),
    AtLeast(f64),
    RatioAtMost(f64),
    RatioAtLeast(f64),
    Both(Box<Target>, Box<Target>),
}

impl Target {
    /// Whether the target is met; None when a needed value is missing.
    pub fn met(&self, app: Option<f64>, reference: Option<f64>) -> Option<bool> {
        match self {
            Target::AtMost(t) => app.map(|a| a <= *t),
            Target::AtLeast(t) => app.map(|a| a >= *t),
            Target::RatioAtMost(t) => ratio(app, reference).map(|r| r <= *t),
            Target::RatioAtLeast(t) => ratio(app, reference).map(|r| r >= *t),
            Target::Both(a, b) => match (a.met(app, reference), b.met(app, reference)) {
                (Some(x), Some(y)) => Some(x && y),
                (Some(false), None) | (None, Some(false)) => Some(false),
                _ => None,
            },
        }
    }

    pub fn describe(&self, unit: Unit) -> String {
        match self {
            Target::AtMost(t) => format!("≤ {}", format_value(*t, unit)),
            Target::AtLeast(t) => format!("≥ {}", format_value(*t, unit)),
            Target::RatioAtMost(t) => format!("≤ {t}× ref"),
            Target::RatioAtLeast(t) => format!("≥ {t}× ref"),
            Target::Both(a, b) => format!("{} and {}", a.describe(unit), b.describe(unit)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    /// Stable identifier (the key for comparing reports).
    pub key: String,
    pub label: String,
    pub unit: Unit,
    pub app: Option<f64>,
    pub reference: Option<f64>,
    /// Why a value is missing.
    pub app_note: Option<String>,
    pub ref_note: Option<String>,
    pub target: Option<Target>,
    pub lower_is_better: bool,
    /// The raw samples behind a median (app, reference).
    pub samples: (Vec<f64>, Vec<f64>),
}

impl Row {
    pub fn new(key: &str, label: &str, unit: Unit) -> Row {
        Row {
            key: key.into(),
            label: label.into(),
            unit,
            app: None,
            reference: None,
            app_note: None,
            ref_note: None,
            target: None,
            lower_is_better: !matches!(unit, Unit::MbPerS | Unit::Score),
            samples: (Vec::new(), Vec::new()),
        }
    }
    pub fn values(mut self, app: Option<f64>, reference: Option<f64>) -> Row {
        self.app = app;
        self.reference = reference;
        self
    }
    pub fn target(mut self, t: Target) -> Row {
        self.target = Some(t);
        self
    }
    pub fn notes(mut self, app: Option<String>, reference: Option<String>) -> Row {
        if self.app.is_none() {
            self.app_note = app;
        }
        if self.reference.is_none() {
            self.ref_note = reference;
        }
        self
    }
    pub fn ratio(&self) -> Option<f64> {
        ratio(self.app, self.reference)
    }
    pub fn met(&self) -> Option<bool> {
        self.target.as_ref()?.met(self.app, self.reference)
    }
}

pub fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Ms if v < 10.0 => format!("{v:.2} ms"),
        Unit::Ms if v < 1000.0 => format!("{v:.1} ms"),
        Unit::Ms => format!("{:.2} s", v / 1000.0),
        Unit::Bytes => human_size(v.max(0.0).round() as u64),
        Unit::MbPerS => format!("{v:.1} MB/s"),
        Unit::Score => format!("{v:.0}"),
        Unit::Times => format!("{v:.2}×"),
        Unit::Shift => format!("{v:.3}"),
    }
}

fn cell(v: Option<f64>, unit: Unit, note: &Option<String>) -> String {
    match (v, note) {
        (Some(v), _) => format_value(v, unit),
        (None, Some(_)) => "n/a*".into(),
        (None, None) => "–".into(),
    }
}

/// The change of the app's value from a previous report, as text (`+12.0% worse`).
pub fn delta(row: &Row, previous: Option<f64>) -> String {
    let (Some(now), Some(before)) = (row.app, previous) else {
        return "–".into();
    };
    if before == 0.0 {
        return if now == 0.0 {
            "±0".into()
        } else {
            "new".into()
        };
    }
    let pct = (now - before) / before.abs() * 100.0;
    if pct.abs() < 0.05 {
        return "±0%".into();
    }
    let worse = (pct > 0.0) == row.lower_is_better;
    // Timings on a shared 2-core machine wobble by a few percent: flag only clear changes.
    let tag = if pct.abs() >= 10.0 {
        if worse {
            " worse"
        } else {
            " better"
        }
    } else {
        ""
    };
    format!("{pct:+.1}%{tag}")
}

const HEADERS: [&str; 7] = [
    "metric",
    "app",
    "reference",
    "app ÷ ref",
    "target",
    "met",
    "Δ app vs previous",
];

fn row_cells(row: &Row, previous: &BTreeMap<String, f64>) -> [String; 7] {
    [
        row.label.clone(),
        cell(row.app, row.unit, &row.app_note),
        cell(row.reference, row.unit, &row.ref_note),
        row.ratio()
            .map(|r| format!("{r:.2}"))
            .unwrap_or_else(|| "–".into()),
        row.target
            .as_ref()
            .map(|t| t.describe(row.unit))
            .unwrap_or_default(),
        match row.met() {
            Some(true) => "yes".into(),
            Some(false) => "NO".into(),
            None if row.target.is_some() => "?".into(),
            None => String::new(),
        },
        delta(row, previous.get(&row.key).copied()),
    ]
}

fn notes_text(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for row in rows {
        for (who, note) in [("app", &row.app_note), ("reference", &row.ref_note)] {
            if let Some(n) = note {
                let line = format!("{who}: {n}");
                if !out.contains(&line) {
                    out.push(line);
                }
            }
        }
    }
    out
}

/// The table as fixed-width text.
pub fn text_table(rows: &[Row], previous: &BTreeMap<String, f64>) -> String {
    let cells: Vec<[String; 7]> = rows.iter().map(|r| row_cells(r, previous)).collect();
    let mut widths = HEADERS.map(|h| h.chars().count());
    for c in &cells {
        for (w, s) in widths.iter_mut().zip(c) {
            *w = (*w).max(s.chars().count());
        }
    }
    let line = |c: &[String]| {
        let mut s = String::new();
        for (i, (text, w)) in c.iter().zip(widths).enumerate() {
            let pad = w - text.chars().count();
            if i == 0 {
                let _ = write!(s, "{text}{}", " ".repeat(pad));
            } else {
                let _ = write!(s, "  {}{text}", " ".repeat(pad));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&HEADERS.map(String::from));
    out.push_str(&line(&widths.map(|w| "-".repeat(w))));
    for c in &cells {
        out.push_str(&line(c));
    }
    let notes = notes_text(rows);
    if !notes.is_empty() {
        out.push_str("\n* not measured:\n");
        for n in notes {
            let _ = writeln!(out, "  {n}");
        }
    }
    out
}

/// The table as Markdown.
pub fn markdown_table(rows: &[Row], previous: &BTreeMap<String, f64>) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = format!("| {} |\n", HEADERS.join(" | "));
    out.push_str("|---|---:|---:|---:|---|---|---:|\n");
    for row in rows {
        let c = row_cells(row, previous);
        let _ = writeln!(
            out,
            "| {} |",
            c.iter().map(|s| esc(s)).collect::<Vec<_>>().join(" | ")
        );
    }
    let notes = notes_text(rows);
    if !notes.is_empty() {
        out.push_str("\n\\* not measured:\n\n");
        for n in notes {
            let _ = writeln!(out, "- {}", esc(&n));
        }
    }
    out
}

pub fn row_json(row: &Row) -> Value {
    json!({
        "key": row.key,
        "label": row.label,
        "unit": format!("{:?}", row.unit),
        "app": row.app,
        "reference": row.reference,
        "ratio": row.ratio(),
        "target": row.target.as_ref().map(|t| t.describe(row.unit)),
        "met": row.met(),
        "lower_is_better": row.lower_is_better,
        "app_note": row.app_note,
        "reference_note": row.ref_note,
        "samples": { "app": row.samples.0, "reference": row.samples.1 },
    })
}

/// The app's values in a previous report.json, by key.
pub fn previous_values(report: &Value) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    if let Some(rows) = report["rows"].as_array() {
        for r in rows {
            if let (Some(k), Some(v)) = (r["key"].as_str(), r["app"].as_f64()) {
                out.insert(k.to_string(), v);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[1.0, f64::NAN, 3.0]), Some(2.0));
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert!((percentile(&v, 95.0).unwrap() - 95.05).abs() < 1e-9);
        assert_eq!(percentile(&v, 100.0), Some(100.0));
        assert_eq!(percentile(&v, 0.0), Some(1.0));
    }

    #[test]
    fn ratios_and_targets() {
        assert_eq!(ratio(Some(6.0), Some(3.0)), Some(2.0));
        assert_eq!(ratio(Some(6.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(1.0)), None);
        assert_eq!(Target::AtMost(50.0).met(Some(50.0), None), Some(true));
        assert_eq!(Target::AtLeast(95.0).met(Some(94.0), None), Some(false));
        assert_eq!(
            Target::RatioAtMost(1.2).met(Some(11.0), Some(10.0)),
            Some(true)
        );
        assert_eq!(
            Target::RatioAtLeast(0.9).met(Some(8.0), Some(10.0)),
            Some(false)
        );
        let both = Target::Both(
            Box::new(Target::AtMost(50.0)),
            Box::new(Target::RatioAtMost(1.0)),
        );
        assert_eq!(both.met(Some(40.0), Some(45.0)), Some(true));
        assert_eq!(both.met(Some(40.0), Some(30.0)), Some(false));
        // Over the absolute limit fails even without a reference value.
        assert_eq!(both.met(Some(60.0), None), Some(false));
        assert_eq!(both.met(Some(40.0), None), None);
        assert_eq!(both.describe(Unit::Ms), "≤ 50.0 ms and ≤ 1× ref");
    }

    #[test]
    fn formats_and_deltas() {
        assert_eq!(format_value(2.345, Unit::Ms), "2.35 ms");
        assert_eq!(format_value(1234.0, Unit::Ms), "1.23 s");
        assert_eq!(format_value(102_400.0, Unit::Bytes), "100.0 KiB");
        assert_eq!(format_value(97.4, Unit::Score), "97");
        let mut r = Row::new("k", "sort", Unit::Ms).values(Some(120.0), Some(100.0));
        assert_eq!(delta(&r, Some(100.0)), "+20.0% worse");
        assert_eq!(delta(&r, Some(125.0)), "-4.0%");
        assert_eq!(delta(&r, None), "–");
        r.unit = Unit::Score;
        r.lower_is_better = false;
        assert_eq!(delta(&r, Some(100.0)), "+20.0% better");
    }

    #[test]
    fn tables_show_ratio_target_and_missing_values() {
        let rows = vec![
            Row::new("ttfs_1x", "time to first scorecard", Unit::Ms)
                .values(Some(120.0), Some(100.0))
                .target(Target::RatioAtMost(1.2)),
            Row::new("lh", "Lighthouse", Unit::Score)
                .target(Target::AtLeast(95.0))
                .notes(Some("file too large".into()), None),
        ];
        let mut prev = BTreeMap::new();
        prev.insert("ttfs_1x".to_string(), 100.0);
        let text = text_table(&rows, &prev);
        assert!(text.contains("1.20"), "{text}");
        assert!(text.contains("≤ 1.2× ref"), "{text}");
        assert!(text.contains("yes"), "{text}");
        assert!(text.contains("+20.0% worse"), "{text}");
        assert!(text.contains("n/a*"), "{text}");
        assert!(text.contains("app: file too large"), "{text}");
        let md = markdown_table(&rows, &prev);
        assert!(md.starts_with("| metric | app |"), "{md}");
        assert_eq!(md.lines().filter(|l| l.starts_with('|')).count(), 4, "{md}");
        // Round trip through report.json for the next run's deltas.
        let report = json!({ "rows": rows.iter().map(row_json).collect::<Vec<_>>() });
        let back = previous_values(&report);
        assert_eq!(back.get("ttfs_1x"), Some(&120.0));
        assert!(!back.contains_key("lh"));
    }

    #[test]
    fn shift_scores_have_three_decimals() {
        assert_eq!(format_value(0.0042, Unit::Shift), "0.004");
        assert_eq!(Target::AtMost(0.01).describe(Unit::Shift), "≤ 0.010");
        assert_eq!(Target::AtMost(0.01).met(Some(0.012), None), Some(false));
    }
}
