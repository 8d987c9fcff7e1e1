use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use scorecards_core::chart::{draw_spark, spark_text, spark_window};
use scorecards_core::{Metric, Series};

use crate::chart::{chart_theme, fit_canvas, observe_width};
use crate::state::Ui;

/// Height in CSS pixels (taller on a big screen, where the tile is).
const HEIGHT_PX: f64 = 36.0;

/// The last months of a series as a small line without axes (gaps stay gaps, estimates are
/// hollow), drawn by the core's [`draw_spark`] on a canvas sized from its box, in the theme's
/// colours. Its text equivalent is its accessible name; the family panel below holds the
/// full chart with its table. Nothing is drawn for fewer than two months with a value.
#[component]
pub fn Sparkline(series: Arc<Series>, metric: Arc<Metric>) -> impl IntoView {
    let ui = Ui::get();
    if spark_window(&series).is_empty() {
        return ().into_any();
    }
    let size: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let wrap: NodeRef<html::Div> = NodeRef::new();
    let canvas: NodeRef<html::Canvas> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            observe_width(&el, size);
        }
    });
    {
        let series = series.clone();
        Effect::new(move |_| {
            let (Some((w, ratio)), Some(c)) = (size.get(), canvas.get()) else {
                return;
            };
            ui.theme.track();
            let h = if ui.big.get() {
                HEIGHT_PX * 1.5
            } else {
                HEIGHT_PX
            };
            fit_canvas(&c, w, h, ratio);
            if let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) {
                let theme = chart_theme(&c);
                let _ = draw_spark(&backend.into_drawing_area(), &series, ratio, &theme);
            }
        });
    }
    let svg = prerendered_svg(&series);
    let label = move || spark_text(ui.lang.get(), metric.unit, &spark_window(&series));
    if let Some(svg) = svg {
        return view! {
            <div class="ssc__spark" role="img" aria-label=label>
                <img class="ssc__spark-svg" src=svg alt="" />
            </div>
        }
        .into_any();
    }
    view! {
        <div class="ssc__spark" node_ref=wrap role="img" aria-label=label>
            <canvas class="ssc__spark-canvas" node_ref=canvas aria-hidden="true"></canvas>
        </div>
    }
    .into_any()
}

/// The sparkline as an SVG `data:` address while the view is being prerendered (`None` in
/// the browser), in the light theme's colours like the prerendered trend charts.
fn prerendered_svg(series: &Series) -> Option<String> {
    #[cfg(feature = "ssr")]
    if crate::render_mode::prerendering() {
        return crate::chart::spark_svg(series, &scorecards_core::chart::ChartTheme::LIGHT);
    }
    let _ = series;
    None
}
