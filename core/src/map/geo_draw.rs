//! Drawing the publisher's boundary file on any plotters backend: every region, every
//! vertex, shaded by its provincial-level unit's class (the tiles' classes), stations as
//! points, the map review number (or the fictitious label) at the lower left, the legend.
//!
//! The only transform is a uniform linear scaling with a flipped y axis
//! (`px = (x − min_x)·k`, `py = (max_y − y)·k`, one `k` for both axes): the file's shapes
//! are drawn as they are stored — no simplification, no re-projection. Positions are
//! rounded to whole backend pixels when drawn (rasterisation, not a change of the data).
//!
//! Holes stay holes: a polygon's exterior and its holes are drawn as one path (each hole
//! joined to the exterior's first vertex by a segment walked there and back) with the
//! exterior turned one way and the holes the other, so the path is filled even-odd on
//! every backend, whatever the backend's fill rule and the file's ring orientation.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, PathElement, Polygon as PolyElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::{RGBColor, ShapeStyle};

use super::draw::{fill_box, Fill};
use super::geo::{Approval, GeoMap, Ring};
use super::geo_paths::{pattern_segments, region_fill, GeoFill, GeoPaths};
use super::nav::Move;
use super::tiles::TileMap;
use crate::chart::{Anchor, ChartTheme, HAlign, LabelSink, Rgb, VAlign};
use crate::lang::Lang;

/// Everything [`draw_geo`] needs.
#[derive(Debug, Clone, Copy)]
pub struct GeoSpec<'a> {
    /// The decoded boundary file.
    pub geo: &'a GeoMap,
    /// The classes (the tiles' ones) each region takes by its unit.
    pub map: &'a TileMap,
    /// Stations' positions, in the file's coordinates.
    pub points: &'a [[f64; 2]],
    /// The focused point (keyboard or pointer): drawn with a ring.
    pub focus: Option<usize>,
    /// What is printed at the lower left.
    pub approval: &'a Approval,
    /// The labels' language.
    pub lang: Lang,
    /// Backend pixels per CSS pixel.
    pub pixel_ratio: f64,
    /// Label font size in CSS pixels.
    pub font_px: f64,
}

/// Where everything goes, in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoLayout {
    /// Backend pixels per unit of the file's coordinates (both axes).
    pub scale: f64,
    /// The file's smallest x and largest y (the drawing's top left).
    pub origin: [f64; 2],
    /// Width of the geometry.
    pub map_w: f64,
    /// Height of the geometry.
    pub map_h: f64,
    /// Left edge of the legend.
    pub legend_x: f64,
    /// Top edge of the legend.
    pub legend_y: f64,
    /// Height of a legend row.
    pub legend_row: f64,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Font size in backend pixels.
    pub font: f64,
}

/// The layout for a box `width` backend pixels wide: the geometry fills the width (less
/// the legend when there is room beside it), at most as tall as 40 labels; the approval
/// line below it; the legend beside or below.
pub fn geo_layout(
    bbox: [f64; 4],
    width: f64,
    pixel_ratio: f64,
    font_px: f64,
    classes: usize,
) -> GeoLayout {
    let font = font_px * pixel_ratio;
    // Room for the longest legend row ("Stations, but no comparable figure").
    let legend_w = 19.0 * font;
    let beside = width - legend_w >= 40.0 * font;
    let box_w = if beside { width - legend_w } else { width }.max(1.0);
    let box_h = (40.0 * font).min(box_w);
    let (bw, bh) = (
        (bbox[2] - bbox[0]).max(f64::EPSILON),
        (bbox[3] - bbox[1]).max(f64::EPSILON),
    );
    let scale = (box_w / bw).min(box_h / bh);
    let map_h = (bh * scale).ceil();
    let map_w = (bw * scale).ceil();
    let text_h = 3.0 * font;
    let legend_row = (1.8 * font).round();
    let legend_h = legend_row * (classes + 4) as f64;
    let (legend_x, legend_y) = if beside {
        (box_w + font, 0.0)
    } else {
        (0.0, map_h + text_h + font)
    };
    let height = if beside {
        (map_h + text_h).max(legend_h)
    } else {
        legend_y + legend_h
    };
    GeoLayout {
        scale,
        origin: [bbox[0], bbox[3]],
        map_w,
        map_h,
        legend_x,
        legend_y,
        legend_row,
        width,
        height: height.ceil(),
        font,
    }
}

