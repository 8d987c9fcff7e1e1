//! Load errors narrated for people: what went wrong and in which file, what to do next, and
//! for tools what was expected and what was found. Each language says them
//! ([`ErrorTexts`], in `zh/errors.rs` and `en/errors.rs`); what does not depend on the
//! language (which details an error has, and where) is here.

use std::borrow::Cow;

use super::issues::{clip, describe_issue, Detail, IssueTexts};
use super::serde_text::{structure_detail, syntax_detail, SerdeTexts};
use crate::error::{LoadError, TextEncoding};

/// How a language says a load error (one implementation per language, each an exhaustive
/// `match`, so an error without its text does not compile).
pub trait ErrorTexts {
    /// The headline (one sentence: what went wrong and in which file) and what to do next,
    /// for an error of fetching a file or a part of the program (network, HTTP, size); `None`
    /// for the others. Apart from [`ErrorTexts::file_error`] so that the first wasm module holds
    /// only these texts: a file's content is narrated by the diagnosis part (docs/size-notes.md).
    fn fetch_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)>;
    /// The same for an error of a file's content; `None` for a fetch error.
    fn file_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)>;
    /// What is wrong, expected and found, for an error that stops a file before or while its
    /// JSON is read.
    fn unreadable(&self, u: &Unreadable<'_>) -> Detail;
    /// What is wrong with an unsupported format version.
    fn version(&self, v: &VersionFound<'_>) -> String;
    /// What the file has where a field is missing ("no such field").
    fn no_such_field(&self) -> &'static str;
}

/// A load error as a headline and a list of details (each a located problem), in `lang`.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorMessage {
    /// One sentence: what went wrong and in which file.
    pub headline: String,
    /// What to do next.
    pub advice: String,
    /// Located problems: (where, what).
    pub details: Vec<(String, String)>,
}

