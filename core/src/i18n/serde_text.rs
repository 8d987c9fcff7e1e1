//! serde_json's error texts (English, written for programmers) read back and said for people
//! in either language, with what was expected and what was found.
//!
//! The texts matched here are serde_json's and serde's own wording, which is not an API: the
//! tests below pin the serde_json version they were written against (read from Cargo.lock),
//! so an upgrade that may change a wording fails here first and gets its texts checked.

use super::issues::{clip, Detail};
use crate::lang::Lang;

/// Removes serde_json's " at line L column C" from the end of an error's text.
pub fn strip_position(detail: &str) -> &str {
    match detail.rfind(" at line ") {
        Some(i) if detail[i..].contains(" column ") => &detail[..i],
        _ => detail,
    }
}

/// Explains a structure error ([`LoadError::Structure`]'s `detail`, from serde) in `lang`,
/// with what was expected and what was found.
pub fn structure_detail(lang: Lang, detail: &str) -> Detail {
    let zh = lang == Lang::Zh;
    let d = strip_position(detail);
    let done = |message: String, expected: Option<String>, found: Option<String>| Detail {
        message,
        expected,
        found,
    };
    if let Some(rest) = d
        .strip_prefix("invalid type: ")
        .or_else(|| d.strip_prefix("invalid value: "))
    {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let (f, e) = (serde_kind(lang, found), serde_kind(lang, expected));
            return if zh {
                done(
                    format!("类型或取值不对：应为{e}，实际为{f}。"),
                    Some(e),
                    Some(f),
                )
            } else {
                done(
                    format!("Wrong type or value: expected {e}, found {f}."),
                    Some(e),
                    Some(f),
                )
            };
        }
    }
    for (prefix, kind) in [("unknown field ", "field"), ("unknown variant ", "variant")] {
        if let Some(rest) = d.strip_prefix(prefix) {
            let (name, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let name = &clip(name.trim_matches('`'));
            let allowed = allowed.trim_start_matches("one of ").replace('`', "\"");
            let allowed = if allowed.is_empty() || allowed == "there are no fields" {
                None
            } else {
                Some(allowed)
            };
            let message = match (zh, kind) {
                (true, "field") => format!("未知字段“{name}”（字段名是否拼错？）。"),
                (true, _) => format!("未知取值“{name}”。"),
                (false, "field") => format!("Unknown field “{name}” (is it misspelt?)."),
                (false, _) => format!("Unknown value “{name}”."),
            };
            let expected = allowed.map(|a| {
                if zh {
                    format!("以下之一：{a}")
                } else {
                    format!("one of {a}")
                }
            });
            return done(message, expected, Some(format!("\"{name}\"")));
        }
    }
    if let Some(rest) = d.strip_prefix("missing field ") {
        let name = rest.trim_matches('`');
        return if zh {
            done(
                format!("缺少必填字段“{name}”。"),
                Some(format!("字段 \"{name}\"")),
                Some("没有该字段".into()),
            )
        } else {
            done(
                format!("The required field “{name}” is missing."),
                Some(format!("a field \"{name}\"")),
                Some("no such field".into()),
            )
        };
    }
    if let Some(rest) = d.strip_prefix("duplicate field ") {
        let name = rest.trim_matches('`');
        return if zh {
            done(
                format!("字段“{name}”出现了两次。"),
                Some("每个字段只出现一次".into()),
                Some(format!("两个 \"{name}\"")),
            )
        } else {
            done(
                format!("The field “{name}” appears twice."),
                Some("each field once".into()),
                Some(format!("two \"{name}\" fields")),
            )
        };
    }
    if let Some(date) = d
        .strip_prefix('`')
        .and_then(|r| r.strip_suffix("` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"))
    {
        let date = &clip(date);
        return if zh {
            done(
                format!("“{date}”不是有效日期。"),
                Some("YYYY、YYYY-MM 或 YYYY-MM-DD 形式的日期".into()),
                Some(format!("\"{date}\"")),
            )
        } else {
            done(
                format!("“{date}” is not a valid date."),
                Some("a date of the form YYYY, YYYY-MM or YYYY-MM-DD".into()),
                Some(format!("\"{date}\"")),
            )
        };
    }
    if d == "expected a JSON object at the top level" {
        return if zh {
            done(
                "文件的最外层应是一个 JSON 对象 {…}。".into(),
                Some("对象 {…}".into()),
                None,
            )
        } else {
            done(
                "The top level of the file must be a JSON object {…}.".into(),
                Some("an object {…}".into()),
                None,
            )
        };
    }
    done(d.to_string(), None, None)
}

/// serde's names of kinds of values (`string "x"`, `f64`, `struct Text`), for people.
fn serde_kind(lang: Lang, s: &str) -> String {
    let zh = lang == Lang::Zh;
    let s = s.trim();
    if let Some(v) = s.strip_prefix("string ") {
        let v = &clip(v);
        return if zh {
            format!("字符串 {v}")
        } else {
            format!("the string {v}")
        };
    }
    for (prefix, zh_name, en_name) in [
        ("integer ", "整数", "the integer"),
        ("floating point ", "数字", "the number"),
        ("boolean ", "布尔值", "the boolean"),
    ] {
        if let Some(v) = s.strip_prefix(prefix) {
            let v = v.trim_matches('`');
            return if zh {
                format!("{zh_name} {v}")
            } else {
                format!("{en_name} {v}")
            };
        }
    }
    if s.starts_with("struct ") || s.starts_with("internally tagged enum") || s == "map" {
        return (if zh {
            "对象 {…}"
        } else {
            "an object {…}"
        })
        .to_string();
    }
    let (z, e) = match s {
        "f64" | "f32" => ("数字", "a number"),
        "u32" | "u64" | "usize" | "u8" | "u16" => ("非负整数", "a whole number of 0 or more"),
        "i32" | "i64" => ("整数", "a whole number"),
        "a string" | "a borrowed string" | "string" => ("字符串", "a string"),
        "a sequence" | "sequence" => ("数组 […]", "an array […]"),
        "a boolean" | "bool" => ("布尔值（true 或 false）", "true or false"),
        "null" | "unit value" => ("null", "null"),
        _ => return s.to_string(),
    };
    (if zh { z } else { e }).to_string()
}

