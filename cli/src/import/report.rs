//! Tracing a problem core finds back to the row and column it came from.

use super::*;

/// "(metrics.csv row 3 was rejected)" when a reference points at a rejected row.
pub(super) fn rejected_note(
    kind: &IssueKind,
    parsed: &Parsed,
    rejected: &Rejected,
    lang: Lang,
) -> Option<String> {
    // One arm per kind of reference; each looks in its own table (the `duplicates` tool
    // pairs them).
    let (id, from) = match kind {
        IssueKind::UnknownMetric { id } => (
            id,
            parsed
                .metrics
                .iter()
                .find(|(f, m)| m.id == *id && rejected.set.contains(f))?
                .0,
        ),
        IssueKind::UnknownSource { id } => (
            id,
            parsed
                .sources
                .iter()
                .find(|(f, s)| s.id == *id && rejected.set.contains(f))?
                .0,
        ),
        _ => return None,
    };
    let RowRef::Row(t, row) = from else {
        return None;
    };
    let _ = id;
    let file = &parsed.tables[t].0;
    Some(msgs(lang).refers_to_rejected(file, row))
}

/// The CSV column a JSON path points at, where there is an obvious one.
pub(super) fn column_of(path: &str) -> Option<&'static str> {
    let segs = parse_path(path)?;
    let keys: Vec<&str> = segs
        .iter()
        .filter_map(|s| match s {
            PathSegment::Key(k) => Some(k.as_str()),
            PathSegment::Index(_) => None,
        })
        .collect();
    Some(match keys.as_slice() {
        [.., "profile", fact, "value"] => match *fact {
            "area_km2" => "area_km2",
            "population" => "population",
            "officers" => "officers",
            _ => "auxiliary_officers",
        },
        [.., "profile", _, "source"] => "profile_source",
        [.., "region", "code"] => "region_code",
        [.., "location"] => "lon",
        ["stations", "figures", "period"] => "period_start",
        ["stations", "figures", "baseline"] => "baseline_start",
        [.., "values"] | [.., "status"] => "value",
        [.., last] => match *last {
            "id" => "id",
            "metric" => "metric",
            "source" => "source",
            "unit" => "unit",
            "value" => "value",
            "url" => "url",
            "start" => "month",
            _ => return None,
        },
        [] => return None,
    })
}
