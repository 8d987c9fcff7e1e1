//! National scale in real Chromium (served as in `tests/e2e.rs`): 40,000 synthetic stations,
//! generated here with `scorecards synth`'s library (seeded, so always the same file) into
//! `tests/fixtures/generated/` (not committed) and served under `/fixtures/generated/`.
//! Long tables must keep only a window of rows in the DOM, reach the last station by
//! scrolling and by keyboard, search and sort, and pass axe.
//!
//! The timings measured in the page (`performance.now()`) are printed; run with
//! `--nocapture` to see them. They are checked only against generous bounds, since the
//! machine running the tests may be busy.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::Locator;
use scorecards_core::compare::matches_search;
use scorecards_core::Document;
use support::{browser, Browser};

const STATIONS: usize = 40_000;
/// No monthly series: 40,000 stations with their profiles and figures stay under the
/// dashboard's 64 MiB for one file (about 47 MB).
const MONTHS: usize = 0;
const SEED: u64 = 7;
const FILE: &str = "national-40000.json";
/// A window of rows: what fits in the scroll container plus the overscan, never thousands.
const MAX_ROWS_IN_DOM: usize = 120;

/// The generated document, written once per test run.
fn national() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let started = Instant::now();
        let doc = scorecards_cli::synth::generate(&scorecards_cli::synth::Options {
            stations: STATIONS,
            months: MONTHS,
            seed: SEED,
        });
        let dir = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/generated"
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let tmp = dir.join(format!("{FILE}.tmp"));
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
        scorecards_cli::synth::write_json(&doc, false, &mut w).unwrap();
        std::io::Write::flush(&mut w).unwrap();
        drop(w);
        std::fs::rename(&tmp, dir.join(FILE)).unwrap();
        eprintln!(
            "generated {STATIONS} stations in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        doc
    })
}

fn page(query: &str) -> String {
    format!("/?src=/fixtures/generated/{FILE}{query}")
}

/// Opens a page of the large file and waits (up to two minutes: 47 MB are fetched and
/// validated) for a view; returns the milliseconds from navigation start to the table.
async fn open_big(b: &Browser, query: &str, table: &str) -> f64 {
    national();
    b.visit(&page(query)).await;
    b.c.wait()
        .at_most(Duration::from_secs(120))
        .for_element(Locator::Css(&format!("{table} tbody tr[data-station]")))
        .await
        .expect("the large table never rendered");
    b.js("return performance.now()")
        .await
        .as_f64()
        .unwrap_or(0.0)
}

async fn rows_in_dom(b: &Browser, table: &str) -> usize {
    b.js(&format!(
        "return document.querySelectorAll('{table} tbody tr').length"
    ))
    .await
    .as_u64()
    .unwrap_or(0) as usize
}

async fn drawn_ids(b: &Browser, table: &str) -> Vec<String> {
    let v = b
        .js(&format!("return [...document.querySelectorAll('{table} tbody tr[data-station]')].map(r => r.dataset.station)"))
        .await;
    serde_json::from_value(v).unwrap()
}

/// Types into a search box and returns the milliseconds until the table shows `expect` rows
/// (measured in the page, from the input event to the frame after the rows changed).
async fn search_ms(b: &Browser, input: &str, text: &str, table: &str, expect: usize) -> f64 {
    let script = format!(
        "const [done] = [arguments[0]]; const i = document.querySelector('{input}'); const t0 = performance.now();
         i.value = {text:?}; i.dispatchEvent(new Event('input', {{ bubbles: true }}));
         const check = () => {{
           const n = document.querySelector('{table}').getAttribute('aria-rowcount');
           if (Number(n) === {expect} + 1) requestAnimationFrame(() => done(performance.now() - t0));
           else if (performance.now() - t0 > 30000) done(-1);
           else requestAnimationFrame(check);
         }};
         check();"
    );
    b.timed(&script, "search").await
}

