//! The JavaScript entry points. This is the only file with `#[wasm_bindgen]` exports.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::app::{App, AppOptions};
use crate::url;

/// Mounts the standalone dashboard page into `element`, reading `?station=`, `?lang=` and
/// `?src=` from the address bar and keeping the address bar in step with navigation.
#[wasm_bindgen]
pub fn mount_standalone(element: web_sys::HtmlElement) {
    console_error_panic_hook::set_once();
    let query = url::read();
    if let Some(lang) = query.lang {
        url::set_document_lang(lang);
    }
    let options = AppOptions {
        query,
        url_sync: true,
        data: None,
    };
    leptos::mount::mount_to(element, move || view! { <App options=options /> }).forget();
}
