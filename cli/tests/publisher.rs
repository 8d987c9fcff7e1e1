//! The publisher corpus: every file under `tests/fixtures/publisher/` through `validate` and
//! `import`, with the exact output (both languages) checked against
//! `tests/fixtures/publisher/expected/*.txt`. A changed message fails the test; to accept
//! the new output, run `UPDATE_EXPECTED=1 cargo test -p scorecards-cli --test publisher`
//! and review the diff.

mod util;

use std::ffi::OsString;
use std::fs::File;
use std::path::PathBuf;

use scorecards_cli::check;

use util::{finish, root, scratch_dir, transcript};

fn corpus() -> PathBuf {
    root().join("tests/fixtures/publisher")
}

fn fixture(name: &str) -> String {
    corpus().join(name).display().to_string()
}

fn json_fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_corpus_is_large_enough() {
    let files = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .count();
    assert!(files >= 45, "{files} files");
    let broken = json_fixtures()
        .iter()
        .filter(|n| !n.starts_with("valid") && *n != "base.json")
        .count();
    assert!(broken >= 30, "{broken} broken JSON files");
}

#[test]
fn validate_every_json_file_in_both_languages() {
    let mut failures = Vec::new();
    for name in json_fixtures() {
        let path = fixture(&name);
        let (zh_code, zh) = transcript(&["validate", &path]);
        let (en_code, en) = transcript(&["validate", "--lang", "en", &path]);
        assert_eq!(zh_code, en_code, "{name}");
        let expected_code =
            if name.starts_with("valid") || name == "warnings-only.json" || name == "base.json" {
                0
            } else if [
                "truncated.json",
                "empty.json",
                "whitespace-only.json",
                "not-json.json",
                "trailing-garbage.json",
                "trailing-comma.json",
                "control-char-in-string.json",
                "gbk-encoded.json",
            ]
            .contains(&name.as_str())
            {
                2
            } else {
                1
            };
        assert_eq!(zh_code, expected_code, "exit code of {name}:\n{zh}");
        let stem = name.trim_end_matches(".json");
        snapshot(
            &format!("validate-{stem}"),
            &format!("{zh}\n{en}"),
            &mut failures,
        );
    }
    finish(failures);
}

#[test]
fn validate_json_output_and_several_files() {
    let mut failures = Vec::new();
    for name in ["many-errors.json", "warnings-only.json", "truncated.json"] {
        let (_, text) = transcript(&[
            "validate",
            "--format",
            "json",
            "--lang",
            "en",
            &fixture(name),
        ]);
        let json_part = text
            .split("--- stdout ---\n")
            .nth(1)
            .unwrap()
            .split("--- stderr ---")
            .next()
            .unwrap();
        let v: serde_json::Value =
            serde_json::from_str(json_part).expect("--format json prints JSON");
        assert!(v["files"][0]["problems"].is_array());
        snapshot(
            &format!("validate-json-{}", name.trim_end_matches(".json")),
            &text,
            &mut failures,
        );
    }
    let (code, text) = transcript(&[
        "validate",
        &fixture("valid-minimal.json"),
        &fixture("rate-above-100.json"),
        &fixture("truncated.json"),
        &fixture("does-not-exist.json"),
    ]);
    assert_eq!(code, 2, "the worst verdict wins");
    snapshot("validate-several-files", &text, &mut failures);
    let (code, text) = transcript(&[
        "validate",
        "--max-warnings",
        "1",
        "--no-advice",
        &fixture("warnings-only.json"),
    ]);
    assert_eq!(code, 0);
    snapshot("validate-max-warnings", &text, &mut failures);
    let (code, text) = transcript(&["validate", "--lang", "fr", &fixture("valid-minimal.json")]);
    assert_eq!(code, 2);
    snapshot("validate-bad-option", &text, &mut failures);
    finish(failures);
}

/// A 1 GiB file is refused by its size before anything is read (the file is sparse and
/// made here, never committed).
#[test]
fn a_sparse_gigabyte_is_refused_by_size() {
    let dir = scratch_dir("sparse");
    let path = dir.join("huge.json");
    File::create(&path).unwrap().set_len(1 << 30).unwrap();
    let started = std::time::Instant::now();
    let (code, text) = transcript(&["validate", &path.display().to_string()]);
    let (code_en, text_en) = transcript(&["validate", "--lang", "en", &path.display().to_string()]);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!((code, code_en), (2, 2));
    let text = format!("{text}\n{text_en}").replace(
        &format!("scorecards-sparse-{}", std::process::id()),
        "scorecards-sparse",
    );
    let mut failures = Vec::new();
    snapshot("validate-sparse-1gib", &text, &mut failures);
    finish(failures);
}

