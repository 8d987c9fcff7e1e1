//! What a report says about where it ran (machine, load, commit), and the synthetic data set.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use super::BenchOptions;
use crate::ensure;
use crate::util::{human_duration, human_size, output_of, run, Context, Ctx, Result};

pub fn machine() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let trimmed = |cmd: &mut Command| output_of(cmd).map(|s| s.trim().to_string());
    json!({
        "nproc": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "cpu": cpu,
        "memory": std::fs::read_to_string("/proc/meminfo").ok()
            .and_then(|t| t.lines().next().map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))),
        "chromium": trimmed(Command::new(ensure::CHROMIUM).arg("--version")),
        "node": trimmed(Command::new("node").arg("--version")),
        "rustc": trimmed(Command::new("rustc").arg("--version")),
        "loadavg": load_average(),
    })
}

/// `/proc/loadavg`'s 1, 5 and 15 minute averages: how busy the shared machine was.
pub fn load_average() -> Option<String> {
    let t = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

pub fn git(ctx: &Ctx, args: &[&str]) -> Option<String> {
    output_of(Command::new("git").args(args).current_dir(&ctx.root)).map(|s| s.trim().to_string())
}

/// The synthetic data set, generated once per (stations, months, seed) with the publisher tool.
pub fn synth_data(ctx: &Ctx, opts: &BenchOptions, dir: &Path) -> Result<PathBuf> {
    let name = format!(
        "synthetic-{}st-{}m-seed{}.json",
        opts.stations, opts.months, opts.seed
    );
    let file = dir.join(&name);
    if file.is_file() {
        println!(
            "bench: data {} exists (same options, same bytes)",
            file.display()
        );
        return Ok(file);
    }
    run(
        ctx.cargo().args([
            "build",
            "--release",
            "-p",
            "scorecards-cli",
            "--bin",
            "scorecards",
        ]),
        "Fix the build errors above.",
    )?;
    let tool = ctx.target_dir.join("release").join("scorecards");
    let tmp = dir.join(format!("{name}.partial"));
    let took = run(
        Command::new(&tool)
            .arg("synth")
            .args(["--stations", &opts.stations.to_string()])
            .args(["--months", &opts.months.to_string()])
            .args(["--seed", &opts.seed.to_string()])
            .arg("--out")
            .arg(&tmp)
            .current_dir(&ctx.root),
        "The publisher tool failed.",
    )?;
    std::fs::rename(&tmp, &file).with_context(|| format!("renaming {}", tmp.display()))?;
    println!(
        "bench: generated {} ({}) in {}",
        file.display(),
        human_size(std::fs::metadata(&file)?.len()),
        human_duration(took)
    );
    Ok(file)
}
