//! Chinese (default) and English: one typed table per language, and the messages that take
//! values (errors, figures) as functions of the language.

use crate::error::{IssueKind, LoadError};
use crate::model::{Family, Polarity, Text, Unit};

/// A display language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, default first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`, also accepting `zh-CN`, `zh-Hans`, `en-US` and the like.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The fixed texts of the interface.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// Picks the text for this language; English falls back to Chinese.
    pub fn pick(self, t: &Text) -> &str {
        match (self, &t.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &t.zh,
        }
    }

    /// Whether [`Lang::pick`] had to fall back to Chinese for English.
    pub fn falls_back(self, t: &Text) -> bool {
        self == Lang::En && t.en.as_deref().is_none_or(|e| e.trim().is_empty())
    }
}

/// Fixed interface texts.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct Strings {
    pub app_title: &'static str,
    pub language: &'static str,
    pub other_language: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
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
}

/// Chinese texts.
pub const ZH: Strings = Strings {
    app_title: "枫桥式公安派出所成效看板",
    language: "语言",
    other_language: "English",
    loading: "正在加载数据…",
    retry: "重试",
    directory: "派出所名录",
    directory_caption: "各派出所及其各方面的首要指标。点击派出所名称查看详细成效。",
    station: "派出所",
    region: "地区",
    back_to_directory: "返回名录",
    profile: "基本情况",
    area: "辖区面积",
    population: "实有人口",
    officers: "民警",
    auxiliary_officers: "辅警",
    founded: "建所时间",
    parent_bureau: "上级公安机关",
    not_reported: "未报告",
    figure: "指标",
    value: "数值",
    period: "统计期间",
    baseline: "比较基准",
    source: "来源",
    sources: "资料来源",
    scope: "范围",
    quote: "原文",
    no_figures_in_family: "该方面未报告数据。",
    synthetic_banner: "合成数据：本数据集由程序生成，仅供测试，不代表任何真实派出所。",
    published_by: "发布方",
    generated: "生成时间",
    source_date_unknown: "日期未注明",
    no_link: "无在线链接",
    unknown_station: "数据中没有该派出所",
    error_title: "无法显示数据",
    error_where: "位置",
    more_issues: "其余问题",
    higher_is_better: "越高越好",
    lower_is_better: "越低越好",
    english_name_missing: "",
    figures_count: "项数据",
    view_scorecard: "查看成效",
    warnings: "数据警告（不影响显示）",
};

/// English texts.
pub const EN: Strings = Strings {
    app_title: "Fengqiao-style police stations: scorecards",
    language: "Language",
    other_language: "中文",
    loading: "Loading data…",
    retry: "Retry",
    directory: "Station directory",
    directory_caption: "Each station with its headline figure per area of work. Choose a station to see its scorecard.",
    station: "Station",
    region: "Region",
    back_to_directory: "Back to directory",
    profile: "Profile",
    area: "Area",
    population: "Population",
    officers: "Police officers",
    auxiliary_officers: "Auxiliary officers",
    founded: "Founded",
    parent_bureau: "Parent bureau",
    not_reported: "not reported",
    figure: "Figure",
    value: "Value",
    period: "Period",
    baseline: "Baseline",
    source: "Source",
    sources: "Sources",
    scope: "Scope",
    quote: "Original text",
    no_figures_in_family: "No figures reported in this area.",
    synthetic_banner: "Synthetic data: generated by a program for testing; it describes no real station.",
    published_by: "Published by",
    generated: "Generated",
    source_date_unknown: "date not given",
    no_link: "no online link",
    unknown_station: "This station is not in the data",
    error_title: "The data cannot be shown",
    error_where: "Where",
    more_issues: "Further problems",
    higher_is_better: "higher is better",
    lower_is_better: "lower is better",
    english_name_missing: "(Chinese only)",
    figures_count: "figures",
    view_scorecard: "View scorecard",
    warnings: "Data warnings (the data is still shown)",
};

/// Name of a family (panel title).
pub fn family_name(lang: Lang, f: Family) -> &'static str {
    match (lang, f) {
        (Lang::Zh, Family::Incidents) => "警情与案件",
        (Lang::Zh, Family::Mediation) => "矛盾纠纷调解",
        (Lang::Zh, Family::GroupCoverage) => "群防群治与群组覆盖",
        (Lang::Zh, Family::Fraud) => "电信网络诈骗",
        (Lang::Zh, Family::Other) => "其他",
        (Lang::En, Family::Incidents) => "Incidents and cases",
        (Lang::En, Family::Mediation) => "Dispute mediation",
        (Lang::En, Family::GroupCoverage) => "Community groups and coverage",
        (Lang::En, Family::Fraud) => "Telecom fraud",
        (Lang::En, Family::Other) => "Other",
    }
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

