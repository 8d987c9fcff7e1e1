//! The map's PNG export in real Chromium, tile and geographic mode: reached and used with the
//! keyboard, labelled in zh and en, axe clean; the image is the canvas as drawn (pixel for
//! pixel, so the legend and — in geographic mode — the approval or fictitious label drawn
//! on it are there) with a title above and the source lines below, named like the charts'
//! exports. The images are written to target/screenshots/ for a look.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;
use support::{browser, Browser};

const ROWS: &str = ".ssc__table--map tbody tr";
const TILES: &str = "/?src=data/demo-synthetic.json&view=map&metric=incidents&measure=level";
const GEO: &str = "/?src=data/demo-geo.json&view=map&metric=incidents&measure=level";
const BUTTON: &str = ".ssc__map-export button";

/// Opens the tile map of the synthetic demo (`extra` appended to the address) and waits for
/// its canvas to be drawn.
async fn open_tiles(b: &Browser, extra: &str) {
    b.open(&format!("{TILES}{extra}")).await;
    b.wait_for_count(ROWS, 34).await;
    b.wait_css(".ssc__chart--map canvas").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
}

async fn assert_axe_clean(b: &Browser) {
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
}

/// Presses the export button with the keyboard (the anchor's click is caught, so nothing is
/// saved), then decodes the offered image and compares it with the canvas `canvas`.
async fn export(b: &Browser, canvas: &str) -> Value {
    b.js("window.__dl = null; HTMLAnchorElement.prototype.click = function () { window.__dl = { href: this.href, name: this.download }; }; return 0;").await;
    let button = b.c.find(Locator::Css(BUTTON)).await.unwrap();
    button.send_keys(&Key::Enter.to_string()).await.unwrap();
    let script = format!(
        r#"const done = arguments[0]; const d = window.__dl; const c = document.querySelector('{canvas}');
        if (!d) {{ done({{ error: 'nothing offered' }}); return; }}
        const img = new Image();
        img.onerror = () => done({{ error: 'not an image' }});
        img.onload = () => {{
          const k = document.createElement('canvas'); k.width = img.width; k.height = img.height;
          const x = k.getContext('2d'); x.drawImage(img, 0, 0);
          const all = x.getImageData(0, 0, img.width, img.height).data;
          const bg = [all[0], all[1], all[2]];
          const inked = (y0, y1) => {{ let n = 0; for (let y = y0; y < y1; y++) for (let i = y * img.width * 4; i < (y + 1) * img.width * 4; i += 4)
            if (Math.abs(all[i] - bg[0]) + Math.abs(all[i + 1] - bg[1]) + Math.abs(all[i + 2] - bg[2]) > 60) n++; return n; }};
          const r = Math.max(1, devicePixelRatio), pad = Math.round(12 * r), top = pad + Math.round(16 * r) + pad;
          const cd = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          const sub = x.getImageData(pad, top, c.width, c.height).data;
          let opaque = 0, diff = 0;
          for (let i = 0; i < cd.length; i += 4) if (cd[i + 3] === 255) {{ opaque++;
            if (Math.abs(cd[i] - sub[i]) + Math.abs(cd[i + 1] - sub[i + 1]) + Math.abs(cd[i + 2] - sub[i + 2]) > 6) diff++; }}
          done({{ name: d.name, href: d.href, w: img.width, h: img.height, cw: c.width, ch: c.height,
            bg: bg[0] + bg[1] + bg[2], title: inked(0, top), map: inked(top, top + c.height), foot: inked(top + c.height, img.height), opaque, diff }});
        }};
        img.src = d.href;"#
    );
    b.c.execute_async(&script, vec![]).await.unwrap()
}

