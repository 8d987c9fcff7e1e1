//! `cargo xtask test`: lint, build, then native + end-to-end tests and wasm-bindgen tests in
//! headless Chromium. Stops at the first failing step.

use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::bundle::{self, PACKAGE};
use crate::ensure::{self, Browser, Tools, WASM_TARGET};
use crate::util::{
    bail, check_status, display_cmd, human_duration, output_of, run, Context, Ctx, Error, Result,
};
use scorecards_cli::server;

/// `cargo xtask fmt`: rustfmt, and leptosfmt for what rustfmt leaves alone (the markup
/// inside `view!`). leptosfmt runs again after rustfmt: its second pass is where both agree.
pub fn format(ctx: &Ctx) -> Result<()> {
    let leptosfmt = ensure::leptosfmt(ctx)?;
    let view = || {
        run(
            Command::new(&leptosfmt)
                .args(["--quiet", "src"])
                .current_dir(&ctx.root),
            "leptosfmt failed on the files above.",
        )
    };
    view()?;
    run(ctx.cargo().args(["fmt", "--all"]), "cargo fmt failed.")?;
    view()?;
    Ok(())
}

/// Chromium flags for headless runs as root in a container.
pub const CHROME_ARGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

#[derive(Debug, Default, Clone)]
pub struct TestOptions {
    /// Skip `cargo fmt --check` and clippy.
    pub no_lint: bool,
}

/// Test counts parsed from `test result:` lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }
}

/// Parses libtest's (and wasm-bindgen-test-runner's) summary line:
/// `test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s`.
pub fn parse_test_result(line: &str) -> Option<Counts> {
    let rest = &line[line.find("test result: ")? + "test result: ".len()..];
    let mut counts = Counts::default();
    let mut found = false;
    for part in rest.split(';') {
        // The first part is "ok. 12 passed" / "FAILED. 3 passed".
        let part = part.rsplit(". ").next().unwrap_or(part);
        let mut words = part.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(n) = n.parse::<u64>() else { continue };
        match what {
            "passed" => counts.passed = n,
            "failed" => counts.failed = n,
            "ignored" => counts.ignored = n,
            _ => continue,
        }
        found = true;
    }
    found.then_some(counts)
}

/// Remembers how long each step took, for the summary.
#[derive(Default)]
struct Steps {
    done: Vec<(String, Duration, bool)>,
}

impl Steps {
    fn step<T>(&mut self, name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
        println!();
        println!("==> {name}");
        let started = Instant::now();
        let result = f();
        let took = started.elapsed();
        self.done.push((name.to_string(), took, result.is_ok()));
        match &result {
            Ok(_) => println!("==> {name}: ok in {}", human_duration(took)),
            Err(_) => println!("==> {name}: FAILED after {}", human_duration(took)),
        }
        result
    }

    fn print(&self) {
        println!();
        println!("Summary of `cargo xtask test`:");
        for (name, took, ok) in &self.done {
            println!(
                "  {:<40} {:>12}  {}",
                name,
                human_duration(*took),
                if *ok { "ok" } else { "FAILED" }
            );
        }
    }
}

pub fn test(ctx: &Ctx, options: &TestOptions) -> Result<()> {
    let started = Instant::now();
    if ctx.ci {
        print_versions();
    }
    let mut steps = Steps::default();
    let mut totals = Counts::default();
    let result = run_steps(ctx, options, &mut steps, &mut totals);
    steps.print();
    println!("Total time: {}", human_duration(started.elapsed()));
    println!("{} passed, {} failed", totals.passed, totals.failed);
    result
}

