//! Charts: monthly trends and station comparisons, in layers.
//!
//! - Pure preparation and layout ([`prepare`](self#preparation) and [`scale`](self#scales)):
//!   runs split at missing months, year-on-year alignment, summaries, ticks and pixel
//!   mapping. No drawing, no browser.
//! - Drawing ([`draw_trend`]), generic over any plotters [`DrawingBackend`](plotters::prelude::DrawingBackend):
//!   the browser draws to a canvas, the tests to SVG. Text never goes through plotters (whose
//!   browser font code measures text by inserting styled elements into the page, which a strict
//!   CSP forbids); labels go to a [`LabelSink`] that the browser implements with the canvas'
//!   own `fillText`.
//! - The sparkline of a headline tile ([`draw_spark`]): the last months, gaps kept, estimates
//!   hollow, no text.
//! - The comparison bar chart ([`draw_bars`]): comparable figures only ([`comparable_bars`]),
//!   best first, the metric's polarity written on the chart.
//!
//! # Preparation
//! [`runs`], [`year_over_year`], [`summarize`], [`summary_text`], [`table_rows`].
//!
//! # Scales
//! [`nice_ticks`], [`month_step`], [`month_ticks`], [`LinearScale`].

mod bars;
mod draw;
mod palette;
pub(crate) mod pixels;
mod prepare;
mod scale;
mod spark;
mod strings;
mod text;

pub use bars::{
    bar_chart_height, bar_layout, bar_value_text, comparable_bars, draw_bars, draw_bars_themed,
    polarity_note, Bar, BarLayout, BarSpec, PlacedBar,
};
pub use draw::{
    draw_trend, draw_trend_themed, layout, style_of, Anchor, BaselineRule, CollectedLabel, HAlign,
    LabelSink, Labels, Layout, LegendItem, LegendKind, PlacedPoint, PlotRect, TrendSpec, TrendView,
    VAlign,
};
pub use palette::{
    series_style, ChartTheme, Dash, Rgb, SeriesStyle, BACKGROUND, BASELINE, BASELINE_DASH, GRID,
    INK, MISSING, SERIES,
};
pub use prepare::{
    change_on_year_ago, months, points, runs, series_csv, split_runs, status_at, status_text,
    summarize, summary_text, table_rows, year_mean, year_over_year, Point, Run, Summary, TableRow,
    YearOverYear,
};
pub use scale::{
    approx_text_width, calendar_month, month_label, month_step, month_ticks, nice_step, nice_ticks,
    value_label, LinearScale, MonthStep, Ticks,
};
pub use spark::{
    draw_spark, spark_layout, spark_text, spark_window, SparkLayout, SparkPoint, SPARK_MIN_MONTHS,
    SPARK_MONTHS,
};
pub use text::{chart_strings, monthly_mean_label, point_text, readout_text, ChartStrings};