/// Scrolls the table's container to `y` and returns the milliseconds until the frame after
/// the rows were redrawn.
async fn scroll_ms(b: &Browser, table: &str, to_end: bool) -> f64 {
    let script = format!(
        "const done = arguments[0]; const w = document.querySelector('{table}').closest('.ssc__table-wrap');
         const before = w.querySelector('tbody tr[data-station]').dataset.station; const t0 = performance.now();
         w.scrollTop = {};
         const check = () => {{
           const first = w.querySelector('tbody tr[data-station]');
           if (first && first.dataset.station !== before) requestAnimationFrame(() => done(performance.now() - t0));
           else if (performance.now() - t0 > 10000) done(-1);
           else requestAnimationFrame(check);
         }};
         requestAnimationFrame(check);",
        if to_end { "w.scrollHeight" } else { "w.scrollTop + w.clientHeight * 3" }
    );
    b.timed(&script, "scroll").await
}

async fn assert_axe_clean(b: &Browser, what: &str) {
    let path = std::env::var("SSC_AXE").unwrap_or_else(|_| {
        panic!("SSC_AXE (path of axe.min.js) is not set: run `cargo xtask test`")
    });
    let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let script = format!(
        "{axe}\n;const done = arguments[0]; axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))), e => done(['axe failed: ' + e]));"
    );
    let result = b.c.execute_async(&script, vec![]).await.expect("run axe");
    let violations = result.as_array().cloned().unwrap_or_default();
    assert!(violations.is_empty(), "{what}: {violations:#?}");
}

#[tokio::test]
async fn directory_of_forty_thousand_draws_a_window_scrolls_searches_and_passes_axe() {
    let doc = national();
    let b = browser(1280, 1000).await;
    let t = ".ssc__table--directory";
    let first_table_ms = open_big(&b, "&lang=en", t).await;
    eprintln!("directory: first rows {first_table_ms:.0} ms after navigation start");
    assert_eq!(
        b.js(&format!(
            "return document.querySelector('{t}').getAttribute('aria-rowcount')"
        ))
        .await,
        serde_json::json!((STATIONS + 1).to_string())
    );
    let n = rows_in_dom(&b, t).await;
    assert!((10..=MAX_ROWS_IN_DOM).contains(&n), "{n} rows in the DOM");
    assert_eq!(drawn_ids(&b, t).await[0], doc.stations[0].id);
    assert!(b.text(".ssc__rows-shown").await.contains("of 40,000"));
    assert_axe_clean(&b, "directory, 40,000 stations").await;

    // Scrolling: a few screens down, then to the very end.
    let ms = scroll_ms(&b, t, false).await;
    eprintln!("directory: scroll three screens, rows redrawn in {ms:.1} ms");
    assert!(ms >= 0.0);
    let ms = scroll_ms(&b, t, true).await;
    eprintln!("directory: scroll to the end, rows redrawn in {ms:.1} ms");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let ids = drawn_ids(&b, t).await;
    assert_eq!(ids.last(), Some(&doc.stations[STATIONS - 1].id));
    let last_index = b
        .js(&format!("const r = [...document.querySelectorAll('{t} tbody tr[data-station]')]; return r[r.length - 1].getAttribute('aria-rowindex')"))
        .await;
    assert_eq!(last_index, serde_json::json!((STATIONS + 1).to_string()));
    assert!(rows_in_dom(&b, t).await <= MAX_ROWS_IN_DOM);
    // The last row is really in view, not only in the DOM.
    let visible = b
        .js(&format!("const w = document.querySelector('{t}').closest('.ssc__table-wrap'); const r = [...w.querySelectorAll('tbody tr[data-station]')].pop().getBoundingClientRect(); const v = w.getBoundingClientRect(); return r.bottom <= v.bottom + 1 && r.top >= v.top"))
        .await;
    assert_eq!(visible, serde_json::json!(true));

    // Keyboard: Home in the focused container goes back to the first station.
    let wrap =
        b.c.find(Locator::Css(".ssc__directory .ssc__table-wrap"))
            .await
            .unwrap();
    wrap.send_keys(&char::from(Key::Home).to_string())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(drawn_ids(&b, t).await[0], doc.stations[0].id);
    // Tab from the container reaches a station link in the first drawn row.
    wrap.send_keys(&char::from(Key::Tab).to_string())
        .await
        .unwrap();
    let focused = b
        .js("return document.activeElement.closest('tr') && document.activeElement.closest('tr').dataset.station")
        .await;
    assert_eq!(focused, serde_json::json!(doc.stations[0].id));
    // PageDown moves on by about a screen of rows.
    wrap.send_keys(&char::from(Key::PageDown).to_string())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let top = b
        .js("return document.querySelector('.ssc__directory .ssc__table-wrap').scrollTop")
        .await;
    assert!(
        top.as_f64().unwrap_or(0.0) > 0.0,
        "PageDown did not scroll: {top}"
    );

    // Search narrows to exactly the stations whose name or id matches.
    let text = "syn-0012";
    let expected: Vec<&str> = doc
        .stations
        .iter()
        .filter(|st| matches_search(st, text))
        .map(|st| st.id.as_str())
        .collect();
    assert!(!expected.is_empty() && expected.len() < 40, "{expected:?}");
    let ms = search_ms(
        &b,
        ".ssc__directory input[type=search]",
        text,
        t,
        expected.len(),
    )
    .await;
    eprintln!(
        "directory: search {text:?} → {} rows in {ms:.0} ms (including the {} ms pause after typing)",
        expected.len(),
        120
    );
    assert!(ms >= 0.0, "search never narrowed the table");
    assert_eq!(drawn_ids(&b, t).await, expected);
    assert!(b.text(".ssc__match-count").await.contains("of 40,000"));
    // Typing is not blocked: keystrokes land while the table is long.
    let input =
        b.c.find(Locator::Css(".ssc__directory input[type=search]"))
            .await
            .unwrap();
    input.clear().await.unwrap();
    let typing = Instant::now();
    input.send_keys("Police Station 9").await.unwrap();
    eprintln!(
        "directory: 16 keystrokes sent through WebDriver in {} ms",
        typing.elapsed().as_millis()
    );
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some("Police Station 9")
    );
    b.finish("scale-directory-en-1280").await;
}

