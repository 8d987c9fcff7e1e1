//! Hardening in a real browser: markup and links from data stay inert, failing networks give
//! specific messages and recover on retry, a file above the limit is refused, axe is clean on
//! every example page and error view, and a thousand view switches leave nothing behind.
//!
//! Network faults come from a proxy in this test binary (`support/faults.rs`) placed in front
//! of the dashboard's server, so the page and its data stay same-origin under the strict CSP.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{browser, faults, Browser};

const INJECTION: &str = "/fixtures/injection.json";

/// A browser whose page addresses go through the fault proxy.
async fn browser_behind_proxy(width: u32, height: u32) -> Browser {
    let mut b = browser(width, height).await;
    b.base = faults::proxy(&b.base).base.clone();
    b
}

/// Everything a page must satisfy whatever the data: nothing from data ran, became an
/// element, or became a link other than http(s).
async fn assert_inert(b: &Browser, page: &str) {
    assert_eq!(
        b.js("return window.__pwned ?? null").await,
        json!(null),
        "{page}: script from data ran"
    );
    let found = b
        .js("return [...document.querySelectorAll('.ssc script, .ssc img, .ssc iframe, .ssc svg, .ssc b, .ssc i, .ssc [onerror], .ssc [onload], .ssc [onmouseover]')].map(e => e.outerHTML.slice(0, 80))")
        .await;
    assert_eq!(found, json!([]), "{page}: markup from data became elements");
    let links = b
        .js("return [...document.querySelectorAll('.ssc a[href]')].map(a => [a.getAttribute('href'), a.getAttribute('rel') || ''])")
        .await;
    for link in links.as_array().unwrap() {
        let href = link[0].as_str().unwrap();
        let rel = link[1].as_str().unwrap();
        let lower = href.trim().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let same_site = href.starts_with(&b.base);
            assert!(
                same_site || (rel.contains("noopener") && rel.contains("noreferrer")),
                "{page}: external link {href} without rel=noopener noreferrer"
            );
        } else {
            // Links the dashboard makes itself: its own views (`?station=…`) and anchors.
            assert!(
                lower.starts_with('?') || lower.starts_with('#'),
                "{page}: a link that is neither http(s) nor the dashboard's own: {href}"
            );
        }
    }
    let text = b.js("return document.body.innerText").await;
    let text = text.as_str().unwrap();
    assert!(
        !text
            .chars()
            .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
        "{page}: a direction control reached the page"
    );
}

#[tokio::test]
async fn markup_scripts_and_bad_links_in_data_stay_inert_in_every_view() {
    let b = browser(1280, 1000).await;
    let views = [
        "",
        "&station=alpha",
        "&station=beta&lang=en",
        "&station=gamma",
        "&station=delta&lang=en",
        "&view=compare&compare=alpha,beta,gamma,delta",
        "&view=compare&compare=alpha,beta,gamma,delta&lang=en",
        "&view=rank&metric=mediation_success_rate",
        "&view=rank&metric=mediation_success_rate&lang=en",
    ];
    for v in views {
        let page = format!("/?src={INJECTION}{v}");
        b.open(&page).await;
        assert!(
            b.all(".ssc__error").await.is_empty(),
            "{page}: the file should load (its problems are warnings)"
        );
        assert_inert(&b, &page).await;
    }

    // The markup is shown as the text it is.
    b.open(&format!("/?src={INJECTION}&station=beta")).await;
    assert_eq!(
        b.text(".ssc__scorecard h2").await,
        "<script>window.__pwned='script'</script>乙派出所"
    );
    // Only the http(s) source became a link, with rel=noopener noreferrer; the others are
    // text, and each is listed as a warning.
    b.open(&format!("/?src={INJECTION}&station=alpha&lang=en"))
        .await;
    let hrefs = b
        .js("return [...document.querySelectorAll('.ssc a[href^=\"http\"]')].map(a => a.href)")
        .await;
    assert_eq!(
        hrefs,
        json!(["https://example.org/report?a=%3Cb%3E&b=%22x%22"]),
        "the valid link of source s1 (alpha cites only s1)"
    );
    // The warnings sit in a closed <details>: read their text, not what is visible.
    let warnings = b
        .js("return [...document.querySelectorAll('.ssc__warnings li')].map(l => l.textContent).join('\\n')")
        .await;
    let warnings = warnings.as_str().unwrap_or_default();
    for needle in [
        "javascript:window.__pwned='js-link'",
        "data:text/html",
        "JaVaScRiPt:",
        "//evil.example/x",
        "$.stations[2].name.zh",
        "text-direction controls (U+202E)",
    ] {
        assert!(warnings.contains(needle), "{needle:?} not in {warnings}");
    }
    // Direction controls are removed, so Gamma's name reads as published minus them.
    b.open(&format!("/?src={INJECTION}&station=gamma&lang=en"))
        .await;
    assert_eq!(b.text(".ssc__scorecard h2").await, "Gamma noitatsx");
    b.finish("injection-gamma-en").await;
}

