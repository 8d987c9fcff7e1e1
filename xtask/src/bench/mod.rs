//! `cargo xtask bench`: two scenarios, in headless Chromium driven through chromedriver
//! (WebDriver for pages and scripts, its CDP endpoint for throttling, network conditions,
//! garbage collection and heap use), Lighthouse (npm) beside them. What each figure means:
//! docs/benchmark.md.
//!
//! - national ([`national`]): the dashboard against a plain-JavaScript reference page
//!   (`bench/reference/`) on the synthetic national data set;
//! - portal ([`portal`]): the first view of one seed scorecard on a phone — plain page,
//!   standalone page, portal page with the script tag.
//!
//! Prints a table, writes `target/bench/report.json` and `report.md` (`report-portal.*` or
//! `report-national.*` for one scenario alone) and compares with the previous report.

mod bytes;
mod lighthouse;
mod national;
mod national_rows;
mod options;
mod portal;
mod portal_rows;
mod report;
mod scripts;
mod setup;
mod webdriver;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};

pub use options::{parse_args, BenchOptions};

use crate::bundle;
use crate::ensure;
use crate::testing::{self, Chromedriver};
use crate::util::{bail, human_duration, human_size, output_of, Context, Ctx, Result};
use report::{markdown_table, previous_values, row_json, text_table, Row};
use scorecards_cli::server;

/// Where the reference pages are served, next to the dashboard's `dist/`.
const REF_PREFIX: &str = "/bench/reference";
/// Where the national data set is served.
const DATA_PREFIX: &str = "/bench/data";
/// The committed report.json of the run the README quotes (copy a new one there to move it).
const BASELINE: &str = "bench/baseline.json";

/// What every measurement needs: chromedriver, the browser, the server's base URL.
struct Env<'a> {
    driver: SocketAddr,
    chromium: &'a Path,
    base: String,
    opts: &'a BenchOptions,
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// The national data set as served: the directory, and the files both sides open.
struct NationalData {
    served: PathBuf,
    src_rel: String,
    src: String,
    ref_src: String,
    bytes: Option<u64>,
}

fn national_data(ctx: &Ctx, opts: &BenchOptions, data_dir: &Path) -> Result<NationalData> {
    let (served, default_src) = match &opts.data {
        Some(p) if p.is_dir() => (p.clone(), None),
        Some(p) if p.is_file() => (
            p.parent().unwrap_or(Path::new(".")).to_path_buf(),
            p.file_name().map(|n| n.to_string_lossy().into_owned()),
        ),
        Some(p) => bail!("--data {}: no such file or directory", p.display()),
        None => {
            let f = setup::synth_data(ctx, opts, data_dir)?;
            (
                data_dir.to_path_buf(),
                f.file_name().map(|n| n.to_string_lossy().into_owned()),
            )
        }
    };
    let Some(src_rel) = opts.src.clone().or(default_src) else {
        bail!("--data is a directory: say which file the app opens with --src");
    };
    let ref_rel = opts.ref_src.clone().unwrap_or_else(|| src_rel.clone());
    let bytes = std::fs::metadata(served.join(&ref_rel))
        .map(|m| m.len())
        .ok();
    Ok(NationalData {
        src: format!("{DATA_PREFIX}/{}", src_rel.trim_start_matches('/')),
        ref_src: format!("{DATA_PREFIX}/{}", ref_rel.trim_start_matches('/')),
        served,
        src_rel,
        bytes,
    })
}

/// The national scenario's results, for the rows and report.json.
struct NationalResult {
    data: NationalData,
    app: national::Measured,
    reference: national::Measured,
    fv_app: Option<bytes::FirstView>,
    fv_ref: Option<bytes::FirstView>,
}

