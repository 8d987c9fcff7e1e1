//! The trend chart: a pure [`layout`] (every pixel position decided from the data and the
//! box), and [`draw_trend`], which draws that layout on any plotters backend. Labels go to a
//! [`LabelSink`], never through plotters' text code.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, DashedPathElement, PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::ShapeStyle;

use super::palette::{self, ChartTheme, Dash, Rgb, SeriesStyle};
use super::pixels::{px, rgb};
use super::prepare::{self, Point, Run};
use super::scale::{self, LinearScale, Ticks};
use crate::lang::Lang;
use crate::model::{Series, Unit};

/// Horizontal alignment of a label relative to its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    /// The text starts at the point (canvas `textAlign = "left"`).
    Start,
    /// The text is centred on the point.
    Center,
    /// The text ends at the point (`"right"`).
    End,
}

/// Vertical alignment of a label relative to its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// The text hangs below the point (canvas `textBaseline = "top"`).
    Top,
    /// The text is centred on the point (`"middle"`).
    Middle,
    /// The text sits above the point (`"bottom"`).
    Bottom,
}

/// Where a label sits relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Horizontal alignment.
    pub h: HAlign,
    /// Vertical alignment.
    pub v: VAlign,
}

/// Receives the chart's text. The browser implements it with the canvas' `fillText` (font size
/// [`TrendSpec::font_px`] × [`TrendSpec::pixel_ratio`]); tests collect the labels.
pub trait LabelSink {
    /// Draws `text` at backend pixel `(x, y)`, aligned by `anchor`, in `color`.
    fn label(&mut self, x: f64, y: f64, text: &str, anchor: Anchor, color: Rgb);
}

/// A label as collected by [`Labels`].
#[derive(Debug, Clone, PartialEq)]
pub struct CollectedLabel {
    /// Backend pixel x.
    pub x: f64,
    /// Backend pixel y.
    pub y: f64,
    /// The text.
    pub text: String,
    /// Alignment.
    pub anchor: Anchor,
}

/// A [`LabelSink`] that keeps every label (for tests and text equivalents).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels(pub Vec<CollectedLabel>);

impl LabelSink for Labels {
    fn label(&mut self, x: f64, y: f64, text: &str, anchor: Anchor, _color: Rgb) {
        self.0.push(CollectedLabel {
            x,
            y,
            text: text.to_string(),
            anchor,
        });
    }
}

/// What a trend chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendView {
    /// Every month of the series along a time axis.
    Timeline,
    /// The latest year over the year before, by calendar month.
    YearOnYear,
}

/// A horizontal reference line with its label (e.g. the previous year's monthly mean).
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineRule {
    /// Its value, in the series' unit.
    pub value: f64,
    /// What it is, as shown beside it.
    pub label: String,
}

/// Everything [`layout`] and [`draw_trend`] need.
#[derive(Debug, Clone)]
pub struct TrendSpec<'a> {
    /// The series.
    pub series: &'a Series,
    /// The metric's unit (percentages get `%` ticks and no forced zero).
    pub unit: Unit,
    /// The labels' language.
    pub lang: Lang,
    /// Timeline or year-on-year.
    pub view: TrendView,
    /// An optional reference line.
    pub baseline: Option<BaselineRule>,
    /// Backend pixels per CSS pixel (the browser's `devicePixelRatio`; 1 in tests).
    pub pixel_ratio: f64,
    /// Label font size in CSS pixels.
    pub font_px: f64,
}

/// The plot area in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotRect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// A drawn point and where it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedPoint {
    /// 0 for the main series (the latest year in the year-on-year view), 1 for the year before.
    pub series: usize,
    /// The data point.
    pub point: Point,
    /// Backend pixel x, relative to the drawing area.
    pub x: f64,
    /// Backend pixel y, relative to the drawing area.
    pub y: f64,
}

/// What a legend entry shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendKind {
    /// A line sample of a series.
    Line(SeriesStyle),
    /// The hollow marker of an estimated value.
    Estimated,
    /// The shading of a month that is not reported.
    Missing,
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// Its sample.
    pub kind: LegendKind,
    /// The text.
    pub text: String,
    /// Left end of the sample, backend pixels.
    pub x: f64,
    /// Vertical centre, backend pixels.
    pub y: f64,
}

