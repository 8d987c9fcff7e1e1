//! Embedding tests: the example host pages in `public/examples/` loaded in real Chromium
//! (see `tests/e2e.rs` for how `cargo xtask test` serves them).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;
use support::browser;

/// Computed styles of host elements, to compare before and after the component arrives.
const HOST_STYLES: &str = "return ['body', '#portal-title', '.portal-main', 'button'].map(s => { const e = document.querySelector(s); const c = getComputedStyle(e); return [s, c.fontFamily, c.fontSize, c.color, c.margin, c.padding, c.lineHeight, c.boxSizing, c.backgroundColor].join('|'); });";

#[tokio::test]
async fn portal_page_renders_its_station_without_console_errors() {
    let b = browser(1280, 1600).await;
    b.visit("/examples/portal.html").await;
    b.wait_for_count("#embed-one .ssc__scorecard h2", 1).await;
    assert_eq!(b.text("#embed-one .ssc__scorecard h2").await, "梅江派出所");
    // Garbage collection must not take a mounted instance away (its JavaScript handle is
    // unreferenced by the page).
    b.js("for (let i = 0; i < 5; i++) gc(); return 0;").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        b.all("#embed-one .ssc__scorecard h2").await.len(),
        1,
        "the instance vanished after GC"
    );
    // Embedded: no title line of its own, and the host page's address is untouched.
    assert!(b.all("#embed-one .ssc__title").await.is_empty());
    b.c.find(Locator::Css(
        "#embed-one tr[data-metric=incidents] .ssc__source-ref",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    b.click("#embed-one button[lang=en]").await;
    b.wait_xpath("//h2[text()='Meijiang Police Station']").await;
    let url = b.url().await;
    assert!(
        url.ends_with("/examples/portal.html"),
        "the host URL changed: {url}"
    );
    b.finish("embed-portal").await;
}

#[tokio::test]
async fn strict_csp_page_has_no_violation() {
    let b = browser(1280, 1200).await;
    b.visit("/examples/strict-csp.html").await;
    b.wait_for_count(".ssc__scorecard h2", 1).await;
    assert_eq!(
        b.text(".ssc__scorecard h2").await,
        "Zhaobaoshan Police Station"
    );
    b.screenshot("embed-strict-csp").await;
    // The parts loaded on first use come from the same origin as WebAssembly modules: the
    // comparison and the league table load under this policy too.
    for (view, shown) in [("compare", ".ssc__compare"), ("rank", ".ssc__league")] {
        b.js(&format!("import('/embed.js').then(m => m.instanceOf(document.querySelector('[data-station-scorecards]')).update({{ view: '{view}', compare: 'meijiang,xishan' }})); return 0;"))
            .await;
        b.wait_css(shown).await;
    }
    b.end().await;
}

#[tokio::test]
async fn two_instances_do_not_interfere() {
    let b = browser(1400, 1400).await;
    b.visit("/examples/two-instances.html").await;
    b.wait_for_count("#left .ssc__scorecard h2", 1).await;
    b.wait_for_count("#right tbody tr[data-station]", 5).await;
    assert_eq!(b.text("#left .ssc__scorecard h2").await, "梅江派出所");
    assert_eq!(b.text("#right .ssc__heading").await, "Station directory");
    // Switching the left one's language leaves the right one alone.
    b.click("#left button[lang=en]").await;
    b.c.wait()
        .for_element(Locator::XPath(
            "//*[@id='left']//h2[text()='Meijiang Police Station']",
        ))
        .await
        .unwrap();
    b.click("#right button[lang=zh-CN]").await;
    b.wait_xpath("//*[@id='right']//h2[text()='派出所名录']")
        .await;
    assert_eq!(
        b.text("#left .ssc__scorecard h2").await,
        "Meijiang Police Station"
    );
    // Opening a station on the right does not move the left.
    b.click("#right tr[data-station=xishan] a").await;
    b.wait_for_count("#right .ssc__scorecard", 1).await;
    assert_eq!(
        b.text("#left .ssc__scorecard h2").await,
        "Meijiang Police Station"
    );
    let dup = b
        .js("const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.filter((x, i) => ids.indexOf(x) !== i);")
        .await;
    assert_eq!(
        dup,
        json!([]),
        "element ids must be unique across instances"
    );
    // The portal's own colours reach the right-hand instance only.
    let accents = b
        .js("return ['#left .ssc', '#right .ssc'].map(s => getComputedStyle(document.querySelector(s)).getPropertyValue('--_accent').trim());")
        .await;
    assert_eq!(accents, json!(["#1d4e89", "#b3001b"]));
    b.finish("embed-two-instances").await;
}

#[tokio::test]
async fn iframe_reports_its_height_to_the_host() {
    let b = browser(1280, 1000).await;
    b.visit("/examples/iframe.html").await;
    let mut height = 0;
    for _ in 0..100 {
        height = b
            .js("return Number(document.querySelector('iframe').getAttribute('height'))")
            .await
            .as_i64()
            .unwrap_or(0);
        if height > 1000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        height > 1000,
        "the frame was not resized from its initial 300 px: {height}"
    );
    let frame = b.c.find(Locator::Css("iframe")).await.unwrap();
    frame.enter_frame().await.unwrap();
    assert_eq!(b.text(".ssc__scorecard h2").await, "西山派出所");
    assert!(
        b.all(".ssc__title").await.is_empty(),
        "?embed=1 hides the page chrome"
    );
    assert!(
        b.all(".ssc__embed").await.is_empty(),
        "no embed snippet inside an embed"
    );
    let inner = b
        .js("return document.documentElement.scrollHeight")
        .await
        .as_i64()
        .unwrap();
    assert!(
        (inner - height).abs() <= 2,
        "frame {height} vs content {inner}"
    );
    b.c.enter_parent_frame().await.unwrap();
    b.finish("embed-iframe").await;
}

#[tokio::test]
async fn hostile_host_css_does_not_break_the_layout() {
    let b = browser(1280, 1400).await;
    b.visit("/examples/hostile.html").await;
    b.wait_for_count(".ssc__scorecard h2", 1).await;
    let m = b
        .js("const q = s => document.querySelector(s); const cs = s => getComputedStyle(q(s)); return {
            heading: cs('.ssc__scorecard h2').fontSize,
            headingAlign: cs('.ssc__scorecard h2').textAlign,
            family: cs('.ssc__scorecard h2').fontFamily,
            cellAlign: cs('.ssc__table--figures td').textAlign,
            tableWidth: q('.ssc__table--figures').getBoundingClientRect().width,
            wrapWidth: q('.ssc__table--figures').parentElement.getBoundingClientRect().width,
            langSize: cs('.ssc__lang').fontSize,
            boxSizing: cs('.ssc__panel').boxSizing,
            panelFloat: cs('.ssc__panel').cssFloat,
            hostHeading: cs('#host-heading').fontSize,
            hostText: cs('#host-text').fontFamily,
        };")
        .await;
    assert_eq!(m["heading"], "24px", "{m}");
    assert_eq!(m["headingAlign"], "start", "{m}");
    assert!(!m["family"].as_str().unwrap().starts_with("serif"), "{m}");
    assert_eq!(m["cellAlign"], "start", "{m}");
    assert!(
        (m["tableWidth"].as_f64().unwrap() - m["wrapWidth"].as_f64().unwrap()).abs() < 1.0,
        "{m}"
    );
    assert_eq!(m["langSize"], "14.4px", "{m}");
    assert_eq!(m["boxSizing"], "border-box", "{m}");
    assert_eq!(m["panelFloat"], "none", "{m}");
    // …and the host keeps its own styles.
    assert_eq!(m["hostHeading"], "40px", "{m}");
    assert_eq!(m["hostText"], "serif", "{m}");
    b.finish("embed-hostile").await;
}

#[tokio::test]
async fn mount_update_unmount_and_leave_nothing_behind() {
    let b = browser(1280, 1200).await;
    b.visit("/examples/mount-api.html").await;
    b.wait_for_count("#btn-mount", 1).await;
    let before = b.js(HOST_STYLES).await;
    // Count listeners on window and document, the only places a widget could leak them.
    b.js("window.__live = 0; for (const t of [window, document]) { const add = t.addEventListener.bind(t), rm = t.removeEventListener.bind(t); t.addEventListener = (...a) => { window.__live++; return add(...a); }; t.removeEventListener = (...a) => { window.__live--; return rm(...a); }; } return 0;").await;
    b.click("#btn-mount").await;
    b.wait_for_count("#target .ssc__scorecard h2", 1).await;
    assert_eq!(b.text("#target .ssc__scorecard h2").await, "贵筑派出所");
    let after = b.js(HOST_STYLES).await;
    assert_eq!(
        before, after,
        "the component changed the host page's styles"
    );
    b.click("#btn-en").await;
    b.wait_xpath("//h2[text()='Guizhu Police Station']").await;
    b.click("#btn-unmount").await;
    assert_eq!(
        b.js("return document.getElementById('target').childNodes.length")
            .await,
        json!(0)
    );
    let nodes_before = b
        .js("return document.getElementsByTagName('*').length")
        .await;
    let left = b
        .c
        .execute_async("const done = arguments[0]; window.sscMountLoop(100).then(done, e => done('error: ' + e));", vec![])
        .await
        .unwrap();
    assert_eq!(
        left,
        json!(0),
        "nodes left in the element after 100 mounts and unmounts"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        b.js("return document.getElementsByTagName('*').length")
            .await,
        nodes_before
    );
    assert_eq!(
        b.js("return window.__live").await,
        json!(0),
        "window/document listeners left behind"
    );
    b.end().await;
}

#[tokio::test]
async fn themes_big_screen_and_print_are_looked_at() {
    let b = browser(1280, 3600).await;
    b.visit("/examples/themes.html").await;
    b.wait_for_count(".ssc__scorecard h2", 4).await;
    let bgs = b
        .js("return [...document.querySelectorAll('.ssc')].map(e => getComputedStyle(e).backgroundColor);")
        .await;
    assert_eq!(bgs[0], "rgb(255, 255, 255)");
    assert_eq!(bgs[1], "rgb(20, 24, 31)", "dark theme");
    b.finish("embed-themes").await;

    let b = browser(1920, 1080).await;
    b.open("/?station=meijiang&display=big").await;
    let size = b
        .js("return getComputedStyle(document.querySelector('.ssc__value')).fontSize")
        .await;
    assert!(
        size.as_str()
            .unwrap()
            .trim_end_matches("px")
            .parse::<f64>()
            .unwrap()
            >= 20.0,
        "{size}"
    );
    b.screenshot("big-screen-meijiang-1920").await;
    // Print: one A4 page with the sources.
    let pdf =
        b.c.print(
            fantoccini::wd::PrintConfiguration::builder()
                .size(fantoccini::wd::PrintSize::A4)
                .shrink_to_fit(false)
                .build()
                .unwrap(),
        )
        .await
        .expect("print");
    let pages = pdf
        .windows(b"/Type /Page".len())
        .filter(|w| *w == b"/Type /Page")
        .count()
        - pdf
            .windows(b"/Type /Pages".len())
            .filter(|w| *w == b"/Type /Pages")
            .count();
    std::fs::write(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/screenshots/print-meijiang.pdf"
        ),
        &pdf,
    )
    .unwrap();
    assert_eq!(pages, 1, "the scorecard should print on one page");
    b.close().await;
}

