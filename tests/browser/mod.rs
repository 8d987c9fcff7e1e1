//! Support shared by the in-browser test binaries (`web.rs`, `web_crash.rs`; ripgrep's
//! `tests/util.rs` pattern): the seed data, mounting a dashboard on in-memory data, and
//! waiting for what a person would see. The end-to-end tests have their own support
//! (`tests/support/`, a WebDriver session).
#![allow(dead_code)]

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::query::PageQuery;
use scorecards_core::Lang;
use station_scorecards::{App, AppOptions, DataSource};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The published seed data.
pub const SEEDS: &[u8] = include_bytes!("../../public/data/seeds.json");

/// Mounts an instance on `bytes` (shown as file `name`) into a fresh container and returns
/// the container.
pub fn mount(bytes: &[u8], name: &str, station: Option<&str>, lang: Option<Lang>) -> HtmlElement {
    let doc = document();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    let options = AppOptions {
        query: PageQuery {
            station: station.map(str::to_string),
            lang,
            ..PageQuery::default()
        },
        url_sync: false,
        embedded: true,
        data: Some(DataSource::Bytes {
            name: name.to_string(),
            bytes: Arc::from(bytes),
        }),
    };
    leptos::mount::mount_to(el.clone(), move || view! { <App options=options /> }).forget();
    el
}

/// Waits `ms` milliseconds (a browser timer).
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits (up to 5 s) until `selector` matches inside `root`.
pub async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..250 {
        leptos::task::tick().await;
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        sleep(20).await;
    }
    panic!("{selector} never appeared; content: {}", root.inner_text());
}

/// The text of every element matching `selector` inside `root`.
pub fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}
