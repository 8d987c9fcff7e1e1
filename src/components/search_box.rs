//! The search box above a long table (the directory, the league).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::state::Ui;

/// How long typing must pause before a search runs over a long table.
pub const SEARCH_DELAY: Duration = Duration::from_millis(120);

/// A labelled search box showing `typed` (which changes at once; the caller may set it too,
/// e.g. on back and forward). `on_search` runs after a pause in typing when `debounce` (a long
/// table), else on every input.
///
/// Non-generic props on purpose, and no `Signal` or `Callback` (each costs the first module
/// reactive machinery; measured with `cargo xtask build`, 2026-12-03): the directory in the
/// first module and the league in a part loaded later share one copy of this code.
#[component]
pub fn SearchBox(
    /// The input's id (unique on the page).
    id: String,
    /// What the box shows.
    typed: RwSignal<String>,
    /// Runs the search.
    on_search: Arc<dyn Fn(String) + Send + Sync>,
    /// Whether to wait for a pause in typing.
    debounce: bool,
    /// The id of the element that says how many rows match, if any.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let ui = Ui::get();
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        typed.set(v.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if debounce {
            let search = on_search.clone();
            let h = set_timeout_with_handle(move || search(v), SEARCH_DELAY).ok();
            pending.set_value(h);
        } else {
            on_search(v);
        }
    };
    view! {
        <p class="ssc__control">
            <label for=id.clone()>{move || ui.lang.get().strings().search}</label>
            <input
                id=id
                class="ssc__input"
                type="search"
                aria-describedby=described_by
                prop:value=move || typed.get()
                on:input=on_input
            />
        </p>
    }
}
