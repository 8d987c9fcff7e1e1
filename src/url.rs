//! The browser's address bar and history, for the standalone page only.

use scorecards_core::query::PageQuery;
use scorecards_core::Lang;
use wasm_bindgen::prelude::*;

/// Reads `?station=…&lang=…&src=…` from the current location.
pub fn read() -> PageQuery {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return PageQuery::default();
    };
    let keys = [
        "station", "lang", "src", "theme", "display", "embed", "view", "compare", "metric",
        "measure", "norm", "province", "band", "q", "sort", "dir", "map",
    ];
    let values: Vec<(&str, String)> = keys
        .iter()
        .map(|k| (*k, params.get(k).unwrap_or_default()))
        .collect();
    PageQuery::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The `?…` link for a query (percent-encoded by the browser's URLSearchParams).
#[cfg(target_arch = "wasm32")]
pub fn href(q: &PageQuery) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return "?".to_string();
    };
    for (k, v) in q.to_pairs() {
        params.append(k, &v);
    }
    let s: String = params.to_string().into();
    format!("?{s}")
}

/// The `?…` link for a query in a prerendered view: the same encoding as the browser's
/// URLSearchParams (application/x-www-form-urlencoded).
#[cfg(not(target_arch = "wasm32"))]
pub fn href(q: &PageQuery) -> String {
    let mut s = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    for (k, v) in q.to_pairs() {
        s.append_pair(k, &v);
    }
    s.finish()
}

thread_local! {
    /// A replacement not written yet ([`write`]).
    static PENDING: std::cell::RefCell<Option<PageQuery>> = const { std::cell::RefCell::new(None) };
}

/// Writes a query into the address bar: a new history entry when `push`, else in place.
///
/// A replacement (a filter, a sort, the language) is written after the next paint, the last
/// of several at once: in a CPU profile of sorting the league of 2,000 stations at 4× CPU
/// (2026-12-03), `history.replaceState` took 12 ms and building the address 4.5 ms of each
/// click, time the user waited for the table. A push, or going back or forward, first writes
/// the replacement pending, so the entries keep their order.
pub fn write(q: &PageQuery, push: bool) {
    if push {
        flush();
        if let Some(history) = history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href(q)));
        }
        return;
    }
    let scheduled = PENDING.with(|p| p.borrow_mut().replace(q.clone()).is_some());
    if !scheduled {
        // After the next frame is painted: a timer started from the frame callback.
        leptos::prelude::request_animation_frame(|| {
            let _ = leptos::prelude::set_timeout_with_handle(flush, std::time::Duration::ZERO);
        });
    }
}

/// Writes the pending replacement, if any.
fn flush() {
    if let (Some(q), Some(history)) = (PENDING.with(|p| p.borrow_mut().take()), history()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href(&q)));
    }
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// Calls `f` with the new query whenever the user goes back or forward.
pub fn on_history_change(f: impl Fn(PageQuery) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // A replacement still pending belonged to the entry left: it is dropped.
    let cb = Closure::<dyn Fn()>::new(move || {
        PENDING.with(|p| p.borrow_mut().take());
        f(read())
    });
    let _ = window.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    // The standalone page lives as long as the tab: the listener is never removed.
    cb.forget();
}

/// Sets `<html lang>` so that screen readers and fonts follow the language.
pub fn set_document_lang(lang: Lang) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.html_lang());
    }
}

/// After a navigation, moves keyboard and screen-reader focus to the new view's heading
/// (and so scrolls it into view), once the view has rendered.
pub fn focus_heading(uid: u32) {
    let cb = Closure::once_into_js(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("[data-ssc-uid=\"{uid}\"] .ssc__heading"))
                    .ok()
                    .flatten()
            })
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// The address of the standalone page without its query: where embed snippets point.
/// Empty in a prerendered view (its address is not known until the page is open).
#[cfg(not(target_arch = "wasm32"))]
pub fn page_base() -> String {
    String::new()
}

/// The address of the standalone page without its query: where embed snippets point.
#[cfg(target_arch = "wasm32")]
pub fn page_base() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}
