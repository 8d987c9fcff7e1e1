use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::compare::Measure;
use scorecards_core::map::{tile_map, TileMap};
use scorecards_core::query::RankQuery;
use scorecards_core::{Dataset, Lang};

use super::map_classes::MapClasses;
use super::map_export::MapExport;
use super::map_modes::MapModes;
use super::map_table::MapTable;
use super::menu_options::{measure_options, metric_options};
use crate::state::Ui;
use scorecards_core::ranking::{offered_metrics, reported_counts, shown_metric};

/// The provinces as equal tiles shaded by one metric, with its legend, a text summary and
/// a table of every unit; a tile (click or Enter) opens the league table of its province.
/// Tiles, classes and texts come from `scorecards_core::map`.
#[component]
pub fn MapView(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let ms = move || ui.lang.get().map_strings();
    let counts = StoredValue::new(reported_counts(&ds));
    let ds_choice = ds.clone();
    let chosen: Memo<(String, Measure)> = Memo::new(move |_| {
        ui.rank
            .with(|q| counts.with_value(|c| shown_metric(&ds_choice, c, q)))
    });
    let ds_tiles = ds.clone();
    let map: Memo<Arc<TileMap>> = Memo::new(move |_| {
        chosen.with(|(metric, measure)| Arc::new(tile_map(&ds_tiles, metric, *measure)))
    });
    let offered = StoredValue::new(offered_metrics(&ds));
    let ds_controls = ds.clone();
    let ds_modes = ds.clone();
    let ds_export = ds.clone();
    let controls = move || {
        let (metric, measure) = chosen.get();
        let lang = ui.lang.get();
        offered.with_value(|o| map_controls(&ds_controls, o, &metric, measure, lang))
    };
    let summary = move || map.with(|m| m.summary(ui.lang.get()));
    let unplaced = move || {
        let n = map.with(|m| m.unplaced);
        (n > 0).then(|| view! { <p class="ssc__muted">{move || (ms().unplaced)(n)}</p> })
    };
    let scale_note = move || {
        if chosen.get().1 == Measure::Change {
            ms().diverging_note
        } else {
            ms().sequential_note
        }
    };
    if offered.with_value(Vec::is_empty) {
        return view! {
            <section class="ssc__map" aria-label=move || ms().title>
                <h2 class="ssc__heading" tabindex="-1">
                    {move || ms().title}
                </h2>
                <p class="ssc__notice" role="status">
                    {move || ms().nothing_to_show}
                </p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="ssc__map" aria-label=move || ms().title>
            <h2 class="ssc__heading" tabindex="-1">
                {move || ms().title}
            </h2>
            {controls}
            <MapModes ds=ds_modes map=map />
            <MapExport ds=ds_export map=map />
            <p class="ssc__map-summary">{summary}</p>
            <p class="ssc__muted">{move || ms().median_note}" "{scale_note}</p>
            <MapClasses map=map />
            {unplaced}
            <MapTable map=map />
        </section>
    }
    .into_any()
}

fn map_controls(
    ds: &Dataset,
    offered: &[usize],
    metric: &str,
    measure: Measure,
    lang: Lang,
) -> impl IntoView {
    let ui = Ui::get();
    let s = lang.strings();
    let metrics = metric_options(ds, offered, metric, lang);
    let measures = measure_options(measure, lang);
    let (metric_id, measure_id) = (ui.id("map-metric"), ui.id("map-measure"));
    let set = move |f: Box<dyn Fn(&mut RankQuery)>| ui.update_rank(|r| f(r));
    view! {
        <div class="ssc__controls">
            <p class="ssc__control">
                <label for=metric_id.clone()>{s.metric}</label>
                <select
                    id=metric_id
                    class="ssc__select"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(
                            Box::new(move |r| {
                                r.metric = Some(v.clone());
                                r.measure = None;
                            }),
                        )
                    }
                >
                    {metrics}
                </select>
            </p>
            <p class="ssc__control">
                <label for=measure_id.clone()>{s.measure}</label>
                <select
                    id=measure_id
                    class="ssc__select"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(Box::new(move |r| r.measure = Measure::from_code(&v)))
                    }
                >
                    {measures}
                </select>
            </p>
        </div>
    }
}
