use leptos::prelude::*;
use scorecards_core::i18n::describe_error;
use scorecards_core::LoadError;

use crate::state::Ui;

/// Why the data cannot be shown, where, and what to do; a retry button when retrying can help.
#[component]
pub fn ErrorPanel(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let ui = Ui::get();
    let retryable = error.is_retryable();
    move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let msg = describe_error(lang, &error);
        view! {
            <section class="ssc__error" role="alert" aria-labelledby="ssc-error-title">
                <h2 id="ssc-error-title" class="ssc__error-title">{s.error_title}</h2>
                <p class="ssc__error-headline">{msg.headline}</p>
                {(!msg.details.is_empty()).then(|| view! {
                    <ul class="ssc__error-details">
                        {msg.details.into_iter().map(|(at, what)| view! {
                            <li><code class="ssc__error-path">{at}</code>" — "{what}</li>
                        }).collect_view()}
                    </ul>
                })}
                <p class="ssc__error-advice">{msg.advice}</p>
                {retryable.then(|| view! {
                    <button type="button" class="ssc__button" on:click=move |_| on_retry.run(())>{s.retry}</button>
                })}
            </section>
        }
    }
}
