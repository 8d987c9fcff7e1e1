//! `cargo xtask bench`: the dashboard against a plain-JavaScript reference page
//! (`bench/reference/`), side by side in one run, in headless Chromium driven through
//! chromedriver (WebDriver for pages and scripts, its CDP endpoint for CPU throttling, garbage
//! collection and heap use). Lighthouse (npm) runs on both pages. Prints a table, writes
//! `target/bench/report.json` and `target/bench/report.md`, and compares with the previous
//! report. What each figure means: docs/benchmark.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::bundle;
use crate::cli::Args;
use crate::ensure;
use crate::testing::{self, Chromedriver, CHROME_ARGS};
use crate::util::{self, bail, human_duration, human_size, output_of, run, Context, Ctx, Result};
use scorecards_cli::server;

/// Major version of npm `lighthouse` (13 needs Node 22; Debian 12 has Node 18/20).
const LIGHTHOUSE_MAJOR: &str = "12";
/// Where the reference page and the data are served, next to the dashboard's `dist/`.
const REF_PREFIX: &str = "/bench/reference";
/// The committed report.json of the run the README quotes (copy a new one there to move it).
const BASELINE: &str = "bench/baseline.json";
const DATA_PREFIX: &str = "/bench/data";

/// What a page is and how to reach the things the benchmark touches. The dashboard's side
/// is the part to update when its markup changes (URL templates are options).
#[derive(Debug, Clone)]
pub struct Side {
    pub name: &'static str,
    /// URL templates: `{src}` is the data file's path on the server, `{station}` a station id.
    pub scorecard_url: String,
    pub table_url: String,
    /// Present once the scorecard's figures are in the page.
    pub figures: &'static str,
    /// Present once the table has rows.
    pub table_ready: &'static str,
    /// The page's error display.
    pub error: &'static str,
    pub rows: &'static str,
    pub search: &'static str,
    pub province: &'static str,
    pub sort_name: &'static str,
    pub chart: &'static str,
}

pub fn app_side(scorecard_url: Option<String>, table_url: Option<String>) -> Side {
    Side {
        name: "app",
        scorecard_url: scorecard_url
            .unwrap_or_else(|| "/?src={src}&station={station}&lang=en".into()),
        table_url: table_url.unwrap_or_else(|| "/?src={src}&view=rank&lang=en".into()),
        figures: ".ssc__scorecard .ssc__table--figures",
        table_ready: ".ssc__table--league tbody tr",
        error: ".ssc__error, .ssc-boot-error",
        rows: ".ssc__table--league tbody tr",
        search: ".ssc__league input[type=search]",
        province: ".ssc__league select[id$=\"rank-province\"]",
        sort_name: ".ssc__table--league thead th:nth-child(2) button",
        chart: ".ssc__chart-box",
    }
}

pub fn reference_side() -> Side {
    Side {
        name: "reference",
        scorecard_url: format!("{REF_PREFIX}/?src={{src}}&station={{station}}&lang=en"),
        table_url: format!("{REF_PREFIX}/?src={{src}}&lang=en"),
        figures: ".ref-scorecard .ref-figures",
        table_ready: ".ref-directory .ref-table tbody tr",
        error: ".ref-error",
        rows: ".ref-directory .ref-table tbody tr",
        search: "#ref-search",
        province: "#ref-province",
        sort_name: ".ref-table button[data-sort=name]",
        chart: ".ref-chart-box",
    }
}

/// `{src}` and `{station}` filled in (both percent-encoded for a query string).
pub fn fill(template: &str, src: &str, station: &str) -> String {
    template
        .replace("{src}", &query_encode(src))
        .replace("{station}", &query_encode(station))
}

fn query_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

// ---------------------------------------------------------------- statistics

/// The median (mean of the middle two for an even count); None when empty.
pub fn median(samples: &[f64]) -> Option<f64> {
    percentile(samples, 50.0)
}

/// Linear-interpolated percentile `p` (0–100) of the samples; None when empty.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let rank = (p / 100.0).clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    Some(v[lo] + (v[hi] - v[lo]) * (rank - lo as f64))
}

/// app ÷ reference, when both are there and the reference is not zero.
pub fn ratio(app: Option<f64>, reference: Option<f64>) -> Option<f64> {
    match (app, reference) {
        (Some(a), Some(r)) if r != 0.0 => Some(a / r),
        _ => None,
    }
}

// ---------------------------------------------------------------- report rows

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Ms,
    Bytes,
    MbPerS,
    Score,
    Times,
}

/// A target from the issue, on the app's value or on its ratio to the reference.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    AtMost(f64),
    AtLeast(f64),
    RatioAtMost(f64),
    RatioAtLeast(f64),
    Both(Box<Target>, Box<Target>),
}

impl Target {
    /// Whether the target is met; None when a needed value is missing.
    pub fn met(&self, app: Option<f64>, reference: Option<f64>) -> Option<bool> {
        match self {
            Target::AtMost(t) => app.map(|a| a <= *t),
            Target::AtLeast(t) => app.map(|a| a >= *t),
            Target::RatioAtMost(t) => ratio(app, reference).map(|r| r <= *t),
            Target::RatioAtLeast(t) => ratio(app, reference).map(|r| r >= *t),
            Target::Both(a, b) => match (a.met(app, reference), b.met(app, reference)) {
                (Some(x), Some(y)) => Some(x && y),
                (Some(false), None) | (None, Some(false)) => Some(false),
                _ => None,
            },
        }
    }

