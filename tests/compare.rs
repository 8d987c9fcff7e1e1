//! Comparison and league-table tests in real Chromium (served as in `tests/e2e.rs`).
//! `tests/fixtures/league.json` is a small synthetic set where figures can be ranked; the
//! seed stations' figures are mostly on different bases, which is what they must show.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use serde_json::json;
use support::{browser, Browser};

const LEAGUE: &str = "/?src=/fixtures/league.json&view=rank";

async fn ranked_ids(b: &Browser) -> Vec<String> {
    let v = b
        .js("return [...document.querySelectorAll('.ssc__table--league tbody tr')].map(r => r.dataset.station)")
        .await;
    serde_json::from_value(v).unwrap()
}

async fn choose(b: &Browser, select: &str, value: &str) {
    let sel = b.c.find(Locator::Css(select)).await.unwrap();
    sel.select_by_value(value).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
}

#[tokio::test]
async fn two_seed_stations_side_by_side_flag_what_is_not_comparable() {
    let b = browser(1400, 1600).await;
    b.open("/?view=compare&compare=meijiang,zhaobaoshan").await;
    assert_eq!(
        b.texts(".ssc__table--compare thead th[data-station]").await,
        ["梅江派出所", "招宝山派出所"]
    );
    // Fraud: Meijiang −41% year-on-year vs Zhaobaoshan −14.3% 2022 vs 2019: shown, flagged, not ranked.
    let row = "tr[data-metric=fraud_cases][data-measure=change]";
    assert_eq!(
        b.js(&format!(
            "return document.querySelector('{row}').dataset.ranked"
        ))
        .await,
        json!("0")
    );
    let text = b.text(row).await;
    assert!(
        text.contains("下降41%") && text.contains("下降14.3%"),
        "{text}"
    );
    assert!(text.contains("口径不一，不排名"), "{text}");
    assert!(text.contains("口径不同"), "{text}");
    assert!(
        b.all(&format!("{row} .ssc__badge--best")).await.is_empty(),
        "nothing is marked best"
    );
    // A metric only one of them reports: the other says so.
    let groups = b.text("tr[data-metric=community_groups]").await;
    assert!(
        groups.contains("389") && groups.contains("未报告"),
        "{groups}"
    );
    b.finish("compare-two-seeds").await;
}

#[tokio::test]
async fn five_stations_can_be_added_and_removed_and_the_address_follows() {
    let b = browser(1600, 1400).await;
    b.open("/?view=compare&compare=meijiang,xishan").await;
    for (n, id) in ["guizhu", "zhaobaoshan", "huazhonglu"]
        .into_iter()
        .enumerate()
    {
        choose(&b, ".ssc__picker select", id).await;
        b.wait_for_count(".ssc__table--compare thead th[data-station]", n + 3)
            .await;
    }
    assert_eq!(
        b.all(".ssc__table--compare thead th[data-station]")
            .await
            .len(),
        5
    );
    let url = b.url().await;
    assert!(
        url.contains("view=compare")
            && url.contains("compare=meijiang%2Cxishan%2Cguizhu%2Czhaobaoshan%2Chuazhonglu"),
        "{url}"
    );
    b.click(".ssc__chip-remove").await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    assert_eq!(
        b.texts(".ssc__table--compare thead th[data-station]")
            .await
            .len(),
        4
    );
    assert!(!b.url().await.contains("meijiang"));
    b.screenshot("compare-five-seeds").await;
    // Reloading the address restores the same comparison.
    let url = b.url().await;
    b.c.goto(&url).await.unwrap();
    b.settle().await;
    assert_eq!(
        b.texts(".ssc__table--compare thead th[data-station]").await,
        ["西山派出所", "贵筑派出所", "招宝山派出所", "华中路派出所"]
    );
    b.end().await;
}

