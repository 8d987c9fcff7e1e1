//! `scorecards import`: spreadsheets (CSV) to a valid data file.
//!
//! Five tables, each optional except stations: sources, metrics (or both from a base JSON
//! file), stations, figures, and monthly series (long: one row per month; or wide: one row
//! per series with a column per month). Headers may be English (`name_zh`) or Chinese
//! (`名称`); see `docs/data-format.md` for the layouts.
//!
//! Every row either ends up in the file or is reported as rejected, with its row number
//! (as a spreadsheet counts: the header is row 1) and the reason. Rows are first checked
//! one by one (numbers, dates, known words), then the assembled document goes through
//! core's [`scorecards_core::validate`] — the same rules as the dashboard — and each
//! problem it finds rejects the row it came from; this repeats until the document is valid
//! (a rejected station also rejects its figures, and says so).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use scorecards_core::i18n::{self, Lang};
use scorecards_core::locate::{parse_path, PathSegment};
use scorecards_core::{
    Baseline, DateFact, Document, Fact, Family, Figure, IssueKind, Metric, PartialDate, Period,
    Polarity, Profile, Qualifier, Region, Series, Source, Station, Text, Unit, ValueStatus,
};

use crate::textenc::{self, Choice};

/// What to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Language of the report.
    pub lang: Lang,
    /// Encoding of the CSV files.
    pub encoding: Choice,
    /// Field delimiter; detected from the header line when absent (`,`, tab or `;`).
    pub delimiter: Option<u8>,
    /// A data file whose publisher, sources, metrics (and stations) are kept.
    pub base: Option<PathBuf>,
    /// `sources.csv`.
    pub sources: Option<PathBuf>,
    /// `metrics.csv`.
    pub metrics: Option<PathBuf>,
    /// `stations.csv`.
    pub stations: Option<PathBuf>,
    /// `figures.csv`.
    pub figures: Option<PathBuf>,
    /// `series.csv`.
    pub series: Option<PathBuf>,
    /// Publisher in Chinese (required without a base file).
    pub publisher_zh: Option<String>,
    /// Publisher in English.
    pub publisher_en: Option<String>,
    /// RFC 3339 time; now when absent.
    pub generated_at: Option<String>,
    /// Mark the file synthetic.
    pub synthetic: bool,
    /// Write the file even when rows were rejected (exit 0).
    pub allow_rejects: bool,
    /// Contents to use instead of reading the named files from disk (tests and fuzzing):
    /// a path listed here is never opened.
    pub in_memory: Vec<(PathBuf, Vec<u8>)>,
}

/// The bytes of `path`: from [`Options::in_memory`] when listed there, else from disk.
fn read_file(opts: &Options, path: &PathBuf) -> std::io::Result<Vec<u8>> {
    match opts.in_memory.iter().find(|(p, _)| p == path) {
        Some((_, bytes)) => Ok(bytes.clone()),
        None => std::fs::read(path),
    }
}

/// A rejected row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// The CSV file.
    pub file: String,
    /// Row number as a spreadsheet shows it (header = 1).
    pub row: usize,
    /// The column at fault, when one is.
    pub column: Option<String>,
    /// Why, in the chosen language.
    pub reason: String,
}

/// The result of an import.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The data file (pretty JSON), when one is to be written.
    pub json: Option<String>,
    /// The report for people.
    pub report: String,
    /// Every rejected row.
    pub rejects: Vec<Reject>,
    /// 0: written, nothing rejected (or `--allow-rejects`); 1: rows rejected, nothing
    /// written; 2: unusable input.
    pub exit_code: u8,
}

fn tr(lang: Lang, zh: String, en: String) -> String {
    if lang == Lang::Zh {
        zh
    } else {
        en
    }
}

/// "1 row", "2 rows".
fn en_count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// One table's columns: canonical name, Chinese names, required.
type Columns = &'static [(&'static str, &'static [&'static str], bool)];

const SOURCE_COLUMNS: Columns = &[
    ("id", &["标识", "来源标识"], true),
    ("title_zh", &["标题"], true),
    ("title_en", &["英文标题"], false),
    ("publisher_zh", &["发布者", "出版方"], true),
    ("publisher_en", &["英文发布者"], false),
    ("date", &["日期", "发布日期"], false),
    ("authors", &["作者"], false),
    ("url", &["链接", "网址"], false),
];

const METRIC_COLUMNS: Columns = &[
    ("id", &["标识", "指标标识"], true),
    ("label_zh", &["名称", "指标名称"], true),
    ("label_en", &["英文名称"], false),
    ("unit", &["单位"], true),
    ("family", &["方面", "类别"], true),
    ("polarity", &["方向"], true),
];

const STATION_COLUMNS: Columns = &[
    ("id", &["标识", "派出所标识"], true),
    ("name_zh", &["名称", "派出所"], true),
    ("name_en", &["英文名称"], false),
    ("province_zh", &["省份", "省"], true),
    ("province_en", &["英文省份"], false),
    ("city_zh", &["城市", "市"], false),
    ("city_en", &["英文城市"], false),
    ("district_zh", &["区县"], false),
    ("district_en", &["英文区县"], false),
    ("parent_bureau_zh", &["上级公安机关"], false),
    ("parent_bureau_en", &["英文上级公安机关"], false),
    ("area_km2", &["辖区面积"], false),
    ("population", &["实有人口"], false),
    ("officers", &["民警"], false),
    ("auxiliary_officers", &["辅警"], false),
    ("founded", &["建所时间"], false),
    ("profile_source", &["基本情况来源"], false),
];

const FIGURE_COLUMNS: Columns = &[
    ("station", &["派出所标识"], true),
    ("metric", &["指标", "指标标识"], true),
    ("value", &["数值"], true),
    ("unit", &["单位"], true),
    ("qualifier", &["限定"], false),
    ("period_start", &["开始"], false),
    ("period_end", &["结束"], false),
    ("baseline", &["比较基准"], false),
    ("baseline_start", &["基准开始"], false),
    ("baseline_end", &["基准结束"], false),
    ("baseline_years", &["基准年数"], false),
    ("source", &["来源", "来源标识"], true),
    ("scope_zh", &["范围"], false),
    ("scope_en", &["英文范围"], false),
    ("quote", &["原文"], false),
];

