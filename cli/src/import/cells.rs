//! One cell at a time: numbers, dates, known words (with their Chinese aliases) and
//! baselines, and why a row is rejected before core sees it.

use super::*;

/// Why a row is rejected before core sees it.
pub(super) enum RowError {
    Missing(&'static str),
    Number(&'static str, String),
    Word(&'static str, String, &'static str),
    Date(&'static str, String),
    Month(&'static str, String),
    ExtraCells(usize, usize),
    MonthValue(String, String),
    ProfileSource,
    StatusValue(String),
}

impl RowError {
    pub(super) fn column(&self) -> Option<&str> {
        match self {
            RowError::MonthValue(c, _) => Some(c),
            RowError::Missing(c)
            | RowError::Number(c, _)
            | RowError::Word(c, _, _)
            | RowError::Date(c, _)
            | RowError::Month(c, _) => Some(c),
            RowError::ProfileSource => Some("profile_source"),
            RowError::StatusValue(_) => Some("status"),
            RowError::ExtraCells(..) => None,
        }
    }

    pub(super) fn describe(&self, lang: Lang) -> String {
        let t = msgs(lang);
        match self {
            RowError::Missing(c) => t.cell_missing(c),
            RowError::Number(c, v) => t.cell_not_number(c, v),
            RowError::MonthValue(c, v) => t.cell_not_month_value(c, v),
            RowError::Word(c, v, allowed) => t.cell_not_word(c, v, allowed),
            RowError::Date(c, v) => t.cell_not_date(c, v),
            RowError::Month(c, v) => t.cell_not_month(c, v),
            RowError::ExtraCells(n, w) => t.extra_cells(*n, *w),
            RowError::ProfileSource => t.profile_without_source(),
            RowError::StatusValue(s) => t.status_does_not_fit(s),
        }
    }
}

pub(super) fn number(
    t: &Table,
    cells: &[String],
    column: &'static str,
) -> Result<Option<f64>, RowError> {
    let raw = t.get(cells, column);
    if raw.is_empty() {
        return Ok(None);
    }
    parse_number(raw)
        .map(Some)
        .ok_or_else(|| RowError::Number(column, raw.to_string()))
}

/// A number as spreadsheets write it: `1800`, `1,800`, `12.9%`, `-3.5`, full-width digits.
pub fn parse_number(raw: &str) -> Option<f64> {
    let ascii: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            _ => c,
        })
        .collect();
    let s = ascii.strip_suffix('%').unwrap_or(&ascii).trim();
    // Thousands separators: only between groups of three digits.
    let s = if s.contains(',') {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = int.trim_start_matches(['-', '+']);
        let groups: Vec<&str> = digits.split(',').collect();
        let ok = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return None;
        }
        let joined = int.replace(',', "");
        if frac.is_empty() && !s.contains('.') {
            joined
        } else {
            format!("{joined}.{frac}")
        }
    } else {
        s.to_string()
    };
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
    {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

pub(super) fn required<'a>(
    t: &Table,
    cells: &'a [String],
    column: &'static str,
) -> Result<&'a str, RowError> {
    let v = t
        .columns
        .get(column)
        .and_then(|&i| cells.get(i))
        .map_or("", |s| s.trim());
    if v.is_empty() {
        Err(RowError::Missing(column))
    } else {
        Ok(v)
    }
}

pub(super) fn optional(t: &Table, cells: &[String], column: &str) -> Option<String> {
    let v = t.get(cells, column);
    (!v.is_empty()).then(|| v.to_string())
}

pub(super) fn text(
    t: &Table,
    cells: &[String],
    zh: &'static str,
    en: &str,
) -> Result<Text, RowError> {
    Ok(Text {
        zh: required(t, cells, zh)?.to_string(),
        en: optional(t, cells, en),
    })
}

pub(super) fn optional_text(t: &Table, cells: &[String], zh: &str, en: &str) -> Option<Text> {
    optional(t, cells, zh).map(|zh| Text {
        zh,
        en: optional(t, cells, en),
    })
}

pub(super) fn date(
    t: &Table,
    cells: &[String],
    column: &'static str,
) -> Result<Option<PartialDate>, RowError> {
    match optional(t, cells, column) {
        None => Ok(None),
        Some(v) => PartialDate::parse(&v)
            .map(Some)
            .map_err(|_| RowError::Date(column, v)),
    }
}

/// Parses an English snake_case word of the format, or one of its Chinese names.
pub(super) fn word<T: serde::de::DeserializeOwned>(
    t: &Table,
    cells: &[String],
    column: &'static str,
    aliases: &[(&str, &str)],
    allowed: &'static str,
) -> Result<Option<T>, RowError> {
    let raw = t.get(cells, column);
    if raw.is_empty() {
        return Ok(None);
    }
    let canon = aliases.iter().find(|(alias, _)| *alias == raw).map_or_else(
        || raw.to_ascii_lowercase().replace([' ', '-'], "_"),
        |(_, c)| c.to_string(),
    );
    serde_json::from_value(serde_json::Value::String(canon))
        .map(Some)
        .map_err(|_| RowError::Word(column, raw.to_string(), allowed))
}

pub(super) const UNIT_ALIASES: &[(&str, &str)] = &[
    ("数量", "count"),
    ("起", "count"),
    ("件", "count"),
    ("个", "count"),
    ("次", "count"),
    ("人", "people"),
    ("人数", "people"),
    ("名", "people"),
    ("人次", "person_times"),
    ("%", "percent"),
    ("百分比", "percent"),
    ("百分点", "percentage_points"),
    ("元", "yuan"),
];
pub(super) const UNITS: &str = "count, people, person_times, percent, percentage_points, yuan";

pub(super) const FAMILY_ALIASES: &[(&str, &str)] = &[
    ("警情", "incidents"),
    ("警情与案件", "incidents"),
    ("调解", "mediation"),
    ("矛盾纠纷调解", "mediation"),
    ("群防群治", "group_coverage"),
    ("群防群治与群组覆盖", "group_coverage"),
    ("诈骗", "fraud"),
    ("电信网络诈骗", "fraud"),
    ("其他", "other"),
];
pub(super) const FAMILIES: &str = "incidents, mediation, group_coverage, fraud, other";

// The alias tables are one shape, a table per column (the `duplicates` tool pairs them):
// data, not logic, each with its list of accepted values for the messages.
pub(super) const POLARITY_ALIASES: &[(&str, &str)] = &[
    ("越高越好", "higher_is_better"),
    ("越低越好", "lower_is_better"),
    ("中性", "neutral"),
];
pub(super) const POLARITIES: &str = "higher_is_better, lower_is_better, neutral";

pub(super) const QUALIFIER_ALIASES: &[(&str, &str)] = &[
    ("准确", "exact"),
    ("约", "about"),
    ("余", "at_least"),
    ("以上", "at_least"),
    ("至少", "at_least"),
    ("超过", "at_least"),
    ("不超过", "at_most"),
    ("至多", "at_most"),
    ("以下", "at_most"),
];
pub(super) const QUALIFIERS: &str = "exact, about (约), at_least (余/以上), at_most (不超过)";

pub(super) const STATUS_ALIASES: &[(&str, &str)] = &[
    ("已报告", "reported"),
    ("报告", "reported"),
    ("估计", "estimated"),
    ("估算", "estimated"),
    ("缺失", "missing"),
];
pub(super) const STATUSES: &str = "reported, estimated, missing";

pub(super) const BASELINES: &str =
    "year_on_year (同比), period, since (以来), years_earlier, annual_average (年均), unstated";

pub(super) fn baseline(t: &Table, cells: &[String]) -> Result<Option<Baseline>, RowError> {
    let raw = t.get(cells, "baseline");
    if raw.is_empty() {
        return Ok(None);
    }
    let kind = match raw {
        "同比" => "year_on_year",
        "以来" => "since",
        "年均" => "annual_average",
        "未说明" => "unstated",
        "较某期" => "period",
        "较N年前" | "较n年前" => "years_earlier",
        other => other,
    };
    let bad = || RowError::Word("baseline", raw.to_string(), BASELINES);
    let start = || date(t, cells, "baseline_start")?.ok_or(RowError::Missing("baseline_start"));
    Ok(Some(match kind.to_ascii_lowercase().as_str() {
        "year_on_year" => Baseline::YearOnYear,
        "annual_average" => Baseline::AnnualAverage,
        "unstated" => Baseline::Unstated,
        "since" => Baseline::Since { date: start()? },
        "period" => Baseline::Period {
            start: start()?,
            end: date(t, cells, "baseline_end")?.ok_or(RowError::Missing("baseline_end"))?,
        },
        "years_earlier" => {
            let raw = required(t, cells, "baseline_years")?;
            let years = raw
                .parse::<u32>()
                .map_err(|_| RowError::Number("baseline_years", raw.to_string()))?;
            Baseline::YearsEarlier { years }
        }
        _ => return Err(bad()),
    }))
}