fn run_steps(
    ctx: &Ctx,
    options: &TestOptions,
    steps: &mut Steps,
    totals: &mut Counts,
) -> Result<()> {
    let (tools, browser) = steps.step("ensure tools", || {
        ensure::rust_components(ctx)?;
        let tools = ensure::tools(ctx)?;
        let browser = ensure::browser(ctx)?;
        Ok((tools, browser))
    })?;

    if !options.no_lint {
        steps.step("cargo fmt --check", || {
            run(
                ctx.cargo().args(["fmt", "--all", "--", "--check"]),
                "Run `cargo xtask fmt` to fix the formatting.",
            )
        })?;
        // `view!` macros, which rustfmt leaves alone: formatted by leptosfmt.
        let leptosfmt = steps.step("leptosfmt (install)", || ensure::leptosfmt(ctx))?;
        steps.step("leptosfmt --check", || {
            run(
                Command::new(&leptosfmt)
                    .args(["--check", "--quiet", "src"])
                    .current_dir(&ctx.root),
                "Run `cargo xtask fmt` to fix the formatting of the view! macros.",
            )
        })?;
        // The native run checks every crate without the bundle's features; the wasm32 run
        // checks the app with them.
        let native: &[&str] = &["--workspace"];
        let wasm: &[&str] = &[
            "-p",
            PACKAGE,
            "--target",
            WASM_TARGET,
            "--features",
            bundle::BUNDLE_FEATURES,
        ];
        for (name, which) in [
            ("clippy (native)", native),
            ("clippy (wasm32, split)", wasm),
        ] {
            steps.step(name, || {
                run(
                    ctx.cargo().arg("clippy").args(which).args([
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ]),
                    "Fix the clippy findings above (warnings are errors).",
                )
            })?;
        }
    }

    steps.step("build (release)", || bundle::build(ctx, &tools, true))?;

    let (server, driver) = steps.step("start server + chromedriver", || {
        let fixtures = ctx.root.join("tests").join("fixtures");
        let server = server::start(
            &bundle::dist_dir(ctx),
            localhost(0),
            server::Options {
                test_routes: true,
                fixtures_dir: Some(fixtures),
                extra_files: Vec::new(),
                log_requests: ctx.ci || std::env::var_os("SSC_SERVER_LOG").is_some(),
            },
        )?;
        wait_for_http(server.addr(), "/", Duration::from_secs(10), || Ok(()))
            .with_context(|| "the test server did not answer".to_string())?;
        println!("server: {} (test routes on)", server.base_url());
        let driver = Chromedriver::start(ctx, &browser)?;
        println!("chromedriver: {}", driver.url());
        Ok((server, driver))
    })?;

    steps.step("cargo test --workspace (unit + e2e)", || {
        let mut cmd = ctx.cargo();
        cmd.args(["test", "--workspace", "--no-fail-fast"])
            .env("SSC_BASE_URL", server.base_url())
            .env("SSC_WEBDRIVER", driver.url())
            .env("SSC_CHROMIUM", &browser.chromium)
            .env("SSC_AXE", &tools.axe_js);
        run_tests(&mut cmd, "Fix the failing tests above.", totals)
    })?;

    steps.step("wasm-bindgen tests (headless Chromium)", || {
        let webdriver_json = write_webdriver_json(ctx, &browser)?;
        let mut cmd = wasm_test_command(ctx, &tools, &browser, &webdriver_json);
        run_tests(
            &mut cmd,
            "Fix the failing tests above. To debug in a visible browser, run the same \
             command with NO_HEADLESS=1 and open the printed URL.",
            totals,
        )
    })?;

    drop(driver);
    server.stop();
    Ok(())
}

fn print_versions() {
    for (program, args) in [
        ("rustc", &["--version"][..]),
        ("cargo", &["--version"]),
        ("node", &["--version"]),
        ("npm", &["--version"]),
        (ensure::CHROMIUM, &["--version"]),
        (ensure::CHROMEDRIVER, &["--version"]),
    ] {
        let version = output_of(Command::new(program).args(args))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| "(not found)".to_string());
        println!("version: {program}: {version}");
    }
}

/// The `cargo test` invocation for the wasm-bindgen tests, with its environment.
pub fn wasm_test_command(
    ctx: &Ctx,
    tools: &Tools,
    browser: &Browser,
    webdriver_json: &Path,
) -> Command {
    let mut cmd = ctx.cargo();
    cmd.args(["test", "-p", PACKAGE, "--target", WASM_TARGET])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            &tools.test_runner,
        )
        .env("CHROMEDRIVER", &browser.chromedriver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        // The runner reads extra WebDriver capabilities from this file (default:
        // `webdriver.json` in its working directory).
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", webdriver_json)
        // Test binaries without `wasm_bindgen_test_configure!(run_in_browser)` would run in
        // Node.js; run them in Chromium too.
        .env("WASM_BINDGEN_USE_BROWSER", "1");
    cmd
}

/// Capabilities for wasm-bindgen-test-runner's Chrome session.
pub fn webdriver_json(chromium: &Path) -> String {
    let args: Vec<String> = CHROME_ARGS.iter().map(|a| format!("\"{a}\"")).collect();
    format!(
        "{{\n  \"goog:chromeOptions\": {{\n    \"binary\": \"{}\",\n    \"args\": [{}]\n  }}\n}}\n",
        json_escape(&chromium.to_string_lossy()),
        args.join(", ")
    )
}

fn json_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn write_webdriver_json(ctx: &Ctx, browser: &Browser) -> Result<PathBuf> {
    let path = ctx.scratch_dir()?.join("webdriver.json");
    std::fs::write(&path, webdriver_json(&browser.chromium))
        .with_context(|| format!("writing {}", path.display()))?;
    println!("webdriver capabilities: {}", path.display());
    Ok(path)
}

