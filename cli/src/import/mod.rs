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

use crate::messages::msgs;
use crate::textenc::{self, Choice};

mod assemble;
mod cells;
mod report;
mod rows;
mod table;

use assemble::*;
use cells::*;
use report::*;
use rows::*;
use table::*;

pub use cells::parse_number;
pub use table::parse_month;

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

/// Problems that stop the import (exit 2).
struct Fatal(String);

/// Runs an import.
pub fn import(opts: &Options) -> Outcome {
    let lang = opts.lang;
    match run(opts) {
        Ok(outcome) => outcome,
        Err(Fatal(message)) => Outcome {
            json: None,
            report: format!("{message}\n{}\n", msgs(lang).no_file_written()),
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
        let bytes =
            read_file(opts, path).map_err(|e| Fatal(msgs(lang).cannot_read_base(&name, &e)))?;
        let doc = scorecards_core::decode(&bytes, &name).map_err(|_| {
            let check = crate::check::Options {
                lang,
                ..Default::default()
            };
            let report = crate::check::check_bytes(bytes.clone(), &name, &check);
            let report = crate::check::render_text(&[report], lang, 0);
            Fatal(format!(
                "{}{}",
                msgs(lang).base_unusable(),
                report.trim_end()
            ))
        })?;
        base = Some(doc);
    }
    if opts.stations.is_none() && base.as_ref().is_none_or(|b| b.stations.is_empty()) {
        return Err(Fatal(msgs(lang).no_stations()));
    }
    let publisher = match (&opts.publisher_zh, &base) {
        (Some(zh), _) => Text {
            zh: zh.clone(),
            en: opts.publisher_en.clone(),
        },
        (None, Some(b)) => b.publisher.clone(),
        (None, None) => return Err(Fatal(msgs(lang).no_publisher())),
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
            return Err(Fatal(msgs(lang).no_month_column(&table.name)));
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
                    msgs(lang).base_file(),
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
            msgs(lang).table_rows(name, encoding, *rows, rejected_here, *blank)
        );
        if !ignored.is_empty() {
            let _ = writeln!(report, "{}", msgs(lang).ignored_columns(name, ignored));
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
            .map(|c| msgs(lang).in_column(c))
            .unwrap_or_default();
        let _ = writeln!(
            report,
            "{}",
            msgs(lang).rejected_row(&r.file, r.row, &column, &r.reason)
        );
    }
    for (from, issue) in &warnings {
        let place = match from {
            Some(RowRef::Row(t, row)) => msgs(lang).row_of(&parsed.tables[*t].0, *row),
            _ => msgs(lang).base_file(),
        };
        let _ = writeln!(
            report,
            "{place}: {}{}",
            msgs(lang).warning_prefix(),
            i18n::describe_issue(lang, &issue.kind)
        );
    }
    let figures: usize = doc.stations.iter().map(|s| s.figures.len()).sum();
    let series: usize = doc.stations.iter().map(|s| s.series.len()).sum();
    let counts = msgs(lang).counts(
        doc.sources.len(),
        doc.metrics.len(),
        doc.stations.len(),
        figures,
        series,
    );
    let write = rejects.is_empty() || opts.allow_rejects;
    let _ = writeln!(
        report,
        "{}",
        match (write, rejects.is_empty()) {
            (true, true) => msgs(lang).data_valid(&counts),
            (true, false) => msgs(lang).rejected_rest_written(rejects.len(), &counts),
            (false, _) => msgs(lang).rejected_nothing_written(rejects.len()),
        }
    );
    let json = if write {
        let json = crate::jsonfmt::to_string(&doc, true);
        // One definition of valid: what we write is what the dashboard loads.
        if let Err(e) = scorecards_core::parse(json.as_bytes(), "import") {
            return Err(Fatal(format!(
                "internal error: the imported file does not load: {e:?}"
            )));
        }
        Some(json)
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