    pub fn describe(&self, unit: Unit) -> String {
        match self {
            Target::AtMost(t) => format!("≤ {}", format_value(*t, unit)),
            Target::AtLeast(t) => format!("≥ {}", format_value(*t, unit)),
            Target::RatioAtMost(t) => format!("≤ {t}× ref"),
            Target::RatioAtLeast(t) => format!("≥ {t}× ref"),
            Target::Both(a, b) => format!("{} and {}", a.describe(unit), b.describe(unit)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    /// Stable identifier (the key for comparing reports).
    pub key: String,
    pub label: String,
    pub unit: Unit,
    pub app: Option<f64>,
    pub reference: Option<f64>,
    /// Why a value is missing.
    pub app_note: Option<String>,
    pub ref_note: Option<String>,
    pub target: Option<Target>,
    pub lower_is_better: bool,
    /// The raw samples behind a median (app, reference).
    pub samples: (Vec<f64>, Vec<f64>),
}

impl Row {
    pub fn new(key: &str, label: &str, unit: Unit) -> Row {
        Row {
            key: key.into(),
            label: label.into(),
            unit,
            app: None,
            reference: None,
            app_note: None,
            ref_note: None,
            target: None,
            lower_is_better: !matches!(unit, Unit::MbPerS | Unit::Score),
            samples: (Vec::new(), Vec::new()),
        }
    }
    fn values(mut self, app: Option<f64>, reference: Option<f64>) -> Row {
        self.app = app;
        self.reference = reference;
        self
    }
    fn target(mut self, t: Target) -> Row {
        self.target = Some(t);
        self
    }
    fn notes(mut self, app: Option<String>, reference: Option<String>) -> Row {
        if self.app.is_none() {
            self.app_note = app;
        }
        if self.reference.is_none() {
            self.ref_note = reference;
        }
        self
    }
    pub fn ratio(&self) -> Option<f64> {
        ratio(self.app, self.reference)
    }
    pub fn met(&self) -> Option<bool> {
        self.target.as_ref()?.met(self.app, self.reference)
    }
}

pub fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Ms if v < 10.0 => format!("{v:.2} ms"),
        Unit::Ms if v < 1000.0 => format!("{v:.1} ms"),
        Unit::Ms => format!("{:.2} s", v / 1000.0),
        Unit::Bytes => human_size(v.max(0.0).round() as u64),
        Unit::MbPerS => format!("{v:.1} MB/s"),
        Unit::Score => format!("{v:.0}"),
        Unit::Times => format!("{v:.2}×"),
    }
}

fn cell(v: Option<f64>, unit: Unit, note: &Option<String>) -> String {
    match (v, note) {
        (Some(v), _) => format_value(v, unit),
        (None, Some(_)) => "n/a*".into(),
        (None, None) => "–".into(),
    }
}

/// The change of the app's value from a previous report, as text (`+12.0% worse`).
pub fn delta(row: &Row, previous: Option<f64>) -> String {
    let (Some(now), Some(before)) = (row.app, previous) else {
        return "–".into();
    };
    if before == 0.0 {
        return if now == 0.0 {
            "±0".into()
        } else {
            "new".into()
        };
    }
    let pct = (now - before) / before.abs() * 100.0;
    if pct.abs() < 0.05 {
        return "±0%".into();
    }
    let worse = (pct > 0.0) == row.lower_is_better;
    // Timings on a shared 2-core machine wobble by a few percent: flag only clear changes.
    let tag = if pct.abs() >= 10.0 {
        if worse {
            " worse"
        } else {
            " better"
        }
    } else {
        ""
    };
    format!("{pct:+.1}%{tag}")
}

const HEADERS: [&str; 7] = [
    "metric",
    "app",
    "reference",
    "app ÷ ref",
    "target",
    "met",
    "Δ app vs previous",
];

fn row_cells(row: &Row, previous: &BTreeMap<String, f64>) -> [String; 7] {
    [
        row.label.clone(),
        cell(row.app, row.unit, &row.app_note),
        cell(row.reference, row.unit, &row.ref_note),
        row.ratio()
            .map(|r| format!("{r:.2}"))
            .unwrap_or_else(|| "–".into()),
        row.target
            .as_ref()
            .map(|t| t.describe(row.unit))
            .unwrap_or_default(),
        match row.met() {
            Some(true) => "yes".into(),
            Some(false) => "NO".into(),
            None if row.target.is_some() => "?".into(),
            None => String::new(),
        },
        delta(row, previous.get(&row.key).copied()),
    ]
}

fn notes_text(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for row in rows {
        for (who, note) in [("app", &row.app_note), ("reference", &row.ref_note)] {
            if let Some(n) = note {
                let line = format!("{who}: {n}");
                if !out.contains(&line) {
                    out.push(line);
                }
            }
        }
    }
    out
}

/// The table as fixed-width text.
pub fn text_table(rows: &[Row], previous: &BTreeMap<String, f64>) -> String {
    let cells: Vec<[String; 7]> = rows.iter().map(|r| row_cells(r, previous)).collect();
    let mut widths = HEADERS.map(|h| h.chars().count());
    for c in &cells {
        for (w, s) in widths.iter_mut().zip(c) {
            *w = (*w).max(s.chars().count());
        }
    }
    let line = |c: &[String]| {
        let mut s = String::new();
        for (i, (text, w)) in c.iter().zip(widths).enumerate() {
            let pad = w - text.chars().count();
            if i == 0 {
                let _ = write!(s, "{text}{}", " ".repeat(pad));
            } else {
                let _ = write!(s, "  {}{text}", " ".repeat(pad));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&HEADERS.map(String::from));
    out.push_str(&line(&widths.map(|w| "-".repeat(w))));
    for c in &cells {
        out.push_str(&line(c));
    }
    let notes = notes_text(rows);
    if !notes.is_empty() {
        out.push_str("\n* not measured:\n");
        for n in notes {
            let _ = writeln!(out, "  {n}");
        }
    }
    out
}

/// The table as Markdown.
pub fn markdown_table(rows: &[Row], previous: &BTreeMap<String, f64>) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = format!("| {} |\n", HEADERS.join(" | "));
    out.push_str("|---|---:|---:|---:|---|---|---:|\n");
    for row in rows {
        let c = row_cells(row, previous);
        let _ = writeln!(
            out,
            "| {} |",
            c.iter().map(|s| esc(s)).collect::<Vec<_>>().join(" | ")
        );
    }
    let notes = notes_text(rows);
    if !notes.is_empty() {
        out.push_str("\n\\* not measured:\n\n");
        for n in notes {
            let _ = writeln!(out, "- {}", esc(&n));
        }
    }
    out
}

fn row_json(row: &Row) -> Value {
    json!({
        "key": row.key,
        "label": row.label,
        "unit": format!("{:?}", row.unit),
        "app": row.app,
        "reference": row.reference,
        "ratio": row.ratio(),
        "target": row.target.as_ref().map(|t| t.describe(row.unit)),
        "met": row.met(),
        "lower_is_better": row.lower_is_better,
        "app_note": row.app_note,
        "reference_note": row.ref_note,
        "samples": { "app": row.samples.0, "reference": row.samples.1 },
    })
}

/// The app's values in a previous report.json, by key.
pub fn previous_values(report: &Value) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    if let Some(rows) = report["rows"].as_array() {
        for r in rows {
            if let (Some(k), Some(v)) = (r["key"].as_str(), r["app"].as_f64()) {
                out.insert(k.to_string(), v);
            }
        }
    }
    out
}

// ---------------------------------------------------------------- HTTP and WebDriver

struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    /// Bytes of the body as sent (after chunked framing is removed; still content-encoded).
    body: Vec<u8>,
}