/// Long layout (one row per month, with `month`) or wide (a column per month, no `month`).
const SERIES_COLUMNS: Columns = &[
    ("station", &["派出所标识"], true),
    ("metric", &["指标", "指标标识"], true),
    ("month", &["月份"], false),
    ("value", &["数值"], false),
    ("status", &["状态"], false),
    ("source", &["来源", "来源标识"], true),
];

/// Problems that stop the import (exit 2).
struct Fatal(String);

/// A CSV file read into rows of named cells.
struct Table {
    name: String,
    encoding: String,
    /// Canonical column name → index.
    columns: HashMap<&'static str, usize>,
    /// Month columns of a wide series table: (index, month index, header).
    months: Vec<(usize, i64, String)>,
    /// Number of cells in the header row.
    width: usize,
    /// (spreadsheet row number, cells).
    rows: Vec<(usize, Vec<String>)>,
    blank: usize,
    ignored: Vec<String>,
}

impl Table {
    fn get<'a>(&self, cells: &'a [String], column: &str) -> &'a str {
        self.columns
            .get(column)
            .and_then(|&i| cells.get(i))
            .map_or("", |s| s.trim())
    }
}

fn normalize(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{FEFF}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

fn read_table(
    path: &PathBuf,
    columns: Columns,
    wide_months: bool,
    opts: &Options,
) -> Result<Table, Fatal> {
    let lang = opts.lang;
    let name = path.display().to_string();
    let bytes = read_file(opts, path).map_err(|e| {
        Fatal(tr(
            lang,
            format!("{name}: 无法读取文件：{e}。"),
            format!("{name}: cannot be read: {e}."),
        ))
    })?;
    let decoded = textenc::decode(&bytes, opts.encoding).map_err(|e| {
        Fatal(tr(
            lang,
            format!(
                "{name}: 第 {} 行不是有效的 {} 文本；请用 --encoding 指定编码（utf-8、gbk 或 gb18030）。",
                e.line, e.encoding
            ),
            format!(
                "{name}: line {} is not valid {} text; name the encoding with --encoding (utf-8, gbk or gb18030).",
                e.line, e.encoding
            ),
        ))
    })?;
    let text = decoded.text;
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = opts.delimiter.unwrap_or_else(|| {
        [b',', b'\t', b';']
            .into_iter()
            .max_by_key(|&d| (first_line.bytes().filter(|&b| b == d).count(), d == b','))
            .unwrap_or(b',')
    });
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(Fatal(format!("{name}: {e}"))),
        None => {
            return Err(Fatal(tr(
                lang,
                format!("{name}: 文件是空的：第 1 行应为列名。"),
                format!("{name}: the file is empty: row 1 must name the columns."),
            )))
        }
    };
    let mut table = Table {
        name: name.clone(),
        encoding: decoded.encoding,
        columns: HashMap::new(),
        months: Vec::new(),
        width: header.len(),
        rows: Vec::new(),
        blank: 0,
        ignored: Vec::new(),
    };
    for (i, h) in header.iter().enumerate() {
        let n = normalize(h);
        if n.is_empty() {
            continue;
        }
        let found = columns
            .iter()
            .find(|(canon, zh, _)| *canon == n || zh.iter().any(|z| normalize(z) == n));
        if let Some((canon, _, _)) = found {
            if table.columns.insert(canon, i).is_some() {
                return Err(Fatal(tr(
                    lang,
                    format!("{name}: 列“{canon}”出现了两次。"),
                    format!("{name}: the column “{canon}” appears twice."),
                )));
            }
        } else if let Some(m) = wide_months.then(|| parse_month(h.trim())).flatten() {
            table.months.push((i, m, h.trim().to_string()));
        } else {
            table.ignored.push(h.trim().to_string());
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|(canon, _, required)| *required && !table.columns.contains_key(canon))
        .map(|(canon, zh, _)| {
            if lang == Lang::Zh && !zh.is_empty() {
                zh[0]
            } else {
                canon
            }
        })
        .collect();
    if !missing.is_empty() {
        let allowed: Vec<String> = columns
            .iter()
            .map(|(canon, zh, _)| match (zh.first(), lang) {
                (Some(z), Lang::Zh) => format!("{canon}（{z}）"),
                (Some(z), Lang::En) => format!("{canon} ({z})"),
                (None, _) => canon.to_string(),
            })
            .collect();
        return Err(Fatal(tr(
            lang,
            format!(
                "{name}: 缺少必需的列：{}。可用的列：{}。",
                missing.join("、"),
                allowed.join("、")
            ),
            format!(
                "{name}: required columns are missing: {}. The columns are: {}.",
                missing.join(", "),
                allowed.join(", ")
            ),
        )));
    }
    for (k, record) in records.enumerate() {
        let row = k + 2;
        let record = record.map_err(|e| Fatal(format!("{name}: row {row}: {e}")))?;
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            table.blank += 1;
            continue;
        }
        table.rows.push((row, cells));
    }
    Ok(table)
}

/// `2024-01`, `2024-1`, `2024/01`, `2024/1/1`, `2024-01-01` (first of the month, as Excel
/// writes a month), `2024年1月` → month index.
pub fn parse_month(s: &str) -> Option<i64> {
    let s = s.trim();
    let s = s.strip_suffix('月').unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '年', '.']).collect();
    let (y, m) = match parts.as_slice() {
        [y, m] => (y, m),
        [y, m, d] if d.parse::<u32>() == Ok(1) => (y, m),
        _ => return None,
    };
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let y: i64 = y.parse().ok()?;
    let m: i64 = m.parse().ok()?;
    (1..=12).contains(&m).then_some(y * 12 + m - 1)
}

