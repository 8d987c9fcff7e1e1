//! The parts of the app that the bundle loads on first use, each from its own WebAssembly
//! module: the comparison, the league table, the trend charts (plotters and the canvas
//! code), and the diagnosis of a data file that fails to decode (serde_path_to_error). The
//! first module holds what the directory and a scorecard need (docs/size-notes.md).
//!
//! With the `split` feature (only `cargo xtask build` turns it on) each function below is a
//! split point of wasm-split (`wasm_split_helpers`, the crate behind Leptos' `#[lazy]`),
//! declared `fallible`: a module that cannot be fetched or compiled gives `Err(Unloaded)`
//! instead of the trap that Leptos 0.8's `#[lazy]` ends in, and a later call tries again.
//! Without the feature (tests, `cargo check`) the functions are plain functions, so builds
//! that do not go through the splitter still work.

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::{Dataset, Document, Issue, LoadError, Metric, Series, Text};

use crate::components::{CompareViewNow, ErrorPanel, LeagueViewNow, TrendChartNow};

/// A part's module could not be loaded (the loader logs the browser's reason to the console).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

impl Unloaded {
    /// The error shown for a part whose module is `split_<module>.wasm`.
    pub fn error(module: &str) -> LoadError {
        LoadError::AppPart {
            file: format!("split_{module}.wasm"),
        }
    }
}

/// Declares `fn $name(...) -> Result<$ret, Unloaded>` whose code goes into the module
/// `split_$module.wasm` (with `split`; a plain function without). Call it with
/// [`call_part!`].
macro_rules! part {
    ($(#[$attr:meta])* fn $name:ident in $module:ident ($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        pub fn $name($($arg: $ty),*) -> Result<$ret, Unloaded> {
            Ok($body)
        }
    };
}

/// Calls a [`part!`] function: awaits it with `split` (its module loads first), calls it
/// directly without.
macro_rules! call_part {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let result = $call.await;
        #[cfg(not(feature = "split"))]
        let result = $call;
        result
    }};
}

/// Shows a [`part!`] view: from the module once it is loaded (inside its own `Suspense`, so
/// the rest of the page does not wait), the error panel naming the module with a retry when
/// it cannot be loaded. Without `split` the view is built at once, as any other.
macro_rules! lazy_view {
    ($module:literal, $call:expr) => {{
        let retry = RwSignal::new(0u32);
        let shown = move |result: Result<AnyView, Unloaded>| match result {
            Ok(view) => view,
            Err(_) => view! {
                <ErrorPanel
                    error=Unloaded::error($module)
                    on_retry=Callback::new(move |_| retry.update(|n| *n += 1))
                />
            }
            .into_any(),
        };
        #[cfg(feature = "split")]
        let part = view! {
            <Suspense fallback=|| view! { <PartLoading /> }>
                {move || {
                    retry.track();
                    let future = $call;
                    Suspend::new(async move { shown(future.await) })
                }}
            </Suspense>
        }
        .into_any();
        #[cfg(not(feature = "split"))]
        let part = shown($call);
        part
    }};
}

/// The status line while a part's module loads.
#[component]
pub fn PartLoading() -> impl IntoView {
    let ui = crate::state::Ui::get();
    view! { <p class="ssc__loading ssc__loading--part" role="status">{move || ui.lang.get().strings().loading}</p> }
}

/// The comparison, from `split_compare.wasm`.
#[component]
pub fn LazyCompareView(ds: Arc<Dataset>) -> impl IntoView {
    lazy_view!("compare", compare_view(ds.clone()))
}

/// The league table, from `split_league.wasm`.
#[component]
pub fn LazyLeagueView(ds: Arc<Dataset>) -> impl IntoView {
    lazy_view!("league", league_view(ds.clone()))
}

/// A trend chart, from `split_charts.wasm` (see `components::trend_chart` for the chart).
#[component]
pub fn LazyTrendChart(
    series: Arc<Series>,
    metric: Arc<Metric>,
    /// Who published the series.
    source: Text,
    /// The station's name.
    station: Text,
) -> impl IntoView {
    lazy_view!(
        "charts",
        trend_chart(
            series.clone(),
            metric.clone(),
            source.clone(),
            station.clone()
        )
    )
}

part! {
    /// The comparison of the chosen stations.
    fn compare_view in compare(ds: Arc<Dataset>) -> AnyView {
        view! { <CompareViewNow ds=ds /> }.into_any()
    }
}

part! {
    /// The league table.
    fn league_view in league(ds: Arc<Dataset>) -> AnyView {
        view! { <LeagueViewNow ds=ds /> }.into_any()
    }
}

part! {
    /// One trend chart of a scorecard, with its readout, summary, table and downloads.
    fn trend_chart in charts(series: Arc<Series>, metric: Arc<Metric>, source: Text, station: Text) -> AnyView {
        view! { <TrendChartNow series=series metric=metric source=source station=station /> }.into_any()
    }
}

part! {
    /// Why a data file that the quick decoder refused cannot be read: its schema version,
    /// then the JSON path of the first mismatch ([`scorecards_core::decode_diagnosed`]).
    fn diagnose in diagnosis(bytes: &[u8], file: &str) -> Result<Document, LoadError> {
        scorecards_core::decode_diagnosed(bytes, file)
    }
}

part! {
    /// Direction controls removed from every string of `doc`, each removal a warning
    /// ([`scorecards_core::bidi::neutralise`]: a round trip through `serde_json::Value`, only
    /// for files that hold such a character).
    fn neutralise_part in diagnosis(bytes: &[u8], doc: Document) -> (Document, Vec<Issue>) {
        scorecards_core::bidi::neutralise(bytes, doc)
    }
}

/// [`scorecards_core::bidi::neutralise`], loaded only for a file that may hold a direction
/// control (most never do).
pub async fn neutralise(bytes: &[u8], doc: Document) -> Result<(Document, Vec<Issue>), LoadError> {
    if !scorecards_core::bidi::may_contain(bytes) {
        return Ok((doc, Vec::new()));
    }
    call_part!(neutralise_part(bytes, doc)).map_err(|_| Unloaded::error("diagnosis"))
}

/// [`scorecards_core::decode`] with the diagnosis from its own module: the quick decoder
/// first; only a file it refuses loads the diagnosis.
pub async fn decode(bytes: &[u8], file: &str) -> Result<Document, LoadError> {
    match scorecards_core::decode_quick(bytes, file)? {
        Some(doc) => Ok(doc),
        None => {
            call_part!(diagnose(bytes, file)).unwrap_or_else(|_| Err(Unloaded::error("diagnosis")))
        }
    }
}
