//! `cargo xtask fuzz`: runs the cargo-fuzz (libFuzzer) targets in `fuzz/`, installing
//! cargo-fuzz into the tool cache first when it is missing.
//!
//! Only a stable toolchain is assumed. cargo-fuzz passes `-Zsanitizer=address` to rustc,
//! which stable refuses unless `RUSTC_BOOTSTRAP=1` is set; this command sets it for the
//! fuzz build only (the address sanitizer's runtime ships with the stable standard
//! library). `--sanitizer none` builds without it: the fuzzed crates contain no `unsafe`
//! code, and each execution is faster. Changing the sanitizer rebuilds everything.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::util::{bail, human_duration, output_of, run, Context, Ctx, Result};

/// The cargo-fuzz release installed into the tool cache.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The targets in `fuzz/fuzz_targets/`.
pub const TARGETS: [&str; 2] = ["parse_validate", "csv_import"];

/// Inputs longer than this are not generated (the largest seed, `public/data/demo-synthetic.json`,
/// is just under it).
const MAX_LEN: usize = 100_000;

/// Options of `cargo xtask fuzz`.
#[derive(Debug, Clone)]
pub struct FuzzOptions {
    /// One target, or every target in turn.
    pub target: Option<String>,
    /// How long each target runs.
    pub seconds: u64,
    /// `address` (default, as cargo-fuzz) or `none`.
    pub sanitizer: String,
}

/// What one run found, read from libFuzzer's output.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub executions: Option<u64>,
    pub execs_per_sec: Option<u64>,
    pub cov: Option<u64>,
    pub ft: Option<u64>,
    pub corpus: Option<String>,
    pub artifact: Option<String>,
}

pub fn fuzz(ctx: &Ctx, opts: &FuzzOptions) -> Result<()> {
    let targets: Vec<&str> = match &opts.target {
        Some(t) if TARGETS.contains(&t.as_str()) => vec![t.as_str()],
        Some(t) => bail!(
            "unknown fuzz target {t:?}; the targets are {}",
            TARGETS.join(", ")
        ),
        None => TARGETS.to_vec(),
    };
    let cargo_fuzz = ensure_cargo_fuzz(ctx)?;
    let mut failures = Vec::new();
    for target in targets {
        let seeds = seed_dirs(ctx, target)?;
        let summary = run_target(ctx, &cargo_fuzz, target, &seeds, opts)?;
        println!(
            "fuzz: {target}: {} s, {} executions ({} exec/s), cov {} ft {}, corpus {}",
            opts.seconds,
            show(summary.executions),
            show(summary.execs_per_sec),
            show(summary.cov),
            show(summary.ft),
            summary.corpus.as_deref().unwrap_or("?"),
        );
        if let Some(artifact) = summary.artifact {
            println!("fuzz: {target}: FOUND A CRASH OR HANG: {artifact}");
            println!(
                "fuzz: reproduce with: cd fuzz && RUSTC_BOOTSTRAP=1 {} run --sanitizer {} {target} {artifact}",
                cargo_fuzz.display(),
                opts.sanitizer
            );
            failures.push(target);
        }
    }
    if !failures.is_empty() {
        bail!("fuzzing found problems in {}", failures.join(", "));
    }
    Ok(())
}

fn show(v: Option<u64>) -> String {
    v.map_or_else(|| "?".into(), |v| v.to_string())
}

/// `cargo-fuzz` from the tool cache, installed there (`cargo install`) when missing.
pub fn ensure_cargo_fuzz(ctx: &Ctx) -> Result<PathBuf> {
    let root = ctx
        .cache
        .join("tools")
        .join(format!("cargo-fuzz-{CARGO_FUZZ_VERSION}"));
    let bin = root.join("bin").join("cargo-fuzz");
    let what = format!("cargo-fuzz {CARGO_FUZZ_VERSION}");
    // `cargo-fuzz --version` prints `cargo-fuzz 0.13.2`.
    let reported = output_of(Command::new(&bin).arg("--version"));
    if reported
        .as_deref()
        .and_then(|o| o.split_whitespace().nth(1))
        .is_some_and(|v| v == CARGO_FUZZ_VERSION)
    {
        println!("ensure: {what}: already installed in {}", root.display());
        return Ok(bin);
    }
    println!(
        "ensure: {what}: installing into {} (takes ~3 min on 2 cores)",
        root.display()
    );
    let took = run(
        Command::new(&ctx.cargo)
            .args([
                "install",
                "cargo-fuzz",
                "--version",
                CARGO_FUZZ_VERSION,
                "--root",
            ])
            .arg(&root)
            .current_dir(&ctx.root),
        "Check the network connection to crates.io and the build errors above.",
    )?;
    if !bin.is_file() {
        bail!(
            "cargo install finished but {} is missing. Delete {} and retry.",
            bin.display(),
            root.display()
        );
    }
    println!("ensure: {what}: installed in {}", human_duration(took));
    Ok(bin)
}

/// The corpus directory libFuzzer grows (first), then the seed directories it only reads.
fn seed_dirs(ctx: &Ctx, target: &str) -> Result<Vec<PathBuf>> {
    let corpus = ctx.root.join("fuzz").join("corpus").join(target);
    std::fs::create_dir_all(&corpus).with_context(|| format!("creating {}", corpus.display()))?;
    let fixtures = ctx.root.join("tests").join("fixtures");
    let mut dirs = vec![corpus];
    match target {
        "parse_validate" => {
            dirs.push(fixtures.join("hostile"));
            dirs.push(fixtures.join("publisher"));
            dirs.push(ctx.root.join("public").join("data"));
        }
        _ => dirs.push(csv_seeds(ctx, &fixtures.join("publisher"))?),
    }
    Ok(dirs)
}

