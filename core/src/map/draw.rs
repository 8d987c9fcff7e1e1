//! Drawing the tile map on any plotters backend (canvas in the browser, SVG in tests): a
//! pure [`map_layout`] (tile and legend positions, hit-testing) and [`draw_map`]. Text goes
//! to a [`LabelSink`], never through plotters' text code.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::{RGBColor, ShapeStyle};

use super::tiles::{TileMap, TileState};
use super::units::{COLS, ROWS, UNITS};
use crate::chart::{Anchor, ChartTheme, HAlign, LabelSink, Rgb, VAlign};
use crate::lang::Lang;

/// The largest tile, in labels' font sizes (84 CSS pixels at 12 px, larger on a big screen).
const MAX_CELL_FONTS: f64 = 7.0;

// Like `TrendSpec` and `BarSpec` (the `duplicates` tool pairs them): what to draw, the
// language, pixel ratio and font size every drawing takes.
/// Everything [`draw_map`] needs.
#[derive(Debug, Clone, Copy)]
pub struct MapSpec<'a> {
    /// The tiles.
    pub map: &'a TileMap,
    /// The labels' language.
    pub lang: Lang,
    /// Backend pixels per CSS pixel.
    pub pixel_ratio: f64,
    /// Label font size in CSS pixels.
    pub font_px: f64,
    /// The unit (index into [`UNITS`]) with the keyboard focus: drawn with a ring.
    pub focus: Option<usize>,
}

/// Where everything goes, in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapLayout {
    /// Side of a grid cell (a tile plus its gap).
    pub cell: f64,
    /// Gap between tiles.
    pub gap: f64,
    /// Left edge of the legend.
    pub legend_x: f64,
    /// Top edge of the legend.
    pub legend_y: f64,
    /// Height of one legend row.
    pub legend_row: f64,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
}

/// The layout for a box `width` backend pixels wide, with `classes` colour classes in the
/// legend (plus its two rows for tiles without a value). The legend goes right of the grid
/// when there is room, else below it.
pub fn map_layout(width: f64, pixel_ratio: f64, font_px: f64, classes: usize) -> MapLayout {
    let font = font_px * pixel_ratio;
    let legend_w = 15.0 * font;
    let fits_beside = |cell: f64| width - cell * f64::from(COLS) >= legend_w;
    let max_cell = MAX_CELL_FONTS * font;
    let mut cell = (width / f64::from(COLS)).min(max_cell).floor().max(1.0);
    let beside = fits_beside(cell)
        || (width - legend_w > 0.0
            && ((width - legend_w) / f64::from(COLS)).floor() >= 0.8 * max_cell);
    if beside {
        cell = cell
            .min(((width - legend_w) / f64::from(COLS)).floor())
            .max(1.0);
    }
    let grid_w = cell * f64::from(COLS);
    let grid_h = cell * f64::from(ROWS);
    let legend_row = (1.8 * font).round();
    let legend_h = legend_row * (classes + 3) as f64;
    let (legend_x, legend_y) = if beside {
        (grid_w + font, 0.0)
    } else {
        (0.0, grid_h + font)
    };
    let height = if beside {
        grid_h.max(legend_h)
    } else {
        legend_y + legend_h
    };
    MapLayout {
        cell,
        gap: (cell * 0.06).max(pixel_ratio).round(),
        legend_x,
        legend_y,
        legend_row,
        width,
        height: height.ceil(),
    }
}

/// The height in CSS pixels the map needs in a box `css_width` wide.
pub fn map_height(css_width: f64, font_px: f64, classes: usize) -> f64 {
    map_layout(css_width, 1.0, font_px, classes).height
}

impl MapLayout {
    /// A unit's tile: left, top, right, bottom.
    pub fn tile_rect(&self, unit: usize) -> (f64, f64, f64, f64) {
        let u = &UNITS[unit];
        let x = f64::from(u.col) * self.cell;
        let y = f64::from(u.row) * self.cell;
        (x, y, x + self.cell - self.gap, y + self.cell - self.gap)
    }

    /// The unit whose tile is under backend pixel `(x, y)` (gaps belong to no tile).
    pub fn tile_at(&self, x: f64, y: f64) -> Option<usize> {
        (0..UNITS.len()).find(|&u| {
            let (x0, y0, x1, y1) = self.tile_rect(u);
            x >= x0 && x < x1 && y >= y0 && y < y1
        })
    }
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Whether dark text reads on `c` (relative luminance above the midpoint of black on white).
fn is_light(c: Rgb) -> bool {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2) > 0.18
}

