//! Broken rules in English. Arm for arm the same shape as `zh/issues.rs`, and arms of the same
//! shape one after the other (the `duplicates` tool pairs both): that is the point, one text per
//! kind of rule, per language, each in an exhaustive `match`.

use super::En;
use crate::error::IssueKind;
use crate::format::plain_number as num;
use crate::i18n::issues::json_string as q;
use crate::i18n::{Found, IssueTexts, Translation};
use crate::model::Unit;

impl IssueTexts for En {
    fn warning(&self, k: &IssueKind) -> Option<String> {
        Some(match k {
            IssueKind::NotHttpUrl { url } => format!("The link “{url}” is not an http or https address."),
            IssueKind::BidiControl { chars } => format!("Invisible text-direction controls ({chars}) were removed: they can make text read in a misleading order."),
            IssueKind::MissingQuote => "The figure has no quote from its source, so readers cannot check it.".into(),
            IssueKind::SeriesGap { missing, months, first } => format!("{missing} of {months} months of the series are missing (the first is {first})."),
            IssueKind::UnusedMetric { id } => format!("The metric “{id}” is in the catalogue but no station reports it."),
            IssueKind::UnusedSource { id } => format!("The source “{id}” is not referred to by any figure or fact."),
            IssueKind::BadBoundaryRef { href } => format!("The boundary file “{href}” is invalid: use a relative path below the data file's folder on the same site, e.g. geo/counties.json. The geographic mode is off; the tile map still works."),
            IssueKind::NoApprovalNumber => "The boundary file has no map review number (审图号, \"approval\"): these boundaries are not drawn. A map shown to the public needs one; the tile map still works.".into(),
            IssueKind::LegacyEncoding { encoding } => {
                let (name, from) = (encoding.name(), encoding.label().to_ascii_uppercase());
                format!("The file is not UTF-8; it was read as {name}. Save it as UTF-8 (e.g. iconv -f {from} -t UTF-8).")
            }

            // The errors, said by `problem`: listed, not `_`, so that a new rule does not
            // compile without its text (the same lists in the other language).
            IssueKind::DetailOutsideIndex
            | IssueKind::BadDetailRef { .. }
            | IssueKind::DetailFileAlone
            | IssueKind::NotDetailFile
            | IssueKind::NotInIndex { .. }
            | IssueKind::DetailElsewhere { .. }
            | IssueKind::SourceDiffersFromIndex { .. }
            | IssueKind::BadId { .. }
            | IssueKind::DuplicateId { .. }
            | IssueKind::UnknownMetric { .. }
            | IssueKind::UnknownSource { .. }
            | IssueKind::PercentOutOfRange { .. }
            | IssueKind::DeclineBeyondAll { .. }
            | IssueKind::Negative { .. }
            | IssueKind::NotExact { .. }
            | IssueKind::UnitMismatch { .. }
            | IssueKind::PeriodReversed { .. }
            | IssueKind::BadTimestamp { .. }
            | IssueKind::EmptyText
            | IssueKind::SeriesNotMonthly { .. }
            | IssueKind::SeriesLengthMismatch { .. }
            | IssueKind::StatusMismatch
            | IssueKind::UnknownRegionCode { .. }
            | IssueKind::RegionCodeMismatch { .. }
            | IssueKind::LocationOutOfRange { .. } => return None,
        })
    }

    fn problem(&self, k: &IssueKind) -> Option<String> {
        Some(match k {
            // The warnings, said by `warning` (listed for the same reason): the rules
            // `Issue::is_warning` lists, kept the same by a test in `i18n/issues.rs`.
            IssueKind::NotHttpUrl { .. }
            | IssueKind::BidiControl { .. }
            | IssueKind::MissingQuote
            | IssueKind::SeriesGap { .. }
            | IssueKind::UnusedMetric { .. }
            | IssueKind::UnusedSource { .. }
            | IssueKind::LegacyEncoding { .. }
            | IssueKind::BadBoundaryRef { .. }
            | IssueKind::NoApprovalNumber => return None,
            IssueKind::DetailOutsideIndex => "Only stations of an index file (\"kind\": \"index\") may name a detail file.".into(),
            IssueKind::BadDetailRef { href } => format!("The detail file “{href}” is not a relative path below the index's folder, such as detail/zhejiang.json."),
            IssueKind::DetailFileAlone => "This is a detail file: open its index file instead.".into(),
            IssueKind::NotDetailFile => "A detail file named by an index must say \"kind\": \"detail\".".into(),
            IssueKind::NotInIndex { id } => format!("The station “{id}” is not in the index."),
            IssueKind::DetailElsewhere { id } => format!("The index names another detail file for the station “{id}”."),
            IssueKind::SourceDiffersFromIndex { id } => format!("The source “{id}” differs from the index's source of the same id."),
            IssueKind::BadId { id } => format!("The id “{id}” is invalid: use lower-case letters, digits, _ and - only."),
            IssueKind::DuplicateId { id } => format!("The id “{id}” is used twice."),
            IssueKind::UnknownMetric { id } => format!("The metric “{id}” is not in the metric catalogue."),
            IssueKind::UnknownSource { id } => format!("The source “{id}” is not in the source list."),
            IssueKind::PercentOutOfRange { value } => format!("A rate of {}% is outside 0–100%.", num(*value)),
            IssueKind::DeclineBeyondAll { value } => format!("A decline of {}% is impossible: nothing falls by more than 100%.", num(-value)),
            IssueKind::Negative { value } => format!("A count of {} cannot be negative.", num(*value)),
            IssueKind::NotExact { value } => format!("The number read as {} is an integer too large to be exact: from 2^53 (9007199254740992) on, numbers are not stored exactly and may read as other numbers.", num(*value)),
            IssueKind::UnitMismatch { metric_unit, found, change: false } => format!("The unit “{}” does not match the metric's unit “{}”.", self.unit(*found), self.unit(*metric_unit)),
            IssueKind::UnitMismatch { metric_unit, found, change: true } => format!("A change in “{}” does not fit a metric in “{}”: use percent, percentage points or the metric's unit.", self.unit(*found), self.unit(*metric_unit)),
            IssueKind::PeriodReversed { start, end } => format!("The period ends ({end}) before it starts ({start})."),
            IssueKind::BadTimestamp { text } => format!("“{text}” is not an RFC 3339 time (such as 2026-11-23T08:00:00+08:00)."),
            IssueKind::EmptyText => "The text must not be empty.".into(),
            IssueKind::SeriesNotMonthly { start } => format!("A monthly series must start on a month (YYYY-MM), not “{start}”."),
            IssueKind::SeriesLengthMismatch { values, status } => format!("There are {values} values but {status} statuses."),
            IssueKind::StatusMismatch => "Status and value disagree: a missing value must be null, and a null value must be missing.".into(),
            IssueKind::UnknownRegionCode { code } => format!("The region code “{code}” is invalid: use a six-digit GB/T 2260 code whose first two digits are a provincial-level unit."),
            IssueKind::RegionCodeMismatch { code, province } => format!("The region code “{code}” is not in “{province}”: its first two digits are another provincial-level unit's."),
            IssueKind::LocationOutOfRange { lon, lat } => format!("The coordinates (longitude {}, latitude {}) are out of range: longitude goes from −180 to 180, latitude from −90 to 90.", num(*lon), num(*lat)),
        })
    }

