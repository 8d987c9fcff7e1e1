//! The sparkline of a headline tile: the last months of a monthly series as a small line with
//! no axes. A missing month stays a gap (a light band, never a line through it or a drop to
//! zero), an estimate is a hollow marker, and the latest month is a dot. Pure layout
//! ([`spark_layout`]) and drawing on any plotters backend ([`draw_spark`]), like the trend
//! chart: the browser draws on a canvas, the tests and the prerendered page to SVG.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::ShapeStyle;

use super::palette::{ChartTheme, Rgb};
use super::pixels::{px, rgb};
use super::prepare::{self, Point};
use super::scale::LinearScale;
use crate::date::PartialDate;
use crate::format;
use crate::i18n::summaries::SparkFacts;
use crate::i18n::Lang;
use crate::model::{Qualifier, Series, Unit};

/// The most months a sparkline shows.
pub const SPARK_MONTHS: usize = 24;

/// The fewest months a sparkline shows when the series has them (a year).
pub const SPARK_MIN_MONTHS: usize = 12;

/// The months a sparkline shows: the last [`SPARK_MONTHS`] of the series' span (missing ones
/// as `None`). Empty when the series has fewer than two present months in that window.
pub fn spark_window(s: &Series) -> Vec<(i64, Option<Point>)> {
    let all = prepare::months(s);
    let from = all.len().saturating_sub(SPARK_MONTHS);
    let window = all[from..].to_vec();
    if window.iter().filter(|(_, p)| p.is_some()).count() < 2 {
        return Vec::new();
    }
    window
}

/// A drawn point of a sparkline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SparkPoint {
    /// The data point.
    pub point: Point,
    /// Backend pixel x.
    pub x: f64,
    /// Backend pixel y.
    pub y: f64,
}

/// Every position of a sparkline.
#[derive(Debug, Clone, PartialEq)]
pub struct SparkLayout {
    /// The drawing area's size in backend pixels.
    pub size: (f64, f64),
    /// The first and last month shown; `None` when there is nothing to draw.
    pub span: Option<(i64, i64)>,
    /// The present months, in order.
    pub points: Vec<SparkPoint>,
    /// One polyline per run of consecutive present months (indices into `points`).
    pub runs: Vec<Vec<usize>>,
    /// The x extent of each missing month's band.
    pub missing: Vec<(f64, f64)>,
}

impl SparkLayout {
    /// Whether there is a line to draw.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Lays out the sparkline of `s` in a `width` × `height` area (backend pixels) with
/// `pixel_ratio` backend pixels per CSS pixel. The values fill the height (a sparkline shows
/// the shape of the last months; the tile says the figure).
pub fn spark_layout(s: &Series, width: f64, height: f64, pixel_ratio: f64) -> SparkLayout {
    let r = pixel_ratio.max(0.1);
    let window = spark_window(s);
    let empty = SparkLayout {
        size: (width, height),
        span: None,
        points: Vec::new(),
        runs: Vec::new(),
        missing: Vec::new(),
    };
    let (Some(first), Some(last)) = (window.first(), window.last()) else {
        return empty;
    };
    let pad = 4.0 * r;
    let half = if window.len() > 1 {
        (width - 2.0 * pad) / (window.len() - 1) as f64 / 2.0
    } else {
        0.0
    };
    let x_scale = LinearScale::new(
        (first.0 as f64, last.0 as f64),
        (pad, (width - pad).max(pad)),
    );
    let (lo, hi) = window
        .iter()
        .filter_map(|(_, p)| p.map(|p| p.value))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    let y_scale = LinearScale::new((lo, hi), ((height - pad).max(pad), pad));
    let points: Vec<SparkPoint> = window
        .iter()
        .filter_map(|(_, p)| *p)
        .map(|p| SparkPoint {
            point: p,
            x: x_scale.map(p.month as f64),
            y: y_scale.map(p.value),
        })
        .collect();
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if points[*run.last().unwrap_or(&i)].point.month + 1 == p.point.month => {
                run.push(i)
            }
            _ => runs.push(vec![i]),
        }
    }
    let missing = window
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(m, _)| {
            let x = x_scale.map(*m as f64);
            ((x - half).max(0.0), (x + half).min(width))
        })
        .collect();
    SparkLayout {
        size: (width, height),
        span: Some((first.0, last.0)),
        points,
        runs,
        missing,
    }
}