/// The height in CSS pixels the geographic map needs in a box `css_width` wide.
pub fn geo_height(bbox: [f64; 4], css_width: f64, font_px: f64, classes: usize) -> f64 {
    geo_layout(bbox, css_width, 1.0, font_px, classes).height
}

impl GeoLayout {
    /// Radius of a station's point in backend pixels: 3 CSS pixels where the geometry is 460
    /// or more CSS pixels across (its longer side), down to 1.5 at 340 (a phone's map), so
    /// that the points of a narrow map cover less of their areas and of each other.
    pub fn point_radius(&self, pixel_ratio: f64) -> f64 {
        let ratio = pixel_ratio.max(f64::MIN_POSITIVE);
        let css = self.map_w.max(self.map_h) / ratio;
        (((css - 220.0) / 80.0).clamp(1.5, 3.0) * ratio).max(1.0)
    }

    /// A position of the file in backend pixels.
    pub fn to_px(&self, p: [f64; 2]) -> (f64, f64) {
        (
            (p[0] - self.origin[0]) * self.scale,
            (self.origin[1] - p[1]) * self.scale,
        )
    }

    /// The point nearest to backend pixel `(x, y)`, if one is within `radius` pixels.
    pub fn nearest(&self, points: &[[f64; 2]], x: f64, y: f64, radius: f64) -> Option<usize> {
        points
            .iter()
            .map(|&p| {
                let (px, py) = self.to_px(p);
                (px - x).powi(2) + (py - y).powi(2)
            })
            .enumerate()
            .filter(|&(_, d)| d <= radius * radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

/// The point the key `m` moves to from `from`: the nearest point in that direction (within
/// 45° of it), the westernmost for Home, the easternmost for End; the first point when
/// nothing has the focus.
pub fn geo_step(points: &[[f64; 2]], from: Option<usize>, m: Move) -> Option<usize> {
    let by_x = |a: &(usize, &[f64; 2]), b: &(usize, &[f64; 2])| a.1[0].total_cmp(&b.1[0]);
    let Some(f) = from.filter(|&f| f < points.len()) else {
        return points.iter().enumerate().min_by(by_x).map(|(i, _)| i);
    };
    let o = points[f];
    let (dx, dy) = match m {
        Move::First => return points.iter().enumerate().min_by(by_x).map(|(i, _)| i),
        Move::Last => return points.iter().enumerate().max_by(by_x).map(|(i, _)| i),
        Move::Left => (-1.0, 0.0),
        Move::Right => (1.0, 0.0),
        Move::Up => (0.0, 1.0),
        Move::Down => (0.0, -1.0),
    };
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != f)
        .filter_map(|(i, p)| {
            let (vx, vy) = (p[0] - o[0], p[1] - o[1]);
            let along = vx * dx + vy * dy;
            let across = (vx * dy - vy * dx).abs();
            (along > 0.0 && across <= along).then_some((i, vx * vx + vy * vy))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
        .or(Some(f))
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Twice the signed area of a ring in pixel space (positive: clockwise on screen).
fn signed_area(r: &[(i32, i32)]) -> i64 {
    r.iter()
        .zip(r.iter().cycle().skip(1))
        .map(|(a, b)| i64::from(a.0) * i64::from(b.1) - i64::from(b.0) * i64::from(a.1))
        .sum()
}

/// A ring in backend pixels, consecutive equal pixels merged.
pub(crate) fn ring_px(lay: &GeoLayout, r: &Ring) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(r.len());
    for &p in r {
        let (x, y) = lay.to_px(p);
        let q = (x.round() as i32, y.round() as i32);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

/// One polygon (exterior, holes) as a single path whose fill is even-odd on any backend.
pub fn polygon_path(lay: &GeoLayout, rings: &[Ring]) -> Vec<(i32, i32)> {
    let mut path: Vec<(i32, i32)> = Vec::new();
    let mut start = None;
    for (k, r) in rings.iter().enumerate() {
        let mut px = ring_px(lay, r);
        if px.len() > 1 && px.first() == px.last() {
            px.pop();
        }
        if px.is_empty() {
            continue;
        }
        let clockwise = signed_area(&px) > 0;
        if clockwise != (k == 0) {
            px.reverse();
        }
        match start {
            None => {
                start = Some(px[0]);
                path.extend_from_slice(&px);
                path.push(px[0]);
            }
            Some(s) => {
                path.extend_from_slice(&px);
                path.push(px[0]);
                path.push(s);
            }
        }
    }
    path
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn solid(c: Rgb) -> ShapeStyle {
    ShapeStyle {
        color: rgb(c).into(),
        filled: true,
        stroke_width: 0,
    }
}

fn line(c: Rgb, w: f64) -> ShapeStyle {
    ShapeStyle {
        color: rgb(c).into(),
        filled: false,
        stroke_width: w.round().max(1.0) as u32,
    }
}

/// The tile map's fill for a region's fill (the legend's swatches).
fn legend_fill(map: &TileMap, fill: GeoFill) -> Fill {
    match fill {
        GeoFill::Class(c) => Fill::Solid(map.classes.colors[c]),
        GeoFill::NoComparable => Fill::Hatched,
        GeoFill::NoStation => Fill::Dotted,
    }
}

/// Draws every region, the points, the focus ring, the approval line and the legend
/// ([`draw_geo_base`], then [`draw_geo_focus`]).
pub fn draw_geo<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
    theme: &ChartTheme,
    labels: &mut dyn LabelSink,
) -> Result<GeoLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let lay = draw_geo_base(area, spec, theme, labels)?;
    draw_geo_focus(area, spec, &lay, theme)?;
    Ok(lay)
}

/// Everything but the focus ring: what stays the same while the focus moves (the browser
/// keeps it as a picture and puts the ring over it on each key press).
pub fn draw_geo_base<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
    theme: &ChartTheme,
    labels: &mut dyn LabelSink,
) -> Result<GeoLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let lay = geo_layout_for(area, spec);
    let paths = GeoPaths::new(spec.geo, &lay);
    draw_geo_regions(area, spec, &paths, theme)?;
    draw_geo_overlay(area, spec, &lay, theme, labels)?;
    Ok(lay)
}

/// The layout of `spec` on `area`.
pub fn geo_layout_for<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
) -> GeoLayout {
    let (w, _) = area.dim_in_pixel();
    let classes = spec.map.classes.colors.len();
    geo_layout(
        spec.geo.bbox,
        f64::from(w),
        spec.pixel_ratio,
        spec.font_px,
        classes,
    )
}

/// The background and every region: its class colour, or hatching (stations, no comparable
/// figure) or dots (no station) clipped to it, and its edges. The browser draws the same
/// with one path per fill and canvas patterns (`GeoPaths::groups`).
pub fn draw_geo_regions<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
    paths: &GeoPaths,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let ratio = spec.pixel_ratio;
    let lay = &paths.layout;
    area.fill(&rgb(theme.background))?;
    let edge = line(theme.grid, 0.5 * ratio);
    let dot = ratio.round().max(1.0) as i32;
    for (region, rings) in spec.geo.regions.iter().zip(&paths.rings) {
        let fill = region_fill(spec.map, region.unit);
        let color = match fill {
            GeoFill::Class(c) => spec.map.classes.colors[c],
            _ => theme.background,
        };
        for p in &region.polygons {
            let path = polygon_path(lay, p);
            if path.len() >= 3 {
                area.draw(&PolyElement::new(path, solid(color)))?;
            }
        }
        for [a, b] in pattern_segments(rings, fill, ratio) {
            let (a, b) = (
                (a.0.round() as i32, a.1.round() as i32),
                (b.0.round() as i32, b.1.round() as i32),
            );
            if fill == GeoFill::NoStation {
                let c = (a.0 + dot, a.1 + dot);
                area.draw(&Rectangle::new([a, c], solid(theme.grid)))?;
            } else {
                area.draw(&PathElement::new(vec![a, b], line(theme.ink, ratio)))?;
            }
        }
        for r in rings {
            let mut px = r.clone();
            px.push(r[0]);
            area.draw(&PathElement::new(px, edge))?;
        }
    }
    Ok(())
}

/// What is drawn over the regions: the stations' points, the approval line and the legend.
pub fn draw_geo_overlay<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
    lay: &GeoLayout,
    theme: &ChartTheme,
    labels: &mut dyn LabelSink,
) -> DrawResult<DB> {
    let ratio = spec.pixel_ratio;
    let r = lay.point_radius(ratio);
    let (dot, halo) = (
        r.round() as i32,
        (r + (0.5 * ratio).max(1.0)).round() as i32,
    );
    for &p in spec.points {
        let (x, y) = lay.to_px(p);
        let c = (x.round() as i32, y.round() as i32);
        area.draw(&Circle::new(c, halo, solid(theme.background)))?;
        area.draw(&Circle::new(c, dot, solid(theme.ink)))?;
    }
    draw_footer(spec, lay, theme, labels);
    draw_legend(area, spec, lay, theme, labels)
}