/// `embed-lite.js`, the former loader of a lite bundle, is an alias of embed.js: one bundle
/// serves every page. The scorecard shows without the comparison's or the league table's
/// module; the comparison's module is fetched when the comparison is first shown.
#[tokio::test]
async fn embed_lite_is_an_alias_and_parts_load_when_first_shown() {
    let b = browser(1280, 1400).await;
    b.visit("/examples/lite.html").await;
    b.wait_for_count("#embed-lite .ssc__scorecard h2", 1).await;
    assert_eq!(b.text("#embed-lite .ssc__scorecard h2").await, "梅江派出所");
    assert!(
        b.all("#embed-lite .ssc__scorecard .ssc__source-ref")
            .await
            .len()
            > 3,
        "figures carry their sources"
    );
    let wasm_files = "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.wasm')).map(n => new URL(n).pathname.split('/').pop())";
    let first = b.js(wasm_files).await;
    let first: Vec<String> = serde_json::from_value(first).unwrap();
    assert!(
        first.iter().any(|f| f == "station_scorecards_bg.wasm"),
        "{first:?}"
    );
    assert!(
        !first
            .iter()
            .any(|f| f == "split_compare.wasm" || f == "split_league.wasm"),
        "a scorecard needs neither the comparison nor the league table: {first:?}"
    );
    b.click("#embed-lite button[lang=en]").await;
    b.wait_xpath("//h2[text()='Meijiang Police Station']").await;
    // A comparison asked for through the API: its module arrives, and it is shown.
    b.js("import('/embed-lite.js').then(m => m.instanceOf(document.getElementById('embed-lite')).update({ view: 'compare', compare: 'meijiang,xishan' })); return 0;")
        .await;
    b.wait_for_count("#embed-lite .ssc__compare", 1).await;
    let after: Vec<String> = serde_json::from_value(b.js(wasm_files).await).unwrap();
    assert!(after.iter().any(|f| f == "split_compare.wasm"), "{after:?}");
    b.finish("embed-lite").await;
}
