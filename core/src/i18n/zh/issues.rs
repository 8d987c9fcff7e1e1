//! Broken rules in Chinese. Arm for arm the same shape as `en/issues.rs`, and arms of the same
//! shape one after the other (the `duplicates` tool pairs both): that is the point, one text per
//! kind of rule, per language, each in an exhaustive `match`.

use super::Zh;
use crate::error::IssueKind;
use crate::format::plain_number as num;
use crate::i18n::issues::json_string as q;
use crate::i18n::{Found, IssueTexts, Translation};
use crate::model::Unit;

impl IssueTexts for Zh {
    fn warning(&self, k: &IssueKind) -> Option<String> {
        Some(match k {
            IssueKind::NotHttpUrl { url } => format!("链接“{url}”不是 http 或 https 地址。"),
            IssueKind::BidiControl { chars } => format!("已删除不可见的文字方向控制字符（{chars}）：它们会使文字以误导的顺序显示。"),
            IssueKind::MissingQuote => "该数据没有引用来源原文（quote），读者无法核对。".into(),
            IssueKind::SeriesGap { missing, months, first } => format!("月度序列共 {months} 个月，缺失 {missing} 个月（首个缺失月份：{first}）。"),
            IssueKind::UnusedMetric { id } => format!("指标“{id}”在指标目录中，但没有派出所报告它。"),
            IssueKind::UnusedSource { id } => format!("来源“{id}”没有被任何数据引用。"),
            IssueKind::BadBoundaryRef { href } => format!("边界文件地址“{href}”无效：应为数据文件所在目录下同一网站的相对路径，例如 geo/counties.json。地理模式已关闭，分省图仍可使用。"),
            IssueKind::NoApprovalNumber => "边界文件没有审图号（approval）：不会绘制这些边界。公开展示的地图须有审图号；分省图仍可使用。".into(),
            IssueKind::LegacyEncoding { encoding } => {
                let (name, from) = (encoding.name(), encoding.label().to_ascii_uppercase());
                format!("文件不是 UTF-8 编码，已按 {name} 读取：请另存为 UTF-8（例如 iconv -f {from} -t UTF-8）。")
            }

            // The errors, said by `problem`: listed, not `_`, so that a new rule does not
            // compile without its text (the same lists in the other language).
            IssueKind::DetailOutsideIndex
            | IssueKind::BadDetailRef { .. }
            | IssueKind::DetailFileAlone
            | IssueKind::NotDetailFile
            | IssueKind::NotInIndex { .. }
            | IssueKind::DetailElsewhere { .. }
            | IssueKind::SourceDiffersFromIndex { .. }
            | IssueKind::BadId { .. }
            | IssueKind::DuplicateId { .. }
            | IssueKind::UnknownMetric { .. }
            | IssueKind::UnknownSource { .. }
            | IssueKind::PercentOutOfRange { .. }
            | IssueKind::DeclineBeyondAll { .. }
            | IssueKind::Negative { .. }
            | IssueKind::NotExact { .. }
            | IssueKind::UnitMismatch { .. }
            | IssueKind::PeriodReversed { .. }
            | IssueKind::BadTimestamp { .. }
            | IssueKind::EmptyText
            | IssueKind::SeriesNotMonthly { .. }
            | IssueKind::SeriesLengthMismatch { .. }
            | IssueKind::StatusMismatch
            | IssueKind::UnknownRegionCode { .. }
            | IssueKind::RegionCodeMismatch { .. }
            | IssueKind::LocationOutOfRange { .. } => return None,
        })
    }

