//! Split layouts: an index file (every station with its headline figures, each naming a
//! detail file) loaded first, and detail files (full figures and monthly series of some
//! stations) loaded when a scorecard or a comparison needs them. A complete file is a valid
//! layout too (no station names a detail file).

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::error::{Issue, IssueKind, LoadError};
use crate::model::{Document, Kind};
pub use crate::path::is_detail_ref;
use crate::validate::{decode, validate};

/// The address of a detail file: `href` relative to the folder of the index at `index_src`
/// (`data/national/index.json` + `detail/a.json` → `data/national/detail/a.json`).
pub fn resolve(index_src: &str, href: &str) -> String {
    let base = crate::path::display_name(index_src);
    match base.rfind('/') {
        Some(i) => format!("{}{href}", &base[..=i]),
        None => href.to_string(),
    }
}

/// Parses and checks a detail file named `href` in the index `index`: a `"kind": "detail"`
/// document whose stations are all in the index and name this file, whose figures and series
/// refer to the index's metric catalogue and to sources of the index or of the detail file,
/// and that break no other rule of the format. Issues are reported with paths into the
/// detail file.
pub fn parse_detail(
    bytes: &[u8],
    file: &str,
    href: &str,
    index: &Dataset,
) -> Result<Document, LoadError> {
    let detail = decode(bytes, file)?;
    check_detail(bytes, detail, file, href, index)
}

/// The checks of [`parse_detail`] after the file is decoded (the browser decodes with
/// [`crate::decode_quick`] and loads the diagnosis only when that fails).
pub fn check_detail(
    bytes: &[u8],
    detail: Document,
    file: &str,
    href: &str,
    index: &Dataset,
) -> Result<Document, LoadError> {
    // Direction controls go from every string, as in `parse` (the warnings that say so are
    // kept with the other issues, reported if the file is refused).
    let (detail, issues) = crate::bidi::neutralise(bytes, detail);
    check_neutralised_detail(detail, issues, file, href, index)
}

/// [`check_detail`], keeping the warnings of a detail file that loads (paths into the detail
/// file), for [`Dataset::with_detail_warned`].
pub fn check_detail_warned(
    bytes: &[u8],
    detail: Document,
    file: &str,
    href: &str,
    index: &Dataset,
) -> Result<(Document, Vec<Issue>), LoadError> {
    let (detail, issues) = crate::bidi::neutralise(bytes, detail);
    check_neutralised_detail_warned(detail, issues, file, href, index)
}

/// The checks of [`check_detail`] after direction controls were removed (`issues`: the
/// warnings that say so).
pub fn check_neutralised_detail(
    detail: Document,
    issues: Vec<Issue>,
    file: &str,
    href: &str,
    index: &Dataset,
) -> Result<Document, LoadError> {
    check_neutralised_detail_warned(detail, issues, file, href, index).map(|(d, _)| d)
}