/// Explains a JSON syntax error ([`LoadError::Syntax`]'s `detail`, from serde) in `lang`.
pub fn syntax_detail(lang: Lang, detail: &str) -> Detail {
    let zh = lang == Lang::Zh;
    let d = strip_position(detail);
    let (z, e, expected): (&str, &str, Option<(&str, &str)>) = match d {
        _ if d.starts_with("EOF while parsing") => (
            "文件在 JSON 结束之前就结束了（文件被截断？）。",
            "The file ends before the JSON does (was it cut off?).",
            Some(("完整的 JSON", "the rest of the JSON")),
        ),
        "expected value" => (
            "此处应为一个值。",
            "A value was expected here.",
            Some((
                "值：字符串、数字、对象、数组、true、false 或 null",
                "a value: string, number, object, array, true, false or null",
            )),
        ),
        "expected `:`" => (
            "此处应为冒号“:”。",
            "A colon “:” was expected here.",
            Some(("\":\"", "\":\"")),
        ),
        "expected `,` or `}`" => (
            "此处应为逗号“,”或右花括号“}”。",
            "A comma “,” or a closing brace “}” was expected here.",
            Some(("\",\" 或 \"}\"", "\",\" or \"}\"")),
        ),
        "expected `,` or `]`" => (
            "此处应为逗号“,”或右方括号“]”。",
            "A comma “,” or a closing bracket “]” was expected here.",
            Some(("\",\" 或 \"]\"", "\",\" or \"]\"")),
        ),
        "expected ident" => (
            "此处应为 true、false 或 null。",
            "true, false or null was expected here.",
            Some(("true、false 或 null", "true, false or null")),
        ),
        "trailing characters" => (
            "JSON 结束后还有多余的字符。",
            "There is more text after the end of the JSON.",
            Some(("文件结束", "the end of the file")),
        ),
        "trailing comma" => (
            "最后一项之后多了逗号。",
            "There is a comma after the last item.",
            Some(("没有多余的逗号", "no comma after the last item")),
        ),
        "key must be a string" => (
            "对象的键必须是带双引号的字符串。",
            "An object key must be a string in double quotes.",
            Some(("\"key\"", "\"key\"")),
        ),
        "invalid escape" => (
            "字符串中有无效的转义序列。",
            "A string has an invalid escape sequence.",
            Some((
                "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
            )),
        ),
        "number out of range" => (
            "数字超出范围：超出了 64 位浮点数所能表示的范围（约 ±1.8×10^308）。",
            "The number is out of range: it does not fit a 64-bit floating-point number (about ±1.8 × 10^308).",
            Some(("一个 JSON 数字，例如 12.9", "a JSON number such as 12.9")),
        ),
        "comments are not allowed in JSON" => (
            "JSON 中不能有注释（// 或 /* */）。",
            "JSON does not allow comments (// or /* */).",
            Some(("没有注释", "no comments")),
        ),
        "a second byte-order mark" => (
            "文件开头有两个字节顺序标记（BOM）：只能有一个。",
            "The file starts with two byte-order marks (BOM); one at most is allowed.",
            Some(("至多一个字节顺序标记", "at most one byte-order mark")),
        ),
        "lone surrogate escape" | "lone leading surrogate in hex escape" => (
            "字符串中有孤立代理项的 \\u 转义（例如 \\ud800），它不是字符。",
            "A string has a \\u escape of a lone surrogate (such as \\ud800), which is not a character.",
            Some((
                "字符的 \\uXXXX 转义（U+FFFF 以上的字符用一对代理项）",
                "a \\uXXXX escape of a character (a surrogate pair beyond U+FFFF)",
            )),
        ),
        "invalid number" => (
            "数字无效或超出范围。",
            "The number is invalid or out of range.",
            Some(("一个 JSON 数字，例如 12.9", "a JSON number such as 12.9")),
        ),
        "invalid unicode code point" => (
            "文件不是有效的 UTF-8 文本（可能是 GBK 编码）。",
            "The file is not valid UTF-8 text (it may be in GBK).",
            Some(("UTF-8 文本", "UTF-8 text")),
        ),
        "recursion limit exceeded" => ("嵌套层次过深。", "The nesting is too deep.", None),
        _ if d.starts_with("control character") => (
            "字符串中有未转义的控制字符（例如换行）。",
            "A string contains an unescaped control character (such as a line break).",
            Some(("\\n 等转义序列", "an escape such as \\n")),
        ),
        _ => {
            return Detail {
                message: d.to_string(),
                expected: None,
                found: None,
            }
        }
    };
    Detail {
        message: (if zh { z } else { e }).to_string(),
        expected: expected.map(|(z, e)| (if zh { z } else { e }).to_string()),
        found: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
