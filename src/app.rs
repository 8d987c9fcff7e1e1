//! The top-level component: one data resource, the view state, and the choice of view.

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::query::{PageQuery, DEFAULT_SRC};
use scorecards_core::{Dataset, LoadError};

use crate::components::{AppFooter, AppHeader, ErrorPanel, Layered};
use crate::data::{resource, DataSource, Loaded, Wanted};
use crate::ready::{self, Rendered};
use crate::state::Ui;
use crate::url;

/// Automatic retries after answers with `Retry-After`, before only the button is left.
const MAX_AUTO_RETRIES: u8 = 3;
/// The longest `Retry-After` waited for automatically, in seconds.
const MAX_RETRY_AFTER_SECS: u32 = 60;

/// How an instance starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppOptions {
    /// Station, language and data file to open.
    pub query: PageQuery,
    /// Mirror navigation in the address bar (standalone page only).
    pub url_sync: bool,
    /// Data given by the host (in memory or by address) instead of the page's `?src=`.
    pub data: Option<DataSource>,
    /// Embedded in a host page or an iframe: no title line.
    pub embedded: bool,
}

/// The whole dashboard: header, then the directory or a scorecard, then the footer.
///
/// `ui` lets an embedding keep handles on the view state to change it later; it must be
/// created inside the same reactive owner.
#[component]
pub fn App(options: AppOptions, #[prop(optional)] ui: Option<Ui>) -> impl IntoView {
    let ui = ui.unwrap_or_else(|| Ui::new(&options.query, options.url_sync, options.embedded));
    provide_context(ui);
    if ui.url_sync {
        url::on_history_change(move |q| ui.apply(q));
    }
    let source = options.data.unwrap_or_else(|| match options.query.src {
        Some(src) => DataSource::PageParam(src),
        None => DataSource::Url(DEFAULT_SRC.to_string()),
    });
    let base = StoredValue::new(source.base().map(str::to_string));
    provide_context(crate::data::DataBase(base.get_value()));
    let data = resource(Wanted::Data(source));
    // Automatic retries after a `Retry-After` answer, so a 503 during maintenance recovers
    // without anyone pressing the button; a few at most, then the button alone.
    let auto_retries = StoredValue::new(0u8);

    view! {
        <Shell>
            <Transition fallback=move || {
                view! { <Loading /> }
            }>
                {move || {
                    let base = base.get_value();
                    Suspend::new(async move {
                        let loaded: Loaded = data.await;
                        match loaded {
                            Ok(ds) => {
                                auto_retries.set_value(0);
                                loaded_view(ds, base)
                            }
                            Err(e) => {
                                let retry_in = match &e {
                                    LoadError::Http {
                                        retry_after: Some(secs),
                                        ..
                                    } if auto_retries.get_value() < MAX_AUTO_RETRIES => {
                                        auto_retries.update_value(|n| *n += 1);
                                        Some((*secs).clamp(1, MAX_RETRY_AFTER_SECS))
                                    }
                                    _ => None,
                                };
                                ready::announce(ui.uid, Rendered::Error, None, || false);
                                view! {
                                    <ErrorPanel
                                        error=e
                                        retry_in=retry_in
                                        on_retry=Callback::new(move |_| data.refetch())
                                    />
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Transition>
        </Shell>
    }
}

/// The root element, the header and the main area around `children`: the same markup for
/// the live app and for a prerendered view ([`crate::prerender`]). A live root carries
/// `data-ssc-uid`; a prerendered one carries `data-ssc-prerendered` and the data file's
/// `generated_at` in `data-generated-at` instead.
#[component]
pub(crate) fn Shell(
    /// `Some(generated_at)` for a prerendered view.
    #[prop(optional)]
    prerendered: Option<String>,
    children: Children,
) -> impl IntoView {
    let ui = Ui::get();
    let lang = ui.lang;
    let uid = prerendered.is_none().then(|| ui.uid.to_string());
    let marker = prerendered.is_some().then_some("");
    view! {
        <div
            class=move || ui.root_class()
            data-ssc-uid=uid
            data-ssc-prerendered=marker
            data-generated-at=prerendered
            lang=move || lang.get().html_lang()
        >
            <AppHeader />
            <main class="ssc__main">{children()}</main>
        </div>
    }
}

/// What a loaded data set shows: the view (with the detail files it needs) and the footer.
pub(crate) fn loaded_view(ds: Arc<Dataset>, base: Option<String>) -> AnyView {
    view! {
        <Layered ds=ds.clone() base=base />
        <AppFooter ds=ds />
    }
    .into_any()
}

#[component]
fn Loading() -> impl IntoView {
    let ui = Ui::get();
    view! {
        <p class="ssc__loading" role="status">
            {move || ui.lang.get().strings().loading}
        </p>
    }
}
