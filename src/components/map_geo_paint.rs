//! The boundary map's regions drawn straight on the canvas' 2D context: one path per fill
//! (filled even-odd, so holes stay holes) and one path for every edge, instead of two
//! plotters elements per polygon. What is drawn comes from the core's [`GeoPaths`] (the
//! same rings, fills and patterns `draw_geo_regions` draws in the SVG tests); the paths
//! are projected once per layout and kept, and so is a picture of the edges (in a test at
//! 4× CPU, 2026-12-03, stroking the 38,890 edges took about a quarter of a redraw; copying
//! the kept picture over the fills is one blit).

use scorecards_core::chart::{ChartTheme, Rgb};
use scorecards_core::map::geo::GeoMap;
use scorecards_core::map::geo_draw::GeoLayout;
use scorecards_core::map::geo_paths::{GeoFill, GeoPaths, DOT_STEP, HATCH_STEP};
use scorecards_core::map::TileMap;
use web_sys::{CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement, Path2d};

use super::map_geo_canvas::{context, offscreen};

/// The regions' paths for one layout, and the edges drawn in one colour.
pub struct GeoCanvasPaths {
    paths: GeoPaths,
    edges: Path2d,
    edges_drawn: Option<(Rgb, HtmlCanvasElement)>,
}

impl GeoCanvasPaths {
    /// Projects `geo` with `lay`.
    pub fn new(geo: &GeoMap, lay: &GeoLayout) -> Option<GeoCanvasPaths> {
        let paths = GeoPaths::new(geo, lay);
        let edges = Path2d::new_with_path_string(&paths.edges()).ok()?;
        Some(GeoCanvasPaths {
            paths,
            edges,
            edges_drawn: None,
        })
    }

    /// Every edge in `color` on a transparent canvas `w` × `h`, drawn on first use.
    fn edges_picture(
        &mut self,
        color: Rgb,
        (w, h): (u32, u32),
        ratio: f64,
    ) -> Option<&HtmlCanvasElement> {
        let fresh = self
            .edges_drawn
            .as_ref()
            .is_some_and(|(c, el)| *c == color && (el.width(), el.height()) == (w, h));
        if !fresh {
            let el = offscreen(w, h)?;
            let ctx = context(&el)?;
            ctx.set_stroke_style_str(&css(color));
            ctx.set_line_width((0.5 * ratio).round().max(1.0));
            ctx.stroke_with_path(&self.edges);
            self.edges_drawn = Some((color, el));
        }
        self.edges_drawn.as_ref().map(|(_, el)| el)
    }

    /// The layout they were projected for.
    pub fn layout(&self) -> &GeoLayout {
        &self.paths.layout
    }
}

fn css(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The tile map's hatching (diagonals `x + y = k·step` in ink) or dots (in the grid colour)
/// as a repeated tile, on the background; anchored at the canvas' origin like the core's
/// `pattern_segments`.
fn pattern(
    ctx: &CanvasRenderingContext2d,
    fill: GeoFill,
    theme: &ChartTheme,
    ratio: f64,
) -> Option<web_sys::CanvasPattern> {
    let hatched = fill == GeoFill::NoComparable;
    let step = (if hatched { HATCH_STEP } else { DOT_STEP } * ratio)
        .round()
        .max(2.0);
    let tile = offscreen(step as u32, step as u32)?;
    let t = context(&tile)?;
    t.set_fill_style_str(&css(theme.background));
    t.fill_rect(0.0, 0.0, step, step);
    if hatched {
        t.set_stroke_style_str(&css(theme.ink));
        t.set_line_width(ratio.round().max(1.0));
        t.begin_path();
        for k in 0..3 {
            let c = f64::from(k) * step;
            t.move_to(c - step, step);
            t.line_to(c + step, -step);
        }
        t.stroke();
    } else {
        let half = (step / 2.0).floor();
        t.set_fill_style_str(&css(theme.grid));
        let dot = ratio.round().max(1.0);
        t.fill_rect(half, half, dot, dot);
    }
    pattern_of(ctx, &tile)
}

fn pattern_of(
    ctx: &CanvasRenderingContext2d,
    tile: &HtmlCanvasElement,
) -> Option<web_sys::CanvasPattern> {
    ctx.create_pattern_with_html_canvas_element(tile, "repeat")
        .ok()
        .flatten()
}

/// Fills the background, every region by its fill, and strokes every edge.
pub fn paint_regions(
    ctx: &CanvasRenderingContext2d,
    paths: &mut GeoCanvasPaths,
    geo: &GeoMap,
    map: &TileMap,
    theme: &ChartTheme,
    ratio: f64,
) {
    let (w, h) = ctx.canvas().map_or((1, 1), |c| (c.width(), c.height()));
    ctx.set_fill_style_str(&css(theme.background));
    ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    for (fill, data) in paths.paths.groups(geo, map) {
        let Ok(path) = Path2d::new_with_path_string(&data) else {
            continue;
        };
        match fill {
            GeoFill::Class(c) => ctx.set_fill_style_str(&css(map.classes.colors[c])),
            _ => match pattern(ctx, fill, theme, ratio) {
                Some(p) => ctx.set_fill_style_canvas_pattern(&p),
                None => ctx.set_fill_style_str(&css(theme.background)),
            },
        }
        ctx.fill_with_path_2d_and_winding(&path, CanvasWindingRule::Evenodd);
    }
    if let Some(edges) = paths.edges_picture(theme.grid, (w, h), ratio) {
        let _ = ctx.draw_image_with_html_canvas_element(edges, 0.0, 0.0);
    }
}