/// Dark text on light fills, white on dark ones.
fn text_on(c: Rgb) -> Rgb {
    if is_light(c) {
        Rgb(0x1b, 0x1f, 0x24)
    } else {
        Rgb(0xff, 0xff, 0xff)
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// How a box is filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Fill {
    Solid(Rgb),
    /// Stations, no comparable figure: diagonal hatching.
    Hatched,
    /// No station: dots.
    Dotted,
}

pub(super) fn fill_box<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    fill: Fill,
    theme: &ChartTheme,
    ratio: f64,
) -> DrawResult<DB> {
    let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let solid = |c: Rgb| ShapeStyle {
        color: rgb(c).into(),
        filled: true,
        stroke_width: 0,
    };
    let line = |c: Rgb, w: f64| ShapeStyle {
        color: rgb(c).into(),
        filled: false,
        stroke_width: w.round().max(1.0) as u32,
    };
    match fill {
        Fill::Solid(c) => area.draw(&Rectangle::new([p(x0, y0), p(x1, y1)], solid(c)))?,
        Fill::Hatched => {
            area.draw(&Rectangle::new(
                [p(x0, y0), p(x1, y1)],
                solid(theme.background),
            ))?;
            // Lines x + y = c, clipped to the box.
            let step = 7.0 * ratio;
            let mut c = x0 + y0 + step;
            while c < x1 + y1 {
                let (ax, ay) = ((c - y1).max(x0), (c - (c - y1).max(x0)));
                let (bx, by) = ((c - y0).min(x1), (c - (c - y0).min(x1)));
                area.draw(&PathElement::new(
                    vec![p(ax, ay), p(bx, by)],
                    line(theme.ink, ratio),
                ))?;
                c += step;
            }
        }
        Fill::Dotted => {
            area.draw(&Rectangle::new(
                [p(x0, y0), p(x1, y1)],
                solid(theme.background),
            ))?;
            let step = 8.0 * ratio;
            let dot = ratio.round().max(1.0);
            let mut y = y0 + step / 2.0;
            while y < y1 {
                let mut x = x0 + step / 2.0;
                while x < x1 {
                    area.draw(&Rectangle::new(
                        [p(x, y), p(x + dot, y + dot)],
                        solid(theme.grid),
                    ))?;
                    x += step;
                }
                y += step;
            }
        }
    }
    // Every box has an edge, so a pale class stays visible on a pale page (a text band,
    // drawn at ratio 0, has none).
    if ratio > 0.0 {
        area.draw(&Rectangle::new(
            [p(x0, y0), p(x1, y1)],
            line(theme.grid, ratio),
        ))?;
    }
    Ok(())
}

fn fill_of(map: &TileMap, state: TileState) -> Fill {
    match state {
        TileState::Value { class, .. } => Fill::Solid(map.classes.colors[class]),
        TileState::NoComparable => Fill::Hatched,
        TileState::NoStation => Fill::Dotted,
    }
}

/// Draws the tiles (name and number of stations on each), the focus ring and the legend
/// (one swatch per class with its range, then the two patterns). Returns the layout.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &MapSpec,
    theme: &ChartTheme,
    labels: &mut dyn LabelSink,
) -> Result<MapLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let ratio = spec.pixel_ratio;
    let map = spec.map;
    let lay = map_layout(f64::from(w), ratio, spec.font_px, map.classes.colors.len());
    area.fill(&rgb(theme.background))?;
    let s = spec.lang.map_strings();
    let font = spec.font_px * ratio;
    let center = Anchor {
        h: HAlign::Center,
        v: VAlign::Middle,
    };
    for tile in &map.tiles {
        let r = lay.tile_rect(tile.unit);
        let fill = fill_of(map, tile.state);
        fill_box(area, r, fill, theme, ratio)?;
        let ink = match fill {
            Fill::Solid(c) => text_on(c),
            _ => theme.ink,
        };
        let u = &UNITS[tile.unit];
        let name = match spec.lang {
            Lang::Zh => u.zh,
            Lang::En => u.iso,
        };
        let cx = (r.0 + r.2) / 2.0;
        let cy = (r.1 + r.3) / 2.0;
        if fill == Fill::Hatched {
            // A plain band behind the text, so the hatching never runs through it.
            let band = (r.0 + ratio, cy - 1.3 * font, r.2 - ratio, cy + 1.3 * font);
            fill_box(area, band, Fill::Solid(theme.background), theme, 0.0)?;
        }
        if tile.stations > 0 {
            labels.label(cx, cy - 0.6 * font, name, center, ink);
            labels.label(
                cx,
                cy + 0.6 * font,
                &(s.tile_count)(tile.stations),
                center,
                ink,
            );
        } else {
            labels.label(cx, cy, name, center, ink);
        }
    }
    if let Some(f) = spec.focus.filter(|&f| f < UNITS.len()) {
        let (x0, y0, x1, y1) = lay.tile_rect(f);
        let pad = 2.0 * ratio;
        let ring = |c: Rgb, wd: f64, inset: f64| {
            Rectangle::new(
                [
                    ((x0 - inset).round() as i32, (y0 - inset).round() as i32),
                    ((x1 + inset).round() as i32, (y1 + inset).round() as i32),
                ],
                ShapeStyle {
                    color: rgb(c).into(),
                    filled: false,
                    stroke_width: wd.round().max(1.0) as u32,
                },
            )
        };
        area.draw(&ring(theme.ink, 3.0 * ratio, pad))?;
        area.draw(&ring(theme.background, ratio, pad - 2.0 * ratio))?;
    }
    draw_legend(area, spec, &lay, theme, labels)?;
    Ok(lay)
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    spec: &MapSpec,
    lay: &MapLayout,
    theme: &ChartTheme,
    labels: &mut dyn LabelSink,
) -> DrawResult<DB> {
    let map = spec.map;
    let s = spec.lang.map_strings();
    let font = spec.font_px * spec.pixel_ratio;
    let left = Anchor {
        h: HAlign::Start,
        v: VAlign::Middle,
    };
    let (x, mut y) = (lay.legend_x, lay.legend_y + lay.legend_row / 2.0);
    labels.label(x, y, s.legend, left, theme.ink);
    let swatch = 1.2 * font;
    let mut rows: Vec<(Fill, String)> = map
        .classes
        .colors
        .iter()
        .copied()
        .map(Fill::Solid)
        .zip(map.class_texts(spec.lang))
        .collect();
    rows.push((Fill::Hatched, s.no_comparable.to_string()));
    rows.push((Fill::Dotted, s.no_station.to_string()));
    for (fill, text) in rows {
        y += lay.legend_row;
        let r = (x, y - swatch / 2.0, x + swatch, y + swatch / 2.0);
        fill_box(area, r, fill, theme, spec.pixel_ratio)?;
        labels.label(x + swatch + 0.6 * font, y, &text, left, theme.ink);
    }
    Ok(())
}
