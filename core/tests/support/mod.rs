//! Support shared by the core's tests (charts, comparison, maps): a monthly series, a month's
//! index, a drawing to SVG with the labels it sent, and the bundled data files.
// Each test file uses a part of this module.
#![allow(dead_code)]

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_svg::SVGBackend;
use scorecards_core::chart::{HAlign, Labels, VAlign};
use scorecards_core::{PartialDate, Series, ValueStatus};

/// The bytes of a data file the app bundles (`public/data/<name>`).
pub fn public_data(name: &str) -> Vec<u8> {
    let path = format!("{}/../public/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A monthly series of the metric `incidents` from `start`, cited to source `s`.
pub fn series(start: &str, values: &[Option<f64>], status: Option<Vec<ValueStatus>>) -> Series {
    Series {
        metric: "incidents".into(),
        start: PartialDate::parse(start).unwrap(),
        values: values.to_vec(),
        status,
        source: "s".into(),
    }
}

/// The month index of `YYYY-MM`.
pub fn month(s: &str) -> i64 {
    PartialDate::parse(s).unwrap().month_index().unwrap()
}

/// What `draw` draws on an SVG of `size`: the SVG text, what `draw` returned (a layout) and
/// the labels it sent.
pub fn to_svg<T>(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>, &mut Labels) -> T,
) -> (String, T, Labels) {
    let mut svg = String::new();
    let mut labels = Labels::default();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let drawn = draw(&root, &mut labels);
        root.present().unwrap();
        drawn
    };
    (svg, drawn, labels)
}

/// `svg` with the labels written into it as `<text>` elements (as the canvas draws them), to
/// look at: `CHART_PREVIEW=<dir>` makes the tests save such previews.
pub fn with_labels(svg: &str, labels: &Labels) -> String {
    let texts: String = labels
        .0
        .iter()
        .map(|l| {
            let anchor = match l.anchor.h {
                HAlign::Start => "start",
                HAlign::Center => "middle",
                HAlign::End => "end",
            };
            let baseline = match l.anchor.v {
                VAlign::Top => "hanging",
                VAlign::Middle => "middle",
                VAlign::Bottom => "text-after-edge",
            };
            format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"{baseline}\" \
                 font-size=\"12\" font-family=\"sans-serif\">{}</text>\n",
                l.x, l.y, l.text
            )
        })
        .collect();
    svg.replace("</svg>", &format!("{texts}</svg>"))
}

/// The `points="x,y x,y …"` of an SVG element's text, as numbers.
pub fn points(element: &str) -> Vec<(f64, f64)> {
    let pts = element
        .split("points=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    pts.split_whitespace()
        .map(|xy| {
            let (x, y) = xy.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}
