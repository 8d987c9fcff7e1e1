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
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub crash_reload: &'static str,
    pub crash_details: &'static str,
    /// `{n}` is replaced by the number of seconds.
    pub retrying_in: &'static str,
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
    pub nav_label: &'static str,
    pub nav_directory: &'static str,
    pub nav_compare: &'static str,
    pub nav_rank: &'static str,
    pub compare_title: &'static str,
    pub compare_hint: &'static str,
    pub compare_add: &'static str,
    pub compare_remove: &'static str,
    pub compare_with: &'static str,
    pub compare_too_few: &'static str,
    pub best: &'static str,
    pub not_comparable: &'static str,
    pub row_not_ranked: &'static str,
    pub gap_to_best: &'static str,
    pub rank_title: &'static str,
    pub metric: &'static str,
    pub measure: &'static str,
    pub measure_level: &'static str,
    pub measure_change: &'static str,
    pub normalise: &'static str,
    pub all_provinces: &'static str,
    pub peer_group: &'static str,
    pub all_bands: &'static str,
    pub search: &'static str,
    pub rank: &'static str,
    pub percentile: &'static str,
    pub percentile_note: &'static str,
    pub not_comparable_title: &'static str,
    pub not_reported_title: &'static str,
    pub no_denominator: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub unranked: &'static str,
    pub denominator: &'static str,
    /// The headline band's accessible name.
    pub headline: &'static str,
    /// A change that is good news by the metric's polarity.
    pub trend_better: &'static str,
    /// A change that is bad news by the metric's polarity.
    pub trend_worse: &'static str,
}

/// Chinese texts.
pub const ZH: Strings = Strings {
    app_title: "枫桥式公安派出所成效看板",
    language: "语言",
    other_language: "English",
    loading: "正在加载数据…",
    retry: "重试",
    crash_title: "看板出现内部错误",
    crash_text: "看板因程序错误停止运行，页面其他部分不受影响。请重新加载页面；如果问题反复出现，请告知网站管理员。",
    crash_reload: "重新加载页面",
    crash_details: "技术细节",
    retrying_in: "将在 {n} 秒后自动重试。",
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
    nav_label: "视图",
    nav_directory: "名录",
    nav_compare: "对比",
    nav_rank: "排行",
    compare_title: "派出所对比",
    compare_hint:
        "选择 2 至 6 个派出所并排比较。统计期间、比较基准或口径不同的数据会标出，不参与排名。",
    compare_add: "添加派出所",
    compare_remove: "移除",
    compare_with: "加入对比",
    compare_too_few: "请至少选择两个派出所。",
    best: "最佳",
    not_comparable: "口径不同",
    row_not_ranked: "口径不一，不排名",
    gap_to_best: "与最佳相差",
    rank_title: "排行榜",
    metric: "指标",
    measure: "数据类型",
    measure_level: "数值",
    measure_change: "变化",
    normalise: "换算",
    all_provinces: "全部省份",
    peer_group: "人口规模",
    all_bands: "全部规模",
    search: "搜索派出所（名称或标识）",
    rank: "名次",
    percentile: "百分位",
    percentile_note: "百分位表示优于同组可比派出所的比例，仅在至少 5 个派出所有可比数据时给出。",
    not_comparable_title: "口径不同，未参与排名",
    not_reported_title: "未报告该指标",
    no_denominator: "缺少换算所需的基本情况数据",
    download_csv: "下载 CSV",
    download_json: "下载 JSON",
    unranked: "不排名",
    denominator: "换算基数",
    headline: "关键指标",
    trend_better: "向好",
    trend_worse: "变差",
};

