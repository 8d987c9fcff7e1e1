//! Prerendered views in real Chromium (docs/embedding.md, "Prerendered views"): the same text
//! as the live app, inert data, shown with JavaScript off, taken over in place (focus, scroll,
//! no layout shift), and the fallbacks (missing or stale view). `cargo xtask build` renders
//! the bundled data into `dist/data/*.rendered/`; see `tests/e2e.rs` for how it is served.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;

use serde_json::{json, Value};
use support::{browser, Browser};

const SEEDS: [&str; 5] = ["meijiang", "xishan", "guizhu", "zhaobaoshan", "huazhonglu"];
const HOST: &str = "/fixtures/prerender-host.html";

/// The visible text of a dashboard root, whitespace collapsed: without what is drawn (the
/// chart images and canvases, hidden from assistive technology and holding no text of the
/// page) and without the embed snippet (its addresses are the page's, unknown when rendering).
const TEXT_OF: &str = "function textOf(root) { const c = root.cloneNode(true); c.querySelectorAll('[aria-hidden=\"true\"], img, canvas, .ssc__embed').forEach(e => e.remove()); return c.textContent.replace(/\\s+/g, ' ').trim(); }";

/// Layout shifts as the page reports them (without those right after input), summed.
const WATCH_SHIFTS: &str = "window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true }); return 0;";

/// Records whether a prerendered root ever appears on the page.
const WATCH_PRERENDERED: &str = "window.__sawPrerendered = !!document.querySelector('[data-ssc-prerendered]'); new MutationObserver(() => { if (document.querySelector('[data-ssc-prerendered]')) window.__sawPrerendered = true; }).observe(document.body, { subtree: true, childList: true }); return 0;";

/// Pastes `html` (a prerendered view) into `#host` as a portal's CMS would: as markup.
const PASTE: &str = "const [html, attrs] = arguments; const host = document.getElementById('host'); for (const [k, v] of Object.entries(attrs)) host.setAttribute(k, v); host.innerHTML = html; return host.querySelectorAll('[data-ssc-prerendered] .ssc__value').length;";

async fn fetch_text(b: &Browser, path: &str) -> String {
    let v = b
        .c
        .execute_async(
            "const done = arguments[1]; fetch(arguments[0]).then(r => r.ok ? r.text() : Promise.reject(r.status)).then(done, e => done('FAILED ' + e));",
            vec![json!(path)],
        )
        .await
        .expect("fetch");
    let text = v.as_str().unwrap_or_default().to_string();
    assert!(!text.starts_with("FAILED"), "{path}: {text}");
    text
}

/// The normalised text of a prerendered file, parsed by the browser.
async fn prerendered_text(b: &Browser, path: &str) -> String {
    let html = fetch_text(b, path).await;
    let v = b
        .c
        .execute(
            &format!("{TEXT_OF}; const d = new DOMParser().parseFromString(arguments[0], 'text/html'); return textOf(d.querySelector('[data-ssc-prerendered]'));"),
            vec![json!(html)],
        )
        .await
        .expect("parse");
    v.as_str().unwrap().to_string()
}

async fn live_text(b: &Browser) -> String {
    let v = b
        .js(&format!("{TEXT_OF}; const r = document.querySelectorAll('.ssc[data-ssc-uid]'); if (r.length !== 1 || document.querySelector('[data-ssc-prerendered]')) return 'NOT TAKEN OVER'; return textOf(r[0]);"))
        .await;
    v.as_str().unwrap().to_string()
}

/// Whether the page loaded `path` (a prerendered view) with success.
async fn loaded(b: &Browser, path: &str) -> bool {
    b.js(&format!(
        "return performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === '{path}' && (e.responseStatus ?? 200) === 200)"
    ))
    .await
        == json!(true)
}

async fn import_embed(b: &Browser) {
    b.js("import('/embed.js'); return 0;").await;
}

