//! The comparison bar chart: one horizontal bar per station for one metric, only for figures
//! on a common basis, best first, with the metric's polarity said on the chart. Pure layout
//! ([`bar_layout`]) and drawing on any plotters backend ([`draw_bars`]); text goes to a
//! [`LabelSink`].

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::{RGBColor, ShapeStyle};

use super::draw::{Anchor, HAlign, LabelSink, PlotRect, VAlign};
use super::palette::{ChartTheme, Rgb};
use super::scale::{self, LinearScale, Ticks};
use crate::compare::{League, Standing};
use crate::format;
use crate::lang::Lang;
use crate::model::{Polarity, Qualifier, Unit};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The station's name.
    pub label: String,
    /// The value compared.
    pub value: f64,
    /// Its rank as shown (`1`, `2=`), when ranked.
    pub rank: Option<String>,
    /// Whether the value is approximate (约, "about", or computed from estimates): drawn as an
    /// outline rather than a solid bar.
    pub approximate: bool,
    /// Whether this is the station the reader came from: drawn in the second colour with a
    /// black edge, so it stands out in print too.
    pub highlight: bool,
}

/// The bars of a comparison: only the comparable entries (ranked or comparable but unranked),
/// in the comparison's order (best first). Entries on another basis, without a denominator or
/// not reported are left out — the table beside the chart lists them with the reason.
pub fn comparable_bars(league: &League, lang: Lang, highlight: Option<&str>) -> Vec<Bar> {
    league
        .entries
        .iter()
        .filter_map(|e| {
            let value = e.value.filter(|v| v.is_finite())?;
            let rank = match &e.standing {
                Standing::Ranked { rank, tied, .. } => {
                    Some(format!("{rank}{}", if *tied { "=" } else { "" }))
                }
                Standing::Unranked => None,
                _ => return None,
            };
            let approximate = e.figure.is_some_and(|f| f.qualifier != Qualifier::Exact)
                || e.computed.is_some_and(|c| c.estimated);
            Some(Bar {
                label: lang.pick(&e.station.name).to_string(),
                value,
                rank,
                approximate,
                highlight: highlight == Some(e.station.id.as_str()),
            })
        })
        .collect()
}

/// Says which way is better: `↓ 越低越好`, `↓ Lower is better`.
pub fn polarity_note(lang: Lang, polarity: Polarity) -> &'static str {
    super::strings::chart_strings(lang).polarity(polarity)
}

/// A bar's value as written at its end: signed for changes, with the unit.
pub fn bar_value_text(lang: Lang, v: f64, unit: Unit) -> String {
    let magnitude = format::amount(lang, v.abs(), unit, Qualifier::Exact);
    if v < 0.0 {
        format!("-{magnitude}")
    } else {
        magnitude
    }
}

/// Everything [`bar_layout`] and [`draw_bars`] need.
#[derive(Debug, Clone)]
pub struct BarSpec<'a> {
    /// The bars, in the order shown (top to bottom).
    pub bars: &'a [Bar],
    /// The unit of the values.
    pub unit: Unit,
    /// Whether higher or lower is better.
    pub polarity: Polarity,
    /// The labels' language.
    pub lang: Lang,
    /// Backend pixels per CSS pixel.
    pub pixel_ratio: f64,
    /// Label font size in CSS pixels.
    pub font_px: f64,
}

/// The height in CSS pixels a bar chart of `n` bars needs at `font_px`.
pub fn bar_chart_height(n: usize, font_px: f64) -> f64 {
    (font_px * (2.2 * n as f64 + 4.5)).round()
}

/// A placed bar, in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedBar {
    /// Index into [`BarSpec::bars`].
    pub index: usize,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub y0: f64,
    /// Bottom edge.
    pub y1: f64,
}

/// Every position of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    /// Where station labels end (right-aligned), clear of values written left of negative bars.
    pub label_x: f64,
    /// The plot area.
    pub plot: PlotRect,
    /// Value ticks (always including zero: a bar's length is its value).
    pub ticks: Ticks,
    /// Value → x pixel.
    pub x_scale: LinearScale,
    /// The bars, top to bottom.
    pub bars: Vec<PlacedBar>,
}

impl BarLayout {
    /// The bar under a pointer at height `y`.
    pub fn bar_at(&self, y: f64) -> Option<usize> {
        self.bars
            .iter()
            .find(|b| b.y0 - 2.0 <= y && y <= b.y1 + 2.0)
            .map(|b| b.index)
    }
}

fn label_text(bar: &Bar) -> String {
    match &bar.rank {
        Some(r) => format!("{r}. {}", bar.label),
        None => bar.label.clone(),
    }
}

