//! Chart summaries in English (the same clauses as `zh/summaries.rs`, in English order).

use crate::i18n::summaries::{SeriesFacts, SparkFacts, YearAgo};

pub(super) fn series(label: &str, facts: Option<&SeriesFacts>) -> String {
    let Some(f) = facts else {
        return format!("{label}: no month has a reported value.");
    };
    let mut out = format!(
        "{label}: {} to {}, {} months with a value",
        f.first, f.last, f.present
    );
    let mut parts = Vec::new();
    if f.missing > 0 {
        parts.push(format!("{} not reported", f.missing));
    }
    if f.estimated > 0 {
        parts.push(format!("{} estimated", f.estimated));
    }
    if parts.is_empty() {
        out.push('.');
    } else {
        out.push_str(&format!(" ({}).", parts.join(", ")));
    }
    out.push_str(&format!(" Latest: {} in {}", f.latest, f.latest_month));
    match &f.year_ago {
        Some(YearAgo::Unchanged { month, before }) => out.push_str(&format!(
            ", unchanged on the same month a year earlier ({month}: {before})"
        )),
        Some(YearAgo::Change {
            month,
            before,
            magnitude,
            down,
            points,
        }) => out.push_str(&format!(
            ", {} {magnitude}{} on the same month a year earlier ({month}: {before})",
            if *down { "down" } else { "up" },
            if *points { " percentage points" } else { "%" }
        )),
        Some(YearAgo::NoRate { month, before }) => out.push_str(&format!(
            "; the same month a year earlier ({month}) was {before}, so no rate of change is given"
        )),
        Some(YearAgo::NotReported { month }) => out.push_str(&format!(
            "; the same month a year earlier ({month}) is not reported, so no change is given"
        )),
        None => {}
    }
    out.push('.');
    if let Some(e) = &f.extremes {
        out.push_str(&format!(
            " Highest: {} in {}; lowest: {} in {}.",
            e.max, e.max_month, e.min, e.min_month
        ));
    }
    out
}

pub(super) fn spark(f: &SparkFacts) -> String {
    let mut out = format!(
        "Monthly, {} to {}: latest ({}) {}, highest {}, lowest {}",
        f.first, f.last, f.latest_month, f.latest, f.max, f.min
    );
    if f.missing > 0 {
        out.push_str(&format!("; {} not reported", f.missing));
    }
    if f.estimated > 0 {
        out.push_str(&format!("; {} estimated", f.estimated));
    }
    out.push('.');
    out
}
