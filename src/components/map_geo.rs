use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::layout::resolve;
use scorecards_core::map::geo::{approval, decode, Approval, GeoError, GeoMap};
use scorecards_core::map::index_of_station;
use scorecards_core::map::TileMap;
use scorecards_core::query::DEFAULT_SRC;
use scorecards_core::Dataset;

use super::map_geo_canvas::{GeoPoints, MapGeoCanvas};
use crate::state::Ui;

/// The publisher's boundary map: refused without a map review number (before anything is
/// fetched), else the boundary file fetched from the same site and decoded in the map's
/// module; a failure says why, in the page's language, and the tiles stay one click away.
/// Below the canvas, as page text: the approval number (or the fictitious label), the
/// source, how many areas and stations are drawn, and how the geometry is drawn.
#[component]
pub fn MapGeo(ds: Arc<Dataset>, map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    let gs = move || ui.lang.get().geo_strings();
    let doc = ds.document();
    let state: RwSignal<Option<Result<Arc<GeoMap>, GeoError>>> = RwSignal::new(None);
    let allowed = approval(doc);
    match (&allowed, &doc.boundaries) {
        (Ok(_), Some(b)) => {
            // The data file's own address (an embedding's `data-src`), else the page's.
            let base = use_context::<crate::data::DataBase>()
                .and_then(|b| b.0)
                .or_else(|| ui.src.get_value())
                .unwrap_or_else(|| DEFAULT_SRC.to_string());
            let (src, format) = (resolve(&base, &b.href), b.format);
            leptos::task::spawn_local(async move {
                let result = crate::data::fetch_boundaries(&src)
                    .await
                    .and_then(|bytes| decode(&bytes, format).map(Arc::new));
                let _ = state.try_set(Some(result));
            });
        }
        (Err(e), _) => state.set(Some(Err(e.clone()))),
        (Ok(_), None) => state.set(Some(Err(GeoError::NoBoundaries))),
    }
    let crs = doc.boundaries.as_ref().and_then(|b| b.crs);
    let (mut points, mut other, mut none) = (GeoPoints::default(), 0, 0);
    for (i, st) in ds.stations().iter().enumerate() {
        match st.location {
            Some(l) if Some(l.crs) == crs && l.in_range() => {
                points.pos.push([l.lon, l.lat]);
                points.station.push(i);
                points.unit.push(index_of_station(st));
            }
            Some(_) => other += 1,
            None => none += 1,
        }
    }
    let points = Arc::new(points);
    let source = doc.boundaries.as_ref().map(|b| b.source.clone());
    let approval = Arc::new(allowed.unwrap_or(Approval::Fictitious));
    move || match state.get() {
        None => view! {
            <p class="ssc__muted" role="status">
                {move || gs().loading}
            </p>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <p class="ssc__notice ssc__map-geo-refused" role="alert">
                {move || e.message(ui.lang.get())}
            </p>
        }
        .into_any(),
        Some(Ok(geo)) => {
            let ap = approval.clone();
            let approval_text = move || match &*ap {
                Approval::Number(n) => (gs().approval)(n),
                Approval::Fictitious => gs().fictitious.to_string(),
            };
            let fictitious_too = (geo.fictitious && *approval != Approval::Fictitious)
                .then(|| view! { <p class="ssc__map-approval">{move || gs().fictitious}</p> });
            let source = source.clone();
            let source_text = move || {
                let lang = ui.lang.get();
                source
                    .as_ref()
                    .map(|s| (gs().source)(lang.pick(s)))
                    .unwrap_or_default()
            };
            let n = geo.regions.len();
            let drawn = points.pos.len();
            view! {
                <MapGeoCanvas
                    geo=geo.clone()
                    map=map
                    points=points.clone()
                    approval=approval.clone()
                    ds=ds.clone()
                />
                <p class="ssc__map-approval">{approval_text}</p>
                {fictitious_too}
                <p class="ssc__muted">
                    {source_text}" "{move || (gs().regions)(n)}" "
                    {move || (gs().points)(drawn, other, none)}
                </p>
                <p class="ssc__muted">{move || gs().drawn_as_is}</p>
            }
            .into_any()
        }
    }
}
