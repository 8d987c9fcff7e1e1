//! Trend charts in real Chromium on the labelled synthetic demo data (served as in `tests/e2e.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{key::Key, Locator};
use serde_json::json;
use support::browser;

const PAGE: &str = "/?src=data/demo-synthetic.json&station=syn-00001";
const CHART: &str = "[data-family=incidents] .ssc__chart[data-metric=incidents]";

/// The demo file's first station's incidents series, as published.
fn demo_series() -> Vec<Option<f64>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/demo-synthetic.json"
    ))
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let s = &doc["stations"][0]["series"][0];
    assert_eq!(s["metric"], "incidents");
    s["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64())
        .collect()
}

#[tokio::test]
async fn the_trend_chart_draws_and_its_table_matches_the_data() {
    let b = browser(1280, 1400).await;
    b.open(PAGE).await;
    b.wait_for_count(&format!("{CHART} canvas"), 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    // Pixels: the plot area is not blank (count dark, coloured pixels).
    let inked = b.inked_pixels(&format!("{CHART} canvas")).await;
    assert!(inked > 2000.0, "the canvas is nearly blank: {inked}");
    let size: Vec<f64> = serde_json::from_value(
        b.js(&format!("const c = document.querySelector('{CHART} canvas'); return [c.width, c.getBoundingClientRect().width];"))
            .await,
    )
    .unwrap();
    assert!(
        (size[0] - size[1]).abs() <= 1.0,
        "canvas sized from its box × devicePixelRatio (1 here): {size:?}"
    );
    // The table equivalent lists every month with the published value.
    let series = demo_series();
    // (The table is inside a closed <details>: read its text, not what is rendered.)
    let rows: Vec<String> = serde_json::from_value(
        b.js(&format!("return [...document.querySelectorAll('{CHART} .ssc__chart-table tbody tr')].map(r => r.textContent)"))
            .await,
    )
    .unwrap();
    assert_eq!(rows.len(), series.len(), "one row per month");
    assert!(
        rows[0].contains("2023年1月") && rows[0].contains(&format!("{}", series[0].unwrap())),
        "{}",
        rows[0]
    );
    let summary = b.text(&format!("{CHART} .ssc__chart-summary")).await;
    assert!(summary.contains("2025年12月"), "{summary}");
    b.finish("chart-incidents-1280").await;
}

#[tokio::test]
async fn the_keyboard_reads_out_each_month() {
    let b = browser(1280, 1400).await;
    b.open(PAGE).await;
    b.wait_for_count(&format!("{CHART} canvas"), 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let chart_box =
        b.c.find(Locator::Css(&format!("{CHART} .ssc__chart-box")))
            .await
            .unwrap();
    chart_box.send_keys(&Key::Home.to_string()).await.unwrap();
    let series = demo_series();
    let readout = b.text(&format!("{CHART} .ssc__chart-readout")).await;
    assert!(
        readout.contains("2023年1月") && readout.contains(&format!("{}", series[0].unwrap())),
        "{readout}"
    );
    chart_box.send_keys(&Key::Right.to_string()).await.unwrap();
    let readout = b.text(&format!("{CHART} .ssc__chart-readout")).await;
    assert!(
        readout.contains("2023年2月") && readout.contains(&format!("{}", series[1].unwrap())),
        "{readout}"
    );
    chart_box.send_keys(&Key::End.to_string()).await.unwrap();
    let readout = b.text(&format!("{CHART} .ssc__chart-readout")).await;
    assert!(readout.contains("2025年12月"), "{readout}");
    assert!(
        readout.contains("估计"),
        "the last month is an estimate and says so: {readout}"
    );
    assert_eq!(
        b.js("return document.activeElement.classList.contains('ssc__chart-box')")
            .await,
        json!(true)
    );
    b.close().await;
}

#[tokio::test]
async fn charts_are_looked_at_on_a_phone_and_a_big_screen() {
    for (w, h) in [(360, 900), (1920, 1080)] {
        let b = browser(w, h).await;
        b.open(&format!("{PAGE}&lang=en")).await;
        b.wait_for_count(&format!("{CHART} canvas"), 1).await;
        b.js(&format!(
            "document.querySelector('{CHART}').scrollIntoView(); return 0;"
        ))
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let fits = b
            .js(&format!("const c = document.querySelector('{CHART} canvas').getBoundingClientRect(); return c.right <= document.documentElement.clientWidth + 1 && c.width > 100;"))
            .await;
        assert_eq!(fits, json!(true), "{w}px: the chart fits its box");
        b.screenshot(&format!("chart-incidents-en-{w}")).await;
        b.end().await;
    }
}

#[tokio::test]
async fn the_png_export_carries_a_title_and_a_source_line() {
    let b = browser(1280, 1400).await;
    b.open(PAGE).await;
    b.wait_for_count(&format!("{CHART} canvas"), 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.js("window.__dl = null; HTMLAnchorElement.prototype.click = function () { window.__dl = { href: this.href, name: this.download }; }; return 0;").await;
    b.click_xpath("//*[@data-family='incidents']//button[text()='下载图片（PNG）']")
        .await;
    let got = b
        .c
        .execute_async(
            &format!("const done = arguments[0]; const d = window.__dl; const c = document.querySelector('{CHART} canvas'); const img = new Image(); img.onload = () => done([d.name, img.height, c.height, d.href.slice(0, 22)]); img.onerror = () => done(['error']); img.src = d.href;"),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(got[0], json!("incidents-2023-01.png"), "{got}");
    assert_eq!(got[3], json!("data:image/png;base64,"), "{got}");
    let (img_h, chart_h) = (got[1].as_f64().unwrap(), got[2].as_f64().unwrap());
    assert!(
        img_h > chart_h + 30.0,
        "title and source line add room above and below: {got}"
    );
    b.end().await;
}
