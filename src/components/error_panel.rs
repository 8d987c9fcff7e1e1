use leptos::either::Either;
use leptos::prelude::*;
use scorecards_core::LoadError;

use crate::parts::{error_message, Narration};

use crate::state::{next_uid, Ui};

/// Why the data cannot be shown, where, and what to do; a retry button when retrying can help.
///
/// `retry_in`: seconds after which the panel retries by itself (the server's `Retry-After`),
/// said in the panel; the button stays for the impatient.
#[component]
pub fn ErrorPanel(
    error: LoadError,
    on_retry: Callback<()>,
    #[prop(optional_no_strip)] retry_in: Option<u32>,
) -> impl IntoView {
    let ui = Ui::get();
    let retryable = error.is_retryable();
    if let Some(secs) = retry_in {
        let timer = set_timeout_with_handle(
            move || on_retry.run(()),
            std::time::Duration::from_secs(secs.into()),
        )
        .ok();
        on_cleanup(move || {
            if let Some(t) = timer {
                t.clear();
            }
        });
    }
    // Unique on the page: two instances, or two failed detail files, may show a panel each.
    let title_id = ui.id(&format!("error-{}", next_uid()));
    // The errors of a file's content are narrated by the diagnosis module: until it has its
    // text, the panel's place says the page is still loading (never a blank area).
    let narration = RwSignal::new(Narration::Unasked);
    move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let Some(msg) = error_message(lang, &error, narration) else {
            return Either::Left(view! {
                <p class="ssc__loading" role="status">
                    {s.loading}
                </p>
            });
        };
        Either::Right(view! {
            <section class="ssc__error" role="alert" aria-labelledby=title_id.clone()>
                <h2 id=title_id.clone() class="ssc__error-title">
                    {s.error_title}
                </h2>
                <p class="ssc__error-headline">{msg.headline}</p>
                {(!msg.details.is_empty())
                    .then(|| {
                        view! {
                            <ul class="ssc__error-details">
                                {msg
                                    .details
                                    .into_iter()
                                    .map(|(at, what)| {
                                        view! {
                                            <li>
                                                <code class="ssc__error-path">{at}</code>
                                                " — "
                                                {what}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <p class="ssc__error-advice">{msg.advice}</p>
                {retry_in
                    .map(|secs| {
                        view! {
                            <p class="ssc__error-auto" role="status">
                                {lang.messages().retrying_in(secs.into())}
                            </p>
                        }
                    })}
                {retryable
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="ssc__button"
                                on:click=move |_| on_retry.run(())
                            >
                                {s.retry}
                            </button>
                        }
                    })}
            </section>
        })
    }
}