/// Files of the hostile corpus the browser reads in another encoding than UTF-8 (issue #17),
/// with the warning that says so and a text of the file that then reads right.
const READ_IN_ANOTHER_ENCODING: [(&str, &str, &str); 2] = [
    ("gbk.json", "it was read as GB18030", "Hostile corpus"),
    ("latin1.json", "it was read as Latin-1", "Café Station"),
];

/// Every file of the hostile corpus (`tests/fixtures/hostile/cases.tsv`, shared with the
/// `validate` golden tests) in the browser: each shows its own message (or, for the files
/// that load, the text the manifest names), with the file's name, and the page stays usable.
#[tokio::test]
async fn every_hostile_file_gets_its_specific_message_in_the_browser() {
    let b = browser(1280, 1000).await;
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/cases.tsv"
    ))
    .unwrap();
    let mut checked = 0;
    for line in manifest.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, kind, expect) = (cols[0], cols[1], cols[2]);
        b.open(&format!("/?lang=en&src=/fixtures/hostile/{file}"))
            .await;
        if let Some((_, read_as, text)) = READ_IN_ANOTHER_ENCODING.iter().find(|c| c.0 == file) {
            // `validate` refuses it (the manifest's verdict); the browser reads it as the
            // encoding it looks like and says so among the warnings.
            assert!(b.all(".ssc__error").await.is_empty(), "{file} should load");
            let warnings = b
                .js("return document.querySelector('.ssc__warnings').textContent")
                .await;
            let warnings = warnings.as_str().unwrap_or("");
            assert!(
                warnings.contains(read_as),
                "{file}: {read_as:?} not in {warnings:?}"
            );
            let page = b
                .js("return document.querySelector('.ssc').textContent")
                .await;
            let page = page.as_str().unwrap_or("");
            assert!(page.contains(text), "{file}: {text:?} not in {page:?}");
            checked += 1;
            continue;
        }
        let shown = if kind == "ok" || kind == "warnings" {
            assert!(b.all(".ssc__error").await.is_empty(), "{file} should load");
            b.js("return document.querySelector('.ssc').textContent")
                .await
                .as_str()
                .unwrap_or("")
                .to_string()
        } else {
            let text = b.text(".ssc__error").await;
            assert!(
                text.contains(file),
                "{file}: the message does not name the file: {text}"
            );
            text
        };
        assert!(
            shown.contains(expect),
            "{file} ({kind}): {expect:?} not in {shown:?}"
        );
        assert!(
            !b.all(".ssc__header button.ssc__lang").await.is_empty(),
            "{file}: no header"
        );
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} files in the manifest");
    b.end().await;
}

/// One failure mode: the page to open, what the message must say (English), and whether a
/// retry button is offered.
struct Fault {
    path: &'static str,
    says: &'static [&'static str],
    retry: bool,
}

