//! Broken rules of the format: what every language needs to say them ([`IssueTexts`], in
//! `zh/issues.rs` and `en/issues.rs`), and what does not depend on the language: values
//! quoted from a file are clipped, and what the file has at that place ([`Found`]).

use crate::error::IssueKind;

/// Text from a data file longer than this many characters is cut in messages.
const CLIP_CHARS: usize = 80;

/// How a language says a broken rule (one implementation per language, with an exhaustive
/// `match`, so a rule without its text does not compile). Values quoted from the file are
/// already clipped ([`clip`]).
pub trait IssueTexts {
    /// One sentence: what is wrong, for a warning (a broken rule that does not stop the file:
    /// [`crate::Issue::is_warning`]); `None` for an error.
    fn warning(&self, k: &IssueKind) -> Option<String>;
    /// The same for an error; `None` for a warning. Apart from [`IssueTexts::warning`] so that
    /// the browser's first module, which says only a data set's warnings, holds only their
    /// texts: the errors are said by the diagnosis part (docs/size-notes.md).
    fn problem(&self, k: &IssueKind) -> Option<String>;
    /// What the format expects at that place.
    fn expected(&self, k: &IssueKind) -> String;
    /// What the file has at that place, said in this language (`None`: nothing useful).
    fn found(&self, f: Found) -> Option<String>;
}

/// `s`, or its first [`CLIP_CHARS`] characters and "…" when longer: values quoted from a
/// file (ids, links, names) can be megabytes long, messages stay short.
pub fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(CLIP_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]).into(),
        None => s.into(),
    }
}

/// `s` as a JSON string (quoted and escaped), the way a value is shown as found.
pub(crate) fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// The issue with every text from the file clipped ([`clip`]).
fn clipped(k: &IssueKind) -> IssueKind {
    let c = |s: &String| clip(s).into_owned();
    match k {
        IssueKind::BadId { id } => IssueKind::BadId { id: c(id) },
        IssueKind::DuplicateId { id } => IssueKind::DuplicateId { id: c(id) },
        IssueKind::UnknownMetric { id } => IssueKind::UnknownMetric { id: c(id) },
        IssueKind::UnknownSource { id } => IssueKind::UnknownSource { id: c(id) },
        IssueKind::UnusedMetric { id } => IssueKind::UnusedMetric { id: c(id) },
        IssueKind::UnusedSource { id } => IssueKind::UnusedSource { id: c(id) },
        IssueKind::NotHttpUrl { url } => IssueKind::NotHttpUrl { url: c(url) },
        IssueKind::BadTimestamp { text } => IssueKind::BadTimestamp { text: c(text) },
        IssueKind::SeriesNotMonthly { start } => IssueKind::SeriesNotMonthly { start: c(start) },
        IssueKind::UnknownRegionCode { code } => IssueKind::UnknownRegionCode { code: c(code) },
        IssueKind::BadBoundaryRef { href } => IssueKind::BadBoundaryRef { href: c(href) },
        IssueKind::RegionCodeMismatch { code, province } => IssueKind::RegionCodeMismatch {
            code: c(code),
            province: c(province),
        },
        other => other.clone(),
    }
}

/// A problem split for people who fix files: the sentence, what the format expects at that
/// place and what the file has there (each absent when there is nothing useful to say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// One sentence.
    pub message: String,
    /// What the format expects.
    pub expected: Option<String>,
    /// What the file has (values as written in JSON where possible).
    pub found: Option<String>,
}

/// What a file has at the place of a broken rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A value as written in the file (a JSON string, a number, characters): the same in
    /// every language.
    Value(String),
    /// Nothing useful to say.
    Nothing,
    /// This many statuses.
    Statuses(usize),
    /// A figure without its quote.
    NoQuote,
    /// `missing` of `months` months missing.
    MonthsMissing {
        /// Months missing.
        missing: usize,
        /// Months in the series.
        months: usize,
    },
    /// No station reports the metric.
    NotReported,
    /// Nothing cites the source.
    NotCited,
}

