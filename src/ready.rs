//! How a live instance tells its page that it has rendered: attributes on its root element,
//! set once the first view (the data, or the reason it cannot be shown) is in the page.
//!
//! - `data-ssc-rendered="data"` (or `"error"`): the loaders wait for it before they swap a
//!   prerendered view for the live one (`embed.js`, `app.js`; docs/embedding.md);
//! - `data-generated-at`: the loaded file's `generated_at`, compared with the prerendered
//!   view's own, so a stale view is replaced at once.

use leptos::prelude::*;

/// What the first view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendered {
    /// The data set.
    Data,
    /// An error panel.
    Error,
}

impl Rendered {
    fn code(self) -> &'static str {
        match self {
            Rendered::Data => "data",
            Rendered::Error => "error",
        }
    }
}

/// Marks instance `uid`'s root once the view built in the calling owner is in the page and
/// `pending` (tracked) is false. Writes the DOM only (no signal); never runs while prerendering.
pub fn announce(
    uid: u32,
    state: Rendered,
    generated_at: Option<String>,
    pending: impl Fn() -> bool + 'static,
) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if pending() {
            return false;
        }
        mark(uid, state, generated_at.as_deref());
        true
    });
}

fn mark(uid: u32, state: Rendered, generated_at: Option<&str>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(&format!("[data-ssc-uid=\"{uid}\"]"))
            .ok()
            .flatten()
    }) else {
        return;
    };
    if let Some(at) = generated_at {
        let _ = root.set_attribute("data-generated-at", at);
    }
    let _ = root.set_attribute("data-ssc-rendered", state.code());
}
