//! Number, date, period and baseline formatting in Chinese and English.

use chrono::Datelike;

use crate::date::PartialDate;
use crate::lang::Lang;
use crate::model::{Baseline, Figure, Period, Qualifier, Unit};

/// A number with no more decimals than it needs (at most 2), without grouping: `12.9`, `1800`.
pub fn plain_number(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A number with thousands separators: `53,000`, `86.59`.
pub fn grouped_number(v: f64) -> String {
    let plain = plain_number(v.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if v < 0.0 && plain != "0" {
        out.insert(0, '-');
    }
    out
}

/// A magnitude as Chinese readers expect it: `5.3万`, `1900万`, `1.2亿`, `1800`.
pub fn chinese_number(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    if a >= 1e8 {
        format!("{sign}{}亿", plain_number(a / 1e8))
    } else if a >= 1e4 {
        format!("{sign}{}万", plain_number(a / 1e4))
    } else {
        format!("{sign}{}", plain_number(a))
    }
}

fn number(lang: Lang, v: f64) -> String {
    match lang {
        Lang::Zh => chinese_number(v),
        Lang::En => grouped_number(v),
    }
}

fn unit_suffix(lang: Lang, unit: Unit) -> &'static str {
    match (lang, unit) {
        (_, Unit::Percent) => "%",
        (_, Unit::Count) => "",
        (Lang::Zh, Unit::People) => "人",
        (Lang::Zh, Unit::PersonTimes) => "人次",
        (Lang::Zh, Unit::PercentagePoints) => "个百分点",
        (Lang::Zh, Unit::Yuan) => "元",
        (Lang::En, Unit::People) => " people",
        (Lang::En, Unit::PersonTimes) => " person-times",
        (Lang::En, Unit::PercentagePoints) => " percentage points",
        (Lang::En, Unit::Yuan) => " yuan",
    }
}

/// A non-negative magnitude with its qualifier and unit: `约4.6万人`, `1800余`, `95%以上`,
/// `about 46,000 people`, `at least 1,800`.
pub fn amount(lang: Lang, v: f64, unit: Unit, q: Qualifier) -> String {
    amount_with_suffix(lang, v, unit_suffix(lang, unit), unit == Unit::Percent, q)
}

fn amount_with_suffix(
    lang: Lang,
    v: f64,
    suffix: &str,
    percent_like: bool,
    q: Qualifier,
) -> String {
    let n = number(lang, v);
    match (lang, q) {
        (_, Qualifier::Exact) => format!("{n}{suffix}"),
        (Lang::Zh, Qualifier::About) => format!("约{n}{suffix}"),
        (Lang::Zh, Qualifier::AtLeast) if percent_like => format!("{n}{suffix}以上"),
        (Lang::Zh, Qualifier::AtLeast) => format!("{n}余{suffix}"),
        (Lang::Zh, Qualifier::AtMost) => format!("不超过{n}{suffix}"),
        (Lang::En, Qualifier::About) => format!("about {n}{suffix}"),
        (Lang::En, Qualifier::AtLeast) => format!("at least {n}{suffix}"),
        (Lang::En, Qualifier::AtMost) => format!("at most {n}{suffix}"),
    }
}

/// An area in km².
pub fn area(lang: Lang, v: f64, q: Qualifier) -> String {
    let suffix = if lang == Lang::Zh {
        "平方公里"
    } else {
        " km²"
    };
    amount_with_suffix(lang, v, suffix, false, q)
}

/// The value of a figure: a level (`389`, `86.59%`) or a change (`下降12.9%`, `down about 45%`).
pub fn figure_value(lang: Lang, fig: &Figure) -> String {
    if !fig.is_change() {
        return amount(lang, fig.value, fig.unit, fig.qualifier);
    }
    let magnitude = amount(lang, fig.value.abs(), fig.unit, fig.qualifier);
    let zero = fig.value == 0.0;
    match (lang, zero, fig.value < 0.0) {
        (Lang::Zh, true, _) => "持平".to_string(),
        (Lang::Zh, false, true) => format!("下降{magnitude}"),
        (Lang::Zh, false, false) => format!("上升{magnitude}"),
        (Lang::En, true, _) => "unchanged".to_string(),
        (Lang::En, false, true) => format!("down {magnitude}"),
        (Lang::En, false, false) => format!("up {magnitude}"),
    }
}

/// A date as precise as it is: `2025年7月23日`, `Jul 2025`.
pub fn date(lang: Lang, d: &PartialDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month_name = |m: u32| MONTHS[(m as usize + 11) % 12];
    match (lang, d) {
        (Lang::Zh, PartialDate::Year(y)) => format!("{y}年"),
        (Lang::Zh, PartialDate::Month(y, m)) => format!("{y}年{m}月"),
        (Lang::Zh, PartialDate::Day(_)) => format!(
            "{}年{}月{}日",
            d.year(),
            d.month().unwrap_or(1),
            d.first_day().day()
        ),
        (Lang::En, PartialDate::Year(y)) => format!("{y}"),
        (Lang::En, PartialDate::Month(y, m)) => format!("{} {y}", month_name(*m)),
        (Lang::En, PartialDate::Day(day)) => format!(
            "{} {} {}",
            day.day(),
            month_name(d.month().unwrap_or(1)),
            d.year()
        ),
    }
}

/// An RFC 3339 timestamp as a date in the reader's language; the text itself when it does not parse.
pub fn timestamp(lang: Lang, text: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(t) => date(lang, &PartialDate::Day(t.date_naive())),
        Err(_) => text.to_string(),
    }
}

