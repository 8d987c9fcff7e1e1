//! The charts' own interface texts (one typed table per language) and the texts built from
//! chart data: the readout of one point and the baseline's label.

use super::draw::Layout;
use super::prepare::Point;
use crate::format;
use crate::lang::Lang;
use crate::model::{Qualifier, Unit};

/// Fixed texts around a chart.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct ChartStrings {
    pub views: &'static str,
    pub estimated_mark: &'static str,
    pub no_month_reported: &'static str,
    pub readout_sep: &'static str,
    pub timeline: &'static str,
    pub year_on_year: &'static str,
    pub data_table: &'static str,
    pub month: &'static str,
    pub value: &'static str,
    pub status: &'static str,
    pub download_png: &'static str,
    pub download_csv: &'static str,
    /// How to read the chart with the keyboard or a pointer.
    pub keys_hint: &'static str,
}

const ZH: ChartStrings = ChartStrings {
    views: "图表视图",
    estimated_mark: "（估计）",
    no_month_reported: "没有报告任何月份的数值",
    readout_sep: "；",
    timeline: "逐月走势",
    year_on_year: "同比（今年对去年）",
    data_table: "数据表",
    month: "月份",
    value: "数值",
    status: "状态",
    download_png: "下载图片（PNG）",
    download_csv: "下载数据（CSV）",
    keys_hint: "用左右方向键或鼠标逐月查看数值，Home/End 跳到首尾。",
};

const EN: ChartStrings = ChartStrings {
    views: "Chart view",
    estimated_mark: " (estimated)",
    no_month_reported: "No month has a reported value",
    readout_sep: "; ",
    timeline: "Month by month",
    year_on_year: "Year on year (this year over last)",
    data_table: "Data table",
    month: "Month",
    value: "Value",
    status: "Status",
    download_png: "Download image (PNG)",
    download_csv: "Download data (CSV)",
    keys_hint: "Use the left and right arrow keys or the pointer to read each month; Home and End jump to the ends.",
};

/// The chart texts of a language.
pub fn chart_strings(lang: Lang) -> &'static ChartStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The label of the baseline rule drawn at a year's monthly mean: `2025年月均`, `2025 monthly mean`.
pub fn monthly_mean_label(lang: Lang, year: i32) -> String {
    lang.messages().monthly_mean(year)
}

/// The readout of one point: `2025年3月：50（估计）`, `Mar 2025: 50 (estimated)`.
pub fn point_text(lang: Lang, unit: Unit, p: &Point) -> String {
    let month = format::date(lang, &p.date());
    let value = format::amount(lang, p.value, unit, Qualifier::Exact);
    let mark = if p.is_estimated() {
        chart_strings(lang).estimated_mark
    } else {
        ""
    };
    lang.messages().labelled(&month, &format!("{value}{mark}"))
}

/// The readout of the point at `i` of a drawn chart: [`point_text`] in the timeline; in the
/// year-on-year view, the same month of both years, the latest first, a missing one said as
/// such (`2025年3月：50；2024年3月：未报告`, `Mar 2025: 50; Mar 2024: 45`).
pub fn readout_text(lang: Lang, unit: Unit, layout: &Layout, i: usize) -> Option<String> {
    let p = &layout.points.get(i)?.point;
    let Some(year) = layout.year else {
        return Some(point_text(lang, unit, p));
    };
    let (latest, before) = if p.date().year() == year {
        (p.month, p.month - 12)
    } else {
        (p.month + 12, p.month)
    };
    let month = |m: i64| {
        let found = layout.points.iter().find(|q| q.point.month == m);
        match found {
            Some(q) => point_text(lang, unit, &q.point),
            None => {
                let date = format::date(lang, &crate::PartialDate::from_month_index(m));
                lang.messages().labelled(&date, lang.strings().not_reported)
            }
        }
    };
    let sep = chart_strings(lang).readout_sep;
    Some(format!("{}{sep}{}", month(latest), month(before)))
}