/// English texts.
pub const EN: Strings = Strings {
    app_title: "Fengqiao-style police stations: scorecards",
    language: "Language",
    other_language: "中文",
    loading: "Loading data…",
    retry: "Retry",
    crash_title: "The dashboard hit an internal error",
    crash_text: "The dashboard stopped because of a bug; the rest of the page is not affected. Reload the page; if it happens again, tell the site's webmaster.",
    crash_reload: "Reload the page",
    crash_details: "Technical details",
    retrying_in: "Retrying automatically in {n} s.",
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
    nav_label: "Views",
    nav_directory: "Directory",
    nav_compare: "Compare",
    nav_rank: "Rankings",
    compare_title: "Compare stations",
    compare_hint: "Choose 2 to 6 stations to put side by side. Figures that differ in period, baseline or basis are flagged and not ranked.",
    compare_add: "Add a station",
    compare_remove: "Remove",
    compare_with: "Add to comparison",
    compare_too_few: "Choose at least two stations.",
    best: "best",
    not_comparable: "not comparable",
    row_not_ranked: "different bases, not ranked",
    gap_to_best: "gap to best",
    rank_title: "League table",
    metric: "Metric",
    measure: "Figure type",
    measure_level: "Value",
    measure_change: "Change",
    normalise: "Per",
    all_provinces: "All provinces",
    peer_group: "Population",
    all_bands: "All sizes",
    search: "Search stations (name or id)",
    rank: "Rank",
    percentile: "Percentile",
    percentile_note: "The percentile is the share of comparable stations in the group that this one does better than; it is given only when at least 5 stations have comparable figures.",
    not_comparable_title: "Not comparable, not ranked",
    not_reported_title: "Not reported",
    no_denominator: "the profile figure needed is missing",
    download_csv: "Download CSV",
    download_json: "Download JSON",
    unranked: "not ranked",
    denominator: "Denominator",
    headline: "Key figures",
    trend_better: "better",
    trend_worse: "worse",
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

/// Says that a figure was computed from monthly series, and over which months.
pub fn computed_note(lang: Lang, c: &crate::series::Computed) -> String {
    let d = |p: &crate::PartialDate| crate::format::date(lang, p);
    match lang {
        Lang::Zh => format!(
            "据月度数据计算：{}至{} 对比 {}至{}{}",
            d(&c.current.0),
            d(&c.current.1),
            d(&c.previous.0),
            d(&c.previous.1),
            if c.estimated {
                "（含估计值）"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "computed from monthly data: {} to {} vs {} to {}{}",
            d(&c.current.0),
            d(&c.current.1),
            d(&c.previous.0),
            d(&c.previous.1),
            if c.estimated {
                " (includes estimates)"
            } else {
                ""
            }
        ),
    }
}

/// Name of a normalisation choice.
pub fn normalisation_name(lang: Lang, n: crate::compare::Normalisation) -> &'static str {
    use crate::compare::Normalisation as N;
    match (lang, n) {
        (Lang::Zh, N::None) => "不换算（原始数值）",
        (Lang::Zh, N::Per10kResidents) => "每万名实有人口",
        (Lang::Zh, N::PerOfficer) => "每名民警",
        (Lang::Zh, N::PerAuxiliaryOfficer) => "每名辅警",
        (Lang::Zh, N::PerKm2) => "每平方公里",
        (Lang::En, N::None) => "as reported",
        (Lang::En, N::Per10kResidents) => "per 10,000 residents",
        (Lang::En, N::PerOfficer) => "per police officer",
        (Lang::En, N::PerAuxiliaryOfficer) => "per auxiliary officer",
        (Lang::En, N::PerKm2) => "per km²",
    }
}

/// Name of a population band.
pub fn band_name(lang: Lang, b: crate::compare::PopulationBand) -> &'static str {
    use crate::compare::PopulationBand as B;
    match (lang, b) {
        (Lang::Zh, B::Under50k) => "5万人以下",
        (Lang::Zh, B::From50kTo100k) => "5万至10万人",
        (Lang::Zh, B::From100kTo200k) => "10万至20万人",
        (Lang::Zh, B::Over200k) => "20万人及以上",
        (Lang::En, B::Under50k) => "under 50,000",
        (Lang::En, B::From50kTo100k) => "50,000–100,000",
        (Lang::En, B::From100kTo200k) => "100,000–200,000",
        (Lang::En, B::Over200k) => "200,000 and more",
    }
}

/// How a figure differs from the compared ones.
pub fn difference_name(lang: Lang, d: crate::compare::Difference) -> &'static str {
    use crate::compare::Difference as D;
    match (lang, d) {
        (Lang::Zh, D::Period) => "统计期间不同",
        (Lang::Zh, D::Baseline) => "比较基准不同",
        (Lang::Zh, D::Unit) => "单位不同",
        (Lang::Zh, D::Scope) => "范围不同（部分工作）",
        (Lang::Zh, D::Bound) => "仅为下限或上限",
        (Lang::En, D::Period) => "different period",
        (Lang::En, D::Baseline) => "different baseline",
        (Lang::En, D::Unit) => "different unit",
        (Lang::En, D::Scope) => "covers part of the work",
        (Lang::En, D::Bound) => "a lower or upper bound only",
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

/// Text from a data file longer than this many characters is cut in messages.
const CLIP_CHARS: usize = 80;

/// `s`, or its first [`CLIP_CHARS`] characters and "…" when longer: values quoted from a
/// file (ids, links, names) can be megabytes long, messages stay short.
pub fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(CLIP_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]).into(),
        None => s.into(),
    }
}