/// The period a figure covers: `2024年`, `2018年以来`, `截至2025年7月`, `period not stated`.
pub fn period(lang: Lang, p: &Period) -> String {
    let m = lang.messages();
    match (&p.start, &p.end) {
        (Some(s), Some(e)) if s == e => date(lang, s),
        (Some(s), Some(e)) => m.period_range(&date(lang, s), &date(lang, e)),
        (Some(s), None) => m.period_since(&date(lang, s)),
        (None, Some(e)) => m.period_up_to(&date(lang, e)),
        (None, None) => lang.strings().period_unstated.to_string(),
    }
}

/// The period and the baseline together, as shown under a value: `2024年 · 同比`,
/// `since 2018 (to the report) · vs 2018`; a level shows its period alone.
pub fn period_and_baseline(lang: Lang, p: &Period, b: Option<&Baseline>) -> String {
    let base = baseline(lang, b);
    let period = period(lang, p);
    if base.is_empty() {
        period
    } else {
        format!("{period} · {base}")
    }
}

/// What a change is compared against: `同比`, `较2019年`, `since 2018`. Empty for a level.
pub fn baseline(lang: Lang, b: Option<&Baseline>) -> String {
    let (m, t) = (lang.messages(), lang.strings());
    let Some(b) = b else {
        return String::new();
    };
    match b {
        Baseline::YearOnYear => t.year_on_year.to_string(),
        Baseline::Period { start, end } => m.compared_with(&period(
            lang,
            &Period {
                start: Some(*start),
                end: Some(*end),
            },
        )),
        Baseline::Since { date: d } => m.compared_with(&date(lang, d)),
        Baseline::YearsEarlier { years } => m.compared_with(&m.years_earlier(*years)),
        Baseline::AnnualAverage => t.annual_average.to_string(),
        Baseline::Unstated => t.baseline_unstated.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: f64, unit: Unit, q: Qualifier, baseline: Option<Baseline>) -> Figure {
        Figure {
            metric: "m".into(),
            value,
            unit,
            qualifier: q,
            period: Period::default(),
            baseline,
            source: "s".into(),
            scope: None,
            quote: None,
        }
    }

    #[test]
    fn timestamps_show_their_own_date() {
        assert_eq!(
            timestamp(Lang::Zh, "2026-11-23T00:00:00+08:00"),
            "2026年11月23日"
        );
        assert_eq!(
            timestamp(Lang::En, "2026-11-23T00:00:00+08:00"),
            "23 Nov 2026"
        );
        assert_eq!(timestamp(Lang::En, "yesterday"), "yesterday");
    }

    #[test]
    fn period_and_baseline_join() {
        let y = |s: &str| PartialDate::parse(s).unwrap();
        let p = Period {
            start: Some(y("2024")),
            end: Some(y("2024")),
        };
        assert_eq!(
            period_and_baseline(Lang::Zh, &p, Some(&Baseline::YearOnYear)),
            "2024年 · 同比"
        );
        assert_eq!(period_and_baseline(Lang::En, &p, None), "2024");
    }

    #[test]
    fn numbers() {
        assert_eq!(plain_number(12.90), "12.9");
        assert_eq!(plain_number(1800.0), "1800");
        assert_eq!(plain_number(-0.001), "0");
        assert_eq!(grouped_number(53000.0), "53,000");
        assert_eq!(grouped_number(5_200_000.0), "5,200,000");
        assert_eq!(grouped_number(86.59), "86.59");
        assert_eq!(grouped_number(-1234.5), "-1,234.5");
        assert_eq!(chinese_number(53000.0), "5.3万");
        assert_eq!(chinese_number(19_000_000.0), "1900万");
        assert_eq!(chinese_number(120_000_000.0), "1.2亿");
        assert_eq!(chinese_number(389.0), "389");
    }

    // The cases are written out one assertion each, so that a failure names its sentence
    // (the `duplicates` tool pairs the assertions, of the same shape by design).
    #[test]
    fn qualifiers_read_naturally() {
        assert_eq!(
            amount(Lang::Zh, 46000.0, Unit::People, Qualifier::About),
            "约4.6万人"
        );
        assert_eq!(
            amount(Lang::En, 46000.0, Unit::People, Qualifier::About),
            "about 46,000 people"
        );
        assert_eq!(
            amount(Lang::Zh, 1800.0, Unit::Count, Qualifier::AtLeast),
            "1800余"
        );
        assert_eq!(
            amount(Lang::Zh, 95.0, Unit::Percent, Qualifier::AtLeast),
            "95%以上"
        );
        assert_eq!(
            amount(Lang::En, 1800.0, Unit::Count, Qualifier::AtLeast),
            "at least 1,800"
        );
        assert_eq!(
            amount(Lang::En, 3.0, Unit::PercentagePoints, Qualifier::AtMost),
            "at most 3 percentage points"
        );
        assert_eq!(area(Lang::Zh, 5.02, Qualifier::Exact), "5.02平方公里");
    }

    #[test]
    fn changes_say_up_or_down() {
        let yoy = Some(Baseline::YearOnYear);
        assert_eq!(
            figure_value(
                Lang::Zh,
                &fig(-12.9, Unit::Percent, Qualifier::Exact, yoy.clone())
            ),
            "下降12.9%"
        );
        assert_eq!(
            figure_value(
                Lang::En,
                &fig(-45.0, Unit::Percent, Qualifier::About, yoy.clone())
            ),
            "down about 45%"
        );
        assert_eq!(
            figure_value(
                Lang::En,
                &fig(60.0, Unit::Percent, Qualifier::Exact, yoy.clone())
            ),
            "up 60%"
        );
        assert_eq!(
            figure_value(Lang::Zh, &fig(0.0, Unit::Percent, Qualifier::Exact, yoy)),
            "持平"
        );
        assert_eq!(
            figure_value(Lang::En, &fig(92.0, Unit::Percent, Qualifier::Exact, None)),
            "92%"
        );
    }

    #[test]
    fn periods_and_baselines() {
        let y = |s: &str| PartialDate::parse(s).unwrap();
        let p = |s: Option<&str>, e: Option<&str>| Period {
            start: s.map(y),
            end: e.map(y),
        };
        assert_eq!(period(Lang::Zh, &p(Some("2024"), Some("2024"))), "2024年");
        assert_eq!(
            period(Lang::En, &p(Some("2018"), None)),
            "since 2018 (to the report)"
        );
        assert_eq!(
            period(Lang::Zh, &p(None, Some("2025-07-23"))),
            "截至2025年7月23日"
        );
        assert_eq!(
            period(Lang::En, &p(None, Some("2025-07-23"))),
            "up to 23 Jul 2025"
        );
        assert_eq!(period(Lang::En, &p(None, None)), "period not stated");
        assert_eq!(
            period(Lang::En, &p(Some("2023-01"), Some("2023-08"))),
            "Jan 2023 to Aug 2023"
        );
        let b = Baseline::Period {
            start: y("2019"),
            end: y("2019"),
        };
        assert_eq!(baseline(Lang::Zh, Some(&b)), "较2019年");
        assert_eq!(baseline(Lang::En, Some(&b)), "vs 2019");
        assert_eq!(
            baseline(Lang::En, Some(&Baseline::YearsEarlier { years: 6 })),
            "vs 6 years earlier"
        );
        assert_eq!(baseline(Lang::Zh, Some(&Baseline::YearOnYear)), "同比");
        assert_eq!(baseline(Lang::En, None), "");
    }
}
