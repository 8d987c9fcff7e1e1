//! The charts' fixed texts: one typed table per language (a leaf of the chart module, so
//! that preparing, drawing and the texts built from data can all read it).

use crate::lang::Lang;
use crate::model::{Polarity, ValueStatus};

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
    /// Which way is better, above a bar chart: lower, higher, neither.
    pub lower_is_better: &'static str,
    pub higher_is_better: &'static str,
    pub neither_is_better: &'static str,
    /// A month's value status: reported, estimated, missing.
    pub reported: &'static str,
    pub estimated: &'static str,
    pub not_reported: &'static str,
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
    lower_is_better: "↓ 越低越好",
    higher_is_better: "↑ 越高越好",
    neither_is_better: "无高低优劣之分",
    reported: "已报告",
    estimated: "估计值",
    not_reported: "未报告",
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
    lower_is_better: "↓ Lower is better",
    higher_is_better: "↑ Higher is better",
    neither_is_better: "Neither higher nor lower is better",
    reported: "reported",
    estimated: "estimated",
    not_reported: "not reported",
};

/// The chart texts of a language.
pub fn chart_strings(lang: Lang) -> &'static ChartStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl ChartStrings {
    /// Says which way is better: `↓ 越低越好`, `↑ Higher is better`.
    pub fn polarity(&self, polarity: Polarity) -> &'static str {
        match polarity {
            Polarity::LowerIsBetter => self.lower_is_better,
            Polarity::HigherIsBetter => self.higher_is_better,
            Polarity::Neutral => self.neither_is_better,
        }
    }

    /// A month's value status: `已报告`, `estimated`, `not reported`.
    pub fn status(&self, status: ValueStatus) -> &'static str {
        match status {
            ValueStatus::Reported => self.reported,
            ValueStatus::Estimated => self.estimated,
            ValueStatus::Missing => self.not_reported,
        }
    }
}
