//! Errors as values: everything that can go wrong between a URL and a validated data set.

use crate::model::Unit;
use strum::IntoStaticStr;

/// The largest data file the dashboard accepts, in bytes, unless configured otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The deepest nesting of arrays and objects a data file may have (serde_json's own
/// recursion limit; the format itself needs fewer than ten levels).
pub const MAX_NESTING: usize = 128;

/// A text encoding recognised in a file that is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-16, little-endian (what Windows' "Unicode" means).
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, little-endian.
    Utf32Le,
    /// UTF-32, big-endian.
    Utf32Be,
}

impl TextEncoding {
    /// Its usual name (`UTF-16LE`).
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Utf32Le => "UTF-32LE",
            TextEncoding::Utf32Be => "UTF-32BE",
        }
    }

    /// Its family, without the byte order (`UTF-16`).
    pub fn family(self) -> &'static str {
        match self {
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => "UTF-16",
            TextEncoding::Utf32Le | TextEncoding::Utf32Be => "UTF-32",
        }
    }
}

/// Why a data file could not be shown. Every variant names the file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// `?src=` named something other than a same-origin path.
    BadSource {
        /// What was asked for.
        src: String,
    },
    /// The request did not complete (offline, refused, reset, blocked).
    Network {
        /// The file requested.
        file: String,
        /// The browser's own description.
        detail: String,
    },
    /// The server answered with an HTTP error status.
    Http {
        /// The file requested.
        file: String,
        /// The status code.
        status: u16,
        /// Seconds to wait before trying again, from a `Retry-After` header (503, 429).
        retry_after: Option<u32>,
    },
    /// No complete answer arrived in time; the request was given up.
    Timeout {
        /// The file requested.
        file: String,
        /// How long was waited, in seconds.
        seconds: u32,
    },
    /// The answer started but broke off before the whole file arrived.
    Interrupted {
        /// The file requested.
        file: String,
        /// The browser's own description.
        detail: String,
    },
    /// The file is larger than the configured maximum.
    TooLarge {
        /// The file requested.
        file: String,
        /// Its size in bytes (as announced or as received).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not well-formed JSON (or not UTF-8).
    Syntax {
        /// The file.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's description (English).
        detail: String,
    },
    /// The file is empty or holds only white space.
    Empty {
        /// The file.
        file: String,
    },
    /// The file is text in another encoding than UTF-8, recognised before parsing (a UTF-16
    /// or UTF-32 byte-order mark, or NUL bytes between ASCII characters).
    Encoding {
        /// The file.
        file: String,
        /// The encoding recognised.
        encoding: TextEncoding,
    },
    /// The server sent an HTML page (often an error or login page) instead of JSON.
    Html {
        /// The file requested.
        file: String,
        /// The page's `<title>`, when it has a short one: plain text, never markup.
        title: Option<String>,
    },
    /// `NaN`, `Infinity` or `-Infinity` written as a bare token: JSON has no such numbers.
    NonFiniteNumber {
        /// The file.
        file: String,
        /// 1-based line of the token.
        line: usize,
        /// 1-based column of the token (bytes, as serde counts).
        column: usize,
        /// The token as written (`NaN`, `Infinity`, `-Infinity`).
        token: String,
    },
    /// Arrays or objects nested deeper than [`MAX_NESTING`] levels.
    TooDeep {
        /// The file.
        file: String,
        /// 1-based line where the limit is passed.
        line: usize,
        /// 1-based column (bytes) where the limit is passed.
        column: usize,
        /// The limit, [`MAX_NESTING`].
        limit: usize,
    },
    /// `schema_version` is missing or not one this build reads.
    UnsupportedVersion {
        /// The file.
        file: String,
        /// What the file says, as JSON text (`"missing"` when absent).
        found: String,
    },
    /// The JSON does not have the structure of the format (wrong type, unknown field, bad date…).
    Structure {
        /// The file.
        file: String,
        /// JSON path of the offending value, e.g. `$.stations[2].figures[0].value`.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The decoder's description (English).
        detail: String,
    },
    /// The structure is right but some values break the format's rules.
    Invalid {
        /// The file.
        file: String,
        /// Every problem found.
        issues: Vec<Issue>,
    },
    /// A part of the app itself (a WebAssembly module loaded on first use, such as the
    /// comparison) could not be loaded.
    AppPart {
        /// The module's file.
        file: String,
    },
}

impl LoadError {
    /// Whether trying again may help (network trouble and server errors).
    pub fn is_retryable(&self) -> bool {
        match self {
            LoadError::Network { .. }
            | LoadError::Timeout { .. }
            | LoadError::Interrupted { .. }
            | LoadError::AppPart { .. } => true,
            LoadError::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            _ => false,
        }
    }
}

/// One broken rule, located by JSON path.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// JSON path, e.g. `$.stations[0].figures[3].value`.
    pub path: String,
    /// What is wrong.
    pub kind: IssueKind,
}

