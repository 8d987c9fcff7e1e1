use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::{format, is_http_url, Dataset, Source};

use crate::state::Ui;

/// The sources a scorecard cites, numbered as in the data file, with links only when they
/// are http(s).
#[component]
pub fn SourceList(ds: Arc<Dataset>, sources: Vec<Source>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let items = sources
            .iter()
            .map(|src| {
                let n = ds.source_number(&src.id).unwrap_or(0);
                let date = src
                    .date
                    .as_ref()
                    .map(|d| format::date(lang, d))
                    .unwrap_or_else(|| s.source_date_unknown.to_string());
                let link = match &src.url {
                    Some(u) if is_http_url(u) => view! {
                        <a
                            class="ssc__link"
                            href=u.clone()
                            rel="noopener noreferrer"
                            target="_blank"
                        >
                            {u.clone()}
                        </a>
                    }
                    .into_any(),
                    _ => view! { <span class="ssc__muted">{s.no_link}</span> }.into_any(),
                };
                view! {
                    <li
                        class="ssc__source"
                        id=ui.id(&format!("src-{}", src.id))
                        tabindex="-1"
                        value=n.to_string()
                    >
                        <cite>{lang.pick(&src.title).to_string()}</cite>
                        " — "
                        {lang.pick(&src.publisher).to_string()}
                        ", "
                        {date}
                        {src
                            .authors
                            .clone()
                            .map(|a| {
                                view! {
                                    ", "
                                    <span lang="zh-CN">{a}</span>
                                }
                            })}
                        ". "
                        {link}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="ssc__panel ssc__sources">
                <h3 class="ssc__panel-title">{s.sources}</h3>
                <ol class="ssc__source-list">{items}</ol>
            </section>
        }
    }
}
