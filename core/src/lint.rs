//! Advice for publishers: things that are allowed by the format but probably not meant.
//!
//! [`crate::validate`] decides whether a file is valid (and is what the dashboard runs).
//! [`advise`] runs on top of it in publisher tools: every issue it returns is a warning
//! ([`crate::Issue::is_warning`]), so advice never changes whether a file is valid.

use std::collections::HashSet;

use crate::error::{Issue, IssueKind};
use crate::model::Document;

/// Warnings about a document that the format allows: a figure without the passage it was
/// taken from, a monthly series with missing months, a metric or source nothing refers to.
/// In file order within each kind.
pub fn advise(doc: &Document) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut used_metrics = HashSet::new();
    let mut used_sources = HashSet::new();
    for (i, st) in doc.stations.iter().enumerate() {
        let p = &st.profile;
        let facts = [
            &p.area_km2,
            &p.population,
            &p.officers,
            &p.auxiliary_officers,
        ];
        for fact in facts.into_iter().flatten() {
            used_sources.insert(fact.source.as_str());
        }
        if let Some(f) = &p.founded {
            used_sources.insert(f.source.as_str());
        }
        for (j, fig) in st.figures.iter().enumerate() {
            used_metrics.insert(fig.metric.as_str());
            used_sources.insert(fig.source.as_str());
            if fig.quote.as_deref().is_none_or(|q| q.trim().is_empty()) {
                out.push(Issue {
                    path: format!("$.stations[{i}].figures[{j}]"),
                    kind: IssueKind::MissingQuote,
                });
            }
        }
        for (j, s) in st.series.iter().enumerate() {
            used_metrics.insert(s.metric.as_str());
            used_sources.insert(s.source.as_str());
            let missing = s.values.iter().filter(|v| v.is_none()).count();
            if let Some(first) = s.values.iter().position(Option::is_none) {
                let month = s
                    .start
                    .month_index()
                    .map(|m| crate::PartialDate::from_month_index(m + first as i64).to_string())
                    .unwrap_or_default();
                out.push(Issue {
                    path: format!("$.stations[{i}].series[{j}].values[{first}]"),
                    kind: IssueKind::SeriesGap {
                        missing,
                        months: s.values.len(),
                        first: month,
                    },
                });
            }
        }
    }
    for (i, m) in doc.metrics.iter().enumerate() {
        if !used_metrics.contains(m.id.as_str()) {
            out.push(Issue {
                path: format!("$.metrics[{i}].id"),
                kind: IssueKind::UnusedMetric { id: m.id.clone() },
            });
        }
    }
    for (i, s) in doc.sources.iter().enumerate() {
        if !used_sources.contains(s.id.as_str()) {
            out.push(Issue {
                path: format!("$.sources[{i}].id"),
                kind: IssueKind::UnusedSource { id: s.id.clone() },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Document {
        serde_json::from_str(json).unwrap()
    }

    const BASE: &str = r#"{
      "schema_version": 1, "publisher": {"zh": "测"}, "generated_at": "2026-01-01T00:00:00Z",
      "sources": [{"id": "s1", "title": {"zh": "甲"}, "publisher": {"zh": "乙"}},
                  {"id": "s2", "title": {"zh": "甲"}, "publisher": {"zh": "乙"}}],
      "metrics": [
        {"id": "a", "label": {"zh": "A"}, "unit": "count", "family": "incidents", "polarity": "lower_is_better"},
        {"id": "b", "label": {"zh": "B"}, "unit": "count", "family": "fraud", "polarity": "lower_is_better"},
        {"id": "c", "label": {"zh": "C"}, "unit": "count", "family": "other", "polarity": "neutral"}
      ],
      "stations": [{"id": "x", "name": {"zh": "X"}, "region": {"province": {"zh": "P"}},
        "figures": [
          {"metric": "a", "value": 1, "unit": "count", "source": "s1", "quote": "一起"},
          {"metric": "a", "value": 2, "unit": "count", "source": "s1", "quote": "  "}
        ],
        "series": [
          {"metric": "b", "start": "2024-11", "values": [1, null, 3, null], "source": "s1"},
          {"metric": "b", "start": "2024-01", "values": [1, 2], "source": "s1"}
        ]}]
    }"#;

    #[test]
    fn advice_names_each_case() {
        let issues = advise(&doc(BASE));
        let got: Vec<(&str, &IssueKind)> =
            issues.iter().map(|i| (i.path.as_str(), &i.kind)).collect();
        assert_eq!(
            got,
            [
                ("$.stations[0].figures[1]", &IssueKind::MissingQuote),
                (
                    "$.stations[0].series[0].values[1]",
                    &IssueKind::SeriesGap {
                        missing: 2,
                        months: 4,
                        first: "2024-12".into()
                    }
                ),
                (
                    "$.metrics[2].id",
                    &IssueKind::UnusedMetric { id: "c".into() }
                ),
                (
                    "$.sources[1].id",
                    &IssueKind::UnusedSource { id: "s2".into() }
                ),
            ]
        );
        assert!(issues.iter().all(Issue::is_warning));
    }

    #[test]
    fn the_seed_data_needs_no_advice() {
        let bytes = include_bytes!("../../public/data/seeds.json");
        let ds = crate::parse(bytes, "seeds.json").unwrap();
        assert_eq!(advise(ds.document()), Vec::new());
    }
}
