//! Load errors in English. Arm for arm the same shape as `zh/errors.rs`, and arms of the same shape
//! one after the other (the `duplicates` tool pairs both): that is the point, one text per kind of
//! error, per language, each in an exhaustive `match`.

use std::borrow::Cow;

use super::En;
use crate::error::LoadError;
use crate::i18n::issues::clip;
use crate::i18n::{Detail, ErrorTexts, HttpFailure, Sizes, Unreadable, VersionFound};

/// What a JSON data file must hold.
const OBJECT: &str = "a JSON object {…} (data format version 1)";

impl ErrorTexts for En {
    fn fetch_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)> {
        Some(match e {
            LoadError::BadSource { src } => (
                format!("The data address “{src}” is not allowed: only files from this site can be loaded."),
                "Use a path on this site, such as ?src=/data/my.json.".into(),
            ),
            LoadError::Network { file, detail } => (
                format!("Could not reach the server to download the data file {file} ({detail})."),
                "Check the connection and try again.".into(),
            ),
            LoadError::Http {
                file,
                status,
                retry_after,
            } => {
                let what = match HttpFailure::of(*status) {
                    HttpFailure::NotFound => "the file does not exist",
                    HttpFailure::NotAllowed => "access is not allowed",
                    HttpFailure::Unavailable => "the server is busy or down for maintenance",
                    HttpFailure::ServerFailed => "the server failed",
                    HttpFailure::Failed => "the request failed",
                };
                let advice = match retry_after {
                    Some(secs) => format!("The server asks to try again in {secs} s.").into(),
                    None if e.is_retryable() => {
                        "This may be temporary; try again in a moment.".into()
                    }
                    None => "Check that the data address is right.".into(),
                };
                (
                    format!("Downloading the data file {file} failed: {what} (HTTP {status})."),
                    advice,
                )
            }
            LoadError::Timeout { file, seconds } => (
                format!("Downloading the data file {file} timed out: the server did not answer in full within {seconds} s, so the request was given up."),
                "The server may be busy or the network slow; try again in a moment.".into(),
            ),
            LoadError::AppPart { file } => (
                format!("Part of the dashboard's program ({file}) could not be loaded, so this part cannot be shown for now; the rest still works."),
                "Check the connection and try again; if it keeps happening, tell the site's webmaster.".into(),
            ),
            LoadError::Interrupted { file, detail } => (
                format!("Downloading the data file {file} broke off: the connection closed before the whole file arrived ({detail})."),
                "Try again; if it keeps happening, tell the site's webmaster.".into(),
            ),
            LoadError::TooLarge { file, size, limit } => {
                let (s, l, unit) = match Sizes::of(*size, *limit) {
                    Sizes::Mb(s, l) => (s, l, "MB"),
                    Sizes::Bytes(s, l) => (s.to_string(), l.to_string(), "bytes"),
                };
                (
                    format!("The data file {file} is too large: {s} {unit}, the limit is {l} {unit}."),
                    "Split the file, or publish aggregates only.".into(),
                )
            }
            // The file errors, said by `file_error`: listed, not `_`, so that a new variant does
            // not compile without its text (the same lists as in the other language and in
            // `describe`: duplicates pairs them).
            LoadError::Syntax { .. }
            | LoadError::UnsupportedVersion { .. }
            | LoadError::Empty { .. }
            | LoadError::Encoding { .. }
            | LoadError::Html { .. }
            | LoadError::NonFiniteNumber { .. }
            | LoadError::TooDeep { .. }
            | LoadError::Structure { .. }
            | LoadError::Invalid { .. } => return None,
        })
    }

    fn file_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)> {
        Some(match e {
            // The fetch errors, said by `fetch_error` (listed for the same reason).
            LoadError::BadSource { .. }
            | LoadError::Network { .. }
            | LoadError::Http { .. }
            | LoadError::Timeout { .. }
            | LoadError::AppPart { .. }
            | LoadError::Interrupted { .. }
            | LoadError::TooLarge { .. } => return None,
            LoadError::Syntax {
                file, line, column, ..
            } => (
                format!("The data file {file} is not valid JSON: syntax error at line {line}, column {column}."),
                "Fix the file at that position and publish it again.".into(),
            ),
            LoadError::UnsupportedVersion { file, found } => (
                match VersionFound::read(&clip(found)).as_written() {
                    None => format!("The data file {file} has no format version (schema_version); this dashboard reads version 1 only."),
                    Some(found) => format!("The data file {file} has format version (schema_version) {found}; this dashboard reads version 1 only."),
                },
                "Export the file in format version 1.".into(),
            ),
            LoadError::Empty { file } => (
                format!("The data file {file} is empty."),
                "Publish the data file again: it must hold a JSON object {…} (data format version 1).".into(),
            ),
            LoadError::Encoding { file, encoding } => (
                format!("The data file {file} is in {}, not UTF-8.", encoding.name()),
                "Save it as UTF-8 (for example “Save as” in Notepad or Excel, encoding “UTF-8”) and publish it again.".into(),
            ),
            LoadError::Html { file, .. } => (
                format!("The data file {file} is an HTML page, not JSON data."),
                "The server may have sent an error or login page: check the data address, or open it in the browser to see the page.".into(),
            ),
            LoadError::NonFiniteNumber {
                file,
                line,
                column,
                token,
            } => (
                format!("The data file {file} has “{token}” at line {line}, column {column}: JSON has no NaN or Infinity."),
                "Write the number; leave out a figure the source does not give (in a monthly series, write null): it is shown as “not reported”.".into(),
            ),
            LoadError::TooDeep {
                file,
                line,
                column,
                limit,
            } => (
                format!("The data file {file} is nested too deeply at line {line}, column {column}: more than {limit} levels of arrays and objects."),
                "The data format needs fewer than ten levels: check the program that wrote the file.".into(),
            ),
            LoadError::Structure {
                file,
                path,
                line,
                column,
                ..
            } => (
                format!("The data file {file} does not have the structure of the data format at {path} (line {line}, column {column})."),
                "Check that field against the data format description.".into(),
            ),
            LoadError::Invalid { file, issues } => {
                let (s, verb_s) = if issues.len() == 1 { ("", "s") } else { ("s", "") };
                (
                    format!(
                        "The data file {file} has {} value{s} that break{verb_s} the rules.",
                        issues.len()
                    ),
                    "Correct the values at these places and publish again.".into(),
                )
            }
        })
    }

    fn unreadable(&self, u: &Unreadable<'_>) -> Detail {
        let detail = |message: String, expected: &str, found: String| Detail {
            message,
            expected: Some(expected.to_string()),
            found: Some(found),
        };
        match *u {
            Unreadable::Empty => detail("The file is empty.".into(), OBJECT, "nothing".into()),
            Unreadable::Encoding(encoding) => {
                let (family, name) = (encoding.family(), encoding.name());
                detail(
                    format!("The file is {family} ({name}); save it as UTF-8."),
                    "UTF-8 text",
                    format!("{name} text"),
                )
            }
            Unreadable::Html(title) => detail(
                match title {
                    Some(title) => format!("This is an HTML page, not JSON, titled “{title}”: the server probably sent an error page."),
                    None => "This is an HTML page, not JSON: the server probably sent an error page.".into(),
                },
                OBJECT,
                "an HTML page".into(),
            ),
            Unreadable::NonFiniteNumber(token) => detail(
                format!("JSON has no NaN or Infinity: “{token}” is not a number. Write the number, or leave out a figure the source does not give (shown as “not reported”)."),
                "a number, or no figure at all (null in a monthly series)",
                token.to_string(),
            ),
            Unreadable::TooDeep(limit) => Detail {
                message: format!("Arrays and objects are nested too deeply (more than {limit} levels)."),
                expected: Some(format!("at most {limit} levels")),
                found: Some(format!("more than {limit} levels")),
            },
        }
    }

    fn version(&self, v: &VersionFound<'_>) -> String {
        match *v {
            VersionFound::Missing => "The format version (schema_version) is missing.".to_string(),
            VersionFound::String(found) => format!("The format version (schema_version) is the string {found}; write the number 1 without quotes."),
            VersionFound::NotWhole(found) => format!("The format version (schema_version) is {found}; write the whole number 1."),
            VersionFound::Other(found) => format!("The format version (schema_version) is {found}; only version 1 is supported."),
        }
    }

    fn no_such_field(&self) -> &'static str {
        "no such field"
    }
}
