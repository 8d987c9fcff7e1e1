//! The portal scenario (issue 13): the first view of one seed scorecard on a phone, three
//! pages side by side — the plain-JS reference scorecard (`bench/reference/scorecard.html`),
//! the standalone scorecard page (`/?station=…`) and a portal host page with the script tag
//! (`/examples/portal.html` by default). Each load is a fresh browser (cold cache) on the
//! phone profile below; an observer injected before navigation records the first figure,
//! the live app's takeover, layout shifts and the wasm modules (js/portal_observer.js).

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::{json, Value};

use super::bytes::{file_bytes, Bytes};
use super::lighthouse::Scores;
use super::report::{format_value, median, Unit};
use super::webdriver::Session;
use super::{num, scripts, Env, REF_PREFIX};
use crate::util::Result;

/// The phone profile of issue 13 (Lighthouse's mobile preset uses the same figures).
pub const VIEWPORT: (u32, u32) = (390, 844);
pub const CPU_SLOWDOWN: f64 = 4.0;
pub const RTT_MS: f64 = 150.0;
/// 1.6 Mbit/s down, 750 kbit/s up, in bytes per second as CDP takes them.
pub const DOWN_BYTES_PER_S: f64 = 1.6e6 / 8.0;
pub const UP_BYTES_PER_S: f64 = 750e3 / 8.0;
/// How long the observer keeps counting layout shifts after the last awaited moment.
const SETTLE_MS: u64 = 1500;
/// Longest wait for one load to reach its last awaited moment (a phone load takes seconds).
const MAX_WAIT: Duration = Duration::from_secs(120);

pub fn profile_text() -> String {
    format!(
        "{}×{} viewport, CPU {CPU_SLOWDOWN}× slower, {:.1} Mbit/s down / {:.0} kbit/s up, \
         {RTT_MS:.0} ms round trip, cache disabled, fresh browser profile per load",
        VIEWPORT.0,
        VIEWPORT.1,
        DOWN_BYTES_PER_S * 8.0 / 1e6,
        UP_BYTES_PER_S * 8.0 / 1e3
    )
}

/// One of the three pages.
#[derive(Debug, Clone)]
pub struct Page {
    pub key: &'static str,
    pub name: &'static str,
    /// Path and query on the bench server.
    pub url: String,
    /// Whether a live (WebAssembly) app is expected to take over.
    pub live: bool,
    /// The page's error display.
    pub error: &'static str,
}

/// The plain reference, the standalone page and the portal host page, in that order.
pub fn pages(station: &str, portal_page: &str) -> [Page; 3] {
    let app_error = ".ssc__error, .ssc-boot-error, [data-station-scorecards] > [role=alert]";
    let station = super::national::query_encode(station);
    [
        Page {
            key: "plain",
            name: "plain page",
            url: format!("{REF_PREFIX}/scorecard.html?station={station}"),
            live: false,
            error: ".ref-error",
        },
        Page {
            key: "standalone",
            name: "standalone",
            url: format!("/?station={station}"),
            live: true,
            error: app_error,
        },
        Page {
            key: "portal",
            name: "portal page",
            url: portal_page.to_string(),
            live: true,
            error: app_error,
        },
    ]
}

/// What one load recorded (times in ms since navigation start).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sample {
    pub first: Option<f64>,
    /// Where the first figure was: `prerendered`, `live` or `page` (the plain page).
    pub first_in: Option<String>,
    pub live: Option<f64>,
    pub cls: Option<f64>,
    /// Resource Timing transfer sizes (navigation included) of the entries finished by `first`.
    pub bytes_before_first: Option<f64>,
    /// The module the entry glue instantiated first (its URL).
    pub wasm_main: Option<String>,
    /// Every `.wasm` fetched by the time the live app was ready.
    pub wasm_before_live: Vec<String>,
    pub error: Option<String>,
}

