use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use scorecards_core::map::{draw_map, map_height, map_layout, step, Move, TileMap};

use super::map_table::open_league;
use crate::chart::{chart_theme, fit_canvas, observe_width, CanvasLabels};
use crate::state::Ui;

/// Label size on the canvas, in CSS pixels.
const FONT_PX: f64 = 12.0;
/// Label size on a command-centre screen (`display=big`).
const BIG_FONT_PX: f64 = 18.0;

/// The canvas with the tiles and legend: arrow keys move between tiles (read out in the live
/// line below), Enter or a click opens the province's league table.
#[component]
pub fn MapCanvas(map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    let size: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let focus: RwSignal<Option<usize>> = RwSignal::new(None);
    let wrap: NodeRef<html::Div> = NodeRef::new();
    let canvas: NodeRef<html::Canvas> = NodeRef::new();
    let font_px = move || if ui.big.get() { BIG_FONT_PX } else { FONT_PX };
    // Every canvas component (bar chart, trend chart, tile map) follows its width and the
    // theme and redraws on either (the `duplicates` tool pairs them); what it draws differs.
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            observe_width(&el, size);
        }
    });
    Effect::new(move |_| {
        let (Some((w, ratio)), Some(c)) = (size.get(), canvas.get()) else {
            return;
        };
        let lang = ui.lang.get();
        // Redraw in the new colours when the theme changes.
        ui.theme.track();
        let focus = focus.get();
        let font = font_px();
        map.with(|m| {
            fit_canvas(&c, w, map_height(w, font, m.classes.colors.len()), ratio);
            if let (Some(backend), Some(mut labels)) = (
                CanvasBackend::with_canvas_object(c.clone()),
                CanvasLabels::new(&c, font * ratio),
            ) {
                let spec = scorecards_core::map::MapSpec {
                    map: m,
                    lang,
                    pixel_ratio: ratio,
                    font_px: font,
                    focus,
                };
                let theme = chart_theme(&c);
                let _ = draw_map(&backend.into_drawing_area(), &spec, &theme, &mut labels);
            }
        });
    });
    let open = move |unit: usize| {
        map.with_untracked(|m| {
            if let Some(p) = m.tiles[unit].province.clone() {
                open_league(&ui, m, p);
            }
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Enter" || key == " " {
            if let Some(u) = focus.get_untracked() {
                ev.prevent_default();
                open(u);
            }
            return;
        }
        if key == "Escape" {
            focus.set(None);
            return;
        }
        let Some(m) = Move::from_key(&key) else {
            return;
        };
        ev.prevent_default();
        focus.set(Some(step(focus.get_untracked(), m)));
    };
    let tile_at = move |ev: &web_sys::MouseEvent| {
        let (w, ratio) = size.get_untracked()?;
        let classes = map.with_untracked(|m| m.classes.colors.len());
        let font = if ui.big.get_untracked() {
            BIG_FONT_PX
        } else {
            FONT_PX
        };
        map_layout(w * ratio, ratio, font, classes).tile_at(
            f64::from(ev.offset_x()) * ratio,
            f64::from(ev.offset_y()) * ratio,
        )
    };
    let on_pointer = move |ev: web_sys::PointerEvent| {
        let hit = tile_at(&ev);
        if hit.is_some() && focus.get_untracked() != hit {
            focus.set(hit);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(u) = tile_at(&ev) {
            open(u);
        }
    };
    let readout = move || {
        let lang = ui.lang.get();
        match focus.get() {
            Some(u) => map.with(|m| m.readout(lang, u)),
            None => lang.map_strings().keys_hint.to_string(),
        }
    };
    view! {
        <figure class="ssc__chart ssc__chart--map">
            <div
                class="ssc__chart-box"
                node_ref=wrap
                role="group"
                tabindex="0"
                aria-roledescription="chart"
                aria-label=move || ui.lang.get().map_strings().grid_label
                on:keydown=on_key
            >
                <canvas
                    class="ssc__chart-canvas ssc__map-canvas"
                    node_ref=canvas
                    aria-hidden="true"
                    on:pointermove=on_pointer
                    on:click=on_click
                ></canvas>
            </div>
            <p class="ssc__chart-readout" aria-live="polite">
                {readout}
            </p>
        </figure>
    }
}
