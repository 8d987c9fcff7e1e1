//! serde_json's error texts (English, written for programmers) read back into values, which
//! each language then says for people ([`SerdeTexts`], in `zh/serde_text.rs` and
//! `en/serde_text.rs`), with what was expected and what was found.
//!
//! The texts matched here are serde_json's and serde's own wording, which is not an API: the
//! tests below pin the serde_json version they were written against (read from Cargo.lock),
//! and make serde_json write each error read here, so an upgrade that changes a wording fails
//! here first and gets its texts checked.

use std::borrow::Cow;

use super::issues::{clip, Detail};

/// How a language says what serde_json found wrong (one implementation per language, so a
/// missing text does not compile).
pub trait SerdeTexts {
    /// A JSON syntax error: the sentence, and what was expected at that place.
    fn syntax(&self, e: SyntaxError) -> (&'static str, Option<&'static str>);
    /// A structure error, with what was expected and what was found.
    fn structure(&self, e: &StructureError<'_>) -> Detail;
    /// A kind of value, as serde names it (`string "x"`, `f64`, `struct Text`).
    fn kind(&self, k: &SerdeKind<'_>) -> String;
}

/// Removes serde_json's " at line L column C" from the end of an error's text.
pub fn strip_position(detail: &str) -> &str {
    match detail.rfind(" at line ") {
        Some(i) if detail[i..].contains(" column ") => &detail[..i],
        _ => detail,
    }
}

/// A JSON syntax error as serde_json reports it ([`crate::LoadError::Syntax`]'s `detail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxError {
    /// `EOF while parsing …`: the file ends before the JSON does.
    Eof,
    /// `expected value`.
    ExpectedValue,
    /// ``expected `:` ``.
    ExpectedColon,
    /// ``expected `,` or `}` ``.
    ExpectedCommaOrBrace,
    /// ``expected `,` or `]` ``.
    ExpectedCommaOrBracket,
    /// `expected ident`: a misspelt `true`, `false` or `null`.
    ExpectedIdent,
    /// `trailing characters`.
    TrailingCharacters,
    /// `trailing comma`.
    TrailingComma,
    /// `key must be a string`.
    KeyMustBeString,
    /// `invalid escape`.
    InvalidEscape,
    /// `number out of range`.
    NumberOutOfRange,
    /// `comments are not allowed in JSON` (this crate's own reading, before serde_json's).
    Comment,
    /// `a second byte-order mark` (this crate's own reading).
    SecondByteOrderMark,
    /// `lone surrogate escape`, `lone leading surrogate in hex escape`.
    LoneSurrogate,
    /// `invalid number`.
    InvalidNumber,
    /// `invalid unicode code point`.
    InvalidCodePoint,
    /// `recursion limit exceeded`.
    RecursionLimit,
    /// `control character … found while parsing a string`.
    ControlCharacter,
}

impl SyntaxError {
    /// Reads serde_json's text (with or without its position); `None` for a text not known
    /// here, which is then shown as it is.
    pub fn read(detail: &str) -> Option<SyntaxError> {
        let d = strip_position(detail);
        Some(match d {
            _ if d.starts_with("EOF while parsing") => SyntaxError::Eof,
            _ if d.starts_with("control character") => SyntaxError::ControlCharacter,
            "expected value" => SyntaxError::ExpectedValue,
            "expected `:`" => SyntaxError::ExpectedColon,
            "expected `,` or `}`" => SyntaxError::ExpectedCommaOrBrace,
            "expected `,` or `]`" => SyntaxError::ExpectedCommaOrBracket,
            "expected ident" => SyntaxError::ExpectedIdent,
            "trailing characters" => SyntaxError::TrailingCharacters,
            "trailing comma" => SyntaxError::TrailingComma,
            "key must be a string" => SyntaxError::KeyMustBeString,
            "invalid escape" => SyntaxError::InvalidEscape,
            "number out of range" => SyntaxError::NumberOutOfRange,
            "comments are not allowed in JSON" => SyntaxError::Comment,
            "a second byte-order mark" => SyntaxError::SecondByteOrderMark,
            "lone surrogate escape" | "lone leading surrogate in hex escape" => {
                SyntaxError::LoneSurrogate
            }
            "invalid number" => SyntaxError::InvalidNumber,
            "invalid unicode code point" => SyntaxError::InvalidCodePoint,
            "recursion limit exceeded" => SyntaxError::RecursionLimit,
            _ => return None,
        })
    }
}

/// Whether an unknown name is a field or a value of an enumeration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// `unknown field …`.
    Field,
    /// `unknown variant …`.
    Variant,
}