/// The issue with every text from the file clipped ([`clip`]).
fn clipped(k: &IssueKind) -> IssueKind {
    let c = |s: &String| clip(s).into_owned();
    match k {
        IssueKind::BadId { id } => IssueKind::BadId { id: c(id) },
        IssueKind::DuplicateId { id } => IssueKind::DuplicateId { id: c(id) },
        IssueKind::UnknownMetric { id } => IssueKind::UnknownMetric { id: c(id) },
        IssueKind::UnknownSource { id } => IssueKind::UnknownSource { id: c(id) },
        IssueKind::UnusedMetric { id } => IssueKind::UnusedMetric { id: c(id) },
        IssueKind::UnusedSource { id } => IssueKind::UnusedSource { id: c(id) },
        IssueKind::NotHttpUrl { url } => IssueKind::NotHttpUrl { url: c(url) },
        IssueKind::BadTimestamp { text } => IssueKind::BadTimestamp { text: c(text) },
        IssueKind::SeriesNotMonthly { start } => IssueKind::SeriesNotMonthly { start: c(start) },
        other => other.clone(),
    }
}

/// Describes one broken rule.
pub fn describe_issue(lang: Lang, k: &IssueKind) -> String {
    let zh = lang == Lang::Zh;
    let k = &clipped(k);
    let num = |v: f64| crate::format::plain_number(v);
    match k {
        IssueKind::DetailOutsideIndex => (if zh { "只有索引文件（\"kind\": \"index\"）中的派出所才能指定明细文件（detail）。" } else { "Only stations of an index file (\"kind\": \"index\") may name a detail file." }).to_string(),
        IssueKind::BadDetailRef { href } => if zh { format!("明细文件地址“{href}”无效：应为索引所在目录下的相对路径，例如 detail/zhejiang.json。") } else { format!("The detail file “{href}” is not a relative path below the index's folder, such as detail/zhejiang.json.") },
        IssueKind::DetailFileAlone => (if zh { "这是明细文件，请打开它所属的索引文件。" } else { "This is a detail file: open its index file instead." }).to_string(),
        IssueKind::NotDetailFile => (if zh { "索引指定的明细文件应标明 \"kind\": \"detail\"。" } else { "A detail file named by an index must say \"kind\": \"detail\"." }).to_string(),
        IssueKind::NotInIndex { id } => if zh { format!("派出所“{id}”不在索引中。") } else { format!("The station “{id}” is not in the index.") },
        IssueKind::DetailElsewhere { id } => if zh { format!("索引中派出所“{id}”的明细在另一个文件中。") } else { format!("The index names another detail file for the station “{id}”.") },
        IssueKind::SourceDiffersFromIndex { id } => if zh { format!("来源“{id}”与索引中的同名来源内容不同。") } else { format!("The source “{id}” differs from the index's source of the same id.") },
        IssueKind::BadId { id } => if zh { format!("标识“{id}”无效：只能使用小写字母、数字、下划线和连字符。") } else { format!("The id “{id}” is invalid: use lower-case letters, digits, _ and - only.") },
        IssueKind::DuplicateId { id } => if zh { format!("标识“{id}”重复。") } else { format!("The id “{id}” is used twice.") },
        IssueKind::UnknownMetric { id } => if zh { format!("指标“{id}”不在指标目录中。") } else { format!("The metric “{id}” is not in the metric catalogue.") },
        IssueKind::UnknownSource { id } => if zh { format!("来源“{id}”不在来源列表中。") } else { format!("The source “{id}” is not in the source list.") },
        IssueKind::PercentOutOfRange { value } => if zh { format!("比率为 {}%，超出 0–100% 的范围。", num(*value)) } else { format!("A rate of {}% is outside 0–100%.", num(*value)) },
        IssueKind::DeclineBeyondAll { value } => if zh { format!("下降 {}% 不可能：下降幅度不能超过 100%。", num(-value)) } else { format!("A decline of {}% is impossible: nothing falls by more than 100%.", num(-value)) },
        IssueKind::Negative { value } => if zh { format!("数量为 {}，不能为负数。", num(*value)) } else { format!("A count of {} cannot be negative.", num(*value)) },
        IssueKind::NotExact { value } => if zh { format!("读入的数值 {} 是过大的整数，无法精确表示：从 2^53（9007199254740992）起，数值不能精确存储，读入后可能变成另一个数。", num(*value)) } else { format!("The number read as {} is an integer too large to be exact: from 2^53 (9007199254740992) on, numbers are not stored exactly and may read as other numbers.", num(*value)) },
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
        IssueKind::BidiControl { chars } => if zh { format!("已删除不可见的文字方向控制字符（{chars}）：它们会使文字以误导的顺序显示。") } else { format!("Invisible text-direction controls ({chars}) were removed: they can make text read in a misleading order.") },
        IssueKind::BadTimestamp { text } => if zh { format!("“{text}”不是 RFC 3339 时间（例如 2026-11-23T08:00:00+08:00）。") } else { format!("“{text}” is not an RFC 3339 time (such as 2026-11-23T08:00:00+08:00).") },
        IssueKind::EmptyText => (if zh { "文字不能为空。" } else { "The text must not be empty." }).to_string(),
        IssueKind::SeriesNotMonthly { start } => if zh { format!("月度序列的起始“{start}”应为年月（YYYY-MM）。") } else { format!("A monthly series must start on a month (YYYY-MM), not “{start}”.") },
        IssueKind::SeriesLengthMismatch { values, status } => if zh { format!("有 {values} 个数值，却有 {status} 个状态。") } else { format!("There are {values} values but {status} statuses.") },
        IssueKind::StatusMismatch => (if zh { "状态与数值不符：缺失（missing）的数值必须为 null，反之亦然。" } else { "Status and value disagree: a missing value must be null, and a null value must be missing." }).to_string(),
        IssueKind::MissingQuote => (if zh { "该数据没有引用来源原文（quote），读者无法核对。" } else { "The figure has no quote from its source, so readers cannot check it." }).to_string(),
        IssueKind::SeriesGap { missing, months, first } => if zh { format!("月度序列共 {months} 个月，缺失 {missing} 个月（首个缺失月份：{first}）。") } else { format!("{missing} of {months} months of the series are missing (the first is {first}).") },
        IssueKind::UnusedMetric { id } => if zh { format!("指标“{id}”在指标目录中，但没有派出所报告它。") } else { format!("The metric “{id}” is in the catalogue but no station reports it.") },
        IssueKind::UnusedSource { id } => if zh { format!("来源“{id}”没有被任何数据引用。") } else { format!("The source “{id}” is not referred to by any figure or fact.") },
    }
}

