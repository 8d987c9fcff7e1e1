//! The national scenario: the dashboard and the plain-JS reference page (`bench/reference/`)
//! on the synthetic national data set. Cold loads of the scorecard page (1× and 4× CPU), the
//! table page with search / filter / sort, and the chart and tile-map redraws.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::report::{format_value, median, Unit};
use super::webdriver::Session;
use super::{num, scripts, BenchOptions, Env, DATA_PREFIX, REF_PREFIX};
use crate::util::{bail, human_duration, Result};

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
    /// How long the page waits after the last keystroke before it searches (ms): the time
    /// of a search is counted from the keystroke, less this pause.
    pub search_pause_ms: u64,
    pub province: &'static str,
    pub sort_name: &'static str,
    pub chart: &'static str,
    /// The tile map: its page (URL template) and the focusable box around its canvas; None
    /// where the page has no map (the reference).
    pub map: Option<(String, &'static str)>,
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
        // `SEARCH_DELAY` in src/components/search_box.rs (long tables only).
        search_pause_ms: 120,
        province: ".ssc__league select[id$=\"rank-province\"]",
        sort_name: ".ssc__table--league thead th:nth-child(2) button",
        chart: ".ssc__chart-box",
        map: Some((
            "/?src={src}&view=map&lang=en".into(),
            ".ssc__chart--map .ssc__chart-box",
        )),
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
        search_pause_ms: 0,
        province: "#ref-province",
        sort_name: ".ref-table button[data-sort=name]",
        chart: ".ref-chart-box",
        map: None,
    }
}

/// `{src}` and `{station}` filled in (both percent-encoded for a query string).
pub fn fill(template: &str, src: &str, station: &str) -> String {
    template
        .replace("{src}", &query_encode(src))
        .replace("{station}", &query_encode(station))
}

pub fn query_encode(s: &str) -> String {
    scorecards_cli::server::percent_encode_query(s)
}

/// One cold page load (a fresh browser profile) until `sel` appears or the page errors.
/// Unthrottled loads also read the heap (only those loads' heap is reported).
fn load_page(env: &Env, url: &str, sel: &str, error_sel: &str, throttle: f64) -> Result<Value> {
    let s = Session::new(env.driver, env.chromium)?;
    page_load(env, &s, url, sel, error_sel, throttle, throttle == 1.0)
}

fn page_load(
    env: &Env,
    s: &Session,
    url: &str,
    sel: &str,
    error_sel: &str,
    throttle: f64,
    heap: bool,
) -> Result<Value> {
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": scripts::observer(sel, error_sel) }),
    )?;
    s.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": throttle }),
    )?;
    s.goto(&format!("{}{url}", env.base))?;
    let deadline = Instant::now() + env.opts.timeout;
    loop {
        let v = s.exec(&scripts::ready(), json!([]))?;
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
    let mut v = s.exec(&scripts::collect(), json!([]))?;
    // Heap after a full garbage collection (CDP), JS only; wasm memory is counted apart. A
    // collection on a throttled page of 40,000 rows takes seconds: only where it is reported.
    if heap {
        let _ = s.cdp("HeapProfiler.collectGarbage", json!({}));
        if let Ok(h) = s.cdp("Runtime.getHeapUsage", json!({})) {
            v["heapUsed"] = h["usedSize"].clone();
        }
    }
    Ok(v)
}

