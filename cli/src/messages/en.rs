//! The command line in English.
//!
//! Method for method the same shape as `zh.rs` (the `duplicates` tool pairs them): that is
//! the point, one implementation of the same trait per language.

use std::fmt::Display;

use super::Messages;

/// English.
pub(super) struct En;

/// "" for one, "s" for any other count.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "1 row", "2 rows".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

impl Messages for En {
    fn at_most_bytes(&self, max: u64) -> String {
        format!("at most {max} bytes (--max-bytes)")
    }

    fn bytes(&self, size: u64) -> String {
        format!("{size} bytes")
    }

    fn cannot_read_file(&self, error: &dyn Display) -> String {
        format!("The file cannot be read: {error}.")
    }

    fn is_a_directory(&self) -> String {
        "it is a directory".into()
    }

    fn over_dashboard_limit(&self, size_mb: u64, limit_mb: u64) -> String {
        format!(
            "The file is {size_mb} MB but the dashboard loads files of up to {limit_mb} MB: split the data."
        )
    }

    fn not_utf8(&self, looks_gbk: bool) -> String {
        if looks_gbk {
            "The file is not UTF-8; it looks like GBK/GB18030. Save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8).".into()
        } else {
            "The file is not UTF-8, which the data format requires.".into()
        }
    }

    fn utf8_text(&self) -> String {
        "UTF-8 text".into()
    }

    fn the_byte(&self, byte: u8) -> String {
        format!("the byte 0x{byte:02X}")
    }

    fn end_of_file(&self) -> String {
        "the end of the file".into()
    }

    fn an_invalid_byte(&self) -> String {
        "an invalid byte".into()
    }

    fn warnings_not_shown(&self, file: &str, hidden: usize) -> String {
        format!(
            "{file}: {hidden} more warning{} not shown (--max-warnings N shows more).",
            plural(hidden)
        )
    }

    fn summary_valid(&self, file: &str, warnings: usize) -> String {
        if warnings == 0 {
            format!("{file}: valid.")
        } else {
            format!(
                "{file}: valid, with {warnings} warning{}.",
                plural(warnings)
            )
        }
    }

    fn summary_invalid(&self, file: &str, errors: usize, warnings: usize) -> String {
        format!(
            "{file}: invalid: {errors} error{}, {warnings} warning{}.",
            plural(errors),
            plural(warnings)
        )
    }

    fn summary_unusable(&self, file: &str, errors: usize) -> String {
        format!(
            "{file}: cannot be checked: {errors} error{}.",
            plural(errors)
        )
    }