/// Name of a unit, for messages.
pub fn unit_name(lang: Lang, u: Unit) -> &'static str {
    match (lang, u) {
        (Lang::Zh, Unit::Count) => "数量",
        (Lang::Zh, Unit::People) => "人数",
        (Lang::Zh, Unit::PersonTimes) => "人次",
        (Lang::Zh, Unit::Percent) => "百分比",
        (Lang::Zh, Unit::PercentagePoints) => "百分点",
        (Lang::Zh, Unit::Yuan) => "元",
        (Lang::En, Unit::Count) => "count",
        (Lang::En, Unit::People) => "people",
        (Lang::En, Unit::PersonTimes) => "person-times",
        (Lang::En, Unit::Percent) => "percent",
        (Lang::En, Unit::PercentagePoints) => "percentage points",
        (Lang::En, Unit::Yuan) => "yuan",
    }
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
        LoadError::Http { file, status } => {
            let (zh_what, en_what) = match status {
                404 => ("文件不存在", "the file does not exist"),
                401 | 403 => ("没有访问权限", "access is not allowed"),
                500..=599 => ("服务器出错", "the server failed"),
                _ => ("请求失败", "the request failed"),
            };
            msg(
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
            )
        }
        LoadError::TooLarge { file, size, limit } => msg(
            if zh {
                format!(
                    "数据文件 {file} 过大：{} MB，上限为 {} MB。",
                    mb(*size),
                    mb(*limit)
                )
            } else {
                format!(
                    "The data file {file} is too large: {} MB, the limit is {} MB.",
                    mb(*size),
                    mb(*limit)
                )
            },
            if zh {
                "请拆分数据文件，或只发布汇总数据。"
            } else {
                "Split the file, or publish aggregates only."
            },
        ),
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
            details: vec![(format!("{line}:{column}"), detail.clone())],
        },
        LoadError::UnsupportedVersion { file, found } => {
            msg(
                if zh {
                    format!("数据文件 {file} 的格式版本（schema_version）为 {found}，本看板只支持版本 1。")
                } else {
                    format!("The data file {file} has format version (schema_version) {found}; this dashboard reads version 1 only.")
                },
                if zh {
                    "请按版本 1 的数据格式重新导出。"
                } else {
                    "Export the file in format version 1."
                },
            )
        }
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
                details: vec![(path.clone(), detail.clone())],
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

/// Describes one broken rule.
pub fn describe_issue(lang: Lang, k: &IssueKind) -> String {
    let zh = lang == Lang::Zh;
    let num = |v: f64| crate::format::plain_number(v);
    match k {
        IssueKind::BadId { id } => if zh { format!("标识“{id}”无效：只能使用小写字母、数字、下划线和连字符。") } else { format!("The id “{id}” is invalid: use lower-case letters, digits, _ and - only.") },
        IssueKind::DuplicateId { id } => if zh { format!("标识“{id}”重复。") } else { format!("The id “{id}” is used twice.") },
        IssueKind::UnknownMetric { id } => if zh { format!("指标“{id}”不在指标目录中。") } else { format!("The metric “{id}” is not in the metric catalogue.") },
        IssueKind::UnknownSource { id } => if zh { format!("来源“{id}”不在来源列表中。") } else { format!("The source “{id}” is not in the source list.") },
        IssueKind::PercentOutOfRange { value } => if zh { format!("比率为 {}%，超出 0–100% 的范围。", num(*value)) } else { format!("A rate of {}% is outside 0–100%.", num(*value)) },
        IssueKind::DeclineBeyondAll { value } => if zh { format!("下降 {}% 不可能：下降幅度不能超过 100%。", num(-value)) } else { format!("A decline of {}% is impossible: nothing falls by more than 100%.", num(-value)) },
        IssueKind::Negative { value } => if zh { format!("数量为 {}，不能为负数。", num(*value)) } else { format!("A count of {} cannot be negative.", num(*value)) },
        IssueKind::UnitMismatch { metric_unit, found, change } => {
            match (zh, change) {
                (true, false) => format!("单位“{}”与指标的单位“{}”不符。", unit_name(lang, *found), unit_name(lang, *metric_unit)),
                (true, true) => format!("变化值的单位“{}”与指标（单位“{}”）不符：应为百分比、百分点或指标本身的单位。", unit_name(lang, *found), unit_name(lang, *metric_unit)),
                (false, false) => format!("The unit “{}” does not match the metric's unit “{}”.", unit_name(lang, *found), unit_name(lang, *metric_unit)),
                (false, true) => format!("A change in “{}” does not fit a metric in “{}”: use percent, percentage points or the metric's unit.", unit_name(lang, *found), unit_name(lang, *metric_unit)),
            }
        }
        IssueKind::PeriodReversed { start, end } => if zh { format!("期间结束（{end}）早于开始（{start}）。") } else { format!("The period ends ({end}) before it starts ({start}).") },
        IssueKind::NotHttpUrl { url } => if zh { format!("链接“{url}”不是 http 或 https 地址。") } else { format!("The link “{url}” is not an http or https address.") },
        IssueKind::BadTimestamp { text } => if zh { format!("“{text}”不是 RFC 3339 时间（例如 2026-11-23T08:00:00+08:00）。") } else { format!("“{text}” is not an RFC 3339 time (such as 2026-11-23T08:00:00+08:00).") },
        IssueKind::EmptyText => (if zh { "文字不能为空。" } else { "The text must not be empty." }).to_string(),
        IssueKind::SeriesNotMonthly { start } => if zh { format!("月度序列的起始“{start}”应为年月（YYYY-MM）。") } else { format!("A monthly series must start on a month (YYYY-MM), not “{start}”.") },
        IssueKind::SeriesLengthMismatch { values, status } => if zh { format!("有 {values} 个数值，却有 {status} 个状态。") } else { format!("There are {values} values but {status} statuses.") },
        IssueKind::StatusMismatch => (if zh { "状态与数值不符：缺失（missing）的数值必须为 null，反之亦然。" } else { "Status and value disagree: a missing value must be null, and a null value must be missing." }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Issue;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn english_falls_back_to_chinese() {
        let t = Text {
            zh: "梅江".into(),
            en: None,
        };
        assert_eq!(Lang::En.pick(&t), "梅江");
        assert!(Lang::En.falls_back(&t));
        assert!(!Lang::Zh.falls_back(&t));
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
        };
        let e503 = LoadError::Http {
            file: "a.json".into(),
            status: 503,
        };
        assert!(!e404.is_retryable());
        assert!(e503.is_retryable());
        assert!(describe_error(Lang::En, &e404)
            .headline
            .contains("does not exist"));
        assert!(describe_error(Lang::Zh, &e503).advice.contains("重试"));
    }
}
