//! Reading one CSV table: the columns each table knows (English and Chinese
//! headers), decoding, header matching, and month headers of a wide series table.

use super::*;

/// One table's columns: canonical name, Chinese names, required.
pub(super) type Columns = &'static [(&'static str, &'static [&'static str], bool)];

pub(super) const SOURCE_COLUMNS: Columns = &[
    ("id", &["标识", "来源标识"], true),
    ("title_zh", &["标题"], true),
    ("title_en", &["英文标题"], false),
    ("publisher_zh", &["发布者", "出版方"], true),
    ("publisher_en", &["英文发布者"], false),
    ("date", &["日期", "发布日期"], false),
    ("authors", &["作者"], false),
    ("url", &["链接", "网址"], false),
];

pub(super) const METRIC_COLUMNS: Columns = &[
    ("id", &["标识", "指标标识"], true),
    ("label_zh", &["名称", "指标名称"], true),
    ("label_en", &["英文名称"], false),
    ("unit", &["单位"], true),
    ("family", &["方面", "类别"], true),
    ("polarity", &["方向"], true),
];

pub(super) const STATION_COLUMNS: Columns = &[
    ("id", &["标识", "派出所标识"], true),
    ("name_zh", &["名称", "派出所"], true),
    ("name_en", &["英文名称"], false),
    ("province_zh", &["省份", "省"], true),
    ("province_en", &["英文省份"], false),
    ("city_zh", &["城市", "市"], false),
    ("city_en", &["英文城市"], false),
    ("district_zh", &["区县"], false),
    ("district_en", &["英文区县"], false),
    ("region_code", &["区划代码"], false),
    ("lon", &["经度"], false),
    ("lat", &["纬度"], false),
    ("crs", &["坐标系"], false),
    ("parent_bureau_zh", &["上级公安机关"], false),
    ("parent_bureau_en", &["英文上级公安机关"], false),
    ("area_km2", &["辖区面积"], false),
    ("population", &["实有人口"], false),
    ("officers", &["民警"], false),
    ("auxiliary_officers", &["辅警"], false),
    ("founded", &["建所时间"], false),
    ("profile_source", &["基本情况来源"], false),
];

// One column table per CSV file, of the same shape (the `duplicates` tool pairs them).
pub(super) const FIGURE_COLUMNS: Columns = &[
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
pub(super) const SERIES_COLUMNS: Columns = &[
    ("station", &["派出所标识"], true),
    ("metric", &["指标", "指标标识"], true),
    ("month", &["月份"], false),
    ("value", &["数值"], false),
    ("status", &["状态"], false),
    ("source", &["来源", "来源标识"], true),
];

/// A CSV file read into rows of named cells.
pub(super) struct Table {
    pub(super) name: String,
    pub(super) encoding: String,
    /// Canonical column name → index.
    pub(super) columns: HashMap<&'static str, usize>,
    /// Month columns of a wide series table: (index, month index, header).
    pub(super) months: Vec<(usize, i64, String)>,
    /// Number of cells in the header row.
    pub(super) width: usize,
    /// (spreadsheet row number, cells).
    pub(super) rows: Vec<(usize, Vec<String>)>,
    pub(super) blank: usize,
    pub(super) ignored: Vec<String>,
}

impl Table {
    pub(super) fn get<'a>(&self, cells: &'a [String], column: &str) -> &'a str {
        self.columns
            .get(column)
            .and_then(|&i| cells.get(i))
            .map_or("", |s| s.trim())
    }
}

pub(super) fn normalize(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{FEFF}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

pub(super) fn read_table(
    path: &PathBuf,
    columns: Columns,
    wide_months: bool,
    opts: &Options,
) -> Result<Table, Fatal> {
    let lang = opts.lang;
    let name = path.display().to_string();
    let bytes =
        read_file(opts, path).map_err(|e| Fatal(msgs(lang).cannot_read_table(&name, &e)))?;
    let decoded = textenc::decode(&bytes, opts.encoding)
        .map_err(|e| Fatal(msgs(lang).not_text_in(&name, e.line, &e.encoding)))?;
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
        None => return Err(Fatal(msgs(lang).empty_table(&name))),
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
                return Err(Fatal(msgs(lang).column_twice(&name, canon)));
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
            .map(|(canon, zh, _)| match zh.first() {
                Some(z) => msgs(lang).column_with_alias(canon, z),
                None => canon.to_string(),
            })
            .collect();
        return Err(Fatal(msgs(lang).missing_columns(&name, &missing, &allowed)));
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