impl Issue {
    /// A warning does not stop the file from being shown (the offending part is shown in a
    /// safe form); an error does.
    pub fn is_warning(&self) -> bool {
        matches!(
            self.kind,
            IssueKind::NotHttpUrl { .. }
                | IssueKind::BidiControl { .. }
                | IssueKind::MissingQuote
                | IssueKind::SeriesGap { .. }
                | IssueKind::UnusedMetric { .. }
                | IssueKind::UnusedSource { .. }
                | IssueKind::LegacyEncoding { .. }
                | IssueKind::BadBoundaryRef { .. }
                | IssueKind::NoApprovalNumber
        )
    }
}

/// The rules of the format that types cannot express.
#[derive(Debug, Clone, PartialEq, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum IssueKind {
    /// A station names a detail file in a file that is not an index.
    DetailOutsideIndex,
    /// A station's detail reference is not a relative path below the index's folder.
    BadDetailRef {
        /// The reference.
        href: String,
    },
    /// A detail file was opened on its own instead of through its index.
    DetailFileAlone,
    /// A file loaded as a detail file is not one (`"kind": "detail"`).
    NotDetailFile,
    /// A station of a detail file is not in the index.
    NotInIndex {
        /// The station id.
        id: String,
    },
    /// A station of a detail file is listed in the index with another detail file.
    DetailElsewhere {
        /// The station id.
        id: String,
    },
    /// A source of a detail file has the id of an index source but other contents.
    SourceDiffersFromIndex {
        /// The source id.
        id: String,
    },
    /// An id is empty or uses characters other than `a-z 0-9 _ -`.
    BadId {
        /// The id.
        id: String,
    },
    /// Two entries share an id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A figure or series names a metric that is not in the catalogue.
    UnknownMetric {
        /// The id.
        id: String,
    },
    /// A figure names a source that is not in the source list.
    UnknownSource {
        /// The id.
        id: String,
    },
    /// A level in percent outside 0–100.
    PercentOutOfRange {
        /// The value.
        value: f64,
    },
    /// A relative decline of more than 100%.
    DeclineBeyondAll {
        /// The value.
        value: f64,
    },
    /// A count, number of people or amount below zero.
    Negative {
        /// The value.
        value: f64,
    },
    /// A number so large (2^53 or more in size) that it is not stored exactly: counts and
    /// values beyond it silently change when read.
    NotExact {
        /// The value as read.
        value: f64,
    },
    /// A figure's unit does not fit its metric.
    UnitMismatch {
        /// The metric's unit.
        metric_unit: Unit,
        /// The figure's unit.
        found: Unit,
        /// Whether the figure is a change (has a baseline).
        change: bool,
    },
    /// A period or baseline ends before it starts.
    PeriodReversed {
        /// Start as written.
        start: String,
        /// End as written.
        end: String,
    },
    /// A link that is not `http:` or `https:` (a warning: it is shown as plain text, never as a link).
    NotHttpUrl {
        /// The link.
        url: String,
    },
    /// Invisible bidirectional controls (which can make text read in a misleading order) were
    /// removed from a string (a warning: the text is shown without them).
    BidiControl {
        /// The code points removed, e.g. `U+202E`.
        chars: String,
    },
    /// `generated_at` is not an RFC 3339 timestamp.
    BadTimestamp {
        /// The text.
        text: String,
    },
    /// Required text is empty.
    EmptyText,
    /// A series does not start on a month.
    SeriesNotMonthly {
        /// The start as written.
        start: String,
    },
    /// A series' `status` list is not as long as its `values`.
    SeriesLengthMismatch {
        /// Number of values.
        values: usize,
        /// Number of statuses.
        status: usize,
    },
    /// A status says `missing` but a value is given, or a value is `null` but the status is not `missing`.
    StatusMismatch,
    /// A region code that is not six digits, or whose first two digits name no
    /// provincial-level unit of GB/T 2260.
    UnknownRegionCode {
        /// The code as written.
        code: String,
    },
    /// A region code of another province than the one the station's province names.
    RegionCodeMismatch {
        /// The code as written.
        code: String,
        /// The province's Chinese name as written.
        province: String,
    },
    /// A warning: the boundary file is not a relative path on the same site (the map's
    /// geographic mode is off; the tile map still works).
    BadBoundaryRef {
        /// The reference.
        href: String,
    },
    /// A warning: boundaries without a map review number (审图号) are never drawn (the tile
    /// map still works).
    NoApprovalNumber,
    /// A station's longitude or latitude is out of range.
    LocationOutOfRange {
        /// Longitude as written.
        lon: f64,
        /// Latitude as written.
        lat: f64,
    },
    /// Advice (a warning, from [`crate::advise`] only): a figure without the passage of the
    /// source it comes from.
    MissingQuote,
    /// Advice (a warning, from [`crate::advise`] only): a monthly series with missing months.
    SeriesGap {
        /// Number of missing months.
        missing: usize,
        /// Length of the series in months.
        months: usize,
        /// The first missing month (`YYYY-MM`).
        first: String,
    },
    /// Advice (a warning, from [`crate::advise`] only): a metric of the catalogue that no
    /// station reports.
    UnusedMetric {
        /// The id.
        id: String,
    },
    /// Advice (a warning, from [`crate::advise`] only): a source nothing refers to.
    UnusedSource {
        /// The id.
        id: String,
    },
    /// A warning (from the browser only): the file is not UTF-8 and was read in an older
    /// encoding; `scorecards validate` refuses such a file and says how to convert it.
    LegacyEncoding {
        /// What the file was read as.
        encoding: crate::textenc::Legacy,
    },
}

