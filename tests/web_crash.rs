//! The panic hook, in a real browser (its own test binary, because a panic stops the
//! WebAssembly module of the page it happens in).
#![cfg(target_arch = "wasm32")]

mod browser;

use leptos::prelude::*;
use scorecards_core::Lang;
use station_scorecards::install_panic_hook;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

use browser::{sleep, wait_for, SEEDS};

/// A dashboard on the seed data in `lang`.
fn mount(lang: Lang) -> HtmlElement {
    browser::mount(SEEDS, "seeds.json", None, Some(lang))
}

#[wasm_bindgen_test]
async fn a_panic_leaves_a_message_in_each_dashboard_and_the_host_page_alone() {
    install_panic_hook();
    let zh = mount(Lang::Zh);
    let en = mount(Lang::En);
    wait_for(&zh, ".ssc__directory").await;
    wait_for(&en, ".ssc__directory").await;
    let host: HtmlElement = document().create_element("p").unwrap().unchecked_into();
    host.set_text_content(Some("host page text"));
    document().body().unwrap().append_child(&host).unwrap();

    // A bug in an event handler: a panic in a callback the browser calls.
    let fail = true;
    let bug = Closure::once_into_js(move || {
        if fail {
            panic!("deliberate test panic")
        }
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(bug.unchecked_ref(), 0)
        .unwrap();
    sleep(300).await;

    let zh_notice = zh
        .query_selector(".ssc__crash")
        .unwrap()
        .expect("zh notice");
    let text = zh_notice.text_content().unwrap_or_default();
    assert!(text.contains("看板出现内部错误"), "{text}");
    assert!(text.contains("deliberate test panic"), "{text}");
    assert!(zh.query_selector(".ssc__directory").unwrap().is_none());
    let en_text = en
        .query_selector(".ssc__crash")
        .unwrap()
        .expect("en notice")
        .text_content()
        .unwrap_or_default();
    assert!(en_text.contains("internal error"), "{en_text}");
    let reload = en.query_selector(".ssc__crash a").unwrap().unwrap();
    assert!(reload
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("http")));
    assert_eq!(host.text_content().as_deref(), Some("host page text"));
}
