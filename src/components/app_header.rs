use leptos::prelude::*;
use scorecards_core::i18n::Strings;
use scorecards_core::query::View;
use scorecards_core::Lang;

use crate::state::Ui;

/// Title and language switch.
/// The views the header offers.
const VIEWS: &[View] = &[View::Directory, View::Compare, View::Rank, View::Map];

#[component]
pub fn AppHeader() -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    view! {
        <header class="ssc__header">
            {(!ui.embedded).then(|| view! { <p class="ssc__title">{move || s().app_title}</p> })}
            <nav class="ssc__nav" aria-label=move || s().nav_label>
                {VIEWS
                    .iter()
                    .copied()
                    .map(|v| {
                        let current = move || {
                            (ui.view.get() == v
                                && (v != View::Directory || ui.station.get().is_none()))
                                .then_some("page")
                        };
                        view! {
                            <button
                                type="button"
                                class="ssc__tab"
                                aria-current=current
                                on:click=move |_| {
                                    if v == View::Directory { ui.open(None) } else { ui.go(v) }
                                }
                            >
                                {move || view_name(s(), v)}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav> <div class="ssc__langs" role="group" aria-label=move || s().language>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <button
                                type="button"
                                class="ssc__lang"
                                lang=l.html_lang()
                                aria-pressed=move || (ui.lang.get() == l).to_string()
                                on:click=move |_| ui.set_lang(l)
                            >
                                {l.strings().language_name}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </header>
    }
}

fn view_name(s: &Strings, v: View) -> &'static str {
    match v {
        View::Directory => s.nav_directory,
        View::Compare => s.nav_compare,
        View::Rank => s.nav_rank,
        View::Map => s.nav_map,
    }
}