/// Why a row is rejected before core sees it.
enum RowError {
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
    fn column(&self) -> Option<&str> {
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

    fn describe(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            RowError::Missing(c) => tr(lang, format!("必填的“{c}”是空的。"), format!("The required “{c}” is empty.")),
            RowError::Number(c, v) => tr(lang, format!("“{c}”的“{v}”不是数字。"), format!("“{v}” in “{c}” is not a number.")),
            RowError::MonthValue(c, v) => tr(lang, format!("“{c}”的“{v}”不是数字（估计值写作数字加 *，例如 12*）。"), format!("“{v}” in “{c}” is not a number (write an estimate as a number and *, such as 12*).")),
            RowError::Word(c, v, allowed) => tr(lang, format!("“{c}”的“{v}”不是可用的取值（{allowed}）。"), format!("“{v}” in “{c}” is not one of: {allowed}.")),
            RowError::Date(c, v) => tr(lang, format!("“{c}”的“{v}”不是有效日期（YYYY、YYYY-MM 或 YYYY-MM-DD）。"), format!("“{v}” in “{c}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD).")),
            RowError::Month(c, v) => tr(lang, format!("“{c}”的“{v}”不是月份（例如 2024-01）。"), format!("“{v}” in “{c}” is not a month (such as 2024-01).")),
            RowError::ExtraCells(n, w) => tr(lang, format!("这一行有 {n} 个单元格，而列名只有 {w} 个。"), format!("The row has {n} cells but the header names {w} columns.")),
            RowError::ProfileSource => (if zh { "有基本情况数据，但“profile_source”是空的：每个数据都要有来源。" } else { "Profile values are given but “profile_source” is empty: every value needs a source." }).to_string(),
            RowError::StatusValue(s) => tr(lang, format!("状态“{s}”与数值不符：缺失（missing）的月份数值必须为空，其余月份必须有数值。"), format!("The status “{s}” does not fit the value: a missing month has no value, every other month has one.")),
        }
    }
}

