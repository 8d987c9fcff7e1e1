use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::prelude::{
    Circle, DrawingBackend, IntoDrawingArea, PathElement, RGBColor, ShapeStyle,
};
use plotters_canvas::CanvasBackend;
use scorecards_core::chart::{
    self, chart_strings, draw_trend_themed, layout, monthly_mean_label, readout_text, BaselineRule,
    Layout, TrendSpec, TrendView,
};
use scorecards_core::{Lang, Metric, Series, Text};

use crate::chart::{chart_theme, fit_canvas, observe_width, offer_png, CanvasLabels};
use crate::state::Ui;

/// Label size in CSS pixels.
const FONT_PX: f64 = 12.0;

/// A monthly series as a chart people can read, trust and reach: a canvas sized from its
/// measured box × devicePixelRatio (month by month, or this year over last year, with gaps
/// where months are missing, estimates hollow and the previous year's monthly mean as a
/// baseline), a readout that follows the pointer and the arrow keys, a text summary, the
/// same data as a table, and PNG and CSV downloads.
#[component]
pub fn TrendChart(
    series: Arc<Series>,
    metric: Arc<Metric>,
    /// Who published the series (shown in the readout and on the exported image).
    source: Text,
    /// The station's name, for the exported image's title.
    station: Text,
) -> impl IntoView {
    let ui = Ui::get();
    let view_mode = RwSignal::new(TrendView::Timeline);
    let size: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    let wrap: NodeRef<html::Div> = NodeRef::new();
    let canvas: NodeRef<html::Canvas> = NodeRef::new();

    let lay = {
        let (series, metric) = (series.clone(), metric.clone());
        Memo::new(move |_| {
            let (w, ratio) = size.get()?;
            let spec = spec_for(&series, &metric, ui.lang.get(), view_mode.get(), ratio);
            Some(layout(&spec, w * ratio, chart_height(w) * ratio))
        })
    };

    // Measure the box once it is in the page (the observer writes `size`, not this effect).
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            observe_width(&el, size);
        }
    });

    // Draw whenever the data, the language, the view, the box or the selection changes.
    {
        let (series, metric) = (series.clone(), metric.clone());
        Effect::new(move |_| {
            let (Some((w, ratio)), Some(c)) = (size.get(), canvas.get()) else {
                return;
            };
            let spec = spec_for(&series, &metric, ui.lang.get(), view_mode.get(), ratio);
            // Redraw in the new colours when the theme changes.
            ui.theme.track();
            fit_canvas(&c, w, chart_height(w), ratio);
            paint(&c, &spec, selected.get());
        });
    }

    let select_at = move |ev: web_sys::PointerEvent| {
        let ratio = size.get_untracked().map_or(1.0, |s| s.1);
        let (x, y) = (ev.offset_x() as f64 * ratio, ev.offset_y() as f64 * ratio);
        let i = lay.with_untracked(|l| l.as_ref().and_then(|l| l.nearest(x, y)));
        if selected.get_untracked() != i {
            selected.set(i);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let current = selected.get_untracked();
        // (from, steps): Home and End step from "nothing selected" to the first or last point.
        let (from, delta) = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (current, 1),
            "ArrowLeft" | "ArrowUp" => (current, -1),
            "Home" => (None, 1),
            "End" => (None, -1),
            "Escape" => {
                selected.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let next = lay.with_untracked(|l| l.as_ref().and_then(|l| l.step(from, delta)));
        selected.set(next);
    };
    let source_for_readout = source.clone();
    let readout = {
        let metric = metric.clone();
        move || {
            let lang = ui.lang.get();
            let i = selected.get()?;
            lay.with(|l| {
                l.as_ref()
                    .and_then(|l| readout_text(lang, metric.unit, l, i))
                    .map(|point| {
                        lang.messages()
                            .point_with_source(&point, lang.pick(&source_for_readout))
                    })
            })
        }
    };
    let set_view = move |v: TrendView| {
        selected.set(None);
        view_mode.set(v);
    };
    let view_button = move |v: TrendView| {
        let text = move || {
            let s = chart_strings(ui.lang.get());
            match v {
                TrendView::Timeline => s.timeline,
                TrendView::YearOnYear => s.year_on_year,
            }
        };
        view! {
            <button
                type="button"
                class="ssc__chart-view"
                aria-pressed=move || (view_mode.get() == v).to_string()
                on:click=move |_| set_view(v)
            >
                {text}
            </button>
        }
    };

    let summary = {
        let (series, metric) = (series.clone(), metric.clone());
        move || {
            let lang = ui.lang.get();
            chart::summary_text(
                lang,
                lang.pick(&metric.label),
                metric.unit,
                &chart::summarize(&series),
            )
        }
    };
    let summary_id = format!("ssc-{}-chart-{}-summary", ui.uid, metric.id);
    let table = {
        let (series, metric) = (series.clone(), metric.clone());
        move || data_table(ui.lang.get(), &series, &metric)
    };
    let file_stem = format!("{}-{}", metric.id, series.start);
    let png_name = format!("{file_stem}.png");
    let csv_name = format!("{file_stem}.csv");
    let csv = chart::series_csv(&series);
    let metric_for_png = metric.clone();
    let title = {
        let metric = metric.clone();
        move || ui.lang.get().pick(&metric.label).to_string()
    };
    let strings = move || chart_strings(ui.lang.get());
    let prerendered_svg = prerendered_svg(&series, &metric, ui.lang.get_untracked());

    view! {
        <figure class="ssc__chart" data-metric=metric.id.clone()>
            <figcaption class="ssc__chart-title">{title.clone()}</figcaption>
            <div class="ssc__chart-views" role="group" aria-label=move || strings().views>
                {view_button(TrendView::Timeline)}
                {view_button(TrendView::YearOnYear)}
            </div>
            {match prerendered_svg {
                Some(svg) => {
                    // A prerendered view: the same box, with the chart as an SVG image.
                    view! {
                        <div
                            class="ssc__chart-box"
                            role="group"
                            tabindex="0"
                            aria-roledescription=move || ui.lang.get().strings().chart
                            aria-label=title
                            aria-describedby=summary_id.clone()
                        >
                            <img class="ssc__chart-svg" src=svg alt="" />
                        </div>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <div
                            class="ssc__chart-box"
                            node_ref=wrap
                            role="group"
                            tabindex="0"
                            aria-roledescription=move || ui.lang.get().strings().chart
                            aria-label=title
                            aria-describedby=summary_id.clone()
                            on:keydown=on_key
                        >
                            <canvas
                                class="ssc__chart-canvas"
                                node_ref=canvas
                                aria-hidden="true"
                                on:pointermove=select_at
                                on:pointerdown=select_at
                                on:pointerleave=move |_| selected.set(None)
                            ></canvas>
                        </div>
                    }
                        .into_any()
                }
            }}
            <p class="ssc__chart-readout" aria-live="polite">
                {move || readout().unwrap_or_else(|| strings().keys_hint.to_string())}
            </p>
            <p class="ssc__chart-summary" id=summary_id>
                {summary}
            </p>
            <details class="ssc__chart-table">
                <summary>{move || strings().data_table}</summary>
                {table}
            </details>
            <div class="ssc__chart-downloads">
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(c) = canvas.get_untracked() {
                            let lang = ui.lang.get_untracked();
                            let title = format!(
                                "{} · {}",
                                lang.pick(&station),
                                lang.pick(&metric_for_png.label),
                            );
                            let today = js_sys::Date::new_0()
                                .to_iso_string()
                                .as_string()
                                .unwrap_or_default();
                            let footer = lang
                                .messages()
                                .image_footer(lang.pick(&source), &today[..today.len().min(10)]);
                            offer_png(&c, &png_name, &title, &footer);
                        }
                    }
                >
                    {move || strings().download_png}
                </button>
                <button
                    type="button"
                    on:click=move |_| crate::download::offer(
                        &csv_name,
                        "text/csv;charset=utf-8",
                        csv.as_bytes(),
                    )
                >
                    {move || strings().download_csv}
                </button>
            </div>
        </figure>
    }
}

