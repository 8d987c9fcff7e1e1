//! Support shared by the CLI's corpus tests (`hostile.rs`, `publisher.rs`), after ripgrep's
//! `tests/util.rs`: the workspace root, the command line run in-process as a transcript, and
//! the `expected/*.txt` snapshots (`UPDATE_EXPECTED=1` writes them; review the diff).
//!
//! The snapshots stay plain text files rather than insta's `.snap` files: they are the
//! corpus' documentation (docs/hardening.md links them) and readers diff them as they are.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The workspace root (the fixtures live in its `tests/fixtures/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A folder of this test run under the system's temporary folder (`scorecards-<name>-<pid>`),
/// created if missing.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecards-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the command line in-process; returns the exit code and the transcript with paths
/// made relative to the root and the temporary folder written `<tmp>`.
pub fn transcript<S: AsRef<OsStr>>(args: &[S]) -> (u8, String) {
    let root = root().display().to_string();
    let args: Vec<OsString> = args.iter().map(|a| a.as_ref().to_os_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = scorecards_cli::run(args.clone(), &mut out, &mut err);
    let clean = |s: &str| {
        s.replace(&format!("{root}/"), "")
            .replace(&std::env::temp_dir().display().to_string(), "<tmp>")
    };
    let shown: Vec<String> = args.iter().map(|a| clean(&a.to_string_lossy())).collect();
    let clean = |b: Vec<u8>| clean(&String::from_utf8_lossy(&b));
    let text = format!(
        "$ scorecards {}\nexit: {code}\n--- stdout ---\n{}--- stderr ---\n{}",
        shown.join(" "),
        clean(out),
        clean(err)
    );
    (code, text)
}

/// Compares (or with UPDATE_EXPECTED, writes) `<corpus>/expected/<name>.txt`; a difference
/// is added to `failures`.
pub fn snapshot(corpus: &Path, name: &str, actual: &str, failures: &mut Vec<String>) {
    let dir = corpus.join("expected");
    let path = dir.join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{name}: output differs from {}\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
            path.display()
        ));
    }
}

/// Fails with every collected difference at once.
pub fn finish(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ (UPDATE_EXPECTED=1 accepts the new output):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
