//! serde_json's errors in English. Arm for arm the same shape as `zh/serde_text.rs`, and arms of
//! the same shape one after the other (the `duplicates` tool pairs both): that is the point, one
//! text per kind of error, per language, each in an exhaustive `match`.

use super::En;
use crate::i18n::{
    Detail, ErrorTexts, SerdeKind, SerdeTexts, StructureError, SyntaxError, Unknown,
};

impl SerdeTexts for En {
    fn syntax(&self, e: SyntaxError) -> (&'static str, Option<&'static str>) {
        match e {
            SyntaxError::Eof => ("The file ends before the JSON does (was it cut off?).", Some("the rest of the JSON")),
            SyntaxError::ExpectedValue => ("A value was expected here.", Some("a value: string, number, object, array, true, false or null")),
            SyntaxError::ExpectedColon => ("A colon “:” was expected here.", Some("\":\"")),
            SyntaxError::ExpectedCommaOrBrace => ("A comma “,” or a closing brace “}” was expected here.", Some("\",\" or \"}\"")),
            SyntaxError::ExpectedCommaOrBracket => ("A comma “,” or a closing bracket “]” was expected here.", Some("\",\" or \"]\"")),
            SyntaxError::ExpectedIdent => ("true, false or null was expected here.", Some("true, false or null")),
            SyntaxError::TrailingCharacters => ("There is more text after the end of the JSON.", Some("the end of the file")),
            SyntaxError::TrailingComma => ("There is a comma after the last item.", Some("no comma after the last item")),
            SyntaxError::KeyMustBeString => ("An object key must be a string in double quotes.", Some("\"key\"")),
            SyntaxError::InvalidEscape => ("A string has an invalid escape sequence.", Some("\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")),
            SyntaxError::NumberOutOfRange => ("The number is out of range: it does not fit a 64-bit floating-point number (about ±1.8 × 10^308).", Some("a JSON number such as 12.9")),
            SyntaxError::Comment => ("JSON does not allow comments (// or /* */).", Some("no comments")),
            SyntaxError::SecondByteOrderMark => ("The file starts with two byte-order marks (BOM); one at most is allowed.", Some("at most one byte-order mark")),
            SyntaxError::LoneSurrogate => ("A string has a \\u escape of a lone surrogate (such as \\ud800), which is not a character.", Some("a \\uXXXX escape of a character (a surrogate pair beyond U+FFFF)")),
            SyntaxError::InvalidNumber => ("The number is invalid or out of range.", Some("a JSON number such as 12.9")),
            SyntaxError::InvalidCodePoint => ("The file is not valid UTF-8 text (it may be in GBK).", Some("UTF-8 text")),
            SyntaxError::RecursionLimit => ("The nesting is too deep.", None),
            SyntaxError::ControlCharacter => ("A string contains an unescaped control character (such as a line break).", Some("an escape such as \\n")),
        }
    }

    fn structure(&self, e: &StructureError<'_>) -> Detail {
        let (message, expected, found) = match e {
            StructureError::WrongType { found, expected } => {
                let (f, e) = (self.kind(found), self.kind(expected));
                (
                    format!("Wrong type or value: expected {e}, found {f}."),
                    Some(e),
                    Some(f),
                )
            }
            StructureError::Unknown {
                what,
                name,
                allowed,
            } => (
                match what {
                    Unknown::Field => format!("Unknown field “{name}” (is it misspelt?)."),
                    Unknown::Variant => format!("Unknown value “{name}”."),
                },
                allowed.as_ref().map(|a| format!("one of {a}")),
                Some(format!("\"{name}\"")),
            ),
            StructureError::MissingField(name) => (
                format!("The required field “{name}” is missing."),
                Some(format!("a field \"{name}\"")),
                Some(self.no_such_field().to_string()),
            ),
            StructureError::DuplicateField(name) => (
                format!("The field “{name}” appears twice."),
                Some("each field once".into()),
                Some(format!("two \"{name}\" fields")),
            ),
            StructureError::BadDate(date) => (
                format!("“{date}” is not a valid date."),
                Some("a date of the form YYYY, YYYY-MM or YYYY-MM-DD".into()),
                Some(format!("\"{date}\"")),
            ),
            StructureError::NotAnObject => (
                "The top level of the file must be a JSON object {…}.".into(),
                Some("an object {…}".into()),
                None,
            ),
        };
        Detail {
            message,
            expected,
            found,
        }
    }

    fn kind(&self, k: &SerdeKind<'_>) -> String {
        match k {
            SerdeKind::StringValue(v) => format!("the string {v}"),
            SerdeKind::IntegerValue(v) => format!("the integer {v}"),
            SerdeKind::NumberValue(v) => format!("the number {v}"),
            SerdeKind::BooleanValue(v) => format!("the boolean {v}"),
            SerdeKind::Object => "an object {…}".into(),
            SerdeKind::Number => "a number".into(),
            SerdeKind::NonNegativeInteger => "a whole number of 0 or more".into(),
            SerdeKind::Integer => "a whole number".into(),
            SerdeKind::String => "a string".into(),
            SerdeKind::Array => "an array […]".into(),
            SerdeKind::Boolean => "true or false".into(),
            SerdeKind::Null => "null".into(),
            SerdeKind::Other(s) => s.to_string(),
        }
    }
}
