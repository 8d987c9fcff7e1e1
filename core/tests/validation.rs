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

// Each error test lists its cases as one `assert!(matches!(…))` each, so that a failure
// names its input (the `duplicates` tool pairs those lists).
#[test]
fn truncated_json_gives_line_and_column() {
    match parse(&fixture("bad-json.json"), "bad-json.json") {
        Err(LoadError::Syntax { line, column, .. }) => assert!(line > 1 && column >= 1),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(matches!(
        parse(b"", "empty.json"),
        Err(LoadError::Empty { .. })
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

#[test]
fn files_that_are_not_utf8_json_are_named_before_parsing() {
    use scorecards_core::TextEncoding;
    let enc = |b: &[u8]| match parse(b, "x.json") {
        Err(LoadError::Encoding { encoding, .. }) => Some(encoding),
        _ => None,
    };
    assert_eq!(enc(b"\xFF\xFE{\0}\0"), Some(TextEncoding::Utf16Le));
    assert_eq!(enc(b"\xFE\xFF\0{\0}"), Some(TextEncoding::Utf16Be));
    assert_eq!(enc(b"{\0\"\0a\0"), Some(TextEncoding::Utf16Le));
    assert_eq!(enc(b"\0{\0\"\0a"), Some(TextEncoding::Utf16Be));
    assert_eq!(enc(b"\xFF\xFE\0\0{\0\0\0"), Some(TextEncoding::Utf32Le));
    assert_eq!(enc(b"{\0\0\0"), Some(TextEncoding::Utf32Le));
    // A NUL inside ordinary JSON is not UTF-16.
    assert_eq!(enc(b"{\"a\": \"\0\"}"), None);
    assert_eq!(enc(b"{}"), None);
    assert!(matches!(
        parse(b" \r\n\t", "x.json"),
        Err(LoadError::Empty { .. })
    ));
    assert!(matches!(
        parse(b"\xEF\xBB\xBF", "x.json"),
        Err(LoadError::Empty { .. })
    ));
}

#[test]
fn an_html_page_is_named_with_its_short_title_as_text() {
    let title = |b: &str| match parse(b.as_bytes(), "x.json") {
        Err(LoadError::Html { title, .. }) => title,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        title("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>"),
        Some("502 Bad Gateway".into())
    );
    assert_eq!(
        title("\n <HTML><TITLE>\n a &amp; <b>b</b>\t&lt;c&gt; </TITLE>"),
        Some("a & b <c>".into())
    );
    assert_eq!(title("<html><body>no title</body></html>"), None);
    assert_eq!(title("<title>unclosed"), None);
    assert_eq!(title(&format!("<title>{}</title>", "x".repeat(81))), None);
    assert_eq!(title("<title></title>"), None);
}

#[test]
fn nan_and_infinity_are_named() {
    for (text, token, column) in [
        ("{\"schema_version\": NaN}", "NaN", 20),
        (
            "{\"schema_version\": 1, \"x\": [1, Infinity]}",
            "Infinity",
            32,
        ),
        ("{\"schema_version\": 1, \"x\": -Infinity}", "-Infinity", 28),
        (
            "{\"schema_version\": 1,\n \"x\": +Infinity}",
            "+Infinity",
            7,
        ),
    ] {
        match parse(text.as_bytes(), "x.json") {
            Err(LoadError::NonFiniteNumber {
                token: t,
                column: c,
                ..
            }) => assert_eq!((t.as_str(), c), (token, column), "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // On a thread with a small stack, so that recursion would show.
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            for text in [
                "[".repeat(100_000),
                format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
                format!(
                    "{{\"schema_version\": 1, \"x\": {}}}",
                    "{\"a\":".repeat(50_000)
                ),
            ] {
                match parse(text.as_bytes(), "deep.json") {
                    Err(LoadError::TooDeep { limit, column, .. }) => {
                        assert_eq!(limit, scorecards_core::MAX_NESTING);
                        assert!(column > 1);
                    }
                    other => panic!("{other:?}"),
                }
            }
            // 128 levels are allowed (and then the top level is not an object).
            let ok_depth = format!("{}{}", "[".repeat(128), "]".repeat(128));
            assert!(matches!(
                parse(ok_depth.as_bytes(), "x.json"),
                Err(LoadError::Structure { .. })
            ));
            let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
            let path = format!("${}", "[0]".repeat(100_000));
            let found = scorecards_core::locate::locate_paths(deep.as_bytes(), &[&path]);
            assert!(found[0].is_some_and(|l| !l.exact));
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn duplicate_keys_name_the_key() {
    match parse(b"{\"schema_version\": 1, \"schema_version\": 1}", "x.json") {
        Err(LoadError::Structure { path, .. }) => assert_eq!(path, "$.schema_version"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn schema_version_null_is_not_missing() {
    match parse(b"{\"schema_version\": null}", "x.json") {
        Err(LoadError::UnsupportedVersion { found, .. }) => assert_eq!(found, "null"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn numbers_beyond_2_53_are_not_exact() {
    let mut doc: serde_json::Value = serde_json::from_slice(&fixture("rate-180.json")).unwrap();
    doc["stations"][0]["figures"][1]["value"] = serde_json::json!(9_007_199_254_740_993u64);
    match parse(doc.to_string().as_bytes(), "t.json") {
        Err(LoadError::Invalid { issues, .. }) => {
            assert!(issues
                .iter()
                .any(|i| i.path == "$.stations[0].figures[1].value"
                    && matches!(i.kind, scorecards_core::IssueKind::NotExact { .. })));
        }
        other => panic!("{other:?}"),
    }
}

/// The browser decodes in two steps (the second loaded only when needed): the quick one
/// gives every good file, and leaves every file it refuses to the diagnosis, which gives
/// exactly what `parse` reports.
#[test]
fn the_quick_decode_leaves_every_failure_to_the_diagnosis() {
    use scorecards_core::{decode_diagnosed, decode_quick, parse_decoded};
    let good = fixture("league.json");
    let doc = decode_quick(&good, "league.json")
        .expect("no early error")
        .expect("a good file decodes in the quick step");
    assert!(parse_decoded(&good, doc, "league.json").is_ok());

    let wrong_type = br#"{"schema_version": 1, "kind": "complete", "publisher": 5}"#.to_vec();
    for (name, bytes) in [
        ("wrong-version.json", fixture("wrong-version.json")),
        ("bad-json.json", fixture("bad-json.json")),
        ("wrong-type.json", wrong_type),
    ] {
        assert!(
            matches!(decode_quick(&bytes, name), Ok(None)),
            "{name}: the quick step must defer to the diagnosis"
        );
        let diagnosed = decode_diagnosed(&bytes, name).expect_err(name);
        assert_eq!(Err(diagnosed), parse(&bytes, name).map(|_| ()), "{name}");
    }
    // Errors found before any JSON is read stay in the quick step.
    assert!(matches!(
        decode_quick(b"  ", "empty.json"),
        Err(LoadError::Empty { .. })
    ));
}

/// A part of the app that cannot be loaded is said in both languages, names its file, and
/// can be retried.
#[test]
fn an_unloadable_app_part_names_its_file() {
    use scorecards_core::i18n::describe_error;
    use scorecards_core::Lang;
    let e = LoadError::AppPart {
        file: "split_compare.wasm".into(),
    };
    assert!(e.is_retryable());
    for lang in [Lang::Zh, Lang::En] {
        let msg = describe_error(lang, &e);
        assert!(
            msg.headline.contains("split_compare.wasm"),
            "{}",
            msg.headline
        );
        assert!(!msg.advice.is_empty());
    }
    assert_ne!(
        describe_error(Lang::Zh, &e).headline,
        describe_error(Lang::En, &e).headline
    );
}

/// Region codes (GB/T 2260): six digits of a provincial-level unit, agreeing with the
/// province's name; every problem said in both languages with the code.
#[test]
fn region_codes_are_checked_and_said_in_both_languages() {
    use scorecards_core::i18n::{describe_issue, issue_detail};
    use scorecards_core::Lang;
    let doc = |stations: &str| {
        format!(
            r#"{{"schema_version":1,"publisher":{{"zh":"p"}},"generated_at":"2026-01-01T00:00:00Z","stations":[{stations}]}}"#
        )
    };
    let station = |i: usize, zh: &str, code: &str| {
        format!(
            r#"{{"id":"s{i}","name":{{"zh":"s"}},"region":{{"province":{{"zh":"{zh}"}},"code":"{code}"}}}}"#
        )
    };
    let ok = doc(&[
        station(0, "浙江省", "330211"),
        station(1, "香港特别行政区", "810000"),
        station(2, "Somewhere", "710000"),
    ]
    .join(","));
    assert!(parse(ok.as_bytes(), "ok.json").is_ok());
    let bad = doc(&[
        station(0, "浙江省", "990000"),
        station(1, "浙江省", "3302"),
        station(2, "浙江省", "320000"),
    ]
    .join(","));
    let issues = match parse(bad.as_bytes(), "bad.json") {
        Err(LoadError::Invalid { issues, .. }) => issues,
        other => panic!("{other:?}"),
    };
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.stations[0].region.code",
            "$.stations[1].region.code",
            "$.stations[2].region.code"
        ]
    );
    assert_eq!(issues[0].kind.code(), "unknown_region_code");
    assert_eq!(issues[2].kind.code(), "region_code_mismatch");
    let zh = describe_issue(Lang::Zh, &issues[2].kind);
    assert!(zh.contains("320000") && zh.contains("浙江省"), "{zh}");
    let en = describe_issue(Lang::En, &issues[0].kind);
    assert!(en.contains("990000") && en.contains("GB/T 2260"), "{en}");
    let d = issue_detail(Lang::En, &issues[1].kind);
    assert_eq!(d.found.as_deref(), Some("\"3302\""));
}

/// The warning the browser gives for a file it read in an older encoding says what
/// `scorecards validate` says of it (issue #17): not UTF-8, read as …, save it as UTF-8.
#[test]
fn legacy_encoding_is_a_warning_that_says_how_to_convert() {
    use scorecards_core::i18n::{describe_issue, issue_detail};
    use scorecards_core::textenc::Legacy;
    use scorecards_core::{Issue, IssueKind, Lang};
    let kind = IssueKind::LegacyEncoding {
        encoding: Legacy::Gb18030,
    };
    let issue = Issue {
        path: "$".into(),
        kind: kind.clone(),
    };
    assert!(issue.is_warning());
    assert_eq!(kind.code(), "legacy_encoding");
    assert_eq!(
        describe_issue(Lang::En, &kind),
        "The file is not UTF-8; it was read as GB18030. Save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)."
    );
    assert!(describe_issue(Lang::Zh, &kind).contains("已按 GB18030 读取"));
    let latin = IssueKind::LegacyEncoding {
        encoding: Legacy::Latin1,
    };
    assert!(describe_issue(Lang::En, &latin).contains("read as Latin-1"));
    assert!(describe_issue(Lang::En, &latin).contains("iconv -f WINDOWS-1252"));
    assert_eq!(
        issue_detail(Lang::En, &latin).found.as_deref(),
        Some("Latin-1")
    );
}