    fn expected(&self, k: &IssueKind) -> String {
        match k {
            IssueKind::BadId { .. } => "an id of lower-case letters, digits, _ and -".into(),
            IssueKind::DuplicateId { .. } => "an id not used before in the same list".into(),
            IssueKind::UnknownMetric { .. } => "the id of a metric in $.metrics".into(),
            IssueKind::UnknownSource { .. } => "the id of a source in $.sources".into(),
            IssueKind::PercentOutOfRange { .. } => "a percentage from 0 to 100".into(),
            IssueKind::DeclineBeyondAll { .. } => "a relative change of -100 or more".into(),
            IssueKind::Negative { .. } => "zero or more".into(),
            IssueKind::NotExact { .. } => {
                "a number smaller than 2^53 (9007199254740992) in size".into()
            }
            IssueKind::UnitMismatch {
                metric_unit,
                change,
                ..
            } => {
                let m = q(metric_unit.code());
                match (change, metric_unit) {
                    (true, Unit::Percent) => format!("{m}, \"percentage_points\""),
                    (true, _) => format!("\"percent\" or {m}"),
                    (false, _) => m,
                }
            }
            IssueKind::PeriodReversed { start, .. } => {
                format!("an end no earlier than the start ({start})")
            }
            IssueKind::NotHttpUrl { .. } => "an address starting with http:// or https://".into(),
            IssueKind::BidiControl { .. } => "text without direction controls".into(),
            IssueKind::BadTimestamp { .. } => {
                "an RFC 3339 time such as \"2026-11-23T08:00:00+08:00\"".into()
            }
            IssueKind::EmptyText => "non-empty Chinese text".into(),
            IssueKind::SeriesNotMonthly { .. } => "a month such as \"2024-01\"".into(),
            IssueKind::SeriesLengthMismatch { values, .. } => {
                format!("{values} statuses (one per value)")
            }
            IssueKind::DetailOutsideIndex => "detail only in an index file".into(),
            IssueKind::BadDetailRef { .. } => {
                "a relative path below the index's folder (such as detail/zhejiang.json)".into()
            }
            IssueKind::DetailFileAlone => "a complete file or an index".into(),
            IssueKind::NotDetailFile => "\"kind\": \"detail\"".into(),
            IssueKind::NotInIndex { .. } => "a station of the index".into(),
            IssueKind::DetailElsewhere { .. } => "a station the index assigns to this file".into(),
            IssueKind::SourceDiffersFromIndex { .. } => {
                "the same contents as the index's source".into()
            }
            IssueKind::StatusMismatch => "\"missing\" exactly where the value is null".into(),
            IssueKind::MissingQuote => "a quote: the passage of the source".into(),
            IssueKind::SeriesGap { .. } => "a value for every month".into(),
            IssueKind::UnusedMetric { .. } => "at least one station reporting it".into(),
            IssueKind::UnusedSource { .. } => "at least one figure or fact citing it".into(),
            IssueKind::UnknownRegionCode { .. } | IssueKind::RegionCodeMismatch { .. } => {
                "a six-digit GB/T 2260 code whose first two digits match the province".into()
            }
            IssueKind::BadBoundaryRef { .. } => {
                "a relative path below the data file's folder (e.g. geo/counties.json)".into()
            }
            IssueKind::NoApprovalNumber => "a map review number, e.g. \"GS(2024)1234号\"".into(),
            IssueKind::LocationOutOfRange { .. } => {
                "longitude −180 to 180, latitude −90 to 90 (degrees)".into()
            }
            IssueKind::LegacyEncoding { .. } => "UTF-8 text".into(),
        }
    }

    fn found(&self, f: Found) -> Option<String> {
        Some(match f {
            Found::Value(v) => v,
            Found::Nothing => return None,
            Found::Statuses(n) => format!("{n} statuses"),
            Found::NoQuote => "no quote".into(),
            Found::MonthsMissing { missing, months } => {
                format!("{missing} of {months} months missing")
            }
            Found::NotReported => "no station reports it".into(),
            Found::NotCited => "nothing cites it".into(),
        })
    }
}