/// `validate` and the browser report the same problems: the CLI's verdict is core's
/// `parse` for every corpus file, and every core issue is among the CLI's problems.
#[test]
fn validate_reports_what_core_reports() {
    let opts = check::Options::default();
    for name in json_fixtures() {
        let bytes = std::fs::read(corpus().join(&name)).unwrap();
        let report = check::check_bytes(bytes.clone(), &name, &opts);
        let core = scorecards_core::parse(&bytes, &name).map(|ds| ds.warnings().to_vec());
        assert_eq!(report.core.as_ref(), Some(&core), "{name}");
        let from_core: Vec<(String, String)> = report
            .problems
            .iter()
            .filter(|p| p.origin == check::Origin::Core)
            .map(|p| (p.code.clone(), p.path.clone().unwrap_or_default()))
            .collect();
        let mut expected: Vec<(String, String)> = match &core {
            Ok(warnings) => warnings
                .iter()
                .map(|i| (i.kind.code().to_string(), i.path.clone()))
                .collect(),
            Err(scorecards_core::LoadError::Invalid { issues, .. }) => issues
                .iter()
                .map(|i| (i.kind.code().to_string(), i.path.clone()))
                .collect(),
            Err(_) => vec![(from_core[0].0.clone(), from_core[0].1.clone())],
        };
        let mut got = from_core.clone();
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{name}");
        // Valid for the CLI exactly when the dashboard loads it.
        assert_eq!(
            report.status == check::Status::Valid,
            core.is_ok(),
            "{name}"
        );
    }
}

const GENERATED_AT: &str = "2026-01-01T08:00:00+08:00";

#[test]
fn import_cases() {
    let f = fixture;
    // Each case spells out its whole command line, so that a case reads as what a publisher
    // types; neighbouring cases share most of it (the `duplicates` tool pairs them).
    let cases: Vec<(&str, Vec<String>, u8)> = vec![
        (
            "ok-long",
            vec![
                "--sources".into(),
                f("sources.csv"),
                "--metrics".into(),
                f("metrics.csv"),
                "--stations".into(),
                f("stations.csv"),
                "--figures".into(),
                f("figures.csv"),
                "--series".into(),
                f("series.csv"),
                "--publisher".into(),
                "测试发布方".into(),
                "--publisher-en".into(),
                "Test publisher".into(),
            ],
            0,
        ),
        (
            "ok-wide-base",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations.csv"),
                "--series".into(),
                f("series-wide.csv"),
            ],
            0,
        ),
        (
            "ok-gbk-detected",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-gbk.csv"),
            ],
            0,
        ),
        (
            "ok-gbk-chosen",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-gbk.csv"),
                "--encoding".into(),
                "gbk".into(),
                "--lang".into(),
                "en".into(),
            ],
            0,
        ),
        (
            "ok-bom",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-bom.csv"),
            ],
            0,
        ),
        (
            "ok-utf16-tabs",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-utf16.txt"),
            ],
            0,
        ),
        (
            "wrong-encoding",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-gbk.csv"),
                "--encoding".into(),
                "utf-8".into(),
            ],
            2,
        ),
        (
            "undecodable",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("garbage.csv"),
            ],
            2,
        ),
        (
            "missing-column",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-missing-column.csv"),
                "--lang".into(),
                "en".into(),
            ],
            2,
        ),
        (
            "empty-csv",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("empty.csv"),
            ],
            2,
        ),
        (
            "no-publisher",
            vec!["--stations".into(), f("stations.csv")],
            2,
        ),
        (
            "bad-base",
            vec![
                "--base".into(),
                f("truncated.json"),
                "--stations".into(),
                f("stations.csv"),
            ],
            2,
        ),
        (
            "bad-figures",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations.csv"),
                "--figures".into(),
                f("figures-bad.csv"),
            ],
            1,
        ),
        (
            "bad-figures-en",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations.csv"),
                "--figures".into(),
                f("figures-bad.csv"),
                "--lang".into(),
                "en".into(),
            ],
            1,
        ),
        (
            "bad-figures-allowed",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations.csv"),
                "--figures".into(),
                f("figures-bad.csv"),
                "--allow-rejects".into(),
            ],
            0,
        ),
        (
            "bad-stations",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-bad.csv"),
                "--figures".into(),
                f("figures-dependent.csv"),
            ],
            1,
        ),
        (
            "region-codes",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations-codes.csv"),
            ],
            1,
        ),
        (
            "bad-series",
            vec![
                "--base".into(),
                f("base.json"),
                "--stations".into(),
                f("stations.csv"),
                "--series".into(),
                f("series-bad.csv"),
                "--lang".into(),
                "en".into(),
            ],
            1,
        ),
    ];
    let mut failures = Vec::new();
    for (name, args, expected_code) in cases {
        let mut all: Vec<&str> = vec!["import", "--generated-at", GENERATED_AT];
        all.extend(args.iter().map(String::as_str));
        let (code, text) = transcript(&all);
        assert_eq!(code, expected_code, "{name}:\n{text}");
        if code == 0 {
            // What import writes, the dashboard loads.
            let json = text
                .split("--- stdout ---\n")
                .nth(1)
                .unwrap()
                .split("--- stderr ---")
                .next()
                .unwrap();
            let ds = scorecards_core::parse(json.as_bytes(), name)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(!ds.stations().is_empty());
        } else {
            assert!(
                text.contains("--- stdout ---\n--- stderr ---"),
                "{name}: nothing is written on failure"
            );
        }
        snapshot(&format!("import-{name}"), &text, &mut failures);
    }
    finish(failures);
}

