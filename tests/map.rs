//! The tile map of the provinces in real Chromium (served as in `tests/e2e.rs`): every unit
//! in the table, the seed provinces marked, keyboard readout, tile → league → back, axe.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;
use support::{browser, Browser};

const ROWS: &str = ".ssc__table--map tbody tr";
/// The demo file: stations in 江西, 浙江 and 贵州 with comparable incident levels.
const DEMO: &str = "/?src=data/demo-synthetic.json&view=map&metric=incidents&measure=level";

async fn states(b: &Browser) -> Vec<(String, String)> {
    let v = b
        .js(&format!(
            "return [...document.querySelectorAll('{ROWS}')].map(r => [r.dataset.code, r.dataset.state])"
        ))
        .await;
    serde_json::from_value(v).unwrap()
}

async fn parts_loaded(b: &Browser) -> Vec<String> {
    let v = b
        .js("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('split_'))")
        .await;
    serde_json::from_value(v).unwrap()
}

async fn readout(b: &Browser) -> String {
    b.text(".ssc__chart--map .ssc__chart-readout").await
}

#[tokio::test]
async fn the_seed_data_shows_every_unit_with_the_seed_provinces_marked() {
    let b = browser(1280, 1200).await;
    b.open("/").await;
    assert!(
        !parts_loaded(&b)
            .await
            .iter()
            .any(|n| n.contains("split_map")),
        "the first view does not load the map"
    );
    b.click_xpath("//button[contains(@class,'ssc__tab') and text()='分省图']")
        .await;
    b.wait_for_count(ROWS, 34).await;
    assert!(parts_loaded(&b)
        .await
        .iter()
        .any(|n| n.contains("split_map")));
    assert!(b.url().await.contains("view=map"), "{}", b.url().await);
    assert_eq!(b.text(".ssc__map .ssc__heading").await, "分省图");
    let rows = states(&b).await;
    assert_eq!(rows.len(), 34);
    let seeded: Vec<&str> = rows
        .iter()
        .filter(|(_, s)| s != "no-station")
        .map(|(c, _)| c.as_str())
        .collect();
    // 天津, 浙江, 安徽, 广西, 贵州.
    assert_eq!(seeded, ["12", "33", "34", "45", "52"]);
    for code in ["71", "81", "82", "54", "65"] {
        assert!(rows.iter().any(|(c, _)| c == code), "unit {code} is listed");
    }
    let table = b.text(".ssc__table--map").await;
    assert!(
        table.contains("台湾省") && table.contains("香港特别行政区"),
        "{table}"
    );
    assert!(table.contains("数据中无派出所"), "{table}");
    assert!(
        !table.contains(" 0\n") || table.contains("数据中无派出所"),
        "a unit without data is said, never 0"
    );
    let summary = b.text(".ssc__map-summary").await;
    assert!(summary.contains("在数据中没有派出所"), "{summary}");
    assert!(b.inked_pixels(".ssc__map-canvas").await > 1000.0);
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    b.screenshot("map-seeds-zh-1280").await;

    b.click(".ssc__lang[lang=en]").await;
    b.wait_xpath("//h2[contains(@class,'ssc__heading') and text()='Provinces']")
        .await;
    let table = b.text(".ssc__table--map").await;
    assert!(
        table.contains("Taiwan") && table.contains("No station in the data"),
        "{table}"
    );
    assert!(b.url().await.contains("lang=en"));
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    b.end().await;
}

#[tokio::test]
async fn arrows_read_out_tiles_and_enter_opens_the_province_league_and_back_returns() {
    let b = browser(1280, 1200).await;
    b.open(DEMO).await;
    b.wait_for_count(ROWS, 34).await;
    let chart =
        b.c.find(Locator::Css(".ssc__chart--map .ssc__chart-box"))
            .await
            .unwrap();
    chart.send_keys(&Key::Home.to_string()).await.unwrap();
    assert_eq!(readout(&b).await, "黑龙江：数据中无派出所");
    // 黑龙江 → 吉林 → 辽宁 → 上海 → 江苏 → 浙江.
    for k in [Key::Down, Key::Down, Key::Down, Key::Left, Key::Down] {
        chart.send_keys(&k.to_string()).await.unwrap();
    }
    let said = readout(&b).await;
    assert!(said.starts_with("浙江：中位数"), "{said}");
    assert!(said.contains("4 个派出所"), "{said}");
    assert_eq!(
        b.js("return document.querySelector('.ssc__chart--map .ssc__chart-readout').getAttribute('aria-live')")
            .await,
        json!("polite")
    );
    chart.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_css(".ssc__league").await;
    let url = b.url().await;
    assert!(
        url.contains("view=rank") && url.contains("metric=incidents"),
        "{url}"
    );
    assert!(
        url.contains("province=%E6%B5%99%E6%B1%9F%E7%9C%81"),
        "{url}"
    );
    let regions = b
        .js("return [...document.querySelectorAll('.ssc__table--league tbody tr[data-station]')].length")
        .await;
    assert_eq!(regions, json!(4), "the league holds 浙江's four stations");
    b.c.back().await.unwrap();
    b.wait_for_count(ROWS, 34).await;
    assert!(b.url().await.contains("view=map"));
    b.close().await;
}

#[tokio::test]
async fn the_table_links_to_the_league_and_a_phone_sees_the_map() {
    let b = browser(390, 844).await;
    b.open(&format!("{DEMO}&lang=en")).await;
    b.wait_for_count(ROWS, 34).await;
    let classes = b.texts(".ssc__map-class-list li").await;
    assert!(classes.len() >= 3, "{classes:?}");
    assert!(classes.iter().any(|c| c == "No station in the data"));
    b.screenshot("map-demo-en-390").await;
    b.click("tr[data-code='52'] .ssc__map-league").await;
    b.wait_css(".ssc__league").await;
    assert!(b
        .url()
        .await
        .contains("province=%E8%B4%B5%E5%B7%9E%E7%9C%81"));
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    b.end().await;
}

#[tokio::test]
async fn an_embedding_opens_the_map_from_its_data_attributes() {
    let b = browser(1280, 1200).await;
    b.visit("/fixtures/prerender-host.html").await;
    b.js("const d = document.createElement('div'); d.setAttribute('data-station-scorecards', ''); d.dataset.view = 'map'; d.dataset.metric = 'fraud_cases'; d.dataset.measure = 'level'; d.dataset.src = '/data/demo-synthetic.json'; document.getElementById('host').append(d); import('/embed.js'); return 0;")
        .await;
    b.wait_for_count(ROWS, 34).await;
    let chosen = b
        .js("return [document.querySelector('.ssc__map select').value, document.querySelectorAll('.ssc__map select')[1].value]")
        .await;
    assert_eq!(chosen, json!(["fraud_cases", "level"]));
    let valued: Vec<String> = states(&b)
        .await
        .into_iter()
        .filter(|(_, s)| s == "value")
        .map(|(c, _)| c)
        .collect();
    assert_eq!(valued, ["33", "36", "52"]);
    assert!(
        !b.url().await.contains("view=map"),
        "an embedding never touches the host page's address"
    );
    b.js("import('/embed.js').then(m => m.instanceOf(document.querySelector('[data-station-scorecards]')).update({ metric: 'incidents', measure: 'change' })); return 0;")
        .await;
    let mut measure = json!(null);
    for _ in 0..100 {
        measure = b
            .js("return document.querySelectorAll('.ssc__map select')[1].value")
            .await;
        if measure == json!("change") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        measure,
        json!("change"),
        "update() changes the map's measure"
    );
    b.end().await;
}
