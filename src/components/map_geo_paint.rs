//! The boundary map's regions drawn straight on the canvas' 2D context: one path per fill
//! (filled even-odd, so holes stay holes) and one path for every edge, instead of two
//! plotters elements per polygon. What is drawn comes from the core's [`GeoPaths`] (the
//! same rings, fills and patterns `draw_geo_regions` draws in the SVG tests); the paths
//! are projected once per layout and kept, and so are two pictures: the edges (in a test at
//! 4× CPU, 2026-12-03, stroking the 38,890 edges took about a quarter of a redraw; copying
//! the kept picture over the fills is one blit), and the background with the dotted regions
//! (no station: that does not change with the metric; in the demo, 2,500 of the 2,900
//! areas), so a change of metric fills only the regions whose units have stations.

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
    /// The background and the dotted regions: the colours, the dotted regions' path data.
    under_drawn: Option<((Rgb, Rgb), String, HtmlCanvasElement)>,
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
            under_drawn: None,
        })
    }

    /// The background with the regions of `dotted` (path data) dotted, `w` × `h`, drawn
    /// again only when they or the colours change.
    fn under_picture(
        &mut self,
        dotted: &str,
        theme: &ChartTheme,
        (w, h): (u32, u32),
        ratio: f64,
    ) -> Option<&HtmlCanvasElement> {
        let colors = (theme.background, theme.grid);
        let fresh = self.under_drawn.as_ref().is_some_and(|(c, d, el)| {
            *c == colors && d == dotted && (el.width(), el.height()) == (w, h)
        });
        if !fresh {
            let el = offscreen(w, h)?;
            let ctx = context(&el)?;
            ctx.set_fill_style_str(&css(theme.background));
            ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            if !dotted.is_empty() {
                fill_group(&ctx, GeoFill::NoStation, dotted, None, theme, ratio);
            }
            self.under_drawn = Some((colors, dotted.to_string(), el));
        }
        self.under_drawn.as_ref().map(|(_, _, el)| el)
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

/// Fills the regions of one fill (path data), even-odd.
fn fill_group(
    ctx: &CanvasRenderingContext2d,
    fill: GeoFill,
    data: &str,
    map: Option<&TileMap>,
    theme: &ChartTheme,
    ratio: f64,
) {
    let Ok(path) = Path2d::new_with_path_string(data) else {
        return;
    };
    match (fill, map) {
        (GeoFill::Class(c), Some(m)) => ctx.set_fill_style_str(&css(m.classes.colors[c])),
        _ => match pattern(ctx, fill, theme, ratio) {
            Some(p) => ctx.set_fill_style_canvas_pattern(&p),
            None => ctx.set_fill_style_str(&css(theme.background)),
        },
    }
    ctx.fill_with_path_2d_and_winding(&path, CanvasWindingRule::Evenodd);
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
    let groups = paths.paths.groups(geo, map);
    let dotted = groups
        .iter()
        .find(|(f, _)| *f == GeoFill::NoStation)
        .map_or("", |(_, d)| d.as_str());
    match paths.under_picture(dotted, theme, (w, h), ratio) {
        Some(under) => {
            let _ = ctx.draw_image_with_html_canvas_element(under, 0.0, 0.0);
        }
        None => {
            ctx.set_fill_style_str(&css(theme.background));
            ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            fill_group(ctx, GeoFill::NoStation, dotted, None, theme, ratio);
        }
    }
    for (fill, data) in &groups {
        if *fill != GeoFill::NoStation {
            fill_group(ctx, *fill, data, Some(map), theme, ratio);
        }
    }
    if let Some(edges) = paths.edges_picture(theme.grid, (w, h), ratio) {
        let _ = ctx.draw_image_with_html_canvas_element(edges, 0.0, 0.0);
    }
}
