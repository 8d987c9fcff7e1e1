//! Broken rules of the format narrated for people (one sentence), and for tools with what
//! was expected and what was found. Values quoted from a file are clipped.

use crate::error::IssueKind;
use crate::lang::Lang;
use crate::model::Unit;

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
                (true, false) => format!("单位“{}”与指标的单位“{}”不符。", super::unit_name(lang, *found), super::unit_name(lang, *metric_unit)),
                (true, true) => format!("变化值的单位“{}”与指标（单位“{}”）不符：应为百分比、百分点或指标本身的单位。", super::unit_name(lang, *found), super::unit_name(lang, *metric_unit)),
                (false, false) => format!("The unit “{}” does not match the metric's unit “{}”.", super::unit_name(lang, *found), super::unit_name(lang, *metric_unit)),
                (false, true) => format!("A change in “{}” does not fit a metric in “{}”: use percent, percentage points or the metric's unit.", super::unit_name(lang, *found), super::unit_name(lang, *metric_unit)),
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
        // LegacyEncoding (issue #17): narration placed here for now; to move with the rest
        // of this file's messages into the per-language tables.
        IssueKind::LegacyEncoding { encoding } => legacy_encoding(zh, *encoding),
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
            let m = q(metric_unit.code());
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
            (Some(expected), Some(q(found.code())))
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
        // LegacyEncoding (issue #17), see `legacy_encoding`.
        IssueKind::LegacyEncoding { encoding } => (
            pick("UTF-8 文本", "UTF-8 text"),
            Some(encoding.name().to_string()),
        ),
    };
    Detail {
        message: describe_issue(lang, k),
        expected,
        found,
    }
}

/// LegacyEncoding (issue #17): the warning of a file read in an older encoding, saying what
/// `scorecards validate` says of it (not UTF-8, looks like …, save it as UTF-8).
fn legacy_encoding(zh: bool, e: crate::textenc::Legacy) -> String {
    let (name, from) = (e.name(), e.label().to_ascii_uppercase());
    if zh {
        format!("文件不是 UTF-8 编码，已按 {name} 读取：请另存为 UTF-8（例如 iconv -f {from} -t UTF-8）。")
    } else {
        format!("The file is not UTF-8; it was read as {name}. Save it as UTF-8 (e.g. iconv -f {from} -t UTF-8).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(IssueKind::StatusMismatch.code(), "status_mismatch");
        assert_eq!(Unit::PersonTimes.code(), "person_times");
    }
}