/// A structure error as serde reports it ([`crate::LoadError::Structure`]'s `detail`).
/// Names and values quoted from the file are clipped ([`clip`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StructureError<'a> {
    /// `invalid type: …, expected …` or `invalid value: …, expected …`.
    WrongType {
        /// What the file has.
        found: SerdeKind<'a>,
        /// What the format wants.
        expected: SerdeKind<'a>,
    },
    /// ``unknown field `x`, expected one of `a`, `b` `` (or `unknown variant`).
    Unknown {
        /// A field or a value.
        what: Unknown,
        /// The name in the file.
        name: Cow<'a, str>,
        /// The names allowed, as JSON strings (`"a", "b"`), when serde lists them.
        allowed: Option<String>,
    },
    /// ``missing field `x` ``.
    MissingField(&'a str),
    /// ``duplicate field `x` ``.
    DuplicateField(&'a str),
    /// `` `2023-02-30` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD `` (this crate's
    /// own date type).
    BadDate(Cow<'a, str>),
    /// `expected a JSON object at the top level` (this crate's own reading).
    NotAnObject,
}

impl StructureError<'_> {
    /// Reads serde's text (with or without serde_json's position); `None` for a text not
    /// known here, which is then shown as it is.
    pub fn read(detail: &str) -> Option<StructureError<'_>> {
        let d = strip_position(detail);
        if let Some(rest) = d
            .strip_prefix("invalid type: ")
            .or_else(|| d.strip_prefix("invalid value: "))
        {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                return Some(StructureError::WrongType {
                    found: SerdeKind::read(found),
                    expected: SerdeKind::read(expected),
                });
            }
        }
        for (prefix, what) in [
            ("unknown field ", Unknown::Field),
            ("unknown variant ", Unknown::Variant),
        ] {
            if let Some(rest) = d.strip_prefix(prefix) {
                let (name, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
                let allowed = allowed.trim_start_matches("one of ").replace('`', "\"");
                let allowed =
                    (!allowed.is_empty() && allowed != "there are no fields").then_some(allowed);
                return Some(StructureError::Unknown {
                    what,
                    name: clip(name.trim_matches('`')),
                    allowed,
                });
            }
        }
        if let Some(rest) = d.strip_prefix("missing field ") {
            return Some(StructureError::MissingField(rest.trim_matches('`')));
        }
        if let Some(rest) = d.strip_prefix("duplicate field ") {
            return Some(StructureError::DuplicateField(rest.trim_matches('`')));
        }
        if let Some(date) = d
            .strip_prefix('`')
            .and_then(|r| r.strip_suffix("` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"))
        {
            return Some(StructureError::BadDate(clip(date)));
        }
        (d == "expected a JSON object at the top level").then_some(StructureError::NotAnObject)
    }
}

