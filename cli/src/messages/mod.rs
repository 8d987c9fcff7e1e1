//! The command line's texts, one implementation per language (`zh.rs`, `en.rs`): a message
//! added to [`Messages`] without its translation does not compile. The data format's own
//! messages (rules, load errors) come from `scorecards_core::i18n`, as in the dashboard.
//!
//! Values arrive formatted where the format does not depend on the language (file names,
//! codes); counts arrive as numbers, so each language says its own plural.

use std::fmt::Display;

use scorecards_core::Lang;

mod en;
mod zh;

/// The texts of `lang`.
pub fn msgs(lang: Lang) -> &'static dyn Messages {
    match lang {
        Lang::Zh => &zh::Zh,
        Lang::En => &en::En,
    }
}

/// The command line's messages in one language.
pub trait Messages: Sync {
    // `validate`
    /// What `--max-bytes` allows.
    fn at_most_bytes(&self, max: u64) -> String;
    /// A size in bytes.
    fn bytes(&self, size: u64) -> String;
    /// A file that cannot be read.
    fn cannot_read_file(&self, error: &dyn Display) -> String;
    /// Why a directory cannot be read as a file.
    fn is_a_directory(&self) -> String;
    /// A file above the dashboard's size limit (in MB).
    fn over_dashboard_limit(&self, size_mb: u64, limit_mb: u64) -> String;
    /// A file that is not UTF-8 (and whether it looks like GBK/GB18030).
    fn not_utf8(&self, looks_gbk: bool) -> String;
    /// What the format expects instead.
    fn utf8_text(&self) -> String;
    /// The byte found where UTF-8 breaks.
    fn the_byte(&self, byte: u8) -> String;
    /// Found at a syntax error: the end of the file.
    fn end_of_file(&self) -> String;
    /// Found at a syntax error: a byte that is no character.
    fn an_invalid_byte(&self) -> String;
    /// Warnings left out of a report.
    fn warnings_not_shown(&self, file: &str, hidden: usize) -> String;
    /// The last line of a file's report: valid.
    fn summary_valid(&self, file: &str, warnings: usize) -> String;
    /// The last line of a file's report: invalid.
    fn summary_invalid(&self, file: &str, errors: usize, warnings: usize) -> String;
    /// The last line of a file's report: the file cannot be checked.
    fn summary_unusable(&self, file: &str, errors: usize) -> String;
    /// "error" or "warning".
    fn severity(&self, error: bool) -> &'static str;
    /// One labelled line under a problem; `label` 0: where, 1: expected, 2: found.
    fn detail_line(&self, label: usize, value: &str) -> String;

    // `import`
    /// A file is written.
    fn wrote(&self, path: &dyn Display) -> String;
    /// Said after a problem that stops the import.
    fn no_file_written(&self) -> String;
    /// The base file cannot be read.
    fn cannot_read_base(&self, name: &str, error: &dyn Display) -> String;
    /// The base file is not a valid data file (its report follows).
    fn base_unusable(&self) -> String;
    /// Neither a stations table nor a base file with stations.
    fn no_stations(&self) -> String;
    /// Neither `--publisher` nor a base file.
    fn no_publisher(&self) -> String;
    /// A series table with neither layout.
    fn no_month_column(&self, table: &str) -> String;
    /// Where a problem of the base file is.
    fn base_file(&self) -> String;
    // Each method is declared here and implemented in `zh.rs` and `en.rs` with the same
    // signature (the `duplicates` tool pairs the three): one typed entry per message.
    /// What happened to one table's rows.
    fn table_rows(
        &self,
        name: &str,
        encoding: &str,
        rows: usize,
        rejected: usize,
        blank: usize,
    ) -> String;
    /// Columns not recognised.
    fn ignored_columns(&self, name: &str, columns: &[String]) -> String;
    /// The column of a rejected row, said after "rejected" (empty when there is none).
    fn in_column(&self, column: &str) -> String;
    /// One rejected row.
    fn rejected_row(&self, file: &str, row: usize, in_column: &str, reason: &str) -> String;
    /// A row of a table, as a place.
    fn row_of(&self, file: &str, row: usize) -> String;
    /// Said before a warning.
    fn warning_prefix(&self) -> String;
    /// What the document holds.
    fn counts(
        &self,
        sources: usize,
        metrics: usize,
        stations: usize,
        figures: usize,
        series: usize,
    ) -> String;
    /// Nothing rejected.
    fn data_valid(&self, counts: &str) -> String;
    /// Rows rejected, the rest written (`--allow-rejects`).
    fn rejected_rest_written(&self, rejected: usize, counts: &str) -> String;
    /// Rows rejected, nothing written.
    fn rejected_nothing_written(&self, rejected: usize) -> String;
    /// A CSV file that cannot be read.
    fn cannot_read_table(&self, name: &str, error: &dyn Display) -> String;
    /// A CSV line that is not text in the encoding.
    fn not_text_in(&self, name: &str, line: usize, encoding: &str) -> String;
    /// A CSV file with no header row.
    fn empty_table(&self, name: &str) -> String;
    /// A column named twice.
    fn column_twice(&self, name: &str, column: &str) -> String;
    /// A column with its Chinese header.
    fn column_with_alias(&self, canon: &str, zh: &str) -> String;
    /// Required columns missing, with the table's columns.
    fn missing_columns(&self, name: &str, missing: &[&str], allowed: &[String]) -> String;
    /// A reference to a row that was rejected.
    fn refers_to_rejected(&self, file: &str, row: usize) -> String;
    /// A figure or series of a station that was rejected.
    fn station_rejected(&self, id: &str, file: &str, row: usize) -> String;
    /// A figure or series of a station not in the stations table.
    fn station_not_in_table(&self, id: &str) -> String;
    /// Two sources for one series.
    fn series_sources_differ(&self, first_row: usize, first: &str, this: &str) -> String;
    /// A month given twice.
    fn month_given_before(&self, row: usize) -> String;
    /// A wide series row with no value.
    fn no_month_values(&self) -> String;
    /// An empty required cell.
    fn cell_missing(&self, column: &str) -> String;
    /// A cell that is not a number.
    fn cell_not_number(&self, column: &str, value: &str) -> String;
    /// A month cell that is not a number (or an estimate).
    fn cell_not_month_value(&self, column: &str, value: &str) -> String;
    /// A cell that is not one of the words of its column.
    fn cell_not_word(&self, column: &str, value: &str, allowed: &str) -> String;
    /// A cell that is not a date.
    fn cell_not_date(&self, column: &str, value: &str) -> String;
    /// A cell that is not a month.
    fn cell_not_month(&self, column: &str, value: &str) -> String;
    /// More cells than columns.
    fn extra_cells(&self, cells: usize, columns: usize) -> String;
    /// Profile values without their source.
    fn profile_without_source(&self) -> String;
    /// A status that does not fit the value.
    fn status_does_not_fit(&self, status: &str) -> String;
    /// `scorecards render` wrote `files` views of `bytes` bytes in all to `dir`.
    fn rendered(&self, files: usize, bytes: u64, dir: &str) -> String;
    /// A file over the largest size a data file may have.
    fn file_over_limit(&self, path: &str, limit: u64) -> String;
}
