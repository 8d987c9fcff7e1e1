//! `scorecards validate`: every problem of a data file, located by line, column and JSON
//! path, in Chinese or English, as text or JSON.
//!
//! The verdict is core's: [`scorecards_core::decode`] then [`scorecards_core::validate`],
//! exactly the stages of [`scorecards_core::parse`], which the browser runs. On top of that
//! come warnings that do not change the verdict: [`scorecards_core::advise`] (a figure
//! without a quote, a series with gaps, an unused metric or source) and a file larger than
//! the dashboard loads.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

use scorecards_core::i18n::{self, Detail};
use scorecards_core::locate::{char_column, locate_paths};
use scorecards_core::{Issue, Lang, LoadError, DEFAULT_MAX_BYTES};
use serde_json::json;

use crate::messages::msgs;

mod problems;
mod render;

use problems::*;

pub use render::{render_json, render_text};

/// Files above this size are refused unless `--max-bytes` says otherwise.
pub const DEFAULT_CLI_MAX_BYTES: u64 = 512 * 1024 * 1024;

/// How to check.
#[derive(Debug, Clone)]
pub struct Options {
    /// Language of the messages.
    pub lang: Lang,
    /// Larger files are refused before reading.
    pub max_bytes: u64,
    /// Also run [`scorecards_core::advise`].
    pub advice: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Zh,
            max_bytes: DEFAULT_CLI_MAX_BYTES,
            advice: true,
        }
    }
}

/// The verdict on a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Loads in the dashboard (possibly with warnings).
    Valid,
    /// JSON, but not a valid data file.
    Invalid,
    /// Cannot be checked: unreadable, too large, not UTF-8 or not JSON.
    Unusable,
}

impl Status {
    /// The process exit code for this verdict: 0, 1 or 2.
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Valid => 0,
            Status::Invalid => 1,
            Status::Unusable => 2,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Invalid => "invalid",
            Status::Unusable => "unusable",
        }
    }
}

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Stops the file from loading.
    Error,
    /// Does not.
    Warning,
}

/// Where a problem comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Core's decoding or validation: what the browser reports.
    Core,
    /// Core's advice for publishers (warnings only).
    Advice,
    /// This tool (reading the file, its size, its encoding).
    Tool,
}

// `Problem` and the commands' `Options` are plain structs of documented optional fields;
// the `duplicates` tool pairs them by shape alone.
/// One located problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where it comes from.
    pub origin: Origin,
    /// Stable machine-readable name (`percent_out_of_range`, `syntax`, `too_large`…).
    pub code: String,
    /// JSON path, when the problem is in the JSON.
    pub path: Option<String>,
    /// 1-based line and character column, when known.
    pub line: Option<usize>,
    /// See `line`.
    pub column: Option<usize>,
    /// Byte offset in the file (for the excerpt).
    pub offset: Option<usize>,
    /// What is wrong, what was expected, what was found.
    pub detail: Detail,
}

/// Everything found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The file as named on the command line.
    pub file: String,
    /// The verdict.
    pub status: Status,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
    /// What core's `parse` reports for the same bytes — `Ok(warnings)` or the error —
    /// rebuilt from `decode` + `validate`; `None` when the file was never parsed (unreadable
    /// or too large).
    pub core: Option<Result<Vec<Issue>, LoadError>>,
    /// The file's text, kept for excerpts (empty when unreadable).
    pub text: Vec<u8>,
}

impl FileReport {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

fn tool_problem(severity: Severity, code: &str, message: String) -> Problem {
    Problem {
        severity,
        origin: Origin::Tool,
        code: code.to_string(),
        path: None,
        line: None,
        column: None,
        offset: None,
        detail: Detail {
            message,
            expected: None,
            found: None,
        },
    }
}

fn unusable(file: &str, problem: Problem) -> FileReport {
    FileReport {
        file: file.to_string(),
        status: Status::Unusable,
        problems: vec![problem],
        core: None,
        text: Vec::new(),
    }
}

fn too_large(file: &str, size: u64, opts: &Options) -> FileReport {
    let e = LoadError::TooLarge {
        file: file.to_string(),
        size,
        limit: opts.max_bytes,
    };
    let m = i18n::describe_error(opts.lang, &e);
    let mut p = tool_problem(
        Severity::Error,
        "too_large",
        format!("{} {}", m.headline, m.advice),
    );
    p.detail.expected = Some(msgs(opts.lang).at_most_bytes(opts.max_bytes));
    p.detail.found = Some(msgs(opts.lang).bytes(size));
    unusable(file, p)
}

/// Reads and checks a file (`-` is standard input). The size is checked before reading, so
/// a huge (or sparse) file is refused at once.
pub fn check_path(path: &Path, opts: &Options) -> FileReport {
    let name = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        unusable(
            &name,
            tool_problem(
                Severity::Error,
                "unreadable",
                msgs(opts.lang).cannot_read_file(&e),
            ),
        )
    };
    let mut bytes = Vec::new();
    if name == "-" {
        let stdin = std::io::stdin();
        if let Err(e) = stdin
            .lock()
            .take(opts.max_bytes + 1)
            .read_to_end(&mut bytes)
        {
            return unreadable(e);
        }
    } else {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return unreadable(e),
        };
        match file.metadata() {
            Ok(m) if m.is_dir() => {
                return unreadable(std::io::Error::other(msgs(opts.lang).is_a_directory()))
            }
            Ok(m) if m.len() > opts.max_bytes => return too_large(&name, m.len(), opts),
            Ok(m) => bytes.reserve(m.len() as usize),
            Err(e) => return unreadable(e),
        }
        if let Err(e) = file.take(opts.max_bytes + 1).read_to_end(&mut bytes) {
            return unreadable(e);
        }
    }
    if bytes.len() as u64 > opts.max_bytes {
        return too_large(&name, bytes.len() as u64, opts);
    }
    check_bytes(bytes, &name, opts)
}