/// A kind of value as serde names it in "invalid type" errors: a value found in the file
/// (`string "x"`, ``integer `-6` ``) or a type the format expects (`f64`, `struct Text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SerdeKind<'a> {
    /// `string "x"`: a string of the file, quoted as serde quotes it, clipped.
    StringValue(Cow<'a, str>),
    /// ``integer `-6` ``.
    IntegerValue(&'a str),
    /// ``floating point `1.5` ``.
    NumberValue(&'a str),
    /// ``boolean `true` ``.
    BooleanValue(&'a str),
    /// `struct …`, `internally tagged enum …`, `map`.
    Object,
    /// `f64`, `f32`.
    Number,
    /// `u8` … `u64`, `usize`.
    NonNegativeInteger,
    /// `i32`, `i64`.
    Integer,
    /// `a string`, `a borrowed string`, `string`.
    String,
    /// `a sequence`, `sequence`.
    Array,
    /// `a boolean`, `bool`.
    Boolean,
    /// `null`, `unit value`.
    Null,
    /// Anything else, shown as serde wrote it.
    Other(&'a str),
}

impl SerdeKind<'_> {
    /// Reads serde's name of a kind of value.
    pub fn read(s: &str) -> SerdeKind<'_> {
        let s = s.trim();
        if let Some(v) = s.strip_prefix("string ") {
            return SerdeKind::StringValue(clip(v));
        }
        let value = |prefix: &str| s.strip_prefix(prefix).map(|v| v.trim_matches('`'));
        if let Some(v) = value("integer ") {
            return SerdeKind::IntegerValue(v);
        }
        if let Some(v) = value("floating point ") {
            return SerdeKind::NumberValue(v);
        }
        if let Some(v) = value("boolean ") {
            return SerdeKind::BooleanValue(v);
        }
        if s.starts_with("struct ") || s.starts_with("internally tagged enum") || s == "map" {
            return SerdeKind::Object;
        }
        match s {
            "f64" | "f32" => SerdeKind::Number,
            "u32" | "u64" | "usize" | "u8" | "u16" => SerdeKind::NonNegativeInteger,
            "i32" | "i64" => SerdeKind::Integer,
            "a string" | "a borrowed string" | "string" => SerdeKind::String,
            "a sequence" | "sequence" => SerdeKind::Array,
            "a boolean" | "bool" => SerdeKind::Boolean,
            "null" | "unit value" => SerdeKind::Null,
            _ => SerdeKind::Other(s),
        }
    }
}

/// Explains a structure error ([`crate::LoadError::Structure`]'s `detail`) in the language
/// of `t`; a text not known here is passed through.
pub(super) fn structure_detail<T: SerdeTexts>(t: &T, detail: &str) -> Detail {
    match StructureError::read(detail) {
        Some(e) => t.structure(&e),
        None => as_written(detail),
    }
}

/// Explains a JSON syntax error ([`crate::LoadError::Syntax`]'s `detail`) in the language of
/// `t`; a text not known here is passed through.
pub(super) fn syntax_detail<T: SerdeTexts>(t: &T, detail: &str) -> Detail {
    match SyntaxError::read(detail) {
        Some(e) => {
            let (message, expected) = t.syntax(e);
            Detail {
                message: message.to_string(),
                expected: expected.map(str::to_string),
                found: None,
            }
        }
        None => as_written(detail),
    }
}

/// serde's own text, without its position, for a text not known here.
fn as_written(detail: &str) -> Detail {
    Detail {
        message: strip_position(detail).to_string(),
        expected: None,
        found: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{structure_detail, syntax_detail, Lang};

    /// The serde_json version whose error texts this file reads. When Cargo.lock moves to
    /// another version, check the texts matched above against its `src/error.rs` (and serde's
    /// `de/mod.rs` for "invalid type", "unknown field" and the like), then update this.
    const READ_AGAINST: &str = "1.0.154";

    #[test]
    fn texts_are_read_against_the_locked_serde_json() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock");
        let lock = std::fs::read_to_string(path).expect("the workspace's Cargo.lock");
        let locked = lock
            .split("[[package]]")
            .find(|p| p.contains("\nname = \"serde_json\"\n"))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .map(|v| v.trim_matches('"'));
        assert_eq!(
            locked,
            Some(READ_AGAINST),
            "serde_json changed: check the error texts read in serde_text.rs"
        );
    }

    /// serde_json's text for `json`, which must fail to parse.
    fn serde_json_says(json: &str) -> String {
        serde_json::from_str::<serde_json::Value>(json)
            .expect_err(json)
            .to_string()
    }

    /// Every syntax error read here, as serde_json 1.0.154 ([`READ_AGAINST`]) writes it.
    #[test]
    fn serde_json_syntax_texts_are_read() {
        let deep = "[".repeat(200);
        for (json, want) in [
            ("{\"a\": 1", SyntaxError::Eof),
            ("[1, ]", SyntaxError::TrailingComma),
            ("{\"a\" 1}", SyntaxError::ExpectedColon),
            ("{\"a\": 1 \"b\": 2}", SyntaxError::ExpectedCommaOrBrace),
            ("[1 2]", SyntaxError::ExpectedCommaOrBracket),
            ("[tru]", SyntaxError::ExpectedIdent),
            ("[]x", SyntaxError::TrailingCharacters),
            ("{1: 2}", SyntaxError::KeyMustBeString),
            ("[\"\\q\"]", SyntaxError::InvalidEscape),
            ("[1e999]", SyntaxError::NumberOutOfRange),
            ("[\"\\udc00\"]", SyntaxError::LoneSurrogate),
            ("[-]", SyntaxError::InvalidNumber),
            ("[\"a\nb\"]", SyntaxError::ControlCharacter),
            ("[,]", SyntaxError::ExpectedValue),
            (deep.as_str(), SyntaxError::RecursionLimit),
        ] {
            let text = serde_json_says(json);
            assert_eq!(
                SyntaxError::read(&text),
                Some(want),
                "{json:?} gave {text:?}"
            );
        }
        // Read from bytes: not UTF-8.
        let text = serde_json::from_slice::<serde_json::Value>(b"[\"\xff\"]")
            .expect_err("not UTF-8")
            .to_string();
        assert_eq!(
            SyntaxError::read(&text),
            Some(SyntaxError::InvalidCodePoint),
            "{text:?}"
        );
        // This crate's own texts, and one not known.
        assert_eq!(
            SyntaxError::read("comments are not allowed in JSON at line 1 column 2"),
            Some(SyntaxError::Comment)
        );
        assert_eq!(
            SyntaxError::read("a second byte-order mark"),
            Some(SyntaxError::SecondByteOrderMark)
        );
        assert_eq!(SyntaxError::read("odd"), None);
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Figure {
        value: f64,
        count: Option<u32>,
        name: Option<String>,
        kind: Option<Kind>,
        tags: Option<Vec<String>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Full,
        Index,
        Detail,
    }

    /// serde's text for `json` read as a [`Figure`], which must fail.
    fn serde_says(json: &str) -> String {
        serde_json::from_str::<Figure>(json)
            .expect_err(json)
            .to_string()
    }

    /// Every structure error read here that serde writes, as it writes them through
    /// serde_json 1.0.154 ([`READ_AGAINST`]).
    #[test]
    fn serde_structure_texts_are_read() {
        let s = |v: &'static str| SerdeKind::StringValue(Cow::Borrowed(v));
        let cases = [
            (
                r#"{"value": "5.02"}"#,
                StructureError::WrongType {
                    found: s("\"5.02\""),
                    expected: SerdeKind::Number,
                },
            ),
            (
                r#"{"value": 1, "count": -6}"#,
                StructureError::WrongType {
                    found: SerdeKind::IntegerValue("-6"),
                    expected: SerdeKind::NonNegativeInteger,
                },
            ),
            (
                r#"{"value": 1, "name": 1.5}"#,
                StructureError::WrongType {
                    found: SerdeKind::NumberValue("1.5"),
                    expected: SerdeKind::String,
                },
            ),
            (
                r#"{"value": 1, "tags": true}"#,
                StructureError::WrongType {
                    found: SerdeKind::BooleanValue("true"),
                    expected: SerdeKind::Array,
                },
            ),
            (
                r#"{"value": null}"#,
                StructureError::WrongType {
                    found: SerdeKind::Null,
                    expected: SerdeKind::Number,
                },
            ),
            (
                r#""x""#,
                StructureError::WrongType {
                    found: s("\"x\""),
                    expected: SerdeKind::Object,
                },
            ),
            (
                r#"{"value": 1, "name": [1]}"#,
                StructureError::WrongType {
                    found: SerdeKind::Array,
                    expected: SerdeKind::String,
                },
            ),
            (
                r#"{"valeu": 1}"#,
                StructureError::Unknown {
                    what: Unknown::Field,
                    name: Cow::Borrowed("valeu"),
                    allowed: Some("\"value\", \"count\", \"name\", \"kind\", \"tags\"".to_string()),
                },
            ),
            (
                r#"{"value": 1, "kind": "half"}"#,
                StructureError::Unknown {
                    what: Unknown::Variant,
                    name: Cow::Borrowed("half"),
                    allowed: Some("\"full\", \"index\", \"detail\"".to_string()),
                },
            ),
            (r#"{}"#, StructureError::MissingField("value")),
            (
                r#"{"value": 1, "value": 2}"#,
                StructureError::DuplicateField("value"),
            ),
        ];
        for (json, want) in cases {
            let text = serde_says(json);
            assert_eq!(
                StructureError::read(&text),
                Some(want),
                "{json:?} gave {text:?}"
            );
        }
    }

    #[test]
    fn own_and_unknown_structure_texts() {
        let long = "9".repeat(100);
        let date = format!("`{long}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        assert_eq!(
            StructureError::read(&date),
            Some(StructureError::BadDate(clip(&long)))
        );
        assert_eq!(
            StructureError::read("expected a JSON object at the top level at line 1 column 1"),
            Some(StructureError::NotAnObject)
        );
        assert_eq!(StructureError::read("something new"), None);
        assert_eq!(StructureError::read("invalid type: map"), None);
        assert_eq!(
            SerdeKind::read("internally tagged enum Value"),
            SerdeKind::Object
        );
        assert_eq!(SerdeKind::read(" unit value "), SerdeKind::Null);
        assert_eq!(SerdeKind::read("a tuple"), SerdeKind::Other("a tuple"));
    }

    #[test]
    fn serde_structure_errors_are_explained() {
        let d = structure_detail(
            Lang::En,
            "invalid type: string \"5.02\", expected f64 at line 606 column 25",
        );
        assert_eq!(
            d.message,
            "Wrong type or value: expected a number, found the string \"5.02\"."
        );
        let d = structure_detail(
            Lang::Zh,
            "invalid type: null, expected a string at line 1 column 2",
        );
        assert_eq!(d.message, "类型或取值不对：应为字符串，实际为null。");
        let d = structure_detail(
            Lang::En,
            "unknown field `valeu`, expected one of `value`, `source` at line 6 column 17",
        );
        assert_eq!(d.message, "Unknown field “valeu” (is it misspelt?).");
        assert_eq!(d.expected.as_deref(), Some("one of \"value\", \"source\""));
        assert_eq!(d.found.as_deref(), Some("\"valeu\""));
        let d = structure_detail(Lang::Zh, "missing field `source`");
        assert_eq!(d.message, "缺少必填字段“source”。");
        let d = structure_detail(
            Lang::Zh,
            "`2023-02-30` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD at line 1 column 3",
        );
        assert_eq!(d.message, "“2023-02-30”不是有效日期。");
        let d = structure_detail(Lang::En, "invalid value: integer `-6`, expected u32");
        assert_eq!(d.found.as_deref(), Some("the integer -6"));
        assert_eq!(d.expected.as_deref(), Some("a whole number of 0 or more"));
        // Anything else is passed through.
        assert_eq!(
            structure_detail(Lang::Zh, "something new").message,
            "something new"
        );
    }

    #[test]
    fn serde_syntax_errors_are_explained() {
        let d = syntax_detail(Lang::Zh, "EOF while parsing an object at line 14 column 3");
        assert_eq!(d.message, "文件在 JSON 结束之前就结束了（文件被截断？）。");
        let d = syntax_detail(Lang::En, "expected `,` or `}` at line 2 column 3");
        assert_eq!(d.expected.as_deref(), Some("\",\" or \"}\""));
        assert_eq!(syntax_detail(Lang::En, "odd").message, "odd");
        assert_eq!(strip_position("x at line 3 column 4"), "x");
        assert_eq!(strip_position("at line"), "at line");
    }

    #[test]
    fn positions_are_stripped() {
        assert_eq!(strip_position("x at line 3 column 4"), "x");
        assert_eq!(strip_position("at line"), "at line");
        assert_eq!(strip_position("x at line 3"), "x at line 3");
    }
}
