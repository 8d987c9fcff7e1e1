//! The parts of the app that the bundle loads on first use, each from its own WebAssembly
//! module: the comparison, the league table, the tile map, the trend charts (plotters and the canvas
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
use scorecards_core::i18n::{describe_fetch_error, ErrorMessage};
use scorecards_core::textenc::{Detected, Legacy};
use scorecards_core::{Dataset, Document, Issue, IssueKind, Lang, LoadError, Metric, Series, Text};

use crate::components::{CompareViewNow, ErrorPanel, LeagueViewNow, MapViewNow, TrendChartNow};

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

/// Shows a [`part!`] view (a part taking a last argument `build`, and building nothing when
/// it is false). With `split`: the part's module is loaded first (the part called with
/// `build: false`), with a status line meanwhile; once it
/// is there, the view is built at once, in the same reactive scope as any other view (no
/// `Suspense`: a view built inside a `Suspend` stays subscribed to what it read while being
/// built, and was rebuilt from the disposed state of a replaced view when back/forward or
/// `update()` changed several things at once). A module that cannot be loaded gives the error
/// panel naming it, with a retry. Without `split` the view is built at once.
macro_rules! lazy_view {
    ($module:literal, $part:ident ( $($arg:expr),* $(,)? )) => {{
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
        let part = {
            let loaded: RwSignal<Option<Result<(), Unloaded>>> = RwSignal::new(None);
            let part = move |build: bool| $part($($arg,)* build);
            let build = part.clone();
            Effect::new(move |_| {
                retry.track();
                if matches!(loaded.get_untracked(), Some(Ok(()))) {
                    return;
                }
                loaded.set(None);
                // The part itself, asked to build nothing: its module loads.
                let load = part(false);
                leptos::task::spawn_local(async move {
                    let result = load.await.map(|_| ());
                    // The view may be gone by now: then there is nothing to tell.
                    let _ = loaded.try_set(Some(result));
                });
            });
            (move || match loaded.get() {
                None => view! { <PartLoading /> }.into_any(),
                Some(Ok(())) => shown(
                    ready_now(build(true)).and_then(|view| view.ok_or(Unloaded)),
                ),
                Some(Err(e)) => shown(Err(e)),
            })
            .into_any()
        };
        #[cfg(not(feature = "split"))]
        let part = {
            shown($part($($arg,)* true).and_then(|view| view.ok_or(Unloaded)))
        };
        part
    }};
}

/// The result of a part whose module is loaded: its future is ready at its first poll.
#[cfg(feature = "split")]
fn ready_now<T>(
    future: impl std::future::Future<Output = Result<T, Unloaded>>,
) -> Result<T, Unloaded> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(result) => result,
        std::task::Poll::Pending => Err(Unloaded),
    }
}

