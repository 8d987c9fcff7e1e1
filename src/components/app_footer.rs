use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::i18n::describe_warning;
use scorecards_core::Dataset;

use crate::components::EmbedSnippet;
use crate::state::Ui;

/// Who published the data and when; a banner when the data is synthetic.
#[component]
pub fn AppFooter(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let synthetic = ds.is_synthetic();
    move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let doc = ds.document();
        let warnings = (!ds.warnings().is_empty()).then(|| {
            let items = ds
                .warnings()
                .iter()
                .map(|w| {
                    view! {
                        <li>
                            <code class="ssc__error-path">{w.path.clone()}</code>
                            " — "
                            // A data set's warnings are warnings by construction: the
                            // rule's code is only said if that ever changes.
                            {describe_warning(lang, &w.kind)
                                .unwrap_or_else(|| w.kind.code().to_string())}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="ssc__warnings">
                    <summary>{format!("{} ({})", s.warnings, ds.warnings().len())}</summary>
                    <ul>{items}</ul>
                </details>
            }
        });
        view! {
            <footer class="ssc__footer">
                {warnings}
                {synthetic
                    .then(|| {
                        view! {
                            <p class="ssc__synthetic" role="note">
                                {s.synthetic_banner}
                            </p>
                        }
                    })}
                // Not in a prerendered view: its addresses are the page's, unknown until it is
                // open, and Leptos' server-side rendering writes a <textarea>'s text unescaped.
                {(ui.url_sync && !ui.embedded && !crate::render_mode::prerendering())
                    .then(|| view! { <EmbedSnippet /> })}
                <p>
                    {s.published_by}": "{lang.pick(&doc.publisher).to_string()}" · " {s.generated}
                    ": "
                    <time datetime=doc
                        .generated_at
                        .clone()>
                        {scorecards_core::format::timestamp(lang, &doc.generated_at)}
                    </time>
                </p>
            </footer>
        }
    }
}
