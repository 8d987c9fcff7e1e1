//! The map's geographic mode in real Chromium: the bundled fictitious geometry drawn with
//! its label, every unit still in the table, stations read out with the keyboard, axe clean;
//! boundaries without an approval number refused (nothing fetched), a missing boundary file
//! said — the tiles working in both cases; the mode kept in the address (`map=geo`) and
//! read from an embedding's `data-map`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use support::{browser, Browser};

const ROWS: &str = ".ssc__table--map tbody tr";
const DEMO: &str = "/?src=data/demo-geo.json&view=map&metric=incidents&measure=level";

async fn choose_geo(b: &Browser) {
    b.click(".ssc__map-mode[data-mode=geo]").await;
}

/// Opens `page` on the tile map, chooses the boundary map and returns what the page says
/// instead of drawing it.
async fn refusal_on(b: &Browser, page: &str) -> String {
    b.open(page).await;
    b.wait_for_count(ROWS, 34).await;
    refusal(b).await
}

/// Chooses the boundary map and returns what the page says instead of drawing it.
async fn refusal(b: &Browser) -> String {
    choose_geo(b).await;
    b.wait_css(".ssc__map-geo-refused").await;
    b.text(".ssc__map-geo-refused").await
}

/// Goes back to the tiles, which are drawn.
async fn back_to_tiles(b: &Browser) {
    b.click(".ssc__map-mode[data-mode=tiles]").await;
    b.wait_css(".ssc__chart--map .ssc__map-canvas").await;
}

async fn boundary_requests(b: &Browser) -> usize {
    b.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/geo/')).length")
        .await
        .as_u64()
        .unwrap() as usize
}

#[tokio::test]
async fn fictitious_geometry_is_drawn_labelled_with_stations_read_out() {
    for (width, height) in [(390, 900), (1280, 1100), (1920, 1200)] {
        let b = browser(width, height).await;
        b.open(DEMO).await;
        b.wait_for_count(ROWS, 34).await;
        assert_eq!(boundary_requests(&b).await, 0, "fetched only on choice");
        choose_geo(&b).await;
        b.wait_css(".ssc__chart--geo canvas").await;
        b.wait_css(".ssc__map-approval").await;
        assert_eq!(boundary_requests(&b).await, 1);
        let label = b.text(".ssc__map-approval").await;
        assert!(
            label.contains("虚构几何") && label.contains("不是地图"),
            "{label}"
        );
        let page = b.text(".ssc__map").await;
        assert!(
            page.contains("边界文件共有 2900 个区域，全部绘制。"),
            "{page}"
        );
        assert!(page.contains("图上标出 80 个有坐标的派出所。"), "{page}");
        assert_eq!(
            b.all(ROWS).await.len(),
            34,
            "the table still lists every unit"
        );
        assert!(b.inked_pixels(".ssc__chart--geo canvas").await > 5000.0);
        if width == 1280 {
            let chart =
                b.c.find(Locator::Css(".ssc__chart--geo .ssc__chart-box"))
                    .await
                    .unwrap();
            chart.send_keys(&Key::Home.to_string()).await.unwrap();
            let said = b.text(".ssc__chart--geo .ssc__chart-readout").await;
            assert!(said.contains("（合成）"), "a station's name: {said}");
            chart.send_keys(&Key::Right.to_string()).await.unwrap();
            let next = b.text(".ssc__chart--geo .ssc__chart-readout").await;
            assert_ne!(said, next, "the arrow moved to another station");
            let violations = b.axe().await;
            assert!(violations.is_empty(), "{violations:#?}");
            b.click(".ssc__lang[lang=en]").await;
            b.wait_xpath("//*[contains(@class,'ssc__map-approval') and contains(text(),'Fictitious geometry')]")
                .await;
            let violations = b.axe().await;
            assert!(violations.is_empty(), "{violations:#?}");
            b.screenshot("map-geo-1280-en").await;
            b.click(".ssc__lang:not([lang=en])").await;
        }
        b.screenshot(&format!("map-geo-{width}-zh")).await;
        b.end().await;
    }
}

#[tokio::test]
async fn boundaries_without_an_approval_number_are_refused_and_the_tiles_work() {
    let b = browser(1280, 1000).await;
    let said = refusal_on(&b, "/?src=/fixtures/geo-no-approval.json&view=map").await;
    assert!(
        said.contains("没有审图号") && said.contains("分省方块图仍可使用"),
        "{said}"
    );
    assert_eq!(boundary_requests(&b).await, 0, "nothing fetched");
    assert!(b.all(".ssc__chart--geo").await.is_empty(), "nothing drawn");
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    back_to_tiles(&b).await;
    assert!(b.inked_pixels(".ssc__map-canvas").await > 1000.0);
    b.click(".ssc__lang[lang=en]").await;
    let said = refusal(&b).await;
    assert!(said.contains("no map review number"), "{said}");
    b.end().await;
}

#[tokio::test]
async fn a_missing_boundary_file_is_said_and_the_tiles_work() {
    let b = browser(1280, 1000).await;
    let said = refusal_on(&b, "/?src=/fixtures/geo-missing-file.json&view=map&lang=en").await;
    assert!(
        said.contains("could not be fetched (HTTP 404)") && said.contains("tile map still works"),
        "{said}"
    );
    back_to_tiles(&b).await;
    b.assert_clean_console(&["404"]).await;
    b.close().await;
}

#[tokio::test]
async fn the_mode_is_in_the_address_and_an_embedding_attribute() {
    let b = browser(1280, 1100).await;
    // Opening with `map=geo` lands in the boundary map.
    b.open("/?src=data/demo-geo.json&view=map&map=geo&lang=en")
        .await;
    b.wait_css(".ssc__chart--geo canvas").await;
    b.wait_css(".ssc__map-mode[data-mode=geo][aria-pressed=true]")
        .await;
    assert!(b.inked_pixels(".ssc__chart--geo canvas").await > 5000.0);
    // The toggle writes the address, like the metric does (after the next paint).
    b.click(".ssc__map-mode[data-mode=tiles]").await;
    b.wait_css(".ssc__chart--map .ssc__map-canvas").await;
    let mut url = String::new();
    for _ in 0..100 {
        url = b.url().await;
        if !url.contains("map=geo") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        !url.contains("map=geo") && url.contains("view=map"),
        "{url}"
    );
    b.click(".ssc__map-mode[data-mode=geo]").await;
    for _ in 0..100 {
        url = b.url().await;
        if url.contains("map=geo") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(url.contains("map=geo"), "{url}");
    // An embedding: `data-map="geo"`.
    b.c.goto(&format!("{}/fixtures/prerender-host.html", b.base))
        .await
        .unwrap();
    b.js("const d = document.createElement('div'); d.setAttribute('data-station-scorecards', ''); d.dataset.view = 'map'; d.dataset.map = 'geo'; d.dataset.lang = 'en'; d.dataset.src = '/data/demo-geo.json'; document.getElementById('host').append(d); import('/embed.js'); return 0;")
        .await;
    b.wait_css(".ssc__chart--geo canvas").await;
    b.wait_css(".ssc__map-approval").await;
    assert!(b.inked_pixels(".ssc__chart--geo canvas").await > 5000.0);
    assert!(
        !b.url().await.contains("map=geo"),
        "an embedding never touches the host page's address"
    );
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    b.end().await;
}