/// [`check_neutralised_detail`], keeping the warnings of a detail file that loads.
pub fn check_neutralised_detail_warned(
    detail: Document,
    mut issues: Vec<Issue>,
    file: &str,
    href: &str,
    index: &Dataset,
) -> Result<(Document, Vec<Issue>), LoadError> {
    let invalid = |issues: Vec<Issue>| LoadError::Invalid {
        file: file.to_string(),
        issues,
    };
    if detail.kind != Kind::Detail {
        return Err(invalid(vec![Issue {
            path: "$.kind".to_string(),
            kind: IssueKind::NotDetailFile,
        }]));
    }
    // The rules run on the detail's stations with the index's catalogue, and the detail's
    // own sources first (so that paths into `$.sources` are the detail file's).
    let mut checked = detail.clone();
    checked.kind = Kind::Complete;
    checked.metrics = index.document().metrics.clone();
    let own: HashMap<&str, usize> = detail
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for s in &index.document().sources {
        match own.get(s.id.as_str()) {
            Some(&i) if detail.sources[i] != *s => issues.push(Issue {
                path: format!("$.sources[{i}].id"),
                kind: IssueKind::SourceDiffersFromIndex { id: s.id.clone() },
            }),
            Some(_) => {}
            None => checked.sources.push(s.clone()),
        }
    }
    issues.extend(validate(&checked));
    for (i, st) in detail.stations.iter().enumerate() {
        match index.station(&st.id) {
            None => issues.push(Issue {
                path: format!("$.stations[{i}].id"),
                kind: IssueKind::NotInIndex { id: st.id.clone() },
            }),
            Some(listed) if listed.detail.as_deref() != Some(href) => issues.push(Issue {
                path: format!("$.stations[{i}].id"),
                kind: IssueKind::DetailElsewhere { id: st.id.clone() },
            }),
            Some(_) => {}
        }
    }
    if issues.iter().all(Issue::is_warning) {
        Ok((detail, issues))
    } else {
        Err(invalid(issues))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;
    use serde_json::json;

    fn index() -> Dataset {
        let doc = json!({
            "schema_version": 1, "kind": "index", "publisher": {"zh": "测试"},
            "generated_at": "2026-01-01T00:00:00Z",
            "sources": [{"id": "s", "title": {"zh": "来源"}, "publisher": {"zh": "出版"}}],
            "metrics": [{"id": "incidents", "label": {"zh": "警情"}, "unit": "count", "family": "incidents", "polarity": "lower_is_better"}],
            "stations": [
                {"id": "a", "name": {"zh": "甲所"}, "region": {"province": {"zh": "浙江省"}}, "detail": "detail/zj.json",
                 "figures": [{"metric": "incidents", "value": 10, "unit": "count", "source": "s"}]},
                {"id": "b", "name": {"zh": "乙所"}, "region": {"province": {"zh": "贵州省"}}, "detail": "detail/gz.json"},
                {"id": "c", "name": {"zh": "丙所"}, "region": {"province": {"zh": "贵州省"}}}
            ]
        });
        parse(doc.to_string().as_bytes(), "data/index.json").expect("valid index")
    }

    fn detail(stations: serde_json::Value, sources: serde_json::Value) -> Vec<u8> {
        json!({
            "schema_version": 1, "kind": "detail", "publisher": {"zh": "测试"},
            "generated_at": "2026-01-01T00:00:00Z", "sources": sources, "stations": stations
        })
        .to_string()
        .into_bytes()
    }

    fn station_a() -> serde_json::Value {
        json!({"id": "a", "name": {"zh": "甲所"}, "region": {"province": {"zh": "浙江省"}},
               "figures": [{"metric": "incidents", "value": 10, "unit": "count", "source": "s2", "quote": "警情10起"}],
               "series": [{"metric": "incidents", "start": "2025-01", "values": [1, 2, null], "source": "s"}]})
    }

    fn s2() -> serde_json::Value {
        json!([{"id": "s2", "title": {"zh": "年报"}, "publisher": {"zh": "分局"}}])
    }

    #[test]
    fn references_are_relative_paths_below_the_index() {
        for ok in ["detail/zj.json", "zj.json", "detail/2025/zj.json"] {
            assert!(is_detail_ref(ok), "{ok}");
        }
        for bad in [
            "",
            "/detail/zj.json",
            "../x.json",
            "detail/../x.json",
            "https://e.example/x.json",
            "//e.example/x.json",
            "detail//x.json",
            "./x.json",
            "x.json?v=1",
            "a b.json",
        ] {
            assert!(!is_detail_ref(bad), "{bad}");
        }
        assert_eq!(
            resolve("data/national/index.json", "detail/a.json"),
            "data/national/detail/a.json"
        );
        assert_eq!(
            resolve("/data/user/index.json?x=1", "detail/a.json"),
            "/data/user/detail/a.json"
        );
        assert_eq!(resolve("index.json", "detail/a.json"), "detail/a.json");
        assert_eq!(
            resolve("https://portal.example/sc/index.json", "detail/a.json"),
            "https://portal.example/sc/detail/a.json"
        );
    }

    #[test]
    fn direction_controls_are_removed_from_detail_files_too() {
        let ix = index();
        let mut a = station_a();
        a["figures"][0]["quote"] = json!("警情\u{202E}10起\u{2066}");
        let d = parse_detail(
            &detail(json!([a]), s2()),
            "data/detail/zj.json",
            "detail/zj.json",
            &ix,
        )
        .expect("valid detail");
        assert_eq!(d.stations[0].figures[0].quote.as_deref(), Some("警情10起"));
    }

    #[test]
    fn warnings_of_a_detail_file_that_loads_join_the_data_sets() {
        let ix = index();
        assert!(ix.warnings().is_empty());
        let mut a = station_a();
        a["figures"][0]["quote"] = json!("警情\u{202E}10起");
        a["series"][0]["values"] = json!([1, null, null, null, 5]);
        let bytes = detail(json!([a]), s2());
        let (d, warnings) = crate::decode(&bytes, "zj.json")
            .and_then(|d| check_detail_warned(&bytes, d, "zj.json", "detail/zj.json", &ix))
            .expect("loads with warnings");
        let kinds: Vec<&str> = warnings.iter().map(|w| w.kind.code()).collect();
        assert_eq!(kinds, ["bidi_control"], "{warnings:?}");
        let merged = ix.with_detail_warned("detail/zj.json", &d, &warnings);
        assert_eq!(merged.warnings().len(), 1);
        // The path names the detail file it is in.
        assert_eq!(
            merged.warnings()[0].path,
            format!("detail/zj.json {}", warnings[0].path)
        );
        assert!(merged.warnings()[0]
            .path
            .starts_with("detail/zj.json $.stations[0]"));
        // The same stations as without warnings, and merging twice adds nothing.
        assert_eq!(
            merged.stations(),
            ix.with_detail("detail/zj.json", &d).stations()
        );
        let again = merged.with_detail_warned("detail/zj.json", &d, &warnings);
        assert_eq!(again.warnings().len(), 1);
        // The plain check still gives the document alone.
        let plain = parse_detail(&bytes, "zj.json", "detail/zj.json", &ix).expect("loads");
        assert_eq!(plain, d);
    }

    #[test]
    fn a_detail_file_merges_into_its_index() {
        let ix = index();
        assert_eq!(ix.pending_detail("a"), Some("detail/zj.json"));
        assert_eq!(ix.pending_detail("c"), None);
        let d = parse_detail(
            &detail(json!([station_a()]), s2()),
            "data/detail/zj.json",
            "detail/zj.json",
            &ix,
        )
        .expect("valid detail");
        let merged = ix.with_detail("detail/zj.json", &d);
        let a = merged.station("a").unwrap();
        assert_eq!(a.series.len(), 1);
        assert_eq!(a.figures[0].source, "s2");
        assert_eq!(a.detail.as_deref(), Some("detail/zj.json"));
        assert!(merged.source("s2").is_some() && merged.source("s").is_some());
        assert_eq!(merged.pending_detail("a"), None);
        assert_eq!(merged.pending_detail("b"), Some("detail/gz.json"));
        assert_eq!(merged.stations().len(), 3);
        // Merging the same file twice changes nothing.
        assert_eq!(merged.with_detail("detail/zj.json", &d), merged);
    }

    #[test]
    fn detail_files_are_checked_against_their_index() {
        let ix = index();
        let err = |bytes: Vec<u8>| match parse_detail(&bytes, "d.json", "detail/zj.json", &ix) {
            Err(LoadError::Invalid { issues, .. }) => issues
                .into_iter()
                .map(|i| (i.path, i.kind.code()))
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        // A station of another file, one not in the index, a source of neither.
        let mut b = station_a();
        b["id"] = json!("b");
        let mut x = station_a();
        x["id"] = json!("x");
        let mut bad_source = station_a();
        bad_source["figures"][0]["source"] = json!("nowhere");
        assert_eq!(
            err(detail(json!([b, x, bad_source]), s2())),
            [
                (
                    "$.stations[2].figures[0].source".to_string(),
                    "unknown_source"
                ),
                ("$.stations[0].id".to_string(), "detail_elsewhere"),
                ("$.stations[1].id".to_string(), "not_in_index"),
            ]
        );
        // A source id of the index with other contents.
        let clash = json!([{"id": "s", "title": {"zh": "另一个"}, "publisher": {"zh": "出版"}}]);
        assert_eq!(
            err(detail(json!([station_a()]), clash))
                .first()
                .map(|(p, c)| (p.as_str(), *c)),
            Some(("$.sources[0].id", "source_differs_from_index"))
        );
        // The index itself is not a detail file.
        let not_detail = json!({"schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z", "stations": []});
        assert_eq!(
            err(not_detail.to_string().into_bytes()),
            [("$.kind".to_string(), "not_detail_file")]
        );
    }

    #[test]
    fn detail_references_only_in_an_index_and_detail_files_not_alone() {
        let complete = json!({
            "schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z",
            "sources": [], "metrics": [],
            "stations": [{"id": "a", "name": {"zh": "甲所"}, "region": {"province": {"zh": "浙江省"}}, "detail": "d.json"}]
        });
        let codes = |v: &serde_json::Value| match parse(v.to_string().as_bytes(), "x.json") {
            Err(LoadError::Invalid { issues, .. }) => issues
                .into_iter()
                .map(|i| (i.path, i.kind.code()))
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            codes(&complete),
            [("$.stations[0].detail".to_string(), "detail_outside_index")]
        );
        let mut index = complete.clone();
        index["kind"] = json!("index");
        index["stations"][0]["detail"] = json!("../d.json");
        assert_eq!(
            codes(&index),
            [("$.stations[0].detail".to_string(), "bad_detail_ref")]
        );
        let mut alone = complete.clone();
        alone["kind"] = json!("detail");
        alone["stations"][0]
            .as_object_mut()
            .unwrap()
            .remove("detail");
        assert_eq!(codes(&alone), [("$.kind".to_string(), "detail_file_alone")]);
    }
}