/// Seeds for `csv_import`: the publisher corpus' CSV files, alone (as a stations table)
/// and joined by `%%` lines in the order the target splits them (stations, figures,
/// series, sources, metrics). Written under `target/xtask/fuzz-seeds/csv_import`.
fn csv_seeds(ctx: &Ctx, publisher: &Path) -> Result<PathBuf> {
    let dir = ctx.scratch_dir()?.join("fuzz-seeds").join("csv_import");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let read = |name: &str| {
        let path = publisher.join(name);
        std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
    };
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(publisher).with_context(|| publisher.display().to_string())? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".csv") || name.ends_with(".txt") {
            seeds.push((format!("alone-{name}"), read(&name)?));
        }
    }
    let combos: [(&str, &[&str]); 5] = [
        ("long", &["stations.csv", "figures.csv", "series.csv"]),
        ("wide", &["stations.csv", "figures.csv", "series-wide.csv"]),
        (
            "bad",
            &[
                "stations-bad.csv",
                "figures-dependent.csv",
                "series-bad.csv",
            ],
        ),
        (
            "figures-bad",
            &["stations.csv", "figures-bad.csv", "series.csv"],
        ),
        (
            "all-five",
            &[
                "stations.csv",
                "figures.csv",
                "series.csv",
                "sources.csv",
                "metrics.csv",
            ],
        ),
    ];
    for (name, parts) in combos {
        let mut joined = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                joined.extend_from_slice(b"\n%%\n");
            }
            joined.extend(read(part)?);
        }
        seeds.push((format!("{name}.csv"), joined));
    }
    for (name, bytes) in seeds {
        let path = dir.join(name);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(dir)
}

/// `cargo fuzz run` for `opts.seconds`, one process, its output shown as it comes and read
/// for the figures of [`Summary`].
fn run_target(
    ctx: &Ctx,
    cargo_fuzz: &Path,
    target: &str,
    seeds: &[PathBuf],
    opts: &FuzzOptions,
) -> Result<Summary> {
    let mut cmd = Command::new(cargo_fuzz);
    cmd.current_dir(ctx.root.join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["run", "--sanitizer", &opts.sanitizer, target])
        .args(seeds)
        .arg("--")
        .arg(format!("-max_total_time={}", opts.seconds))
        .arg(format!("-max_len={MAX_LEN}"))
        // One input taking this long counts as a hang (the real ones take milliseconds).
        .arg("-timeout=20")
        .arg("-rss_limit_mb=4096")
        .arg("-print_final_stats=1")
        .stderr(Stdio::piped());
    println!("fuzz: {target}: {}", crate::util::display_cmd(&cmd));
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("starting {}", cargo_fuzz.display()))?;
    let mut summary = Summary::default();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.unwrap_or_default();
            eprintln!("{line}");
            read_line(&line, &mut summary);
        }
    }
    let status = child.wait()?;
    println!(
        "fuzz: {target}: finished in {}",
        human_duration(started.elapsed())
    );
    if !status.success() && summary.artifact.is_none() {
        bail!(
            "`cargo fuzz run {target}` failed ({status}) without a crash report: see the output above"
        );
    }
    Ok(summary)
}

/// Takes the figures from one line of libFuzzer's output.
fn read_line(line: &str, s: &mut Summary) {
    let field = |name: &str| -> Option<&str> {
        let mut words = line.split_whitespace();
        words.find(|w| *w == name)?;
        words.next()
    };
    let number = |name: &str| field(name).and_then(|v| v.parse::<u64>().ok());
    if line.starts_with('#') {
        if let Some(v) = number("cov:") {
            s.cov = Some(v);
        }
        if let Some(v) = number("ft:") {
            s.ft = Some(v);
        }
        if let Some(v) = field("corp:") {
            s.corpus = Some(v.to_string());
        }
        if let Some(v) = number("exec/s:") {
            s.execs_per_sec = Some(v);
        }
    }
    if let Some(v) = line.strip_prefix("stat::number_of_executed_units:") {
        s.executions = v.trim().parse().ok();
    }
    if let Some(v) = line.strip_prefix("stat::average_exec_per_sec:") {
        s.execs_per_sec = v.trim().parse().ok();
    }
    if let Some(rest) = line.split("Test unit written to ").nth(1) {
        s.artifact = Some(rest.trim().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libfuzzer_output_is_read() {
        let mut s = Summary::default();
        for line in [
            "#2\tINITED cov: 1830 ft: 5209 corp: 140/2713Kb exec/s: 0 rss: 60Mb",
            "#524288\tpulse  cov: 2110 ft: 8015 corp: 961/403Kb lim: 4096 exec/s: 874 rss: 420Mb",
            "#600000\tDONE   cov: 2121 ft: 8051 corp: 977/411Kb lim: 4096 exec/s: 1000 rss: 420Mb",
            "stat::number_of_executed_units: 600000",
            "stat::average_exec_per_sec:     999",
        ] {
            read_line(line, &mut s);
        }
        assert_eq!(s.cov, Some(2121));
        assert_eq!(s.ft, Some(8051));
        assert_eq!(s.executions, Some(600000));
        assert_eq!(s.execs_per_sec, Some(999));
        assert_eq!(s.corpus.as_deref(), Some("977/411Kb"));
        assert!(s.artifact.is_none());
        read_line(
            "Test unit written to fuzz/artifacts/parse_validate/crash-0123",
            &mut s,
        );
        assert_eq!(
            s.artifact.as_deref(),
            Some("fuzz/artifacts/parse_validate/crash-0123")
        );
    }
}