/// Checks the image `got` and writes it to target/screenshots/`name`.png.
fn check(got: &Value, name_prefix: &str, name: &str) {
    assert!(got.get("error").is_none(), "{got}");
    let file = got["name"].as_str().unwrap();
    assert!(
        file.starts_with(name_prefix) && file.ends_with(".png"),
        "{file}"
    );
    let href = got["href"].as_str().unwrap();
    let data = href
        .strip_prefix("data:image/png;base64,")
        .unwrap_or_else(|| panic!("a PNG data address: {}", &href[..40.min(href.len())]));
    let n = |k: &str| got[k].as_f64().unwrap();
    assert!(n("w") > n("cw"), "margins around the map: {got:?}");
    assert!(
        n("h") > n("ch") + 60.0,
        "a title above and source lines below: {}",
        n("h")
    );
    assert!(n("title") > 200.0, "the title is written: {}", n("title"));
    assert!(
        n("foot") > 200.0,
        "the source lines are written: {}",
        n("foot")
    );
    assert!(n("map") > 5000.0, "the map is not blank: {}", n("map"));
    assert!(n("opaque") > 1000.0);
    assert!(
        n("diff") <= n("opaque") * 0.001,
        "the picture is the canvas as drawn: {} of {} pixels differ",
        n("diff"),
        n("opaque")
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/screenshots");
    std::fs::create_dir_all(dir).unwrap();
    let png = base64(data);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    std::fs::write(format!("{dir}/{name}.png"), png).unwrap();
}

#[tokio::test]
async fn the_tile_map_exports_a_framed_png_in_both_languages() {
    let b = browser(1280, 1200).await;
    open_tiles(&b, "").await;
    assert_eq!(b.text(BUTTON).await, "下载地图图片（PNG）");
    let got = export(&b, ".ssc__chart--map canvas").await;
    check(&got, "map-incidents-level", "map-export-tiles-zh");
    let said = b.text(".ssc__map-export [role=status]").await;
    assert!(said.contains("map-incidents-level"), "{said}");
    assert_axe_clean(&b).await;
    b.click(".ssc__lang[lang=en]").await;
    b.wait_xpath("//*[contains(@class,'ssc__map-export')]/button[text()='Download the map (PNG)']")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let en = export(&b, ".ssc__chart--map canvas").await;
    check(&en, "map-incidents-level", "map-export-tiles-en");
    assert_eq!(got["name"], en["name"], "one file name in both languages");
    assert_axe_clean(&b).await;
    b.end().await;
}

#[tokio::test]
async fn on_a_phone_the_texts_are_broken_to_the_picture_width() {
    let b = browser(390, 900).await;
    open_tiles(&b, "").await;
    let got = export(&b, ".ssc__chart--map canvas").await;
    check(&got, "map-incidents-level", "map-export-tiles-zh-390");
    let (w, cw) = (got["w"].as_f64().unwrap(), got["cw"].as_f64().unwrap());
    assert!(
        w <= cw + 80.0,
        "no wider than the picture and its margins: {w} / {cw}"
    );
    b.end().await;
}

#[tokio::test]
async fn the_boundary_map_exports_its_approval_label_with_the_picture() {
    let b = browser(1280, 1100).await;
    b.open(GEO).await;
    b.wait_for_count(ROWS, 34).await;
    b.click(".ssc__map-mode[data-mode=geo]").await;
    b.wait_css(".ssc__chart--geo canvas").await;
    b.wait_css(".ssc__map-approval").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let got = export(&b, ".ssc__chart--geo canvas").await;
    check(&got, "map-geo-incidents-level", "map-export-geo-zh");
    assert_axe_clean(&b).await;
    b.click(".ssc__lang[lang=en]").await;
    b.wait_xpath(
        "//*[contains(@class,'ssc__map-approval') and contains(text(),'Fictitious geometry')]",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let en = export(&b, ".ssc__chart--geo canvas").await;
    check(&en, "map-geo-incidents-level", "map-export-geo-en");
    b.end().await;
}

/// Decodes standard base64 (the test needs no crate for it).
fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[tokio::test]
async fn in_the_dark_theme_the_frame_is_dark_too() {
    let b = browser(1280, 1200).await;
    open_tiles(&b, "&theme=dark").await;
    let got = export(&b, ".ssc__chart--map canvas").await;
    check(&got, "map-incidents-level", "map-export-tiles-zh-dark");
    assert!(
        got["bg"].as_f64().unwrap() < 200.0,
        "a dark background: {}",
        got["bg"]
    );
    b.end().await;
}

#[tokio::test]
async fn refused_boundaries_offer_no_image_and_say_so() {
    let b = browser(1280, 1000).await;
    b.open("/?src=/fixtures/geo-no-approval.json&view=map")
        .await;
    b.wait_for_count(ROWS, 34).await;
    b.click(".ssc__map-mode[data-mode=geo]").await;
    b.wait_css(".ssc__map-geo-refused").await;
    b.js("window.__dl = null; HTMLAnchorElement.prototype.click = function () { window.__dl = { href: this.href, name: this.download }; }; return 0;").await;
    let button = b.c.find(Locator::Css(BUTTON)).await.unwrap();
    button.send_keys(&Key::Enter.to_string()).await.unwrap();
    let said = b.text(".ssc__map-export [role=status]").await;
    assert!(said.contains("地图尚未绘制"), "{said}");
    assert_eq!(
        b.js("return window.__dl").await,
        Value::Null,
        "nothing offered"
    );
    b.end().await;
}