/// An error found before or while a file's JSON is read (an empty file, another encoding, an
/// HTML page, NaN, nesting), with what each language needs to say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable<'a> {
    /// [`LoadError::Empty`].
    Empty,
    /// [`LoadError::Encoding`].
    Encoding(TextEncoding),
    /// [`LoadError::Html`], with the page's title if it has one.
    Html(Option<&'a str>),
    /// [`LoadError::NonFiniteNumber`]: the token (`NaN`, `Infinity`).
    NonFiniteNumber(&'a str),
    /// [`LoadError::TooDeep`]: the nesting limit.
    TooDeep(usize),
}

impl<'a> Unreadable<'a> {
    /// The error, if it is one of these.
    pub fn of(e: &'a LoadError) -> Option<Unreadable<'a>> {
        Some(match e {
            LoadError::Empty { .. } => Unreadable::Empty,
            LoadError::Encoding { encoding, .. } => Unreadable::Encoding(*encoding),
            LoadError::Html { title, .. } => Unreadable::Html(title.as_deref()),
            LoadError::NonFiniteNumber { token, .. } => Unreadable::NonFiniteNumber(token),
            LoadError::TooDeep { limit, .. } => Unreadable::TooDeep(*limit),
            _ => return None,
        })
    }
}

/// The format version a file has ([`LoadError::UnsupportedVersion`]'s `found`: the value as
/// JSON text, or `missing`), clipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionFound<'a> {
    /// No `schema_version`.
    Missing,
    /// A string (as JSON text, quoted).
    String(&'a str),
    /// The number 1 written otherwise (`1.0`, `1e0`).
    NotWhole(&'a str),
    /// Another number or value.
    Other(&'a str),
}

impl<'a> VersionFound<'a> {
    /// Reads `found` (already clipped).
    pub fn read(found: &'a str) -> VersionFound<'a> {
        if found == "missing" {
            VersionFound::Missing
        } else if found.starts_with('"') {
            VersionFound::String(found)
        } else if found.parse::<f64>() == Ok(1.0) {
            VersionFound::NotWhole(found)
        } else {
            VersionFound::Other(found)
        }
    }

    /// The value as written in the file (`None` when it is missing).
    pub fn as_written(self) -> Option<&'a str> {
        match self {
            VersionFound::Missing => None,
            VersionFound::String(s) | VersionFound::NotWhole(s) | VersionFound::Other(s) => Some(s),
        }
    }
}

/// What an HTTP error status means for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpFailure {
    /// 404.
    NotFound,
    /// 401, 403.
    NotAllowed,
    /// 503.
    Unavailable,
    /// Another 5xx.
    ServerFailed,
    /// Anything else.
    Failed,
}

impl HttpFailure {
    /// The meaning of `status`.
    pub fn of(status: u16) -> HttpFailure {
        match status {
            404 => HttpFailure::NotFound,
            401 | 403 => HttpFailure::NotAllowed,
            503 => HttpFailure::Unavailable,
            500..=599 => HttpFailure::ServerFailed,
            _ => HttpFailure::Failed,
        }
    }
}

/// A file's size and the limit it broke, in MB, unless both round to the same: then in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sizes {
    /// Both in MB, formatted.
    Mb(String, String),
    /// Both in bytes.
    Bytes(u64, u64),
}

impl Sizes {
    /// The size and the limit, in the unit that tells them apart.
    pub fn of(size: u64, limit: u64) -> Sizes {
        let (s, l) = (mb(size), mb(limit));
        if s == l {
            Sizes::Bytes(size, limit)
        } else {
            Sizes::Mb(s, l)
        }
    }
}

fn mb(bytes: u64) -> String {
    let v = bytes as f64 / (1024.0 * 1024.0);
    if v >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Describes a load error for people, in the language of `t`.
pub(super) fn describe<T>(t: &T, e: &LoadError) -> ErrorMessage
where
    T: ErrorTexts + IssueTexts + SerdeTexts,
{
    if let Some(message) = describe_fetch(t, e) {
        return message;
    }
    let (headline, advice) = t
        .file_error(e)
        .expect("every error is a fetch error or a file error");
    let unreadable = |at: String| {
        load_detail(t, e)
            .map(|d| vec![(at, d.message)])
            .unwrap_or_default()
    };
    let details = match e {
        LoadError::Syntax {
            line,
            column,
            detail,
            ..
        } => vec![(format!("{line}:{column}"), syntax_detail(t, detail).message)],
        LoadError::UnsupportedVersion { found, .. } => {
            let found = clip(found);
            let at = if found == "missing" {
                "$"
            } else {
                "$.schema_version"
            };
            vec![(at.to_string(), version_detail(t, &found).message)]
        }
        LoadError::Structure { path, detail, .. } => {
            vec![(path.clone(), structure_detail(t, detail).message)]
        }
        LoadError::Invalid { issues, .. } => issues
            .iter()
            .map(|i| (i.path.clone(), describe_issue(t, &i.kind)))
            .collect(),
        LoadError::Empty { file }
        | LoadError::Encoding { file, .. }
        | LoadError::Html { file, .. } => unreadable(file.clone()),
        LoadError::NonFiniteNumber { line, column, .. }
        | LoadError::TooDeep { line, column, .. } => unreadable(format!("{line}:{column}")),
        LoadError::BadSource { .. }
        | LoadError::Network { .. }
        | LoadError::Http { .. }
        | LoadError::Timeout { .. }
        | LoadError::Interrupted { .. }
        | LoadError::TooLarge { .. }
        | LoadError::AppPart { .. } => Vec::new(),
    };
    ErrorMessage {
        headline,
        advice: advice.into_owned(),
        details,
    }
}

/// Describes an error of fetching a file or a part of the program (the first wasm module
/// says these itself, also when nothing more can be loaded); `None` for an error of a file's
/// content.
pub(super) fn describe_fetch<T: ErrorTexts>(t: &T, e: &LoadError) -> Option<ErrorMessage> {
    t.fetch_error(e).map(|(headline, advice)| ErrorMessage {
        headline,
        advice: advice.into_owned(),
        details: Vec::new(),
    })
}

/// What is wrong, expected and found for the errors that stop a file before or while its
/// JSON is read ([`Unreadable`]); `None` for the other errors.
pub(super) fn load_detail<T: ErrorTexts>(t: &T, e: &LoadError) -> Option<Detail> {
    Unreadable::of(e).map(|u| t.unreadable(&u))
}

/// Explains an unsupported format version ([`LoadError::UnsupportedVersion`]'s `found`).
pub(super) fn version_detail<T: ErrorTexts>(t: &T, found: &str) -> Detail {
    let found = clip(found);
    let v = VersionFound::read(&found);
    Detail {
        message: t.version(&v),
        expected: Some("\"schema_version\": 1".to_string()),
        found: Some(v.as_written().unwrap_or(t.no_such_field()).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Issue, IssueKind};
    use crate::i18n::{describe_error, describe_fetch_error, Lang};

    /// Every error is either a fetch error, which the browser's first module says
    /// ([`describe_fetch_error`]), or a file error, which the diagnosis part says: never both,
    /// never neither (then `describe` would panic).
    #[test]
    fn every_error_is_a_fetch_error_or_a_file_error() {
        use crate::error::TextEncoding;
        let file = || "d.json".to_string();
        let fetch = [
            LoadError::BadSource { src: file() },
            LoadError::Network {
                file: file(),
                detail: "x".into(),
            },
            LoadError::Http {
                file: file(),
                status: 404,
                retry_after: None,
            },
            LoadError::Timeout {
                file: file(),
                seconds: 30,
            },
            LoadError::Interrupted {
                file: file(),
                detail: "x".into(),
            },
            LoadError::TooLarge {
                file: file(),
                size: 9,
                limit: 8,
            },
            LoadError::AppPart {
                file: "split_x.wasm".into(),
            },
        ];
        let content = [
            LoadError::Syntax {
                file: file(),
                line: 1,
                column: 2,
                detail: "EOF while parsing a value at line 1 column 2".into(),
            },
            LoadError::Empty { file: file() },
            LoadError::Encoding {
                file: file(),
                encoding: TextEncoding::Utf16Le,
            },
            LoadError::Html {
                file: file(),
                title: None,
            },
            LoadError::NonFiniteNumber {
                file: file(),
                line: 1,
                column: 2,
                token: "NaN".into(),
            },
            LoadError::TooDeep {
                file: file(),
                line: 1,
                column: 2,
                limit: 64,
            },
            LoadError::UnsupportedVersion {
                file: file(),
                found: "2".into(),
            },
            LoadError::Structure {
                file: file(),
                path: "$.x".into(),
                line: 1,
                column: 2,
                detail: "missing field `x`".into(),
            },
            LoadError::Invalid {
                file: file(),
                issues: Vec::new(),
            },
        ];
        for lang in [Lang::Zh, Lang::En] {
            for e in &fetch {
                let said = describe_fetch_error(lang, e).expect("a fetch error");
                assert_eq!(said, describe_error(lang, e), "{e:?}");
                assert!(
                    said.headline
                        .contains(if matches!(e, LoadError::AppPart { .. }) {
                            "split_x.wasm"
                        } else {
                            "d.json"
                        }),
                    "{e:?}"
                );
            }
            for e in &content {
                assert_eq!(describe_fetch_error(lang, e), None, "{e:?}");
                assert!(describe_error(lang, e).headline.contains("d.json"), "{e:?}");
            }
        }
    }

    #[test]
    fn rate_above_100_is_explained_in_both_languages() {
        let e = LoadError::Invalid {
            file: "bad.json".into(),
            issues: vec![Issue {
                path: "$.stations[0].figures[1].value".into(),
                kind: IssueKind::PercentOutOfRange { value: 180.0 },
            }],
        };
        let zh = describe_error(Lang::Zh, &e);
        assert!(zh.headline.contains("bad.json"));
        assert_eq!(zh.details[0].0, "$.stations[0].figures[1].value");
        assert!(zh.details[0].1.contains("180%"), "{}", zh.details[0].1);
        let en = describe_error(Lang::En, &e);
        assert!(
            en.headline.contains("1 value that breaks"),
            "{}",
            en.headline
        );
        assert!(en.details[0].1.contains("outside 0–100%"));
    }

    #[test]
    fn http_errors_say_whether_retry_helps() {
        let e404 = LoadError::Http {
            file: "a.json".into(),
            status: 404,
            retry_after: None,
        };
        let e503 = LoadError::Http {
            file: "a.json".into(),
            status: 503,
            retry_after: Some(7),
        };
        assert!(!e404.is_retryable());
        assert!(e503.is_retryable());
        assert!(describe_error(Lang::En, &e404)
            .headline
            .contains("does not exist"));
        assert!(describe_error(Lang::Zh, &e503)
            .advice
            .contains("7 秒后重试"));
        assert!(describe_error(Lang::En, &e503)
            .advice
            .contains("try again in 7 s"));
        let timeout = LoadError::Timeout {
            file: "a.json".into(),
            seconds: 20,
        };
        assert!(timeout.is_retryable());
        assert!(describe_error(Lang::En, &timeout)
            .headline
            .contains("timed out"));
        assert!(describe_error(Lang::Zh, &timeout).headline.contains("超时"));
    }

    #[test]
    fn language_free_readings() {
        assert_eq!(VersionFound::read("missing"), VersionFound::Missing);
        assert_eq!(VersionFound::read("\"1\""), VersionFound::String("\"1\""));
        assert_eq!(VersionFound::read("1e0"), VersionFound::NotWhole("1e0"));
        assert_eq!(VersionFound::read("2"), VersionFound::Other("2"));
        assert_eq!(HttpFailure::of(403), HttpFailure::NotAllowed);
        assert_eq!(HttpFailure::of(502), HttpFailure::ServerFailed);
        assert_eq!(HttpFailure::of(429), HttpFailure::Failed);
        assert_eq!(
            Sizes::of(70 << 20, 64 << 20),
            Sizes::Mb("70".into(), "64".into())
        );
        assert_eq!(Sizes::of(1001, 1000), Sizes::Bytes(1001, 1000));
    }
}