impl IssueKind {
    /// A stable, machine-readable name of a rule (`percent_out_of_range`), the same in every
    /// language; used by tools' JSON output.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
pub(crate) mod code_tests {
    use super::*;

    /// One of every rule, with its code (also for the narration's tests: `i18n/issues.rs`).
    pub(crate) fn every_rule() -> Vec<(IssueKind, &'static str)> {
        vec![
            (IssueKind::DetailOutsideIndex, "detail_outside_index"),
            (
                IssueKind::BadDetailRef {
                    href: String::new(),
                },
                "bad_detail_ref",
            ),
            (IssueKind::DetailFileAlone, "detail_file_alone"),
            (IssueKind::NotDetailFile, "not_detail_file"),
            (IssueKind::NotInIndex { id: String::new() }, "not_in_index"),
            (
                IssueKind::DetailElsewhere { id: String::new() },
                "detail_elsewhere",
            ),
            (
                IssueKind::SourceDiffersFromIndex { id: String::new() },
                "source_differs_from_index",
            ),
            (IssueKind::BadId { id: String::new() }, "bad_id"),
            (IssueKind::DuplicateId { id: String::new() }, "duplicate_id"),
            (
                IssueKind::UnknownMetric { id: String::new() },
                "unknown_metric",
            ),
            (
                IssueKind::UnknownSource { id: String::new() },
                "unknown_source",
            ),
            (
                IssueKind::PercentOutOfRange { value: 0.0 },
                "percent_out_of_range",
            ),
            (
                IssueKind::DeclineBeyondAll { value: 0.0 },
                "decline_beyond_all",
            ),
            (IssueKind::Negative { value: 0.0 }, "negative"),
            (IssueKind::NotExact { value: 0.0 }, "not_exact"),
            (
                IssueKind::UnitMismatch {
                    metric_unit: Unit::Count,
                    found: Unit::Count,
                    change: false,
                },
                "unit_mismatch",
            ),
            (
                IssueKind::PeriodReversed {
                    start: String::new(),
                    end: String::new(),
                },
                "period_reversed",
            ),
            (IssueKind::NotHttpUrl { url: String::new() }, "not_http_url"),
            (
                IssueKind::BidiControl {
                    chars: String::new(),
                },
                "bidi_control",
            ),
            (
                IssueKind::BadTimestamp {
                    text: String::new(),
                },
                "bad_timestamp",
            ),
            (IssueKind::EmptyText, "empty_text"),
            (
                IssueKind::SeriesNotMonthly {
                    start: String::new(),
                },
                "series_not_monthly",
            ),
            (
                IssueKind::SeriesLengthMismatch {
                    values: 0,
                    status: 0,
                },
                "series_length_mismatch",
            ),
            (IssueKind::StatusMismatch, "status_mismatch"),
            (
                IssueKind::UnknownRegionCode {
                    code: String::new(),
                },
                "unknown_region_code",
            ),
            (
                IssueKind::RegionCodeMismatch {
                    code: String::new(),
                    province: String::new(),
                },
                "region_code_mismatch",
            ),
            (
                IssueKind::BadBoundaryRef {
                    href: String::new(),
                },
                "bad_boundary_ref",
            ),
            (IssueKind::NoApprovalNumber, "no_approval_number"),
            (
                IssueKind::LocationOutOfRange { lon: 0.0, lat: 0.0 },
                "location_out_of_range",
            ),
            (IssueKind::MissingQuote, "missing_quote"),
            (
                IssueKind::SeriesGap {
                    missing: 0,
                    months: 0,
                    first: String::new(),
                },
                "series_gap",
            ),
            (
                IssueKind::UnusedMetric { id: String::new() },
                "unused_metric",
            ),
            (
                IssueKind::UnusedSource { id: String::new() },
                "unused_source",
            ),
            (
                IssueKind::LegacyEncoding {
                    encoding: crate::textenc::Legacy::Gb18030,
                },
                "legacy_encoding",
            ),
        ]
    }

    /// The codes are part of the tools' JSON output: written once here, they cannot change
    /// by a rename of a variant.
    #[test]
    fn every_rule_keeps_its_code() {
        for (kind, code) in every_rule() {
            assert_eq!(kind.code(), code);
        }
        assert_eq!(Unit::PersonTimes.code(), "person_times");
        assert_eq!(Unit::PercentagePoints.code(), "percentage_points");
    }
}
