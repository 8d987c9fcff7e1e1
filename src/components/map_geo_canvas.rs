use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use scorecards_core::map::geo::{Approval, GeoMap};
use scorecards_core::map::geo_draw::{
    draw_geo_focus, draw_geo_overlay, geo_height, geo_layout, geo_layout_for, geo_step, GeoLayout,
    GeoSpec,
};
use scorecards_core::map::{Move, TileMap};
use scorecards_core::Dataset;
use wasm_bindgen::JsCast;

use super::map_geo_paint::{paint_regions, GeoCanvasPaths};
use crate::chart::{chart_theme, fit_canvas, observe_width, CanvasLabels};
use crate::state::Ui;

/// Label size on the canvas, in CSS pixels (larger on a command-centre screen).
const FONT_PX: f64 = 12.0;
const BIG_FONT_PX: f64 = 18.0;
/// How near, in CSS pixels, the pointer must be to a station to pick it.
const PICK_PX: f64 = 24.0;

fn font_px_untracked(ui: &Ui) -> f64 {
    if ui.big.get_untracked() {
        BIG_FONT_PX
    } else {
        FONT_PX
    }
}

/// A canvas off the page, `w` × `h` backend pixels.
pub(super) fn offscreen(w: u32, h: u32) -> Option<web_sys::HtmlCanvasElement> {
    let c: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    c.set_width(w);
    c.set_height(h);
    Some(c)
}

pub(super) fn context(c: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    c.get_context("2d").ok()??.dyn_into().ok()
}

/// The stations drawn as points: position, station index, provincial-level unit.
#[derive(Debug, Default)]
pub struct GeoPoints {
    /// Longitude and latitude.
    pub pos: Vec<[f64; 2]>,
    /// Index into the data set's stations.
    pub station: Vec<usize>,
    /// The station's unit (index into `UNITS`).
    pub unit: Vec<Option<usize>>,
}