#[tokio::test]
async fn league_table_ranks_filters_sorts_and_sets_apart() {
    let b = browser(1280, 1200).await;
    b.open(&format!("{LEAGUE}&metric=incidents&lang=en")).await;
    assert_eq!(
        ranked_ids(&b).await,
        [
            "guilin-f",
            "hangzhou-a",
            "hangzhou-b",
            "ningbo-c",
            "shaoxing-h",
            "wuhu-e"
        ]
    );
    assert_eq!(
        b.texts(".ssc__table--league tbody .ssc__rank").await,
        ["1 / 6", "2 / 6", "3= / 6", "3= / 6", "5 / 6", "6 / 6"]
    );
    // Percentiles with six comparable stations; ties count half.
    let pct = b.text("tr[data-station=hangzhou-b]").await;
    assert!(pct.contains("50%"), "{pct}");
    // Shaoxing H reports no change: it is computed from its monthly series, and says so.
    let computed = b.text("tr[data-station=shaoxing-h]").await;
    assert!(
        computed.contains("down 5%")
            && computed.contains(
                "computed from monthly data: Jan 2024 to Dec 2024 vs Jan 2023 to Dec 2023"
            ),
        "{computed}"
    );
    // Another basis and no figure: listed apart, not ranked last.
    assert!(b.text(".ssc__apart--basis").await.contains("Hefei D"));
    assert!(b.text(".ssc__apart--missing").await.contains("Nanning G"));
    // Filter to one province: percentiles need five, so they go.
    choose(&b, "select[id$=rank-province]", "浙江省").await;
    assert_eq!(
        ranked_ids(&b).await,
        ["hangzhou-a", "hangzhou-b", "ningbo-c", "shaoxing-h"]
    );
    assert!(b.text("tr[data-station=hangzhou-a]").await.contains('—'));
    assert!(b
        .url()
        .await
        .contains("province=%E6%B5%99%E6%B1%9F%E7%9C%81"));
    // Sort by name, then reverse.
    b.click_xpath("//th/button[text()='Station']").await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    assert_eq!(
        ranked_ids(&b).await,
        ["hangzhou-a", "hangzhou-b", "ningbo-c", "shaoxing-h"]
    );
    b.click_xpath("//th/button[text()='Station']").await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    assert_eq!(
        ranked_ids(&b).await,
        ["shaoxing-h", "ningbo-c", "hangzhou-b", "hangzhou-a"]
    );
    // Search keeps focus in the box while typing.
    choose(&b, "select[id$=rank-province]", "").await;
    let input = b.c.find(Locator::Css("input[type=search]")).await.unwrap();
    input.send_keys("hang").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    assert_eq!(ranked_ids(&b).await.len(), 2);
    let focused = b.js("return document.activeElement.type").await;
    assert_eq!(focused, json!("search"));
    b.finish("league-incidents-en").await;
}

#[tokio::test]
async fn normalised_figures_show_their_denominator_and_refuse_missing_ones() {
    let b = browser(1280, 1200).await;
    b.open(&format!("{LEAGUE}&metric=disputes_mediated&norm=per10k"))
        .await;
    // Hangzhou A: 120 / 4.2 = 28.57 per 10,000; Wuhu E has no population: apart.
    let a = b.text("tr[data-station=hangzhou-a]").await;
    assert!(a.contains("28.57") && a.contains("42,000"), "{a}");
    assert!(b.text(".ssc__apart--basis").await.contains("芜湖戊派出所"));
    b.close().await;
}

#[tokio::test]
async fn the_csv_download_holds_the_table_with_sources() {
    let b = browser(1280, 1200).await;
    b.open(&format!("{LEAGUE}&metric=mediation_success_rate"))
        .await;
    b.js("window.__blobs = []; const orig = URL.createObjectURL; URL.createObjectURL = (blob) => { window.__blobs.push(blob); return orig(blob); }; return 0;").await;
    b.click_xpath("//button[text()='下载 CSV']").await;
    let csv = b
        .c
        .execute_async("const done = arguments[0]; window.__blobs[0].arrayBuffer().then(buf => done([...new Uint8Array(buf)]));", vec![])
        .await
        .unwrap();
    let bytes: Vec<u8> = serde_json::from_value(csv).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 byte-order mark for Excel"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("station_id,station,metric_id") && header.contains("source_publisher"),
        "{header}"
    );
    let first = lines.next().unwrap();
    assert!(first.starts_with("ningbo-c,宁波丙派出所（合成）,mediation_success_rate,调解成功率,99.0,percent,exact,99%,"), "{first}");
    assert!(
        first.contains(",rank,1,6,") && first.contains("合成测试数据"),
        "{first}"
    );
    assert!(
        text.contains("guilin-f,桂林己派出所（合成）,mediation_success_rate,调解成功率,,"),
        "a station without the figure is listed with an empty value: {text}"
    );
    b.close().await;
}

