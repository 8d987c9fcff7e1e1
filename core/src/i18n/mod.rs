//! Chinese (default) and English. Every text a person reads is here, one implementation per
//! language, so a missing translation does not compile:
//!
//! - [`Strings`]: the fixed texts of the interface, a typed table with one value per language
//!   ([`ZH`] in `zh/mod.rs`, [`EN`] in `en/mod.rs`), reached as `lang.strings().field`;
//! - [`Translation`]: names of domain values and the messages that take values (counts,
//!   dates), implemented once in `zh/mod.rs` and once in `en/mod.rs`, reached as
//!   `lang.messages().method(…)`;
//! - load errors and broken rules narrated for people (headline, advice, detail):
//!   [`ErrorTexts`] and [`IssueTexts`], with what does not depend on the language in
//!   `errors.rs` and `issues.rs`, and each language's texts in `zh/errors.rs`,
//!   `zh/issues.rs`, `en/errors.rs`, `en/issues.rs`;
//! - serde_json's English error texts read back into values in `serde_text.rs`
//!   ([`SyntaxError`], [`StructureError`], [`SerdeKind`]), which [`SerdeTexts`] says in
//!   `zh/serde_text.rs` and `en/serde_text.rs`.
//!
//! [`Lang`] itself is a leaf type in [`crate::lang`], re-exported here and at the crate root.
//! The language modules depend on the language-free ones, never the other way round: the
//! functions below pick the language.

use crate::compare::{Difference, Normalisation, PopulationBand};
use crate::error::{IssueKind, LoadError};
use crate::model::{Family, Polarity, Unit};
use summaries::{SeriesFacts, SparkFacts};

mod en;
mod errors;
mod geo;
mod issues;
mod map;
mod map_export;
mod narrator;
mod serde_text;
pub mod summaries;
mod zh;

pub use crate::lang::Lang;
pub use en::EN;
pub use errors::{ErrorMessage, ErrorTexts, HttpFailure, Sizes, Unreadable, VersionFound};
pub use geo::GeoStrings;
pub use issues::{clip, Detail, Found, IssueTexts};
pub use map::MapStrings;
pub use map_export::MapExportStrings;
use narrator::Narrator;
pub use serde_text::{strip_position, SerdeKind, SerdeTexts, StructureError, SyntaxError, Unknown};
pub use zh::ZH;

/// Describes a load error for people, in their language.
pub fn describe_error(lang: Lang, e: &LoadError) -> ErrorMessage {
    errors::describe(&Narrator(lang), e)
}

/// Describes an error of fetching a file or a part of the program ([`LoadError::Network`],
/// [`LoadError::Http`], [`LoadError::AppPart`]…), in `lang`; `None` for an error of a file's
/// content, which [`describe_error`] describes. The browser's first module calls only this
/// one and loads the rest of the narration with the diagnosis part (docs/size-notes.md).
pub fn describe_fetch_error(lang: Lang, e: &LoadError) -> Option<ErrorMessage> {
    errors::describe_fetch(&Narrator(lang), e)
}

/// What is wrong, expected and found for the errors that stop a file before or while its
/// JSON is read: [`LoadError::Empty`], [`LoadError::Encoding`], [`LoadError::Html`],
/// [`LoadError::NonFiniteNumber`], [`LoadError::TooDeep`]. `None` for the other variants,
/// which have their own ([`syntax_detail`], [`structure_detail`], [`version_detail`],
/// [`issue_detail`]).
pub fn load_detail(lang: Lang, e: &LoadError) -> Option<Detail> {
    errors::load_detail(&Narrator(lang), e)
}

/// Explains an unsupported format version ([`LoadError::UnsupportedVersion`]'s `found`:
/// the value as JSON text, or `missing`).
pub fn version_detail(lang: Lang, found: &str) -> Detail {
    errors::version_detail(&Narrator(lang), found)
}

/// Describes one broken rule.
pub fn describe_issue(lang: Lang, k: &IssueKind) -> String {
    issues::describe_issue(&Narrator(lang), k)
}

/// Describes a warning (a broken rule that does not stop the file:
/// [`crate::Issue::is_warning`]); `None` for an error, which [`describe_issue`] describes. The
/// browser's first module calls only this one (docs/size-notes.md).
pub fn describe_warning(lang: Lang, k: &IssueKind) -> Option<String> {
    issues::describe_warning(&Narrator(lang), k)
}

/// [`describe_issue`] with what was expected and what was found.
pub fn issue_detail(lang: Lang, k: &IssueKind) -> Detail {
    issues::issue_detail(&Narrator(lang), k)
}

/// Explains a structure error ([`LoadError::Structure`]'s `detail`, from serde) in `lang`,
/// with what was expected and what was found.
pub fn structure_detail(lang: Lang, detail: &str) -> Detail {
    serde_text::structure_detail(&Narrator(lang), detail)
}

/// Explains a JSON syntax error ([`LoadError::Syntax`]'s `detail`, from serde) in `lang`.
pub fn syntax_detail(lang: Lang, detail: &str) -> Detail {
    serde_text::syntax_detail(&Narrator(lang), detail)
}

