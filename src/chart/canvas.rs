use leptos::prelude::*;
use scorecards_core::chart::{Anchor, HAlign, LabelSink, Rgb, VAlign};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

/// Fonts for canvas labels: the system's CJK fonts, none shipped.
pub const FONT_STACK: &str =
    "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Noto Sans SC\", sans-serif";

/// Draws chart labels with the canvas' `fillText`.
pub struct CanvasLabels {
    ctx: CanvasRenderingContext2d,
}

impl CanvasLabels {
    /// A sink on `canvas`, with labels `font_px` backend pixels high.
    pub fn new(canvas: &HtmlCanvasElement, font_px: f64) -> Option<CanvasLabels> {
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.set_font(&format!("{}px {FONT_STACK}", font_px.round()));
        Some(CanvasLabels { ctx })
    }
}

impl LabelSink for CanvasLabels {
    fn label(&mut self, x: f64, y: f64, text: &str, anchor: Anchor, color: Rgb) {
        self.ctx.set_text_align(match anchor.h {
            HAlign::Start => "left",
            HAlign::Center => "center",
            HAlign::End => "right",
        });
        self.ctx.set_text_baseline(match anchor.v {
            VAlign::Top => "top",
            VAlign::Middle => "middle",
            VAlign::Bottom => "bottom",
        });
        self.ctx.set_fill_style_str(&color.hex());
        let _ = self.ctx.fill_text(text, x, y);
    }
}

/// Gives `canvas` a backing store of `css_w × css_h` CSS pixels times `ratio`, and shows it at
/// `css_w × css_h` (set through the CSSOM, which a strict `style-src` allows). Returns the
/// backing store's size.
pub fn fit_canvas(canvas: &HtmlCanvasElement, css_w: f64, css_h: f64, ratio: f64) -> (u32, u32) {
    let (w, h) = (
        (css_w * ratio).round().max(1.0) as u32,
        (css_h * ratio).round().max(1.0) as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{css_w}px"));
    let _ = style.set_property("height", &format!("{css_h}px"));
    (w, h)
}

/// Keeps `size` at `el`'s measured width (CSS pixels) and the window's devicePixelRatio,
/// updated by a `ResizeObserver` (whose first report comes right after `observe`). The
/// observer is disconnected when the calling owner is cleaned up.
pub fn observe_width(el: &Element, size: RwSignal<Option<(f64, f64)>>) {
    let target = el.clone();
    let measure = move || {
        let width = target.get_bounding_client_rect().width();
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let next = Some((width.floor(), if ratio > 0.0 { ratio } else { 1.0 }));
        if width > 0.0 && size.try_get_untracked() != Some(next) {
            size.try_set(next);
        }
    };
    let callback = Closure::<dyn FnMut()>::new(measure);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    let kept = StoredValue::new_local(Some((observer, callback)));
    on_cleanup(move || {
        if let Some(Some((observer, _callback))) = kept.try_update_value(Option::take) {
            observer.disconnect();
        }
    });
}

/// Offers the canvas' picture as a PNG download named `file_name`.
pub fn offer_png(canvas: &HtmlCanvasElement, file_name: &str, title: &str, footer: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // A copy of the chart with its title above and the source line and date below, so the
    // image still says what it shows once it leaves the page.
    let url = captioned(&document, canvas, title, footer)
        .and_then(|c| c.to_data_url().ok())
        .or_else(|| canvas.to_data_url().ok());
    if let Some(url) = url {
        crate::download::offer_url(&document, &url, file_name);
    }
}

fn captioned(
    document: &web_sys::Document,
    chart: &HtmlCanvasElement,
    title: &str,
    footer: &str,
) -> Option<HtmlCanvasElement> {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let pad = (12.0 * ratio).round();
    let (title_px, foot_px) = ((16.0 * ratio).round(), (12.0 * ratio).round());
    let (w, h) = (f64::from(chart.width()), f64::from(chart.height()));
    let out: HtmlCanvasElement = document.create_element("canvas").ok()?.unchecked_into();
    out.set_width((w + 2.0 * pad) as u32);
    out.set_height((h + title_px + foot_px + 4.0 * pad) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = out.get_context("2d").ok()??.unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(out.width()), f64::from(out.height()));
    ctx.set_fill_style_str("#1b1f24");
    ctx.set_text_baseline("top");
    ctx.set_font(&format!("bold {title_px}px {FONT_STACK}"));
    ctx.fill_text(title, pad, pad).ok()?;
    ctx.draw_image_with_html_canvas_element(chart, pad, 2.0 * pad + title_px)
        .ok()?;
    ctx.set_fill_style_str("#55606e");
    ctx.set_font(&format!("{foot_px}px {FONT_STACK}"));
    ctx.fill_text(footer, pad, 3.0 * pad + title_px + h).ok()?;
    Some(out)
}