#[test]
fn import_writes_the_file_given_with_out() {
    let dir = scratch_dir("import");
    let out = dir.join("out.json");
    let (code, text) = transcript(&[
        "import",
        "--generated-at",
        GENERATED_AT,
        "--base",
        &fixture("base.json"),
        "--stations",
        &fixture("stations.csv"),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(code, 0, "{text}");
    let written = std::fs::read(&out).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let ds = scorecards_core::parse(&written, "out.json").unwrap();
    assert_eq!(ds.stations().len(), 2);
    assert!(text.contains("已写入"), "{text}");
}

#[test]
fn schema_prints_the_published_schema() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        scorecards_cli::run(vec!["schema".into()], &mut out, &mut err),
        0
    );
    let published = std::fs::read(root().join("public/schema/v1.json")).unwrap();
    assert!(
        out == published,
        "`scorecards schema` differs from public/schema/v1.json"
    );
}

/// `public/data/demo-synthetic.json` is exactly what `synth` generates: regenerate with
/// `cargo run -p scorecards-cli -- synth --stations 12 --months 36 --seed 1 --pretty --out public/data/demo-synthetic.json`.
#[test]
fn the_demo_file_regenerates_byte_for_byte() {
    let args = [
        "synth",
        "--stations",
        "12",
        "--months",
        "36",
        "--seed",
        "1",
        "--pretty",
    ];
    let run = || {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = scorecards_cli::run(
            args.iter().map(OsString::from).collect(),
            &mut out,
            &mut err,
        );
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
        out
    };
    let first = run();
    assert!(first == run(), "two runs differ");
    let committed = std::fs::read(root().join("public/data/demo-synthetic.json")).unwrap();
    assert!(
        first == committed,
        "public/data/demo-synthetic.json is not what synth generates (see this test's doc comment)"
    );
    let ds = scorecards_core::parse(&committed, "demo-synthetic.json").unwrap();
    assert!(ds.is_synthetic());
    assert_eq!(ds.stations().len(), 12);
    let series = &ds.stations()[0].series;
    assert_eq!(series.len(), 3);
    assert_eq!(series[0].values.len(), 36);
    let statuses: Vec<_> = ds
        .stations()
        .iter()
        .flat_map(|s| &s.series)
        .filter_map(|s| s.status.as_ref())
        .flatten()
        .collect();
    assert!(statuses.contains(&&scorecards_core::ValueStatus::Estimated));
    assert!(ds
        .stations()
        .iter()
        .flat_map(|s| &s.series)
        .any(|s| s.values.contains(&None)));
}

#[test]
fn synth_and_schema_argument_errors() {
    let mut failures = Vec::new();
    let (code, text) = transcript(&["synth", "--stations", "10", "--months", "12"]);
    assert_eq!(code, 2);
    snapshot("synth-missing-seed", &text, &mut failures);
    let (code, text) = transcript(&[
        "synth",
        "--stations",
        "ten",
        "--months",
        "12",
        "--seed",
        "1",
    ]);
    assert_eq!(code, 2);
    snapshot("synth-bad-number", &text, &mut failures);
    let (code, text) = transcript(&["frobnicate"]);
    assert_eq!(code, 2);
    snapshot("unknown-command", &text, &mut failures);
    finish(failures);
}

#[test]
fn validate_a_directory_checks_its_json_files() {
    let (code, text) = transcript(&[
        "validate",
        "--lang",
        "en",
        "--max-warnings",
        "0",
        &corpus().display().to_string(),
    ]);
    assert_eq!(code, 2, "the corpus holds unusable files");
    for name in json_fixtures() {
        let summary = format!("tests/fixtures/publisher/{name}: ");
        assert!(
            text.lines()
                .any(|l| l.starts_with(&summary) && l.ends_with('.')),
            "{name}"
        );
    }
    assert!(!text.contains(".csv:"), "only .json files are checked");
}

/// [`util::snapshot`] in this corpus.
fn snapshot(name: &str, actual: &str, failures: &mut Vec<String>) {
    util::snapshot(&corpus(), name, actual, failures)
}
