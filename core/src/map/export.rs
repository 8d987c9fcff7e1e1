//! The map's PNG export (tile or boundary mode): the texts around the picture (a title line,
//! the source lines, the file name) and where they go. The picture itself is the canvas as
//! drawn (tiles or areas, points, the legend with its class breaks and, in geographic mode,
//! the approval number or the fictitious label); this module only frames it. Pure and
//! natively tested; the browser side (`src/components/map_export.rs`) copies the canvas and
//! writes these texts through a [`LabelSink`].

use crate::chart::{Anchor, HAlign, LabelSink, Rgb, VAlign};
use crate::compare::{league, Normalisation};
use crate::dataset::Dataset;
use crate::format;
use crate::lang::Lang;

use super::tiles::TileMap;

/// What the exported image says around the map, and its file name.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTexts {
    /// Metric, measure and the period of the compared figures.
    pub title: String,
    /// Under the map: the data's publisher and date, the boundaries' source in geographic
    /// mode, the synthetic-data notice when the file is synthetic.
    pub lines: Vec<String>,
    /// `map-<metric>-<measure>-<period start>.png` (`map-geo-…` in geographic mode).
    pub file_name: String,
}

/// The texts for an export of `map` (drawn from `ds`) in `lang`; `geo`: the boundary map
/// rather than the tiles.
pub fn export_texts(ds: &Dataset, map: &TileMap, lang: Lang, geo: bool) -> ExportTexts {
    let s = lang.strings();
    let doc = ds.document();
    let metric = ds
        .metric(&map.metric)
        .map_or_else(|| map.metric.clone(), |m| lang.pick(&m.label).to_string());
    let measure = match map.measure {
        crate::compare::Measure::Level => s.measure_level,
        crate::compare::Measure::Change => s.measure_change,
    };
    // The period of the figures the tiles compare (the league's common basis).
    let all: Vec<_> = ds.stations().iter().collect();
    let basis = league(ds, &all, &map.metric, map.measure, Normalisation::None).basis;
    let mut title = format!("{metric} · {measure}");
    if let Some(b) = &basis {
        title.push_str(" · ");
        title.push_str(&format::period(lang, &b.period));
    }
    let mut lines = vec![format!(
        "{}: {} · {}: {}",
        s.published_by,
        lang.pick(&doc.publisher),
        s.generated,
        format::timestamp(lang, &doc.generated_at)
    )];
    if geo {
        if let Some(b) = &doc.boundaries {
            lines.push((lang.geo_strings().source)(lang.pick(&b.source)));
        }
    }
    if doc.synthetic {
        lines.push(s.synthetic_banner.to_string());
    }
    let start = basis
        .as_ref()
        .and_then(|b| b.period.start.as_ref())
        .map(|d| format!("-{d}"))
        .unwrap_or_default();
    let file_name = format!(
        "map{}-{}-{}{start}.png",
        if geo { "-geo" } else { "" },
        file_safe(&map.metric),
        map.measure.code()
    );
    ExportTexts {
        title,
        lines,
        file_name,
    }
}

/// `id` with every character a file name should not hold replaced by `_`.
fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where the parts of the exported image go, in backend pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportLayout {
    /// The whole image.
    pub width: f64,
    /// The whole image.
    pub height: f64,
    /// Margin around everything, and between the parts.
    pub pad: f64,
    /// Title size.
    pub title_px: f64,
    /// Size of the lines under the map.
    pub line_px: f64,
    /// Top of the title.
    pub title_y: f64,
    /// Top-left corner of the map's picture.
    pub image_x: f64,
    /// Top-left corner of the map's picture.
    pub image_y: f64,
    /// Top of each line under the map.
    pub line_y: Vec<f64>,
}

/// The layout around a picture `image_w` × `image_h` backend pixels, at `pixel_ratio`
/// backend pixels per CSS pixel, with `lines` lines under it: a 16 px title above, 12 px
/// lines below, a 12 px margin (CSS pixels).
pub fn export_layout(image_w: f64, image_h: f64, pixel_ratio: f64, lines: usize) -> ExportLayout {
    let r = pixel_ratio.max(1.0);
    let pad = (12.0 * r).round();
    let title_px = (16.0 * r).round();
    let line_px = (12.0 * r).round();
    let line_h = (line_px * 1.5).round();
    let title_y = pad;
    let image_y = title_y + title_px + pad;
    let first_line = image_y + image_h + pad;
    let line_y: Vec<f64> = (0..lines).map(|i| first_line + i as f64 * line_h).collect();
    let height = first_line + lines as f64 * line_h + pad - (line_h - line_px).max(0.0);
    ExportLayout {
        width: (image_w + 2.0 * pad).ceil(),
        height: height.max(image_y + image_h + pad).ceil(),
        pad,
        title_px,
        line_px,
        title_y,
        image_x: pad,
        image_y,
        line_y,
    }
}

const TOP_LEFT: Anchor = Anchor {
    h: HAlign::Start,
    v: VAlign::Top,
};

/// Writes the title into `sink` (a [`ExportLayout::title_px`] font) at the top margin.
pub fn draw_export_title(
    texts: &ExportTexts,
    lay: &ExportLayout,
    sink: &mut dyn LabelSink,
    ink: Rgb,
) {
    sink.label(lay.pad, lay.title_y, &texts.title, TOP_LEFT, ink);
}

/// Writes the lines under the map into `sink` (a [`ExportLayout::line_px`] font).
pub fn draw_export_lines(
    texts: &ExportTexts,
    lay: &ExportLayout,
    sink: &mut dyn LabelSink,
    ink: Rgb,
) {
    for (line, y) in texts.lines.iter().zip(&lay.line_y) {
        sink.label(lay.pad, *y, line, TOP_LEFT, ink);
    }
}
