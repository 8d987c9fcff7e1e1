//! The headline band in real Chromium: the four key figures of each seed station in the first
//! screen of a phone (zh and en), the theme reaching the canvases, the band laid out for a
//! 1920×1080 wall, axe on the new theme × view pairs, and the screenshots for people to look
//! at (`target/screenshots/headline-*.png`; the ones in docs/screenshots/ are copies).
//! Run by `cargo xtask test` (it sets `SSC_BASE_URL`, `SSC_WEBDRIVER`, `SSC_CHROMIUM`, `SSC_AXE`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::Value;
use support::{browser, Browser};

const SEEDS: [&str; 5] = ["meijiang", "xishan", "guizhu", "zhaobaoshan", "huazhonglu"];

/// Where each tile of the band is, and what its figure says (JSON from the page).
async fn tiles(b: &Browser) -> Value {
    b.wait_for_count(".ssc__band .ssc__tile", 4).await;
    b.js("return [...document.querySelectorAll('.ssc__band .ssc__tile')].map(t => {
            const fig = t.querySelector('.ssc__tile-value, .ssc__tile-na');
            const r = t.getBoundingClientRect(), f = fig.getBoundingClientRect();
            return { family: t.dataset.family, figure: fig.textContent, na: fig.classList.contains('ssc__na'),
                     top: r.top, bottom: r.bottom, left: r.left, right: r.right, figureBottom: f.bottom,
                     fontSize: parseFloat(getComputedStyle(fig).fontSize), screen: innerHeight, width: innerWidth };
        });")
        .await
}

/// The top edge of the first element `css` finds, in viewport pixels.
async fn top_of(b: &Browser, css: &str) -> f64 {
    b.js(&format!(
        "return document.querySelector('{css}').getBoundingClientRect().top;"
    ))
    .await
    .as_f64()
    .unwrap()
}

#[tokio::test]
async fn each_seed_stations_four_headline_figures_are_in_the_first_phone_screen() {
    let b = browser(390, 844).await;
    for lang in ["zh", "en"] {
        let not_reported = if lang == "zh" {
            "未报告"
        } else {
            "not reported"
        };
        for id in SEEDS {
            b.open(&format!("/?station={id}&lang={lang}")).await;
            let t = tiles(&b).await;
            let t = t.as_array().unwrap();
            let families: Vec<&str> = t.iter().map(|x| x["family"].as_str().unwrap()).collect();
            assert_eq!(
                families,
                ["incidents", "mediation", "group-coverage", "fraud"],
                "{id} {lang}"
            );
            for tile in t {
                let what = format!("{id} {lang} {}: {tile}", tile["family"]);
                assert!(tile["top"].as_f64().unwrap() >= 0.0, "{what}");
                assert!(
                    tile["bottom"].as_f64().unwrap() <= tile["screen"].as_f64().unwrap(),
                    "the whole tile is in the first screen: {what}"
                );
                assert!(
                    tile["right"].as_f64().unwrap() <= tile["width"].as_f64().unwrap(),
                    "{what}"
                );
                let figure = tile["figure"].as_str().unwrap();
                if tile["na"].as_bool().unwrap() {
                    assert_eq!(figure, not_reported, "{what}");
                } else {
                    assert!(figure.chars().any(|c| c.is_ascii_digit()), "{what}");
                }
            }
        }
    }
    // Guizhu reports no fraud figure: its tile says so, never 0.
    b.open("/?station=guizhu").await;
    let t = tiles(&b).await;
    assert_eq!(t[3]["figure"], "未报告");
    assert_eq!(t[3]["na"], true);
    // Control: the measure can fail — the source list is further down, off the first screen.
    assert!(
        top_of(&b, ".ssc__sources").await > 844.0,
        "the check above would not see a figure below the first screen"
    );
    b.close().await;
}

#[tokio::test]
async fn a_tile_says_direction_and_polarity_in_words_and_states_both_ends() {
    let b = browser(1280, 900).await;
    b.open("/?station=zhaobaoshan").await;
    tiles(&b).await;
    let incidents = b.text(".ssc__band [data-family=incidents]").await;
    // The directory's headline (daily incidents, 16.7) with the change of the same period.
    for part in [
        "16.7",
        "下降26.1%",
        "向好 · 越低越好",
        "截至2023年8月 · 较6年前",
        "6年前 → 截至2023年8月：16.7",
    ] {
        assert!(incidents.contains(part), "{part} not in {incidents}");
    }
    let fraud = b.text(".ssc__band [data-family=fraud]").await;
    assert!(fraud.contains("2019年 → 2022年"), "{fraud}");
    // The value's colour comes with the words.
    let class = b
        .js("return document.querySelector('.ssc__band [data-family=fraud] .ssc__tile-value').className")
        .await;
    assert!(
        class.as_str().unwrap().contains("ssc__value--better"),
        "{class}"
    );
    // The source mark links to the source list of this instance.
    let target = b
        .js("const a = document.querySelector('.ssc__band .ssc__source-ref'); return !!document.querySelector(a.getAttribute('href'));")
        .await;
    assert_eq!(target, true);
    b.close().await;
}