/// Lays out a bar chart in a `width` × `height` area (backend pixels).
pub fn bar_layout(spec: &BarSpec, width: f64, height: f64) -> BarLayout {
    let r = spec.pixel_ratio.max(0.1);
    let font = spec.font_px * r;
    let (lo, hi) = spec.bars.iter().fold((0.0f64, 0.0f64), |(a, b), bar| {
        (a.min(bar.value), b.max(bar.value))
    });
    let widest_label = spec
        .bars
        .iter()
        .map(|b| scale::approx_text_width(&label_text(b), font))
        .fold(0.0, f64::max);
    let widest_value = spec
        .bars
        .iter()
        .map(|b| scale::approx_text_width(&bar_value_text(spec.lang, b.value, spec.unit), font))
        .fold(0.0, f64::max);
    // Values are written beyond the bar's end: left of negative bars (so the left margin holds
    // the station labels and those values), right of positive ones.
    let value_room = widest_value + 8.0 * r;
    let left_values = if lo < 0.0 { value_room } else { 0.0 };
    let left = (widest_label + 10.0 * r + left_values)
        .min(width * 0.6)
        .round();
    let label_x = (left - 6.0 * r - left_values).max(widest_label.min(left));
    let right_values = if hi > 0.0 { value_room } else { 4.0 * r };
    let right = (width - right_values).max(left + 10.0).round();
    let top = (font * 2.0).round();
    let bottom = (height - font * 2.0).round();
    let plot = PlotRect {
        left,
        top,
        right,
        bottom,
    };
    let max_ticks = (((right - left) / (font * 6.0)).floor() as usize).clamp(2, 6);
    let ticks = scale::nice_ticks(lo, hi, max_ticks, true);
    let x_scale = LinearScale::new(ticks.domain(), (left, right));
    let n = spec.bars.len().max(1) as f64;
    let band = (bottom - top) / n;
    let thickness = (band * 0.65).min(font * 1.6);
    let zero = x_scale.map(0.0);
    let bars = spec
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let v = x_scale.map(b.value);
            let mid = top + band * (i as f64 + 0.5);
            PlacedBar {
                index: i,
                x0: zero.min(v).round(),
                x1: zero.max(v).round(),
                y0: (mid - thickness / 2.0).round(),
                y1: (mid + thickness / 2.0).round(),
            }
        })
        .collect();
    BarLayout {
        label_x,
        plot,
        ticks,
        x_scale,
        bars,
    }
}

fn style(c: Rgb, filled: bool, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: RGBColor(c.0, c.1, c.2).into(),
        filled,
        stroke_width: width.round().max(1.0) as u32,
    }
}

/// Draws a comparison bar chart on `root` and returns its layout: grid lines at the value
/// ticks, the zero line, one bar per station (solid; an outline when approximate; the
/// highlighted station in the second colour with a black edge), the polarity note above.
pub fn draw_bars<DB: DrawingBackend, S: LabelSink>(
    root: &DrawingArea<DB, Shift>,
    spec: &BarSpec,
    labels: &mut S,
) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    draw_bars_themed(root, spec, &ChartTheme::LIGHT, labels)
}

/// [`draw_bars`] in the colours of a theme.
pub fn draw_bars_themed<DB: DrawingBackend, S: LabelSink>(
    root: &DrawingArea<DB, Shift>,
    spec: &BarSpec,
    theme: &ChartTheme,
    labels: &mut S,
) -> Result<BarLayout, DrawingAreaErrorKind<DB::ErrorType>> {
    // Opens like `draw_trend_themed` (the `duplicates` tool pairs them): both charts take the
    // area's size, their layout for it, and place labels from the area's origin; what they
    // then draw has nothing in common.
    let (w, h) = root.dim_in_pixel();
    let lay = bar_layout(spec, f64::from(w), f64::from(h));
    let r = spec.pixel_ratio.max(0.1);
    let (bx, by) = root.get_base_pixel();
    let (bx, by) = (f64::from(bx), f64::from(by));
    let mut text = |x: f64, y: f64, t: &str, h: HAlign, v: VAlign| {
        labels.label(bx + x, by + y, t, Anchor { h, v }, theme.ink);
    };
    let p = lay.plot;
    let px = super::pixels::px;
    root.fill(&RGBColor(
        theme.background.0,
        theme.background.1,
        theme.background.2,
    ))?;
    let percent = spec.unit == Unit::Percent;
    for &t in &lay.ticks.values {
        let x = lay.x_scale.map(t);
        root.draw(&PathElement::new(
            vec![(px(x), px(p.top)), (px(x), px(p.bottom))],
            style(theme.grid, false, r),
        ))?;
        text(
            x,
            p.bottom + 4.0 * r,
            &scale::value_label(spec.lang, t, percent),
            HAlign::Center,
            VAlign::Top,
        );
    }
    text(
        p.left,
        p.top - 6.0 * r,
        polarity_note(spec.lang, spec.polarity),
        HAlign::Start,
        VAlign::Bottom,
    );
    let main = theme.series(0).color;
    let other = theme.series(1).color;
    for b in &lay.bars {
        let bar = &spec.bars[b.index];
        let color = if bar.highlight { other } else { main };
        let corners = [(px(b.x0), px(b.y0)), (px(b.x1), px(b.y1))];
        if bar.approximate {
            root.draw(&Rectangle::new(corners, style(color, false, 2.0 * r)))?;
        } else {
            root.draw(&Rectangle::new(corners, style(color, true, 1.0)))?;
        }
        if bar.highlight {
            root.draw(&Rectangle::new(corners, style(theme.ink, false, 2.0 * r)))?;
        }
        let mid = (b.y0 + b.y1) / 2.0;
        text(
            lay.label_x,
            mid,
            &label_text(bar),
            HAlign::End,
            VAlign::Middle,
        );
        let value = bar_value_text(spec.lang, bar.value, spec.unit);
        if bar.value < 0.0 {
            text(b.x0 - 4.0 * r, mid, &value, HAlign::End, VAlign::Middle);
        } else {
            text(b.x1 + 4.0 * r, mid, &value, HAlign::Start, VAlign::Middle);
        }
    }
    let zero = lay.x_scale.map(0.0);
    root.draw(&PathElement::new(
        vec![(px(zero), px(p.top)), (px(zero), px(p.bottom))],
        style(theme.ink, false, r),
    ))?;
    Ok(lay)
}
