//! Lighthouse (npm `lighthouse`, installed next to the other npm tools) on a page: mobile
//! profile with simulated throttling, performance and accessibility.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::ensure;
use crate::util::{self, bail, human_duration, run, Context, Ctx, Result};

/// Major version of npm `lighthouse` (13 needs Node 22; Debian 12 has Node 18/20).
const LIGHTHOUSE_MAJOR: &str = "12";

pub fn lighthouse_cli(ctx: &Ctx) -> Result<PathBuf> {
    let dir = ensure::npm_dir(ctx);
    let cli = dir
        .join("node_modules")
        .join("lighthouse")
        .join("cli")
        .join("index.js");
    let version = std::fs::read_to_string(dir.join("node_modules/lighthouse/package.json"))
        .ok()
        .and_then(|t| ensure::json_string_field(&t, "version"));
    if cli.is_file()
        && version
            .as_deref()
            .is_some_and(|v| v.split('.').next() == Some(LIGHTHOUSE_MAJOR))
    {
        println!(
            "ensure: npm lighthouse@{}: already installed in {}",
            version.unwrap_or_default(),
            dir.display()
        );
        return Ok(cli);
    }
    if util::which("npm").is_none() {
        bail!("npm is missing: run `cargo xtask ensure` first (it installs Node.js and npm)");
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let took = run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .arg(format!("lighthouse@{LIGHTHOUSE_MAJOR}"))
            .current_dir(&dir),
        "Check the network connection to the npm registry.",
    )?;
    if !cli.is_file() {
        bail!(
            "npm install lighthouse finished but {} is missing",
            cli.display()
        );
    }
    println!(
        "ensure: npm lighthouse: installed in {}",
        human_duration(took)
    );
    Ok(cli)
}

/// What one Lighthouse run scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub performance: f64,
    pub accessibility: f64,
    /// Largest Contentful Paint in ms (simulated), when the report has it.
    pub lcp: Option<f64>,
}

/// One Lighthouse run (mobile profile, simulated throttling).
pub fn lighthouse_once(
    ctx: &Ctx,
    cli: &Path,
    chromium: &Path,
    url: &str,
    out: &Path,
) -> Result<Scores> {
    let flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run";
    let mut cmd = Command::new("node");
    cmd.arg(cli)
        .arg(url)
        .args([
            "--output=json",
            "--quiet",
            "--only-categories=performance,accessibility",
            "--max-wait-for-load=120000",
        ])
        .arg(format!("--chrome-flags={flags}"))
        .arg(format!("--output-path={}", out.display()))
        .env("CHROME_PATH", chromium)
        .current_dir(&ctx.root);
    let status = cmd
        .stdout(std::process::Stdio::null())
        .status()
        .with_context(|| "running lighthouse".to_string())?;
    if !status.success() {
        bail!("lighthouse failed ({status}) on {url}");
    }
    let report: Value = serde_json::from_slice(
        &std::fs::read(out).with_context(|| format!("reading {}", out.display()))?,
    )
    .with_context(|| format!("{} is not JSON", out.display()))?;
    if let Some(e) = report["runtimeError"]["message"].as_str() {
        bail!("lighthouse: {e}");
    }
    scores(&report).ok_or_else(|| {
        anyhow::anyhow!(
            "lighthouse gave no score for {url} (see {}): {}",
            out.display(),
            report["runWarnings"]
        )
    })
}

/// The scores in a Lighthouse JSON report (0–100), None when a category has none.
pub fn scores(report: &Value) -> Option<Scores> {
    let score = |c: &str| report["categories"][c]["score"].as_f64().map(|s| s * 100.0);
    Some(Scores {
        performance: score("performance")?,
        accessibility: score("accessibility")?,
        lcp: report["audits"]["largest-contentful-paint"]["numericValue"].as_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_scores_and_lcp() {
        let r = json!({
            "categories": { "performance": { "score": 0.88 }, "accessibility": { "score": 1 } },
            "audits": { "largest-contentful-paint": { "numericValue": 3912.5 } },
        });
        let s = scores(&r).unwrap();
        assert!((s.performance - 88.0).abs() < 1e-9);
        assert_eq!(s.accessibility, 100.0);
        assert_eq!(s.lcp, Some(3912.5));
        // A category without a score (the page failed): no scores, not zeros.
        let r = json!({ "categories": { "performance": { "score": null }, "accessibility": { "score": 1 } } });
        assert_eq!(scores(&r), None);
    }
}