fn number(t: &Table, cells: &[String], column: &'static str) -> Result<Option<f64>, RowError> {
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

fn required<'a>(t: &Table, cells: &'a [String], column: &'static str) -> Result<&'a str, RowError> {
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

fn optional(t: &Table, cells: &[String], column: &str) -> Option<String> {
    let v = t.get(cells, column);
    (!v.is_empty()).then(|| v.to_string())
}

fn text(t: &Table, cells: &[String], zh: &'static str, en: &str) -> Result<Text, RowError> {
    Ok(Text {
        zh: required(t, cells, zh)?.to_string(),
        en: optional(t, cells, en),
    })
}

fn optional_text(t: &Table, cells: &[String], zh: &str, en: &str) -> Option<Text> {
    optional(t, cells, zh).map(|zh| Text {
        zh,
        en: optional(t, cells, en),
    })
}

fn date(
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
fn word<T: serde::de::DeserializeOwned>(
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

const UNIT_ALIASES: &[(&str, &str)] = &[
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
const UNITS: &str = "count, people, person_times, percent, percentage_points, yuan";

const FAMILY_ALIASES: &[(&str, &str)] = &[
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
const FAMILIES: &str = "incidents, mediation, group_coverage, fraud, other";

const POLARITY_ALIASES: &[(&str, &str)] = &[
    ("越高越好", "higher_is_better"),
    ("越低越好", "lower_is_better"),
    ("中性", "neutral"),
];
const POLARITIES: &str = "higher_is_better, lower_is_better, neutral";

const QUALIFIER_ALIASES: &[(&str, &str)] = &[
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
const QUALIFIERS: &str = "exact, about (约), at_least (余/以上), at_most (不超过)";

const STATUS_ALIASES: &[(&str, &str)] = &[
    ("已报告", "reported"),
    ("报告", "reported"),
    ("估计", "estimated"),
    ("估算", "estimated"),
    ("缺失", "missing"),
];
const STATUSES: &str = "reported, estimated, missing";

const BASELINES: &str =
    "year_on_year (同比), period, since (以来), years_earlier, annual_average (年均), unstated";

fn baseline(t: &Table, cells: &[String]) -> Result<Option<Baseline>, RowError> {
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

/// Where an item of the document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RowRef {
    Base,
    /// (table index, spreadsheet row)
    Row(usize, usize),
}

struct FigureRow {
    station: String,
    figure: Figure,
}

struct MonthRow {
    station: String,
    metric: String,
    source: String,
    month: i64,
    value: Option<f64>,
    status: Option<ValueStatus>,
}

struct WideRow {
    station: String,
    metric: String,
    source: String,
    start: i64,
    values: Vec<Option<f64>>,
    status: Vec<ValueStatus>,
}

#[derive(Default)]
struct Parsed {
    tables: Vec<(String, String, usize, usize, Vec<String>)>,
    sources: Vec<(RowRef, Source)>,
    metrics: Vec<(RowRef, Metric)>,
    stations: Vec<(RowRef, Station)>,
    figures: Vec<(RowRef, FigureRow)>,
    months: Vec<(RowRef, MonthRow)>,
    wide: Vec<(RowRef, WideRow)>,
    /// Station rows rejected before they became stations: (id, row).
    rejected_stations: Vec<(String, RowRef)>,
}

struct Rejected {
    list: Vec<(RowRef, Option<String>, String)>,
    set: HashSet<RowRef>,
}

impl Rejected {
    fn add(&mut self, from: RowRef, column: Option<&str>, reason: String) {
        if self.set.insert(from) {
            self.list.push((from, column.map(str::to_string), reason));
        }
    }
}

/// Runs an import.
pub fn import(opts: &Options) -> Outcome {
    let lang = opts.lang;
    match run(opts) {
        Ok(outcome) => outcome,
        Err(Fatal(message)) => Outcome {
            json: None,
            report: format!(
                "{message}\n{}\n",
                tr(lang, "未写入文件。".into(), "No file was written.".into())
            ),
            rejects: Vec::new(),
            exit_code: 2,
        },
    }
}

fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

fn run(opts: &Options) -> Result<Outcome, Fatal> {
    let lang = opts.lang;
    let mut base: Option<Document> = None;
    if let Some(path) = &opts.base {
        let name = path.display().to_string();
        let bytes = read_file(opts, path).map_err(|e| {
            Fatal(tr(
                lang,
                format!("{name}: 无法读取基础文件：{e}。"),
                format!("{name}: cannot read the base file: {e}."),
            ))
        })?;
        let doc = scorecards_core::decode(&bytes, &name).map_err(|_| {
            let check = crate::check::Options {
                lang,
                ..Default::default()
            };
            let report = crate::check::check_bytes(bytes.clone(), &name, &check);
            let text = crate::check::render_text(&[report], lang, 0);
            Fatal(format!(
                "{}{}",
                tr(
                    lang,
                    "基础文件不可用：\n".into(),
                    "The base file cannot be used:\n".into()
                ),
                text.trim_end()
            ))
        })?;
        base = Some(doc);
    }
    if opts.stations.is_none() && base.as_ref().is_none_or(|b| b.stations.is_empty()) {
        return Err(Fatal(tr(
            lang,
            "没有派出所：请用 --stations 指定 stations.csv。".into(),
            "No stations: name a stations CSV with --stations.".into(),
        )));
    }
    let publisher = match (&opts.publisher_zh, &base) {
        (Some(zh), _) => Text {
            zh: zh.clone(),
            en: opts.publisher_en.clone(),
        },
        (None, Some(b)) => b.publisher.clone(),
        (None, None) => {
            return Err(Fatal(tr(
                lang,
                "请用 --publisher 指定发布方（或用 --base 提供基础文件）。".into(),
                "Name the publisher with --publisher (or give a base file with --base).".into(),
            )))
        }
    };
    let generated_at = opts.generated_at.clone().unwrap_or_else(now_rfc3339);
    if chrono::DateTime::parse_from_rfc3339(&generated_at).is_err() {
        return Err(Fatal(format!(
            "--generated-at: {}",
            i18n::describe_issue(lang, &IssueKind::BadTimestamp { text: generated_at })
        )));
    }

    let mut parsed = Parsed::default();
    let mut rejected = Rejected {
        list: Vec::new(),
        set: HashSet::new(),
    };
    if let Some(b) = &base {
        parsed.sources = b
            .sources
            .iter()
            .map(|s| (RowRef::Base, s.clone()))
            .collect();
        parsed.metrics = b
            .metrics
            .iter()
            .map(|m| (RowRef::Base, m.clone()))
            .collect();
        parsed.stations = b
            .stations
            .iter()
            .map(|s| (RowRef::Base, s.clone()))
            .collect();
    }
    let specs: [(&Option<PathBuf>, Columns, bool); 5] = [
        (&opts.sources, SOURCE_COLUMNS, false),
        (&opts.metrics, METRIC_COLUMNS, false),
        (&opts.stations, STATION_COLUMNS, false),
        (&opts.figures, FIGURE_COLUMNS, false),
        (&opts.series, SERIES_COLUMNS, true),
    ];
    for (kind, (path, columns, wide_ok)) in specs.into_iter().enumerate() {
        let Some(path) = path else { continue };
        let mut table = read_table(path, columns, wide_ok, opts)?;
        let ti = parsed.tables.len();
        if kind == 4 && table.columns.contains_key("month") {
            // Long layout: columns named by month are not expected.
            for (_, _, header) in std::mem::take(&mut table.months) {
                table.ignored.push(header);
            }
        } else if kind == 4 && table.months.is_empty() {
            return Err(Fatal(tr(
                lang,
                format!("{}: 缺少“month”（月份）列，也没有以月份（如 2024-01）为名的列。", table.name),
                format!("{}: there is no “month” column and no columns named by month (such as 2024-01).", table.name),
            )));
        }
        let width = table.width;
        for (row, cells) in &table.rows {
            let from = RowRef::Row(ti, *row);
            let extra = cells.iter().skip(width).any(|c| !c.trim().is_empty());
            let result = if extra {
                Err(RowError::ExtraCells(cells.len(), width))
            } else {
                parse_row(kind, &table, cells, from, &mut parsed)
            };
            if let Err(e) = result {
                if kind == 2 {
                    // Its figures and series will say that their station was rejected.
                    let id = table.get(cells, "id");
                    if !id.is_empty() {
                        parsed.rejected_stations.push((id.to_string(), from));
                    }
                }
                rejected.add(from, e.column(), e.describe(lang));
            }
        }
        parsed.tables.push((
            table.name.clone(),
            table.encoding.clone(),
            table.rows.len(),
            table.blank,
            table.ignored.clone(),
        ));
    }

    // Assemble, validate, reject what core refuses, until nothing is refused.
    let (doc, warnings) = loop {
        let (doc, origins) = assemble(
            &parsed,
            &mut rejected,
            lang,
            publisher.clone(),
            &generated_at,
            opts,
            &base,
        );
        let issues = scorecards_core::validate(&doc);
        let mut fatal = Vec::new();
        let mut progress = false;
        let mut warnings = Vec::new();
        for issue in &issues {
            let from = origins.of(&issue.path);
            if issue.is_warning() {
                warnings.push((from, issue.clone()));
                continue;
            }
            match from {
                Some(RowRef::Row(t, r)) => {
                    let mut reason = i18n::describe_issue(lang, &issue.kind);
                    if let Some(note) = rejected_note(&issue.kind, &parsed, &rejected, lang) {
                        reason.push_str(&note);
                    }
                    let before = rejected.set.len();
                    rejected.add(RowRef::Row(t, r), column_of(&issue.path), reason);
                    progress |= rejected.set.len() > before;
                }
                _ => fatal.push(format!(
                    "{} {}: {}",
                    tr(lang, "基础文件".into(), "base file".into()),
                    issue.path,
                    i18n::describe_issue(lang, &issue.kind)
                )),
            }
        }
        if !fatal.is_empty() {
            return Err(Fatal(fatal.join("\n")));
        }
        if !progress {
            break (doc, warnings);
        }
    };

    let mut report = String::new();
    for (name, encoding, rows, blank, ignored) in &parsed.tables {
        let rejected_here = rejected
            .list
            .iter()
            .filter(|(f, _, _)| matches!(f, RowRef::Row(t, _) if parsed.tables[*t].0 == *name))
            .count();
        let _ = writeln!(
            report,
            "{}",
            tr(
                lang,
                format!(
                    "{name}（{encoding}）：{rows} 行数据，接受 {} 行，拒绝 {rejected_here} 行{}。",
                    rows - rejected_here,
                    if *blank > 0 {
                        format!("，跳过 {blank} 个空行")
                    } else {
                        String::new()
                    }
                ),
                format!(
                    "{name} ({encoding}): {}, {} accepted, {rejected_here} rejected{}.",
                    en_count(*rows, "row"),
                    rows - rejected_here,
                    if *blank > 0 {
                        format!(", {} skipped", en_count(*blank, "blank row"))
                    } else {
                        String::new()
                    }
                ),
            )
        );
        if !ignored.is_empty() {
            let _ = writeln!(
                report,
                "{}",
                tr(
                    lang,
                    format!("{name}: 警告：忽略了不认识的列：{}。", ignored.join("、")),
                    format!(
                        "{name}: warning: columns not recognised and ignored: {}.",
                        ignored.join(", ")
                    ),
                )
            );
        }
    }
    let mut rejects: Vec<Reject> = rejected
        .list
        .iter()
        .filter_map(|(from, column, reason)| match from {
            RowRef::Row(t, row) => Some(Reject {
                file: parsed.tables[*t].0.clone(),
                row: *row,
                column: column.clone(),
                reason: reason.clone(),
            }),
            RowRef::Base => None,
        })
        .collect();
    rejects.sort_by(|a, b| (&a.file, a.row).cmp(&(&b.file, b.row)));
    // Tables in the order they were read.
    let order: HashMap<&str, usize> = parsed
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| (t.0.as_str(), i))
        .collect();
    rejects.sort_by_key(|r| (order.get(r.file.as_str()).copied(), r.row));
    for r in &rejects {
        let column = r
            .column
            .as_ref()
            .map(|c| tr(lang, format!("（列 {c}）"), format!(" (column {c})")))
            .unwrap_or_default();
        let _ = writeln!(
            report,
            "{}",
            tr(
                lang,
                format!("{} 第 {} 行：已拒绝{column}：{}", r.file, r.row, r.reason),
                format!("{} row {}: rejected{column}: {}", r.file, r.row, r.reason),
            )
        );
    }
    for (from, issue) in &warnings {
        let place = match from {
            Some(RowRef::Row(t, row)) => tr(
                lang,
                format!("{} 第 {row} 行", parsed.tables[*t].0),
                format!("{} row {row}", parsed.tables[*t].0),
            ),
            _ => tr(lang, "基础文件".into(), "base file".into()),
        };
        let _ = writeln!(
            report,
            "{place}: {}{}",
            tr(lang, "警告：".into(), "warning: ".into()),
            i18n::describe_issue(lang, &issue.kind)
        );
    }
    let figures: usize = doc.stations.iter().map(|s| s.figures.len()).sum();
    let series: usize = doc.stations.iter().map(|s| s.series.len()).sum();
    let counts = tr(
        lang,
        format!(
            "{} 个来源，{} 个指标，{} 个派出所，{figures} 项数据，{series} 个月度序列",
            doc.sources.len(),
            doc.metrics.len(),
            doc.stations.len()
        ),
        format!(
            "{}, {}, {}, {}, {series} monthly series",
            en_count(doc.sources.len(), "source"),
            en_count(doc.metrics.len(), "metric"),
            en_count(doc.stations.len(), "station"),
            en_count(figures, "figure"),
        ),
    );
    let write = rejects.is_empty() || opts.allow_rejects;
    let _ = writeln!(
        report,
        "{}",
        match (write, rejects.is_empty()) {
            (true, true) => tr(lang, format!("数据有效：{counts}。"), format!("The data is valid: {counts}.")),
            (true, false) => tr(lang, format!("拒绝了 {} 行（--allow-rejects）；其余数据有效：{counts}。", rejects.len()), format!("{} rejected (--allow-rejects); the rest is valid: {counts}.", en_count(rejects.len(), "row"))),
            (false, _) => tr(lang, format!("拒绝了 {} 行，未写入文件：请修正这些行，或用 --allow-rejects 只写入其余数据。", rejects.len()), format!("{} rejected, no file written: correct them, or pass --allow-rejects to write the rest.", en_count(rejects.len(), "row"))),
        }
    );
    let json = if write {
        let text = crate::jsonfmt::to_string(&doc, true);
        // One definition of valid: what we write is what the dashboard loads.
        if let Err(e) = scorecards_core::parse(text.as_bytes(), "import") {
            return Err(Fatal(format!(
                "internal error: the imported file does not load: {e:?}"
            )));
        }
        Some(text)
    } else {
        None
    };
    Ok(Outcome {
        json,
        report,
        exit_code: if write { 0 } else { 1 },
        rejects,
    })
}

/// "(metrics.csv row 3 was rejected)" when a reference points at a rejected row.
fn rejected_note(
    kind: &IssueKind,
    parsed: &Parsed,
    rejected: &Rejected,
    lang: Lang,
) -> Option<String> {
    let (id, from) = match kind {
        IssueKind::UnknownMetric { id } => (
            id,
            parsed
                .metrics
                .iter()
                .find(|(f, m)| m.id == *id && rejected.set.contains(f))?
                .0,
        ),
        IssueKind::UnknownSource { id } => (
            id,
            parsed
                .sources
                .iter()
                .find(|(f, s)| s.id == *id && rejected.set.contains(f))?
                .0,
        ),
        _ => return None,
    };
    let RowRef::Row(t, row) = from else {
        return None;
    };
    let _ = id;
    let file = &parsed.tables[t].0;
    Some(tr(
        lang,
        format!("（{file} 第 {row} 行已被拒绝）"),
        format!(" ({file} row {row} was rejected)"),
    ))
}

/// The CSV column a JSON path points at, where there is an obvious one.
fn column_of(path: &str) -> Option<&'static str> {
    let segs = parse_path(path)?;
    let keys: Vec<&str> = segs
        .iter()
        .filter_map(|s| match s {
            PathSegment::Key(k) => Some(k.as_str()),
            PathSegment::Index(_) => None,
        })
        .collect();
    Some(match keys.as_slice() {
        [.., "profile", fact, "value"] => match *fact {
            "area_km2" => "area_km2",
            "population" => "population",
            "officers" => "officers",
            _ => "auxiliary_officers",
        },
        [.., "profile", _, "source"] => "profile_source",
        ["stations", "figures", "period"] => "period_start",
        ["stations", "figures", "baseline"] => "baseline_start",
        [.., "values"] | [.., "status"] => "value",
        [.., last] => match *last {
            "id" => "id",
            "metric" => "metric",
            "source" => "source",
            "unit" => "unit",
            "value" => "value",
            "url" => "url",
            "start" => "month",
            _ => return None,
        },
        [] => return None,
    })
}

fn parse_row(
    kind: usize,
    t: &Table,
    cells: &[String],
    from: RowRef,
    p: &mut Parsed,
) -> Result<(), RowError> {
    match kind {
        0 => p.sources.push((
            from,
            Source {
                id: required(t, cells, "id")?.to_string(),
                title: text(t, cells, "title_zh", "title_en")?,
                publisher: text(t, cells, "publisher_zh", "publisher_en")?,
                date: date(t, cells, "date")?,
                authors: optional(t, cells, "authors"),
                url: optional(t, cells, "url"),
            },
        )),
        1 => p.metrics.push((
            from,
            Metric {
                id: required(t, cells, "id")?.to_string(),
                label: text(t, cells, "label_zh", "label_en")?,
                unit: word::<Unit>(t, cells, "unit", UNIT_ALIASES, UNITS)?
                    .ok_or(RowError::Missing("unit"))?,
                family: word::<Family>(t, cells, "family", FAMILY_ALIASES, FAMILIES)?
                    .ok_or(RowError::Missing("family"))?,
                polarity: word::<Polarity>(t, cells, "polarity", POLARITY_ALIASES, POLARITIES)?
                    .ok_or(RowError::Missing("polarity"))?,
            },
        )),
        2 => {
            let source = optional(t, cells, "profile_source");
            let fact = |column: &'static str| -> Result<Option<Fact>, RowError> {
                match number(t, cells, column)? {
                    None => Ok(None),
                    Some(value) => Ok(Some(Fact {
                        value,
                        qualifier: Qualifier::Exact,
                        source: source.clone().ok_or(RowError::ProfileSource)?,
                        quote: None,
                    })),
                }
            };
            let profile = Profile {
                area_km2: fact("area_km2")?,
                population: fact("population")?,
                officers: fact("officers")?,
                auxiliary_officers: fact("auxiliary_officers")?,
                founded: match date(t, cells, "founded")? {
                    None => None,
                    Some(date) => Some(DateFact {
                        date,
                        source: source.clone().ok_or(RowError::ProfileSource)?,
                        quote: None,
                    }),
                },
            };
            p.stations.push((
                from,
                Station {
                    id: required(t, cells, "id")?.to_string(),
                    name: text(t, cells, "name_zh", "name_en")?,
                    region: Region {
                        province: text(t, cells, "province_zh", "province_en")?,
                        city: optional_text(t, cells, "city_zh", "city_en"),
                        district: optional_text(t, cells, "district_zh", "district_en"),
                    },
                    parent_bureau: optional_text(t, cells, "parent_bureau_zh", "parent_bureau_en"),
                    profile,
                    figures: Vec::new(),
                    series: Vec::new(),
                    detail: None,
                },
            ));
        }
        3 => {
            let figure = Figure {
                metric: required(t, cells, "metric")?.to_string(),
                value: number(t, cells, "value")?.ok_or(RowError::Missing("value"))?,
                unit: word::<Unit>(t, cells, "unit", UNIT_ALIASES, UNITS)?
                    .ok_or(RowError::Missing("unit"))?,
                qualifier: word::<Qualifier>(t, cells, "qualifier", QUALIFIER_ALIASES, QUALIFIERS)?
                    .unwrap_or_default(),
                period: Period {
                    start: date(t, cells, "period_start")?,
                    end: date(t, cells, "period_end")?,
                },
                baseline: baseline(t, cells)?,
                source: required(t, cells, "source")?.to_string(),
                scope: optional_text(t, cells, "scope_zh", "scope_en"),
                quote: optional(t, cells, "quote"),
            };
            p.figures.push((
                from,
                FigureRow {
                    station: required(t, cells, "station")?.to_string(),
                    figure,
                },
            ));
        }
        _ if t.months.is_empty() => {
            let raw_month = required(t, cells, "month")?;
            let month = parse_month(raw_month)
                .ok_or_else(|| RowError::Month("month", raw_month.to_string()))?;
            let value = number(t, cells, "value")?;
            let status = word::<ValueStatus>(t, cells, "status", STATUS_ALIASES, STATUSES)?;
            let consistent = match status {
                Some(ValueStatus::Missing) => value.is_none(),
                Some(_) => value.is_some(),
                None => true,
            };
            if !consistent {
                return Err(RowError::StatusValue(t.get(cells, "status").to_string()));
            }
            p.months.push((
                from,
                MonthRow {
                    station: required(t, cells, "station")?.to_string(),
                    metric: required(t, cells, "metric")?.to_string(),
                    source: required(t, cells, "source")?.to_string(),
                    month,
                    value,
                    status,
                },
            ));
        }
        _ => {
            let first = t.months.iter().map(|(_, m, _)| *m).min().unwrap_or(0);
            let last = t.months.iter().map(|(_, m, _)| *m).max().unwrap_or(0);
            let len = (last - first + 1) as usize;
            let mut values = vec![None; len];
            let mut status = vec![ValueStatus::Missing; len];
            for (i, m, header) in &t.months {
                let (i, m) = (*i, *m);
                let raw = cells.get(i).map_or("", |s| s.trim());
                if raw.is_empty() {
                    continue;
                }
                let (raw_num, estimated) = match raw.strip_suffix('*') {
                    Some(r) => (r, true),
                    None => (raw, false),
                };
                let v = parse_number(raw_num)
                    .ok_or_else(|| RowError::MonthValue(header.clone(), raw.to_string()))?;
                let k = (m - first) as usize;
                values[k] = Some(v);
                status[k] = if estimated {
                    ValueStatus::Estimated
                } else {
                    ValueStatus::Reported
                };
            }
            // Trailing and leading months nobody filled are not part of the series.
            p.wide.push((
                from,
                WideRow {
                    station: required(t, cells, "station")?.to_string(),
                    metric: required(t, cells, "metric")?.to_string(),
                    source: required(t, cells, "source")?.to_string(),
                    start: first,
                    values,
                    status,
                },
            ));
        }
    }
    Ok(())
}

/// The rows of one series: by month offset, and all of them.
type SeriesRows = (BTreeMap<usize, RowRef>, Vec<RowRef>);

/// Rows of a long series table grouped by (station index, metric).
type Group<'a> = ((usize, String), Vec<(RowRef, &'a MonthRow)>);

/// Where each item of the assembled document came from.
#[derive(Default)]
struct Origins {
    sources: Vec<RowRef>,
    metrics: Vec<RowRef>,
    stations: Vec<RowRef>,
    figures: HashMap<(usize, usize), RowRef>,
    /// (station, series) → month offset → row, and all rows.
    series: HashMap<(usize, usize), SeriesRows>,
}

impl Origins {
    /// The row a JSON path of the document comes from.
    fn of(&self, path: &str) -> Option<RowRef> {
        use PathSegment::{Index, Key};
        let segs = parse_path(path)?;
        let key = |i: usize| match segs.get(i) {
            Some(Key(k)) => Some(k.as_str()),
            _ => None,
        };
        let index = |i: usize| match segs.get(i) {
            Some(Index(n)) => Some(*n),
            _ => None,
        };
        match (key(0)?, index(1)) {
            ("sources", Some(i)) => self.sources.get(i).copied(),
            ("metrics", Some(i)) => self.metrics.get(i).copied(),
            ("stations", Some(i)) => match (key(2), index(3)) {
                (Some("figures"), Some(j)) => self.figures.get(&(i, j)).copied(),
                (Some("series"), Some(j)) => {
                    let (by_month, all) = self.series.get(&(i, j))?;
                    match (key(4), index(5)) {
                        (Some("values" | "status"), Some(k)) => {
                            by_month.get(&k).copied().or(all.first().copied())
                        }
                        _ => all.first().copied(),
                    }
                }
                _ => self.stations.get(i).copied(),
            },
            _ => None,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    p: &Parsed,
    rejected: &mut Rejected,
    lang: Lang,
    publisher: Text,
    generated_at: &str,
    opts: &Options,
    base: &Option<Document>,
) -> (Document, Origins) {
    let mut o = Origins::default();
    let keep = |f: &RowRef, rejected: &Rejected| !rejected.set.contains(f);
    let mut doc = Document {
        schema_version: scorecards_core::SCHEMA_VERSION,
        publisher,
        generated_at: generated_at.to_string(),
        synthetic: opts.synthetic || base.as_ref().is_some_and(|b| b.synthetic),
        kind: scorecards_core::Kind::Complete,
        sources: Vec::new(),
        metrics: Vec::new(),
        stations: Vec::new(),
    };
    for (f, s) in p.sources.iter().filter(|(f, _)| keep(f, rejected)) {
        doc.sources.push(s.clone());
        o.sources.push(*f);
    }
    for (f, m) in p.metrics.iter().filter(|(f, _)| keep(f, rejected)) {
        doc.metrics.push(m.clone());
        o.metrics.push(*f);
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (f, s) in p.stations.iter().filter(|(f, _)| keep(f, rejected)) {
        index.entry(s.id.as_str()).or_insert(doc.stations.len());
        doc.stations.push(s.clone());
        o.stations.push(*f);
    }
    let station_missing = |id: &str, rejected: &Rejected| -> String {
        let gone = p
            .stations
            .iter()
            .find(|(f, s)| s.id == id && rejected.set.contains(f))
            .map(|(f, _)| *f)
            .or_else(|| {
                p.rejected_stations
                    .iter()
                    .find(|(sid, _)| sid == id)
                    .map(|(_, f)| *f)
            });
        match gone {
            Some(RowRef::Row(t, row)) => tr(
                lang,
                format!("派出所“{id}”（{} 第 {row} 行）已被拒绝。", p.tables[t].0),
                format!(
                    "The station “{id}” ({} row {row}) was rejected.",
                    p.tables[t].0
                ),
            ),
            _ => tr(
                lang,
                format!("派出所“{id}”不在派出所表中。"),
                format!("The station “{id}” is not in the stations table."),
            ),
        }
    };
    let mut new_rejects = Vec::new();
    for (f, row) in p.figures.iter().filter(|(f, _)| keep(f, rejected)) {
        match index.get(row.station.as_str()) {
            Some(&i) => {
                let j = doc.stations[i].figures.len();
                doc.stations[i].figures.push(row.figure.clone());
                o.figures.insert((i, j), *f);
            }
            None => new_rejects.push((*f, "station", station_missing(&row.station, rejected))),
        }
    }
    // Long series: group by (station, metric) in order of first appearance.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_index: HashMap<(usize, &str), usize> = HashMap::new();
    for (f, row) in p.months.iter().filter(|(f, _)| keep(f, rejected)) {
        let Some(&i) = index.get(row.station.as_str()) else {
            new_rejects.push((*f, "station", station_missing(&row.station, rejected)));
            continue;
        };
        let g = *group_index
            .entry((i, row.metric.as_str()))
            .or_insert_with(|| {
                groups.push(((i, row.metric.clone()), Vec::new()));
                groups.len() - 1
            });
        groups[g].1.push((*f, row));
    }
    for ((i, metric), rows) in groups {
        let (first_from, first) = rows[0];
        let mut by_month: BTreeMap<i64, (RowRef, &MonthRow)> = BTreeMap::new();
        for (f, row) in rows {
            let row_no = |f: RowRef| match f {
                RowRef::Row(_, r) => r,
                RowRef::Base => 0,
            };
            if row.source != first.source {
                new_rejects.push((
                    f,
                    "source",
                    tr(
                        lang,
                        format!(
                            "同一序列的来源应相同：第 {} 行为“{}”，这一行为“{}”。",
                            row_no(first_from),
                            first.source,
                            row.source
                        ),
                        format!(
                            "A series has one source: row {} says “{}”, this row “{}”.",
                            row_no(first_from),
                            first.source,
                            row.source
                        ),
                    ),
                ));
            } else if let Some((earlier, _)) = by_month.get(&row.month) {
                new_rejects.push((
                    f,
                    "month",
                    tr(
                        lang,
                        format!("这个月份已在第 {} 行给出。", row_no(*earlier)),
                        format!("This month is already given in row {}.", row_no(*earlier)),
                    ),
                ));
            } else {
                by_month.insert(row.month, (f, row));
            }
        }
        let start = *by_month.keys().next().unwrap_or(&0);
        let end = *by_month.keys().last().unwrap_or(&0);
        let len = (end - start + 1) as usize;
        let mut values = vec![None; len];
        let mut status = vec![ValueStatus::Missing; len];
        let mut months = BTreeMap::new();
        let mut all = Vec::new();
        for (m, (f, row)) in &by_month {
            let k = (m - start) as usize;
            values[k] = row.value;
            status[k] = row.status.unwrap_or(if row.value.is_some() {
                ValueStatus::Reported
            } else {
                ValueStatus::Missing
            });
            months.insert(k, *f);
            all.push(*f);
        }
        let j = doc.stations[i].series.len();
        doc.stations[i]
            .series
            .push(series(metric, first.source.clone(), start, values, status));
        o.series.insert((i, j), (months, all));
    }
    for (f, row) in p.wide.iter().filter(|(f, _)| keep(f, rejected)) {
        let Some(&i) = index.get(row.station.as_str()) else {
            new_rejects.push((*f, "station", station_missing(&row.station, rejected)));
            continue;
        };
        // Drop unfilled months at both ends.
        let Some(a) = row.values.iter().position(Option::is_some) else {
            new_rejects.push((
                *f,
                "month",
                tr(
                    lang,
                    "这一行没有任何月份的数值。".into(),
                    "The row has no value for any month.".into(),
                ),
            ));
            continue;
        };
        let b = row.values.iter().rposition(Option::is_some).unwrap_or(a);
        let j = doc.stations[i].series.len();
        doc.stations[i].series.push(series(
            row.metric.clone(),
            row.source.clone(),
            row.start + a as i64,
            row.values[a..=b].to_vec(),
            row.status[a..=b].to_vec(),
        ));
        o.series.insert((i, j), (BTreeMap::new(), vec![*f]));
    }
    for (f, column, reason) in new_rejects {
        rejected.add(f, Some(column), reason);
    }
    (doc, o)
}

fn series(
    metric: String,
    source: String,
    start: i64,
    values: Vec<Option<f64>>,
    status: Vec<ValueStatus>,
) -> Series {
    // `status` is written only when it says more than the values do (an estimate).
    let status = status.contains(&ValueStatus::Estimated).then_some(status);
    Series {
        metric,
        start: PartialDate::from_month_index(start),
        values,
        status,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        assert_eq!(parse_number("1800"), Some(1800.0));
        assert_eq!(parse_number(" 1,800 "), Some(1800.0));
        assert_eq!(parse_number("1,234,567.5"), Some(1234567.5));
        assert_eq!(parse_number("-12.9%"), Some(-12.9));
        assert_eq!(parse_number("１２．５"), Some(12.5));
        assert_eq!(parse_number("1e3"), Some(1000.0));
        for bad in [
            "", "abc", "1,80", "12,3456", "NaN", "inf", "约1800", "1.2.3", ",100",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_as_spreadsheets_write_them() {
        let m = |y: i64, m: i64| Some(y * 12 + m - 1);
        assert_eq!(parse_month("2024-01"), m(2024, 1));
        assert_eq!(parse_month("2024/1"), m(2024, 1));
        assert_eq!(parse_month("2024/1/1"), m(2024, 1));
        assert_eq!(parse_month("2024-12-01"), m(2024, 12));
        assert_eq!(parse_month("2024年3月"), m(2024, 3));
        for bad in ["2024", "2024-13", "2024-01-15", "24-01", "station", "2024-"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_map_to_columns() {
        assert_eq!(column_of("$.stations[0].figures[2].value"), Some("value"));
        assert_eq!(
            column_of("$.stations[0].profile.population.value"),
            Some("population")
        );
        assert_eq!(
            column_of("$.stations[0].series[1].values[3]"),
            Some("value")
        );
        assert_eq!(column_of("$.sources[1].url"), Some("url"));
        assert_eq!(column_of("$.stations[0].name.zh"), None);
    }
}
