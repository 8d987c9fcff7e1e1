//! The browser harness shared by the end-to-end test files: a Chromium session through
//! chromedriver, page helpers, the browser log, screenshots.
//!
//! Every browser test opens alike: `browser(w, h)`, `visit` or `open`, a wait for what it
//! looks at; and ends with `finish`, `end` or `close`. The `duplicates` tool pairs those
//! openings and endings across the test files by shape (marked boilerplate): they are calls
//! of this module, written out so that each test reads top to bottom.
#![allow(dead_code)]

use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub struct Env {
    pub base: String,
    pub webdriver: String,
    pub chromium: String,
}

pub fn env() -> Env {
    let get = |k: &str| {
        std::env::var(k).unwrap_or_else(|_| {
            panic!("{k} is not set: the end-to-end tests need a built and served dashboard; run `cargo xtask test`")
        })
    };
    Env {
        base: get("SSC_BASE_URL").trim_end_matches('/').to_string(),
        webdriver: get("SSC_WEBDRIVER"),
        chromium: std::env::var("SSC_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    }
}

pub struct Browser {
    pub c: Client,
    pub base: String,
}

pub async fn browser(width: u32, height: u32) -> Browser {
    let env = env();
    let mut caps = serde_json::Map::new();
    let mut options = json!({
        "binary": env.chromium,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--js-flags=--expose-gc", "--enable-precise-memory-info",
            format!("--window-size={width},{height}"),
        ]
    });
    if width < 600 {
        // A headless window cannot be narrower than ~500 px: emulate the phone instead.
        options["mobileEmulation"] = json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0, "touch": true }
        });
    }
    caps.insert("goog:chromeOptions".into(), options);
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let c = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&env.webdriver)
        .await
        .expect("connect to chromedriver");
    Browser { c, base: env.base }
}

/// chromedriver's browser log (console messages, CSP reports, failed loads).
#[derive(Debug)]
pub struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

impl Browser {
    /// Goes to `path` on the test server and returns at once (host pages, and pages a test
    /// watches while they load); [`Browser::open`] also waits for the dashboard.
    pub async fn visit(&self, path: &str) {
        self.c
            .goto(&format!("{}{}", self.base, path))
            .await
            .expect("navigate");
    }

    pub async fn open(&self, path: &str) {
        let path = if path == "control" { "/" } else { path };
        self.visit(path).await;
        self.settle().await;
    }

    /// Waits until the live dashboard shows a view or an error (not the loading state, nor a
    /// prerendered view waiting to be taken over: docs/embedding.md).
    pub async fn settle(&self) {
        let script = "const live = [...document.querySelectorAll('.ssc__directory, .ssc__scorecard, .ssc__compare, .ssc__league, .ssc__map, .ssc__error, .ssc-boot-error')].some(e => !e.closest('[data-ssc-prerendered]')); return live && document.querySelector('[data-ssc-takeover]') === null;";
        for _ in 0..400 {
            if self.js(script).await == json!(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the dashboard never rendered (or never took over from its prerendered view)");
    }

    /// Waits until at least `n` elements match `css`, in live dashboards (not in a
    /// prerendered view, nor in a live app not yet swapped in for one).
    pub async fn wait_for_count(&self, css: &str, n: usize) {
        let script = format!(
            "return document.querySelector('[data-ssc-takeover]') === null ? [...document.querySelectorAll({css:?})].filter(e => !e.closest('[data-ssc-prerendered]')).length : 0"
        );
        for _ in 0..200 {
            if self.js(&script).await.as_u64().unwrap_or(0) >= n as u64 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("fewer than {n} elements match {css}");
    }

    /// Clicks the element a CSS selector finds.
    pub async fn click(&self, css: &str) {
        self.click_at(Locator::Css(css)).await
    }

    /// Clicks the element an XPath finds.
    pub async fn click_xpath(&self, xpath: &str) {
        self.click_at(Locator::XPath(xpath)).await
    }

    async fn click_at(&self, at: Locator<'_>) {
        let el = self
            .c
            .find(at)
            .await
            .unwrap_or_else(|e| panic!("{at:?} not found: {e}"));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click on {at:?}: {e}"));
    }

    /// Waits (up to fantoccini's default) for an element a CSS selector finds.
    pub async fn wait_css(&self, css: &str) {
        self.wait_at(Locator::Css(css)).await
    }

    /// Waits for an element an XPath finds.
    pub async fn wait_xpath(&self, xpath: &str) {
        self.wait_at(Locator::XPath(xpath)).await
    }

    async fn wait_at(&self, at: Locator<'_>) {
        self.c
            .wait()
            .for_element(at)
            .await
            .unwrap_or_else(|e| panic!("{at:?} never appeared: {e}"));
    }

    /// How many pixels of the canvas `css` finds are inked (visible and not near-white).
    pub async fn inked_pixels(&self, css: &str) -> f64 {
        let script = format!(
            "const c = document.querySelector('{css}'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++; return n;"
        );
        self.js(&script).await.as_f64().unwrap_or(0.0)
    }

    /// Runs a script and returns its JSON result.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.c.execute(script, vec![]).await.expect("script")
    }

    pub async fn text(&self, css: &str) -> String {
        match self.c.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(e) => panic!("{css} not found: {e}"),
        }
    }

    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.c.find_all(Locator::Css(css)).await.expect("find_all")
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.all(css).await {
            out.push(e.text().await.unwrap_or_default());
        }
        out
    }