pub fn bench(ctx: &Ctx, opts: &BenchOptions) -> Result<()> {
    let started = Instant::now();
    let load_at_start = setup::load_average();
    let out_dir = ctx.target_dir.join("bench");
    let data_dir = out_dir.join("data");
    std::fs::create_dir_all(&data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;

    // 1. Tools, the release build, the data.
    let browser = ensure::browser(ctx)?;
    if opts.no_build {
        if !bundle::dist_dir(ctx).join("index.html").is_file() {
            bail!("--no-build, but dist/ has no build: run `cargo xtask build` first");
        }
        println!("bench: --no-build, measuring dist/ as it is");
    } else {
        let tools = ensure::tools(ctx)?;
        bundle::build(ctx, &tools, true)?;
    }
    let lighthouse_cli = if opts.lighthouse {
        Some(lighthouse::lighthouse_cli(ctx)?)
    } else {
        None
    };
    let data = if opts.scenario.national() {
        Some(national_data(ctx, opts, &data_dir)?)
    } else {
        None
    };

    // 2. Server and browser.
    let mut extra_files = vec![(REF_PREFIX.into(), ctx.root.join("bench").join("reference"))];
    if let Some(d) = &data {
        extra_files.push((DATA_PREFIX.into(), d.served.clone()));
    }
    let server = server::start(
        &bundle::dist_dir(ctx),
        testing::localhost(0),
        server::Options {
            test_routes: false,
            fixtures_dir: None,
            extra_files,
            log_requests: false,
        },
    )?;
    let base = server.base_url().trim_end_matches('/').to_string();
    println!("bench: serving on {base} (dist/, {REF_PREFIX}/, {DATA_PREFIX}/)");
    let driver = Chromedriver::start(ctx, &browser)?;
    let env = Env {
        driver: testing::localhost(driver.port()),
        chromium: &browser.chromium,
        base: base.clone(),
        opts,
    };
    let addr = server.addr();

    // 3. Measure.
    let mut national = match data {
        Some(data) => {
            let (app, reference) = national::run(&env, &data.src, &data.ref_src)?;
            let fv = |m: &national::Measured| {
                m.first
                    .as_ref()
                    .map(|v| bytes::first_view_bytes(addr, v))
                    .transpose()
            };
            Some(NationalResult {
                fv_app: fv(&app)?,
                fv_ref: fv(&reference)?,
                data,
                app,
                reference,
            })
        }
        None => None,
    };
    let mut portal = if opts.scenario.portal() {
        Some(portal::run(&env, addr)?)
    } else {
        None
    };
    drop(driver);

    // 4. Lighthouse, after the browser measurements (it starts its own Chromium).
    if let Some(cli) = &lighthouse_cli {
        let lh_dir = out_dir.join("lighthouse");
        std::fs::create_dir_all(&lh_dir)?;
        let lh = |name: &str, path: &str| -> (Vec<lighthouse::Scores>, Option<String>) {
            let url = format!("{base}{path}");
            let (mut scores, mut failure) = (Vec::new(), None);
            for r in 0..opts.lighthouse_runs {
                let out = lh_dir.join(format!("{name}-{}.json", r + 1));
                match lighthouse::lighthouse_once(ctx, cli, &browser.chromium, &url, &out) {
                    Ok(s) => {
                        println!(
                            "bench: {name:<9} lighthouse run {}: performance {:.0}, accessibility {:.0}, LCP {}",
                            r + 1,
                            s.performance,
                            s.accessibility,
                            s.lcp.map_or("?".into(), |v| format!("{v:.0} ms"))
                        );
                        scores.push(s);
                    }
                    Err(e) => {
                        println!("bench: {name:<9} lighthouse run {}: {e}", r + 1);
                        failure = Some(e.to_string());
                    }
                }
            }
            (scores, failure)
        };
        if let Some(n) = &mut national {
            let app =
                national::app_side(opts.app_scorecard_url.clone(), opts.app_table_url.clone());
            let reference = national::reference_side();
            for (side, src, m) in [
                (&app, &n.data.src, &mut n.app),
                (&reference, &n.data.ref_src, &mut n.reference),
            ] {
                let (scores, failure) = lh(
                    side.name,
                    &national::fill(&side.scorecard_url, src, &opts.station),
                );
                m.lighthouse
                    .extend(scores.iter().map(|s| (s.performance, s.accessibility)));
                if failure.is_some() {
                    m.lighthouse_failure = failure;
                }
            }
        }
        if let Some(p) = &mut portal {
            let pages = portal::pages(&opts.portal_station, &opts.portal_page);
            for i in [1, 0] {
                let (scores, failure) = lh(&format!("portal-{}", pages[i].key), &pages[i].url);
                p.pages[i].lighthouse = scores;
                p.pages[i].lighthouse_failure = failure;
            }
        }
    }
    server.stop();

    // 5. Report.
    let mut rows = Vec::new();
    if let Some(n) = &national {
        rows.extend(national_rows::build_rows(
            opts,
            &n.app,
            &n.reference,
            n.fv_app.as_ref(),
            n.fv_ref.as_ref(),
        ));
    }
    if let Some(p) = &portal {
        rows.extend(portal_rows::build_rows(opts, p));
    }
    write_report(
        ctx,
        opts,
        &out_dir,
        &rows,
        national.as_ref(),
        portal.as_ref(),
        load_at_start,
    )?;
    println!(
        "bench: done in {} (load average now {})",
        human_duration(started.elapsed()),
        setup::load_average().as_deref().unwrap_or("?")
    );
    Ok(())
}

fn read_report(path: &Path) -> Option<Value> {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

fn write_report(
    ctx: &Ctx,
    opts: &BenchOptions,
    out_dir: &Path,
    rows: &[Row],
    national: Option<&NationalResult>,
    portal: Option<&portal::PortalMeasured>,
    load_at_start: Option<String>,
) -> Result<()> {
    let stem = opts.scenario.report_stem();
    let report_json = out_dir.join(format!("{stem}.json"));
    // The previous run of the same scenarios on this machine; else the full report (a
    // scenario alone compares with the full run's rows); on a fresh clone, the committed
    // baseline (the run the README quotes), so a regression shows from the first run.
    let full = out_dir.join("report.json");
    let (previous_report, previous_from) = match read_report(&report_json) {
        Some(r) => (Some(r), "the previous report".to_string()),
        None => match read_report(&full) {
            Some(r) => (Some(r), "the previous full report".to_string()),
            None => (
                read_report(&ctx.root.join(BASELINE)),
                format!("the committed baseline `{BASELINE}`"),
            ),
        },
    };
    let previous = previous_report
        .as_ref()
        .map(previous_values)
        .unwrap_or_default();
    let date = output_of(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let machine = setup::machine();
    let commit = setup::git(ctx, &["rev-parse", "--short", "HEAD"]).unwrap_or_default();
    let dirty = setup::git(ctx, &["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|s| !s.is_empty());
    let lighthouse_runs = if opts.lighthouse {
        opts.lighthouse_runs.to_string()
    } else {
        "skipped".into()
    };
    let mut header = format!(
        "Date: {date} · commit {commit}{} · machine: {} × {} ({}), {}\n\
         Load average (1/5/15 min) at the start: {} · at the end: {}\n",
        if dirty {
            " (with uncommitted changes)"
        } else {
            ""
        },
        machine["nproc"],
        machine["cpu"].as_str().unwrap_or("?"),
        machine["memory"].as_str().unwrap_or("?"),
        machine["chromium"].as_str().unwrap_or("chromium ?"),
        load_at_start.as_deref().unwrap_or("?"),
        machine["loadavg"].as_str().unwrap_or("?"),
    );
    let data_label = national.map(|n| {
        format!(
            "SYNTHETIC data (`scorecards synth`, marked synthetic): {}{}",
            n.data.src_rel,
            n.data
                .bytes
                .map(|b| format!(", {}", human_size(b)))
                .unwrap_or_default()
        )
    });
    if let Some(label) = &data_label {
        header.push_str(&format!(
            "Data: {label} · station {} · medians of {} runs (Lighthouse: {lighthouse_runs}) · \
             sort/filter/search ops: search {:?}, province {:?}, sort by name\n",
            opts.station, opts.runs, opts.search, opts.province,
        ));
    }
    if portal.is_some() {
        header.push_str(&format!(
            "Portal: seed station {} · plain page, standalone `/?station=…`, host page `{}` · \
             phone: {} · medians of {} runs (Lighthouse mobile: {lighthouse_runs})\n",
            opts.portal_station,
            opts.portal_page,
            portal::profile_text(),
            opts.runs,
        ));
    }
    let prev_note = previous_report
        .as_ref()
        .map(|p| {
            format!(
                "Δ: against {previous_from} ({}, commit {}).\n",
                p["date"].as_str().unwrap_or("?"),
                p["commit"].as_str().unwrap_or("?")
            )
        })
        .unwrap_or_else(|| {
            format!("Δ: no previous report in target/bench/ nor `{BASELINE}` to compare with.\n")
        });
    println!();
    println!("{header}{prev_note}");
    println!("{}", text_table(rows, &previous));

    let mut report = json!({
        "date": date,
        "commit": commit,
        "dirty": dirty,
        "machine": machine,
        "loadavg_at_start": load_at_start,
        "scenario": format!("{:?}", opts.scenario).to_lowercase(),
        "options": { "runs": opts.runs, "quick": opts.quick, "lighthouse_runs": opts.lighthouse_runs,
                     "station": opts.station, "search": opts.search, "province": opts.province,
                     "app_scorecard_url": national::app_side(opts.app_scorecard_url.clone(), None).scorecard_url,
                     "app_table_url": national::app_side(None, opts.app_table_url.clone()).table_url,
                     "portal_station": opts.portal_station, "portal_page": opts.portal_page },
        "rows": rows.iter().map(row_json).collect::<Vec<_>>(),
        "previous": previous_report.as_ref().map(|p| json!({ "date": p["date"], "commit": p["commit"] })),
    });
    if let Some(n) = national {
        let mut files = Vec::new();
        for (name, fv) in [("app", &n.fv_app), ("reference", &n.fv_ref)] {
            for (path, b) in fv.iter().flat_map(|f| f.files.iter()) {
                files.push(json!({ "side": name, "path": path, "identity": b.identity, "gzip": b.gzip, "br": b.br }));
            }
        }
        let (ma, mr) = (&n.app, &n.reference);
        report["data"] = json!({ "label": data_label, "src": n.data.src, "reference_src": n.data.ref_src,
            "bytes": n.data.bytes, "synthetic": opts.data.is_none(), "stations": opts.stations,
            "months": opts.months, "seed": opts.seed });
        report["first_view_files"] = json!(files);
        report["failures"] = json!({ "app": ma.failure, "app_table": ma.table_failure, "reference": mr.failure,
            "reference_table": mr.table_failure, "app_ops": ma.op_failure, "reference_ops": mr.op_failure,
            "app_lighthouse": ma.lighthouse_failure, "reference_lighthouse": mr.lighthouse_failure });
        report["samples_ms"] =
            json!({ "app": national_rows::ops_json(ma), "reference": national_rows::ops_json(mr) });
    }
    if let Some(p) = portal {
        report["portal"] = portal_rows::report_json(opts, p);
    }
    if report_json.is_file() {
        let _ = std::fs::rename(&report_json, out_dir.join(format!("{stem}.previous.json")));
    }
    std::fs::write(
        &report_json,
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .with_context(|| format!("writing {}", report_json.display()))?;
    let md = format!(
        "# Benchmark report\n\n{}\n{}\n{}",
        header.replace('\n', "  \n"),
        prev_note,
        markdown_table(rows, &previous)
    );
    let report_md = out_dir.join(format!("{stem}.md"));
    std::fs::write(&report_md, md).with_context(|| format!("writing {}", report_md.display()))?;
    println!(
        "bench: wrote {} and {}",
        report_json.display(),
        report_md.display()
    );
    Ok(())
}
