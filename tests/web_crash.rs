//! The panic hook, in a real browser (its own test binary, because a panic stops the
//! WebAssembly module of the page it happens in).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::query::PageQuery;
use scorecards_core::Lang;
use station_scorecards::{install_panic_hook, App, AppOptions, DataSource};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: &[u8] = include_bytes!("../public/data/seeds.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount(lang: Lang) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    let options = AppOptions {
        query: PageQuery {
            lang: Some(lang),
            ..PageQuery::default()
        },
        url_sync: false,
        embedded: true,
        data: Some(DataSource::Bytes {
            name: "seeds.json".into(),
            bytes: Arc::from(SEEDS),
        }),
    };
    leptos::mount::mount_to(el.clone(), move || view! { <App options=options /> }).forget();
    el
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..250 {
        leptos::task::tick().await;
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        sleep(20).await;
    }
    panic!("{selector} never appeared; content: {}", root.inner_text());
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
