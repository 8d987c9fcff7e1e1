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

/// Where the parts of the exported image go, in backend pixels, with the texts broken into
/// lines that fit the image's width.
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
    /// The title, broken into lines, each with its top.
    pub title: Vec<(String, f64)>,
    /// Top-left corner of the map's picture.
    pub image_x: f64,
    /// Top-left corner of the map's picture.
    pub image_y: f64,
    /// The lines under the map, broken to fit, each with its top.
    pub lines: Vec<(String, f64)>,
}

/// The layout of `texts` around a picture `image_w` × `image_h` backend pixels, at
/// `pixel_ratio` backend pixels per CSS pixel: a 16 px title above, 12 px lines below, a
/// 12 px margin (CSS pixels). Texts wider than the picture are broken (widths estimated, as
/// nothing is measured: see [`text_width`]).
pub fn export_layout(
    texts: &ExportTexts,
    image_w: f64,
    image_h: f64,
    pixel_ratio: f64,
) -> ExportLayout {
    let r = pixel_ratio.max(1.0);
    let pad = (12.0 * r).round();
    let title_px = (16.0 * r).round();
    let line_px = (12.0 * r).round();
    let place = |lines: Vec<String>, top: f64, size: f64| -> Vec<(String, f64)> {
        let step = (size * 1.4).round();
        lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| (l, top + i as f64 * step))
            .collect()
    };
    let title = place(wrap(&texts.title, image_w, title_px), pad, title_px);
    let title_bottom = title.last().map_or(0.0, |(_, y)| y + title_px);
    let image_y = title_bottom + pad;
    let broken: Vec<String> = texts
        .lines
        .iter()
        .flat_map(|l| wrap(l, image_w, line_px))
        .collect();
    let lines = place(broken, image_y + image_h + pad, line_px);
    let bottom = lines.last().map_or(image_y + image_h, |(_, y)| y + line_px);
    ExportLayout {
        width: (image_w + 2.0 * pad).ceil(),
        height: (bottom + pad).ceil(),
        pad,
        title_px,
        line_px,
        title,
        image_x: pad,
        image_y,
        lines,
    }
}

/// The estimated width of `text` at `font_px`: a wide (CJK, full-width) character one font
/// size, any other 0.6 of it (a little more than the usual sans-serif's average, so that an
/// estimate errs towards breaking early).
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_px
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// `text` broken into lines at most `max_px` wide at `font_px`: after a space, or between
/// two characters where one is wide (Chinese breaks anywhere); a word wider than a line is
/// cut. Never drops a character (spaces at a break excepted).
pub fn wrap(text: &str, max_px: f64, font_px: f64) -> Vec<String> {
    // Pieces that stay together: a run of narrow non-space characters with the spaces after
    // it, or one wide character.
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        let joins = pieces.last().is_some_and(|p| {
            let last = p.chars().next_back().unwrap_or(' ');
            !is_wide(c) && !is_wide(last) && (c == ' ' || last != ' ')
        });
        match pieces.last_mut() {
            Some(p) if joins => p.push(c),
            _ => pieces.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if line.is_empty() || text_width(candidate.trim_end(), font_px) <= max_px {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        }
        // A piece too long for any line is cut by characters.
        while text_width(line.trim_end(), font_px) > max_px && line.chars().nth(1).is_some() {
            let mut head = String::new();
            for c in line.chars() {
                if !head.is_empty() && text_width(&format!("{head}{c}"), font_px) > max_px {
                    break;
                }
                head.push(c);
            }
            line = line[head.len()..].to_string();
            lines.push(head);
        }
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

const TOP_LEFT: Anchor = Anchor {
    h: HAlign::Start,
    v: VAlign::Top,
};

/// Writes the title into `sink` (a [`ExportLayout::title_px`] font).
pub fn draw_export_title(lay: &ExportLayout, sink: &mut dyn LabelSink, ink: Rgb) {
    for (line, y) in &lay.title {
        sink.label(lay.pad, *y, line, TOP_LEFT, ink);
    }
}

/// Writes the lines under the map into `sink` (a [`ExportLayout::line_px`] font).
pub fn draw_export_lines(lay: &ExportLayout, sink: &mut dyn LabelSink, ink: Rgb) {
    for (line, y) in &lay.lines {
        sink.label(lay.pad, *y, line, TOP_LEFT, ink);
    }
}