#[tokio::test]
async fn rendered_text_is_the_live_apps_text_in_every_seed_view() {
    let b = browser(1280, 1000).await;
    let mut views: Vec<(String, String)> = vec![("index.html".into(), String::new())];
    for id in SEEDS {
        views.push((format!("station/{id}.html"), format!("station={id}&")));
    }
    let mut compared = 0;
    for lang in ["zh", "en"] {
        for (file, query) in &views {
            for (dir, embed) in [("", "&embed=1"), ("page/", "")] {
                let path = format!("/data/seeds.rendered/{dir}{lang}/{file}");
                b.visit(HOST).await;
                let rendered = prerendered_text(&b, &path).await;
                b.open(&format!("/?{query}lang={lang}{embed}")).await;
                assert!(loaded(&b, &path).await, "the page did not use {path}");
                let live = live_text(&b).await;
                assert!(rendered.len() > 200, "{path}: {rendered}");
                assert_eq!(
                    rendered, live,
                    "{path}: the prerendered text differs from the live app's"
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 24);
    b.end().await;
}

/// The `scorecards` binary `cargo xtask build` built for its prerendering step.
fn scorecards_bin() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let bin = target
        .join("debug")
        .join(format!("scorecards{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo xtask build` first",
        bin.display()
    );
    bin
}

/// Renders `tests/fixtures/injection.json` with `scorecards render` into a fresh directory.
fn render_injection() -> PathBuf {
    let out = std::env::temp_dir().join(format!("ssc-prerender-injection-{}", std::process::id()));
    let status = std::process::Command::new(scorecards_bin())
        .arg("render")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/injection.json"
        ))
        .arg("--out")
        .arg(&out)
        .status()
        .expect("run scorecards render");
    assert!(status.success());
    out
}

/// Nothing from data ran, became an element or an attribute, or became a link that is not
/// http(s) or the dashboard's own.
async fn assert_inert(b: &Browser, what: &str) {
    assert_eq!(
        b.js("return window.__pwned ?? null").await,
        json!(null),
        "{what}: script from data ran"
    );
    let found = b
        .js("return [...document.querySelectorAll('.ssc script, .ssc iframe, .ssc svg, .ssc b, .ssc i, .ssc img:not(.ssc__chart-svg), .ssc [onerror], .ssc [onload], .ssc [onmouseover], .ssc [style]')].map(e => e.outerHTML.slice(0, 80))")
        .await;
    assert_eq!(found, json!([]), "{what}: markup from data became elements");
    let bad = b
        .js("return [...document.querySelectorAll('.ssc [href], .ssc [src]')].map(e => e.getAttribute('href') ?? e.getAttribute('src')).filter(v => !/^(#|\\?|https?:\\/\\/|data:image\\/svg\\+xml;)/i.test(v.trim()))")
        .await;
    assert_eq!(bad, json!([]), "{what}: a link from data");
}

#[tokio::test]
async fn the_injection_file_renders_inert_before_and_after_takeover() {
    let out = render_injection();
    let b = browser(1280, 1000).await;
    for lang in ["zh", "en"] {
        for file in [
            "index.html",
            "station/alpha.html",
            "station/beta.html",
            "station/gamma.html",
            "station/delta.html",
        ] {
            let path = out.join(lang).join(file);
            let html = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let what = format!("{lang}/{file}");
            b.visit(HOST).await;
            let station = file
                .strip_prefix("station/")
                .and_then(|f| f.strip_suffix(".html"))
                .unwrap_or("");
            let mut attrs = json!({ "data-station-scorecards": "", "data-src": "/fixtures/injection.json", "data-lang": lang });
            if !station.is_empty() {
                attrs["data-station"] = json!(station);
            }
            b.c.execute(PASTE, vec![json!(html), attrs]).await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            assert_inert(&b, &format!("{what}, prerendered")).await;
            import_embed(&b).await;
            b.settle().await;
            assert_ne!(live_text(&b).await, "NOT TAKEN OVER", "{what}");
            assert_inert(&b, &format!("{what}, live")).await;
        }
    }
    b.end().await;
    let _ = std::fs::remove_dir_all(out);
}

#[tokio::test]
async fn a_pasted_view_reads_with_javascript_off_and_is_axe_clean() {
    let b = browser(390, 844).await;
    for lang in ["zh", "en"] {
        for file in [
            "index.html",
            "station/meijiang.html",
            "station/huazhonglu.html",
        ] {
            b.visit(HOST).await;
            let html = fetch_text(&b, &format!("/data/seeds.rendered/{lang}/{file}")).await;
            let values =
                b.c.execute(
                    PASTE,
                    vec![json!(html), json!({ "data-station-scorecards": "" })],
                )
                .await
                .unwrap();
            if file != "index.html" {
                assert!(values.as_u64().unwrap() > 3, "{lang}/{file}: {values}");
            }
            // Styled: the component's stylesheet applies to the pasted markup.
            let styled = b
                .js("return getComputedStyle(document.querySelector('#host > .ssc')).getPropertyValue('--_accent').trim()")
                .await;
            assert_eq!(styled, json!("#1d4e89"), "{lang}/{file}");
            let violations = b.axe().await;
            assert!(violations.is_empty(), "{lang}/{file}: {violations:#?}");
            if lang == "zh" && file == "station/meijiang.html" {
                b.screenshot("prerendered-js-off-390").await;
            }
        }
    }
    b.end().await;
}

#[tokio::test]
async fn the_live_app_takes_over_in_place_keeping_focus_and_scroll() {
    let b = browser(390, 844).await;
    b.visit(HOST).await;
    b.js(WATCH_SHIFTS).await;
    let html = fetch_text(&b, "/data/seeds.rendered/zh/station/meijiang.html").await;
    // The data arrives late, so the prerendered view is what the reader uses meanwhile.
    b.c.execute(
        PASTE,
        vec![
            json!(html),
            json!({ "data-station-scorecards": "", "data-station": "meijiang", "data-lang": "zh", "data-src": "/_slow/2500/data/seeds.json" }),
        ],
    )
    .await
    .unwrap();
    import_embed(&b).await;
    // Focus a footnote link far down the view, open a quote, scroll the page.
    let before = b
        .js("const links = document.querySelectorAll('[data-ssc-prerendered] .ssc__source-ref'); const el = links[links.length - 1]; el.focus(); el.scrollIntoView({ block: 'center' }); const q = document.querySelector('[data-ssc-prerendered] details.ssc__quote'); if (q) q.open = true; return [el.textContent, window.scrollY, !!q, document.querySelector('[data-ssc-prerendered]') !== null];")
        .await;
    assert_eq!(
        before[3],
        json!(true),
        "the live app took over before the data arrived"
    );
    assert!(before[1].as_f64().unwrap() > 300.0, "{before}");
    b.settle().await;
    let after = b
        .js("const a = document.activeElement; return [a.textContent, window.scrollY, !!a.closest('.ssc[data-ssc-uid]'), a.classList.contains('ssc__source-ref'), document.querySelector('.ssc[data-ssc-uid] details.ssc__quote')?.open ?? false, document.querySelectorAll('[data-ssc-prerendered]').length, window.__cls];")
        .await;
    assert_eq!(after[5], json!(0), "the prerendered view is still there");
    assert_eq!(
        after[2],
        json!(true),
        "focus is not in the live app: {after}"
    );
    assert_eq!(
        after[3],
        json!(true),
        "focus moved to another kind of element: {after}"
    );
    assert_eq!(after[0], before[0], "focus moved to another link");
    let (y0, y1) = (before[1].as_f64().unwrap(), after[1].as_f64().unwrap());
    assert!(
        (y0 - y1).abs() <= 1.0,
        "the page scrolled from {y0} to {y1}"
    );
    assert_eq!(after[4], before[2], "the open quote closed");
    let cls = after[6].as_f64().unwrap();
    assert!(cls <= 0.01, "layout shift through the takeover: {cls}");
    b.finish("prerendered-after-takeover-390").await;
}

#[tokio::test]
async fn a_stale_view_is_replaced_once_the_data_is_known() {
    let b = browser(1280, 1000).await;
    b.visit(HOST).await;
    let html = fetch_text(&b, "/data/seeds.rendered/en/station/meijiang.html").await;
    b.c.execute(
        PASTE,
        vec![
            json!(html),
            json!({ "data-station-scorecards": "", "data-station": "meijiang", "data-lang": "en" }),
        ],
    )
    .await
    .unwrap();
    // An older rendering: other figures, another generated_at.
    b.js("const v = document.querySelector('[data-ssc-prerendered]'); v.setAttribute('data-generated-at', '2020-01-01T00:00:00+08:00'); v.querySelectorAll('.ssc__value').forEach(e => e.textContent = '987,654'); return 0;")
        .await;
    import_embed(&b).await;
    b.settle().await;
    let state = b
        .js("const r = document.querySelector('.ssc[data-ssc-uid]'); return [document.body.textContent.includes('987,654'), r.getAttribute('data-generated-at'), r.getAttribute('data-ssc-rendered'), document.querySelectorAll('.ssc').length];")
        .await;
    assert_eq!(
        state,
        json!([false, "2026-11-23T00:00:00+08:00", "data", 1])
    );
    b.end().await;
}

#[tokio::test]
async fn a_missing_view_falls_back_to_the_plain_path() {
    let b = browser(1280, 1000).await;
    // Embedded: no view is rendered beside this file.
    b.visit(HOST).await;
    b.js(WATCH_PRERENDERED).await;
    b.js("const h = document.getElementById('host'); h.setAttribute('data-station-scorecards', ''); h.setAttribute('data-src', '/fixtures/league.json'); h.setAttribute('data-station', 'hangzhou-a'); return 0;").await;
    import_embed(&b).await;
    b.settle().await;
    assert_eq!(b.js("return window.__sawPrerendered").await, json!(false));
    b.wait_css("#host .ssc[data-ssc-uid] .ssc__scorecard").await;
    // The standalone page, the same.
    b.open("/?src=/fixtures/league.json&station=hangzhou-a&lang=en")
        .await;
    b.wait_css(".ssc[data-ssc-uid] .ssc__scorecard").await;
    assert_eq!(b.all("[data-ssc-prerendered]").await.len(), 0);
    b.end().await;
}

#[tokio::test]
async fn example_pages_show_their_prerendered_views_then_the_live_app() {
    let b = browser(1280, 1000).await;
    for (page, view) in [
        (
            "/?station=meijiang",
            "/data/seeds.rendered/page/zh/station/meijiang.html",
        ),
        ("/?lang=en", "/data/seeds.rendered/page/en/index.html"),
        (
            "/examples/portal.html",
            "/data/seeds.rendered/zh/station/meijiang.html",
        ),
        (
            "/examples/strict-csp.html",
            "/data/seeds.rendered/en/station/zhaobaoshan.html",
        ),
        (
            "/examples/hostile.html",
            "/data/seeds.rendered/en/station/meijiang.html",
        ),
    ] {
        b.visit(page).await;
        b.settle().await;
        assert!(loaded(&b, view).await, "{page} did not use {view}");
        let roots: Value = b
            .js("return [...document.querySelectorAll('.ssc')].map(r => [r.hasAttribute('data-ssc-uid'), r.getAttribute('data-ssc-rendered')])")
            .await;
        for r in roots.as_array().unwrap() {
            assert_eq!(r, &json!([true, "data"]), "{page}: {roots}");
        }
        if page.contains("strict-csp") {
            // The theme the element asked for, in the live app as in the view before it.
            assert_eq!(b.all(".ssc.ssc--theme-light").await.len(), 1);
        }
    }
    b.end().await;
}
