use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use scorecards_core::chart::{
    bar_chart_height, bar_layout, bar_value_text, draw_bars_themed, polarity_note, Bar, BarSpec,
};
use scorecards_core::{Polarity, Unit};

use crate::chart::{chart_theme, fit_canvas, observe_width, CanvasLabels};
use crate::state::Ui;

/// Label size in CSS pixels.
const FONT_PX: f64 = 12.0;

/// Comparable stations as bars, best first, with the metric's direction said above them; a
/// readout follows the pointer and the arrow keys. The table next to it is the text equivalent.
#[component]
pub fn BarChart(
    /// The comparable stations, in league order.
    bars: Vec<Bar>,
    /// Unit of the values.
    unit: Unit,
    /// Whether higher or lower is better.
    polarity: Polarity,
    /// What the chart shows.
    title: String,
) -> impl IntoView {
    let ui = Ui::get();
    let size: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    let wrap: NodeRef<html::Div> = NodeRef::new();
    let canvas: NodeRef<html::Canvas> = NodeRef::new();
    let bars = StoredValue::new(bars);
    let n = bars.with_value(Vec::len);

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
        let mut shown = bars.get_value();
        if let Some(b) = selected.get().and_then(|i| shown.get_mut(i)) {
            b.highlight = true;
        }
        let spec = BarSpec {
            bars: &shown,
            unit,
            polarity,
            lang,
            pixel_ratio: ratio,
            font_px: FONT_PX,
        };
        fit_canvas(&c, w, bar_chart_height(n, FONT_PX), ratio);
        if let (Some(backend), Some(mut labels)) = (
            CanvasBackend::with_canvas_object(c.clone()),
            CanvasLabels::new(&c, FONT_PX * ratio),
        ) {
            let theme = chart_theme(&c);
            let _ = draw_bars_themed(&backend.into_drawing_area(), &spec, &theme, &mut labels);
        }
    });

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let next = match (ev.key().as_str(), selected.get_untracked()) {
            ("ArrowDown" | "ArrowRight", None) | ("Home", _) => Some(0),
            ("ArrowDown" | "ArrowRight", Some(i)) => Some((i + 1).min(n.saturating_sub(1))),
            ("ArrowUp" | "ArrowLeft", None) | ("End", _) => n.checked_sub(1),
            ("ArrowUp" | "ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
            ("Escape", _) => None,
            _ => return,
        };
        ev.prevent_default();
        selected.set(next);
    };
    let on_pointer = move |ev: web_sys::PointerEvent| {
        let Some((w, ratio)) = size.get_untracked() else {
            return;
        };
        let lang = ui.lang.get_untracked();
        let i = bars.with_value(|b| {
            let spec = BarSpec {
                bars: b,
                unit,
                polarity,
                lang,
                pixel_ratio: ratio,
                font_px: FONT_PX,
            };
            bar_layout(&spec, w * ratio, bar_chart_height(n, FONT_PX) * ratio)
                .bar_at(f64::from(ev.offset_y()) * ratio)
        });
        if selected.get_untracked() != i {
            selected.set(i);
        }
    };
    let readout = move || {
        let lang = ui.lang.get();
        match selected.get() {
            Some(i) => bars.with_value(|b| {
                b.get(i).map(|bar| {
                    let rank = bar
                        .rank
                        .as_ref()
                        .map(|r| format!("{r}. "))
                        .unwrap_or_default();
                    let value = bar_value_text(lang, bar.value, unit);
                    format!("{rank}{}", lang.messages().labelled(&bar.label, &value))
                })
            }),
            None => None,
        }
        .unwrap_or_else(|| lang.strings().bars_keys_hint.to_string())
    };
    let label = format!(
        "{title} ({})",
        polarity_note(ui.lang.get_untracked(), polarity)
    );
    view! {
        <figure class="ssc__chart ssc__chart--bars">
            <figcaption class="ssc__chart-title">{title.clone()}</figcaption>
            <div
                class="ssc__chart-box"
                node_ref=wrap
                role="group"
                tabindex="0"
                aria-roledescription=ui.lang.get_untracked().strings().chart
                aria-label=label
                on:keydown=on_key
            >
                <canvas
                    class="ssc__chart-canvas"
                    node_ref=canvas
                    aria-hidden="true"
                    on:pointermove=on_pointer
                    on:pointerleave=move |_| selected.set(None)
                ></canvas>
            </div>
            <p class="ssc__chart-readout" aria-live="polite">
                {readout}
            </p>
        </figure>
    }
}