/// Runs a `cargo test` command, streaming its output and adding its `test result:` lines
/// to `totals` (also when it fails).
fn run_tests(cmd: &mut Command, hint: &str, totals: &mut Counts) -> Result<()> {
    println!("$ {}", display_cmd(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not run `{}`", display_cmd(cmd)))?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut counts = Counts::default();
    let mut pending = Vec::new();
    let mut buf = [0u8; 8192];
    let mut out = io::stdout();
    loop {
        let n = match stdout.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::from(e)),
        };
        let _ = out.write_all(&buf[..n]);
        let _ = out.flush();
        pending.extend_from_slice(&buf[..n]);
        while let Some(pos) = pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = pending.drain(..=pos).collect();
            if let Some(c) = parse_test_result(&String::from_utf8_lossy(&line)) {
                counts.add(c);
            }
        }
    }
    if let Some(c) = parse_test_result(&String::from_utf8_lossy(&pending)) {
        counts.add(c);
    }
    let status = child.wait()?;
    println!(
        "tests: {} passed, {} failed, {} ignored",
        counts.passed, counts.failed, counts.ignored
    );
    totals.add(counts);
    check_status(cmd, status, hint)
}

pub fn localhost(port: u16) -> SocketAddr {
    SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
}

/// A port that was free a moment ago (for child processes that need a `--port`).
pub fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind(localhost(0)).with_context(|| "finding a free port".to_string())?;
    Ok(listener.local_addr()?.port())
}

/// Polls `GET path` until it answers 200, calling `alive` between attempts.
fn wait_for_http(
    addr: SocketAddr,
    path: &str,
    timeout: Duration,
    mut alive: impl FnMut() -> Result<()>,
) -> Result<()> {
    let deadline = Instant::now() + timeout;
    let mut last = String::from("no answer");
    while Instant::now() < deadline {
        alive()?;
        match server::request(addr, "GET", path, &[], Duration::from_secs(2)) {
            Ok(r) if r.status == 200 => return Ok(()),
            Ok(r) => last = format!("HTTP {}", r.status),
            Err(e) => last = e.to_string(),
        }
        thread::sleep(Duration::from_millis(100));
    }
    bail!(
        "http://{addr}{path} did not answer 200 within {} (last: {last})",
        human_duration(timeout)
    )
}

/// `chromedriver --port=N` as a child process, stopped when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Chromedriver {
    pub fn start(ctx: &Ctx, browser: &Browser) -> Result<Chromedriver> {
        let port = free_port()?;
        let log = ctx.scratch_dir()?.join("chromedriver.log");
        let log_file =
            std::fs::File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        let mut cmd = Command::new(&browser.chromedriver);
        cmd.arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log_file.try_clone()?)
            .stderr(log_file);
        println!("$ {}  (log: {})", display_cmd(&cmd), log.display());
        let child = cmd
            .spawn()
            .with_context(|| format!("could not start {}", browser.chromedriver.display()))?;
        let mut driver = Chromedriver { child, port, log };
        let log_path = driver.log.clone();
        let child = &mut driver.child;
        wait_for_http(
            localhost(port),
            "/status",
            Duration::from_secs(30),
            || match child.try_wait()? {
                Some(status) => bail!(
                    "chromedriver exited at startup ({status}); its log:\n{}",
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                ),
                None => Ok(()),
            },
        )
        .with_context(|| format!("chromedriver did not start (log: {})", log_path.display()))?;
        Ok(driver)
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        // SIGTERM first so chromedriver can close the browsers it started; SIGKILL if
        // that is not possible (no `kill` program) or takes too long.
        let pid = self.child.id().to_string();
        let termed = Command::new("kill")
            .args(["-TERM", &pid])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if termed {
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_libtest_summaries() {
        assert_eq!(
            parse_test_result(
                "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s"
            ),
            Some(Counts { passed: 12, failed: 0, ignored: 1 })
        );
        assert_eq!(
            parse_test_result("test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.2s\n"),
            Some(Counts { passed: 3, failed: 2, ignored: 0 })
        );
        assert_eq!(parse_test_result("running 3 tests"), None);
        assert_eq!(parse_test_result("test result: garbage"), None);
    }

    #[test]
    fn webdriver_json_shape() {
        let json = webdriver_json(Path::new("/usr/bin/chromium"));
        assert!(json.contains("\"goog:chromeOptions\""));
        assert!(json.contains("\"binary\": \"/usr/bin/chromium\""));
        for arg in CHROME_ARGS {
            assert!(json.contains(&format!("\"{arg}\"")), "{arg}");
        }
    }

    #[test]
    fn free_ports_are_nonzero() {
        assert_ne!(free_port().unwrap(), 0);
    }
}
