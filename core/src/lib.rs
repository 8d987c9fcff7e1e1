//! The pure core of station-scorecards: the published data format (version 1), its
//! validation, look-ups, number and date formatting, and the Chinese and English texts.
//!
//! Nothing here depends on Leptos or the browser, so all of it is tested with `cargo test`,
//! and the same code validates files in the browser and in command-line tools.
#![warn(missing_docs)]

pub mod bidi;
mod boundary;
pub mod chart;
pub mod compare;
mod dataset;
mod date;
mod error;
pub mod export;
pub mod format;
pub mod headline;
pub mod i18n;
mod lang;
pub mod layout;
mod lint;
pub mod locate;
pub mod map;
mod model;
mod path;
pub mod query;
pub mod ranking;
mod region;
pub mod series;
pub mod table;
pub mod textenc;
mod validate;

pub use boundary::is_fictitious;
pub use dataset::Dataset;
pub use date::{DateError, PartialDate};
pub use error::{Issue, IssueKind, LoadError, TextEncoding, DEFAULT_MAX_BYTES, MAX_NESTING};
pub use lang::Lang;
pub use lint::advise;
pub use model::*;
pub use validate::{
    decode, decode_diagnosed, decode_quick, is_http_url, parse, parse_decoded, parse_neutralised,
    validate,
};

/// The JSON Schema of the data format, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Document);
    schema.insert(
        "title".to_string(),
        serde_json::Value::String("station-scorecards data format, version 1".into()),
    );
    serde_json::to_value(schema).unwrap_or_default()
}
