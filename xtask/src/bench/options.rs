//! `cargo xtask bench` options (docs/benchmark.md lists them).

use std::path::PathBuf;
use std::time::Duration;

use crate::cli::Args;
use crate::util::{bail, Result};

/// Which measurements a run makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Both, in one run and one report (the default).
    All,
    /// The national data set: the dashboard against the plain-JS directory page.
    National,
    /// The first view on a portal, on a phone profile (issue 13).
    Portal,
}

impl Scenario {
    pub fn national(self) -> bool {
        matches!(self, Scenario::All | Scenario::National)
    }
    pub fn portal(self) -> bool {
        matches!(self, Scenario::All | Scenario::Portal)
    }
    /// The report's file stem: `report` for a full run, else `report-<scenario>` (so a
    /// partial run does not replace the full report it would be compared with).
    pub fn report_stem(self) -> &'static str {
        match self {
            Scenario::All => "report",
            Scenario::National => "report-national",
            Scenario::Portal => "report-portal",
        }
    }
}

#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub scenario: Scenario,
    pub runs: usize,
    pub quick: bool,
    pub no_build: bool,
    pub lighthouse: bool,
    pub lighthouse_runs: usize,
    pub stations: usize,
    pub months: usize,
    pub seed: u64,
    /// A data file or directory to serve instead of the generated one.
    pub data: Option<PathBuf>,
    /// Paths (inside the served data) of the app's and the reference's data file.
    pub src: Option<String>,
    pub ref_src: Option<String>,
    pub station: String,
    pub search: String,
    pub province: String,
    pub app_scorecard_url: Option<String>,
    pub app_table_url: Option<String>,
    pub timeout: Duration,
    /// After this long on one table operation, no further runs of it are started.
    pub op_budget: Duration,
    /// Portal scenario: the seed station shown on all three pages.
    pub portal_station: String,
    /// Portal scenario: the host page (a path in `dist/`) with the script tag and the div.
    pub portal_page: String,
}

/// Lighthouse runs when not given: as many as `--runs`, at most 3 (each run on the national
/// data set takes about a minute here; 3 was what the committed reports used).
const MAX_DEFAULT_LIGHTHOUSE_RUNS: u64 = 3;

/// No new run of one table operation starts after this long on it. The plain reference
/// re-renders all 40,000 rows (18–100 s per operation here), so this bounds its samples;
/// the dashboard's operations take milliseconds and never reach it.
const DEFAULT_OP_BUDGET_SECS: u64 = 30;