fn path_of(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// Reads the observer's record (js/portal_collect.js) into a sample.
pub fn sample_of(v: &Value) -> Sample {
    let first = num(&v["first"]);
    let live = num(&v["live"]);
    let entries: Vec<&Value> = v["nav"]
        .as_object()
        .map(|_| &v["nav"])
        .into_iter()
        .chain(v["res"].as_array().into_iter().flatten())
        .collect();
    let finished_by = |t: f64| {
        entries
            .iter()
            .filter(move |e| num(&e["end"]).is_some_and(|end| end > 0.0 && end <= t))
    };
    let bytes_before_first =
        first.map(|t| finished_by(t).filter_map(|e| num(&e["transfer"])).sum());
    let is_wasm = |e: &&&Value| {
        e["name"]
            .as_str()
            .is_some_and(|n| path_of(n).ends_with(".wasm"))
    };
    let wasm_before_live = live
        .or(first)
        .map(|t| {
            finished_by(t)
                .filter(is_wasm)
                .filter_map(|e| e["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    // The first module compiled or instantiated from a response; else the first .wasm fetched.
    let wasm_main = v["wasm"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find(|u| u.contains("://"))
        .map(str::to_string)
        .or_else(|| {
            let mut w: Vec<&&Value> = entries.iter().filter(is_wasm).collect();
            w.sort_by(|a, b| {
                f64::total_cmp(
                    &num(&a["start"]).unwrap_or(0.0),
                    &num(&b["start"]).unwrap_or(0.0),
                )
            });
            w.first()
                .and_then(|e| e["name"].as_str())
                .map(str::to_string)
        });
    let error = v["error"].as_str().map(str::to_string).or_else(|| {
        (first.is_none() && !v["done"].as_bool().unwrap_or(false))
            .then(|| "no figure appeared before the time limit".to_string())
    });
    Sample {
        first,
        first_in: v["firstIn"].as_str().map(str::to_string),
        live,
        cls: num(&v["cls"]),
        bytes_before_first,
        wasm_main,
        wasm_before_live,
        error,
    }
}

/// All loads of one page, and its Lighthouse runs.
#[derive(Debug, Clone, Default)]
pub struct PageMeasured {
    pub samples: Vec<Sample>,
    /// Why a load showed no figure (the page's own error text).
    pub failure: Option<String>,
    pub lighthouse: Vec<Scores>,
    pub lighthouse_failure: Option<String>,
}

impl PageMeasured {
    fn values(&self, pick: fn(&Sample) -> Option<f64>) -> Vec<f64> {
        self.samples.iter().filter_map(pick).collect()
    }
    pub fn first(&self) -> Vec<f64> {
        self.values(|s| s.first)
    }
    pub fn live(&self) -> Vec<f64> {
        self.values(|s| s.live)
    }
    pub fn cls(&self) -> Vec<f64> {
        self.values(|s| s.cls)
    }
    pub fn bytes_before_first(&self) -> Vec<f64> {
        self.values(|s| s.bytes_before_first)
    }
}

/// The scenario's measurements: the three pages in [`pages`]' order, and the wasm files of
/// the portal page's first counted load with their sizes as served.
#[derive(Debug, Clone, Default)]
pub struct PortalMeasured {
    pub pages: [PageMeasured; 3],
    pub wasm_main: Option<(String, Bytes)>,
    pub wasm_before_live: Vec<(String, Bytes)>,
}

/// The phone profile on a fresh session, before navigation.
fn phone(s: &Session) -> Result<()> {
    s.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": VIEWPORT.0, "height": VIEWPORT.1, "deviceScaleFactor": 3, "mobile": true }),
    )?;
    s.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": CPU_SLOWDOWN }),
    )?;
    s.cdp("Network.enable", json!({}))?;
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))?;
    s.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": RTT_MS,
                "downloadThroughput": DOWN_BYTES_PER_S, "uploadThroughput": UP_BYTES_PER_S }),
    )?;
    Ok(())
}

/// One cold load of a page on the phone profile, until the observer is done.
fn load(env: &Env, page: &Page) -> Result<Value> {
    let s = Session::new(env.driver, env.chromium)?;
    phone(&s)?;
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": scripts::portal_observer(page.live, page.error, SETTLE_MS) }),
    )?;
    s.goto(&format!("{}{}", env.base, page.url))?;
    // A page whose live app never takes over would otherwise hold each load for `--timeout`.
    let timeout_ms = env.opts.timeout.min(MAX_WAIT).as_millis() as u64;
    s.exec_async(&scripts::portal_collect(), json!([timeout_ms]))
}

fn describe(s: &Sample) -> String {
    if let Some(e) = &s.error {
        return format!("page error: {e}");
    }
    let ms = |v: Option<f64>| v.map_or("–".into(), |v| format_value(v, Unit::Ms));
    format!(
        "first figure {} ({}), live {}, {} before it, CLS {}",
        ms(s.first),
        s.first_in.as_deref().unwrap_or("?"),
        ms(s.live),
        s.bytes_before_first
            .map_or("–".into(), |b| format_value(b, Unit::Bytes)),
        s.cls.map_or("–".into(), |c| format_value(c, Unit::Shift)),
    )
}

