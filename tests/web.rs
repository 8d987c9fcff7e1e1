//! Component tests in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! mount the dashboard on in-memory data and check what a person would see.
#![cfg(target_arch = "wasm32")]

mod browser;

use scorecards_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

use browser::{mount, sleep, texts, wait_for, SEEDS};

fn fixture(name: &str) -> &'static [u8] {
    match name {
        "rate-180.json" => include_bytes!("fixtures/rate-180.json"),
        "wrong-version.json" => include_bytes!("fixtures/wrong-version.json"),
        "bad-json.json" => include_bytes!("fixtures/bad-json.json"),
        "hostile-text.json" => include_bytes!("fixtures/hostile-text.json"),
        _ => panic!("no fixture {name}"),
    }
}

#[wasm_bindgen_test]
async fn directory_lists_the_five_seed_stations() {
    let root = mount(SEEDS, "seeds.json", None, None);
    wait_for(&root, ".ssc__table--directory tbody tr").await;
    let rows = root.query_selector_all("tbody tr[data-station]").unwrap();
    let ids: Vec<String> = (0..rows.length())
        .map(|i| {
            rows.item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-station")
                .unwrap()
        })
        .collect();
    assert_eq!(
        ids,
        ["meijiang", "xishan", "guizhu", "zhaobaoshan", "huazhonglu"]
    );
    let names = texts(&root, "tbody th");
    assert_eq!(names[0], "梅江派出所");
    let meijiang = texts(&root, "tr[data-station=meijiang] td").join(" ");
    assert!(meijiang.contains("下降12.9%"), "{meijiang}");
    // Guizhu reports no fraud figure: the cell says so rather than showing 0.
    let guizhu = texts(&root, "tr[data-station=guizhu] td");
    assert_eq!(
        guizhu.last().map(String::as_str),
        Some("未报告"),
        "{guizhu:?}"
    );
}

#[wasm_bindgen_test]
async fn scorecard_shows_figures_with_period_baseline_and_source() {
    let root = mount(SEEDS, "seeds.json", Some("zhaobaoshan"), None);
    wait_for(&root, ".ssc__scorecard").await;
    assert_eq!(texts(&root, "h2"), ["招宝山派出所"]);
    let fraud = texts(&root, "[data-family=fraud] tr[data-metric=fraud_cases] td");
    // The value with what it means in words; period · baseline as one caption; the source.
    assert_eq!(fraud[0], "下降14.3%向好");
    assert_eq!(fraud[1], "2022年 · 较2019年");
    assert!(
        fraud[2].starts_with('[') && fraud[2].contains("《派出所工作》"),
        "{fraud:?}"
    );
    let mediation = texts(
        &root,
        "[data-family=mediation] tr[data-metric=disputes_mediated] td",
    )
    .join(" ");
    assert!(mediation.contains("1800余"), "{mediation}");
    // The source link points at an entry of the source list of this instance.
    let link = root.query_selector(".ssc__source-ref").unwrap().unwrap();
    let target = link.get_attribute("href").unwrap();
    assert!(
        root.query_selector(&target).unwrap().is_some(),
        "{target} not found"
    );
}

#[wasm_bindgen_test]
async fn missing_key_figures_say_not_reported() {
    let root = mount(SEEDS, "seeds.json", Some("guizhu"), None);
    wait_for(&root, ".ssc__scorecard").await;
    let fraud = root
        .query_selector("[data-family=fraud]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(fraud.contains("未报告"), "{fraud}");
    assert!(
        !fraud.contains('0'),
        "a missing figure must not read as 0: {fraud}"
    );
    let profile = texts(&root, ".ssc__fact dd");
    assert!(
        profile.iter().all(|t| t == "未报告"),
        "Guizhu's report gives no profile facts: {profile:?}"
    );
}

#[wasm_bindgen_test]
async fn switching_language_translates_the_view() {
    let root = mount(SEEDS, "seeds.json", Some("meijiang"), None);
    wait_for(&root, ".ssc__scorecard").await;
    let english: HtmlElement = root
        .query_selector("button[lang=en]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    english.click();
    leptos::task::tick().await;
    sleep(20).await;
    assert_eq!(texts(&root, "h2"), ["Meijiang Police Station"]);
    let row = texts(
        &root,
        "[data-family=incidents] tr[data-metric=incidents] td",
    )
    .join(" | ");
    assert!(
        row.starts_with("down 12.9%better | 2024 · year-on-year"),
        "{row}"
    );
    assert_eq!(
        root.first_element_child()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn a_rate_of_180_percent_is_refused_with_its_path() {
    let root = mount(
        fixture("rate-180.json"),
        "rate-180.json",
        None,
        Some(Lang::En),
    );
    let alert = wait_for(&root, ".ssc__error").await;
    let text = alert.text_content().unwrap();
    assert!(text.contains("rate-180.json"), "{text}");
    assert!(text.contains("$.stations[0].figures[1].value"), "{text}");
    assert!(text.contains("180%"), "{text}");
    assert!(
        root.query_selector(".ssc__header").unwrap().is_some(),
        "the rest keeps working"
    );
    assert!(
        root.query_selector(".ssc__error button").unwrap().is_none(),
        "retrying cannot fix a bad value"
    );
}

#[wasm_bindgen_test]
async fn wrong_version_and_bad_json_have_their_own_messages() {
    let root = mount(
        fixture("wrong-version.json"),
        "wrong-version.json",
        None,
        None,
    );
    let text = wait_for(&root, ".ssc__error").await.text_content().unwrap();
    assert!(
        text.contains("schema_version") && text.contains("只支持版本 1"),
        "{text}"
    );
    let root = mount(fixture("bad-json.json"), "bad-json.json", None, None);
    let text = wait_for(&root, ".ssc__error").await.text_content().unwrap();
    assert!(
        text.contains("不是有效的 JSON") && text.contains("bad-json.json"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn text_from_data_is_never_html() {
    let root = mount(
        fixture("hostile-text.json"),
        "hostile-text.json",
        Some("alpha"),
        None,
    );
    wait_for(&root, ".ssc__scorecard").await;
    assert!(
        root.query_selector("img, script, b").unwrap().is_none(),
        "markup from data was interpreted"
    );
    assert!(texts(&root, "h2")[0].starts_with("<img src=x"));
    // Only http(s) links become links.
    let hrefs: Vec<String> = {
        let list = root.query_selector_all("a[href]").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::Element>()
                    .get_attribute("href")
                    .unwrap()
            })
            .collect()
    };
    assert!(
        hrefs
            .iter()
            .all(|h| !h.to_ascii_lowercase().starts_with("javascript:")),
        "{hrefs:?}"
    );
    // The rejected link is listed as a warning, as text.
    let warnings = texts(&root, ".ssc__warnings li").join(" ");
    assert!(
        warnings.contains("javascript:alert(1)") && warnings.contains("$.sources[1].url"),
        "{warnings}"
    );
}