impl Found {
    /// What the file has at the place of `k` (its texts already clipped).
    fn of(k: &IssueKind) -> Found {
        let num = |v: f64| Found::Value(crate::format::plain_number(v));
        let q = |s: &str| Found::Value(json_string(s));
        match k {
            IssueKind::BadId { id }
            | IssueKind::DuplicateId { id }
            | IssueKind::UnknownMetric { id }
            | IssueKind::UnknownSource { id }
            | IssueKind::NotInIndex { id }
            | IssueKind::DetailElsewhere { id }
            | IssueKind::SourceDiffersFromIndex { id } => q(id),
            IssueKind::PercentOutOfRange { value }
            | IssueKind::DeclineBeyondAll { value }
            | IssueKind::Negative { value }
            | IssueKind::NotExact { value } => num(*value),
            IssueKind::UnitMismatch { found, .. } => q(found.code()),
            IssueKind::PeriodReversed { end, .. } => q(end),
            IssueKind::NotHttpUrl { url } => q(url),
            IssueKind::BidiControl { chars } => Found::Value(chars.clone()),
            IssueKind::BadTimestamp { text } => q(text),
            IssueKind::EmptyText => q(""),
            IssueKind::SeriesNotMonthly { start } => q(start),
            IssueKind::SeriesLengthMismatch { status, .. } => Found::Statuses(*status),
            IssueKind::BadDetailRef { href } | IssueKind::BadBoundaryRef { href } => q(href),
            IssueKind::LocationOutOfRange { lon, lat } => {
                let n = crate::format::plain_number;
                Found::Value(format!("[{}, {}]", n(*lon), n(*lat)))
            }
            IssueKind::DetailFileAlone => q("detail"),
            IssueKind::DetailOutsideIndex
            | IssueKind::NotDetailFile
            | IssueKind::NoApprovalNumber
            | IssueKind::StatusMismatch => Found::Nothing,
            IssueKind::MissingQuote => Found::NoQuote,
            IssueKind::SeriesGap {
                missing, months, ..
            } => Found::MonthsMissing {
                missing: *missing,
                months: *months,
            },
            IssueKind::UnusedMetric { .. } => Found::NotReported,
            IssueKind::UnusedSource { .. } => Found::NotCited,
            IssueKind::UnknownRegionCode { code } | IssueKind::RegionCodeMismatch { code, .. } => {
                q(code)
            }
            IssueKind::LegacyEncoding { encoding } => Found::Value(encoding.name().to_string()),
        }
    }
}

/// One sentence for a broken rule, warning or error, in the language of `t`.
fn sentence<T: IssueTexts>(t: &T, k: &IssueKind) -> String {
    t.warning(k)
        .or_else(|| t.problem(k))
        .expect("every rule is a warning or an error")
}

/// Describes one broken rule in the language of `t`.
pub(super) fn describe_issue<T: IssueTexts>(t: &T, k: &IssueKind) -> String {
    sentence(t, &clipped(k))
}

/// Describes a warning in the language of `t`; `None` for an error.
pub(super) fn describe_warning<T: IssueTexts>(t: &T, k: &IssueKind) -> Option<String> {
    t.warning(&clipped(k))
}

/// [`describe_issue`] with what was expected and what was found.
pub(super) fn issue_detail<T: IssueTexts>(t: &T, k: &IssueKind) -> Detail {
    let k = &clipped(k);
    Detail {
        message: sentence(t, k),
        expected: Some(t.expected(k)),
        found: t.found(Found::of(k)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{issue_detail, Lang};
    use crate::model::Unit;

    /// The first wasm module says only warnings ([`crate::i18n::describe_warning`]): every
    /// rule is said by exactly one of `warning` and `problem`, in each language, and the one
    /// that says it is the one [`crate::Issue::is_warning`] picks.
    #[test]
    fn every_rule_is_said_as_a_warning_or_as_an_error() {
        use crate::error::code_tests::every_rule;
        use crate::i18n::{describe_issue, describe_warning};
        use crate::Issue;
        let rules = every_rule();
        assert!(rules.len() >= 34);
        for lang in [Lang::Zh, Lang::En] {
            for (kind, code) in &rules {
                let warning = Issue {
                    path: "$".into(),
                    kind: kind.clone(),
                }
                .is_warning();
                let said = describe_warning(lang, kind);
                assert_eq!(said.is_some(), warning, "{code}");
                let t = crate::i18n::narrator::Narrator(lang);
                assert_eq!(t.problem(kind).is_some(), !warning, "{code}");
                if let Some(said) = said {
                    assert_eq!(said, describe_issue(lang, kind), "{code}");
                }
                assert!(!describe_issue(lang, kind).is_empty(), "{code}");
            }
        }
    }

    #[test]
    fn issues_say_what_was_expected_and_found() {
        let d = issue_detail(Lang::En, &IssueKind::PercentOutOfRange { value: 180.0 });
        assert_eq!(d.message, "A rate of 180% is outside 0–100%.");
        assert_eq!(d.expected.as_deref(), Some("a percentage from 0 to 100"));
        assert_eq!(d.found.as_deref(), Some("180"));
        let d = issue_detail(
            Lang::Zh,
            &IssueKind::UnitMismatch {
                metric_unit: Unit::Count,
                found: Unit::People,
                change: true,
            },
        );
        assert_eq!(d.expected.as_deref(), Some("\"percent\" 或 \"count\""));
        assert_eq!(d.found.as_deref(), Some("\"people\""));
        let d = issue_detail(Lang::En, &IssueKind::UnknownMetric { id: "a\"b".into() });
        assert_eq!(d.found.as_deref(), Some("\"a\\\"b\""));
        assert_eq!(IssueKind::StatusMismatch.code(), "status_mismatch");
        assert_eq!(Unit::PersonTimes.code(), "person_times");
    }

    #[test]
    fn values_from_the_file_are_clipped_and_quoted() {
        let long = "x".repeat(100);
        let k = clipped(&IssueKind::BadId { id: long.clone() });
        assert_eq!(Found::of(&k), Found::Value(json_string(&clip(&long))));
        assert_eq!(
            Found::of(&IssueKind::SeriesGap {
                missing: 2,
                months: 12,
                first: "2024-03".into()
            }),
            Found::MonthsMissing {
                missing: 2,
                months: 12
            }
        );
    }
}
