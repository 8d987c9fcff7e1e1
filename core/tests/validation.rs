//! The validator on the shared fixtures in `tests/fixtures/` (the same files the browser tests load).

use scorecards_core::{parse, IssueKind, LoadError};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

#[test]
fn rate_above_100_is_located() {
    match parse(&fixture("rate-180.json"), "rate-180.json") {
        Err(LoadError::Invalid { file, issues }) => {
            assert_eq!(file, "rate-180.json");
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert_eq!(issues[0].path, "$.stations[0].figures[1].value");
            assert_eq!(
                issues[0].kind,
                IssueKind::PercentOutOfRange { value: 180.0 }
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn wrong_version_is_reported_before_structure() {
    match parse(&fixture("wrong-version.json"), "wrong-version.json") {
        Err(LoadError::UnsupportedVersion { found, .. }) => assert_eq!(found, "2"),
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }
    match parse(b"{\"stations\": []}", "x.json") {
        Err(LoadError::UnsupportedVersion { found, .. }) => assert_eq!(found, "missing"),
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }
}

#[test]
fn truncated_json_gives_line_and_column() {
    match parse(&fixture("bad-json.json"), "bad-json.json") {
        Err(LoadError::Syntax { line, column, .. }) => assert!(line > 1 && column >= 1),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(matches!(
        parse(b"", "empty.json"),
        Err(LoadError::Syntax { .. })
    ));
    assert!(matches!(
        parse(b"[1,2]", "array.json"),
        Err(LoadError::Structure { .. })
    ));
}

#[test]
fn structure_errors_name_the_json_path() {
    let mut doc: serde_json::Value = serde_json::from_slice(&fixture("rate-180.json")).unwrap();
    doc["stations"][0]["figures"][0]["value"] = serde_json::json!("twelve");
    match parse(doc.to_string().as_bytes(), "t.json") {
        Err(LoadError::Structure { path, .. }) => {
            assert_eq!(path, "$.stations[0].figures[0].value")
        }
        other => panic!("expected a structure error, got {other:?}"),
    }
    let mut doc: serde_json::Value = serde_json::from_slice(&fixture("rate-180.json")).unwrap();
    doc["stations"][0]["figures"][0]["period"]["start"] = serde_json::json!("2023-02-30");
    match parse(doc.to_string().as_bytes(), "t.json") {
        Err(LoadError::Structure { path, detail, .. }) => {
            assert_eq!(path, "$.stations[0].figures[0].period.start");
            assert!(detail.contains("2023-02-30"), "{detail}");
        }
        other => panic!("expected a structure error, got {other:?}"),
    }
    let mut doc: serde_json::Value = serde_json::from_slice(&fixture("rate-180.json")).unwrap();
    doc["stations"][0]["figures"][0]["valeu"] = serde_json::json!(1);
    match parse(doc.to_string().as_bytes(), "t.json") {
        Err(LoadError::Structure { detail, .. }) => assert!(detail.contains("valeu"), "{detail}"),
        other => panic!("expected unknown field, got {other:?}"),
    }
}

#[test]
fn every_rule_reports_all_its_problems() {
    let mut doc: serde_json::Value = serde_json::from_slice(&fixture("rate-180.json")).unwrap();
    let st = &mut doc["stations"][0];
    st["figures"][1]["value"] = serde_json::json!(50);
    st["figures"].as_array_mut().unwrap().extend([
        serde_json::json!({"metric": "incidents", "value": -5, "unit": "count", "source": "s1"}),
        serde_json::json!({"metric": "nope", "value": 1, "unit": "count", "source": "s1"}),
        serde_json::json!({"metric": "incidents", "value": 1, "unit": "count", "source": "ghost"}),
        serde_json::json!({"metric": "incidents", "value": -150, "unit": "percent", "baseline": {"kind": "year_on_year"}, "source": "s1"}),
        serde_json::json!({"metric": "incidents", "value": 3, "unit": "percent", "source": "s1"}),
        serde_json::json!({"metric": "incidents", "value": 3, "unit": "count", "period": {"start": "2024", "end": "2023-06"}, "source": "s1"}),
    ]);
    let copy = doc["stations"][0].clone();
    doc["stations"].as_array_mut().unwrap().push(copy);
    doc["sources"][0]["url"] = serde_json::json!("javascript:alert(1)");
    doc["generated_at"] = serde_json::json!("today");
    let issues = match parse(doc.to_string().as_bytes(), "t.json") {
        Err(LoadError::Invalid { issues, .. }) => issues,
        other => panic!("expected validation errors, got {other:?}"),
    };
    let has = |path: &str, pred: &dyn Fn(&IssueKind) -> bool| {
        assert!(
            issues.iter().any(|i| i.path == path && pred(&i.kind)),
            "missing issue at {path}: {issues:#?}"
        )
    };
    has("$.generated_at", &|k| {
        matches!(k, IssueKind::BadTimestamp { .. })
    });
    has("$.stations[0].figures[2].value", &|k| {
        matches!(k, IssueKind::Negative { .. })
    });
    has("$.stations[0].figures[3].metric", &|k| {
        matches!(k, IssueKind::UnknownMetric { .. })
    });
    has("$.stations[0].figures[4].source", &|k| {
        matches!(k, IssueKind::UnknownSource { .. })
    });
    has("$.stations[0].figures[5].value", &|k| {
        matches!(k, IssueKind::DeclineBeyondAll { .. })
    });
    has("$.stations[0].figures[6].unit", &|k| {
        matches!(k, IssueKind::UnitMismatch { change: false, .. })
    });
    has("$.stations[0].figures[7].period", &|k| {
        matches!(k, IssueKind::PeriodReversed { .. })
    });
    has("$.stations[1].id", &|k| {
        matches!(k, IssueKind::DuplicateId { .. })
    });
}

#[test]
fn a_bom_is_accepted_and_zero_is_a_value() {
    let mut doc: serde_json::Value = serde_json::from_slice(&fixture("rate-180.json")).unwrap();
    doc["stations"][0]["figures"][1]["value"] = serde_json::json!(0);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(doc.to_string().as_bytes());
    let ds = parse(&bytes, "bom.json").expect("valid with BOM");
    let st = ds.station("alpha").unwrap();
    let fig = ds.headline(st, scorecards_core::Family::Mediation).unwrap();
    assert_eq!(fig.value, 0.0, "a reported zero stays a figure");
    assert!(
        ds.headline(st, scorecards_core::Family::Fraud).is_none(),
        "absent stays absent"
    );
}

#[test]
fn a_non_http_link_is_a_warning_not_an_error() {
    let ds = parse(&fixture("hostile-text.json"), "hostile-text.json").expect("loads");
    assert_eq!(ds.warnings().len(), 1);
    assert_eq!(ds.warnings()[0].path, "$.sources[1].url");
    assert!(matches!(
        ds.warnings()[0].kind,
        IssueKind::NotHttpUrl { .. }
    ));
}

#[test]
fn injection_fixture_loads_with_bidi_controls_removed_and_warned() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/injection.json"
    ))
    .unwrap();
    let ds = scorecards_core::parse(&bytes, "injection.json").expect("loads with warnings only");
    let gamma = ds.station("gamma").unwrap();
    assert_eq!(gamma.name.zh, "丙所出派");
    assert_eq!(gamma.name.en.as_deref(), Some("Gamma noitatsx"));
    let bidi: Vec<&str> = ds
        .warnings()
        .iter()
        .filter(|i| matches!(i.kind, scorecards_core::IssueKind::BidiControl { .. }))
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(
        bidi,
        [
            "$.sources[5].title.en",
            "$.sources[5].title.zh",
            "$.stations[2].name.en",
            "$.stations[2].name.zh"
        ]
    );
    // Markup stays text, exactly as published.
    assert!(ds.station("beta").unwrap().name.zh.starts_with("<script>"));
}
