//! The hostile corpus: every file under `tests/fixtures/hostile/` through `scorecards
//! validate` (both languages) and through core's `parse` + `describe_error` (what the
//! dashboard shows), each on its own thread, caught if it panics and reported if it does not
//! finish within [`LIMIT`] (a hang detector, not a timing assertion).
//!
//! `tests/fixtures/hostile/cases.tsv` lists every file with the `LoadError` variant it must
//! give (or `ok` / `warnings`) and a fragment the English message must contain; the exact
//! output is compared with `tests/fixtures/hostile/expected/<file>.txt`. To accept changed
//! messages: `UPDATE_EXPECTED=1 cargo test -p scorecards-cli --test hostile`, then review
//! the diff. Files too large to commit (a 10 MB string, a file above `--max-bytes`) are
//! made here at run time.

mod util;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use scorecards_cli::check;
use scorecards_core::i18n::{self, Lang};
use scorecards_core::{Dataset, LoadError};

/// How long one file may take (in a debug build, on a busy machine) before it counts as a hang.
const LIMIT: Duration = Duration::from_secs(20);

use util::{finish, root, scratch_dir, transcript};

fn corpus() -> PathBuf {
    root().join("tests/fixtures/hostile")
}

/// One line of `cases.tsv`.
#[derive(Debug, Clone)]
struct Case {
    file: String,
    kind: String,
    expect_en: String,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(corpus().join("cases.tsv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("file\tkind\texpect_en"),
        "cases.tsv header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "cases.tsv: three columns in {l:?}");
            assert!(!cols[2].is_empty(), "cases.tsv: empty fragment in {l:?}");
            Case {
                file: cols[0].to_string(),
                kind: cols[1].to_string(),
                expect_en: cols[2].to_string(),
            }
        })
        .collect()
}

/// The corpus files: everything in the directory but its README, manifest and `expected/`.
fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n != "README.md" && n != "cases.tsv")
        .collect();
    names.sort();
    names
}

/// The `LoadError` variant's name, or `ok` / `warnings` for a file that loads.
fn kind_of(r: &Result<Dataset, LoadError>) -> String {
    match r {
        Ok(ds) if ds.warnings().is_empty() => "ok".into(),
        Ok(_) => "warnings".into(),
        Err(e) => {
            let debug = format!("{e:?}");
            debug
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_string()
        }
    }
}

/// What the dashboard shows for the result, as text: the error panel (headline, each
/// place and problem, advice), or for a file that loads its warnings panel, publisher and
/// station names.
fn dashboard_text(lang: Lang, r: &Result<Dataset, LoadError>) -> String {
    let mut out = String::new();
    match r {
        Err(e) => {
            let m = i18n::describe_error(lang, e);
            out.push_str(&m.headline);
            out.push('\n');
            for (at, what) in &m.details {
                out.push_str(&format!("  {at} — {what}\n"));
            }
            out.push_str(&m.advice);
            out.push('\n');
        }
        Ok(ds) => {
            out.push_str(lang.pick(&ds.document().publisher));
            out.push('\n');
            for st in ds.stations() {
                let name = lang.pick(&st.name);
                let shown: String = name.chars().take(60).collect();
                let more = if shown.len() < name.len() { "…" } else { "" };
                out.push_str(&format!("  {} — {shown}{more}\n", st.id));
            }
            for w in ds.warnings() {
                out.push_str(&format!(
                    "  {} — {}\n",
                    w.path,
                    i18n::describe_issue(lang, &w.kind)
                ));
            }
        }
    }
    out
}

/// Runs `f` on its own thread: its result, or a message naming a panic or a hang.
fn guarded<T: Send + 'static>(
    name: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(format!("hostile {name}"))
        .spawn(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            let _ = tx.send(r);
        });
    if let Err(e) = spawned {
        return Err(format!("{name}: cannot start a thread: {e}"));
    }
    match rx.recv_timeout(LIMIT) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(panic)) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("{name}: panicked: {what}"))
        }
        Err(_) => Err(format!(
            "{name}: did not finish within {} s (a hang?)",
            LIMIT.as_secs()
        )),
    }
}

#[test]
fn the_manifest_lists_exactly_the_corpus() {
    let listed: Vec<String> = cases().into_iter().map(|c| c.file).collect();
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), listed.len(), "a file is listed twice");
    let files = corpus_files();
    let missing: Vec<&String> = files.iter().filter(|f| !sorted.contains(f)).collect();
    let extra: Vec<&String> = sorted.iter().filter(|f| !files.contains(f)).collect();
    assert!(missing.is_empty(), "not in cases.tsv: {missing:?}");
    assert!(extra.is_empty(), "in cases.tsv but not a file: {extra:?}");
    assert!(files.len() >= 40, "{} files", files.len());
    let readme = std::fs::read_to_string(corpus().join("README.md")).unwrap();
    for f in &files {
        assert!(readme.contains(&format!("`{f}`")), "README.md: {f}");
    }
    // Every expected transcript belongs to a file.
    for entry in std::fs::read_dir(corpus().join("expected")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        let stem = name.trim_end_matches(".txt");
        assert!(
            files.iter().any(|f| f == stem) || stem.starts_with("generated-"),
            "expected/{name} has no corpus file"
        );
    }
}

