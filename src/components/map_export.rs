use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::map::export::{
    draw_export_lines, draw_export_title, export_layout, export_texts, ExportTexts,
};
use scorecards_core::map::TileMap;
use scorecards_core::Dataset;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::chart::{chart_theme, CanvasLabels};
use crate::state::Ui;

/// "Download the map (PNG)": the map's canvas as drawn (tiles or boundary areas, points,
/// legend, and in geographic mode the approval number or the fictitious label), framed by a
/// title line (metric, measure, period) and the source lines (`scorecards_core::map::export`).
/// Finds the map's canvas in its own section, so the canvas components need no hook; kept
/// apart from the charts' `offer_png`, so that nothing here is shared with other parts (see
/// docs/size-notes.md).
#[component]
pub fn MapExport(ds: Arc<Dataset>, map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    let es = move || ui.lang.get().map_export_strings();
    let said = RwSignal::new(String::new());
    let on_click = move |_| {
        let lang = ui.lang.get_untracked();
        let es = lang.map_export_strings();
        let Some((canvas, geo)) = map_canvas(ui.uid) else {
            said.set(es.nothing.to_string());
            return;
        };
        let texts = map.with_untracked(|m| export_texts(&ds, m, lang, geo));
        match framed_png(&canvas, &texts) {
            Some(url) => {
                offer(&url, &texts.file_name);
                said.set((es.offered)(&texts.file_name));
            }
            None => said.set(es.nothing.to_string()),
        }
    };
    view! {
        <p class="ssc__map-export">
            <button type="button" class="ssc__button ssc__button--quiet" on:click=on_click>
                {move || es().button}
            </button>
            " "
            <span class="ssc__muted" role="status">
                {move || said.get()}
            </span>
        </p>
    }
}

/// The drawn map canvas of the scorecards instance `uid`, and whether it is the boundary
/// map's (none while boundaries load, or when they were refused). Found through the
/// document, whose `querySelector` the first module imports already: a new DOM import
/// would add its glue to the first view.
fn map_canvas(uid: u32) -> Option<(HtmlCanvasElement, bool)> {
    let document = web_sys::window()?.document()?;
    let find = |figure: &str| {
        document
            .query_selector(&format!(
                "[data-ssc-uid=\"{uid}\"] .ssc__map {figure} canvas.ssc__map-canvas"
            ))
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .filter(|c| c.width() > 1 && c.height() > 1)
    };
    find(".ssc__chart--geo")
        .map(|c| (c, true))
        .or_else(|| find(".ssc__chart--map").map(|c| (c, false)))
}

/// A copy of `canvas` with the title above and the lines below, as a PNG `data:` address.
fn framed_png(canvas: &HtmlCanvasElement, texts: &ExportTexts) -> Option<String> {
    let ratio = web_sys::window()?.device_pixel_ratio();
    let lay = export_layout(
        texts,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
        ratio,
    );
    let out: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    out.set_width(lay.width as u32);
    out.set_height(lay.height as u32);
    let ctx: web_sys::CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    let theme = chart_theme(canvas);
    ctx.set_fill_style_str(&theme.background.hex());
    ctx.fill_rect(0.0, 0.0, lay.width, lay.height);
    ctx.draw_image_with_html_canvas_element(canvas, lay.image_x, lay.image_y)
        .ok()?;
    // One label sink per font size: both write through the same context.
    draw_export_title(&lay, &mut CanvasLabels::new(&out, lay.title_px)?, theme.ink);
    draw_export_lines(&lay, &mut CanvasLabels::new(&out, lay.line_px)?, theme.ink);
    out.to_data_url().ok()
}

/// Starts the download of `url` named `file_name`.
fn offer(url: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(url);
        a.set_download(file_name);
        a.click();
    }
}