/// Checks the bytes of a data file named `file`.
pub fn check_bytes(bytes: Vec<u8>, file: &str, opts: &Options) -> FileReport {
    let lang = opts.lang;
    if bytes.len() as u64 > opts.max_bytes {
        return too_large(file, bytes.len() as u64, opts);
    }
    let mut problems = Vec::new();
    let mut status = Status::Valid;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let bom = bytes.len() - body.len();
    let decoded = scorecards_core::decode(&bytes, file);
    // Core names UTF-16 and UTF-32 itself; other text that is not UTF-8 is described here.
    if let (Err(e), false) = (
        std::str::from_utf8(body),
        matches!(decoded, Err(LoadError::Encoding { .. })),
    ) {
        status = Status::Unusable;
        problems.push(not_utf8(&bytes, bom + e.valid_up_to(), lang));
    }
    let core = match decoded {
        Err(e) => {
            let problem = load_error_problem(&bytes, &e, lang);
            status = status.max(match e {
                LoadError::Syntax { .. }
                | LoadError::Empty { .. }
                | LoadError::Encoding { .. }
                | LoadError::Html { .. }
                | LoadError::NonFiniteNumber { .. }
                | LoadError::TooDeep { .. } => Status::Unusable,
                _ => Status::Invalid,
            });
            problems.push(problem);
            Err(e)
        }
        Ok(doc) => {
            // As `parse` does: direction controls removed, each removal a warning.
            let (doc, mut issues) = scorecards_core::bidi::neutralise(&bytes, doc);
            issues.extend(scorecards_core::validate(&doc));
            let advice = if opts.advice {
                scorecards_core::advise(&doc)
            } else {
                Vec::new()
            };
            drop(doc);
            let mut located = Vec::new();
            for (issue, origin) in issues
                .iter()
                .map(|i| (i, Origin::Core))
                .chain(advice.iter().map(|i| (i, Origin::Advice)))
            {
                located.push(Problem {
                    severity: if issue.is_warning() {
                        Severity::Warning
                    } else {
                        Severity::Error
                    },
                    origin,
                    code: issue.kind.code().to_string(),
                    path: Some(issue.path.clone()),
                    line: None,
                    column: None,
                    offset: None,
                    detail: i18n::issue_detail(lang, &issue.kind),
                });
            }
            locate(&bytes, &mut located);
            problems.extend(located);
            if issues.iter().all(Issue::is_warning) {
                Ok(issues)
            } else {
                status = status.max(Status::Invalid);
                Err(LoadError::Invalid {
                    file: file.to_string(),
                    issues,
                })
            }
        }
    };
    if bytes.len() as u64 > DEFAULT_MAX_BYTES {
        let mb = |b: u64| b / (1024 * 1024);
        problems.push(tool_problem(
            Severity::Warning,
            "over_dashboard_limit",
            msgs(lang).over_dashboard_limit(mb(bytes.len() as u64), mb(DEFAULT_MAX_BYTES)),
        ));
    }
    // File order; problems without a place (the whole file) first. Stable, so problems at
    // the same place keep core's order.
    problems.sort_by_key(|p| p.offset.map_or(0, |o| o + 1));
    FileReport {
        file: file.to_string(),
        status,
        problems,
        core: Some(core),
        text: bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::render::{display_width, excerpt};
    use super::*;

    #[test]
    fn positions_and_offsets() {
        let text = "ab\n名称x\n";
        assert_eq!(position_of(text.as_bytes(), 9), (2, 3));
        assert_eq!(offset_of(text.as_bytes(), 2, 7), 9);
        assert_eq!(offset_of(text.as_bytes(), 9, 1), text.len());
        assert_eq!(display_width("a名"), 3);
    }

    #[test]
    fn excerpts_of_a_huge_line_look_only_near_the_place() {
        let line = "x".repeat(20 << 20);
        let started = std::time::Instant::now();
        let mut out = String::new();
        for k in 0..2000 {
            excerpt(&mut out, line.as_bytes(), (k * 9973) % line.len(), 1);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn excerpts_cut_long_lines_and_point_at_the_place() {
        let mut out = String::new();
        let line = format!("{}X{}", "a".repeat(100), "b".repeat(100));
        excerpt(&mut out, line.as_bytes(), 100, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            format!("    1 | …{}X{}…", "a".repeat(40), "b".repeat(39))
        );
        let column = |s: &str, c: char| s.chars().position(|x| x == c);
        assert_eq!(column(lines[1], '^'), column(lines[0], 'X'));
        let mut out = String::new();
        excerpt(&mut out, "{\"名\": x}".as_bytes(), 8, 1);
        assert!(out.ends_with("|        ^\n"), "{out}");
    }
}