#[test]
fn every_file_gives_its_own_message_in_both_languages() {
    let mut failures = Vec::new();
    for case in cases() {
        let path = corpus().join(&case.file).display().to_string();
        let name = case.file.clone();
        let run = guarded(&case.file, move || {
            let bytes = std::fs::read(&path).unwrap();
            let parsed = scorecards_core::parse(&bytes, &name);
            let kind = kind_of(&parsed);
            let zh_page = dashboard_text(Lang::Zh, &parsed);
            let en_page = dashboard_text(Lang::En, &parsed);
            let zh = transcript(&["validate".into(), path.clone()]);
            let en = transcript(&["validate".into(), "--lang".into(), "en".into(), path]);
            (kind, zh_page, en_page, zh, en)
        });
        let (kind, zh_page, en_page, (zh_code, zh), (en_code, en)) = match run {
            Ok(v) => v,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let f = &case.file;
        if kind != case.kind {
            failures.push(format!("{f}: kind {kind}, cases.tsv says {}", case.kind));
        }
        if zh_code != en_code {
            failures.push(format!("{f}: exit codes {zh_code} (zh) and {en_code} (en)"));
        }
        if !en_page.contains(&case.expect_en) {
            failures.push(format!(
                "{f}: the dashboard's English message lacks {:?}:\n{en_page}",
                case.expect_en
            ));
        }
        match case.kind.as_str() {
            "ok" => {
                if zh_code != 0 {
                    failures.push(format!("{f}: loads, but validate exits {zh_code}"));
                }
            }
            "warnings" => {
                if zh_code != 0 || !en.contains(&case.expect_en) {
                    failures.push(format!(
                        "{f}: validate (en) exits {en_code} or lacks {:?}",
                        case.expect_en
                    ));
                }
            }
            _ => {
                if zh_code == 0 || !en.contains(&case.expect_en) {
                    failures.push(format!(
                        "{f}: validate (en) exits {en_code} or lacks {:?}:\n{en}",
                        case.expect_en
                    ));
                }
                // Every message names the file, in both languages.
                for page in [&zh_page, &en_page] {
                    if !page.lines().next().unwrap_or("").contains(f.as_str()) {
                        failures.push(format!("{f}: the headline does not name the file"));
                    }
                }
            }
        }
        snapshot(
            f,
            &format!(
                "{zh}\n{en}\n--- dashboard (zh) ---\n{zh_page}--- dashboard (en) ---\n{en_page}"
            ),
            &mut failures,
        );
    }
    finish(failures);
}

/// `validate` gives the same verdict as the dashboard for every corpus file.
#[test]
fn validate_agrees_with_the_dashboard() {
    let opts = check::Options::default();
    for case in cases() {
        let bytes = std::fs::read(corpus().join(&case.file)).unwrap();
        let report = check::check_bytes(bytes.clone(), &case.file, &opts);
        let core = scorecards_core::parse(&bytes, &case.file).map(|ds| ds.warnings().to_vec());
        assert_eq!(report.core.as_ref(), Some(&core), "{}", case.file);
        assert_eq!(
            report.status == check::Status::Valid,
            core.is_ok(),
            "{}",
            case.file
        );
    }
}

// ---------------------------------------------------------------------------------------
// Generated cases: too large to commit.

const TEN_MB: usize = 10 * 1024 * 1024;

/// A small valid document with `$.stations[0].figures[0].quote` = `quote` (raw JSON text)
/// and the given id and schema version (raw JSON text).
fn document(version: &str, station_id: &str, quote: &str) -> Vec<u8> {
    format!(
        r#"{{"schema_version": {version}, "publisher": {{"zh": "测试", "en": "Generated"}},
"generated_at": "2026-01-01T08:00:00+08:00",
"sources": [{{"id": "s", "title": {{"zh": "报告"}}, "publisher": {{"zh": "某局"}}}}],
"metrics": [{{"id": "incidents", "label": {{"zh": "警情"}}, "unit": "count", "family": "incidents", "polarity": "lower_is_better"}}],
"stations": [{{"id": {station_id}, "name": {{"zh": "甲派出所", "en": "Station A"}}, "region": {{"province": {{"zh": "浙江省"}}}},
  "figures": [{{"metric": "incidents", "value": 12, "unit": "count", "source": "s", "quote": {quote}}}]}}]}}
"#
    )
    .into_bytes()
}

fn big_string(c: char) -> String {
    format!("\"{}\"", c.to_string().repeat(TEN_MB))
}

