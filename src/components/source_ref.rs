use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::Dataset;

use crate::state::Ui;

/// A visible footnote link to an entry of the source list: `[1] 中国人民公安大学出版社`.
/// It scrolls within the component and never changes the page address.
#[component]
pub fn SourceRef(
    ds: Arc<Dataset>,
    source: String,
    /// Show only the number (the publisher stays in the accessible name and tooltip).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let ui = Ui::get();
    let n = ds.source_number(&source).unwrap_or(0);
    let publisher = ds.source(&source).map(|s| s.publisher.clone());
    let anchor = ui.id(&format!("src-{source}"));
    let href = format!("#{anchor}");
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let target = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&anchor));
        if let Some(el) = target {
            el.scroll_into_view();
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    };
    move || {
        let lang = ui.lang.get();
        let label = publisher
            .as_ref()
            .map(|p| lang.pick(p).to_string())
            .unwrap_or_default();
        let label_class = if compact { "ssc__sr-only" } else { "" };
        view! {
            <a
                class="ssc__source-ref"
                href=href.clone()
                title=label.clone()
                on:click=on_click.clone()
            >
                {format!("[{n}]")}
                <span class=label_class>{format!(" {label}")}</span>
            </a>
        }
    }
}