#[tokio::test]
async fn failing_networks_get_their_own_message_and_the_dashboard_keeps_working() {
    let b = browser_behind_proxy(1280, 1000).await;
    let faults = [
        Fault {
            path: "/_fault/reset/data/seeds.json?t=a",
            says: &["Could not reach the server", "seeds.json"],
            retry: true,
        },
        Fault {
            path: "/_fault/cut/data/seeds.json?t=a",
            says: &["broke off", "before the whole file arrived", "seeds.json"],
            retry: true,
        },
        Fault {
            path: "/_status/500",
            says: &["the server failed (HTTP 500)"],
            retry: true,
        },
        Fault {
            path: "/data/no-such-file.json",
            says: &["does not exist (HTTP 404)", "no-such-file.json"],
            retry: false,
        },
        Fault {
            path: "/_fault/503/120/data/seeds.json?t=a",
            says: &[
                "busy or down for maintenance (HTTP 503)",
                "asks to try again in 120 s",
                "Retrying automatically in 60 s",
            ],
            retry: true,
        },
        Fault {
            path: "/_fault/html-page/data/seeds.json?t=a",
            says: &["HTML page", "502 Bad Gateway", "seeds.json"],
            retry: false,
        },
        Fault {
            path: "/_fault/huge/data/seeds.json?t=a",
            says: &["too large: 100 MB, the limit is 64 MB"],
            retry: false,
        },
    ];
    for f in &faults {
        let page = format!("/?lang=en&src={}", urlencode(f.path));
        b.open(&page).await;
        let text = b.text(".ssc__error").await;
        for needle in f.says {
            assert!(
                text.contains(needle),
                "{}: {needle:?} not in {text:?}",
                f.path
            );
        }
        assert_eq!(
            b.all(".ssc__error button").await.len(),
            usize::from(f.retry),
            "{}: retry button",
            f.path
        );
        // The rest of the dashboard keeps working: the language switch still switches,
        // and the message follows it.
        b.click(".ssc__header button.ssc__lang[lang^=zh]").await;
        b.wait_css(".ssc[lang^=zh] .ssc__error").await;
        b.click(".ssc__header button.ssc__lang[lang=en]").await;
        b.wait_css(".ssc[lang=en] .ssc__error").await;
    }
    b.screenshot("fault-cut-en").await;

    // A wrong content type does not matter: the bytes are JSON.
    for ct in ["html", "plain", "octet"] {
        b.open(&format!("/?src=/_fault/type/{ct}/data/seeds.json"))
            .await;
        b.wait_for_count(".ssc__directory tbody tr", 5).await;
    }
    b.close().await;
}

#[tokio::test]
async fn retrying_recovers_from_each_passing_fault() {
    let b = browser_behind_proxy(1280, 1000).await;
    for fault in ["reset-once", "cut-once", "stall-once/1"] {
        // stall-once/1 stalls only one second: it is here for the retry, the timeout has
        // its own test.
        let page = format!("/?lang=en&src=/_fault/{fault}/data/seeds.json%3Ft%3Dretry");
        b.open(&page).await;
        if fault.starts_with("stall") {
            b.wait_for_count(".ssc__directory tbody tr", 5).await;
            continue;
        }
        b.wait_css(".ssc__error button").await;
        b.click(".ssc__error button").await;
        b.wait_for_count(".ssc__directory tbody tr", 5).await;
        assert!(b.all(".ssc__error").await.is_empty(), "{fault}");
    }

    // 503 with Retry-After: 1 recovers on its own, without anyone pressing the button.
    b.open("/?lang=en&src=/_fault/503-once/1/data/seeds.json%3Ft%3Dauto")
        .await;
    let said = b.text(".ssc__error").await;
    assert!(said.contains("Retrying automatically in 1 s"), "{said}");
    b.wait_for_count(".ssc__directory tbody tr", 5).await;
    b.close().await;
}

#[tokio::test]
async fn a_stalled_server_times_out_with_a_message_and_retry_recovers() {
    let b = browser_behind_proxy(1280, 1000).await;
    let started = Instant::now();
    b.visit("/?lang=en&src=/_fault/stall-once/30/data/seeds.json%3Ft%3Dstall")
        .await;
    // The loading state shows while waiting…
    b.wait_css(".ssc__loading").await;
    // …and after the timeout (20 s), a message instead of waiting for ever.
    b.c.wait()
        .at_most(Duration::from_secs(40))
        .for_element(fantoccini::Locator::Css(".ssc__error"))
        .await
        .expect("no timeout message");
    let waited = started.elapsed();
    let text = b.text(".ssc__error").await;
    assert!(text.contains("timed out"), "{text}");
    assert!(text.contains("within 20 s"), "{text}");
    assert!(
        waited < Duration::from_secs(29),
        "gave up only after the server answered ({waited:?})"
    );
    b.click(".ssc__error button").await;
    b.wait_for_count(".ssc__directory tbody tr", 5).await;
    b.close().await;
}

