use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::map::TileMap;
use scorecards_core::query::MapMode;
use scorecards_core::Dataset;

use super::map_canvas::MapCanvas;
use super::map_geo::MapGeo;
use crate::state::Ui;

/// The tile map, and — when the data names a boundary file — a choice between the tiles and
/// the publisher's boundary map (fetched on first choice). Without boundaries: the tiles only.
/// The choice is kept with the metric (`map=geo` in the address, `data-map` when embedded).
#[component]
pub fn MapModes(ds: Arc<Dataset>, map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    // The tiles say they are a chart, not a map; the boundary map says whose map it is.
    let intro = move || ui.lang.get().map_strings().intro;
    if ds.document().boundaries.is_none() {
        return view! {
            <p class="ssc__muted">{intro}</p>
            <MapCanvas map=map />
        }
        .into_any();
    }
    let geo = Memo::new(move |_| ui.rank.with(|r| r.map == MapMode::Geo));
    let gs = move || ui.lang.get().geo_strings();
    let button = move |on: bool| {
        let text = move || if on { gs().mode_geo } else { gs().mode_tiles };
        view! {
            <button
                type="button"
                class="ssc__chart-view ssc__map-mode"
                data-mode=if on { "geo" } else { "tiles" }
                aria-pressed=move || (geo.get() == on).to_string()
                on:click=move |_| {
                    ui.update_rank(|r| r.map = if on { MapMode::Geo } else { MapMode::Tiles })
                }
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="ssc__chart-views" role="group" aria-label=move || gs().mode>
            {button(false)}
            {button(true)}
        </div>
        {move || {
            if geo.get() {
                view! { <MapGeo ds=ds.clone() map=map /> }.into_any()
            } else {
                view! {
                    <p class="ssc__muted">{intro}</p>
                    <MapCanvas map=map />
                }
                    .into_any()
            }
        }}
    }
    .into_any()
}