#[tokio::test]
async fn league_of_forty_thousand_sorts_and_filters_without_drawing_them_all() {
    national();
    let b = browser(1280, 1000).await;
    let t = ".ssc__table--league";
    let first_ms = open_big(&b, "&view=rank&lang=en", t).await;
    eprintln!("league: first rows {first_ms:.0} ms after navigation start");
    let n = rows_in_dom(&b, t).await;
    assert!((10..=MAX_ROWS_IN_DOM).contains(&n), "{n} rows in the DOM");
    let count: usize = b
        .js(&format!(
            "return Number(document.querySelector('{t}').getAttribute('aria-rowcount'))"
        ))
        .await
        .as_u64()
        .unwrap_or(0) as usize;
    assert!(count > 30_000, "{count} rows in the league");
    // The chart shows the best few, not 40,000 bars.
    assert!(b.text(".ssc__chart-title").await.contains("top 30 of"));
    // Rank order: "1 / N" first.
    let first_rank = b
        .text(&format!("{t} tbody tr[data-station] .ssc__rank"))
        .await;
    assert!(first_rank.starts_with("1"), "{first_rank}");
    assert_axe_clean(&b, "league, 40,000 stations").await;

    // Sort by name: the drawn names are in order, and differ from the rank order.
    let before = drawn_ids(&b, t).await;
    let sort = r#"
        const done = arguments[0]; const t0 = performance.now();
        const button = [...document.querySelectorAll('.ssc__table--league th button')].find(b => b.textContent === 'Station');
        const first = () => document.querySelector('.ssc__table--league tbody tr[data-station]').dataset.station;
        const was = first(); button.click();
        const check = () => first() !== was ? requestAnimationFrame(() => done(performance.now() - t0)) : (performance.now() - t0 > 30000 ? done(-1) : requestAnimationFrame(check));
        check();"#;
    let ms = b.timed(sort, "sort").await;
    eprintln!("league: sort by name, rows redrawn in {ms:.0} ms");
    assert!(ms >= 0.0);
    let names = b.texts(&format!("{t} tbody tr[data-station] th")).await;
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_ne!(drawn_ids(&b, t).await, before);
    assert!(b.url().await.contains("sort=name"));
    // Reverse.
    let ms = b.timed(sort, "sort").await;
    eprintln!("league: reverse the sort, rows redrawn in {ms:.0} ms");
    let names = b.texts(&format!("{t} tbody tr[data-station] th")).await;
    let mut reversed = names.clone();
    reversed.sort_by(|a, b| b.cmp(a));
    assert_eq!(names, reversed);

    // Search narrows the league.
    let ms = search_ms(&b, ".ssc__league input[type=search]", "syn-0012", t, 10).await;
    eprintln!("league: search \"syn-0012\" → 10 rows in {ms:.0} ms (including the 120 ms pause)");
    assert!(ms >= 0.0, "search never narrowed the league");
    let ids = drawn_ids(&b, t).await;
    assert!(ids.iter().all(|id| id.starts_with("syn-0012")), "{ids:?}");
    // Filter by province through the select.
    b.js("const i = document.querySelector('.ssc__league input[type=search]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); return 0").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let select =
        b.c.find(Locator::Css("select[id$=rank-province]"))
            .await
            .unwrap();
    select.select_by_value("海南省").await.unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let regions = b
        .texts(&format!("{t} tbody tr[data-station] td:nth-child(3)"))
        .await;
    assert!(
        !regions.is_empty() && regions.iter().all(|r| r.contains("Hainan")),
        "{regions:?}"
    );
    b.finish("scale-league-en-1280").await;
}

