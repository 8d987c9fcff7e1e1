//! The facts a chart's text equivalent states, every value formatted, for each language's
//! sentences (`zh/summaries.rs`, `en/summaries.rs`). Built by `chart::summary_text` and
//! `chart::spark_text`, which decide what is said; the languages decide only how.

/// A series with at least one reported month.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesFacts {
    /// The first month of the span.
    pub first: String,
    /// The last month of the span.
    pub last: String,
    /// Months with a value.
    pub present: usize,
    /// Months not reported.
    pub missing: usize,
    /// Months estimated.
    pub estimated: usize,
    /// The latest value.
    pub latest: String,
    /// Its month.
    pub latest_month: String,
    /// The same month a year before, when the series reaches back that far.
    pub year_ago: Option<YearAgo>,
    /// The highest and the lowest, when more than one month has a value.
    pub extremes: Option<Extremes>,
}

/// The latest value against the same month a year before (`month`).
#[derive(Debug, Clone, PartialEq)]
pub enum YearAgo {
    /// Both reported and a rate of change can be given: `magnitude` in percent, or in
    /// percentage points when `points`.
    #[allow(missing_docs)]
    Change {
        month: String,
        before: String,
        magnitude: String,
        down: bool,
        points: bool,
    },
    /// Both reported; the change rounds to zero.
    #[allow(missing_docs)]
    Unchanged { month: String, before: String },
    /// Both reported, but no rate of change can be computed (a zero before).
    #[allow(missing_docs)]
    NoRate { month: String, before: String },
    /// The month a year before is not reported.
    #[allow(missing_docs)]
    NotReported { month: String },
}

/// The highest and the lowest value, with their months.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct Extremes {
    pub max: String,
    pub max_month: String,
    pub min: String,
    pub min_month: String,
}

/// What a sparkline's window shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SparkFacts {
    /// The window's first month.
    pub first: String,
    /// Its last month.
    pub last: String,
    /// The latest month with a value.
    pub latest_month: String,
    /// Its value.
    pub latest: String,
    /// The highest value in the window.
    pub max: String,
    /// The lowest.
    pub min: String,
    /// Months not reported.
    pub missing: usize,
    /// Months estimated.
    pub estimated: usize,
}