/// A stable, machine-readable name of a rule (`percent_out_of_range`), the same in every
/// language; used by tools' JSON output.
pub fn issue_code(k: &IssueKind) -> &'static str {
    match k {
        IssueKind::DetailOutsideIndex => "detail_outside_index",
        IssueKind::BadDetailRef { .. } => "bad_detail_ref",
        IssueKind::DetailFileAlone => "detail_file_alone",
        IssueKind::NotDetailFile => "not_detail_file",
        IssueKind::NotInIndex { .. } => "not_in_index",
        IssueKind::DetailElsewhere { .. } => "detail_elsewhere",
        IssueKind::SourceDiffersFromIndex { .. } => "source_differs_from_index",
        IssueKind::BadId { .. } => "bad_id",
        IssueKind::DuplicateId { .. } => "duplicate_id",
        IssueKind::UnknownMetric { .. } => "unknown_metric",
        IssueKind::UnknownSource { .. } => "unknown_source",
        IssueKind::PercentOutOfRange { .. } => "percent_out_of_range",
        IssueKind::DeclineBeyondAll { .. } => "decline_beyond_all",
        IssueKind::Negative { .. } => "negative",
        IssueKind::NotExact { .. } => "not_exact",
        IssueKind::UnitMismatch { .. } => "unit_mismatch",
        IssueKind::PeriodReversed { .. } => "period_reversed",
        IssueKind::NotHttpUrl { .. } => "not_http_url",
        IssueKind::BidiControl { .. } => "bidi_control",
        IssueKind::BadTimestamp { .. } => "bad_timestamp",
        IssueKind::EmptyText => "empty_text",
        IssueKind::SeriesNotMonthly { .. } => "series_not_monthly",
        IssueKind::SeriesLengthMismatch { .. } => "series_length_mismatch",
        IssueKind::StatusMismatch => "status_mismatch",
        IssueKind::MissingQuote => "missing_quote",
        IssueKind::SeriesGap { .. } => "series_gap",
        IssueKind::UnusedMetric { .. } => "unused_metric",
        IssueKind::UnusedSource { .. } => "unused_source",
    }
}