/// The chart as an SVG `data:` address when the view is being prerendered (`None` in the
/// browser).
fn prerendered_svg(series: &Series, metric: &Metric, lang: Lang) -> Option<String> {
    #[cfg(feature = "ssr")]
    if crate::render_mode::prerendering() {
        let spec = spec_for(series, metric, lang, TrendView::Timeline, 1.0);
        return crate::chart::trend_svg(&spec);
    }
    let _ = (series, metric, lang);
    None
}

/// The chart's height for a box `w` CSS pixels wide.
fn chart_height(w: f64) -> f64 {
    (w * 0.42).clamp(200.0, 320.0).round()
}

/// What to draw: the series, with the previous year's monthly mean as the baseline when that
/// year is complete.
fn spec_for<'a>(
    series: &'a Series,
    metric: &Metric,
    lang: Lang,
    view: TrendView,
    ratio: f64,
) -> TrendSpec<'a> {
    let baseline = chart::points(series).last().and_then(|p| {
        let year = p.date().year() - 1;
        chart::year_mean(series, year).map(|value| BaselineRule {
            value,
            label: monthly_mean_label(lang, year),
        })
    });
    TrendSpec {
        series,
        unit: metric.unit,
        lang,
        view,
        baseline,
        pixel_ratio: ratio,
        font_px: FONT_PX,
    }
}

/// Draws the chart on the canvas and rings the selected point.
fn paint(c: &web_sys::HtmlCanvasElement, spec: &TrendSpec, selected: Option<usize>) {
    let (Some(backend), Some(mut labels)) = (
        CanvasBackend::with_canvas_object(c.clone()),
        CanvasLabels::new(c, FONT_PX * spec.pixel_ratio),
    ) else {
        return;
    };
    let root = backend.into_drawing_area();
    let theme = chart_theme(c);
    let Ok(lay) = draw_trend_themed(&root, spec, &theme, &mut labels) else {
        return;
    };
    if let Some(p) = selected.and_then(|i| lay.points.get(i)) {
        let _ = highlight(&root, &lay, p.x, p.y, spec.pixel_ratio, theme.ink);
    }
}

fn highlight<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lay: &Layout,
    x: f64,
    y: f64,
    r: f64,
    ink: chart::Rgb,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = ShapeStyle {
        color: RGBColor(ink.0, ink.1, ink.2).into(),
        filled: false,
        stroke_width: (1.5 * r).round().max(1.0) as u32,
    };
    let (x, y) = (x.round() as i32, y.round() as i32);
    root.draw(&PathElement::new(
        vec![
            (x, lay.plot.top.round() as i32),
            (x, lay.plot.bottom.round() as i32),
        ],
        ShapeStyle {
            stroke_width: 1,
            ..style
        },
    ))?;
    root.draw(&Circle::new((x, y), (6.0 * r).round() as i32, style))
}

/// The table equivalent: every month, missing ones said.
fn data_table(lang: Lang, series: &Series, metric: &Metric) -> impl IntoView {
    let s = chart_strings(lang);
    let rows = chart::table_rows(lang, series, metric.unit)
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.month}</th>
                    <td>{r.value}</td>
                    <td>{r.status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="ssc__table ssc__table--series">
            <thead>
                <tr>
                    <th scope="col">{s.month}</th>
                    <th scope="col">{s.value}</th>
                    <th scope="col">{s.status}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
