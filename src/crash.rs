//! What people see if the dashboard itself fails.
//!
//! A panic is a bug in this code, never a reaction to bad data (bad data is an error value
//! with its own message). If one happens anyway, WebAssembly stops the module, so the
//! dashboard can no longer update itself: instead of leaving a frozen or half-drawn area,
//! the panic hook replaces the content of every mounted dashboard on the page with a short
//! message in its language and a link that reloads the page, and logs the details to the
//! console. The message is built with plain DOM calls (`textContent`), since the reactive
//! system may be the part that failed. The host page outside the dashboards is left alone.

use std::sync::Once;

use scorecards_core::Lang;
use wasm_bindgen::JsCast;

/// Installs the panic hook (once per page, whatever the number of instances).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show(&info.to_string());
        }));
    });
}

/// Replaces every mounted dashboard's content with the failure notice. `detail` (the panic
/// message) goes into a closed "technical details" box, as text.
pub fn show(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(roots) = doc.query_selector_all(".ssc[data-ssc-uid]") else {
        return;
    };
    let reload = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    for i in 0..roots.length() {
        let Some(root) = roots
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let lang = root
            .get_attribute("lang")
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or_default();
        if let Some(notice) = notice(&doc, lang, detail, &reload) {
            root.replace_children_with_node_1(&notice);
        }
    }
}

fn notice(
    doc: &web_sys::Document,
    lang: Lang,
    detail: &str,
    reload: &str,
) -> Option<web_sys::Element> {
    let s = lang.strings();
    let el = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let add = |parent: &web_sys::Element, child: &web_sys::Element| parent.append_child(child).ok();
    let section = el("section", "ssc__error ssc__crash", "")?;
    section.set_attribute("role", "alert").ok()?;
    add(&section, &el("h2", "ssc__error-title", s.crash_title)?)?;
    add(&section, &el("p", "ssc__error-headline", s.crash_text)?)?;
    let link = el("a", "ssc__button", s.crash_reload)?;
    // Only this page's own address, never anything from data.
    if reload.starts_with("http://") || reload.starts_with("https://") {
        link.set_attribute("href", reload).ok()?;
    }
    let p = el("p", "", "")?;
    add(&p, &link)?;
    add(&section, &p)?;
    let details = el("details", "ssc__crash-details", "")?;
    add(&details, &el("summary", "", s.crash_details)?)?;
    add(&details, &el("pre", "", detail)?)?;
    add(&section, &details)?;
    Some(section)
}
