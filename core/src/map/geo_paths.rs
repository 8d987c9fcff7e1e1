//! The boundary map's regions as pixel paths, projected once per layout, and grouped by
//! fill for each metric: what the browser draws with one fill call per group.
//!
//! A profile of a full redraw of the 2,900 fictitious areas at 4× CPU (2026-12-03) spent it
//! in per-polygon calls: two paths per polygon through plotters, each setting its style and
//! every vertex as its own call from WebAssembly. The pixel rings depend on the layout only,
//! so they are projected once ([`GeoPaths::new`]) and kept as path data; a redraw joins the
//! regions of each fill into one path ([`GeoPaths::groups`]), filled even-odd, and strokes
//! every ring as one path ([`GeoPaths::edges`]).
//!
//! Regions whose unit has stations but no comparable figure are hatched, regions without a
//! station dotted, as on the tile map: [`pattern_segments`] gives those marks clipped to the
//! regions, for backends without fill patterns (the SVG tests).

use std::fmt::Write as _;

use super::geo::GeoMap;
use super::geo_draw::{ring_px, GeoLayout};
use super::tiles::{TileMap, TileState};

/// Spacing of the hatching's diagonals, in CSS pixels (the tile map's).
pub const HATCH_STEP: f64 = 7.0;
/// Spacing of the dots, in CSS pixels (the tile map's).
pub const DOT_STEP: f64 = 8.0;

/// How a region is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GeoFill {
    /// Its unit's colour class.
    Class(usize),
    /// Its unit has stations but no comparable figure: hatched.
    NoComparable,
    /// No station in its unit (or no unit): dotted.
    NoStation,
}

/// The fill of a region of unit `unit`.
pub fn region_fill(map: &TileMap, unit: Option<usize>) -> GeoFill {
    match unit.and_then(|u| map.tiles.get(u)).map(|t| t.state) {
        Some(TileState::Value { class, .. }) => GeoFill::Class(class),
        Some(TileState::NoComparable) => GeoFill::NoComparable,
        _ => GeoFill::NoStation,
    }
}

/// Every region's rings in backend pixels for one layout.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoPaths {
    /// The layout they were projected for.
    pub layout: GeoLayout,
    /// Per region (file order): every ring of every polygon, closed, consecutive equal
    /// pixels merged; rings with fewer than three pixels left out.
    pub rings: Vec<Vec<Vec<(i32, i32)>>>,
    /// Per region: its rings as path data ([`path_data`]).
    data: Vec<String>,
}

impl GeoPaths {
    /// Projects every ring of `geo` with `lay`.
    pub fn new(geo: &GeoMap, lay: &GeoLayout) -> GeoPaths {
        let rings: Vec<Vec<Vec<(i32, i32)>>> = geo
            .regions
            .iter()
            .map(|r| {
                r.polygons
                    .iter()
                    .flatten()
                    .map(|ring| {
                        let mut px = ring_px(lay, ring);
                        if px.len() > 1 && px.first() == px.last() {
                            px.pop();
                        }
                        px
                    })
                    .filter(|px| px.len() >= 3)
                    .collect()
            })
            .collect();
        let data = rings.iter().map(|r| path_data(r)).collect();
        GeoPaths {
            layout: *lay,
            rings,
            data,
        }
    }

    /// Every ring as one path: the regions' edges.
    pub fn edges(&self) -> String {
        self.data.concat()
    }

    /// The regions joined by fill, one path each (filled even-odd, holes stay holes):
    /// colour classes in order, then the hatched, then the dotted.
    pub fn groups(&self, geo: &GeoMap, map: &TileMap) -> Vec<(GeoFill, String)> {
        let mut groups: std::collections::BTreeMap<GeoFill, String> = Default::default();
        for (region, data) in geo.regions.iter().zip(&self.data) {
            groups
                .entry(region_fill(map, region.unit))
                .or_default()
                .push_str(data);
        }
        groups.into_iter().collect()
    }
}

/// Rings as SVG / Path2D path data in whole pixels: each ring `M x y l dx dy dx dy … Z`,
/// every vertex after the first relative to the one before (about half the text of absolute
/// positions: the browser parses it on every change of layout).
pub fn path_data(rings: &[Vec<(i32, i32)>]) -> String {
    let mut s = String::with_capacity(rings.iter().map(|r| r.len() * 6 + 12).sum());
    for ring in rings {
        let mut prev = (0, 0);
        for (i, &(x, y)) in ring.iter().enumerate() {
            let _ = if i == 0 {
                write!(s, "M{x} {y}l")
            } else {
                write!(s, "{} {} ", x - prev.0, y - prev.1)
            };
            prev = (x, y);
        }
        s.push('Z');
    }
    s
}

/// The x-intervals where the line `wx·x + wy·y = c` is inside `rings` (even-odd).
fn spans(rings: &[Vec<(i32, i32)>], (wx, wy): (f64, f64), c: f64) -> Vec<(f64, f64)> {
    let mut xs: Vec<f64> = Vec::new();
    for ring in rings {
        for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
            let (ax, ay, bx, by) = (
                f64::from(a.0),
                f64::from(a.1),
                f64::from(b.0),
                f64::from(b.1),
            );
            let (ua, ub) = (wx * ax + wy * ay, wx * bx + wy * by);
            if (ua < c) != (ub < c) {
                xs.push(ax + (c - ua) / (ub - ua) * (bx - ax));
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    xs.chunks_exact(2).map(|p| (p[0], p[1])).collect()
}

/// The marks of a hatched or dotted region, clipped to its rings, in backend pixels: line
/// segments for hatching (diagonals `x + y = k·step`), one-pixel segments for dots (on a
/// grid of `step`); both on grids anchored at the canvas' origin, like a repeated pattern.
/// Nothing for a colour class.
pub fn pattern_segments(
    rings: &[Vec<(i32, i32)>],
    fill: GeoFill,
    pixel_ratio: f64,
) -> Vec<[(f64, f64); 2]> {
    let pts = || rings.iter().flatten();
    let (Some(x0), Some(x1), Some(y0), Some(y1)) = (
        pts().map(|p| p.0).min(),
        pts().map(|p| p.0).max(),
        pts().map(|p| p.1).min(),
        pts().map(|p| p.1).max(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match fill {
        GeoFill::Class(_) => {}
        GeoFill::NoComparable => {
            let step = (HATCH_STEP * pixel_ratio).round().max(2.0);
            let mut c = (f64::from(x0 + y0) / step).floor() * step;
            while c <= f64::from(x1 + y1) {
                for (a, b) in spans(rings, (1.0, 1.0), c) {
                    out.push([(a, c - a), (b, c - b)]);
                }
                c += step;
            }
        }
        GeoFill::NoStation => {
            let step = (DOT_STEP * pixel_ratio).round().max(2.0);
            let half = (step / 2.0).floor();
            let mut y = (f64::from(y0) / step).floor() * step + half;
            while y <= f64::from(y1) {
                for (a, b) in spans(rings, (0.0, 1.0), y) {
                    let mut x = ((a - half) / step).ceil() * step + half;
                    while x < b {
                        out.push([(x, y), (x + 1.0, y)]);
                        x += step;
                    }
                }
                y += step;
            }
        }
    }
    out
}