/// Scrolls a long table through `rows` rows, a screenful a frame, and returns the bytes
/// allocated in WebAssembly memory and not freed, once the last frame is drawn.
async fn scroll_rows(b: &Browser, table: &str, from_row: usize, rows: usize) -> f64 {
    let script = format!(
        "const done = arguments[0]; const w = document.querySelector('{table}').closest('.ssc__table-wrap');
         const h = w.querySelector('tbody tr[data-station]').getBoundingClientRect().height;
         const frame = () => new Promise(r => requestAnimationFrame(() => r()));
         (async () => {{
           for (let y = {from_row} * h; y < {end} * h; y += w.clientHeight) {{ w.scrollTop = y; await frame(); }}
           for (let k = 0; k < 3; k++) await frame();
           // embed.js shares the page's bundle (whose folder name is a content hash).
           const {{ memoryStats }} = await import('/embed.js');
           done((await memoryStats()).liveHeapBytes);
         }})();",
        end = from_row + rows
    );
    b.timed(&script, "scroll").await
}

/// Scrolling keeps nothing of the rows scrolled past: over the second 3,000 rows of each
/// long table the bytes allocated in WebAssembly memory come back to the same count. (Leptos'
/// `For` kept about 600 bytes a row until the table was closed: `keyed_rows`.)
#[tokio::test]
async fn scrolling_forty_thousand_rows_keeps_nothing_of_the_rows_scrolled_past() {
    let b = browser(1280, 1000).await;
    b.script_timeout(300).await;
    for (query, table) in [
        ("&lang=en", ".ssc__table--directory"),
        ("&view=rank&lang=en", ".ssc__table--league"),
    ] {
        open_big(&b, query, table).await;
        let warm = scroll_rows(&b, table, 0, 3_000).await;
        let after = scroll_rows(&b, table, 3_000, 3_000).await;
        println!("{query}: live wasm bytes {warm} after 3,000 rows, {after} after 6,000");
        assert!(warm > 0.0 && after > 0.0, "{query}: no measurement");
        assert!(
            after - warm < 64.0 * 1024.0,
            "{query}: scrolling 3,000 more rows kept {} bytes",
            after - warm
        );
        assert!(rows_in_dom(&b, table).await <= MAX_ROWS_IN_DOM, "{query}");
    }
    b.end().await;
}

#[tokio::test]
async fn a_phone_and_a_big_screen_show_the_same_window_of_rows() {
    let doc = national();
    for (w, h, query, name) in [
        (360, 780, "", "scale-directory-zh-360"),
        (
            1920,
            1080,
            "&display=big&lang=en",
            "scale-directory-en-1920-big",
        ),
    ] {
        let b = browser(w, h).await;
        let t = ".ssc__table--directory";
        open_big(&b, query, t).await;
        let n = rows_in_dom(&b, t).await;
        assert!(
            (3..=MAX_ROWS_IN_DOM).contains(&n),
            "{w}px: {n} rows in the DOM"
        );
        scroll_ms(&b, t, true).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(
            drawn_ids(&b, t).await.last(),
            Some(&doc.stations[STATIONS - 1].id),
            "{w}px"
        );
        // Nothing sticks out sideways on the phone.
        let overflow = b
            .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            .await;
        assert!(overflow.as_i64().unwrap_or(99) <= 0, "{w}px: {overflow}");
        b.screenshot(name).await;
        assert_axe_clean(&b, name).await;
        b.close().await;
    }
}

