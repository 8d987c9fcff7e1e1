//! End-to-end tests: the built `dist/` served under the strict Content-Security-Policy, driven
//! in real Chromium through chromedriver. `cargo xtask test` builds, serves and sets:
//! `SSC_BASE_URL` (the server), `SSC_WEBDRIVER` (chromedriver) and `SSC_CHROMIUM` (the browser).
//! Screenshots land in `target/screenshots/` for people to look at.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;
use support::browser;

#[tokio::test]
async fn directory_lists_the_five_stations_under_the_strict_csp() {
    let b = browser(1280, 1000).await;
    b.open("/").await;
    let rows = b.all("tbody tr[data-station]").await;
    assert_eq!(rows.len(), 5);
    assert_eq!(
        b.texts("tbody tr[data-station] th").await,
        [
            "梅江派出所",
            "西山派出所",
            "贵筑派出所",
            "招宝山派出所",
            "华中路派出所"
        ]
    );
    assert!(b.text("tr[data-station=guizhu]").await.contains("未报告"));
    // The policy really is in force on the page.
    let csp = b
        .c
        .execute_async(
            "const done = arguments[0]; fetch(location.href).then(r => done(r.headers.get('content-security-policy')));",
            vec![],
        )
        .await
        .expect("fetch header");
    let csp = csp.as_str().unwrap_or_default();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.contains("style-src 'self'"),
        "{csp}"
    );
    b.screenshot("directory-zh-1280").await;
    b.assert_clean_console(&[]).await;
    // Control: the console check sees a CSP violation when there is one.
    b.c.execute("document.body.setAttribute('style', 'color: red')", vec![])
        .await
        .unwrap();
    let log = b.log().await.join("\n");
    assert!(
        log.contains("Content Security Policy") || log.contains("Refused to apply inline style"),
        "{log}"
    );
    b.close().await;
}

#[tokio::test]
async fn each_scorecard_shows_its_figures_with_sources() {
    let b = browser(1280, 2400).await;
    let expected = [
        ("meijiang", "梅江派出所", "下降12.9%"),
        ("xishan", "西山派出所", "下降约45%"),
        ("guizhu", "贵筑派出所", "10"),
        ("zhaobaoshan", "招宝山派出所", "99.3%"),
        ("huazhonglu", "华中路派出所", "95%以上"),
    ];
    for (id, name, figure) in expected {
        b.open(&format!("/?station={id}")).await;
        assert_eq!(b.text(".ssc__scorecard h2").await, name);
        let values = b.texts(".ssc__value").await;
        assert!(
            values.iter().any(|v| v == figure),
            "{id}: {figure} not in {values:?}"
        );
        let refs = b.all(".ssc__table--figures .ssc__source-ref").await;
        assert!(!refs.is_empty(), "{id}: figures without source links");
        assert!(
            !b.all(".ssc__source-list li").await.is_empty(),
            "{id}: no source list"
        );
        b.screenshot(&format!("scorecard-{id}-zh")).await;
    }
    b.end().await;
}

#[tokio::test]
async fn english_by_link_and_switching_back_to_chinese() {
    let b = browser(1280, 2400).await;
    b.open("/?station=meijiang&lang=en").await;
    assert_eq!(
        b.text(".ssc__scorecard h2").await,
        "Meijiang Police Station"
    );
    assert!(b
        .text("[data-family=incidents]")
        .await
        .contains("down 12.9%"));
    assert!(b
        .text(".ssc__profile")
        .await
        .contains("at least 53,000 people"));
    b.screenshot("scorecard-meijiang-en").await;
    b.click("button[lang=zh-CN]").await;
    b.c.wait()
        .for_element(Locator::XPath("//h2[text()='梅江派出所']"))
        .await
        .expect("Chinese heading");
    let url = b.url().await;
    assert!(
        url.contains("station=meijiang") && !url.contains("lang=en"),
        "{url}"
    );
    let html_lang =
        b.c.execute("return document.documentElement.lang", vec![])
            .await
            .unwrap();
    assert_eq!(html_lang, json!("zh-CN"));
    b.end().await;
}

/// A link to a station the data does not hold says so, in the page's language and with its
/// punctuation, and shows the directory instead of an empty page.
#[tokio::test]
async fn an_unknown_station_is_named_above_the_directory() {
    let b = browser(1280, 1000).await;
    for (lang, said) in [
        ("en", "This station is not in the data: no-such-station"),
        ("zh", "数据中没有该派出所：no-such-station"),
    ] {
        b.open(&format!("/?station=no-such-station&lang={lang}"))
            .await;
        assert_eq!(b.text(".ssc__notice[role=alert]").await, said);
        assert_eq!(b.all("tbody tr[data-station]").await.len(), 5);
    }
    b.close().await;
}

#[tokio::test]
async fn links_update_the_address_and_back_returns() {
    let b = browser(1280, 1000).await;
    b.open("/?lang=en").await;
    b.click("tr[data-station=zhaobaoshan] th a").await;
    b.wait_css(".ssc__scorecard").await;
    assert_eq!(
        b.text(".ssc__scorecard h2").await,
        "Zhaobaoshan Police Station"
    );
    let url = b.url().await;
    assert!(
        url.contains("station=zhaobaoshan") && url.contains("lang=en"),
        "{url}"
    );
    let focused =
        b.c.execute("return document.activeElement.tagName", vec![])
            .await
            .unwrap();
    assert_eq!(
        focused,
        json!("H2"),
        "focus moves to the new view's heading"
    );
    b.c.back().await.unwrap();
    b.c.wait()
        .for_element(Locator::Css(".ssc__directory"))
        .await
        .expect("back to the directory");
    assert_eq!(b.all("tbody tr[data-station]").await.len(), 5);
    b.end().await;
}