/// The status line while a part's module loads.
#[component]
pub fn PartLoading() -> impl IntoView {
    let ui = crate::state::Ui::get();
    view! {
        <p class="ssc__loading ssc__loading--part" role="status">
            {move || ui.lang.get().strings().loading}
        </p>
    }
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

/// The tile map of the provinces, from `split_map.wasm`.
#[component]
pub fn LazyMapView(ds: Arc<Dataset>) -> impl IntoView {
    lazy_view!("map", map_view(ds.clone()))
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
    fn compare_view in compare(ds: Arc<Dataset>, build: bool) -> Option<AnyView> {
        build.then(|| view! { <CompareViewNow ds=ds /> }.into_any())
    }
}

part! {
    /// The league table.
    fn league_view in league(ds: Arc<Dataset>, build: bool) -> Option<AnyView> {
        build.then(|| view! { <LeagueViewNow ds=ds /> }.into_any())
    }
}

part! {
    /// The tile map.
    fn map_view in map(ds: Arc<Dataset>, build: bool) -> Option<AnyView> {
        build.then(|| view! { <MapViewNow ds=ds /> }.into_any())
    }
}

part! {
    /// One trend chart of a scorecard, with its readout, summary, table and downloads.
    fn trend_chart in charts(series: Arc<Series>, metric: Arc<Metric>, source: Text, station: Text, build: bool) -> Option<AnyView> {
        build.then(|| view! { <TrendChartNow series=series metric=metric source=source station=station /> }.into_any())
    }
}

part! {
    /// Why a data file that the quick decoder refused cannot be read: its schema version,
    /// then the JSON path of the first mismatch ([`scorecards_core::decode_diagnosed`]).
    ///
    /// A file that is not UTF-8 (GBK, Latin-1: [`scorecards_core::textenc`]) is read again as
    /// the encoding it looks like, decoded by the browser's `TextDecoder`, and returned with
    /// that encoding (for the warning that says so); if it fails that way too, the first
    /// error stands.
    fn diagnose in diagnosis(bytes: &[u8], file: &str) -> Result<(Document, Option<Legacy>), LoadError> {
        let error = match scorecards_core::decode_diagnosed(bytes, file) {
            Ok(doc) => return Ok(Ok((doc, None))),
            Err(e) => e,
        };
        let Detected::Legacy(encoding) = scorecards_core::textenc::detect(bytes) else {
            return Ok(Err(error));
        };
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        web_sys::TextDecoder::new_with_label_and_options(encoding.label(), &options)
            .and_then(|d| d.decode_with_u8_array(bytes))
            .ok()
            .and_then(|text| scorecards_core::decode_diagnosed(text.as_bytes(), file).ok())
            .map(|doc| (doc, Some(encoding)))
            .ok_or(error)
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

part! {
    /// A load error narrated in `lang`: [`scorecards_core::i18n::describe_error`], whose texts
    /// for the errors of a file's content (and the reading of serde's error text) are in this
    /// module, not the first one ([`error_message`]).
    fn narrate_error in diagnosis(lang: Lang, error: &LoadError) -> ErrorMessage {
        scorecards_core::i18n::describe_error(lang, error)
    }
}

/// Whether an error panel has the diagnosis module, which narrates the errors of a file's
/// content ([`error_message`]).
/// (Without `split` the narration is at hand at once: the state is never written.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub enum Narration {
    /// Not asked for yet.
    Unasked,
    /// Loaded: the narration is ready at once.
    Loaded,
    /// It could not be loaded.
    Failed,
}

/// `error` described in `lang` for an error panel. An error of fetching (network, HTTP, a
/// part of the program) is narrated by the first module, at once; an error of a file's content
/// by the diagnosis module ([`narrate_error`]): `None` while that module loads (`state`, kept
/// by the panel and read tracked here, says when it is there), and if it cannot be loaded, the
/// error that says so (a retry loads the data again, and the module with it).
pub fn error_message(
    lang: Lang,
    error: &LoadError,
    state: RwSignal<Narration>,
) -> Option<ErrorMessage> {
    if let Some(message) = describe_fetch_error(lang, error) {
        return Some(message);
    }
    #[cfg(not(feature = "split"))]
    let message = {
        let _ = state;
        narrate_error(lang, error).ok()
    };
    #[cfg(feature = "split")]
    let message = match state.get() {
        Narration::Loaded => ready_now(narrate_error(lang, error)).ok(),
        Narration::Failed => describe_fetch_error(lang, &Unloaded::error("diagnosis")),
        Narration::Unasked => {
            let error = error.clone();
            leptos::task::spawn_local(async move {
                let loaded = narrate_error(lang, &error).await.is_ok();
                let _ = state.try_set(if loaded {
                    Narration::Loaded
                } else {
                    Narration::Failed
                });
            });
            None
        }
    };
    message
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
/// first; only a file it refuses loads the diagnosis. With the document, the encoding it was
/// read in when that is not UTF-8 ([`diagnose`]).
pub async fn decode(bytes: &[u8], file: &str) -> Result<(Document, Option<Legacy>), LoadError> {
    match scorecards_core::decode_quick(bytes, file)? {
        Some(doc) => Ok((doc, None)),
        None => {
            call_part!(diagnose(bytes, file)).unwrap_or_else(|_| Err(Unloaded::error("diagnosis")))
        }
    }
}

/// The warning that a file was read in `encoding`, not UTF-8.
pub fn read_as(encoding: Legacy) -> Issue {
    Issue {
        path: "$".to_string(),
        kind: IssueKind::LegacyEncoding { encoding },
    }
}