/// The unit as it is written in a data file (`person_times`).
pub fn unit_code(u: Unit) -> &'static str {
    match u {
        Unit::Count => "count",
        Unit::People => "people",
        Unit::PersonTimes => "person_times",
        Unit::Percent => "percent",
        Unit::PercentagePoints => "percentage_points",
        Unit::Yuan => "yuan",
    }
}

/// A problem split for people who fix files: the sentence, what the format expects at that
/// place and what the file has there (each absent when there is nothing useful to say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// One sentence.
    pub message: String,
    /// What the format expects.
    pub expected: Option<String>,
    /// What the file has (values as written in JSON where possible).
    pub found: Option<String>,
}

/// [`describe_issue`] with what was expected and what was found.
pub fn issue_detail(lang: Lang, k: &IssueKind) -> Detail {
    let zh = lang == Lang::Zh;
    let k = &clipped(k);
    let pick = |z: &str, e: &str| Some(if zh { z.to_string() } else { e.to_string() });
    let q = |s: &str| serde_json::Value::String(s.to_string()).to_string();
    let num = |v: f64| crate::format::plain_number(v);
    let (expected, found) = match k {
        IssueKind::BadId { id } => (
            pick(
                "由小写字母、数字、_ 和 - 组成的标识",
                "an id of lower-case letters, digits, _ and -",
            ),
            Some(q(id)),
        ),
        IssueKind::DuplicateId { id } => (
            pick(
                "列表中没有用过的标识",
                "an id not used before in the same list",
            ),
            Some(q(id)),
        ),
        IssueKind::UnknownMetric { id } => (
            pick(
                "$.metrics 中某个指标的标识",
                "the id of a metric in $.metrics",
            ),
            Some(q(id)),
        ),
        IssueKind::UnknownSource { id } => (
            pick(
                "$.sources 中某个来源的标识",
                "the id of a source in $.sources",
            ),
            Some(q(id)),
        ),
        IssueKind::PercentOutOfRange { value } => (
            pick("0 到 100 之间的百分比", "a percentage from 0 to 100"),
            Some(num(*value)),
        ),
        IssueKind::DeclineBeyondAll { value } => (
            pick(
                "不低于 -100 的百分比变化",
                "a relative change of -100 or more",
            ),
            Some(num(*value)),
        ),
        IssueKind::Negative { value } => (pick("0 或正数", "zero or more"), Some(num(*value))),
        IssueKind::NotExact { value } => (
            pick(
                "绝对值小于 2^53（9007199254740992）的数",
                "a number smaller than 2^53 (9007199254740992) in size",
            ),
            Some(num(*value)),
        ),
        IssueKind::UnitMismatch {
            metric_unit,
            found,
            change,
        } => {
            let m = q(unit_code(*metric_unit));
            let expected = if *change && *metric_unit == Unit::Percent {
                format!("{m}, \"percentage_points\"")
            } else if *change {
                if zh {
                    format!("\"percent\" 或 {m}")
                } else {
                    format!("\"percent\" or {m}")
                }
            } else {
                m
            };
            (Some(expected), Some(q(unit_code(*found))))
        }
        IssueKind::PeriodReversed { start, end } => (
            Some(if zh {
                format!("不早于开始（{start}）的结束")
            } else {
                format!("an end no earlier than the start ({start})")
            }),
            Some(q(end)),
        ),
        IssueKind::NotHttpUrl { url } => (
            pick(
                "http:// 或 https:// 开头的地址",
                "an address starting with http:// or https://",
            ),
            Some(q(url)),
        ),
        IssueKind::BidiControl { chars } => (
            pick(
                "不含文字方向控制字符的文字",
                "text without direction controls",
            ),
            Some(chars.clone()),
        ),
        IssueKind::BadTimestamp { text } => (
            pick(
                "RFC 3339 时间，例如 \"2026-11-23T08:00:00+08:00\"",
                "an RFC 3339 time such as \"2026-11-23T08:00:00+08:00\"",
            ),
            Some(q(text)),
        ),
        IssueKind::EmptyText => (
            pick("非空的中文文字", "non-empty Chinese text"),
            Some(q("")),
        ),
        IssueKind::SeriesNotMonthly { start } => (
            pick("年月，例如 \"2024-01\"", "a month such as \"2024-01\""),
            Some(q(start)),
        ),
        IssueKind::SeriesLengthMismatch { values, status } => (
            Some(if zh {
                format!("{values} 个状态（每个数值一个）")
            } else {
                format!("{values} statuses (one per value)")
            }),
            Some(if zh {
                format!("{status} 个状态")
            } else {
                format!("{status} statuses")
            }),
        ),
        IssueKind::DetailOutsideIndex => (
            pick(
                "仅在索引文件中出现的 detail",
                "detail only in an index file",
            ),
            None,
        ),
        IssueKind::BadDetailRef { href } => (
            pick(
                "索引所在目录下的相对路径（如 detail/zhejiang.json）",
                "a relative path below the index's folder (such as detail/zhejiang.json)",
            ),
            Some(q(href)),
        ),
        IssueKind::DetailFileAlone => (
            pick("完整文件或索引文件", "a complete file or an index"),
            Some(q("detail")),
        ),
        IssueKind::NotDetailFile => (pick("\"kind\": \"detail\"", "\"kind\": \"detail\""), None),
        IssueKind::NotInIndex { id } => (
            pick("索引中的派出所", "a station of the index"),
            Some(q(id)),
        ),
        IssueKind::DetailElsewhere { id } => (
            pick(
                "索引指定本文件的派出所",
                "a station the index assigns to this file",
            ),
            Some(q(id)),
        ),
        IssueKind::SourceDiffersFromIndex { id } => (
            pick(
                "与索引中同名来源相同的内容",
                "the same contents as the index's source",
            ),
            Some(q(id)),
        ),
        IssueKind::StatusMismatch => (
            pick(
                "数值为 null 时状态为 \"missing\"，否则不是",
                "\"missing\" exactly where the value is null",
            ),
            None,
        ),
        IssueKind::MissingQuote => (
            pick("quote：来源中的原文", "a quote: the passage of the source"),
            pick("没有 quote", "no quote"),
        ),
        IssueKind::SeriesGap {
            missing, months, ..
        } => (
            pick("每个月都有数值", "a value for every month"),
            Some(if zh {
                format!("{months} 个月中缺失 {missing} 个")
            } else {
                format!("{missing} of {months} months missing")
            }),
        ),
        IssueKind::UnusedMetric { .. } => (
            pick(
                "至少一个派出所报告该指标",
                "at least one station reporting it",
            ),
            pick("没有派出所报告", "no station reports it"),
        ),
        IssueKind::UnusedSource { .. } => (
            pick(
                "至少一项数据引用该来源",
                "at least one figure or fact citing it",
            ),
            pick("没有引用", "nothing cites it"),
        ),
    };
    Detail {
        message: describe_issue(lang, k),
        expected,
        found,
    }
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
    fn issues_say_what_was_expected_and_found() {
        let d = issue_detail(Lang::En, &IssueKind::PercentOutOfRange { value: 180.0 });
        assert_eq!(d.message, "A rate of 180% is outside 0–100%.");
        assert_eq!(d.expected.as_deref(), Some("a percentage from 0 to 100"));
        assert_eq!(d.found.as_deref(), Some("180"));
        let d = issue_detail(
            Lang::Zh,
            &IssueKind::UnitMismatch {
                metric_unit: Unit::Count,
                found: Unit::People,
                change: true,
            },
        );
        assert_eq!(d.expected.as_deref(), Some("\"percent\" 或 \"count\""));
        assert_eq!(d.found.as_deref(), Some("\"people\""));
        let d = issue_detail(Lang::En, &IssueKind::UnknownMetric { id: "a\"b".into() });
        assert_eq!(d.found.as_deref(), Some("\"a\\\"b\""));
        assert_eq!(issue_code(&IssueKind::StatusMismatch), "status_mismatch");
        assert_eq!(unit_code(Unit::PersonTimes), "person_times");
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