/// Runs a generated file through core and `validate` (both languages) on a guarded
/// thread; returns the dashboard's English text and the English transcript.
fn generated(name: &'static str, bytes: Vec<u8>) -> (Result<Dataset, LoadError>, String, String) {
    let dir = scratch_dir("hostile");
    let path = dir.join(name);
    std::fs::write(&path, &bytes).unwrap();
    let shown = path.display().to_string();
    let started = Instant::now();
    let result = guarded(name, move || {
        let parsed = scorecards_core::parse(&bytes, name);
        let zh_page = dashboard_text(Lang::Zh, &parsed);
        let en_page = dashboard_text(Lang::En, &parsed);
        let (zh_code, _) = transcript(&["validate".into(), shown.clone()]);
        let (en_code, en) = transcript(&["validate".into(), "--lang".into(), "en".into(), shown]);
        assert_eq!(zh_code, en_code);
        assert!(!zh_page.is_empty());
        (parsed, en_page, en)
    });
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_dir(&dir);
    let (parsed, en_page, en) = result.unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{name}: {:?}", started.elapsed());
    for text in [&en_page, &en] {
        // Messages quote what is wrong, not 10 MB of it.
        assert!(
            text.len() < 8 * 1024,
            "{name}: {} bytes of message",
            text.len()
        );
    }
    (parsed, en_page, en)
}

#[test]
fn a_10_mb_string_where_text_belongs_loads() {
    let (parsed, _, en) = generated(
        "generated-10mb-quote.json",
        document("1", "\"sta-a\"", &big_string('引')),
    );
    let ds = parsed.expect("a 10 MB quote is still text");
    assert_eq!(
        ds.stations()[0].figures[0]
            .quote
            .as_ref()
            .unwrap()
            .chars()
            .count(),
        TEN_MB
    );
    assert!(en.contains(": valid"), "{en}");
}

#[test]
fn a_10_mb_string_as_an_id_is_refused_briefly() {
    let (parsed, page, en) = generated(
        "generated-10mb-id.json",
        document("1", &big_string('X'), "\"q\""),
    );
    assert!(
        matches!(parsed, Err(LoadError::Invalid { .. })),
        "{parsed:?}"
    );
    for text in [&page, &en] {
        assert!(text.contains("$.stations[0].id"), "{text}");
        assert!(text.contains("XXXX…"), "{text}");
    }
}

#[test]
fn a_10_mb_string_as_the_version_is_refused_briefly() {
    let (parsed, page, en) = generated(
        "generated-10mb-version.json",
        document(&big_string('1'), "\"sta-a\"", "\"q\""),
    );
    assert!(
        matches!(parsed, Err(LoadError::UnsupportedVersion { .. })),
        "{parsed:?}"
    );
    for text in [&page, &en] {
        assert!(text.contains("write the number 1 without quotes"), "{text}");
    }
}

// The files too large to commit are checked one test each, of the same shape (the
// `duplicates` tool pairs them): make the file, parse it, check the error and its message.
#[test]
fn a_10_mb_number_is_refused() {
    let digits = "9".repeat(TEN_MB);
    let (parsed, page, en) = generated(
        "generated-10mb-number.json",
        String::from_utf8(document("1", "\"sta-a\"", "\"q\""))
            .unwrap()
            .replace("\"value\": 12", &format!("\"value\": {digits}"))
            .into_bytes(),
    );
    assert!(
        matches!(parsed, Err(LoadError::Syntax { .. })),
        "{parsed:?}"
    );
    for text in [&page, &en] {
        assert!(text.contains("The number is out of range"), "{text}");
    }
}

/// A file one byte above `--max-bytes` is refused by its size, before it is read.
#[test]
fn a_file_above_the_maximum_is_refused() {
    let limit = 1024 * 1024;
    let mut bytes = document("1", "\"sta-a\"", "\"q\"");
    bytes.resize(limit + 1, b' ');
    assert!(scorecards_core::parse(&bytes, "big.json").is_ok());
    let dir = scratch_dir("hostile-max");
    let path = dir.join("generated-above-max.json");
    std::fs::write(&path, &bytes).unwrap();
    let (code, text) = transcript(&[
        "validate".into(),
        "--lang".into(),
        "en".into(),
        "--max-bytes".into(),
        limit.to_string(),
        path.display().to_string(),
    ]);
    let (zh_code, zh) = transcript(&[
        "validate".into(),
        "--max-bytes".into(),
        limit.to_string(),
        path.display().to_string(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!((code, zh_code), (2, 2), "{text}");
    let clean = |s: String| {
        s.replace(
            &format!("scorecards-hostile-max-{}", std::process::id()),
            "scorecards-hostile-max",
        )
    };
    let text = clean(text);
    assert!(text.contains("[too_large]"), "{text}");
    assert!(
        text.contains("is too large: 1048577 bytes, the limit is 1048576 bytes"),
        "{text}"
    );
    let e = LoadError::TooLarge {
        file: "generated-above-max.json".into(),
        size: limit as u64 + 1,
        limit: limit as u64,
    };
    assert!(i18n::describe_error(Lang::En, &e)
        .headline
        .contains("is too large"));
    let mut failures = Vec::new();
    snapshot(
        "generated-above-max",
        &format!("{}\n{text}", clean(zh)),
        &mut failures,
    );
    finish(failures);
}

/// [`util::snapshot`] in this corpus.
fn snapshot(name: &str, actual: &str, failures: &mut Vec<String>) {
    util::snapshot(&corpus(), name, actual, failures)
}
