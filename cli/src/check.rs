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

fn tr(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh { zh } else { en }.to_string()
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
    p.detail.expected = Some(tr(
        opts.lang,
        &format!("不超过 {} 字节（--max-bytes）", opts.max_bytes),
        &format!("at most {} bytes (--max-bytes)", opts.max_bytes),
    ));
    p.detail.found = Some(tr(
        opts.lang,
        &format!("{size} 字节"),
        &format!("{size} bytes"),
    ));
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
                tr(
                    opts.lang,
                    &format!("无法读取文件：{e}。"),
                    &format!("The file cannot be read: {e}."),
                ),
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
                return unreadable(std::io::Error::other(tr(
                    opts.lang,
                    "这是一个目录",
                    "it is a directory",
                )))
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
            tr(
                lang,
                &format!(
                    "文件有 {} MB，而看板只加载不超过 {} MB 的文件：请拆分数据。",
                    mb(bytes.len() as u64),
                    mb(DEFAULT_MAX_BYTES)
                ),
                &format!(
                    "The file is {} MB but the dashboard loads files of up to {} MB: split the data.",
                    mb(bytes.len() as u64),
                    mb(DEFAULT_MAX_BYTES)
                ),
            ),
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

fn locate(bytes: &[u8], problems: &mut [Problem]) {
    let paths: Vec<&str> = problems
        .iter()
        .map(|p| p.path.as_deref().unwrap_or("$"))
        .collect();
    let found = locate_paths(bytes, &paths);
    for (p, l) in problems.iter_mut().zip(found) {
        if let Some(l) = l {
            p.line = Some(l.position.line);
            p.column = Some(l.position.column);
            p.offset = Some(l.position.offset);
        }
    }
}

/// 1-based line and character column of a byte offset, and the offset itself.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let start = if line == 1 && before.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        start
    };
    let column = 1 + String::from_utf8_lossy(&bytes[start.min(offset)..offset])
        .chars()
        .count();
    (line, column)
}

/// Byte offset of a 1-based line and byte column (serde's positions).
fn offset_of(bytes: &[u8], line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => return bytes.len(),
        }
    }
    (start + byte_column.saturating_sub(1)).min(bytes.len())
}

fn not_utf8(bytes: &[u8], offset: usize, lang: Lang) -> Problem {
    let (line, column) = position_of(bytes, offset);
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    let gbk = !had_errors && text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let mut p = tool_problem(
        Severity::Error,
        "not_utf8",
        match (lang, gbk) {
            (Lang::Zh, true) => "文件不是 UTF-8 编码，看起来是 GBK/GB18030：请另存为 UTF-8（例如 iconv -f GB18030 -t UTF-8）。".to_string(),
            (Lang::Zh, false) => "文件不是 UTF-8 编码：数据格式要求 UTF-8。".to_string(),
            (Lang::En, true) => "The file is not UTF-8; it looks like GBK/GB18030. Save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8).".to_string(),
            (Lang::En, false) => "The file is not UTF-8, which the data format requires.".to_string(),
        },
    );
    p.line = Some(line);
    p.column = Some(column);
    p.offset = Some(offset);
    p.detail.expected = Some(tr(lang, "UTF-8 文本", "UTF-8 text"));
    p.detail.found = Some(tr(
        lang,
        &format!("字节 0x{:02X}", bytes[offset]),
        &format!("the byte 0x{:02X}", bytes[offset]),
    ));
    p
}

