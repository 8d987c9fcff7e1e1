use leptos::prelude::*;
use scorecards_core::Lang;

use crate::state::Ui;

/// Title and language switch.
#[component]
pub fn AppHeader() -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    view! {
        <header class="ssc__header">
            {(!ui.embedded).then(|| view! { <p class="ssc__title">{move || s().app_title}</p> })}
            <div class="ssc__langs" role="group" aria-label=move || s().language>
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
                                {lang_name(l)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </header>
    }
}

fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "中文",
        Lang::En => "English",
    }
}