/// The boundary map's canvas: the pointer picks the nearest station, arrow keys move between
/// stations; the chosen station is read out in the live line below.
///
/// Its state (size, focus, the canvas and its box), its width and theme effects and its
/// focusable box follow the tile map's and the bar chart's (the `duplicates` tool pairs
/// them): the canvas components share that frame; what they draw and how keys move differ.
#[component]
pub fn MapGeoCanvas(
    geo: Arc<GeoMap>,
    map: Memo<Arc<TileMap>>,
    points: Arc<GeoPoints>,
    approval: Arc<Approval>,
    ds: Arc<Dataset>,
) -> impl IntoView {
    let ui = Ui::get();
    let size: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let focus: RwSignal<Option<usize>> = RwSignal::new(None);
    let wrap: NodeRef<html::Div> = NodeRef::new();
    let canvas: NodeRef<html::Canvas> = NodeRef::new();
    let font_px = move || if ui.big.get() { BIG_FONT_PX } else { FONT_PX };
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            observe_width(&el, size);
        }
    });
    // The regions, points, legend and approval line are drawn once per size, language,
    // theme and metric into a canvas kept off the page; a key press copies that picture and
    // draws only the focus ring over it. The regions' pixel paths are kept per layout.
    let base: StoredValue<Option<(web_sys::HtmlCanvasElement, GeoLayout)>, LocalStorage> =
        StoredValue::new_local(None);
    let paths: StoredValue<Option<GeoCanvasPaths>, LocalStorage> = StoredValue::new_local(None);
    let drawn = RwSignal::new(0u32);
    let (g, p, ap) = (geo.clone(), points.clone(), approval.clone());
    Effect::new(move |_| {
        let (Some((w, ratio)), Some(c)) = (size.get(), canvas.get()) else {
            return;
        };
        let lang = ui.lang.get();
        ui.theme.track();
        let font = font_px();
        map.with(|m| {
            let classes = m.classes.colors.len();
            let (pw, ph) = fit_canvas(&c, w, geo_height(g.bbox, w, font, classes), ratio);
            // The last picture's canvas is drawn over when the size is the same.
            let kept = base
                .with_value(|b| b.as_ref().map(|(o, _)| o.clone()))
                .filter(|o| (o.width(), o.height()) == (pw, ph));
            let Some(off) = kept.or_else(|| offscreen(pw, ph)) else {
                return;
            };
            if let (Some(backend), Some(mut labels), Some(ctx)) = (
                CanvasBackend::with_canvas_object(off.clone()),
                CanvasLabels::new(&off, font * ratio),
                context(&off),
            ) {
                let spec = GeoSpec {
                    geo: &g,
                    map: m,
                    points: &p.pos,
                    focus: None,
                    approval: &ap,
                    lang,
                    pixel_ratio: ratio,
                    font_px: font,
                };
                let theme = chart_theme(&c);
                let area = backend.into_drawing_area();
                let lay = geo_layout_for(&area, &spec);
                paths.update_value(|p| {
                    if p.as_ref().map(GeoCanvasPaths::layout) != Some(&lay) {
                        *p = GeoCanvasPaths::new(&g, &lay);
                    }
                });
                paths.update_value(|p| {
                    if let Some(p) = p {
                        paint_regions(&ctx, p, &g, m, &theme, ratio);
                    }
                });
                if draw_geo_overlay(&area, &spec, &lay, &theme, &mut labels).is_ok() {
                    base.set_value(Some((off, lay)));
                    drawn.update(|n| *n += 1);
                }
            }
        });
    });
    let (g, p, ap) = (geo.clone(), points.clone(), approval);
    Effect::new(move |_| {
        drawn.track();
        let focus = focus.get();
        let (Some(c), Some((_, ratio))) = (canvas.get(), size.get_untracked()) else {
            return;
        };
        let lang = ui.lang.get_untracked();
        base.with_value(|b| {
            let Some((off, lay)) = b else {
                return;
            };
            let Some(ctx) = context(&c) else {
                return;
            };
            let _ = ctx.draw_image_with_html_canvas_element(off, 0.0, 0.0);
            let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) else {
                return;
            };
            map.with_untracked(|m| {
                let spec = GeoSpec {
                    geo: &g,
                    map: m,
                    points: &p.pos,
                    focus,
                    approval: &ap,
                    lang,
                    pixel_ratio: ratio,
                    font_px: font_px_untracked(&ui),
                };
                let theme = chart_theme(&c);
                let _ = draw_geo_focus(&backend.into_drawing_area(), &spec, lay, &theme);
            });
        });
    });
    let p = points.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Escape" {
            focus.set(None);
            return;
        }
        let Some(m) = Move::from_key(&key) else {
            return;
        };
        ev.prevent_default();
        focus.set(geo_step(&p.pos, focus.get_untracked(), m));
    };
    let p = points.clone();
    let on_pointer = move |ev: web_sys::PointerEvent| {
        let Some((w, ratio)) = size.get_untracked() else {
            return;
        };
        let font = if ui.big.get_untracked() {
            BIG_FONT_PX
        } else {
            FONT_PX
        };
        let classes = map.with_untracked(|m| m.classes.colors.len());
        let lay = geo_layout(geo.bbox, w * ratio, ratio, font, classes);
        let hit = lay.nearest(
            &p.pos,
            f64::from(ev.offset_x()) * ratio,
            f64::from(ev.offset_y()) * ratio,
            PICK_PX * ratio,
        );
        if hit.is_some() && focus.get_untracked() != hit {
            focus.set(hit);
        }
    };
    let readout = move || {
        let lang = ui.lang.get();
        let gs = lang.geo_strings();
        match focus.get() {
            Some(i) => {
                let st = &ds.stations()[points.station[i]];
                let unit = points.unit[i]
                    .map(|u| map.with(|m| m.readout(lang, u)))
                    .unwrap_or_default();
                (gs.point_readout)(lang.pick(&st.name), &unit)
            }
            None => gs.keys_hint.to_string(),
        }
    };
    view! {
        <figure class="ssc__chart ssc__chart--map ssc__chart--geo">
            <div
                class="ssc__chart-box"
                node_ref=wrap
                role="group"
                tabindex="0"
                aria-roledescription="chart"
                aria-label=move || ui.lang.get().geo_strings().canvas_label
                on:keydown=on_key
            >
                <canvas
                    class="ssc__chart-canvas ssc__map-canvas"
                    node_ref=canvas
                    aria-hidden="true"
                    on:pointermove=on_pointer
                ></canvas>
            </div>
            <p class="ssc__chart-readout" aria-live="polite">
                {readout}
            </p>
        </figure>
    }
}