fn load_error_problem(bytes: &[u8], e: &LoadError, lang: Lang) -> Problem {
    let mut p = tool_problem(Severity::Error, "", String::new());
    p.origin = Origin::Core;
    match e {
        LoadError::Syntax {
            line,
            column,
            detail,
            ..
        } => {
            p.code = "syntax".into();
            p.detail = i18n::syntax_detail(lang, detail);
            let offset = offset_of(bytes, *line, *column);
            p.line = Some(*line);
            p.column = Some(char_column(bytes, *line, *column).max(1));
            p.offset = Some(offset);
            p.detail.found = Some(
                match std::str::from_utf8(&bytes[offset.min(bytes.len())..])
                    .ok()
                    .and_then(|rest| rest.chars().next())
                {
                    _ if detail.starts_with("EOF") || offset >= bytes.len() => {
                        tr(lang, "文件结束", "the end of the file")
                    }
                    Some(c) => serde_json::Value::String(c.to_string()).to_string(),
                    None => tr(lang, "无效的字节", "an invalid byte"),
                },
            );
        }
        LoadError::UnsupportedVersion { found, .. } => {
            p.code = "unsupported_version".into();
            p.detail = i18n::version_detail(lang, found);
            p.path = Some(if found == "missing" {
                "$".into()
            } else {
                "$.schema_version".into()
            });
        }
        LoadError::Structure {
            path,
            line,
            column,
            detail,
            ..
        } => {
            p.code = "structure".into();
            p.detail = i18n::structure_detail(lang, detail);
            p.path = Some(path.clone());
            let offset = offset_of(bytes, *line, *column);
            p.line = Some(*line);
            p.column = Some(char_column(bytes, *line, *column).max(1));
            p.offset = Some(offset);
        }
        LoadError::NonFiniteNumber { line, column, .. }
        | LoadError::TooDeep { line, column, .. } => {
            p.code = match e {
                LoadError::TooDeep { .. } => "too_deep",
                _ => "non_finite_number",
            }
            .into();
            p.detail = i18n::load_detail(lang, e).unwrap_or(p.detail);
            p.line = Some(*line);
            p.column = Some(char_column(bytes, *line, *column).max(1));
            p.offset = Some(offset_of(bytes, *line, *column));
        }
        LoadError::Empty { .. } | LoadError::Encoding { .. } | LoadError::Html { .. } => {
            p.code = match e {
                LoadError::Empty { .. } => "empty",
                LoadError::Encoding { .. } => "encoding",
                _ => "html",
            }
            .into();
            p.detail = i18n::load_detail(lang, e).unwrap_or(p.detail);
        }
        other => {
            p.code = "load".into();
            p.detail.message = i18n::describe_error(lang, other).headline;
        }
    }
    // A key given twice: serde stopped at the second one, which the path cannot tell apart.
    let twice =
        matches!(e, LoadError::Structure { detail, .. } if detail.starts_with("duplicate field"));
    if p.path.is_some() && !twice {
        // The start of the value at the path is a better place than where serde stopped.
        let before = (p.line, p.column, p.offset);
        locate(bytes, std::slice::from_mut(&mut p));
        if p.line.is_none() {
            (p.line, p.column, p.offset) = before;
        }
    }
    p
}

