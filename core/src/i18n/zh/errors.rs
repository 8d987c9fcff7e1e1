//! Load errors in Chinese. Arm for arm the same shape as `en/errors.rs`, and arms of the same shape
//! one after the other (the `duplicates` tool pairs both): that is the point, one text per kind of
//! error, per language, each in an exhaustive `match`.

use std::borrow::Cow;

use super::Zh;
use crate::error::LoadError;
use crate::i18n::issues::clip;
use crate::i18n::{Detail, ErrorTexts, HttpFailure, Sizes, Unreadable, VersionFound};

/// What a JSON data file must hold.
const OBJECT: &str = "一个 JSON 对象 {…}（数据格式版本 1）";

impl ErrorTexts for Zh {
    fn fetch_error(&self, e: &LoadError) -> Option<(String, Cow<'static, str>)> {
        Some(match e {
            LoadError::BadSource { src } => (
                format!("数据地址“{src}”不被允许：只能加载本站的文件。"),
                "请使用以 / 开头或相对的路径，例如 ?src=/data/my.json。".into(),
            ),
            LoadError::Network { file, detail } => (
                format!("无法连接服务器，未能下载数据文件 {file}（{detail}）。"),
                "请检查网络连接后重试。".into(),
            ),
            LoadError::Http {
                file,
                status,
                retry_after,
            } => {
                let what = match HttpFailure::of(*status) {
                    HttpFailure::NotFound => "文件不存在",
                    HttpFailure::NotAllowed => "没有访问权限",
                    HttpFailure::Unavailable => "服务器暂时无法处理",
                    HttpFailure::ServerFailed => "服务器出错",
                    HttpFailure::Failed => "请求失败",
                };
                let advice = match retry_after {
                    Some(secs) => format!("服务器请求在 {secs} 秒后重试。").into(),
                    None if e.is_retryable() => "这可能是暂时的，请稍后重试。".into(),
                    None => "请检查数据地址是否正确。".into(),
                };
                (
                    format!("下载数据文件 {file} 失败：{what}（HTTP {status}）。"),
                    advice,
                )
            }
            LoadError::Timeout { file, seconds } => (
                format!("下载数据文件 {file} 超时：{seconds} 秒内服务器没有完整答复，已停止等待。"),
                "服务器可能繁忙或网络缓慢，请稍后重试。".into(),
            ),
            LoadError::AppPart { file } => (
                format!("看板的一部分程序（{file}）未能加载，这部分内容暂时无法显示；其余内容不受影响。"),
                "请检查网络连接后重试；如果反复出现，请联系网站管理员。".into(),
            ),
            LoadError::Interrupted { file, detail } => (
                format!("数据文件 {file} 下载中断：连接在文件传完之前断开（{detail}）。"),
                "请重试；如果反复出现，请联系网站管理员。".into(),
            ),
            LoadError::TooLarge { file, size, limit } => {
                let (s, l, unit) = match Sizes::of(*size, *limit) {
                    Sizes::Mb(s, l) => (s, l, "MB"),
                    Sizes::Bytes(s, l) => (s.to_string(), l.to_string(), "字节"),
                };
                (
                    format!("数据文件 {file} 过大：{s} {unit}，上限为 {l} {unit}。"),
                    "请拆分数据文件，或只发布汇总数据。".into(),
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
                format!("数据文件 {file} 不是有效的 JSON：第 {line} 行第 {column} 列有语法错误。"),
                "请用 JSON 校验工具修正该位置后重新发布。".into(),
            ),
            LoadError::UnsupportedVersion { file, found } => (
                match VersionFound::read(&clip(found)).as_written() {
                    None => format!("数据文件 {file} 缺少格式版本（schema_version），本看板只支持版本 1。"),
                    Some(found) => format!("数据文件 {file} 的格式版本（schema_version）为 {found}，本看板只支持版本 1。"),
                },
                "请按版本 1 的数据格式重新导出。".into(),
            ),
            LoadError::Empty { file } => (
                format!("数据文件 {file} 是空的。"),
                "请重新发布数据文件：其内容应是一个 JSON 对象 {…}（数据格式版本 1）。".into(),
            ),
            LoadError::Encoding { file, encoding } => (
                format!("数据文件 {file} 是 {} 编码，不是 UTF-8。", encoding.name()),
                "请另存为 UTF-8 编码（例如在记事本或 Excel 中“另存为”并选择“UTF-8”）后重新发布。".into(),
            ),
            LoadError::Html { file, .. } => (
                format!("数据文件 {file} 是一个 HTML 网页，而不是 JSON 数据。"),
                "服务器可能返回了错误页或登录页：请检查数据地址，或在浏览器中直接打开它查看。".into(),
            ),
            LoadError::NonFiniteNumber {
                file,
                line,
                column,
                token,
            } => (
                format!("数据文件 {file} 第 {line} 行第 {column} 列有“{token}”：JSON 中没有 NaN 或 Infinity。"),
                "请写出数值；来源没有给出的数据请省略（月度序列中写 null），看板会显示“未报告”。".into(),
            ),
            LoadError::TooDeep {
                file,
                line,
                column,
                limit,
            } => (
                format!("数据文件 {file} 第 {line} 行第 {column} 列嵌套过深：数组和对象超过 {limit} 层。"),
                "数据格式只需要不到十层嵌套：请检查生成该文件的程序。".into(),
            ),
            LoadError::Structure {
                file,
                path,
                line,
                column,
                ..
            } => (
                format!("数据文件 {file} 的结构不符合数据格式：{path}（第 {line} 行第 {column} 列）。"),
                "请对照数据格式说明修正该字段。".into(),
            ),
            LoadError::Invalid { file, issues } => (
                format!("数据文件 {file} 有 {} 处数值不符合规则。", issues.len()),
                "请修正下列位置的数值后重新发布。".into(),
            ),
        })
    }

    fn unreadable(&self, u: &Unreadable<'_>) -> Detail {
        let detail = |message: String, expected: &str, found: String| Detail {
            message,
            expected: Some(expected.to_string()),
            found: Some(found),
        };
        match *u {
            Unreadable::Empty => detail("文件是空的。".into(), OBJECT, "没有内容".into()),
            Unreadable::Encoding(encoding) => {
                let (family, name) = (encoding.family(), encoding.name());
                detail(
                    format!("文件是 {family} 编码（{name}）：请另存为 UTF-8。"),
                    "UTF-8 文本",
                    format!("{name} 文本"),
                )
            }
            Unreadable::Html(title) => detail(
                match title {
                    Some(title) => format!("这是一个 HTML 网页（标题为“{title}”），而不是 JSON：服务器可能返回了错误页。"),
                    None => "这是一个 HTML 网页，而不是 JSON：服务器可能返回了错误页。".into(),
                },
                OBJECT,
                "HTML 网页".into(),
            ),
            Unreadable::NonFiniteNumber(token) => detail(
                format!("JSON 中没有 NaN 或 Infinity：“{token}”不是数字。请写出数值，或省略来源没有给出的数据（显示为“未报告”）。"),
                "数字，或省略该数据（月度序列中为 null）",
                token.to_string(),
            ),
            Unreadable::TooDeep(limit) => Detail {
                message: format!("数组和对象嵌套过深（超过 {limit} 层）。"),
                expected: Some(format!("不超过 {limit} 层嵌套")),
                found: Some(format!("超过 {limit} 层")),
            },
        }
    }

    fn version(&self, v: &VersionFound<'_>) -> String {
        match *v {
            VersionFound::Missing => "缺少格式版本（schema_version）。".to_string(),
            VersionFound::String(found) => {
                format!("格式版本（schema_version）是字符串 {found}：请写成不带引号的数字 1。")
            }
            VersionFound::NotWhole(found) => {
                format!("格式版本（schema_version）为 {found}：请写成整数 1。")
            }
            VersionFound::Other(found) => {
                format!("格式版本（schema_version）为 {found}，只支持版本 1。")
            }
        }
    }

    fn no_such_field(&self) -> &'static str {
        "没有该字段"
    }
}