/// Warm-up loads (not counted: the server compresses each file on its first request), then
/// `runs` rounds of the three pages in turn, so drift on the shared machine hits all three.
pub fn run(env: &Env, addr: SocketAddr) -> Result<PortalMeasured> {
    let pages = pages(&env.opts.portal_station, &env.opts.portal_page);
    let mut m = PortalMeasured::default();
    for page in &pages {
        let s = sample_of(&load(env, page)?);
        println!(
            "bench: portal    {:<11} warm-up: {}",
            page.name,
            describe(&s)
        );
    }
    for run_no in 0..env.opts.runs {
        for (page, pm) in pages.iter().zip(m.pages.iter_mut()) {
            let s = sample_of(&load(env, page)?);
            println!(
                "bench: portal    {:<11} run {}: {}",
                page.name,
                run_no + 1,
                describe(&s)
            );
            if let Some(e) = &s.error {
                pm.failure.get_or_insert_with(|| e.clone());
            }
            pm.samples.push(s);
        }
    }
    // The wasm files of the portal page (the standalone page loads the same ones).
    let origin = format!("http://{addr}");
    let sized = |url: &str| -> Result<Option<(String, Bytes)>> {
        let Some(path) = url.strip_prefix(&origin) else {
            return Ok(None);
        };
        Ok(Some((path.to_string(), file_bytes(addr, path)?)))
    };
    if let Some(s) = m.pages[2].samples.iter().find(|s| s.first.is_some()) {
        let (main, all) = (s.wasm_main.clone(), s.wasm_before_live.clone());
        if let Some(u) = main {
            m.wasm_main = sized(&u)?;
        }
        for u in all {
            m.wasm_before_live.extend(sized(&u)?);
        }
    }
    for (page, pm) in pages.iter().zip(&m.pages) {
        let med = |v: Vec<f64>| median(&v).map_or("n/a".into(), |v| format_value(v, Unit::Ms));
        println!(
            "bench: portal    {:<11} median first figure {}, live {}",
            page.name,
            med(pm.first()),
            med(pm.live())
        );
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Value {
        json!({
            "first": 900.0, "firstIn": "prerendered", "live": 2500.0, "cls": 0.004, "done": true,
            "wasm": ["http://h/pkg/app_bg.wasm"], "error": null,
            "nav": { "name": "http://h/", "transfer": 3000.0, "end": 300.0, "start": 0.0 },
            "res": [
                { "name": "http://h/embed.js", "transfer": 2000.0, "end": 600.0, "start": 310.0 },
                { "name": "http://h/style/main.css", "transfer": 5000.0, "end": 880.0, "start": 310.0 },
                { "name": "http://h/pkg/app_bg.wasm", "transfer": 400000.0, "end": 2100.0, "start": 620.0 },
                { "name": "http://h/pkg/chunk_1.wasm?v=1", "transfer": 30000.0, "end": 2400.0, "start": 2150.0 },
                { "name": "http://h/pkg/chunk_2.wasm", "transfer": 30000.0, "end": 4000.0, "start": 3000.0 },
                { "name": "http://h/data/seeds.json", "transfer": 9000.0, "end": 0.0, "start": 620.0 },
            ],
        })
    }

    #[test]
    fn sample_counts_bytes_before_the_first_figure_and_wasm_before_live() {
        let s = sample_of(&record());
        assert_eq!(s.first, Some(900.0));
        assert_eq!(s.live, Some(2500.0));
        assert_eq!(s.first_in.as_deref(), Some("prerendered"));
        // Navigation + embed.js + CSS; the wasm finished later; an entry with no end is not counted.
        assert_eq!(s.bytes_before_first, Some(10_000.0));
        assert_eq!(s.wasm_main.as_deref(), Some("http://h/pkg/app_bg.wasm"));
        assert_eq!(
            s.wasm_before_live,
            ["http://h/pkg/app_bg.wasm", "http://h/pkg/chunk_1.wasm?v=1"]
        );
        assert_eq!(s.error, None);
    }

    #[test]
    fn sample_without_figure_says_why() {
        let mut v = record();
        v["first"] = Value::Null;
        v["live"] = Value::Null;
        v["done"] = json!(false);
        v["wasm"] = json!(["(bytes)"]);
        let s = sample_of(&v);
        assert_eq!(s.bytes_before_first, None);
        assert!(s.wasm_before_live.is_empty());
        // Not instantiated from a response: the first .wasm fetched is the main module.
        assert_eq!(s.wasm_main.as_deref(), Some("http://h/pkg/app_bg.wasm"));
        assert_eq!(
            s.error.as_deref(),
            Some("no figure appeared before the time limit")
        );
        v["error"] = json!("数据无法加载");
        assert_eq!(sample_of(&v).error.as_deref(), Some("数据无法加载"));
    }

    #[test]
    fn pages_and_profile() {
        let p = pages("mei jiang", "/examples/portal.html");
        assert_eq!(
            p[0].url,
            "/bench/reference/scorecard.html?station=mei%20jiang"
        );
        assert_eq!(p[1].url, "/?station=mei%20jiang");
        assert_eq!(p[2].url, "/examples/portal.html");
        assert!(!p[0].live && p[1].live && p[2].live);
        let t = profile_text();
        assert!(t.starts_with("390×844 viewport, CPU 4× slower, 1.6 Mbit/s down / 750 kbit/s up, 150 ms round trip"), "{t}");
    }
}