impl HttpResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 exchange on a fresh connection (`Connection: close`).
fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
    timeout: Duration,
) -> Result<HttpResponse> {
    let what = || format!("{method} http://{addr}{path}");
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10)).context(what)?;
    stream.set_read_timeout(Some(timeout)).context(what)?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        let _ = write!(head, "{k}: {v}\r\n");
    }
    if let Some(b) = body {
        let _ = write!(
            head,
            "Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n",
            b.len()
        );
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).context(what)?;
    if let Some(b) = body {
        stream.write_all(b).context(what)?;
    }
    let mut r = BufReader::with_capacity(256 * 1024, stream);
    let mut line = String::new();
    r.read_line(&mut line).context(what)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| util::Error::msg(format!("{}: bad status line {line:?}", what())))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        r.read_line(&mut line).context(what)?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut resp = HttpResponse {
        status,
        headers,
        body: Vec::new(),
    };
    if method == "HEAD" || status == 204 || status == 304 {
        return Ok(resp);
    }
    let chunked = resp
        .header("Transfer-Encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    let length = resp
        .header("Content-Length")
        .and_then(|v| v.parse::<usize>().ok());
    if chunked {
        let mut body = Vec::new();
        loop {
            line.clear();
            r.read_line(&mut line).context(what)?;
            let size_text = line.trim().split(';').next().unwrap_or("");
            let size = usize::from_str_radix(size_text, 16)
                .map_err(|_| util::Error::msg(format!("{}: bad chunk size", what())))?;
            if size == 0 {
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            r.read_exact(&mut body[start..]).context(what)?;
            line.clear();
            r.read_line(&mut line).context(what)?;
        }
        resp.body = body;
    } else if let Some(n) = length {
        resp.body.resize(n, 0);
        r.read_exact(&mut resp.body).context(what)?;
    } else {
        r.read_to_end(&mut resp.body).context(what)?;
    }
    Ok(resp)
}

/// A WebDriver session on chromedriver, deleted (browser closed) when dropped.
struct Session {
    driver: SocketAddr,
    id: String,
}

fn session_caps(chromium: &Path) -> Value {
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

impl Session {
    fn new(driver: SocketAddr, chromium: &Path) -> Result<Session> {
        let v = wd_call(driver, "POST", "/session", Some(session_caps(chromium)))?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| util::Error::msg(format!("chromedriver: no session id in {v}")))?
            .to_string();
        Ok(Session { driver, id })
    }

    fn call(&self, method: &str, suffix: &str, body: Option<Value>) -> Result<Value> {
        wd_call(
            self.driver,
            method,
            &format!("/session/{}{suffix}", self.id),
            body,
        )
    }

    fn goto(&self, url: &str) -> Result<()> {
        self.call("POST", "/url", Some(json!({ "url": url })))
            .map(|_| ())
    }

    fn exec(&self, script: &str, args: Value) -> Result<Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    fn exec_async(&self, script: &str, args: Value) -> Result<Value> {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// A Chrome DevTools Protocol command on the page, through chromedriver.
    fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = wd_call(
            self.driver,
            "DELETE",
            &format!("/session/{}", self.id),
            None,
        );
    }
}

fn wd_call(driver: SocketAddr, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
    let body = body.map(|b| b.to_string());
    let resp = http(
        driver,
        method,
        path,
        &[],
        body.as_deref().map(str::as_bytes),
        Duration::from_secs(1200),
    )?;
    let v: Value = serde_json::from_slice(&resp.body)
        .context(|| format!("chromedriver {method} {path}: answer is not JSON"))?;
    let value = v.get("value").cloned().unwrap_or(Value::Null);
    if resp.status != 200 {
        bail!(
            "chromedriver {method} {path}: HTTP {}: {} {}",
            resp.status,
            value["error"].as_str().unwrap_or(""),
            value["message"]
                .as_str()
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
        );
    }
    if path == "/session" {
        return Ok(value);
    }
    Ok(value)
}

// ---------------------------------------------------------------- page scripts

/// Runs before the page's own scripts: records when `sel` (or the error selector) first
/// matches, and keeps the WebAssembly memories the page instantiates.
fn observer_script(sel: &str, error_sel: &str) -> String {
    format!(
        r#"(() => {{
  const b = window.__bench = {{ wasm: [] }};
  const sel = {sel}, errSel = {err};
  const keep = (r) => {{
    try {{
      const inst = r && r.instance ? r.instance : r;
      if (inst && inst.exports) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) b.wasm.push(v);
    }} catch (e) {{}}
    return r;
  }};
  for (const name of ['instantiateStreaming', 'instantiate']) {{
    const orig = WebAssembly[name];
    if (orig) WebAssembly[name] = function (...a) {{ return orig.apply(this, a).then(keep); }};
  }}
  let obs;
  const check = () => {{
    if (b.found || b.error) return;
    if (document.querySelector(sel)) {{
      b.found = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => {{ b.visible = performance.now(); }}, 0));
    }} else if (document.querySelector(errSel)) {{
      const e = document.querySelector(errSel);
      b.error = (e.innerText || e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300);
      b.errorAt = performance.now();
      obs.disconnect();
    }}
  }};
  obs = new MutationObserver(check);
  obs.observe(document, {{ childList: true, subtree: true }});
}})();"#,
        sel = Value::from(sel),
        err = Value::from(error_sel),
    )
}

const COLLECT_SCRIPT: &str = r#"
const b = window.__bench || {};
const d = (n) => performance.getEntriesByName(n).map((e) => e.duration);
const nav = performance.getEntriesByType('navigation')[0];
const res = performance.getEntriesByType('resource').map((e) => ({
  name: e.name, type: e.initiatorType, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
const wasm = (b.wasm || []).reduce((s, m) => s + m.buffer.byteLength, 0);
return {
  found: b.found ?? null, visible: b.visible ?? null, error: b.error ?? null, errorAt: b.errorAt ?? null,
  url: location.href,
  nav: nav ? { name: nav.name, transfer: nav.transferSize, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize } : null,
  res, wasm, wasmCount: (b.wasm || []).length,
  parse: { app: d('ssc:parse'), decode: d('ref:decode'), json: d('ref:parse'), validate: d('ref:validate') },
  heap: performance.memory ? performance.memory.usedJSHeapSize : null,
};"#;

/// Times one interaction: the event, then every task and microtask it queued (a message
/// round trip), then a forced style + layout. Arguments: action, selector, value.
const ACT_SCRIPT: &str = r#"
const [action, sel, value, rowsSel] = arguments;
const done = arguments[arguments.length - 1];
const el = document.querySelector(sel);
if (!el) { done({ error: 'no element matches ' + sel }); return; }
const settle = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
(async () => {
  await settle();
  const t0 = performance.now();
  if (action === 'input') { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); }
  else if (action === 'select') { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); }
  else if (action === 'click') { el.click(); }
  else if (action === 'key') { el.dispatchEvent(new KeyboardEvent('keydown', { key: value, bubbles: true, cancelable: true })); }
  await settle();
  const script = performance.now() - t0;
  void document.body.offsetHeight;
  const ms = performance.now() - t0;
  done({ ms, script, rows: rowsSel ? document.querySelectorAll(rowsSel).length : null });
})().catch((e) => done({ error: String(e) }));
"#;

// ---------------------------------------------------------------- measuring

#[derive(Debug, Clone)]
pub struct BenchOptions {
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
}

struct Env<'a> {
    driver: SocketAddr,
    chromium: &'a Path,
    base: String,
    opts: &'a BenchOptions,
}

/// One cold page load (a fresh browser profile) until `sel` appears or the page errors.
fn load_page(env: &Env, url: &str, sel: &str, error_sel: &str, throttle: f64) -> Result<Value> {
    let s = Session::new(env.driver, env.chromium)?;
    page_load(env, &s, url, sel, error_sel, throttle)
}