#[tokio::test]
async fn back_and_forward_move_between_views() {
    let b = browser(1280, 1000).await;
    b.open("/").await;
    b.click_xpath("//nav//button[text()='排行']").await;
    b.wait_css(".ssc__league").await;
    b.click_xpath("//nav//button[text()='对比']").await;
    b.wait_css(".ssc__compare").await;
    b.c.back().await.unwrap();
    b.c.wait()
        .for_element(Locator::Css(".ssc__league"))
        .await
        .expect("back to the league table");
    b.c.back().await.unwrap();
    b.c.wait()
        .for_element(Locator::Css(".ssc__directory"))
        .await
        .expect("back to the directory");
    b.c.forward().await.unwrap();
    b.c.wait()
        .for_element(Locator::Css(".ssc__league"))
        .await
        .expect("forward again");
    b.close().await;
}

/// Keyboard only: directory → scorecard → comparison, with focus following each step.
#[tokio::test]
async fn keyboard_walkthrough_from_directory_to_comparison() {
    let b = browser(1280, 1000).await;
    b.open("/").await;
    let body = b.c.find(Locator::Css("body")).await.unwrap();
    // Tab until the first station link has focus, then Enter.
    let mut found = false;
    for _ in 0..30 {
        body.send_keys("\u{E004}").await.unwrap();
        let active = b.js("return document.activeElement.textContent").await;
        if active == json!("梅江派出所") {
            found = true;
            break;
        }
    }
    assert!(found, "the first station link is reachable with Tab");
    b.press("\u{E007}").await;
    b.wait_css(".ssc__scorecard").await;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        b.js("return document.activeElement.textContent").await,
        json!("梅江派出所"),
        "focus on the new heading"
    );
    for _ in 0..10 {
        b.press("\u{E004}").await;
        if b.js("return document.activeElement.textContent").await == json!("加入对比") {
            break;
        }
    }
    b.press("\u{E007}").await;
    b.c.wait()
        .for_element(Locator::Css(".ssc__compare"))
        .await
        .expect("Enter on 'add to comparison' opens it");
    assert_eq!(b.texts(".ssc__chip").await.len(), 1);
    assert!(b.url().await.contains("compare=meijiang"));
    b.close().await;
}

#[tokio::test]
async fn the_league_bar_chart_shows_comparable_stations_best_first() {
    let b = browser(1280, 1400).await;
    b.open(&format!("{LEAGUE}&metric=incidents&lang=en")).await;
    b.wait_for_count(".ssc__chart--bars canvas", 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let inked = b.inked_pixels(".ssc__chart--bars canvas").await;
    assert!(inked > 2000.0, "the bars are drawn: {inked}");
    assert!(
        b.text(".ssc__chart--bars .ssc__chart-box").await.is_empty(),
        "the canvas itself is hidden from screen readers"
    );
    let label = b.js("return document.querySelector('.ssc__chart--bars .ssc__chart-box').getAttribute('aria-label')").await;
    assert!(
        label.as_str().unwrap().contains("Lower is better"),
        "{label}"
    );
    let chart_box =
        b.c.find(Locator::Css(".ssc__chart--bars .ssc__chart-box"))
            .await
            .unwrap();
    chart_box
        .send_keys(&fantoccini::key::Key::Home.to_string())
        .await
        .unwrap();
    let readout = b.text(".ssc__chart--bars .ssc__chart-readout").await;
    assert!(
        readout.starts_with("1. Guilin F (synthetic)") && readout.contains("-20%"),
        "{readout}"
    );
    chart_box
        .send_keys(&fantoccini::key::Key::End.to_string())
        .await
        .unwrap();
    let readout = b.text(".ssc__chart--bars .ssc__chart-readout").await;
    assert!(
        readout.starts_with("6. Wuhu E (synthetic)"),
        "only comparable stations, last is the worst: {readout}"
    );
    b.finish("league-bars-en").await;
}

#[tokio::test]
async fn ranked_rows_of_a_comparison_get_a_bar_chart_and_unranked_ones_do_not() {
    let b = browser(1400, 1600).await;
    b.open("/?src=/fixtures/league.json&view=compare&compare=hangzhou-a,ningbo-c,hefei-d&lang=en")
        .await;
    // Incidents: Hefei D is on another basis, the other two are ranked → one chart with two bars.
    let titles = b.texts(".ssc__chart--bars .ssc__chart-title").await;
    assert!(
        titles.iter().any(|t| t == "All incidents · Change"),
        "{titles:?}"
    );
    // The seeds have no ranked row, so no chart at all.
    b.open("/?view=compare&compare=meijiang,xishan").await;
    assert!(b.all(".ssc__chart--bars").await.is_empty());
    b.close().await;
}