/// Measured values of one side.
#[derive(Debug, Default, Clone)]
pub struct Measured {
    pub ttfs: BTreeMap<u32, Vec<f64>>,
    pub ttft: BTreeMap<u32, Vec<f64>>,
    /// Why a page load did not show what was asked (the page's own error text).
    pub failure: Option<String>,
    pub table_failure: Option<String>,
    /// First cold load of the scorecard page, unthrottled (resources, memory).
    pub first: Option<Value>,
    pub parse_ms: Vec<f64>,
    pub json_ms: Vec<f64>,
    pub pipeline_ms: Vec<f64>,
    pub data_bytes: Option<f64>,
    pub heap: Vec<f64>,
    pub wasm_mem: Vec<f64>,
    /// (operation, throttle) → samples in ms.
    pub ops: BTreeMap<(String, u32), Vec<f64>>,
    pub op_failure: BTreeMap<String, String>,
    pub lighthouse: Vec<(f64, f64)>,
    pub lighthouse_failure: Option<String>,
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
            json!([
                "input",
                side.search,
                opts.search,
                side.rows,
                side.search_pause_ms
            ]),
            json!(["input", side.search, "", side.rows, side.search_pause_ms]),
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
    let v = s.exec_async(&scripts::act(), args.clone())?;
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
        let v = page_load(
            env,
            &s,
            &url,
            side.table_ready,
            side.error,
            throttle as f64,
            false,
        )?;
        if let Some(e) = v["error"].as_str() {
            m.table_failure = Some(e.to_string());
            return Ok(());
        }
        m.ttft
            .entry(throttle)
            .or_default()
            .extend(num(&v["visible"]));
        let rows = s.exec(&scripts::count(), json!([side.rows]))?;
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

/// The map's geographic mode on the bundled fictitious geometry (2,900 areas): the page,
/// the tiles' box it opens on, the mode button, and the boundary map's focusable box.
pub const GEO: (&str, &str, &str, &str) = (
    "/?src=data/demo-geo.json&view=map&lang=en",
    ".ssc__chart--map .ssc__chart-box",
    ".ssc__map-mode[data-mode=geo]",
    ".ssc__chart--geo .ssc__chart-box",
);

/// The boundary map opened from its address (`map=geo`), and the metric menu: changing the
/// metric redraws every region (a full redraw: new fills, legend and table), alternating
/// between the two metrics below, which the bundled demo data reports.
pub const GEO_FULL: (&str, &str, &str, [&str; 2]) = (
    "/?src=data/demo-geo.json&view=map&map=geo&lang=en",
    ".ssc__chart--geo .ssc__chart-box",
    ".ssc__map select[id$=map-metric]",
    ["criminal_incidents", "incidents"],
);

/// The interaction [`measure_redraw`] repeats on `sel`: key presses, or choices in a menu.
#[derive(Clone, Copy)]
enum Step<'a> {
    /// `ArrowRight`, then `ArrowLeft`, …
    Keys,
    /// The menu's value set to each of the two, in turn (a `change` event).
    Select([&'a str; 2]),
}

/// Key presses (or menu choices) on a canvas that redraws on each: `op` names the samples
/// (`chart`, `map`, `geo`, `geo-full`), `url` is the page's URL template and `sel` the
/// element the steps go to. With `open = Some((ready, button))` the page is ready when
/// `ready` shows, then `button` is clicked and `sel` awaited (a mode switched on before the
/// keys).
#[allow(clippy::too_many_arguments)]
fn measure_redraw(
    env: &Env,
    side: &Side,
    op: &str,
    url: &str,
    sel: &str,
    open: Option<(&str, &str)>,
    step: Step,
    src: &str,
    m: &mut Measured,
) -> Result<()> {
    let url = fill(url, src, &env.opts.station);
    let warmups = if env.opts.quick { 0 } else { 2 };
    for throttle in [1u32, 4] {
        let s = Session::new(env.driver, env.chromium)?;
        let ready = open.map_or(sel, |(r, _)| r);
        let v = page_load(env, &s, &url, ready, side.error, throttle as f64, false)?;
        if let Some(e) = v["error"].as_str() {
            m.op_failure.insert(op.into(), e.to_string());
            return Ok(());
        }
        if let Some((_, button)) = open {
            s.exec(
                "document.querySelector(arguments[0]).click();",
                json!([button]),
            )?;
            let deadline = Instant::now() + env.opts.timeout;
            while s.exec(
                "return !!document.querySelector(arguments[0]);",
                json!([sel]),
            )? != json!(true)
            {
                if Instant::now() > deadline {
                    m.op_failure
                        .insert(op.into(), format!("{sel} did not appear"));
                    return Ok(());
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        // The first draw waits for the canvas' size.
        std::thread::sleep(Duration::from_millis(500));
        // Each key press moves the highlight (the chart's month, the map's tile), which
        // redraws the whole canvas.
        let runs = (env.opts.runs * 4).max(5);
        for i in 0..warmups + runs {
            let args = match step {
                Step::Keys if i % 2 == 0 => json!(["key", sel, "ArrowRight", null]),
                Step::Keys => json!(["key", sel, "ArrowLeft", null]),
                Step::Select(values) => json!(["select", sel, values[i % 2], null]),
            };
            match act(&s, &args)? {
                Ok((ms, _)) if i >= warmups => {
                    m.ops.entry((op.into(), throttle)).or_default().push(ms)
                }
                Ok(_) => {}
                Err(e) => {
                    m.op_failure.insert(op.into(), e);
                }
            }
        }
        println!(
            "bench: {:<9} {op} redraw {throttle}×: median {}",
            side.name,
            m.ops
                .get(&(op.to_string(), throttle))
                .and_then(|s| median(s))
                .map(|v| format_value(v, Unit::Ms))
                .unwrap_or_else(|| "n/a".into())
        );
    }
    Ok(())
}

/// The national measurements, the two sides one after the other for each kind: (app, reference).
pub fn run(env: &Env, src: &str, ref_src: &str) -> Result<(Measured, Measured)> {
    let app = app_side(
        env.opts.app_scorecard_url.clone(),
        env.opts.app_table_url.clone(),
    );
    let reference = reference_side();
    let mut ma = Measured::default();
    let mut mr = Measured::default();
    measure_loads(env, &app, src, &mut ma)?;
    measure_loads(env, &reference, ref_src, &mut mr)?;
    measure_table(env, &app, src, &mut ma)?;
    measure_table(env, &reference, ref_src, &mut mr)?;
    for (side, s, m) in [(&app, src, &mut ma), (&reference, ref_src, &mut mr)] {
        if m.failure.is_none() {
            measure_redraw(
                env,
                side,
                "chart",
                &side.scorecard_url,
                side.chart,
                None,
                Step::Keys,
                s,
                m,
            )?;
            if let Some((url, sel)) = &side.map {
                measure_redraw(env, side, "map", url, sel, None, Step::Keys, s, m)?;
                let (url, ready, button, sel) = GEO;
                let open = Some((ready, button));
                measure_redraw(env, side, "geo", url, sel, open, Step::Keys, s, m)?;
                let (url, ready, menu, values) = GEO_FULL;
                let step = Step::Select(values);
                // Ready when the boundary map's box shows (clicking it changes nothing).
                let open = Some((ready, ready));
                measure_redraw(env, side, "geo-full", url, menu, open, step, s, m)?;
            }
        }
    }
    Ok((ma, mr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_templates() {
        let app = app_side(None, None);
        assert_eq!(
            fill(&app.scorecard_url, "/bench/data/a b.json", "syn-00001"),
            "/?src=/bench/data/a%20b.json&station=syn-00001&lang=en"
        );
        assert_eq!(
            fill(&reference_side().table_url, "/bench/data/x.json", ""),
            "/bench/reference/?src=/bench/data/x.json&lang=en"
        );
        let (map_url, _) = app.map.expect("the app has a map");
        assert_eq!(
            fill(&map_url, "/bench/data/x.json", "syn-00001"),
            "/?src=/bench/data/x.json&view=map&lang=en"
        );
        assert!(reference_side().map.is_none());
    }
}
