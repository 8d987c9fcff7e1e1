use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use scorecards_core::compare::Measure;
use scorecards_core::map::{
    draw_map, map_height, map_layout, step, tile_map, Move, Tile, TileMap, TileState, UNITS,
};
use scorecards_core::query::{PageQuery, RankQuery, View};
use scorecards_core::{Dataset, Lang};

use super::league_view::{choice, offered_metrics, reported_counts};
use crate::chart::{chart_theme, fit_canvas, observe_width, CanvasLabels};
use crate::state::Ui;
use crate::url;

/// Label size on the canvas, in CSS pixels.
const FONT_PX: f64 = 12.0;
/// Label size on a command-centre screen (`display=big`).
const BIG_FONT_PX: f64 = 18.0;

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
            .with(|q| counts.with_value(|c| choice(&ds_choice, c, q)))
    });
    let ds_tiles = ds.clone();
    let map: Memo<Arc<TileMap>> = Memo::new(move |_| {
        chosen.with(|(metric, measure)| Arc::new(tile_map(&ds_tiles, metric, *measure)))
    });
    let offered = StoredValue::new(offered_metrics(&ds));
    let ds_controls = ds.clone();
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
                <h2 class="ssc__heading" tabindex="-1">{move || ms().title}</h2>
                <p class="ssc__notice" role="status">{move || ms().nothing_to_show}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="ssc__map" aria-label=move || ms().title>
            <h2 class="ssc__heading" tabindex="-1">{move || ms().title}</h2>
            <p class="ssc__muted">{move || ms().intro}</p>
            {controls}
            <TileCanvas map=map />
            <p class="ssc__map-summary">{summary}</p>
            <p class="ssc__muted">{move || ms().median_note}" "{scale_note}</p>
            <ClassList map=map />
            {unplaced}
            <UnitTable map=map />
        </section>
    }
    .into_any()
}

/// The canvas with the tiles and legend: arrow keys move between tiles (read out in the live
/// line below), Enter or a click opens the province's league table.
#[component]
fn TileCanvas(map: Memo<Arc<TileMap>>) -> impl IntoView {
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
            <p class="ssc__chart-readout" aria-live="polite">{readout}</p>
        </figure>
    }
}

/// The class breaks said in text, each with its colour swatch.
#[component]
fn ClassList(map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let lang = ui.lang.get();
        let s = lang.map_strings();
        map.with(|m| {
            let items = m
                .class_texts(lang)
                .into_iter()
                .zip(m.classes.colors.iter())
                .map(|(text, c)| {
                    view! {
                        <li>
                            <span class="ssc__swatch" style:background-color=c.hex()></span>
                            {text}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="ssc__map-classes">
                    <p class="ssc__map-classes-title">{s.classes}</p>
                    <ol class="ssc__map-class-list">
                        {items}
                        <li><span class="ssc__swatch ssc__swatch--hatched"></span>{s.no_comparable}</li>
                        <li><span class="ssc__swatch ssc__swatch--dotted"></span>{s.no_station}</li>
                    </ol>
                </div>
            }
        })
    }
}

/// Every unit with its stations, comparable figures and median, or why it has none.
#[component]
fn UnitTable(map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    let ms = move || ui.lang.get().map_strings();
    let rows = move || {
        let lang = ui.lang.get();
        map.with(|m| m.tiles.iter().map(|t| unit_row(m, t, lang)).collect_view())
    };
    view! {
        <div class="ssc__table-wrap" role="region" tabindex="0" aria-label=move || ms().table_caption>
            <table class="ssc__table ssc__table--map">
                <caption>{move || ms().table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || ms().col_unit}</th>
                        <th scope="col">{move || ms().col_stations}</th>
                        <th scope="col">{move || ms().col_comparable}</th>
                        <th scope="col">{move || ms().col_value}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn unit_row(m: &TileMap, t: &Tile, lang: Lang) -> impl IntoView {
    let ui = Ui::get();
    let u = &UNITS[t.unit];
    let name = match lang {
        Lang::Zh => u.zh_full.to_string(),
        Lang::En => u.en.to_string(),
    };
    let state = match t.state {
        TileState::Value { .. } => "value",
        TileState::NoComparable => "no-comparable",
        TileState::NoStation => "no-station",
    };
    let value = m.tile_value_text(lang, t);
    let ms = lang.map_strings();
    let link = t.province.clone().map(|p| {
        let q = league_query(&ui, m, p.clone());
        let href = if ui.url_sync {
            url::href(&q)
        } else {
            "#".to_string()
        };
        let m = m.clone();
        let on_click = move |ev: leptos::ev::MouseEvent| {
            let new_tab = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0;
            if ui.url_sync && new_tab {
                return;
            }
            ev.prevent_default();
            open_league(&ui, &m, p.clone());
        };
        view! {
            " "
            <a class="ssc__link ssc__map-league" href=href on:click=on_click>
                {lang.map_strings().open_league}
            </a>
        }
    });
    view! {
        <tr data-code=u.code.to_string() data-state=state>
            <th scope="row">{name}</th>
            <td class="ssc__num" data-label=ms.col_stations>{t.stations}</td>
            <td class="ssc__num" data-label=ms.col_comparable>{t.comparable}</td>
            <td data-label=ms.col_value>{value}{link}</td>
        </tr>
    }
}

/// The league table's choices for the province `province` on the map's metric and measure.
fn league_rank(m: &TileMap, province: String) -> RankQuery {
    RankQuery {
        metric: Some(m.metric.clone()),
        measure: Some(m.measure),
        province: Some(province),
        ..RankQuery::default()
    }
}

fn league_query(ui: &Ui, m: &TileMap, province: String) -> PageQuery {
    PageQuery {
        view: View::Rank,
        rank: league_rank(m, province),
        ..ui.query_for(None, ui.lang.get_untracked())
    }
}

/// Opens the league table filtered to `province` (a history entry on the standalone page).
fn open_league(ui: &Ui, m: &TileMap, province: String) {
    ui.put_rank(league_rank(m, province));
    ui.go(View::Rank);
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
    let metrics = offered
        .iter()
        .map(|&i| &ds.document().metrics[i])
        .map(|m| view! { <option value=m.id.clone() selected=m.id == metric>{lang.pick(&m.label).to_string()}</option> })
        .collect_view();
    let measures = [
        (Measure::Level, s.measure_level),
        (Measure::Change, s.measure_change),
    ]
    .map(|(m, name)| view! { <option value=m.code() selected=m == measure>{name}</option> })
    .into_iter()
    .collect_view();
    let (metric_id, measure_id) = (ui.id("map-metric"), ui.id("map-measure"));
    let set = move |f: Box<dyn Fn(&mut RankQuery)>| ui.update_rank(|r| f(r));
    view! {
        <div class="ssc__controls">
            <p class="ssc__control">
                <label for=metric_id.clone()>{s.metric}</label>
                <select id=metric_id class="ssc__select" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(Box::new(move |r| { r.metric = Some(v.clone()); r.measure = None; }))
                }>{metrics}</select>
            </p>
            <p class="ssc__control">
                <label for=measure_id.clone()>{s.measure}</label>
                <select id=measure_id class="ssc__select" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(Box::new(move |r| r.measure = Measure::from_code(&v)))
                }>{measures}</select>
            </p>
        </div>
    }
}