/// Every position of a trend chart, computed without drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The drawing area's size in backend pixels.
    pub size: (f64, f64),
    /// The plot area.
    pub plot: PlotRect,
    /// Value ticks.
    pub y_ticks: Ticks,
    /// The value → pixel mapping.
    pub y_scale: LinearScale,
    /// The x position (month index, or calendar month 0–11 in the year-on-year view) → pixel mapping.
    pub x_scale: LinearScale,
    /// The ticked x positions, in the same units as `x_scale`'s domain.
    pub x_ticks: Vec<i64>,
    /// The x tick labels, one per tick.
    pub x_labels: Vec<String>,
    /// The runs of each series (index = [`PlacedPoint::series`]); each becomes one line.
    pub runs: Vec<Vec<Run>>,
    /// Every point, ordered by x then series: the order of keyboard navigation.
    pub points: Vec<PlacedPoint>,
    /// Legend entries.
    pub legend: Vec<LegendItem>,
    /// The year of the year-on-year view's main series.
    pub year: Option<i32>,
    /// Months shaded as not reported (timeline view): x positions in `x_scale`'s units.
    pub missing: Vec<i64>,
}

impl Layout {
    /// The point nearest to a pointer at `(x, y)`: nearest in x first (a readout follows the
    /// pointer across months), then in y. `None` without points.
    pub fn nearest(&self, x: f64, y: f64) -> Option<usize> {
        let key = |p: &PlacedPoint| ((p.x - x).abs(), (p.y - y).abs());
        (0..self.points.len()).min_by(|&a, &b| {
            key(&self.points[a])
                .partial_cmp(&key(&self.points[b]))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    }

    /// The point a key press moves to: `delta` steps along [`Layout::points`] from `from`
    /// (the first or last point when nothing is selected), clamped to the ends.
    pub fn step(&self, from: Option<usize>, delta: i64) -> Option<usize> {
        let n = self.points.len() as i64;
        if n == 0 {
            return None;
        }
        let next = match from {
            Some(i) => i as i64 + delta,
            None if delta < 0 => n - 1,
            None => 0,
        };
        Some(next.clamp(0, n - 1) as usize)
    }

    fn x_of(&self, x: f64) -> f64 {
        self.x_scale.map(x)
    }
}

/// The style of series `i` in the chart.
pub fn style_of(i: usize) -> SeriesStyle {
    palette::series_style(i)
}

fn is_percent(unit: Unit) -> bool {
    matches!(unit, Unit::Percent | Unit::PercentagePoints)
}

/// The series of a view, and where their points go along x.
struct Prepared {
    runs: Vec<Vec<Run>>,
    x_of: fn(&Point) -> f64,
    year: Option<i32>,
    domain: (i64, i64),
}

fn prepared(spec: &TrendSpec) -> Prepared {
    match spec.view {
        TrendView::Timeline => {
            let span = prepare::months(spec.series);
            let domain = match (span.first(), span.last()) {
                (Some(a), Some(b)) => (a.0, b.0),
                _ => (0, 0),
            };
            Prepared {
                runs: vec![prepare::runs(spec.series)],
                x_of: |p| p.month as f64,
                year: None,
                domain,
            }
        }
        TrendView::YearOnYear => {
            let yoy = prepare::year_over_year(spec.series);
            Prepared {
                runs: yoy.as_ref().map_or_else(
                    || vec![Vec::new(), Vec::new()],
                    |y| vec![y.current_runs(), y.previous_runs()],
                ),
                x_of: |p| p.month.rem_euclid(12) as f64,
                year: yoy.map(|y| y.year),
                domain: (0, 11),
            }
        }
    }
}

/// Lays out a trend chart in a `width` × `height` area (backend pixels). Pure: the same data
/// and box always give the same pixels.
pub fn layout(spec: &TrendSpec, width: f64, height: f64) -> Layout {
    let r = spec.pixel_ratio.max(0.1);
    let font = spec.font_px * r;
    let lang = spec.lang;
    let Prepared {
        runs,
        x_of: xs_of,
        year,
        domain: x_domain,
    } = prepared(spec);

    // Legend (year-on-year: the two years; any view: the estimated-value marker).
    let mut legend_texts: Vec<(LegendKind, String)> = Vec::new();
    if let Some(y) = year {
        let name = |y: i32| match lang {
            Lang::Zh => format!("{y}年"),
            Lang::En => y.to_string(),
        };
        legend_texts.push((LegendKind::Line(style_of(0)), name(y)));
        legend_texts.push((LegendKind::Line(style_of(1)), name(y - 1)));
    }
    let any_estimated = runs.iter().flatten().flatten().any(|p| p.is_estimated());
    if any_estimated {
        legend_texts.push((
            LegendKind::Estimated,
            prepare::status_text(lang, crate::model::ValueStatus::Estimated).to_string(),
        ));
    }
    let missing: Vec<i64> = match spec.view {
        TrendView::Timeline => prepare::months(spec.series)
            .into_iter()
            .filter(|(_, p)| p.is_none())
            .map(|(m, _)| m)
            .collect(),
        TrendView::YearOnYear => Vec::new(),
    };
    if !missing.is_empty() {
        legend_texts.push((
            LegendKind::Missing,
            prepare::status_text(lang, crate::model::ValueStatus::Missing).to_string(),
        ));
    }
    let legend_h = if legend_texts.is_empty() {
        0.0
    } else {
        font * 1.6
    };

    // Value axis.
    let mut values: Vec<f64> = runs.iter().flatten().flatten().map(|p| p.value).collect();
    if let Some(b) = &spec.baseline {
        values.push(b.value);
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let top = legend_h + font * 0.8 + 4.0 * r;
    let bottom = height - (font * 1.6 + 8.0 * r);
    let max_ticks = (((bottom - top) / (font * 2.5)).floor() as usize).clamp(2, 8);
    let y_ticks = scale::nice_ticks(lo, hi, max_ticks, !is_percent(spec.unit));
    let percent = spec.unit == Unit::Percent;
    let widest = y_ticks
        .values
        .iter()
        .map(|&v| scale::approx_text_width(&scale::value_label(lang, v, percent), font))
        .fold(0.0, f64::max);
    let plot = PlotRect {
        left: (widest + 10.0 * r).round(),
        top: top.round(),
        right: (width - 12.0 * r).round(),
        bottom: bottom.round(),
    };
    let y_scale = LinearScale::new(y_ticks.domain(), (plot.bottom, plot.top));
    let x_scale = LinearScale::new(
        (x_domain.0 as f64 - 0.5, x_domain.1 as f64 + 0.5),
        (plot.left, plot.right),
    );

    // Time axis.
    let plot_w = plot.right - plot.left;
    let (x_ticks, x_labels) = match spec.view {
        TrendView::Timeline => {
            let step = scale::month_step(x_domain.0, x_domain.1, plot_w, font * 3.8);
            let ticks = scale::month_ticks(x_domain.0, x_domain.1, step);
            let labels = ticks
                .iter()
                .enumerate()
                .map(|(i, &m)| scale::month_label(lang, m, step, i == 0))
                .collect();
            (ticks, labels)
        }
        TrendView::YearOnYear => {
            let every = if 12.0 * font * 2.4 <= plot_w { 1 } else { 3 };
            let ticks: Vec<i64> = (0..12).filter(|m| m % every == 0).collect();
            let labels = ticks
                .iter()
                .map(|&m| scale::calendar_month(lang, m as u32 + 1))
                .collect();
            (ticks, labels)
        }
    };

    // Points, ordered by x then series.
    let mut points: Vec<PlacedPoint> = runs
        .iter()
        .enumerate()
        .flat_map(|(si, rs)| {
            rs.iter().flatten().map(move |p| PlacedPoint {
                series: si,
                point: *p,
                x: 0.0,
                y: 0.0,
            })
        })
        .collect();
    for p in &mut points {
        p.x = x_scale.map(xs_of(&p.point));
        p.y = y_scale.map(p.point.value);
    }
    points.sort_by(|a, b| {
        a.x.partial_cmp(&b.x)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.series.cmp(&b.series))
    });

    // Legend positions, left to right.
    let mut legend = Vec::new();
    let mut lx = plot.left;
    for (kind, text) in legend_texts {
        let w = scale::approx_text_width(&text, font);
        legend.push(LegendItem {
            kind,
            text,
            x: lx,
            y: (font * 0.8 + 2.0 * r).round(),
        });
        lx += 24.0 * r + 6.0 * r + w + 16.0 * r;
    }

    Layout {
        size: (width, height),
        plot,
        y_ticks,
        y_scale,
        x_scale,
        x_ticks,
        x_labels,
        runs,
        points,
        legend,
        year,
        missing,
    }
}

fn stroke(c: Rgb, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: rgb(c).into(),
        filled: false,
        stroke_width: width.round().max(1.0) as u32,
    }
}

fn fill(c: Rgb) -> ShapeStyle {
    ShapeStyle {
        color: rgb(c).into(),
        filled: true,
        stroke_width: 1,
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    pts: Vec<(i32, i32)>,
    style: ShapeStyle,
    dash: Dash,
    r: f64,
) -> DrawResult<DB> {
    match dash {
        Dash::Solid => root.draw(&PathElement::new(pts, style)),
        Dash::Dashed { on, off } => root.draw(&DashedPathElement::new(
            pts,
            (f64::from(on) * r).round().max(1.0) as i32,
            (f64::from(off) * r).round().max(1.0) as i32,
            style,
        )),
    }
}

/// Draws a trend chart on `root` and returns its [`Layout`] (the same as [`layout`] for
/// `root`'s size). Draws, in order: background, horizontal grid lines at the value ticks, the
/// axis, the baseline rule, then for each series one line per run — so a missing month is a
/// gap, never a line through it or a drop to zero — and a marker per point, hollow for an
/// estimate. A run of a single month is its marker alone. Text goes to `labels` only.
pub fn draw_trend<DB: DrawingBackend, S: LabelSink>(
    root: &DrawingArea<DB, Shift>,
    spec: &TrendSpec,
    labels: &mut S,
) -> Result<Layout, DrawingAreaErrorKind<DB::ErrorType>> {
    draw_trend_themed(root, spec, &ChartTheme::LIGHT, labels)
}

/// [`draw_trend`] in the colours of a theme (the page's dark or high-contrast theme).
pub fn draw_trend_themed<DB: DrawingBackend, S: LabelSink>(
    root: &DrawingArea<DB, Shift>,
    spec: &TrendSpec,
    theme: &ChartTheme,
    labels: &mut S,
) -> Result<Layout, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = root.dim_in_pixel();
    let lay = layout(spec, f64::from(w), f64::from(h));
    let r = spec.pixel_ratio.max(0.1);
    let (bx, by) = root.get_base_pixel();
    let (bx, by) = (f64::from(bx), f64::from(by));
    let mut text = |x: f64, y: f64, t: &str, h: HAlign, v: VAlign| {
        labels.label(bx + x, by + y, t, Anchor { h, v }, theme.ink);
    };
    let p = lay.plot;

    root.fill(&rgb(theme.background))?;

    // Months not reported: a light band each, so a gap reads as "no data", not as a break.
    for &m in &lay.missing {
        let (x0, x1) = (lay.x_of(m as f64 - 0.5), lay.x_of(m as f64 + 0.5));
        root.draw(&Rectangle::new(
            [(px(x0), px(p.top)), (px(x1), px(p.bottom))],
            fill(theme.missing),
        ))?;
    }

    // Grid and value labels.
    let percent = spec.unit == Unit::Percent;
    for &v in &lay.y_ticks.values {
        let y = lay.y_scale.map(v);
        root.draw(&PathElement::new(
            vec![(px(p.left), px(y)), (px(p.right), px(y))],
            stroke(theme.grid, r),
        ))?;
        text(
            p.left - 6.0 * r,
            y,
            &scale::value_label(spec.lang, v, percent),
            HAlign::End,
            VAlign::Middle,
        );
    }
    // The axis: at zero when zero is on the scale, else along the bottom.
    let (d0, d1) = lay.y_ticks.domain();
    let axis_y = if d0 <= 0.0 && 0.0 <= d1 {
        lay.y_scale.map(0.0)
    } else {
        p.bottom
    };
    root.draw(&PathElement::new(
        vec![(px(p.left), px(axis_y)), (px(p.right), px(axis_y))],
        stroke(theme.ink, r),
    ))?;
    for (&t, label) in lay.x_ticks.iter().zip(&lay.x_labels) {
        let x = lay.x_of(t as f64);
        root.draw(&PathElement::new(
            vec![(px(x), px(p.bottom)), (px(x), px(p.bottom + 4.0 * r))],
            stroke(theme.ink, r),
        ))?;
        text(x, p.bottom + 6.0 * r, label, HAlign::Center, VAlign::Top);
    }

    // Baseline rule.
    if let Some(b) = &spec.baseline {
        let y = lay.y_scale.map(b.value);
        line(
            root,
            vec![(px(p.left), px(y)), (px(p.right), px(y))],
            stroke(theme.baseline, r),
            palette::BASELINE_DASH,
            r,
        )?;
        text(p.right, y - 3.0 * r, &b.label, HAlign::End, VAlign::Bottom);
    }

    // Series: earlier year first, so the latest year is drawn on top.
    for si in (0..lay.runs.len()).rev() {
        let style = theme.series(si);
        for run in &lay.runs[si] {
            let pts: Vec<(i32, i32)> = lay
                .points
                .iter()
                .filter(|q| q.series == si && run.iter().any(|p| p.month == q.point.month))
                .map(|q| (px(q.x), px(q.y)))
                .collect();
            if pts.len() >= 2 {
                line(root, pts, stroke(style.color, 2.0 * r), style.dash, r)?;
            }
        }
        for q in lay.points.iter().filter(|q| q.series == si) {
            let c = (px(q.x), px(q.y));
            if q.point.is_estimated() {
                let rad = (3.5 * r).round() as i32;
                root.draw(&Circle::new(c, rad, fill(theme.background)))?;
                root.draw(&Circle::new(c, rad, stroke(style.color, 1.5 * r)))?;
            } else {
                root.draw(&Circle::new(c, (2.5 * r).round() as i32, fill(style.color)))?;
            }
        }
    }

    // Legend.
    for item in &lay.legend {
        let y = item.y;
        // The layout names the palette's styles; draw them in the theme's colours.
        let themed = |s: SeriesStyle| {
            (0..2)
                .find(|&i| style_of(i) == s)
                .map_or(s, |i| theme.series(i))
        };
        match item.kind {
            LegendKind::Line(s) => line(
                root,
                vec![(px(item.x), px(y)), (px(item.x + 24.0 * r), px(y))],
                stroke(themed(s).color, 2.0 * r),
                s.dash,
                r,
            )?,
            LegendKind::Missing => root.draw(&Rectangle::new(
                [
                    (px(item.x + 6.0 * r), px(y - 6.0 * r)),
                    (px(item.x + 18.0 * r), px(y + 6.0 * r)),
                ],
                fill(theme.missing),
            ))?,
            LegendKind::Estimated => {
                let c = (px(item.x + 12.0 * r), px(y));
                root.draw(&Circle::new(
                    c,
                    (3.5 * r).round() as i32,
                    stroke(theme.ink, 1.5 * r),
                ))?;
            }
        }
        text(
            item.x + 30.0 * r,
            y,
            &item.text,
            HAlign::Start,
            VAlign::Middle,
        );
    }

    if lay.points.is_empty() {
        let msg = super::text::chart_strings(spec.lang).no_month_reported;
        text(
            (p.left + p.right) / 2.0,
            (p.top + p.bottom) / 2.0,
            msg,
            HAlign::Center,
            VAlign::Middle,
        );
    }
    Ok(lay)
}