pub fn parse_args(mut args: Args) -> Result<BenchOptions> {
    let quick = args.flag("--quick");
    let parse_num = |name: &str, v: Option<String>, default: u64| -> Result<u64> {
        match v {
            None => Ok(default),
            Some(v) => match v.trim().parse::<u64>() {
                Ok(n) => Ok(n),
                Err(_) => bail!("`cargo xtask bench`: {name} {v:?} is not a number"),
            },
        }
    };
    let portal_only = args.flag("--portal-only");
    let scenario = match (args.value("--scenario")?.as_deref(), portal_only) {
        (None, false) | (Some("all"), false) => Scenario::All,
        (None, true) | (Some("portal"), _) => Scenario::Portal,
        (Some("national"), false) => Scenario::National,
        (Some(other), true) => {
            bail!("`cargo xtask bench`: --portal-only and --scenario {other} contradict each other")
        }
        (Some(other), _) => {
            bail!("`cargo xtask bench`: --scenario {other:?}: expected all, national or portal")
        }
    };
    let runs = parse_num("--runs", args.value("--runs")?, if quick { 1 } else { 5 })? as usize;
    let lh_runs = args.value("--lighthouse-runs")?;
    let stations = parse_num(
        "--stations",
        args.value("--stations")?,
        if quick { 2_000 } else { 40_000 },
    )? as usize;
    // 40,000 stations with 24 months of series are 137 MB in one file, above the dashboard's
    // 64 MB limit (a portal that large publishes the index + detail layout instead); with 3
    // months they are about 59 MB, which both sides can load.
    let months = parse_num(
        "--months",
        args.value("--months")?,
        if quick { 24 } else { 3 },
    )? as usize;
    let seed = parse_num("--seed", args.value("--seed")?, 1)?;
    let timeout = parse_num("--timeout", args.value("--timeout")?, 600)?;
    let lh_default = (runs as u64).min(MAX_DEFAULT_LIGHTHOUSE_RUNS);
    let opts = BenchOptions {
        scenario,
        runs: runs.max(1),
        quick,
        no_build: args.flag("--no-build"),
        lighthouse: !args.flag("--no-lighthouse"),
        lighthouse_runs: parse_num("--lighthouse-runs", lh_runs, lh_default)?.max(1) as usize,
        stations: stations.max(1),
        months: months.max(1),
        seed,
        data: args.value("--data")?.map(PathBuf::from),
        src: args.value("--src")?,
        ref_src: args.value("--ref-src")?,
        station: args
            .value("--station")?
            .unwrap_or_else(|| "syn-00001".into()),
        search: args.value("--search")?.unwrap_or_else(|| "syn-001".into()),
        province: args.value("--province")?.unwrap_or_else(|| "北京市".into()),
        app_scorecard_url: args.value("--app-scorecard-url")?,
        app_table_url: args.value("--app-table-url")?,
        timeout: Duration::from_secs(timeout.max(10)),
        op_budget: Duration::from_secs(parse_num(
            "--op-budget",
            args.value("--op-budget")?,
            DEFAULT_OP_BUDGET_SECS,
        )?),
        portal_station: args
            .value("--portal-station")?
            .unwrap_or_else(|| "meijiang".into()),
        portal_page: args
            .value("--portal-page")?
            .unwrap_or_else(|| "/examples/portal.html".into()),
    };
    args.finish()?;
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(items: &[&str]) -> Result<BenchOptions> {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        parse_args(Args::parse("bench", &items)?)
    }

    #[test]
    fn options() {
        let o = parse(&["--quick", "--runs=3"]).unwrap();
        assert!(o.quick);
        assert_eq!(o.runs, 3);
        assert_eq!(o.stations, 2_000);
        assert_eq!(o.lighthouse_runs, 3);
        assert_eq!(o.scenario, Scenario::All);
        let o = parse(&[]).unwrap();
        assert_eq!((o.runs, o.stations, o.months), (5, 40_000, 3));
        // Lighthouse: as many runs as --runs, at most 3 unless asked.
        assert_eq!(o.lighthouse_runs, 3);
        assert_eq!(
            parse(&["--lighthouse-runs", "5"]).unwrap().lighthouse_runs,
            5
        );
        assert_eq!(parse(&["--quick"]).unwrap().lighthouse_runs, 1);
        assert!(parse(&["--runs", "x"]).is_err());
    }

    #[test]
    fn scenarios() {
        let o = parse(&["--portal-only"]).unwrap();
        assert_eq!(o.scenario, Scenario::Portal);
        assert!(o.scenario.portal() && !o.scenario.national());
        assert_eq!(o.scenario.report_stem(), "report-portal");
        assert_eq!(o.portal_station, "meijiang");
        assert_eq!(o.portal_page, "/examples/portal.html");
        assert_eq!(
            parse(&["--scenario", "portal"]).unwrap().scenario,
            Scenario::Portal
        );
        let n = parse(&["--scenario=national"]).unwrap().scenario;
        assert!(n.national() && !n.portal());
        assert!(Scenario::All.national() && Scenario::All.portal());
        assert_eq!(Scenario::All.report_stem(), "report");
        let err = parse(&["--scenario", "phone"]).unwrap_err().to_string();
        assert!(err.contains("expected all, national or portal"), "{err}");
        assert!(parse(&["--portal-only", "--scenario", "national"]).is_err());
    }
}