#[tokio::test]
async fn broken_and_missing_files_get_specific_messages() {
    let b = browser(1280, 1000).await;
    let cases: [(&str, &[&str], bool); 7] = [
        (
            "/?src=/fixtures/bad-json.json",
            &["bad-json.json", "不是有效的 JSON", "行"],
            false,
        ),
        (
            "/?src=/fixtures/wrong-version.json",
            &["wrong-version.json", "schema_version", "2"],
            false,
        ),
        (
            "/?src=/fixtures/rate-180.json",
            &["rate-180.json", "$.stations[0].figures[1].value", "180%"],
            false,
        ),
        (
            "/?src=/fixtures/rate-180.json&lang=en",
            &["rate-180.json", "outside 0–100%"],
            false,
        ),
        (
            "/?src=/data/missing.json",
            &["/data/missing.json", "HTTP 404", "文件不存在"],
            false,
        ),
        ("/?src=/_status/500", &["HTTP 500", "服务器出错"], true),
        ("/?src=https://example.org/x.json", &["不被允许"], false),
    ];
    for (path, needles, retry) in cases {
        b.open(path).await;
        let text = b.text(".ssc__error").await;
        for n in needles {
            assert!(text.contains(n), "{path}: {n:?} not in {text:?}");
        }
        assert_eq!(
            b.all(".ssc__error button").await.len(),
            usize::from(retry),
            "{path}: retry button"
        );
        assert!(
            !b.all(".ssc__header button").await.is_empty(),
            "{path}: the header keeps working"
        );
    }
    b.screenshot("error-rate-180-en").await;
    // The failed requests themselves are logged by the browser; nothing else may be.
    b.assert_clean_console(&["missing.json", "_status/500"])
        .await;
    b.close().await;
}

#[tokio::test]
async fn a_slow_file_shows_the_loading_state_first() {
    let b = browser(1280, 800).await;
    b.visit("/?src=/_slow/2500/data/seeds.json").await;
    let loading =
        b.c.wait()
            .at_most(Duration::from_secs(2))
            .for_element(Locator::Css(".ssc__loading"))
            .await
            .expect("a loading message while the data is on its way");
    assert!(loading.text().await.unwrap().contains("正在加载数据"));
    b.settle().await;
    assert_eq!(b.all("tbody tr[data-station]").await.len(), 5);
    b.close().await;
}

#[tokio::test]
async fn screenshots_at_phone_desktop_and_big_screen() {
    for (w, h) in [(360, 780), (1920, 1080)] {
        let b = browser(w, h).await;
        b.open("/").await;
        b.screenshot(&format!("directory-zh-{w}")).await;
        b.open("/?station=zhaobaoshan&lang=en").await;
        b.screenshot(&format!("scorecard-zhaobaoshan-en-{w}")).await;
        // Nothing spills sideways out of the component on a phone.
        let overflow = b
            .c
            .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
            .await
            .unwrap();
        let culprits = b
            .c
            .execute(
                "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.ssc__table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow.as_i64().unwrap_or(99) <= 0,
            "{w}px: page scrolls sideways by {overflow}: {culprits}"
        );
        b.close().await;
    }
}

/// axe-core (npm, installed by `cargo xtask`) on each view in both languages: WCAG 2.1 A/AA.
#[tokio::test]
async fn axe_finds_no_accessibility_violations() {
    let b = browser(1280, 1000).await;
    for page in [
        "/",
        "/?lang=en",
        "/?station=meijiang",
        "/?station=zhaobaoshan&lang=en",
        "/?station=guizhu",
        "/?src=/fixtures/rate-180.json",
        "/?station=xishan&theme=dark",
        "/?station=xishan&theme=high-contrast&lang=en",
        "/?view=compare&compare=meijiang,xishan,zhaobaoshan",
        "/?src=/fixtures/league.json&view=rank&lang=en&metric=incidents",
        "/?src=/fixtures/league.json&view=rank&metric=disputes_mediated&norm=per10k&theme=dark",
        "/?src=data/demo-synthetic.json&station=syn-00001&lang=en",
        "/examples/portal.html",
        "/examples/two-instances.html",
        "/examples/themes.html",
        "control",
    ] {
        b.open(page).await;
        if page.contains("themes") {
            b.wait_for_count(".ssc__scorecard", 4).await;
        }
        if page == "control" {
            // The harness must be able to fail: an image without alternative text is a violation.
            b.c.execute("const i = document.createElement('img'); i.src = 'favicon.svg'; document.body.append(i);", vec![]).await.unwrap();
        }
        let violations = b.axe().await;
        if page == "control" {
            assert!(
                violations.iter().any(|v| v.starts_with("image-alt")),
                "{violations:?}"
            );
        } else {
            assert!(violations.is_empty(), "{page}: {violations:#?}");
        }
    }
    b.close().await;
}