/// Draws the sparkline of `s` on `root` in the theme's colours and returns its layout: the
/// background, a light band per missing month, one line per run, a hollow marker per
/// estimate, a dot on a month that stands alone and on the latest month. No text.
pub fn draw_spark<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &Series,
    pixel_ratio: f64,
    theme: &ChartTheme,
) -> Result<SparkLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = root.dim_in_pixel();
    let lay = spark_layout(s, f64::from(w), f64::from(h), pixel_ratio);
    let r = pixel_ratio.max(0.1);
    let line = theme.series(0).color;
    let stroke = |c: Rgb, width: f64| ShapeStyle {
        color: rgb(c).into(),
        filled: false,
        stroke_width: width.round().max(1.0) as u32,
    };
    let fill = |c: Rgb| ShapeStyle {
        color: rgb(c).into(),
        filled: true,
        stroke_width: 1,
    };
    root.fill(&rgb(theme.background))?;
    for &(x0, x1) in &lay.missing {
        root.draw(&Rectangle::new(
            [(px(x0), 0), (px(x1), px(lay.size.1))],
            fill(theme.missing),
        ))?;
    }
    for run in lay.runs.iter().filter(|run| run.len() >= 2) {
        let pts: Vec<(i32, i32)> = run
            .iter()
            .map(|&i| (px(lay.points[i].x), px(lay.points[i].y)))
            .collect();
        root.draw(&PathElement::new(pts, stroke(line, 1.5 * r)))?;
    }
    let last = lay.points.len().checked_sub(1);
    let alone: Vec<usize> = lay
        .runs
        .iter()
        .filter(|run| run.len() == 1)
        .map(|run| run[0])
        .collect();
    for (i, p) in lay.points.iter().enumerate() {
        let c = (px(p.x), px(p.y));
        if p.point.is_estimated() {
            let rad = (2.5 * r).round() as i32;
            root.draw(&Circle::new(c, rad, fill(theme.background)))?;
            root.draw(&Circle::new(c, rad, stroke(line, 1.2 * r)))?;
        } else if Some(i) == last || alone.contains(&i) {
            root.draw(&Circle::new(c, (2.5 * r).round() as i32, fill(line)))?;
        }
    }
    Ok(lay)
}

/// What a sparkline shows, for readers who cannot see it: `2024年1月至2025年12月逐月走势：
/// 最新（2025年12月）373，最高 509，最低 330；2 个月未报告，3 个月为估计值`.
/// Every number is a value of the window; nothing absent is filled in.
pub fn spark_text(lang: Lang, unit: Unit, window: &[(i64, Option<Point>)]) -> String {
    let month = |m: i64| format::date(lang, &PartialDate::from_month_index(m));
    let value = |v: f64| format::amount(lang, v, unit, Qualifier::Exact);
    let pts: Vec<Point> = window.iter().filter_map(|(_, p)| *p).collect();
    let (Some((first, _)), Some((last, _)), Some(latest)) =
        (window.first(), window.last(), pts.last())
    else {
        return String::new();
    };
    let max = pts
        .iter()
        .map(|p| p.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let min = pts.iter().map(|p| p.value).fold(f64::INFINITY, f64::min);
    let missing = window.len() - pts.len();
    let estimated = pts.iter().filter(|p| p.is_estimated()).count();
    lang.messages().spark_summary(&SparkFacts {
        first: month(*first),
        last: month(*last),
        latest_month: month(latest.month),
        latest: value(latest.value),
        max: value(max),
        min: value(min),
        missing,
        estimated,
    })
}