/// A part of the app whose module fails to load (here the comparison's, reset once by the
/// fault proxy) shows the error panel naming the module, in the reader's language; the rest
/// of the dashboard keeps working, and the retry button loads the part.
#[tokio::test]
async fn a_part_that_fails_to_load_shows_the_error_panel_and_retry_loads_it() {
    let b = browser_behind_proxy(1280, 1000).await;
    b.open("/?lang=en").await;
    b.wait_for_count(".ssc__directory tbody tr", 5).await;
    // The chunk loader fetches `split_compare.wasm` next to itself: send that request through
    // the proxy's reset-once fault (the first request fails, later ones pass through).
    b.js(include_str!("support/fail_chunk_once.js")).await;
    b.click_xpath("//button[contains(@class,'ssc__tab')][text()='Compare']")
        .await;
    b.wait_css(".ssc__error").await;
    let said = b.text(".ssc__error").await;
    assert!(said.contains("split_compare.wasm"), "{said}");
    assert!(said.contains("could not be loaded"), "{said}");
    // The rest keeps working: the language switch, and the panel follows it.
    b.click(".ssc__lang[lang=zh-CN]").await;
    b.wait_xpath("//*[contains(@class,'ssc__error-headline')][contains(., '未能加载')]")
        .await;
    assert!(b.text(".ssc__error").await.contains("split_compare.wasm"));
    b.click(".ssc__error button").await;
    b.wait_css(".ssc__compare").await;
    assert!(b.all(".ssc__error").await.is_empty());
    assert_eq!(
        b.js("return window.__chunkFaults").await,
        json!(1),
        "the fault was injected once"
    );
    // The failed fetch is reported on the console (by the browser and by the chunk loader,
    // whose promise is briefly unhandled); nothing else may be.
    b.assert_clean_console(&["split_compare", "_fault", "__wasm_split", "Failed to fetch"])
        .await;
    b.close().await;
}