impl Lang {
    /// The fixed texts of the interface.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The messages that name values or take values, in this language.
    pub fn messages(self) -> Messages {
        Messages(self)
    }
}

/// The messages of one language ([`Lang::messages`]): each method calls the language's
/// [`Translation`], with no dynamic dispatch (the wasm stays as small as one `match`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Messages(Lang);

/// Declares the messages once: the [`Translation`] trait every language implements
/// (`zh/mod.rs`, `en/mod.rs`; a message without its translation does not compile) and the [`Messages`] method
/// that picks the language's.
macro_rules! messages {
    ($($(#[$doc:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)*) => {
        /// The messages of one language that name a value or take values.
        pub trait Translation {
            $($(#[$doc])* fn $name(&self $(, $arg: $ty)*) -> $ret;)*
        }

        impl Messages {
            $($(#[$doc])* pub fn $name(self $(, $arg: $ty)*) -> $ret {
                match self.0 {
                    Lang::Zh => zh::Zh.$name($($arg),*),
                    Lang::En => en::En.$name($($arg),*),
                }
            })*
        }
    };
}

messages! {
    /// Name of a family (panel title).
    fn family(&self, f: Family) -> &'static str;
    /// Name of a unit, for messages.
    fn unit(&self, u: Unit) -> &'static str;
    /// Name of a normalisation choice.
    fn normalisation(&self, n: Normalisation) -> &'static str;
    /// Name of a population band.
    fn band(&self, b: PopulationBand) -> &'static str;
    /// How a figure differs from the compared ones.
    fn difference(&self, d: Difference) -> &'static str;
    /// A figure computed from monthly series over `current` against `previous` (formatted
    /// dates, first and last month), possibly from estimated months.
    fn computed_from_months(
        &self,
        current: (&str, &str),
        previous: (&str, &str),
        estimated: bool
    ) -> String;
    /// Said under an error that is retried by itself in `seconds`.
    fn retrying_in(&self, seconds: u64) -> String;
    /// "Rows 1–30 of 40,000" (numbers already formatted).
    fn rows_shown(&self, first: &str, last: &str, total: &str) -> String;
    /// "3 of 40,000 stations match" (numbers already formatted).
    fn matching(&self, found: &str, total: &str) -> String;
    /// "… and 1,234 more: search or download the table" (number already formatted).
    fn more_not_listed(&self, more: &str) -> String;
    /// A value after its label: "Scope: part of the work".
    fn labelled(&self, label: &str, value: &str) -> String;
    /// Why a figure is not comparable (the differences, named), and what the others are.
    fn not_comparable_because(&self, differences: &[&str], others: Option<&str>) -> String;
    /// The gap to the best figure, in percentage points (number already formatted).
    fn gap_to_best_points(&self, points: &str) -> String;
    /// A chart's readout of one point, with the source it comes from.
    fn point_with_source(&self, point: &str, source: &str) -> String;
    /// The footer of a chart saved as an image: its source and the day it was saved.
    fn image_footer(&self, source: &str, day: &str) -> String;
    /// The league's summary: "Rate: 30 stations ranked, 2 on another basis, 1 not reporting."
    fn league_summary(&self, metric: &str, ranked: usize, apart: usize, missing: usize) -> String;
    /// After the league's summary: the basis the ranked figures share (formatted).
    fn compared_on(&self, basis: &str) -> String;
    /// After a bar chart's title when it shows the first `shown` of `total` stations.
    fn top_of(&self, shown: usize, total: usize) -> String;
    /// After a station's name in the list of stations on another basis: its value, its
    /// period and why it is not ranked (all formatted).
    fn apart_line(&self, value: &str, period: &str, why: &str) -> String;
    /// A period from one date to another (both formatted): `2019年至2022年`.
    fn period_range(&self, from: &str, to: &str) -> String;
    /// A period from a date to the report: `2018年以来（至报道时）`.
    fn period_since(&self, from: &str) -> String;
    /// A period up to a date: `截至2025年7月`.
    fn period_up_to(&self, to: &str) -> String;
    /// What a change is compared against (formatted): `较2019年`, `vs 2019`.
    fn compared_with(&self, what: &str) -> String;
    /// A time `years` before the latest: `6年前`, `6 years earlier`.
    fn years_earlier(&self, years: u32) -> String;
    /// The text equivalent of a trend chart: the series `label` and what it shows (`None`
    /// when no month has a value).
    fn series_summary(&self, label: &str, facts: Option<&SeriesFacts>) -> String;
    /// The label of the rule at a year's monthly mean: `2025年月均`.
    fn monthly_mean(&self, year: i32) -> String;
    /// The text equivalent of a sparkline.
    fn spark_summary(&self, facts: &SparkFacts) -> String;
}

/// Fixed interface texts. (The same shape as `chart::ChartStrings`, the charts' own table
/// beside the code that draws them, which `duplicates` pairs with this: both are plain lists
/// of texts.)
#[derive(Debug)]
#[allow(missing_docs)]
pub struct Strings {
    pub app_title: &'static str,
    pub period_unstated: &'static str,
    pub year_on_year: &'static str,
    pub annual_average: &'static str,
    pub baseline_unstated: &'static str,
    pub language: &'static str,
    pub other_language: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub crash_reload: &'static str,
    pub crash_details: &'static str,
    pub directory: &'static str,
    pub directory_caption: &'static str,
    pub station: &'static str,
    pub region: &'static str,
    pub back_to_directory: &'static str,
    pub profile: &'static str,
    pub area: &'static str,
    pub population: &'static str,
    pub officers: &'static str,
    pub auxiliary_officers: &'static str,
    pub founded: &'static str,
    pub parent_bureau: &'static str,
    pub not_reported: &'static str,
    pub figure: &'static str,
    pub value: &'static str,
    pub period: &'static str,
    pub baseline: &'static str,
    pub source: &'static str,
    pub sources: &'static str,
    pub scope: &'static str,
    pub quote: &'static str,
    pub no_figures_in_family: &'static str,
    pub synthetic_banner: &'static str,
    pub published_by: &'static str,
    pub generated: &'static str,
    pub source_date_unknown: &'static str,
    pub no_link: &'static str,
    pub unknown_station: &'static str,
    pub error_title: &'static str,
    pub error_where: &'static str,
    pub more_issues: &'static str,
    pub higher_is_better: &'static str,
    pub lower_is_better: &'static str,
    pub english_name_missing: &'static str,
    pub figures_count: &'static str,
    pub view_scorecard: &'static str,
    pub warnings: &'static str,
    pub nav_label: &'static str,
    pub nav_directory: &'static str,
    pub nav_compare: &'static str,
    pub nav_rank: &'static str,
    pub compare_title: &'static str,
    pub compare_hint: &'static str,
    pub compare_add: &'static str,
    pub compare_remove: &'static str,
    pub compare_with: &'static str,
    pub compare_too_few: &'static str,
    pub best: &'static str,
    pub not_comparable: &'static str,
    pub row_not_ranked: &'static str,
    pub gap_to_best: &'static str,
    pub rank_title: &'static str,
    pub metric: &'static str,
    pub measure: &'static str,
    pub measure_level: &'static str,
    pub measure_change: &'static str,
    pub normalise: &'static str,
    pub all_provinces: &'static str,
    pub peer_group: &'static str,
    pub all_bands: &'static str,
    pub search: &'static str,
    pub rank: &'static str,
    pub percentile: &'static str,
    pub percentile_note: &'static str,
    pub not_comparable_title: &'static str,
    pub not_reported_title: &'static str,
    pub no_denominator: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub unranked: &'static str,
    pub denominator: &'static str,
    /// The headline band's accessible name.
    pub headline: &'static str,
    /// A change that is good news by the metric's polarity.
    pub trend_better: &'static str,
    /// A change that is bad news by the metric's polarity.
    pub trend_worse: &'static str,
    /// What a chart is, for assistive technology (`aria-roledescription`).
    pub chart: &'static str,
    /// How to read a bar chart with the keyboard or a pointer.
    pub bars_keys_hint: &'static str,
    /// The name of this table's language, in that language (the language switch).
    pub language_name: &'static str,
    /// The embedding panel: its title and its two ways.
    pub embed_title: &'static str,
    pub embed_iframe: &'static str,
    pub embed_script: &'static str,
    /// Said while a station's detail file loads.
    pub loading_detail: &'static str,
    /// The tile map's tab (its own texts are `Lang::map_strings`, loaded with the map).
    pub nav_map: &'static str,
    /// Between the items of a list in running text (`、`, `, `).
    pub list_sep: &'static str,
}

/// Name of a family (panel title).
pub fn family_name(lang: Lang, f: Family) -> &'static str {
    lang.messages().family(f)
}

/// How a polarity reads.
pub fn polarity_name(lang: Lang, p: Polarity) -> &'static str {
    let s = lang.strings();
    match p {
        Polarity::HigherIsBetter => s.higher_is_better,
        Polarity::LowerIsBetter => s.lower_is_better,
        Polarity::Neutral => "",
    }
}

/// Says that a figure was computed from monthly series, and over which months.
pub fn computed_note(lang: Lang, c: &crate::series::Computed) -> String {
    let d = |p: &crate::PartialDate| crate::format::date(lang, p);
    lang.messages().computed_from_months(
        (&d(&c.current.0), &d(&c.current.1)),
        (&d(&c.previous.0), &d(&c.previous.1)),
        c.estimated,
    )
}

/// Name of a normalisation choice.
pub fn normalisation_name(lang: Lang, n: Normalisation) -> &'static str {
    lang.messages().normalisation(n)
}

/// Name of a population band.
pub fn band_name(lang: Lang, b: PopulationBand) -> &'static str {
    lang.messages().band(b)
}

/// How a figure differs from the compared ones.
pub fn difference_name(lang: Lang, d: Difference) -> &'static str {
    lang.messages().difference(d)
}

/// Name of a unit, for messages.
pub fn unit_name(lang: Lang, u: Unit) -> &'static str {
    lang.messages().unit(u)
}