/// Renders reports as text for people.
pub fn render_text(reports: &[FileReport], lang: Lang, max_warnings: usize) -> String {
    let mut out = String::new();
    for r in reports {
        let (errors, warnings): (Vec<&Problem>, Vec<&Problem>) = r
            .problems
            .iter()
            .partition(|p| p.severity == Severity::Error);
        for p in &errors {
            render_problem(&mut out, r, p, lang);
        }
        for p in warnings.iter().take(max_warnings) {
            render_problem(&mut out, r, p, lang);
        }
        let hidden = warnings.len().saturating_sub(max_warnings);
        if hidden > 0 {
            let _ = writeln!(
                out,
                "{}",
                tr(
                    lang,
                    &format!(
                        "{}: 另有 {hidden} 个警告未列出（用 --max-warnings N 显示更多）。",
                        r.file
                    ),
                    &format!(
                        "{}: {hidden} more warning{} not shown (--max-warnings N shows more).",
                        r.file,
                        plural(hidden)
                    ),
                )
            );
        }
        let _ = writeln!(out, "{}", summary(r, lang));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn summary(r: &FileReport, lang: Lang) -> String {
    let (e, w) = (r.errors(), r.warnings());
    match (lang, r.status) {
        (Lang::Zh, Status::Valid) if w == 0 => format!("{}: 有效。", r.file),
        (Lang::Zh, Status::Valid) => format!("{}: 有效，有 {w} 个警告。", r.file),
        (Lang::Zh, Status::Invalid) => format!("{}: 无效：{e} 个错误，{w} 个警告。", r.file),
        (Lang::Zh, Status::Unusable) => format!("{}: 无法校验：{e} 个错误。", r.file),
        (Lang::En, Status::Valid) if w == 0 => format!("{}: valid.", r.file),
        (Lang::En, Status::Valid) => format!("{}: valid, with {w} warning{}.", r.file, plural(w)),
        (Lang::En, Status::Invalid) => format!(
            "{}: invalid: {e} error{}, {w} warning{}.",
            r.file,
            plural(e),
            plural(w)
        ),
        (Lang::En, Status::Unusable) => {
            format!("{}: cannot be checked: {e} error{}.", r.file, plural(e))
        }
    }
}

fn render_problem(out: &mut String, r: &FileReport, p: &Problem, lang: Lang) {
    let place = match (p.line, p.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", r.file),
        _ => r.file.clone(),
    };
    let severity = match (lang, p.severity) {
        (Lang::Zh, Severity::Error) => "错误",
        (Lang::Zh, Severity::Warning) => "警告",
        (Lang::En, Severity::Error) => "error",
        (Lang::En, Severity::Warning) => "warning",
    };
    let _ = writeln!(
        out,
        "{place}: {severity} [{}]: {}",
        p.code, p.detail.message
    );
    let labels = if lang == Lang::Zh {
        ["位置", "应为", "实际"]
    } else {
        ["at", "expected", "found"]
    };
    let width = if lang == Lang::Zh { 0 } else { 8 };
    for (label, value) in labels
        .iter()
        .zip([&p.path, &p.detail.expected, &p.detail.found])
    {
        if let Some(v) = value {
            let sep = if lang == Lang::Zh { "：" } else { " " };
            let _ = writeln!(out, "    {label:width$}{sep}{v}");
        }
    }
    if let (Some(offset), Some(line)) = (p.offset, p.line) {
        excerpt(out, &r.text, offset, line);
    }
}

/// The line around `offset`, with a caret under it; long lines are cut to a window (only
/// a few hundred bytes around the place are looked at, so a problem on a 100 MB line costs
/// nothing).
fn excerpt(out: &mut String, text: &[u8], offset: usize, line: usize) {
    const BEFORE: usize = 40;
    const AFTER: usize = 40;
    // At most four bytes per character.
    const REACH: usize = 4 * (BEFORE + 1);
    let offset = offset.min(text.len());
    let is_char_start = |i: usize| i >= text.len() || (text[i] & 0xC0) != 0x80;
    let floor = offset.saturating_sub(REACH);
    let (mut start, mut cut_before) = match text[floor..offset].iter().rposition(|&b| b == b'\n') {
        Some(p) => (floor + p + 1, false),
        None => (floor, floor > 0),
    };
    while !is_char_start(start) {
        start += 1;
    }
    if start == 0 && text.starts_with(b"\xEF\xBB\xBF") {
        start = 3.min(offset);
    }
    let ceiling = (offset + REACH).min(text.len());
    let (mut end, mut cut_after) = match text[offset..ceiling].iter().position(|&b| b == b'\n') {
        Some(p) => (offset + p, false),
        None => (ceiling, ceiling < text.len()),
    };
    while !is_char_start(end) {
        end -= 1;
    }
    let before: Vec<char> = String::from_utf8_lossy(&text[start..offset])
        .trim_end_matches('\r')
        .chars()
        .collect();
    let after: Vec<char> = String::from_utf8_lossy(&text[offset..end])
        .trim_end_matches('\r')
        .chars()
        .collect();
    let before = if before.len() > BEFORE {
        cut_before = true;
        &before[before.len() - BEFORE..]
    } else {
        &before[..]
    };
    let after = if after.len() > AFTER {
        cut_after = true;
        &after[..AFTER]
    } else {
        &after[..]
    };
    let lead = if cut_before { "…" } else { "" };
    let trail = if cut_after { "…" } else { "" };
    let clean = |c: &char| if c.is_control() { ' ' } else { *c };
    let before: String = before.iter().map(clean).collect();
    let after: String = after.iter().map(clean).collect();
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let caret_at = display_width(lead) + display_width(&before);
    let _ = writeln!(out, "    {number} | {lead}{before}{after}{trail}");
    let _ = writeln!(out, "    {pad} | {}^", " ".repeat(caret_at));
}

/// Terminal columns of a text: East Asian wide characters take two.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let c = c as u32;
            let wide = matches!(c,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Renders reports as JSON for machines.
pub fn render_json(reports: &[FileReport], lang: Lang) -> String {
    let files: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            let problems: Vec<serde_json::Value> = r
                .problems
                .iter()
                .map(|p| {
                    json!({
                        "severity": match p.severity { Severity::Error => "error", Severity::Warning => "warning" },
                        "origin": match p.origin { Origin::Core => "core", Origin::Advice => "advice", Origin::Tool => "tool" },
                        "code": p.code,
                        "path": p.path,
                        "line": p.line,
                        "column": p.column,
                        "message": p.detail.message,
                        "expected": p.detail.expected,
                        "found": p.detail.found,
                    })
                })
                .collect();
            json!({
                "file": r.file,
                "status": r.status.code(),
                "exit_code": r.status.exit_code(),
                "errors": r.errors(),
                "warnings": r.warnings(),
                "problems": problems,
            })
        })
        .collect();
    let exit = reports
        .iter()
        .map(|r| r.status.exit_code())
        .max()
        .unwrap_or(0);
    let doc = json!({
        "lang": lang.code(),
        "exit_code": exit,
        "files": files,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
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
