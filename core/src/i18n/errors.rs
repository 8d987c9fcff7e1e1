//! Load errors narrated for people: what went wrong and in which file, what to do next, and
//! for tools what was expected and what was found.

use super::issues::{clip, describe_issue, Detail};
use super::serde_text::{structure_detail, syntax_detail};
use crate::error::LoadError;
use crate::lang::Lang;

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

/// Describes a load error for people, in their language.
pub fn describe_error(lang: Lang, e: &LoadError) -> ErrorMessage {
    let zh = lang == Lang::Zh;
    let msg = |headline: String, advice: &str| ErrorMessage {
        headline,
        advice: advice.to_string(),
        details: Vec::new(),
    };
    match e {
        LoadError::BadSource { src } => msg(
            if zh {
                format!("数据地址“{src}”不被允许：只能加载本站的文件。")
            } else {
                format!("The data address “{src}” is not allowed: only files from this site can be loaded.")
            },
            if zh {
                "请使用以 / 开头或相对的路径，例如 ?src=/data/my.json。"
            } else {
                "Use a path on this site, such as ?src=/data/my.json."
            },
        ),
        LoadError::Network { file, detail } => msg(
            if zh {
                format!("无法连接服务器，未能下载数据文件 {file}（{detail}）。")
            } else {
                format!("Could not reach the server to download the data file {file} ({detail}).")
            },
            if zh {
                "请检查网络连接后重试。"
            } else {
                "Check the connection and try again."
            },
        ),
        LoadError::Http {
            file,
            status,
            retry_after,
        } => {
            let (zh_what, en_what) = match status {
                404 => ("文件不存在", "the file does not exist"),
                401 | 403 => ("没有访问权限", "access is not allowed"),
                503 => (
                    "服务器暂时无法处理",
                    "the server is busy or down for maintenance",
                ),
                500..=599 => ("服务器出错", "the server failed"),
                _ => ("请求失败", "the request failed"),
            };
            let mut m = msg(
                if zh {
                    format!("下载数据文件 {file} 失败：{zh_what}（HTTP {status}）。")
                } else {
                    format!("Downloading the data file {file} failed: {en_what} (HTTP {status}).")
                },
                match (zh, e.is_retryable()) {
                    (true, true) => "这可能是暂时的，请稍后重试。",
                    (true, false) => "请检查数据地址是否正确。",
                    (false, true) => "This may be temporary; try again in a moment.",
                    (false, false) => "Check that the data address is right.",
                },
            );
            if let Some(secs) = retry_after {
                m.advice = if zh {
                    format!("服务器请求在 {secs} 秒后重试。")
                } else {
                    format!("The server asks to try again in {secs} s.")
                };
            }
            m
        }
        LoadError::Timeout { file, seconds } => msg(
            if zh {
                format!("下载数据文件 {file} 超时：{seconds} 秒内服务器没有完整答复，已停止等待。")
            } else {
                format!("Downloading the data file {file} timed out: the server did not answer in full within {seconds} s, so the request was given up.")
            },
            if zh {
                "服务器可能繁忙或网络缓慢，请稍后重试。"
            } else {
                "The server may be busy or the network slow; try again in a moment."
            },
        ),
        LoadError::AppPart { file } => msg(
            if zh {
                format!("看板的一部分程序（{file}）未能加载，这部分内容暂时无法显示；其余内容不受影响。")
            } else {
                format!("Part of the dashboard's program ({file}) could not be loaded, so this part cannot be shown for now; the rest still works.")
            },
            if zh {
                "请检查网络连接后重试；如果反复出现，请联系网站管理员。"
            } else {
                "Check the connection and try again; if it keeps happening, tell the site's webmaster."
            },
        ),
        LoadError::Interrupted { file, detail } => msg(
            if zh {
                format!("数据文件 {file} 下载中断：连接在文件传完之前断开（{detail}）。")
            } else {
                format!("Downloading the data file {file} broke off: the connection closed before the whole file arrived ({detail}).")
            },
            if zh {
                "请重试；如果反复出现，请联系网站管理员。"
            } else {
                "Try again; if it keeps happening, tell the site's webmaster."
            },
        ),
        LoadError::TooLarge { file, size, limit } => {
            msg(
                {
                    // In MB, unless both round to the same: then in bytes.
                    let (s, l, unit) = if mb(*size) == mb(*limit) {
                        (
                            size.to_string(),
                            limit.to_string(),
                            if zh { "字节" } else { "bytes" },
                        )
                    } else {
                        (mb(*size), mb(*limit), "MB")
                    };
                    if zh {
                        format!("数据文件 {file} 过大：{s} {unit}，上限为 {l} {unit}。")
                    } else {
                        format!("The data file {file} is too large: {s} {unit}, the limit is {l} {unit}.")
                    }
                },
                if zh {
                    "请拆分数据文件，或只发布汇总数据。"
                } else {
                    "Split the file, or publish aggregates only."
                },
            )
        }
        LoadError::Syntax {
            file,
            line,
            column,
            detail,
        } => ErrorMessage {
            headline: if zh {
                format!("数据文件 {file} 不是有效的 JSON：第 {line} 行第 {column} 列有语法错误。")
            } else {
                format!("The data file {file} is not valid JSON: syntax error at line {line}, column {column}.")
            },
            advice: (if zh {
                "请用 JSON 校验工具修正该位置后重新发布。"
            } else {
                "Fix the file at that position and publish it again."
            })
            .to_string(),
            details: vec![(
                format!("{line}:{column}"),
                syntax_detail(lang, detail).message,
            )],
        },
        LoadError::UnsupportedVersion { file, found } => {
            let found: &str = &clip(found);
            let mut m = msg(
                match (zh, found) {
                    (true, "missing") => format!("数据文件 {file} 缺少格式版本（schema_version），本看板只支持版本 1。"),
                    (false, "missing") => format!("The data file {file} has no format version (schema_version); this dashboard reads version 1 only."),
                    (true, _) => format!("数据文件 {file} 的格式版本（schema_version）为 {found}，本看板只支持版本 1。"),
                    (false, _) => format!("The data file {file} has format version (schema_version) {found}; this dashboard reads version 1 only."),
                },
                if zh {
                    "请按版本 1 的数据格式重新导出。"
                } else {
                    "Export the file in format version 1."
                },
            );
            let at = if found == "missing" {
                "$"
            } else {
                "$.schema_version"
            };
            m.details = vec![(at.to_string(), version_detail(lang, found).message)];
            m
        }
        LoadError::Empty { .. }
        | LoadError::Encoding { .. }
        | LoadError::Html { .. }
        | LoadError::NonFiniteNumber { .. }
        | LoadError::TooDeep { .. } => unreadable_error(lang, e),
        LoadError::Structure {
            file,
            path,
            line,
            column,
            detail,
        } => {
            ErrorMessage {
                headline: if zh {
                    format!("数据文件 {file} 的结构不符合数据格式：{path}（第 {line} 行第 {column} 列）。")
                } else {
                    format!("The data file {file} does not have the structure of the data format at {path} (line {line}, column {column}).")
                },
                advice: (if zh {
                    "请对照数据格式说明修正该字段。"
                } else {
                    "Check that field against the data format description."
                })
                .to_string(),
                details: vec![(path.clone(), structure_detail(lang, detail).message)],
            }
        }
        LoadError::Invalid { file, issues } => ErrorMessage {
            headline: if zh {
                format!("数据文件 {file} 有 {} 处数值不符合规则。", issues.len())
            } else {
                format!(
                    "The data file {file} has {} value{} that break{} the rules.",
                    issues.len(),
                    if issues.len() == 1 { "" } else { "s" },
                    if issues.len() == 1 { "s" } else { "" }
                )
            },
            advice: (if zh {
                "请修正下列位置的数值后重新发布。"
            } else {
                "Correct the values at these places and publish again."
            })
            .to_string(),
            details: issues
                .iter()
                .map(|i| (i.path.clone(), describe_issue(lang, &i.kind)))
                .collect(),
        },
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

/// The headline and advice of the errors found before the JSON is read (an empty file,
/// another encoding, an HTML page) or while reading it (NaN, nesting), with
/// [`load_detail`] as the one detail.
fn unreadable_error(lang: Lang, e: &LoadError) -> ErrorMessage {
    let zh = lang == Lang::Zh;
    let (headline, advice, at) = match e {
        LoadError::Empty { file } => (
            if zh {
                format!("数据文件 {file} 是空的。")
            } else {
                format!("The data file {file} is empty.")
            },
            if zh {
                "请重新发布数据文件：其内容应是一个 JSON 对象 {…}（数据格式版本 1）。"
            } else {
                "Publish the data file again: it must hold a JSON object {…} (data format version 1)."
            },
            file.clone(),
        ),
        LoadError::Encoding { file, encoding } => (
            if zh {
                format!("数据文件 {file} 是 {} 编码，不是 UTF-8。", encoding.name())
            } else {
                format!("The data file {file} is in {}, not UTF-8.", encoding.name())
            },
            if zh {
                "请另存为 UTF-8 编码（例如在记事本或 Excel 中“另存为”并选择“UTF-8”）后重新发布。"
            } else {
                "Save it as UTF-8 (for example “Save as” in Notepad or Excel, encoding “UTF-8”) and publish it again."
            },
            file.clone(),
        ),
        LoadError::Html { file, .. } => (
            if zh {
                format!("数据文件 {file} 是一个 HTML 网页，而不是 JSON 数据。")
            } else {
                format!("The data file {file} is an HTML page, not JSON data.")
            },
            if zh {
                "服务器可能返回了错误页或登录页：请检查数据地址，或在浏览器中直接打开它查看。"
            } else {
                "The server may have sent an error or login page: check the data address, or open it in the browser to see the page."
            },
            file.clone(),
        ),
        LoadError::NonFiniteNumber {
            file,
            line,
            column,
            token,
        } => (
            if zh {
                format!("数据文件 {file} 第 {line} 行第 {column} 列有“{token}”：JSON 中没有 NaN 或 Infinity。")
            } else {
                format!("The data file {file} has “{token}” at line {line}, column {column}: JSON has no NaN or Infinity.")
            },
            if zh {
                "请写出数值；来源没有给出的数据请省略（月度序列中写 null），看板会显示“未报告”。"
            } else {
                "Write the number; leave out a figure the source does not give (in a monthly series, write null): it is shown as “not reported”."
            },
            format!("{line}:{column}"),
        ),
        LoadError::TooDeep {
            file,
            line,
            column,
            limit,
        } => (
            if zh {
                format!("数据文件 {file} 第 {line} 行第 {column} 列嵌套过深：数组和对象超过 {limit} 层。")
            } else {
                format!("The data file {file} is nested too deeply at line {line}, column {column}: more than {limit} levels of arrays and objects.")
            },
            if zh {
                "数据格式只需要不到十层嵌套：请检查生成该文件的程序。"
            } else {
                "The data format needs fewer than ten levels: check the program that wrote the file."
            },
            format!("{line}:{column}"),
        ),
        _ => return describe_error(lang, e),
    };
    ErrorMessage {
        headline,
        advice: advice.to_string(),
        details: load_detail(lang, e)
            .map(|d| vec![(at, d.message)])
            .unwrap_or_default(),
    }
}

/// What is wrong, expected and found for the errors that stop a file before or while its
/// JSON is read: [`LoadError::Empty`], [`LoadError::Encoding`], [`LoadError::Html`],
/// [`LoadError::NonFiniteNumber`], [`LoadError::TooDeep`]. `None` for the other variants,
/// which have their own (`syntax_detail`, `structure_detail`, `version_detail`, `issue_detail`).
pub fn load_detail(lang: Lang, e: &LoadError) -> Option<Detail> {
    let zh = lang == Lang::Zh;
    let t = |z: String, e: String| if zh { z } else { e };
    let object = || {
        Some(t(
            "一个 JSON 对象 {…}（数据格式版本 1）".into(),
            "a JSON object {…} (data format version 1)".into(),
        ))
    };
    Some(match e {
        LoadError::Empty { .. } => Detail {
            message: t("文件是空的。".into(), "The file is empty.".into()),
            expected: object(),
            found: Some(t("没有内容".into(), "nothing".into())),
        },
        LoadError::Encoding { encoding, .. } => {
            let family = match encoding {
                crate::TextEncoding::Utf16Le | crate::TextEncoding::Utf16Be => "UTF-16",
                crate::TextEncoding::Utf32Le | crate::TextEncoding::Utf32Be => "UTF-32",
            };
            let name = encoding.name();
            Detail {
                message: t(
                    format!("文件是 {family} 编码（{name}）：请另存为 UTF-8。"),
                    format!("The file is {family} ({name}); save it as UTF-8."),
                ),
                expected: Some(t("UTF-8 文本".into(), "UTF-8 text".into())),
                found: Some(t(format!("{name} 文本"), format!("{name} text"))),
            }
        }
        LoadError::Html { title, .. } => Detail {
            message: match title {
                Some(title) => t(
                    format!("这是一个 HTML 网页（标题为“{title}”），而不是 JSON：服务器可能返回了错误页。"),
                    format!("This is an HTML page, not JSON, titled “{title}”: the server probably sent an error page."),
                ),
                None => t(
                    "这是一个 HTML 网页，而不是 JSON：服务器可能返回了错误页。".into(),
                    "This is an HTML page, not JSON: the server probably sent an error page.".into(),
                ),
            },
            expected: object(),
            found: Some(t("HTML 网页".into(), "an HTML page".into())),
        },
        LoadError::NonFiniteNumber { token, .. } => Detail {
            message: t(
                format!("JSON 中没有 NaN 或 Infinity：“{token}”不是数字。请写出数值，或省略来源没有给出的数据（显示为“未报告”）。"),
                format!("JSON has no NaN or Infinity: “{token}” is not a number. Write the number, or leave out a figure the source does not give (shown as “not reported”)."),
            ),
            expected: Some(t(
                "数字，或省略该数据（月度序列中为 null）".into(),
                "a number, or no figure at all (null in a monthly series)".into(),
            )),
            found: Some(token.clone()),
        },
        LoadError::TooDeep { limit, .. } => Detail {
            message: t(
                format!("数组和对象嵌套过深（超过 {limit} 层）。"),
                format!("Arrays and objects are nested too deeply (more than {limit} levels)."),
            ),
            expected: Some(t(
                format!("不超过 {limit} 层嵌套"),
                format!("at most {limit} levels"),
            )),
            found: Some(t(
                format!("超过 {limit} 层"),
                format!("more than {limit} levels"),
            )),
        },
        _ => return None,
    })
}

/// Explains an unsupported format version ([`LoadError::UnsupportedVersion`]'s `found`:
/// the value as JSON text, or `missing`).
pub fn version_detail(lang: Lang, found: &str) -> Detail {
    let zh = lang == Lang::Zh;
    let found: &str = &clip(found);
    let missing = found == "missing";
    Detail {
        message: match (zh, missing) {
            (true, true) => "缺少格式版本（schema_version）。".to_string(),
            (false, true) => "The format version (schema_version) is missing.".to_string(),
            _ if found.starts_with('"') => {
                if zh {
                    format!("格式版本（schema_version）是字符串 {found}：请写成不带引号的数字 1。")
                } else {
                    format!("The format version (schema_version) is the string {found}; write the number 1 without quotes.")
                }
            }
            _ if found.parse::<f64>() == Ok(1.0) => {
                if zh {
                    format!("格式版本（schema_version）为 {found}：请写成整数 1。")
                } else {
                    format!(
                        "The format version (schema_version) is {found}; write the whole number 1."
                    )
                }
            }
            (true, false) => format!("格式版本（schema_version）为 {found}，只支持版本 1。"),
            (false, false) => format!(
                "The format version (schema_version) is {found}; only version 1 is supported."
            ),
        },
        expected: Some("\"schema_version\": 1".to_string()),
        found: Some(match (zh, missing) {
            (true, true) => "没有该字段".to_string(),
            (false, true) => "no such field".to_string(),
            _ => found.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Issue, IssueKind};

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
}
