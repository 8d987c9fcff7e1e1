//! A small synchronous WebDriver client for chromedriver: sessions, navigation, scripts, and
//! chromedriver's `/goog/cdp/execute` endpoint for DevTools Protocol commands.
//!
//! Why not fantoccini, which the browser tests use: every `cargo xtask` command (build, serve,
//! test) compiles xtask first, and fantoccini brings an async stack (tokio, hyper, hyper-util,
//! the servo `webdriver` types, `url` with its IDNA tables, serde derive) into that build,
//! where today xtask needs only tiny_http, flate2, brotli and serde_json. The bench needs
//! five WebDriver calls, all blocking; this file is them. The tests keep fantoccini (they are
//! async and compiled only by `cargo test`). Every HTTP exchange goes through
//! `scorecards_cli::server::request_with_body`, the client the rest of xtask uses.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};

use crate::testing::CHROME_ARGS;
use crate::util::{bail, Context, Result};

/// Longest wait for one chromedriver answer (a navigation on a throttled 60 MB page is slow).
const CALL_TIMEOUT: Duration = Duration::from_secs(1200);

/// One JSON exchange with chromedriver on a fresh connection (`Connection: close`):
/// (HTTP status, the answer's `value`).
fn exchange(
    driver: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<(u16, Value)> {
    let what = || format!("chromedriver {method} {path}");
    let body = body.map(Value::to_string);
    let answer = scorecards_cli::server::request_with_body(
        driver,
        method,
        path,
        &[("Content-Type", "application/json; charset=utf-8")],
        body.as_deref().map(str::as_bytes),
        CALL_TIMEOUT,
    )
    .with_context(what)?;
    let v: Value = serde_json::from_slice(&answer.body)
        .with_context(|| format!("{}: answer is not JSON", what()))?;
    Ok((
        answer.status,
        v.get("value").cloned().unwrap_or(Value::Null),
    ))
}

fn call(driver: SocketAddr, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
    let (status, value) = exchange(driver, method, path, body.as_ref())?;
    if status != 200 {
        bail!(
            "chromedriver {method} {path}: HTTP {status}: {} {}",
            value["error"].as_str().unwrap_or(""),
            value["message"]
                .as_str()
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
        );
    }
    Ok(value)
}

/// The capabilities of a bench session: headless Chromium with a fresh profile (cold cache).
pub fn session_caps(chromium: &Path) -> Value {
    let mut args: Vec<String> = CHROME_ARGS.iter().map(|s| s.to_string()).collect();
    args.extend(
        [
            "--window-size=1280,900",
            "--hide-scrollbars",
            "--enable-precise-memory-info",
            "--js-flags=--expose-gc",
            "--disable-renderer-backgrounding",
            "--disable-background-timer-throttling",
            "--disable-backgrounding-occluded-windows",
        ]
        .map(String::from),
    );
    json!({
        "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": { "script": 900_000, "pageLoad": 900_000, "implicit": 0 },
            "goog:chromeOptions": { "binary": chromium.to_string_lossy(), "args": args },
        }}
    })
}

/// A WebDriver session on chromedriver, deleted (browser closed) when dropped.
pub struct Session {
    driver: SocketAddr,
    id: String,
}

impl Session {
    pub fn new(driver: SocketAddr, chromium: &Path) -> Result<Session> {
        let v = call(driver, "POST", "/session", Some(session_caps(chromium)))?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("chromedriver: no session id in {v}"))?
            .to_string();
        Ok(Session { driver, id })
    }

    fn call(&self, method: &str, suffix: &str, body: Option<Value>) -> Result<Value> {
        call(
            self.driver,
            method,
            &format!("/session/{}{suffix}", self.id),
            body,
        )
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.call("POST", "/url", Some(json!({ "url": url })))
            .map(|_| ())
    }

    /// Runs a script (a function body, `arguments` holding `args`) and returns its value.
    pub fn exec(&self, script: &str, args: Value) -> Result<Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs a script whose last argument is the callback that gives its value.
    pub fn exec_async(&self, script: &str, args: Value) -> Result<Value> {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// A Chrome DevTools Protocol command on the page, through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = call(
            self.driver,
            "DELETE",
            &format!("/session/{}", self.id),
            None,
        );
    }
}