/// The split layout, written by `scorecards synth`'s library: an index and a detail file
/// per province, in `tests/fixtures/generated/split/`; one detail file is then removed, so
/// that its stations show the error while the others keep working.
fn split_layout() -> &'static (Document, Vec<(String, Document)>) {
    static SPLIT: OnceLock<(Document, Vec<(String, Document)>)> = OnceLock::new();
    SPLIT.get_or_init(|| {
        let doc = scorecards_cli::synth::generate(&scorecards_cli::synth::Options {
            stations: 300,
            months: 24,
            seed: SEED,
        });
        let (index, details) = scorecards_cli::synth::split(&doc);
        let dir = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/generated/split"
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("detail")).unwrap();
        let write = |path: PathBuf, d: &Document| {
            std::fs::write(path, scorecards_cli::synth::to_json(d, false)).unwrap()
        };
        write(dir.join("index.json"), &index);
        // The last province's file is left out on purpose.
        for (href, d) in &details[..details.len() - 1] {
            write(dir.join(href), d);
        }
        (index, details)
    })
}

#[tokio::test]
async fn a_split_layout_loads_details_on_demand_once_and_revalidates_them() {
    let (index, details) = split_layout();
    let b = browser(1280, 1600).await;
    let src = "/fixtures/generated/split/index.json";
    // The directory comes from the index alone: no detail file is asked for.
    b.open(&format!("/?src={src}&lang=en")).await;
    assert_eq!(b.all("tbody tr[data-station]").await.len().min(1), 1);
    let asked = "return performance.getEntriesByType('resource').filter(e => e.name.includes('/detail/')).map(e => [e.name.split('/').pop(), e.transferSize, e.encodedBodySize])";
    assert_eq!(b.js(asked).await, serde_json::json!([]));
    // A scorecard loads its province's detail file: monthly series (only there) draw a chart.
    let (href, detail) = &details[0];
    let id = detail.stations[0].id.clone();
    b.open(&format!("/?src={src}&lang=en&station={id}")).await;
    b.c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(".ssc__scorecard .ssc__chart canvas"))
        .await
        .expect("the detail's series never arrived");
    let file = href.rsplit('/').next().unwrap().to_string();
    let first = b.js(asked).await;
    assert_eq!(first.as_array().map(Vec::len), Some(1), "{first}");
    assert_eq!(first[0][0], serde_json::json!(file));
    // Another station of the same province: no second request.
    let other = detail.stations[1].id.clone();
    b.js(&format!("history.pushState(null, '', '?src={src}&lang=en&station={other}'); dispatchEvent(new PopStateEvent('popstate')); return 0")).await;
    b.wait_css(&format!(".ssc__scorecard[data-station='{other}']"))
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(b.js(asked).await.as_array().map(Vec::len), Some(1));
    // A new page: the browser revalidates the detail file (304: headers only, no body).
    b.open(&format!("/?src={src}&lang=en&station={id}")).await;
    b.wait_css(".ssc__scorecard .ssc__chart canvas").await;
    let again = b.js(asked).await;
    let (transfer, body) = (
        again[0][1].as_f64().unwrap_or(0.0),
        again[0][2].as_f64().unwrap_or(0.0),
    );
    eprintln!("split: detail {file} again: transferred {transfer} bytes for a {body}-byte body");
    assert!(
        transfer < body,
        "the detail file was downloaded again: {again}"
    );
    b.assert_clean_console(&[]).await;

    // The missing province: its scorecard says which file failed; the directory still works.
    let (missing_href, missing) = details.last().unwrap();
    let lost = &missing.stations[0];
    b.open(&format!("/?src={src}&lang=en&station={}", lost.id))
        .await;
    b.wait_css(".ssc__error").await;
    let error = b.text(".ssc__error").await;
    assert!(
        error.contains(missing_href.rsplit('/').next().unwrap()),
        "{error}"
    );
    assert!(error.contains("404"), "{error}");
    // The scorecard still shows the index's headline figures.
    assert!(b
        .text(".ssc__scorecard h2")
        .await
        .contains(lost.name.en.as_deref().unwrap()));
    let listed = index.stations.iter().find(|s| s.id == lost.id).unwrap();
    assert!(listed.detail.as_deref() == Some(missing_href.as_str()));
    b.assert_clean_console(&["404"]).await;
    assert_axe_clean(&b, "a failed detail file").await;
    b.close().await;
}