/// The colour of the pixel at the middle of the left edge of the first canvas `css` finds.
async fn edge_pixel(b: &Browser, css: &str) -> Vec<u64> {
    let v = b
        .js(&format!(
            "const c = document.querySelector('{css}'); const d = c.getContext('2d').getImageData(1, Math.floor(c.height / 2), 1, 1).data; return [d[0], d[1], d[2]];"
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn sparklines_and_charts_follow_the_theme() {
    let b = browser(1280, 1000).await;
    let page = "/?src=data/demo-synthetic.json&station=syn-00001";
    let spark = ".ssc__band [data-family=incidents] .ssc__spark-canvas";
    let chart = ".ssc__chart-canvas";
    let mut seen = Vec::new();
    for (theme, surface, chart_bg) in [
        ("light", [246, 248, 251], [255, 255, 255]),
        ("dark", [29, 35, 44], [20, 24, 31]),
        ("high-contrast", [255, 255, 255], [255, 255, 255]),
    ] {
        b.open(&format!("{page}&theme={theme}")).await;
        b.wait_css(spark).await;
        // The canvas is drawn once its box is measured.
        for _ in 0..100 {
            if b.inked_pixels(spark).await > 0.0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(
            edge_pixel(&b, spark).await,
            surface,
            "{theme}: sparkline background"
        );
        assert_eq!(
            edge_pixel(&b, chart).await,
            chart_bg,
            "{theme}: chart background"
        );
        let label = b
            .js(&format!(
                "return document.querySelector('{spark}').parentElement.getAttribute('aria-label')"
            ))
            .await;
        assert!(label.as_str().unwrap().contains("逐月走势"), "{label}");
        seen.push(theme);
        b.screenshot(&format!("headline-synthetic-{theme}-1280"))
            .await;
    }
    assert_eq!(seen.len(), 3);
    b.end().await;
}

#[tokio::test]
async fn the_big_screen_lays_the_band_out_for_a_wall() {
    let b = browser(1920, 1080).await;
    b.open("/?station=meijiang&display=big").await;
    let t = tiles(&b).await;
    let t = t.as_array().unwrap();
    let tops: Vec<f64> = t.iter().map(|x| x["top"].as_f64().unwrap()).collect();
    assert!(
        tops.iter().all(|&y| (y - tops[0]).abs() < 1.0),
        "one row: {tops:?}"
    );
    let span = t[3]["right"].as_f64().unwrap() - t[0]["left"].as_f64().unwrap();
    assert!(span > 1600.0, "the band uses the wall's width: {span}");
    for tile in t {
        assert!(tile["bottom"].as_f64().unwrap() <= 1080.0, "{tile}");
        if !tile["na"].as_bool().unwrap() {
            assert!(
                tile["fontSize"].as_f64().unwrap() >= 48.0,
                "read from a distance: {tile}"
            );
        }
    }
    b.close().await;
}

#[tokio::test]
async fn axe_is_clean_on_the_band_in_every_theme_and_width() {
    for (w, h) in [(390, 844), (1280, 900), (1920, 1080)] {
        let b = browser(w, h).await;
        for page in [
            "/?station=meijiang&theme=dark",
            "/?station=zhaobaoshan&lang=en&theme=high-contrast",
            "/?station=guizhu&theme=light&display=big",
            "/?src=data/demo-synthetic.json&station=syn-00001&theme=dark&lang=en",
            "/?theme=dark",
            "/?view=compare&compare=meijiang,zhaobaoshan&theme=dark&lang=en",
        ] {
            b.open(page).await;
            let violations = b.axe().await;
            assert!(violations.is_empty(), "{w}px {page}: {violations:#?}");
        }
        b.close().await;
    }
}

/// The screenshots for docs/screenshots/: each width, language and theme, first screen only.
#[tokio::test]
async fn screenshots_of_the_band() {
    for (w, h) in [(390, 844), (1280, 900), (1920, 1080)] {
        let b = browser(w, h).await;
        for lang in ["zh", "en"] {
            for theme in ["light", "dark"] {
                let big = if w == 1920 { "&display=big" } else { "" };
                b.open(&format!(
                    "/?station=zhaobaoshan&lang={lang}&theme={theme}{big}"
                ))
                .await;
                tiles(&b).await;
                b.screenshot(&format!("headline-{w}-{lang}-{theme}")).await;
            }
        }
        b.close().await;
    }
}
