//! The top-level component: one data resource, the view state, and the choice of view.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use scorecards_core::query::{PageQuery, View, DEFAULT_SRC};
use scorecards_core::{Dataset, Lang, LoadError};

use crate::components::{
    AppFooter, AppHeader, CompareView, Directory, ErrorPanel, LeagueView, MapView, Scorecard,
};
use crate::data::{load, load_detail, DataSource, Loaded};
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
    let data = LocalResource::new(move || load(source.clone()));
    // Automatic retries after a `Retry-After` answer, so a 503 during maintenance recovers
    // without anyone pressing the button; a few at most, then the button alone.
    let auto_retries = StoredValue::new(0u8);

    view! {
        <Shell>
            <Transition fallback=move || view! { <Loading /> }>
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
                                LoadError::Http { retry_after: Some(secs), .. }
                                    if auto_retries.get_value() < MAX_AUTO_RETRIES =>
                                {
                                    auto_retries.update_value(|n| *n += 1);
                                    Some((*secs).clamp(1, MAX_RETRY_AFTER_SECS))
                                }
                                _ => None,
                            };
                            ready::announce(ui.uid, Rendered::Error, None, || false);
                            view! {
                                <ErrorPanel error=e retry_in=retry_in on_retry=Callback::new(move |_| data.refetch()) />
                            }.into_any()
                        }
                    }
                })}}
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
    view! { <p class="ssc__loading" role="status">{move || ui.lang.get().strings().loading}</p> }
}

/// Where a detail file is.
#[derive(Clone, Debug, PartialEq)]
enum DetailState {
    Loading,
    Failed(LoadError),
    Merged,
}

/// The data set with the detail files the open views need merged in as they arrive (an
/// index loads them on demand; a complete file has none). Each file is requested once per
/// page; a failed one is reported with its address and the rest keeps working.
#[component]
fn Layered(ds: Arc<Dataset>, base: Option<String>) -> impl IntoView {
    let ui = Ui::get();
    let generated_at = ds.document().generated_at.clone();
    let current = RwSignal::new(ds);
    let details: RwSignal<HashMap<String, DetailState>> = RwSignal::new(HashMap::new());
    let retry = RwSignal::new(0u32);
    // The detail files of the stations the view shows.
    let wanted = move || -> Vec<String> {
        let ids: Vec<String> = match ui.view.get() {
            View::Directory => ui.station.get().into_iter().collect(),
            View::Compare => ui.compare.get(),
            View::Rank | View::Map => Vec::new(),
        };
        let ds = current.get();
        let mut hrefs: Vec<String> = ids
            .iter()
            .filter_map(|id| ds.station(id)?.detail.clone())
            .collect();
        hrefs.dedup();
        hrefs
    };
    let base = StoredValue::new(base);
    Effect::new(move |_| {
        retry.track();
        for href in wanted() {
            if current.with_untracked(|d| d.is_merged(&href))
                || details.with_untracked(|m| m.contains_key(&href))
            {
                continue;
            }
            details.update(|m| {
                m.insert(href.clone(), DetailState::Loading);
            });
            let index = current.get_untracked();
            let b = base.get_value();
            spawn_local(async move {
                match load_detail(b, href.clone(), index).await {
                    Ok((doc, warnings)) => {
                        current.update(|d| {
                            *d = Arc::new(d.with_detail_warned(&href, &doc, &warnings))
                        });
                        details.update(|m| {
                            m.insert(href, DetailState::Merged);
                        });
                    }
                    Err(e) => details.update(|m| {
                        m.insert(href, DetailState::Failed(e));
                    }),
                }
            });
        }
    });
    // Rendered once the view has the detail files it needs (or their errors).
    ready::announce(ui.uid, Rendered::Data, Some(generated_at), move || {
        wanted().iter().any(|h| {
            !current.with(|d| d.is_merged(h))
                && !details.with(|m| matches!(m.get(h), Some(DetailState::Failed(_))))
        })
    });
    let status = move || {
        let lang = ui.lang.get();
        let states: Vec<(String, DetailState)> = wanted()
            .into_iter()
            .filter_map(|h| details.with(|m| m.get(&h).cloned()).map(|s| (h, s)))
            .collect();
        let loading = states.iter().any(|(_, s)| *s == DetailState::Loading);
        let failed: Vec<(String, LoadError)> = states
            .into_iter()
            .filter_map(|(h, s)| match s {
                DetailState::Failed(e) => Some((h, e)),
                _ => None,
            })
            .collect();
        view! {
            {loading.then(|| view! { <p class="ssc__loading ssc__loading--detail" role="status">{lang.strings().loading_detail}</p> })}
            {failed.into_iter().map(|(href, e)| view! {
                <ErrorPanel error=e on_retry=Callback::new(move |_| {
                    details.update(|m| { m.remove(&href); });
                    retry.update(|n| *n += 1);
                }) />
            }).collect_view()}
        }
    };
    view! {
        {status}
        {move || view! { <Body ds=current.get() /> }}
    }
}

/// Directory or scorecard, from the `station` signal.
#[component]
fn Body(ds: std::sync::Arc<scorecards_core::Dataset>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let ds = ds.clone();
        // The view below is rebuilt on every change of view or station: it reads its own
        // copy of the state, dropped with it (see `Ui`).
        ui.provide_scoped();
        match ui.view.get() {
            View::Compare => return view! { <CompareView ds=ds /> }.into_any(),
            View::Rank => return view! { <LeagueView ds=ds /> }.into_any(),
            View::Map => return view! { <MapView ds=ds /> }.into_any(),
            View::Directory => {}
        }
        match ui.station.get() {
            Some(id) if ds.station(&id).is_some() => {
                view! { <Scorecard ds=ds station_id=id /> }.into_any()
            }
            Some(id) => view! {
                <p class="ssc__notice" role="alert">
                    {move || unknown_station(ui.lang.get(), &id)}
                </p>
                <Directory ds=ds />
            }
            .into_any(),
            None => view! { <Directory ds=ds /> }.into_any(),
        }
    }
}

fn unknown_station(lang: Lang, id: &str) -> String {
    lang.messages().labelled(lang.strings().unknown_station, id)
}
