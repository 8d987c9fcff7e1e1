//! A trend chart as an SVG image, for prerendered views: the core's own drawing code
//! ([`draw_trend`]) through plotters' SVG backend, with the labels as SVG `<text>`.
//!
//! The SVG goes into an `<img>` as a `data:` address (allowed by the strict CSP's
//! `img-src 'self' data:`), not into the page's markup: an image runs no script, and the
//! component's CSS reset (`all: revert`, which would also drop SVG presentation attributes)
//! does not reach into it. The labels are numbers, months and message-table text, never
//! text from the data file; they are escaped all the same.

use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;
use scorecards_core::chart::{
    draw_spark, draw_trend, Anchor, ChartTheme, HAlign, LabelSink, Rgb, TrendSpec, VAlign,
};
use scorecards_core::Series;

use super::canvas::FONT_STACK;

/// The drawing size of a prerendered chart, in SVG units: a phone's chart box, where the
/// first view matters most. The CSS scales it into the box, keeping its proportions.
pub const SVG_SIZE: (u32, u32) = (360, 200);

/// The chart as a `data:image/svg+xml` address, or `None` if plotters reports an error.
pub fn trend_svg(spec: &TrendSpec) -> Option<String> {
    svg_document(spec).map(|svg| data_url(&svg))
}

/// The drawing size of a prerendered sparkline, in SVG units (a phone's headline tile).
pub const SPARK_SIZE: (u32, u32) = (160, 36);

/// A sparkline ([`draw_spark`], the live app's drawing) as a `data:image/svg+xml` address,
/// or `None` if plotters reports an error.
pub fn spark_svg(series: &Series, theme: &ChartTheme) -> Option<String> {
    let mut body = String::new();
    {
        let root = SVGBackend::with_string(&mut body, SPARK_SIZE).into_drawing_area();
        draw_spark(&root, series, 1.0, theme).ok()?;
        root.present().ok()?;
    }
    let start = body.find("<svg")?;
    Some(data_url(&body[start..]))
}

/// The chart as a standalone SVG document.
pub fn svg_document(spec: &TrendSpec) -> Option<String> {
    let mut body = String::new();
    let mut labels = SvgLabels::default();
    {
        let root = SVGBackend::with_string(&mut body, SVG_SIZE).into_drawing_area();
        draw_trend(&root, spec, &mut labels).ok()?;
        root.present().ok()?;
    }
    // plotters writes `<svg width=… height=… viewBox=… xmlns=…>`: keep its opening tag, add
    // the font, and put the labels before the closing tag.
    let start = body.find("<svg")?;
    let open_end = start + body[start..].find('>')?;
    let close = body.rfind("</svg>")?;
    let mut out = String::with_capacity(body.len() + labels.0.len() + 128);
    out.push_str(&body[start..open_end]);
    out.push_str(&format!(
        " font-family=\"{}\" font-size=\"{}\">",
        html_escape::encode_double_quoted_attribute(FONT_STACK),
        spec.font_px * spec.pixel_ratio
    ));
    out.push_str(body[open_end + 1..close].trim());
    out.push_str(&labels.0);
    out.push_str("</svg>");
    Some(out)
}

/// `data:image/svg+xml` with the few characters a URL cannot hold as they are escaped
/// (the rest, UTF-8 included, stays readable and compresses well).
fn data_url(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    out.push_str("data:image/svg+xml;charset=utf-8,");
    for c in svg.chars() {
        match c {
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push('\''),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Collects labels as SVG `<text>` elements.
#[derive(Default)]
struct SvgLabels(String);

impl LabelSink for SvgLabels {
    fn label(&mut self, x: f64, y: f64, text: &str, anchor: Anchor, color: Rgb) {
        let h = match anchor.h {
            HAlign::Start => "start",
            HAlign::Center => "middle",
            HAlign::End => "end",
        };
        let v = match anchor.v {
            VAlign::Top => "hanging",
            VAlign::Middle => "central",
            VAlign::Bottom => "text-after-edge",
        };
        self.0.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{h}\" dominant-baseline=\"{v}\" fill=\"{}\">{}</text>",
            color.hex(),
            html_escape::encode_text(text)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_url_holds_no_quote_angle_bracket_or_hash() {
        let url = data_url("<svg a=\"1\" fill=\"#FFF\">50% x</svg>");
        assert_eq!(
            url,
            "data:image/svg+xml;charset=utf-8,%3Csvg a='1' fill='%23FFF'%3E50%25 x%3C/svg%3E"
        );
    }

    #[test]
    fn labels_are_escaped_text() {
        let mut l = SvgLabels::default();
        let a = Anchor {
            h: HAlign::Start,
            v: VAlign::Top,
        };
        l.label(1.0, 2.0, "<b>&", a, Rgb(0, 0, 0));
        assert!(l.0.contains(">&lt;b&gt;&amp;</text>"), "{}", l.0);
    }
}