#[tokio::test]
async fn one_failing_instance_leaves_the_others_on_the_page_working() {
    let b = browser_behind_proxy(1280, 1200).await;
    b.visit("/examples/mount-api.html").await;
    b.wait_for_count("#btn-mount", 1).await;
    let result = b
        .c
        .execute_async(
            "const done = arguments[0];
             import('/embed.js').then(async ({ mount }) => {
               const make = id => { const d = document.createElement('div'); d.id = id; document.body.append(d); return d; };
               await mount(make('ok'), { station: 'meijiang', lang: 'en' });
               await mount(make('broken'), { src: '/_fault/reset/data/seeds.json?t=two', lang: 'en' });
               await mount(make('also-ok'), { lang: 'zh' });
               await mount(make('broken-too'), { src: '/data/no-such-file.json?t=three', lang: 'zh' });
               done('mounted');
             }, e => done('error: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(result, json!("mounted"));
    b.wait_css("#ok .ssc__scorecard").await;
    b.wait_css("#broken .ssc__error").await;
    b.wait_for_count("#also-ok .ssc__directory tbody tr", 5)
        .await;
    assert!(b
        .text("#broken .ssc__error")
        .await
        .contains("Could not reach the server"));
    // The working ones still respond.
    b.click("#also-ok .ssc__header button.ssc__lang[lang=en]")
        .await;
    b.wait_css("#also-ok .ssc[lang=en]").await;
    // Two error panels on one page: each is labelled by its own title (unique ids), and axe
    // finds nothing on the page of four.
    b.wait_css("#broken-too .ssc__error").await;
    let labels = b
        .js("return [...document.querySelectorAll('.ssc__error')].map(e => [e.getAttribute('aria-labelledby'), document.querySelectorAll('#' + CSS.escape(e.getAttribute('aria-labelledby'))).length])")
        .await;
    let labels = labels.as_array().unwrap();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert_ne!(labels[0][0], labels[1][0], "{labels:?}");
    assert!(labels.iter().all(|l| l[1] == json!(1)), "{labels:?}");
    let violations = b.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    b.close().await;
}

/// axe-core on the example pages and the views the other axe test does not open.
#[tokio::test]
async fn axe_is_clean_on_every_example_page_and_error_view() {
    let b = browser(1280, 1000).await;
    for page in [
        "/examples/strict-csp.html",
        "/examples/iframe.html",
        "/examples/hostile.html",
        "/examples/mount-api.html",
        "/examples/lite.html",
        "/?src=/data/no-such-file.json&lang=en",
        "/?src=/fixtures/bad-json.json",
        "/?src=/fixtures/wrong-version.json&lang=en",
        "/?view=rank",
        "/?view=rank&lang=en&theme=high-contrast",
        "/?station=meijiang&display=big",
        &format!("/?src={INJECTION}&station=alpha&lang=en"),
        &format!("/?src={INJECTION}&view=rank&metric=mediation_success_rate"),
    ] {
        if page.starts_with("/examples/") {
            b.visit(page).await;
            if page.contains("mount-api") {
                b.click("#btn-mount").await;
            }
            b.wait_css(".ssc__directory, .ssc__scorecard, iframe").await;
        } else {
            b.open(page).await;
        }
        let violations = b.axe().await;
        assert!(violations.is_empty(), "{page}: {violations:#?}");
    }
    b.close().await;
}

/// Switching station, language and view a thousand times: the page ends with as many nodes
/// as it had after the first 500 switches, and neither the JavaScript heap, nor the bytes
/// allocated in WebAssembly memory, nor that memory itself grows over the second 500.
#[tokio::test]
async fn a_thousand_switches_leave_no_nodes_or_memory_behind() {
    let b = browser(1280, 1000).await;
    b.visit("/examples/mount-api.html").await;
    b.wait_for_count("#btn-mount", 1).await;
    let script = "const done = arguments[0];
        import('/embed.js').then(async ({ mount, memoryStats }) => {
          const box = id => { const d = document.createElement('div'); d.id = id; document.body.append(d); return d; };
          const seeds = await mount(box('seeds'), { station: 'meijiang' });
          const demo = await mount(box('demo'), { src: '/data/demo-synthetic.json', station: 'syn-00001' });
          const ids = ['meijiang', 'xishan', 'guizhu', 'zhaobaoshan', 'huazhonglu'];
          const tick = () => new Promise(r => setTimeout(r, 0));
          const frame = () => new Promise(r => requestAnimationFrame(() => r()));
          let n = 0;
          const switches = async count => {
            for (let i = 0; i < count; i++, n++) {
              if (n % 2 === 0) {
                seeds.update(n % 10 === 8 ? { view: 'directory' } : { view: 'scorecard', station: ids[n % 5], lang: n % 4 ? 'zh' : 'en' });
              } else {
                demo.update(n % 10 === 9 ? { view: 'rank' } : { view: 'scorecard', station: 'syn-' + String(1 + n % 12).padStart(5, '0'), lang: n % 3 ? 'en' : 'zh' });
              }
              await tick();
              if (i % 50 === 0) await frame();
            }
            seeds.update({ view: 'scorecard', station: 'meijiang', lang: 'zh' });
            demo.update({ view: 'scorecard', station: 'syn-00001', lang: 'zh' });
            for (let k = 0; k < 5; k++) await frame();
            await new Promise(r => setTimeout(r, 300));
            gc(); gc();
            const m = await memoryStats();
            return { nodes: document.getElementsByTagName('*').length, heap: performance.memory.usedJSHeapSize, wasm: m.wasmMemoryBytes, live: m.liveHeapBytes, instances: m.instances };
          };
          const warm = await switches(500);
          const after = await switches(500);
          done({ warm, after, n });
        }, e => done('error: ' + e));";
    // A thousand switches with charts take longer than WebDriver's default 30 s.
    b.script_timeout(300).await;
    let r = b.c.execute_async(script, vec![]).await.unwrap();
    println!("1,000 switches: {r}");
    assert_eq!(r["n"], json!(1000), "{r}");
    let (warm, after) = (&r["warm"], &r["after"]);
    assert_eq!(warm["nodes"], after["nodes"], "DOM nodes left behind: {r}");
    assert_eq!(after["instances"], json!(2), "{r}");
    let grew = |k: &str| after[k].as_f64().unwrap() - warm[k].as_f64().unwrap();
    // Over the second 500 switches the JS heap must stay flat (a leak of 1 KB per switch
    // would add 500 KB).
    assert!(
        grew("heap") < 500.0 * 1024.0,
        "JS heap grew by {} bytes: {r}",
        grew("heap")
    );
    // The bytes allocated in WebAssembly memory and not freed. Before the fix in `state.rs`
    // (`Ui::scoped`) and `virtual_rows.rs` (`keyed_rows`) they grew by 4 to 8 KB a switch, 2 to
    // 4 MB over these 500; now they come back to the same count. 64 KB leaves room for a
    // cache line or a grown table, not for anything kept per switch (128 bytes a switch).
    println!(
        "over the second 500 switches: live wasm bytes {:+}, wasm memory {:+}, JS heap {:+}",
        grew("live"),
        grew("wasm"),
        grew("heap")
    );
    assert!(
        grew("live") < 64.0 * 1024.0,
        "WebAssembly allocations grew by {} bytes: {r}",
        grew("live")
    );
    // WebAssembly memory grows in 64 KiB pages and never shrinks: with nothing kept, the
    // second 500 switches fit in the pages the first 500 needed.
    assert!(
        grew("wasm") <= 64.0 * 1024.0,
        "WebAssembly memory grew by {} bytes: {r}",
        grew("wasm")
    );
    b.end().await;
}

fn urlencode(s: &str) -> String {
    s.replace('%', "%25")
        .replace('?', "%3F")
        .replace('&', "%26")
        .replace('=', "%3D")
}
