//! The search box above a long table (the directory, the league).

use std::time::Duration;

use leptos::prelude::*;

use crate::state::Ui;

/// How long typing must pause before a search runs over a long table.
pub const SEARCH_DELAY: Duration = Duration::from_millis(120);

/// A labelled search box. What it shows changes at once; `on_search` runs after a pause in
/// typing when `debounce` (a long table), else on every input. When what `searched` returns
/// changes from elsewhere (back and forward), the box shows it.
///
/// Non-generic props on purpose (no `Signal`, see [`super::virtual_table::VirtualTable`]): the
/// directory in the first module and the league in a part loaded later share one copy of it.
#[component]
pub fn SearchBox(
    /// The input's id (unique on the page).
    id: String,
    /// The text searched for now, when something else than the box can change it (it is read
    /// in an effect, which tracks what it reads).
    #[prop(optional)]
    searched: Option<Callback<(), String>>,
    /// Runs the search.
    on_search: Callback<String>,
    /// Whether to wait for a pause in typing.
    debounce: bool,
    /// The id of the element that says how many rows match, if any.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let ui = Ui::get();
    let typed = RwSignal::new(searched.map(|s| s.run(())).unwrap_or_default());
    if let Some(searched) = searched {
        Effect::new(move |_| {
            let q = searched.run(());
            if typed.get_untracked() != q {
                typed.set(q);
            }
        });
    }
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        typed.set(v.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if debounce {
            let h = set_timeout_with_handle(move || on_search.run(v), SEARCH_DELAY).ok();
            pending.set_value(h);
        } else {
            on_search.run(v);
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