fn page_load(
    env: &Env,
    s: &Session,
    url: &str,
    sel: &str,
    error_sel: &str,
    throttle: f64,
) -> Result<Value> {
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": observer_script(sel, error_sel) }),
    )?;
    s.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": throttle }),
    )?;
    s.goto(&format!("{}{url}", env.base))?;
    let deadline = Instant::now() + env.opts.timeout;
    loop {
        let v = s.exec(
            "const b = window.__bench; return !!b && (b.visible != null || b.error != null);",
            json!([]),
        )?;
        if v.as_bool() == Some(true) {
            break;
        }
        if Instant::now() > deadline {
            bail!(
                "{url}: neither {sel:?} nor an error appeared within {}",
                human_duration(env.opts.timeout)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut v = s.exec(COLLECT_SCRIPT, json!([]))?;
    // Heap after a full garbage collection (CDP), JS only; wasm memory is counted apart.
    let _ = s.cdp("HeapProfiler.collectGarbage", json!({}));
    if let Ok(h) = s.cdp("Runtime.getHeapUsage", json!({})) {
        v["heapUsed"] = h["usedSize"].clone();
    }
    Ok(v)
}

/// Measured values of one side.
#[derive(Debug, Default, Clone)]
struct Measured {
    ttfs: BTreeMap<u32, Vec<f64>>,
    ttft: BTreeMap<u32, Vec<f64>>,
    /// Why a page load did not show what was asked (the page's own error text).
    failure: Option<String>,
    table_failure: Option<String>,
    /// First cold load of the scorecard page, unthrottled (resources, memory).
    first: Option<Value>,
    parse_ms: Vec<f64>,
    json_ms: Vec<f64>,
    pipeline_ms: Vec<f64>,
    data_bytes: Option<f64>,
    heap: Vec<f64>,
    wasm_mem: Vec<f64>,
    /// (operation, throttle) → samples in ms.
    ops: BTreeMap<(String, u32), Vec<f64>>,
    op_failure: BTreeMap<String, String>,
    lighthouse: Vec<(f64, f64)>,
    lighthouse_failure: Option<String>,
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn measure_loads(env: &Env, side: &Side, src: &str, m: &mut Measured) -> Result<()> {
    let url = fill(&side.scorecard_url, src, &env.opts.station);
    // One load first, not counted: the server compresses each file on its first request
    // (and keeps it), and the OS caches the files; every counted load then finds the same.
    let warm = load_page(env, &url, side.figures, side.error, 1.0)?;
    println!(
        "bench: {:<9} scorecard warm-up load: {}",
        side.name,
        num(&warm["visible"]).map_or_else(|| "no figures".to_string(), |ms| format!("{ms:.0} ms"))
    );
    for throttle in [1u32, 4] {
        for run_no in 0..env.opts.runs {
            let v = load_page(env, &url, side.figures, side.error, throttle as f64)?;
            println!(
                "bench: {:<9} scorecard {throttle}× run {}: {}",
                side.name,
                run_no + 1,
                match (num(&v["visible"]), v["error"].as_str()) {
                    (Some(ms), _) => format!("figures visible at {ms:.0} ms"),
                    (None, Some(e)) => format!("page error: {e}"),
                    _ => "?".into(),
                }
            );
            if let Some(e) = v["error"].as_str() {
                m.failure = Some(e.to_string());
                if m.first.is_none() {
                    m.first = Some(v.clone());
                }
                break;
            }
            m.ttfs
                .entry(throttle)
                .or_default()
                .extend(num(&v["visible"]));
            if throttle == 1 {
                collect_parse_and_memory(side, &v, m);
                if m.first.is_none() {
                    m.first = Some(v);
                }
            }
        }
        if m.failure.is_some() {
            break;
        }
    }
    Ok(())
}

fn collect_parse_and_memory(side: &Side, v: &Value, m: &mut Measured) {
    let sum = |k: &str| -> Option<f64> {
        let a = v["parse"][k].as_array()?;
        (!a.is_empty()).then(|| a.iter().filter_map(Value::as_f64).sum())
    };
    let data = v["res"].as_array().and_then(|res| {
        res.iter()
            .filter(|r| r["name"].as_str().is_some_and(|n| n.contains(DATA_PREFIX)))
            .filter_map(|r| r["decoded"].as_f64())
            .reduce(f64::max)
    });
    if side.name == "app" {
        m.parse_ms.extend(sum("app"));
        m.pipeline_ms.extend(sum("app"));
    } else {
        m.json_ms.extend(sum("json"));
        if let (Some(d), Some(j), Some(va)) = (sum("decode"), sum("json"), sum("validate")) {
            m.pipeline_ms.push(d + j + va);
        }
    }
    if data.is_some() {
        m.data_bytes = data;
    }
    m.heap.extend(num(&v["heapUsed"]).or(num(&v["heap"])));
    if v["wasmCount"].as_u64().unwrap_or(0) > 0 {
        m.wasm_mem.extend(num(&v["wasm"]));
    }
}

/// The interactions, each applied from the full table and undone (the undo is timed too).
fn table_ops(side: &Side, opts: &BenchOptions) -> Vec<(&'static str, Value, Value)> {
    vec![
        (
            "search",
            json!(["input", side.search, opts.search, side.rows]),
            json!(["input", side.search, "", side.rows]),
        ),
        (
            "filter",
            json!(["select", side.province, opts.province, side.rows]),
            json!(["select", side.province, "", side.rows]),
        ),
        (
            "sort",
            json!(["click", side.sort_name, "", side.rows]),
            json!(["click", side.sort_name, "", side.rows]),
        ),
    ]
}

/// Times one interaction: Ok((total ms, ms before the forced layout)) or the page's error.
fn act(s: &Session, args: &Value) -> Result<std::result::Result<(f64, f64), String>> {
    let v = s.exec_async(ACT_SCRIPT, args.clone())?;
    Ok(match (num(&v["ms"]), v["error"].as_str()) {
        (Some(ms), _) => Ok((ms, num(&v["script"]).unwrap_or(ms))),
        (_, Some(e)) => Err(e.to_string()),
        _ => Err(format!("unexpected answer {v}")),
    })
}

fn measure_table(env: &Env, side: &Side, src: &str, m: &mut Measured) -> Result<()> {
    let url = fill(&side.table_url, src, &env.opts.station);
    let warmups = if env.opts.quick { 0 } else { 1 };
    for throttle in [1u32, 4] {
        let s = Session::new(env.driver, env.chromium)?;
        let v = page_load(env, &s, &url, side.table_ready, side.error, throttle as f64)?;
        if let Some(e) = v["error"].as_str() {
            m.table_failure = Some(e.to_string());
            return Ok(());
        }
        m.ttft
            .entry(throttle)
            .or_default()
            .extend(num(&v["visible"]));
        let rows = s.exec(
            &format!(
                "return document.querySelectorAll({}).length",
                Value::from(side.rows)
            ),
            json!([]),
        )?;
        println!(
            "bench: {:<9} table {throttle}×: {} rows at {:.0} ms",
            side.name,
            rows,
            num(&v["visible"]).unwrap_or(f64::NAN)
        );
        for (op, apply, undo) in table_ops(side, env.opts) {
            let op_started = Instant::now();
            let mut warm = warmups;
            for i in 0..warmups + env.opts.runs {
                // A time budget per operation keeps a run over 40,000 plain DOM rows (seconds
                // per operation) bounded; the sample count is in the report.
                if i > warm && op_started.elapsed() > env.opts.op_budget {
                    println!(
                        "bench: {:<9} {op} {throttle}×: time budget ({}) spent after {} runs",
                        side.name,
                        human_duration(env.opts.op_budget),
                        i - warm
                    );
                    break;
                }
                let iteration = Instant::now();
                let mut samples = Vec::new();
                for (name, args) in [(op.to_string(), &apply), (format!("{op}-undo"), &undo)] {
                    match act(&s, args)? {
                        Ok((ms, script)) => samples.push((name, ms, script)),
                        Err(e) => {
                            m.op_failure.insert(name, e);
                        }
                    }
                }
                // A warm-up that takes seconds is counted: JIT warm-up is noise at that scale.
                if i < warm && iteration.elapsed() > Duration::from_secs(2) {
                    warm = i;
                }
                if i >= warm {
                    for (name, ms, script) in samples {
                        m.ops
                            .entry((format!("{name}:script"), throttle))
                            .or_default()
                            .push(script);
                        m.ops.entry((name, throttle)).or_default().push(ms);
                    }
                }
            }
            let samples = m.ops.get(&(op.to_string(), throttle));
            println!(
                "bench: {:<9} {op} {throttle}×: median {}",
                side.name,
                samples
                    .and_then(|s| median(s))
                    .map(|v| format_value(v, Unit::Ms))
                    .unwrap_or_else(|| "n/a".into())
            );
        }
    }
    Ok(())
}

fn measure_chart(env: &Env, side: &Side, src: &str, m: &mut Measured) -> Result<()> {
    let url = fill(&side.scorecard_url, src, &env.opts.station);
    let warmups = if env.opts.quick { 0 } else { 2 };
    for throttle in [1u32, 4] {
        let s = Session::new(env.driver, env.chromium)?;
        let v = page_load(env, &s, &url, side.chart, side.error, throttle as f64)?;
        if v["error"].as_str().is_some() {
            return Ok(());
        }
        // Each key press moves the highlighted month, which redraws the whole chart.
        let runs = (env.opts.runs * 4).max(5);
        for i in 0..warmups + runs {
            let key = if i % 2 == 0 {
                "ArrowRight"
            } else {
                "ArrowLeft"
            };
            let args = json!(["key", side.chart, key, null]);
            match act(&s, &args)? {
                Ok((ms, _)) if i >= warmups => m
                    .ops
                    .entry(("chart".into(), throttle))
                    .or_default()
                    .push(ms),
                Ok(_) => {}
                Err(e) => {
                    m.op_failure.insert("chart".into(), e);
                }
            }
        }
        println!(
            "bench: {:<9} chart redraw {throttle}×: median {}",
            side.name,
            m.ops
                .get(&("chart".to_string(), throttle))
                .and_then(|s| median(s))
                .map(|v| format_value(v, Unit::Ms))
                .unwrap_or_else(|| "n/a".into())
        );
    }
    Ok(())
}

// ---------------------------------------------------------------- bytes

#[derive(Debug, Default, Clone, Copy)]
struct Bytes {
    identity: f64,
    gzip: f64,
    br: f64,
}

impl std::ops::AddAssign for Bytes {
    fn add_assign(&mut self, o: Bytes) {
        self.identity += o.identity;
        self.gzip += o.gzip;
        self.br += o.br;
    }
}

#[derive(Debug, Default, Clone)]
struct FirstView {
    code: Bytes,
    css: Bytes,
    data: Bytes,
    html: Bytes,
    other: Bytes,
    wasm: Bytes,
    /// Resource Timing transfer sizes as Chromium saw them (it offers gzip, not br, over http).
    transferred: f64,
    files: Vec<(String, Bytes)>,
}

fn kind_of(path: &str) -> &'static str {
    let p = path.split(['?', '#']).next().unwrap_or(path);
    if p.starts_with(DATA_PREFIX) || p.ends_with(".json") {
        "data"
    } else if p.ends_with(".wasm") {
        "wasm"
    } else if p.ends_with(".js") || p.ends_with(".mjs") {
        "js"
    } else if p.ends_with(".css") {
        "css"
    } else if p.ends_with('/')
        || p.ends_with(".html")
        || !p.rsplit('/').next().unwrap_or("").contains('.')
    {
        "html"
    } else {
        "other"
    }
}

/// The files a first load fetched, each fetched again with each encoding.
fn first_view_bytes(addr: SocketAddr, load: &Value) -> Result<FirstView> {
    let origin = format!("http://{addr}");
    let mut urls: Vec<String> = Vec::new();
    if let Some(n) = load["nav"]["name"].as_str() {
        urls.push(n.to_string());
    }
    for r in load["res"].as_array().into_iter().flatten() {
        if let Some(n) = r["name"].as_str() {
            if !urls.iter().any(|u| u == n) {
                urls.push(n.to_string());
            }
        }
    }
    let mut fv = FirstView {
        transferred: load["nav"]["transfer"].as_f64().unwrap_or(0.0)
            + load["res"]
                .as_array()
                .map(|a| a.iter().filter_map(|r| r["transfer"].as_f64()).sum())
                .unwrap_or(0.0),
        ..Default::default()
    };
    for url in urls {
        let Some(path) = url.strip_prefix(&origin) else {
            continue;
        };
        let path = path.split('#').next().unwrap_or(path);
        let get = |enc: &str| -> Result<f64> {
            let headers: &[(&str, &str)] = if enc.is_empty() {
                &[]
            } else {
                &[("Accept-Encoding", enc)]
            };
            let r = http(addr, "GET", path, headers, None, Duration::from_secs(600))?;
            // A missing file (a browser's own /favicon.ico request) transfers next to nothing.
            Ok(if r.status == 200 {
                r.body.len() as f64
            } else {
                0.0
            })
        };
        let b = Bytes {
            identity: get("")?,
            gzip: get("gzip")?,
            br: get("br")?,
        };
        match kind_of(path) {
            "data" => fv.data += b,
            "wasm" => {
                fv.wasm += b;
                fv.code += b;
            }
            "js" => fv.code += b,
            "css" => fv.css += b,
            "html" => fv.html += b,
            _ => fv.other += b,
        }
        fv.files.push((path.to_string(), b));
    }
    Ok(fv)
}

// ---------------------------------------------------------------- Lighthouse

fn lighthouse_cli(ctx: &Ctx) -> Result<PathBuf> {
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
    std::fs::create_dir_all(&dir).context(|| format!("creating {}", dir.display()))?;
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

/// One Lighthouse run (mobile profile, simulated throttling): (performance, accessibility).
fn lighthouse_once(
    ctx: &Ctx,
    cli: &Path,
    chromium: &Path,
    url: &str,
    out: &Path,
) -> Result<(f64, f64)> {
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
        .context(|| "running lighthouse".to_string())?;
    if !status.success() {
        bail!("lighthouse failed ({status}) on {url}");
    }
    let report: Value = serde_json::from_slice(
        &std::fs::read(out).context(|| format!("reading {}", out.display()))?,
    )
    .context(|| format!("{} is not JSON", out.display()))?;
    if let Some(e) = report["runtimeError"]["message"].as_str() {
        bail!("lighthouse: {e}");
    }
    let score = |c: &str| report["categories"][c]["score"].as_f64().map(|s| s * 100.0);
    match (score("performance"), score("accessibility")) {
        (Some(p), Some(a)) => Ok((p, a)),
        _ => bail!(
            "lighthouse gave no score for {url} (see {}): {}",
            out.display(),
            report["runWarnings"]
        ),
    }
}

// ---------------------------------------------------------------- the command

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
    let opts = BenchOptions {
        runs: runs.max(1),
        quick,
        no_build: args.flag("--no-build"),
        lighthouse: !args.flag("--no-lighthouse"),
        lighthouse_runs: parse_num("--lighthouse-runs", lh_runs, runs as u64)?.max(1) as usize,
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
        op_budget: Duration::from_secs(parse_num("--op-budget", args.value("--op-budget")?, 60)?),
    };
    args.finish()?;
    Ok(opts)
}

fn machine() -> Value {
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
fn load_average() -> Option<String> {
    let t = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

fn git(ctx: &Ctx, args: &[&str]) -> Option<String> {
    output_of(Command::new("git").args(args).current_dir(&ctx.root)).map(|s| s.trim().to_string())
}

/// The synthetic data set, generated once per (stations, months, seed) with the publisher tool.
fn synth_data(ctx: &Ctx, opts: &BenchOptions, dir: &Path) -> Result<PathBuf> {
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
    std::fs::rename(&tmp, &file).context(|| format!("renaming {}", tmp.display()))?;
    println!(
        "bench: generated {} ({}) in {}",
        file.display(),
        human_size(std::fs::metadata(&file)?.len()),
        human_duration(took)
    );
    Ok(file)
}

pub fn bench(ctx: &Ctx, opts: &BenchOptions) -> Result<()> {
    let started = Instant::now();
    let load_at_start = load_average();
    let out_dir = ctx.target_dir.join("bench");
    let data_dir = out_dir.join("data");
    std::fs::create_dir_all(&data_dir).context(|| format!("creating {}", data_dir.display()))?;

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
    let lighthouse = if opts.lighthouse {
        Some(lighthouse_cli(ctx)?)
    } else {
        None
    };
    let (served, default_src) = match &opts.data {
        Some(p) if p.is_dir() => (p.clone(), None),
        Some(p) if p.is_file() => (
            p.parent().unwrap_or(Path::new(".")).to_path_buf(),
            p.file_name().map(|n| n.to_string_lossy().into_owned()),
        ),
        Some(p) => bail!("--data {}: no such file or directory", p.display()),
        None => {
            let f = synth_data(ctx, opts, &data_dir)?;
            (
                data_dir.clone(),
                f.file_name().map(|n| n.to_string_lossy().into_owned()),
            )
        }
    };
    let Some(src_rel) = opts.src.clone().or(default_src) else {
        bail!("--data is a directory: say which file the app opens with --src");
    };
    let ref_rel = opts.ref_src.clone().unwrap_or_else(|| src_rel.clone());
    let src = format!("{DATA_PREFIX}/{}", src_rel.trim_start_matches('/'));
    let ref_src = format!("{DATA_PREFIX}/{}", ref_rel.trim_start_matches('/'));
    let data_file_bytes = std::fs::metadata(served.join(&ref_rel))
        .map(|m| m.len())
        .ok();

    // 2. Server and browser.
    let server = server::start(
        &bundle::dist_dir(ctx),
        testing::localhost(0),
        server::Options {
            test_routes: false,
            fixtures_dir: None,
            extra_files: vec![
                (REF_PREFIX.into(), ctx.root.join("bench").join("reference")),
                (DATA_PREFIX.into(), served.clone()),
            ],
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
    let app = app_side(opts.app_scorecard_url.clone(), opts.app_table_url.clone());
    let reference = reference_side();

    // 3. Measure, the two sides one after the other for each kind of measurement.
    let mut ma = Measured::default();
    let mut mr = Measured::default();
    let sides = [(&app, &src, 0usize), (&reference, &ref_src, 1usize)];
    for (side, s, i) in sides {
        measure_loads(&env, side, s, if i == 0 { &mut ma } else { &mut mr })?;
    }
    for (side, s, i) in sides {
        measure_table(&env, side, s, if i == 0 { &mut ma } else { &mut mr })?;
    }
    for (side, s, i) in sides {
        let m = if i == 0 { &mut ma } else { &mut mr };
        if m.failure.is_none() {
            measure_chart(&env, side, s, m)?;
        }
    }
    let addr = server.addr();
    let fv_app = ma
        .first
        .as_ref()
        .map(|v| first_view_bytes(addr, v))
        .transpose()?;
    let fv_ref = mr
        .first
        .as_ref()
        .map(|v| first_view_bytes(addr, v))
        .transpose()?;
    drop(driver);

    if let Some(cli) = &lighthouse {
        let lh_dir = out_dir.join("lighthouse");
        std::fs::create_dir_all(&lh_dir)?;
        for (side, s, i) in sides {
            let m = if i == 0 { &mut ma } else { &mut mr };
            let url = format!("{base}{}", fill(&side.scorecard_url, s, &opts.station));
            for r in 0..opts.lighthouse_runs {
                let out = lh_dir.join(format!("{}-{}.json", side.name, r + 1));
                match lighthouse_once(ctx, cli, &browser.chromium, &url, &out) {
                    Ok((p, a)) => {
                        println!(
                            "bench: {:<9} lighthouse run {}: performance {p:.0}, accessibility {a:.0}",
                            side.name,
                            r + 1
                        );
                        m.lighthouse.push((p, a));
                    }
                    Err(e) => {
                        println!("bench: {:<9} lighthouse run {}: {e}", side.name, r + 1);
                        m.lighthouse_failure = Some(e.to_string());
                    }
                }
            }
        }
    }
    server.stop();

    // 4. Report.
    let rows = build_rows(opts, &ma, &mr, fv_app.as_ref(), fv_ref.as_ref());
    let report_json = out_dir.join("report.json");
    let read_report = |path: &Path| -> Option<Value> {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
    };
    // The previous run on this machine; on a fresh clone, the committed baseline (the run the
    // README quotes), so a regression shows from the first run.
    let baseline_json = ctx.root.join(BASELINE);
    let (previous_report, previous_from) = match read_report(&report_json) {
        Some(r) => (Some(r), "the previous report".to_string()),
        None => (
            read_report(&baseline_json),
            format!("the committed baseline `{BASELINE}`"),
        ),
    };
    let previous = previous_report
        .as_ref()
        .map(previous_values)
        .unwrap_or_default();
    let date = output_of(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let machine = machine();
    let commit = git(ctx, &["rev-parse", "--short", "HEAD"]).unwrap_or_default();
    let dirty =
        git(ctx, &["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    let data_label = format!(
        "SYNTHETIC data (`scorecards synth`, marked synthetic): {src_rel}{}",
        data_file_bytes
            .map(|b| format!(", {}", human_size(b)))
            .unwrap_or_default()
    );
    let header = format!(
        "Date: {date} · commit {commit}{} · machine: {} × {} ({}), {}\n\
         Load average (1/5/15 min) at the start: {} · at the end: {}\n\
         Data: {data_label} · station {} · medians of {} runs (Lighthouse: {}) · sort/filter/search \
         ops: search {:?}, province {:?}, sort by name\n",
        if dirty { " (with uncommitted changes)" } else { "" },
        machine["nproc"],
        machine["cpu"].as_str().unwrap_or("?"),
        machine["memory"].as_str().unwrap_or("?"),
        machine["chromium"].as_str().unwrap_or("chromium ?"),
        load_at_start.as_deref().unwrap_or("?"),
        machine["loadavg"].as_str().unwrap_or("?"),
        opts.station,
        opts.runs,
        if opts.lighthouse {
            opts.lighthouse_runs.to_string()
        } else {
            "skipped".into()
        },
        opts.search,
        opts.province,
    );
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
    let text = text_table(&rows, &previous);
    println!();
    println!("{header}{prev_note}");
    println!("{text}");

    let mut files = Vec::new();
    for (name, fv) in [("app", &fv_app), ("reference", &fv_ref)] {
        for (path, b) in fv.iter().flat_map(|f| f.files.iter()) {
            files.push(json!({ "side": name, "path": path, "identity": b.identity, "gzip": b.gzip, "br": b.br }));
        }
    }
    let report = json!({
        "date": date,
        "commit": commit,
        "dirty": dirty,
        "machine": machine,
        "loadavg_at_start": load_at_start,
        "data": { "label": data_label, "src": src, "reference_src": ref_src, "bytes": data_file_bytes,
                  "synthetic": opts.data.is_none(), "stations": opts.stations, "months": opts.months, "seed": opts.seed },
        "options": { "runs": opts.runs, "quick": opts.quick, "lighthouse_runs": opts.lighthouse_runs,
                     "station": opts.station, "search": opts.search, "province": opts.province,
                     "app_scorecard_url": app.scorecard_url, "app_table_url": app.table_url },
        "rows": rows.iter().map(row_json).collect::<Vec<_>>(),
        "first_view_files": files,
        "failures": { "app": ma.failure, "app_table": ma.table_failure, "reference": mr.failure,
                      "reference_table": mr.table_failure,
                      "app_ops": ma.op_failure, "reference_ops": mr.op_failure,
                      "app_lighthouse": ma.lighthouse_failure, "reference_lighthouse": mr.lighthouse_failure },
        "samples_ms": { "app": ops_json(&ma), "reference": ops_json(&mr) },
        "previous": previous_report.as_ref().map(|p| json!({ "date": p["date"], "commit": p["commit"] })),
    });
    if report_json.is_file() {
        let _ = std::fs::rename(&report_json, out_dir.join("report.previous.json"));
    }
    std::fs::write(
        &report_json,
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .context(|| format!("writing {}", report_json.display()))?;
    let md = format!(
        "# Benchmark report\n\n{}\n{}\n{}",
        header.replace('\n', "  \n"),
        prev_note,
        markdown_table(&rows, &previous)
    );
    let report_md = out_dir.join("report.md");
    std::fs::write(&report_md, md).context(|| format!("writing {}", report_md.display()))?;
    println!(
        "bench: wrote {} and {} in {}",
        report_json.display(),
        report_md.display(),
        human_duration(started.elapsed())
    );
    Ok(())
}

/// Every interaction's samples, `<op>:script` being the part before the forced layout.
fn ops_json(m: &Measured) -> Value {
    let mut out = serde_json::Map::new();
    for ((op, t), v) in &m.ops {
        out.insert(format!("{op} {t}x"), json!(v));
    }
    Value::Object(out)
}

fn med(v: &[f64]) -> Option<f64> {
    median(v)
}

fn build_rows(
    opts: &BenchOptions,
    ma: &Measured,
    mr: &Measured,
    fa: Option<&FirstView>,
    fr: Option<&FirstView>,
) -> Vec<Row> {
    let fail_a = ma.failure.clone();
    let fail_r = mr.failure.clone();
    let mut rows = Vec::new();
    let fv = |f: Option<&FirstView>, pick: fn(&FirstView) -> f64| f.map(pick);

    // Bytes.
    let kib100 = 100.0 * 1024.0;
    rows.push(
        Row::new(
            "code_gzip",
            "first-view code, wasm + JS + CSS (gzip)",
            Unit::Bytes,
        )
        .values(
            fv(fa, |f| f.code.gzip + f.css.gzip),
            fv(fr, |f| f.code.gzip + f.css.gzip),
        )
        .target(Target::AtMost(kib100)),
    );
    rows.push(
        Row::new(
            "code_br",
            "first-view code, wasm + JS + CSS (brotli)",
            Unit::Bytes,
        )
        .values(
            fv(fa, |f| f.code.br + f.css.br),
            fv(fr, |f| f.code.br + f.css.br),
        ),
    );
    rows.push(
        Row::new("css_gzip", "  of which CSS (gzip)", Unit::Bytes)
            .values(fv(fa, |f| f.css.gzip), fv(fr, |f| f.css.gzip)),
    );
    rows.push(
        Row::new("data_gzip", "first-view data (gzip)", Unit::Bytes)
            .values(fv(fa, |f| f.data.gzip), fv(fr, |f| f.data.gzip)),
    );
    rows.push(
        Row::new("data_br", "first-view data (brotli)", Unit::Bytes)
            .values(fv(fa, |f| f.data.br), fv(fr, |f| f.data.br)),
    );
    rows.push(
        Row::new(
            "total_br",
            "first view in all, HTML included (brotli)",
            Unit::Bytes,
        )
        .values(
            fv(fa, |f| {
                f.code.br + f.css.br + f.data.br + f.html.br + f.other.br
            }),
            fv(fr, |f| {
                f.code.br + f.css.br + f.data.br + f.html.br + f.other.br
            }),
        ),
    );
    rows.push(
        Row::new(
            "transferred",
            "first view as transferred to Chromium (Resource Timing)",
            Unit::Bytes,
        )
        .values(fv(fa, |f| f.transferred), fv(fr, |f| f.transferred)),
    );
    for (key, label, pick) in [
        (
            "wasm_raw",
            "wasm size (raw)",
            (|f: &FirstView| f.wasm.identity) as fn(&FirstView) -> f64,
        ),
        ("wasm_gzip", "wasm size (gzip)", |f| f.wasm.gzip),
        ("wasm_br", "wasm size (brotli)", |f| f.wasm.br),
    ] {
        rows.push(Row::new(key, label, Unit::Bytes).values(fv(fa, pick), None));
    }

    // Loads.
    for t in [1u32, 4] {
        let a = ma.ttfs.get(&t).cloned().unwrap_or_default();
        let r = mr.ttfs.get(&t).cloned().unwrap_or_default();
        let mut row = Row::new(
            &format!("ttfs_{t}x"),
            &format!("time to first scorecard, {t}× CPU (median)"),
            Unit::Ms,
        )
        .values(med(&a), med(&r))
        .target(Target::RatioAtMost(1.2))
        .notes(fail_a.clone(), fail_r.clone());
        row.samples = (a, r);
        rows.push(row);
    }
    for t in [1u32, 4] {
        let a = ma.ttft.get(&t).cloned().unwrap_or_default();
        let r = mr.ttft.get(&t).cloned().unwrap_or_default();
        let mut row = Row::new(
            &format!("ttft_{t}x"),
            &format!("time to table with all rows, {t}× CPU"),
            Unit::Ms,
        )
        .values(med(&a), med(&r))
        .notes(ma.table_failure.clone(), mr.table_failure.clone());
        row.samples = (a, r);
        rows.push(row);
    }

    // Parse throughput (MB = 10^6 bytes).
    let mbps = |bytes: Option<f64>, ms: Option<f64>| match (bytes, ms) {
        (Some(b), Some(ms)) if ms > 0.0 => Some(b / 1e6 / (ms / 1000.0)),
        _ => None,
    };
    let no_parse = |m: &Measured| {
        m.failure
            .clone()
            .or_else(|| Some("no parse timing recorded".into()))
    };
    rows.push(
        Row::new(
            "parse_vs_json",
            "parse throughput: app parse + validate vs ref JSON.parse alone",
            Unit::MbPerS,
        )
        .values(
            mbps(ma.data_bytes, med(&ma.parse_ms)),
            mbps(mr.data_bytes, med(&mr.json_ms)),
        )
        .target(Target::RatioAtLeast(0.9))
        .notes(no_parse(ma), no_parse(mr)),
    );
    rows.push(
        Row::new(
            "parse_pipeline",
            "bytes → validated data (ref: UTF-8 decode + JSON.parse + checks)",
            Unit::MbPerS,
        )
        .values(
            mbps(ma.data_bytes, med(&ma.pipeline_ms)),
            mbps(mr.data_bytes, med(&mr.pipeline_ms)),
        )
        .notes(no_parse(ma), no_parse(mr)),
    );

    // Interactions.
    let ops = [
        ("search", "search (type a query)"),
        ("search-undo", "search cleared (all rows back)"),
        ("filter", "filter by province"),
        ("filter-undo", "filter cleared (all rows back)"),
        ("sort", "sort by name"),
        ("sort-undo", "sort by name, reversed"),
        ("chart", "chart redraw (keyboard step)"),
    ];
    let n_rows = format!("{} rows", opts.stations);
    for t in [1u32, 4] {
        for (op, label) in ops {
            let a = ma
                .ops
                .get(&(op.to_string(), t))
                .cloned()
                .unwrap_or_default();
            let r = mr
                .ops
                .get(&(op.to_string(), t))
                .cloned()
                .unwrap_or_default();
            let note = |m: &Measured| {
                m.op_failure
                    .get(op)
                    .cloned()
                    .or(if op == "chart" {
                        m.failure.clone()
                    } else {
                        m.table_failure.clone()
                    })
                    .or(m.failure.clone())
            };
            let target = match (op, t) {
                ("chart", 4) => Some(Target::AtMost(16.0)),
                ("chart", _) => None,
                (_, 4) => Some(Target::Both(
                    Box::new(Target::AtMost(50.0)),
                    Box::new(Target::RatioAtMost(1.0)),
                )),
                _ => Some(Target::RatioAtMost(1.0)),
            };
            let suffix = if op == "chart" {
                String::new()
            } else {
                format!(", {n_rows}")
            };
            let mut row = Row::new(
                &format!("{op}_{t}x"),
                &format!("{label}{suffix}, {t}× CPU (median)"),
                Unit::Ms,
            )
            .values(med(&a), med(&r))
            .notes(note(ma), note(mr));
            if let Some(tg) = target {
                row = row.target(tg);
            }
            let p95 = Row::new(
                &format!("{op}_{t}x_p95"),
                &format!("  p95 (n = {}, {})", a.len(), r.len()),
                Unit::Ms,
            )
            .values(percentile(&a, 95.0), percentile(&r, 95.0))
            .notes(row.app_note.clone(), row.ref_note.clone());
            row.samples = (a, r);
            rows.push(row);
            rows.push(p95);
        }
    }

    // Memory.
    let bytes = ma.data_bytes.or(mr.data_bytes);
    rows.push(
        Row::new("js_heap", "JS heap after load (after GC)", Unit::Bytes)
            .values(med(&ma.heap), med(&mr.heap))
            .notes(fail_a.clone(), fail_r.clone()),
    );
    rows.push(
        Row::new("wasm_memory", "wasm memory after load", Unit::Bytes)
            .values(med(&ma.wasm_mem), None)
            .notes(fail_a.clone(), None),
    );
    let per_json = |v: Option<f64>| match (v, bytes) {
        (Some(v), Some(b)) if b > 0.0 => Some(v / b),
        _ => None,
    };
    rows.push(
        Row::new(
            "memory_per_json",
            "memory ÷ JSON bytes loaded (app: wasm memory; ref: JS heap)",
            Unit::Times,
        )
        .values(per_json(med(&ma.wasm_mem)), per_json(med(&mr.heap)))
        .target(Target::AtMost(3.0))
        .notes(fail_a.clone(), fail_r.clone()),
    );

    // Lighthouse.
    let lh = |m: &Measured, i: usize| {
        med(&m
            .lighthouse
            .iter()
            .map(|s| if i == 0 { s.0 } else { s.1 })
            .collect::<Vec<_>>())
    };
    let lh_note = |m: &Measured| {
        if opts.lighthouse {
            m.lighthouse_failure.clone()
        } else {
            Some("Lighthouse skipped (--no-lighthouse)".into())
        }
    };
    rows.push(
        Row::new(
            "lh_performance",
            "Lighthouse performance (mobile)",
            Unit::Score,
        )
        .values(lh(ma, 0), lh(mr, 0))
        .target(Target::AtLeast(95.0))
        .notes(lh_note(ma), lh_note(mr)),
    );
    rows.push(
        Row::new("lh_accessibility", "Lighthouse accessibility", Unit::Score)
            .values(lh(ma, 1), lh(mr, 1))
            .target(Target::AtLeast(100.0))
            .notes(lh_note(ma), lh_note(mr)),
    );
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[1.0, f64::NAN, 3.0]), Some(2.0));
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert!((percentile(&v, 95.0).unwrap() - 95.05).abs() < 1e-9);
        assert_eq!(percentile(&v, 100.0), Some(100.0));
        assert_eq!(percentile(&v, 0.0), Some(1.0));
    }

    #[test]
    fn ratios_and_targets() {
        assert_eq!(ratio(Some(6.0), Some(3.0)), Some(2.0));
        assert_eq!(ratio(Some(6.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(1.0)), None);
        assert_eq!(Target::AtMost(50.0).met(Some(50.0), None), Some(true));
        assert_eq!(Target::AtLeast(95.0).met(Some(94.0), None), Some(false));
        assert_eq!(
            Target::RatioAtMost(1.2).met(Some(11.0), Some(10.0)),
            Some(true)
        );
        assert_eq!(
            Target::RatioAtLeast(0.9).met(Some(8.0), Some(10.0)),
            Some(false)
        );
        let both = Target::Both(
            Box::new(Target::AtMost(50.0)),
            Box::new(Target::RatioAtMost(1.0)),
        );
        assert_eq!(both.met(Some(40.0), Some(45.0)), Some(true));
        assert_eq!(both.met(Some(40.0), Some(30.0)), Some(false));
        // Over the absolute limit fails even without a reference value.
        assert_eq!(both.met(Some(60.0), None), Some(false));
        assert_eq!(both.met(Some(40.0), None), None);
        assert_eq!(both.describe(Unit::Ms), "≤ 50.0 ms and ≤ 1× ref");
    }

    #[test]
    fn formats_and_deltas() {
        assert_eq!(format_value(2.345, Unit::Ms), "2.35 ms");
        assert_eq!(format_value(1234.0, Unit::Ms), "1.23 s");
        assert_eq!(format_value(102_400.0, Unit::Bytes), "100.0 KiB");
        assert_eq!(format_value(97.4, Unit::Score), "97");
        let mut r = Row::new("k", "sort", Unit::Ms).values(Some(120.0), Some(100.0));
        assert_eq!(delta(&r, Some(100.0)), "+20.0% worse");
        assert_eq!(delta(&r, Some(125.0)), "-4.0%");
        assert_eq!(delta(&r, None), "–");
        r.unit = Unit::Score;
        r.lower_is_better = false;
        assert_eq!(delta(&r, Some(100.0)), "+20.0% better");
    }

    #[test]
    fn tables_show_ratio_target_and_missing_values() {
        let rows = vec![
            Row::new("ttfs_1x", "time to first scorecard", Unit::Ms)
                .values(Some(120.0), Some(100.0))
                .target(Target::RatioAtMost(1.2)),
            Row::new("lh", "Lighthouse", Unit::Score)
                .target(Target::AtLeast(95.0))
                .notes(Some("file too large".into()), None),
        ];
        let mut prev = BTreeMap::new();
        prev.insert("ttfs_1x".to_string(), 100.0);
        let text = text_table(&rows, &prev);
        assert!(text.contains("1.20"), "{text}");
        assert!(text.contains("≤ 1.2× ref"), "{text}");
        assert!(text.contains("yes"), "{text}");
        assert!(text.contains("+20.0% worse"), "{text}");
        assert!(text.contains("n/a*"), "{text}");
        assert!(text.contains("app: file too large"), "{text}");
        let md = markdown_table(&rows, &prev);
        assert!(md.starts_with("| metric | app |"), "{md}");
        assert_eq!(md.lines().filter(|l| l.starts_with('|')).count(), 4, "{md}");
        // Round trip through report.json for the next run's deltas.
        let report = json!({ "rows": rows.iter().map(row_json).collect::<Vec<_>>() });
        let back = previous_values(&report);
        assert_eq!(back.get("ttfs_1x"), Some(&120.0));
        assert!(!back.contains_key("lh"));
    }

    #[test]
    fn url_templates_and_kinds() {
        let app = app_side(None, None);
        assert_eq!(
            fill(&app.scorecard_url, "/bench/data/a b.json", "syn-00001"),
            "/?src=/bench/data/a%20b.json&station=syn-00001&lang=en"
        );
        assert_eq!(
            fill(&reference_side().table_url, "/bench/data/x.json", ""),
            "/bench/reference/?src=/bench/data/x.json&lang=en"
        );
        assert_eq!(kind_of("/pkg/station_scorecards_bg.wasm"), "wasm");
        assert_eq!(kind_of("/app.js"), "js");
        assert_eq!(kind_of("/style/main.css"), "css");
        assert_eq!(kind_of("/bench/data/x.json"), "data");
        assert_eq!(kind_of("/?src=/bench/data/x.json&station=a"), "html");
        assert_eq!(kind_of("/bench/reference/?src=x"), "html");
        assert_eq!(kind_of("/favicon.svg"), "other");
    }

    #[test]
    fn options() {
        let a = Args::new("bench", &["--quick".to_string(), "--runs=3".to_string()]);
        let o = parse_args(a).unwrap();
        assert!(o.quick);
        assert_eq!(o.runs, 3);
        assert_eq!(o.stations, 2_000);
        assert_eq!(o.lighthouse_runs, 3);
        let o = parse_args(Args::new("bench", &[])).unwrap();
        assert_eq!((o.runs, o.stations, o.months), (5, 40_000, 3));
        assert!(parse_args(Args::new("bench", &["--runs".into(), "x".into()])).is_err());
    }

    #[test]
    fn observer_script_quotes_selectors() {
        let s = observer_script(".a \"b\"", ".err");
        assert!(s.contains(r#"".a \"b\"""#), "{s}");
    }
}