    fn problem(&self, k: &IssueKind) -> Option<String> {
        Some(match k {
            // The warnings, said by `warning` (listed for the same reason): the rules
            // `Issue::is_warning` lists, kept the same by a test in `i18n/issues.rs`.
            IssueKind::NotHttpUrl { .. }
            | IssueKind::BidiControl { .. }
            | IssueKind::MissingQuote
            | IssueKind::SeriesGap { .. }
            | IssueKind::UnusedMetric { .. }
            | IssueKind::UnusedSource { .. }
            | IssueKind::LegacyEncoding { .. }
            | IssueKind::BadBoundaryRef { .. }
            | IssueKind::NoApprovalNumber => return None,
            IssueKind::DetailOutsideIndex => "只有索引文件（\"kind\": \"index\"）中的派出所才能指定明细文件（detail）。".into(),
            IssueKind::BadDetailRef { href } => format!("明细文件地址“{href}”无效：应为索引所在目录下的相对路径，例如 detail/zhejiang.json。"),
            IssueKind::DetailFileAlone => "这是明细文件，请打开它所属的索引文件。".into(),
            IssueKind::NotDetailFile => "索引指定的明细文件应标明 \"kind\": \"detail\"。".into(),
            IssueKind::NotInIndex { id } => format!("派出所“{id}”不在索引中。"),
            IssueKind::DetailElsewhere { id } => format!("索引中派出所“{id}”的明细在另一个文件中。"),
            IssueKind::SourceDiffersFromIndex { id } => format!("来源“{id}”与索引中的同名来源内容不同。"),
            IssueKind::BadId { id } => format!("标识“{id}”无效：只能使用小写字母、数字、下划线和连字符。"),
            IssueKind::DuplicateId { id } => format!("标识“{id}”重复。"),
            IssueKind::UnknownMetric { id } => format!("指标“{id}”不在指标目录中。"),
            IssueKind::UnknownSource { id } => format!("来源“{id}”不在来源列表中。"),
            IssueKind::PercentOutOfRange { value } => format!("比率为 {}%，超出 0–100% 的范围。", num(*value)),
            IssueKind::DeclineBeyondAll { value } => format!("下降 {}% 不可能：下降幅度不能超过 100%。", num(-value)),
            IssueKind::Negative { value } => format!("数量为 {}，不能为负数。", num(*value)),
            IssueKind::NotExact { value } => format!("读入的数值 {} 是过大的整数，无法精确表示：从 2^53（9007199254740992）起，数值不能精确存储，读入后可能变成另一个数。", num(*value)),
            IssueKind::UnitMismatch { metric_unit, found, change: false } => format!("单位“{}”与指标的单位“{}”不符。", self.unit(*found), self.unit(*metric_unit)),
            IssueKind::UnitMismatch { metric_unit, found, change: true } => format!("变化值的单位“{}”与指标（单位“{}”）不符：应为百分比、百分点或指标本身的单位。", self.unit(*found), self.unit(*metric_unit)),
            IssueKind::PeriodReversed { start, end } => format!("期间结束（{end}）早于开始（{start}）。"),
            IssueKind::BadTimestamp { text } => format!("“{text}”不是 RFC 3339 时间（例如 2026-11-23T08:00:00+08:00）。"),
            IssueKind::EmptyText => "文字不能为空。".into(),
            IssueKind::SeriesNotMonthly { start } => format!("月度序列的起始“{start}”应为年月（YYYY-MM）。"),
            IssueKind::SeriesLengthMismatch { values, status } => format!("有 {values} 个数值，却有 {status} 个状态。"),
            IssueKind::StatusMismatch => "状态与数值不符：缺失（missing）的数值必须为 null，反之亦然。".into(),
            IssueKind::UnknownRegionCode { code } => format!("区划代码“{code}”无效：应为 GB/T 2260 的六位数字代码，前两位为省级行政区代码。"),
            IssueKind::RegionCodeMismatch { code, province } => format!("区划代码“{code}”不属于“{province}”：前两位是另一个省级行政区的代码。"),
            IssueKind::LocationOutOfRange { lon, lat } => format!("坐标（经度 {}，纬度 {}）超出范围：经度应在 −180 到 180 之间，纬度在 −90 到 90 之间。", num(*lon), num(*lat)),
        })
    }