    fn severity(&self, error: bool) -> &'static str {
        if error {
            "error"
        } else {
            "warning"
        }
    }

    fn detail_line(&self, label: usize, value: &str) -> String {
        let label = ["at", "expected", "found"][label];
        format!("    {label:8} {value}")
    }

    fn wrote(&self, path: &dyn Display) -> String {
        format!("Wrote {path}.")
    }

    fn no_file_written(&self) -> String {
        "No file was written.".into()
    }

    fn cannot_read_base(&self, name: &str, error: &dyn Display) -> String {
        format!("{name}: cannot read the base file: {error}.")
    }

    fn base_unusable(&self) -> String {
        "The base file cannot be used:\n".into()
    }

    fn no_stations(&self) -> String {
        "No stations: name a stations CSV with --stations.".into()
    }

    fn no_publisher(&self) -> String {
        "Name the publisher with --publisher (or give a base file with --base).".into()
    }

    fn no_month_column(&self, table: &str) -> String {
        format!(
            "{table}: there is no “month” column and no columns named by month (such as 2024-01)."
        )
    }

    fn base_file(&self) -> String {
        "base file".into()
    }

    fn table_rows(
        &self,
        name: &str,
        encoding: &str,
        rows: usize,
        rejected: usize,
        blank: usize,
    ) -> String {
        let skipped = if blank > 0 {
            format!(", {} skipped", count(blank, "blank row"))
        } else {
            String::new()
        };
        format!(
            "{name} ({encoding}): {}, {} accepted, {rejected} rejected{skipped}.",
            count(rows, "row"),
            rows - rejected
        )
    }

    fn ignored_columns(&self, name: &str, columns: &[String]) -> String {
        format!(
            "{name}: warning: columns not recognised and ignored: {}.",
            columns.join(", ")
        )
    }

    fn in_column(&self, column: &str) -> String {
        format!(" (column {column})")
    }

    fn rejected_row(&self, file: &str, row: usize, in_column: &str, reason: &str) -> String {
        format!("{file} row {row}: rejected{in_column}: {reason}")
    }

    fn row_of(&self, file: &str, row: usize) -> String {
        format!("{file} row {row}")
    }

    fn warning_prefix(&self) -> String {
        "warning: ".into()
    }

    fn counts(
        &self,
        sources: usize,
        metrics: usize,
        stations: usize,
        figures: usize,
        series: usize,
    ) -> String {
        format!(
            "{}, {}, {}, {}, {series} monthly series",
            count(sources, "source"),
            count(metrics, "metric"),
            count(stations, "station"),
            count(figures, "figure"),
        )
    }

    fn data_valid(&self, counts: &str) -> String {
        format!("The data is valid: {counts}.")
    }

    fn rejected_rest_written(&self, rejected: usize, counts: &str) -> String {
        format!(
            "{} rejected (--allow-rejects); the rest is valid: {counts}.",
            count(rejected, "row")
        )
    }

    fn rejected_nothing_written(&self, rejected: usize) -> String {
        format!(
            "{} rejected, no file written: correct them, or pass --allow-rejects to write the rest.",
            count(rejected, "row")
        )
    }

    fn cannot_read_table(&self, name: &str, error: &dyn Display) -> String {
        format!("{name}: cannot be read: {error}.")
    }

    fn not_text_in(&self, name: &str, line: usize, encoding: &str) -> String {
        format!(
            "{name}: line {line} is not valid {encoding} text; name the encoding with --encoding (utf-8, gbk or gb18030)."
        )
    }

    fn empty_table(&self, name: &str) -> String {
        format!("{name}: the file is empty: row 1 must name the columns.")
    }

    fn column_twice(&self, name: &str, column: &str) -> String {
        format!("{name}: the column “{column}” appears twice.")
    }

    fn column_with_alias(&self, canon: &str, zh: &str) -> String {
        format!("{canon} ({zh})")
    }

    fn missing_columns(&self, name: &str, missing: &[&str], allowed: &[String]) -> String {
        format!(
            "{name}: required columns are missing: {}. The columns are: {}.",
            missing.join(", "),
            allowed.join(", ")
        )
    }

    fn refers_to_rejected(&self, file: &str, row: usize) -> String {
        format!(" ({file} row {row} was rejected)")
    }

    fn station_rejected(&self, id: &str, file: &str, row: usize) -> String {
        format!("The station “{id}” ({file} row {row}) was rejected.")
    }

    fn station_not_in_table(&self, id: &str) -> String {
        format!("The station “{id}” is not in the stations table.")
    }

    fn series_sources_differ(&self, first_row: usize, first: &str, this: &str) -> String {
        format!("A series has one source: row {first_row} says “{first}”, this row “{this}”.")
    }

    fn month_given_before(&self, row: usize) -> String {
        format!("This month is already given in row {row}.")
    }

    fn no_month_values(&self) -> String {
        "The row has no value for any month.".into()
    }

    fn cell_missing(&self, column: &str) -> String {
        format!("The required “{column}” is empty.")
    }

    fn cell_not_number(&self, column: &str, value: &str) -> String {
        format!("“{value}” in “{column}” is not a number.")
    }

    fn cell_not_month_value(&self, column: &str, value: &str) -> String {
        format!(
            "“{value}” in “{column}” is not a number (write an estimate as a number and *, such as 12*)."
        )
    }

    fn cell_not_word(&self, column: &str, value: &str, allowed: &str) -> String {
        format!("“{value}” in “{column}” is not one of: {allowed}.")
    }

    fn cell_not_date(&self, column: &str, value: &str) -> String {
        format!("“{value}” in “{column}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD).")
    }

    fn cell_not_month(&self, column: &str, value: &str) -> String {
        format!("“{value}” in “{column}” is not a month (such as 2024-01).")
    }

    fn extra_cells(&self, cells: usize, columns: usize) -> String {
        format!("The row has {cells} cells but the header names {columns} columns.")
    }

    fn profile_without_source(&self) -> String {
        "Profile values are given but “profile_source” is empty: every value needs a source.".into()
    }

    fn status_does_not_fit(&self, status: &str) -> String {
        format!(
            "The status “{status}” does not fit the value: a missing month has no value, every other month has one."
        )
    }

    fn rendered(&self, files: usize, bytes: u64, dir: &str) -> String {
        format!("Wrote {files} prerendered views ({bytes} bytes) to {dir}.")
    }

    fn file_over_limit(&self, path: &str, limit: u64) -> String {
        format!("{path}: the file is larger than {limit} bytes.")
    }
}