    pub async fn log(&self) -> Vec<String> {
        let v = self.c.issue_cmd(BrowserLog).await.expect("browser log");
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["level"].as_str().unwrap_or(""),
                            e["message"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails on any CSP violation or severe console message, except those `allowed` mentions.
    pub async fn assert_clean_console(&self, allowed: &[&str]) {
        let bad: Vec<String> = self
            .log()
            .await
            .into_iter()
            .filter(|m| {
                m.starts_with("SEVERE")
                    || m.contains("Content Security Policy")
                    || m.contains("Refused to")
            })
            .filter(|m| !allowed.iter().any(|a| m.contains(a)))
            // A data file without prerendered views: the loader looked, found none, and took
            // the plain path (docs/embedding.md). The browser logs the 404 all the same.
            .filter(|m| !(m.contains(".rendered/") && m.contains("404")))
            .collect();
        assert!(bad.is_empty(), "console errors or CSP violations: {bad:#?}");
    }

    pub async fn screenshot(&self, name: &str) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/screenshots");
        std::fs::create_dir_all(dir).unwrap();
        let png = self.c.screenshot().await.expect("screenshot");
        std::fs::write(format!("{dir}/{name}.png"), png).unwrap();
    }

    /// axe-core (npm, installed by `cargo xtask`, path in `SSC_AXE`) on the whole page:
    /// WCAG 2.1 A/AA violations, each as "rule: help @ where".
    pub async fn axe(&self) -> Vec<String> {
        let path = std::env::var("SSC_AXE").unwrap_or_else(|_| {
            panic!("SSC_AXE (path of axe.min.js) is not set: run `cargo xtask test`")
        });
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let script = format!(
            "{axe}\n;const done = arguments[0]; axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))), e => done(['axe failed: ' + e]));"
        );
        let result = self
            .c
            .execute_async(&script, vec![])
            .await
            .expect("run axe");
        result
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub async fn url(&self) -> String {
        self.c.current_url().await.expect("url").to_string()
    }

    pub async fn close(self) {
        let _ = self.c.close().await;
    }

    /// Sends `keys` (WebDriver key codes such as `\u{E007}`, Enter) to the focused element.
    pub async fn press(&self, keys: &str) {
        self.c
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(keys)
            .await
            .expect("keys sent");
    }

    /// The end of a test: a console without errors, and the browser closed.
    pub async fn end(self) {
        self.assert_clean_console(&[]).await;
        self.close().await;
    }

    /// The end of most tests: a screenshot named `name`, a console without errors, and the
    /// browser closed.
    pub async fn finish(self, name: &str) {
        self.screenshot(name).await;
        self.end().await;
    }

    /// Runs an asynchronous script that answers a number of milliseconds (or -1 when what it
    /// waited for never came); `what` names it if the script itself fails.
    pub async fn timed(&self, script: &str, what: &str) -> f64 {
        self.c
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"))
            .as_f64()
            .unwrap_or(-1.0)
    }

    /// Lets a script run up to `secs` (WebDriver's default is 30 s).
    pub async fn script_timeout(&self, secs: u64) {
        self.c
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(std::time::Duration::from_secs(secs)),
                None,
                None,
            ))
            .await
            .expect("set the script timeout");
    }
}
pub mod faults;
