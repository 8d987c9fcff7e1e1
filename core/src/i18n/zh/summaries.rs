//! Chart summaries in Chinese (the same clauses as `en/summaries.rs`, in Chinese order).

use crate::i18n::summaries::{SeriesFacts, SparkFacts, YearAgo};

pub(super) fn series(label: &str, facts: Option<&SeriesFacts>) -> String {
    let Some(f) = facts else {
        return format!("{label}：没有报告任何月份的数值。");
    };
    let mut out = format!(
        "{label}：{}至{}，共{}个月有数值",
        f.first, f.last, f.present
    );
    let mut parts = Vec::new();
    if f.missing > 0 {
        parts.push(format!("{}个月未报告", f.missing));
    }
    if f.estimated > 0 {
        parts.push(format!("{}个月为估计值", f.estimated));
    }
    if parts.is_empty() {
        out.push('。');
    } else {
        out.push_str(&format!("，{}。", parts.join("，")));
    }
    out.push_str(&format!("最新为{}的{}", f.latest_month, f.latest));
    match &f.year_ago {
        Some(YearAgo::Unchanged { month, before }) => {
            out.push_str(&format!("，与上年同月（{month}，{before}）持平"));
        }
        Some(YearAgo::Change {
            month,
            before,
            magnitude,
            down,
            points,
        }) => out.push_str(&format!(
            "，比上年同月（{month}，{before}）{}{magnitude}{}",
            if *down { "下降" } else { "上升" },
            if *points { "个百分点" } else { "%" }
        )),
        Some(YearAgo::NoRate { month, before }) => {
            out.push_str(&format!("；上年同月（{month}）为{before}，无法计算变化率"));
        }
        Some(YearAgo::NotReported { month }) => {
            out.push_str(&format!("；上年同月（{month}）未报告，不作比较"));
        }
        None => {}
    }
    out.push('。');
    if let Some(e) = &f.extremes {
        out.push_str(&format!(
            "最高为{}的{}，最低为{}的{}。",
            e.max_month, e.max, e.min_month, e.min
        ));
    }
    out
}

pub(super) fn spark(f: &SparkFacts) -> String {
    let mut out = format!(
        "{}至{}逐月走势：最新（{}）{}，最高 {}，最低 {}",
        f.first, f.last, f.latest_month, f.latest, f.max, f.min
    );
    if f.missing > 0 {
        out.push_str(&format!("；{} 个月未报告", f.missing));
    }
    if f.estimated > 0 {
        out.push_str(&format!("；{} 个月为估计值", f.estimated));
    }
    out.push('。');
    out
}