// The drawing functions share their parameter list (area, spec, layout, theme) and open
// alike (the `duplicates` tool pairs them); each draws one layer.
/// The ring around the focused station (`spec.focus`), if any.
pub fn draw_geo_focus<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
    lay: &GeoLayout,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let ratio = spec.pixel_ratio;
    let dot = (3.0 * ratio).round() as i32;
    if let Some(&p) = spec.focus.and_then(|f| spec.points.get(f)) {
        let (x, y) = lay.to_px(p);
        let c = (x.round() as i32, y.round() as i32);
        area.draw(&Circle::new(c, 3 * dot, line(theme.ink, 3.0 * ratio)))?;
        area.draw(&Circle::new(c, 3 * dot - 2, line(theme.background, ratio)))?;
    }
    Ok(())
}

/// The approval number (or the fictitious label) at the lower left, under the geometry.
fn draw_footer(spec: &GeoSpec, lay: &GeoLayout, theme: &ChartTheme, labels: &mut dyn LabelSink) {
    let g = spec.lang.geo_strings();
    let left = Anchor {
        h: HAlign::Start,
        v: VAlign::Middle,
    };
    let text = match spec.approval {
        Approval::Number(n) => (g.approval)(n),
        Approval::Fictitious => g.fictitious.to_string(),
    };
    labels.label(0.0, lay.map_h + 1.2 * lay.font, &text, left, theme.ink);
    if spec.geo.fictitious && *spec.approval != Approval::Fictitious {
        labels.label(
            0.0,
            lay.map_h + 2.4 * lay.font,
            g.fictitious,
            left,
            theme.ink,
        );
    }
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &GeoSpec,
    lay: &GeoLayout,
    theme: &ChartTheme,
    labels: &mut dyn LabelSink,
) -> DrawResult<DB> {
    let g = spec.lang.geo_strings();
    let font = lay.font;
    let left = Anchor {
        h: HAlign::Start,
        v: VAlign::Middle,
    };
    let (x, mut y) = (lay.legend_x, lay.legend_y + lay.legend_row / 2.0);
    labels.label(x, y, spec.lang.map_strings().legend, left, theme.ink);
    let sw = 1.2 * font;
    let mut rows: Vec<(GeoFill, String)> = (0..spec.map.classes.colors.len())
        .map(GeoFill::Class)
        .zip(spec.map.class_texts(spec.lang))
        .collect();
    rows.push((GeoFill::NoComparable, g.no_comparable.to_string()));
    rows.push((GeoFill::NoStation, g.no_station.to_string()));
    let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    for (fill, text) in rows {
        y += lay.legend_row;
        let r = (x, y - sw / 2.0, x + sw, y + sw / 2.0);
        fill_box(
            area,
            r,
            legend_fill(spec.map, fill),
            theme,
            spec.pixel_ratio,
        )?;
        labels.label(x + sw + 0.6 * font, y, &text, left, theme.ink);
    }
    y += lay.legend_row;
    let c = p(x + sw / 2.0, y);
    area.draw(&Circle::new(
        c,
        lay.point_radius(spec.pixel_ratio).round() as i32,
        solid(theme.ink),
    ))?;
    labels.label(x + sw + 0.6 * font, y, g.station_point, left, theme.ink);
    Ok(())
}
