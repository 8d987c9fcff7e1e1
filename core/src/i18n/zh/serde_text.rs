//! serde_json's errors in Chinese. Arm for arm the same shape as `en/serde_text.rs`, and arms of
//! the same shape one after the other (the `duplicates` tool pairs both): that is the point, one
//! text per kind of error, per language, each in an exhaustive `match`.

use super::Zh;
use crate::i18n::{
    Detail, ErrorTexts, SerdeKind, SerdeTexts, StructureError, SyntaxError, Unknown,
};

impl SerdeTexts for Zh {
    fn syntax(&self, e: SyntaxError) -> (&'static str, Option<&'static str>) {
        match e {
            SyntaxError::Eof => (
                "文件在 JSON 结束之前就结束了（文件被截断？）。",
                Some("完整的 JSON"),
            ),
            SyntaxError::ExpectedValue => (
                "此处应为一个值。",
                Some("值：字符串、数字、对象、数组、true、false 或 null"),
            ),
            SyntaxError::ExpectedColon => ("此处应为冒号“:”。", Some("\":\"")),
            SyntaxError::ExpectedCommaOrBrace => {
                ("此处应为逗号“,”或右花括号“}”。", Some("\",\" 或 \"}\""))
            }
            SyntaxError::ExpectedCommaOrBracket => {
                ("此处应为逗号“,”或右方括号“]”。", Some("\",\" 或 \"]\""))
            }
            SyntaxError::ExpectedIdent => (
                "此处应为 true、false 或 null。",
                Some("true、false 或 null"),
            ),
            SyntaxError::TrailingCharacters => ("JSON 结束后还有多余的字符。", Some("文件结束")),
            SyntaxError::TrailingComma => ("最后一项之后多了逗号。", Some("没有多余的逗号")),
            SyntaxError::KeyMustBeString => ("对象的键必须是带双引号的字符串。", Some("\"key\"")),
            SyntaxError::InvalidEscape => (
                "字符串中有无效的转义序列。",
                Some("\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
            ),
            SyntaxError::NumberOutOfRange => (
                "数字超出范围：超出了 64 位浮点数所能表示的范围（约 ±1.8×10^308）。",
                Some("一个 JSON 数字，例如 12.9"),
            ),
            SyntaxError::Comment => ("JSON 中不能有注释（// 或 /* */）。", Some("没有注释")),
            SyntaxError::SecondByteOrderMark => (
                "文件开头有两个字节顺序标记（BOM）：只能有一个。",
                Some("至多一个字节顺序标记"),
            ),
            SyntaxError::LoneSurrogate => (
                "字符串中有孤立代理项的 \\u 转义（例如 \\ud800），它不是字符。",
                Some("字符的 \\uXXXX 转义（U+FFFF 以上的字符用一对代理项）"),
            ),
            SyntaxError::InvalidNumber => {
                ("数字无效或超出范围。", Some("一个 JSON 数字，例如 12.9"))
            }
            SyntaxError::InvalidCodePoint => (
                "文件不是有效的 UTF-8 文本（可能是 GBK 编码）。",
                Some("UTF-8 文本"),
            ),
            SyntaxError::RecursionLimit => ("嵌套层次过深。", None),
            SyntaxError::ControlCharacter => (
                "字符串中有未转义的控制字符（例如换行）。",
                Some("\\n 等转义序列"),
            ),
        }
    }

    fn structure(&self, e: &StructureError<'_>) -> Detail {
        let (message, expected, found) = match e {
            StructureError::WrongType { found, expected } => {
                let (f, e) = (self.kind(found), self.kind(expected));
                (
                    format!("类型或取值不对：应为{e}，实际为{f}。"),
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
                    Unknown::Field => format!("未知字段“{name}”（字段名是否拼错？）。"),
                    Unknown::Variant => format!("未知取值“{name}”。"),
                },
                allowed.as_ref().map(|a| format!("以下之一：{a}")),
                Some(format!("\"{name}\"")),
            ),
            StructureError::MissingField(name) => (
                format!("缺少必填字段“{name}”。"),
                Some(format!("字段 \"{name}\"")),
                Some(self.no_such_field().to_string()),
            ),
            StructureError::DuplicateField(name) => (
                format!("字段“{name}”出现了两次。"),
                Some("每个字段只出现一次".into()),
                Some(format!("两个 \"{name}\"")),
            ),
            StructureError::BadDate(date) => (
                format!("“{date}”不是有效日期。"),
                Some("YYYY、YYYY-MM 或 YYYY-MM-DD 形式的日期".into()),
                Some(format!("\"{date}\"")),
            ),
            StructureError::NotAnObject => (
                "文件的最外层应是一个 JSON 对象 {…}。".into(),
                Some("对象 {…}".into()),
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
            SerdeKind::StringValue(v) => format!("字符串 {v}"),
            SerdeKind::IntegerValue(v) => format!("整数 {v}"),
            SerdeKind::NumberValue(v) => format!("数字 {v}"),
            SerdeKind::BooleanValue(v) => format!("布尔值 {v}"),
            SerdeKind::Object => "对象 {…}".into(),
            SerdeKind::Number => "数字".into(),
            SerdeKind::NonNegativeInteger => "非负整数".into(),
            SerdeKind::Integer => "整数".into(),
            SerdeKind::String => "字符串".into(),
            SerdeKind::Array => "数组 […]".into(),
            SerdeKind::Boolean => "布尔值（true 或 false）".into(),
            SerdeKind::Null => "null".into(),
            SerdeKind::Other(s) => s.to_string(),
        }
    }
}
