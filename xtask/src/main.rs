//! `cargo xtask <command>`: build, serve and test station-scorecards.
//!
//! Run `cargo xtask help` for the commands.

mod assets;
mod bench;
mod bundle;
mod cli;
mod ensure;
mod fuzz;
mod lockfile;
mod prerender;
use scorecards_cli::server;
mod testing;
mod util;

use std::path::PathBuf;
use std::process::ExitCode;

use cli::Args;
use util::{bail, Ctx, Result};

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  build [--dev]        Build the app into dist/ (release + wasm-opt; --dev: debug, no wasm-opt)
  serve [options]      Build, then serve dist/ on 127.0.0.1 until Ctrl-C
      --port N         Port (default: $PORT, else 8080; 0 = any free port)
      --data FILE      Also serve FILE at /data/user/<file name> and print the URL that opens it
      --no-build       Serve the existing dist/ as is
      --dev            Debug build (faster to compile, larger, no wasm-opt)
      --test-routes    Enable /fixtures/, /_status/<code> and /_slow/<ms>/<path>
  fmt                  Format everything: rustfmt, and leptosfmt for the view! macros
  test [--no-lint]     Everything CI runs: fmt, clippy, build, cargo test (unit + e2e in
                       Chromium), wasm-bindgen tests in headless Chromium
  bench [options]      Build, generate the synthetic national data set, and measure the app
                       against the plain-JS reference pages (bench/reference/) in headless
                       Chromium, national data and a portal on a phone; prints a table,
                       writes target/bench/report.{json,md}
                       (see docs/benchmark.md)
      --runs N         Runs per measurement, medians reported (default 5)
      --quick          Smoke mode: 2,000 stations, 1 run
      --stations N / --months M / --seed S   The synthetic data set (40000 / 24 / 1)
      --data PATH [--src REL] [--ref-src REL]   Serve this file or directory instead
      --app-scorecard-url T / --app-table-url T   URL templates with {src}, {station}
      --station ID / --search TEXT / --province ZH   What the pages open and filter
      --no-lighthouse / --lighthouse-runs N (default: --runs, at most 3) / --no-build / --timeout SECS
      --scenario all|national|portal   Which measurements (default all; one alone writes
                       target/bench/report-<scenario>.{json,md})
      --portal-only    = --scenario portal: the first view of a seed scorecard on a phone
                       (plain page, standalone page, portal page), a few minutes
      --portal-station ID / --portal-page PATH   The portal scenario's station and host page
  ensure [--browser]   Install missing tools (wasm32 target, wasm-bindgen-cli, npm binaryen +
                       axe-core; --browser: also chromium, chromedriver, CJK fonts)
  browser              Install chromium, chromedriver and CJK fonts if missing
  fuzz [options]       Run the cargo-fuzz targets in fuzz/ (installs cargo-fuzz if missing;
                       stable Rust is enough, see docs/hardening.md)
      --target T       parse_validate or csv_import (default: each in turn)
      --seconds N      How long each target runs (default: 60)
      --sanitizer S    address (default) or none (faster; the code fuzzed has no unsafe)
  help                 Show this message

Tools are cached in $STATION_SCORECARDS_CACHE, else $XDG_CACHE_HOME/station-scorecards,
else ~/.cache/station-scorecards.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!();
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    let mut args = Args::parse(command, rest)?;
    match command.as_str() {
        "build" => {
            let dev = args.flag("--dev");
            args.finish()?;
            let ctx = Ctx::from_env()?;
            let tools = ensure::tools(&ctx)?;
            bundle::build(&ctx, &tools, !dev)
        }
        "serve" => serve(args),
        "bench" => {
            let options = bench::parse_args(args)?;
            let ctx = Ctx::from_env()?;
            bench::bench(&ctx, &options)
        }
        "fmt" => {
            args.finish()?;
            let ctx = Ctx::from_env()?;
            testing::format(&ctx)
        }
        "test" => {
            let options = testing::TestOptions {
                no_lint: args.flag("--no-lint"),
            };
            args.finish()?;
            let ctx = Ctx::from_env()?;
            testing::test(&ctx, &options)
        }
        "ensure" => {
            let browser = args.flag("--browser");
            args.finish()?;
            let ctx = Ctx::from_env()?;
            ensure::tools(&ctx)?;
            if browser {
                ensure::browser(&ctx)?;
            }
            Ok(())
        }
        "browser" => {
            args.finish()?;
            let ctx = Ctx::from_env()?;
            let browser = ensure::browser(&ctx)?;
            println!("chromium: {}", browser.chromium.display());
            println!("chromedriver: {}", browser.chromedriver.display());
            Ok(())
        }
        "fuzz" => {
            let options = fuzz::FuzzOptions {
                target: args.value("--target")?,
                seconds: match args.value("--seconds")? {
                    Some(n) => n
                        .parse()
                        .map_err(|_| anyhow::anyhow!("--seconds {n:?}: not a number"))?,
                    None => 60,
                },
                sanitizer: args
                    .value("--sanitizer")?
                    .unwrap_or_else(|| "address".into()),
            };
            args.finish()?;
            let ctx = Ctx::from_env()?;
            fuzz::fuzz(&ctx, &options)
        }
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command {other:?}.\n\n{USAGE}"),
    }
}

fn serve(mut args: Args) -> Result<()> {
    let port_arg = args.value("--port")?;
    let data = args.value("--data")?.map(PathBuf::from);
    let no_build = args.flag("--no-build");
    let dev = args.flag("--dev");
    let test_routes = args.flag("--test-routes");
    args.finish()?;
    let port = cli::select_port(port_arg.as_deref(), std::env::var("PORT").ok().as_deref())?;
    let ctx = Ctx::from_env()?;

    let mut extra_files = Vec::new();
    let mut data_url_path = None;
    if let Some(data) = data {
        if !data.is_file() {
            bail!("--data {}: no such file", data.display());
        }
        let Some(name) = data.file_name().and_then(|n| n.to_str()) else {
            bail!(
                "--data {}: the file name must be valid UTF-8",
                data.display()
            );
        };
        let url_path = format!("/data/user/{}", server::percent_encode_segment(name));
        extra_files.push((url_path.clone(), data.clone()));
        data_url_path = Some(url_path);
    }

    if no_build {
        println!("serve: --no-build, serving dist/ as it is");
    } else {
        let tools = ensure::tools(&ctx)?;
        bundle::build(&ctx, &tools, !dev)?;
    }

    let handle = server::start(
        &bundle::dist_dir(&ctx),
        testing::localhost(port),
        server::Options {
            test_routes,
            fixtures_dir: Some(ctx.root.join("tests").join("fixtures")),
            extra_files,
            log_requests: true,
        },
    )?;
    let port = handle.port();
    println!();
    println!("Serving station-scorecards at http://127.0.0.1:{port}/");
    if let Some(path) = data_url_path {
        println!("Your data file: http://127.0.0.1:{port}/?src={path}");
    }
    if test_routes {
        println!("Test routes on: /fixtures/<name>, /_status/<code>, /_slow/<ms>/<path>");
    }
    println!("Press Ctrl-C to stop.");
    handle.wait();
    Ok(())
}
