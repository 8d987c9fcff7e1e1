//! The texts built from chart data: the readout of one point and the baseline's label (the
//! charts' fixed texts are in `strings.rs`).

use super::draw::Layout;
use super::prepare::Point;
use crate::format;
use crate::lang::Lang;
use crate::model::{Qualifier, Unit};

pub use super::strings::{chart_strings, ChartStrings};

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