    fn expected(&self, k: &IssueKind) -> String {
        match k {
            IssueKind::BadId { .. } => "由小写字母、数字、_ 和 - 组成的标识".into(),
            IssueKind::DuplicateId { .. } => "列表中没有用过的标识".into(),
            IssueKind::UnknownMetric { .. } => "$.metrics 中某个指标的标识".into(),
            IssueKind::UnknownSource { .. } => "$.sources 中某个来源的标识".into(),
            IssueKind::PercentOutOfRange { .. } => "0 到 100 之间的百分比".into(),
            IssueKind::DeclineBeyondAll { .. } => "不低于 -100 的百分比变化".into(),
            IssueKind::Negative { .. } => "0 或正数".into(),
            IssueKind::NotExact { .. } => "绝对值小于 2^53（9007199254740992）的数".into(),
            IssueKind::UnitMismatch {
                metric_unit,
                change,
                ..
            } => {
                let m = q(metric_unit.code());
                match (change, metric_unit) {
                    (true, Unit::Percent) => format!("{m}, \"percentage_points\""),
                    (true, _) => format!("\"percent\" 或 {m}"),
                    (false, _) => m,
                }
            }
            IssueKind::PeriodReversed { start, .. } => format!("不早于开始（{start}）的结束"),
            IssueKind::NotHttpUrl { .. } => "http:// 或 https:// 开头的地址".into(),
            IssueKind::BidiControl { .. } => "不含文字方向控制字符的文字".into(),
            IssueKind::BadTimestamp { .. } => {
                "RFC 3339 时间，例如 \"2026-11-23T08:00:00+08:00\"".into()
            }
            IssueKind::EmptyText => "非空的中文文字".into(),
            IssueKind::SeriesNotMonthly { .. } => "年月，例如 \"2024-01\"".into(),
            IssueKind::SeriesLengthMismatch { values, .. } => {
                format!("{values} 个状态（每个数值一个）")
            }
            IssueKind::DetailOutsideIndex => "仅在索引文件中出现的 detail".into(),
            IssueKind::BadDetailRef { .. } => {
                "索引所在目录下的相对路径（如 detail/zhejiang.json）".into()
            }
            IssueKind::DetailFileAlone => "完整文件或索引文件".into(),
            IssueKind::NotDetailFile => "\"kind\": \"detail\"".into(),
            IssueKind::NotInIndex { .. } => "索引中的派出所".into(),
            IssueKind::DetailElsewhere { .. } => "索引指定本文件的派出所".into(),
            IssueKind::SourceDiffersFromIndex { .. } => "与索引中同名来源相同的内容".into(),
            IssueKind::StatusMismatch => "数值为 null 时状态为 \"missing\"，否则不是".into(),
            IssueKind::MissingQuote => "quote：来源中的原文".into(),
            IssueKind::SeriesGap { .. } => "每个月都有数值".into(),
            IssueKind::UnusedMetric { .. } => "至少一个派出所报告该指标".into(),
            IssueKind::UnusedSource { .. } => "至少一项数据引用该来源".into(),
            IssueKind::UnknownRegionCode { .. } | IssueKind::RegionCodeMismatch { .. } => {
                "六位 GB/T 2260 区划代码，前两位与省份一致".into()
            }
            IssueKind::BadBoundaryRef { .. } => {
                "数据文件所在目录下的相对路径（如 geo/counties.json）".into()
            }
            IssueKind::NoApprovalNumber => "审图号，例如 \"GS(2024)1234号\"".into(),
            IssueKind::LocationOutOfRange { .. } => "经度 −180 到 180，纬度 −90 到 90（度）".into(),
            IssueKind::LegacyEncoding { .. } => "UTF-8 文本".into(),
        }
    }

    fn found(&self, f: Found) -> Option<String> {
        Some(match f {
            Found::Value(v) => v,
            Found::Nothing => return None,
            Found::Statuses(n) => format!("{n} 个状态"),
            Found::NoQuote => "没有 quote".into(),
            Found::MonthsMissing { missing, months } => format!("{months} 个月中缺失 {missing} 个"),
            Found::NotReported => "没有派出所报告".into(),
            Found::NotCited => "没有引用".into(),
        })
    }
}
