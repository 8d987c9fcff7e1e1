//! The Chinese texts: the interface table and the messages here, load errors, broken rules
//! and serde's errors in `errors.rs`, `issues.rs` and `serde_text.rs`.
//!
//! Method for method the same shape as `en/` (the `duplicates` tool pairs them): that is
//! the point, one implementation of the same traits per language.

mod errors;
mod issues;
mod serde_text;
mod summaries;

use super::summaries::{SeriesFacts, SparkFacts};
use super::{Strings, Translation};
use crate::compare::{Difference, Normalisation, PopulationBand};
use crate::model::{Family, Unit};

/// Chinese texts.
pub static ZH: Strings = Strings {
    app_title: "枫桥式公安派出所成效看板",
    period_unstated: "期间未说明",
    year_on_year: "同比",
    annual_average: "年均变化",
    baseline_unstated: "比较基准未说明",
    language: "语言",
    other_language: "English",
    loading: "正在加载数据…",
    retry: "重试",
    crash_title: "看板出现内部错误",
    crash_text: "看板因程序错误停止运行，页面其他部分不受影响。请重新加载页面；如果问题反复出现，请告知网站管理员。",
    crash_reload: "重新加载页面",
    crash_details: "技术细节",
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
    chart: "图表",
    bars_keys_hint: "用上下方向键或鼠标逐个查看派出所；数据表见下方。",
    language_name: "中文",
    embed_title: "嵌入本看板",
    embed_iframe: "用 iframe 嵌入（高度自动调整）：",
    embed_script: "或用脚本嵌入（同一页面可放多个）：",
    loading_detail: "正在加载明细数据（全部指标与月度序列）……",
    nav_map: "分省图",
    list_sep: "、",
};

/// The Chinese messages.
pub(super) struct Zh;

impl Translation for Zh {
    fn family(&self, f: Family) -> &'static str {
        match f {
            Family::Incidents => "警情与案件",
            Family::Mediation => "矛盾纠纷调解",
            Family::GroupCoverage => "群防群治与群组覆盖",
            Family::Fraud => "电信网络诈骗",
            Family::Other => "其他",
        }
    }

    fn unit(&self, u: Unit) -> &'static str {
        match u {
            Unit::Count => "数量",
            Unit::People => "人数",
            Unit::PersonTimes => "人次",
            Unit::Percent => "百分比",
            Unit::PercentagePoints => "百分点",
            Unit::Yuan => "元",
        }
    }

    fn normalisation(&self, n: Normalisation) -> &'static str {
        match n {
            Normalisation::None => "不换算（原始数值）",
            Normalisation::Per10kResidents => "每万名实有人口",
            Normalisation::PerOfficer => "每名民警",
            Normalisation::PerAuxiliaryOfficer => "每名辅警",
            Normalisation::PerKm2 => "每平方公里",
        }
    }

    fn band(&self, b: PopulationBand) -> &'static str {
        match b {
            PopulationBand::Under50k => "5万人以下",
            PopulationBand::From50kTo100k => "5万至10万人",
            PopulationBand::From100kTo200k => "10万至20万人",
            PopulationBand::Over200k => "20万人及以上",
        }
    }

    fn difference(&self, d: Difference) -> &'static str {
        match d {
            Difference::Period => "统计期间不同",
            Difference::Baseline => "比较基准不同",
            Difference::Unit => "单位不同",
            Difference::Scope => "范围不同（部分工作）",
            Difference::Bound => "仅为下限或上限",
        }
    }

    fn computed_from_months(
        &self,
        current: (&str, &str),
        previous: (&str, &str),
        estimated: bool,
    ) -> String {
        format!(
            "据月度数据计算：{}至{} 对比 {}至{}{}",
            current.0,
            current.1,
            previous.0,
            previous.1,
            if estimated { "（含估计值）" } else { "" }
        )
    }

    fn retrying_in(&self, seconds: u64) -> String {
        format!("将在 {seconds} 秒后自动重试。")
    }

    fn rows_shown(&self, first: &str, last: &str, total: &str) -> String {
        format!("共 {total} 行，当前显示第 {first}–{last} 行")
    }

    fn matching(&self, found: &str, total: &str) -> String {
        format!("{total} 个派出所中有 {found} 个符合")
    }

    fn more_not_listed(&self, more: &str) -> String {
        format!("……另有 {more} 个未列出，可搜索或下载表格查看全部。")
    }

    fn labelled(&self, label: &str, value: &str) -> String {
        format!("{label}：{value}")
    }

    fn not_comparable_because(&self, differences: &[&str], others: Option<&str>) -> String {
        let others = others
            .map(|b| format!("（其他为 {b}）"))
            .unwrap_or_default();
        format!("{}：{}{others}", ZH.not_comparable, differences.join("、"))
    }

    fn gap_to_best_points(&self, points: &str) -> String {
        format!("{} {points}个百分点", ZH.gap_to_best)
    }

    fn point_with_source(&self, point: &str, source: &str) -> String {
        format!("{point} · 来源：{source}")
    }

    fn image_footer(&self, source: &str, day: &str) -> String {
        format!("来源：{source} · 导出于 {day}")
    }

    fn league_summary(&self, metric: &str, ranked: usize, apart: usize, missing: usize) -> String {
        format!("{metric}：{ranked} 个派出所参与排名，{apart} 个口径不同，{missing} 个未报告。")
    }

    fn compared_on(&self, basis: &str) -> String {
        format!(" 可比口径：{basis}")
    }

    fn top_of(&self, shown: usize, total: usize) -> String {
        format!("（前 {shown} 名，共 {total} 个）")
    }

    fn apart_line(&self, value: &str, period: &str, why: &str) -> String {
        format!("：{value}（{period}）— {why}")
    }

    fn period_range(&self, from: &str, to: &str) -> String {
        format!("{from}至{to}")
    }

    fn period_since(&self, from: &str) -> String {
        format!("{from}以来（至报道时）")
    }

    fn period_up_to(&self, to: &str) -> String {
        format!("截至{to}")
    }

    fn compared_with(&self, what: &str) -> String {
        format!("较{what}")
    }

    fn years_earlier(&self, years: u32) -> String {
        format!("{years}年前")
    }

    fn series_summary(&self, label: &str, facts: Option<&SeriesFacts>) -> String {
        summaries::series(label, facts)
    }

    fn monthly_mean(&self, year: i32) -> String {
        format!("{year}年月均")
    }

    fn spark_summary(&self, facts: &SparkFacts) -> String {
        summaries::spark(facts)
    }
}
