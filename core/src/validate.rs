//! Parsing a data file into a [`Dataset`]: syntax, schema version, structure, then rules.

use std::collections::HashSet;

use serde::Deserialize;

use crate::dataset::Dataset;
use crate::error::{Issue, IssueKind, LoadError, TextEncoding, MAX_NESTING};
use crate::model::*;

/// Parses and validates the bytes of a data file. `file` names it in error messages.
///
/// Stages: UTF-8 byte-order mark stripped; well-formed JSON and `schema_version` checked
/// first, so that a file of another version gets that message rather than a list of
/// structural complaints; then the structure (with the JSON path of the first mismatch);
/// then every rule, all problems at once. Bidirectional controls are removed from all text
/// first, each removal a warning (see [`crate::bidi`]). A file whose only problems are warnings loads, and
/// carries them in [`Dataset::warnings`].
pub fn parse(bytes: &[u8], file: &str) -> Result<Dataset, LoadError> {
    let doc = decode(bytes, file)?;
    parse_decoded(bytes, doc, file)
}

/// The stages of [`parse`] after [`decode`]: direction controls are removed, a detail file
/// alone is refused, then every rule. `bytes` are the document's own (the removal is skipped
/// when they cannot hold a direction control).
pub fn parse_decoded(bytes: &[u8], doc: Document, file: &str) -> Result<Dataset, LoadError> {
    let (doc, issues) = crate::bidi::neutralise(bytes, doc);
    parse_neutralised(doc, issues, file)
}

/// The stages of [`parse`] after direction controls were removed ([`crate::bidi::neutralise`],
/// whose warnings are `issues`): a detail file alone is refused, then every rule. The browser
/// runs the removal, rarely needed, from a separately loaded module.
pub fn parse_neutralised(
    doc: Document,
    mut issues: Vec<Issue>,
    file: &str,
) -> Result<Dataset, LoadError> {
    if doc.kind == Kind::Detail {
        return Err(LoadError::Invalid {
            file: file.to_string(),
            issues: vec![Issue {
                path: "$.kind".to_string(),
                kind: IssueKind::DetailFileAlone,
            }],
        });
    }
    issues.extend(validate(&doc));
    if issues.iter().all(Issue::is_warning) {
        Ok(Dataset::new(doc, issues))
    } else {
        Err(LoadError::Invalid {
            file: file.to_string(),
            issues,
        })
    }
}

/// The first stages of [`parse`] without the rules: UTF-16/32 ([`LoadError::Encoding`]),
/// byte-order mark, empty file ([`LoadError::Empty`]), HTML page ([`LoadError::Html`]),
/// well-formed JSON (with [`LoadError::NonFiniteNumber`] and [`LoadError::TooDeep`] told
/// apart from other syntax errors), `schema_version`, structure. Tools that want the document even when it breaks rules
/// (to report every problem, or to give advice) call this and then [`validate`];
/// `parse(bytes)` is exactly `decode(bytes)` followed by `validate`.
pub fn decode(bytes: &[u8], file: &str) -> Result<Document, LoadError> {
    match decode_quick(bytes, file)? {
        Some(doc) => Ok(doc),
        None => decode_diagnosed(bytes, file),
    }
}

/// The cheap part of [`decode`]: the checks before the JSON is read, then one decoding pass
/// of a well-formed file of this version. `Ok(None)` when that pass fails: only
/// [`decode_diagnosed`] can then say why. The browser bundle keeps the diagnosis in a
/// separately loaded module, since most visits never need it (docs/size-notes.md).
pub fn decode_quick(bytes: &[u8], file: &str) -> Result<Option<Document>, LoadError> {
    if let Some(encoding) = sniff_encoding(bytes) {
        return Err(LoadError::Encoding {
            file: file.to_string(),
            encoding,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            file: file.to_string(),
        });
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(LoadError::Html {
            file: file.to_string(),
            title: html_title(bytes),
        });
    }
    // The common case first, in one pass: a well-formed file of this version. Only when
    // decoding fails is the file read again, to report the version before the structure
    // and to name the JSON path (tracking paths slows decoding down, and national files
    // are tens of megabytes).
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|i| bytes[i] == b'{') {
        if let Ok(doc) = serde_json::from_slice::<Document>(bytes) {
            if doc.schema_version == SCHEMA_VERSION {
                return Ok(Some(doc));
            }
        }
    }
    Ok(None)
}

/// The second, slower read of a file that [`decode_quick`] could not decode: the schema
/// version before the structure, then the structure with the JSON path of the first
/// mismatch (serde_path_to_error). Call it only after `decode_quick` gave `Ok(None)`.
pub fn decode_diagnosed(bytes: &[u8], file: &str) -> Result<Document, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    check_version(bytes, file).map_err(|e| refine(bytes, e))?;
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let doc: Document = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = json_path(e.path());
        let inner = e.into_inner();
        refine(
            bytes,
            if inner.is_syntax() || inner.is_eof() {
                syntax_error(file, &inner)
            } else {
                let detail = inner.to_string();
                // A key given twice: name it in the path (serde stops at the second one).
                let path = match detail
                    .strip_prefix("duplicate field `")
                    .and_then(|r| r.split('`').next())
                {
                    Some(key) => format!("{path}.{key}"),
                    None => path,
                };
                LoadError::Structure {
                    file: file.to_string(),
                    path,
                    line: inner.line(),
                    column: inner.column(),
                    detail,
                }
            },
        )
    })?;
    Ok(doc)
}

fn syntax_error(file: &str, e: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    }
}

/// Recognises UTF-16 and UTF-32 by their byte-order marks, or by NUL bytes between the
/// ASCII characters a JSON text starts with.
fn sniff_encoding(b: &[u8]) -> Option<TextEncoding> {
    if b.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Some(TextEncoding::Utf32Le);
    }
    if b.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some(TextEncoding::Utf32Be);
    }
    if b.starts_with(&[0xFF, 0xFE]) {
        return Some(TextEncoding::Utf16Le);
    }
    if b.starts_with(&[0xFE, 0xFF]) {
        return Some(TextEncoding::Utf16Be);
    }
    let ascii = |c: u8| c != 0 && c.is_ascii();
    if b.len() >= 4 {
        if ascii(b[0]) && b[1..4] == [0, 0, 0] {
            return Some(TextEncoding::Utf32Le);
        }
        if b[..3] == [0, 0, 0] && ascii(b[3]) {
            return Some(TextEncoding::Utf32Be);
        }
        // The first (up to) 16 code units: ASCII in one byte of each, NUL in the other.
        let head = &b[..b.len().min(32) & !1];
        let units = || head.chunks_exact(2);
        if units().all(|u| ascii(u[0]) && u[1] == 0) {
            return Some(TextEncoding::Utf16Le);
        }
        if units().all(|u| u[0] == 0 && ascii(u[1])) {
            return Some(TextEncoding::Utf16Be);
        }
    }
    None
}

/// The `<title>` of an HTML page, as plain text, when it is short: tags removed, the
/// common entities decoded, white space collapsed. Only the first 64 KiB are looked at.
fn html_title(bytes: &[u8]) -> Option<String> {
    const MAX_CHARS: usize = 80;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    let lower = head.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in head[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_control() || c.is_whitespace() => text.push(' '),
            c => text.push(c),
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty() && text.chars().count() <= MAX_CHARS).then_some(text)
}

/// Byte offset of serde's 1-based line and byte column.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => return bytes.len(),
        }
    }
    (start + column.saturating_sub(1)).min(bytes.len())
}

/// 1-based line and byte column of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, 1 + before.len() - start)
}

/// Where nesting first goes deeper than [`MAX_NESTING`] in `bytes` (strings skipped).
fn too_deep_at(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Whether the last `\\uXXXX` escape in `bytes` (within the last dozen bytes) is a
/// surrogate (`\\ud800`–`\\udfff`), which alone is no character.
fn last_escape_is_surrogate(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(12)..];
    let Some(i) = tail.windows(2).rposition(|w| w == b"\\u") else {
        return false;
    };
    let hex = &tail[i + 2..];
    hex.len() >= 4
        && std::str::from_utf8(&hex[..4])
            .ok()
            .and_then(|h| u16::from_str_radix(h, 16).ok())
            .is_some_and(|u| (0xD800..=0xDFFF).contains(&u))
}

/// The words people write for numbers JSON does not have.
const NON_FINITE: [&str; 6] = ["-Infinity", "+Infinity", "Infinity", "-NaN", "NaN", "-inf"];

/// Makes a syntax or structure error more specific where the bytes show why: nesting
/// beyond [`MAX_NESTING`], a bare `NaN`/`Infinity`, a comment, a second byte-order mark, an
/// escaped lone surrogate.
fn refine(bytes: &[u8], e: LoadError) -> LoadError {
    let (file, line, column, detail, top_level) = match &e {
        LoadError::Syntax {
            file,
            line,
            column,
            detail,
        } => (file, *line, *column, detail.as_str(), false),
        LoadError::Structure {
            file,
            path,
            line,
            column,
            detail,
        } => (file, *line, *column, detail.as_str(), path == "$"),
        _ => return e,
    };
    let offset = offset_of(bytes, line, column);
    // A structure error at the top level (an array, a duplicate key) may come before the
    // deep part; elsewhere only what the parser read counts.
    let scanned = if top_level || detail.starts_with("recursion limit exceeded") {
        bytes
    } else {
        &bytes[..(offset + 1).min(bytes.len())]
    };
    let deep = too_deep_at(scanned)
        .map(|at| line_column(bytes, at))
        .or(detail
            .starts_with("recursion limit exceeded")
            .then_some((line, column)));
    if let Some((line, column)) = deep {
        return LoadError::TooDeep {
            file: file.clone(),
            line,
            column,
            limit: MAX_NESTING,
        };
    }
    if !matches!(e, LoadError::Syntax { .. }) {
        return e;
    }
    // serde stops at the letter after a sign: look one byte back too.
    for start in [offset.saturating_sub(1), offset] {
        let rest = &bytes[start.min(bytes.len())..];
        if let Some(token) = NON_FINITE.iter().find(|t| rest.starts_with(t.as_bytes())) {
            let (line, column) = line_column(bytes, start);
            return LoadError::NonFiniteNumber {
                file: file.clone(),
                line,
                column,
                token: token.to_string(),
            };
        }
    }
    let rest = &bytes[offset.min(bytes.len())..];
    let position = format!(" at line {line} column {column}");
    let new_detail = if rest.starts_with(b"//") || rest.starts_with(b"/*") {
        Some("comments are not allowed in JSON")
    } else if rest.starts_with(b"\xEF\xBB\xBF") {
        Some("a second byte-order mark")
    } else if [
        "invalid unicode code point",
        "lone leading surrogate",
        "unexpected end of hex escape",
    ]
    .iter()
    .any(|p| detail.starts_with(p))
        && last_escape_is_surrogate(&bytes[..offset.min(bytes.len())])
    {
        Some("lone surrogate escape")
    } else {
        None
    };
    match new_detail {
        Some(d) => LoadError::Syntax {
            file: file.clone(),
            line,
            column,
            detail: format!("{d}{position}"),
        },
        None => e,
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    /// `None` when absent; `Some(Value::Null)` for `null`.
    #[serde(default, deserialize_with = "present")]
    schema_version: Option<serde_json::Value>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

fn check_version(bytes: &[u8], file: &str) -> Result<(), LoadError> {
    // A derived struct would also accept a JSON array; the format's top level is an object.
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = first.filter(|&i| bytes[i] != b'{') {
        let line = 1 + bytes[..i].iter().filter(|&&b| b == b'\n').count();
        let column = 1 + i
            - bytes[..i]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
        if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
            return Err(LoadError::Structure {
                file: file.to_string(),
                path: "$".to_string(),
                line,
                column,
                detail: "expected a JSON object at the top level".to_string(),
            });
        }
    }
    let probe: VersionProbe = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(syntax_error(file, &e)),
        // The top level is not an object: report it as a structure problem at `$`.
        Err(e) => {
            let detail = e.to_string();
            let path = match detail
                .strip_prefix("duplicate field `")
                .and_then(|r| r.split('`').next())
            {
                Some(key) => format!("$.{key}"),
                None => "$".to_string(),
            };
            return Err(LoadError::Structure {
                file: file.to_string(),
                path,
                line: e.line(),
                column: e.column(),
                detail,
            });
        }
    };
    match probe.schema_version {
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => Ok(()),
        other => Err(LoadError::UnsupportedVersion {
            file: file.to_string(),
            found: other.map_or_else(|| "missing".to_string(), |v| v.to_string()),
        }),
    }
}

/// Turns serde_path_to_error's path (`stations[2].figures[0].value`) into `$.stations[2]…`.
fn json_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for seg in path.iter() {
        match seg {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => {
                out.push('.');
                out.push_str(key);
            }
            serde_path_to_error::Segment::Enum { variant } => {
                out.push('.');
                out.push_str(variant);
            }
            serde_path_to_error::Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

/// Every rule of the format that the types cannot express. Returns all problems, in file order.
///
/// One walk over the decoded document, allocating nothing for what passes: a problem's JSON
/// path is only written out when there is a problem (national files hold millions of values).
pub fn validate(doc: &Document) -> Vec<Issue> {
    let mut v = Validator::default();
    v.text(&|| "$.publisher".into(), &doc.publisher);
    if chrono::DateTime::parse_from_rfc3339(&doc.generated_at).is_err() {
        v.push(
            "$.generated_at".into(),
            IssueKind::BadTimestamp {
                text: doc.generated_at.clone(),
            },
        );
    }
    let mut ids = HashSet::new();
    for (i, s) in doc.sources.iter().enumerate() {
        let p = || format!("$.sources[{i}]");
        v.id(&p, &s.id, &mut ids);
        v.text(&|| format!("{}.title", p()), &s.title);
        if let Some(url) = &s.url {
            if !is_http_url(url) {
                v.push(
                    format!("{}.url", p()),
                    IssueKind::NotHttpUrl { url: url.clone() },
                );
            }
        }
    }
    let sources = ids;
    let mut metric_ids = HashSet::new();
    for (i, m) in doc.metrics.iter().enumerate() {
        let p = || format!("$.metrics[{i}]");
        v.id(&p, &m.id, &mut metric_ids);
        v.text(&|| format!("{}.label", p()), &m.label);
    }
    let mut station_ids = HashSet::with_capacity(doc.stations.len());
    for (i, st) in doc.stations.iter().enumerate() {
        let p = || format!("$.stations[{i}]");
        v.id(&p, &st.id, &mut station_ids);
        if let Some(href) = &st.detail {
            let dp = || format!("{}.detail", p());
            if doc.kind != Kind::Index {
                v.push(dp(), IssueKind::DetailOutsideIndex);
            } else if !crate::path::is_detail_ref(href) {
                v.push(dp(), IssueKind::BadDetailRef { href: href.clone() });
            }
        }
        v.text(&|| format!("{}.name", p()), &st.name);
        v.text(&|| format!("{}.region.province", p()), &st.region.province);
        if let Some(kind) = st
            .region
            .code
            .as_deref()
            .and_then(|c| crate::region::check(c, &st.region.province.zh))
        {
            v.push(format!("{}.region.code", p()), kind);
        }
        let facts = [
            ("area_km2", &st.profile.area_km2),
            ("population", &st.profile.population),
            ("officers", &st.profile.officers),
            ("auxiliary_officers", &st.profile.auxiliary_officers),
        ];
        for (name, fact) in facts {
            if let Some(f) = fact {
                let fp = || format!("{}.profile.{name}", p());
                v.non_negative(&|| format!("{}.value", fp()), f.value);
                v.source(&fp, &f.source, &sources);
            }
        }
        if let Some(f) = &st.profile.founded {
            v.source(&|| format!("{}.profile.founded", p()), &f.source, &sources);
        }
        for (j, fig) in st.figures.iter().enumerate() {
            v.figure(&|| format!("{}.figures[{j}]", p()), fig, doc, &sources);
        }
        for (j, s) in st.series.iter().enumerate() {
            v.series(&|| format!("{}.series[{j}]", p()), s, doc, &sources);
        }
    }
    v.issues.extend(crate::boundary::check(doc));
    v.issues
}

/// Whether a link may become a clickable link: absolute `http:` or `https:` only.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The JSON path of what is being checked, written out only for a problem (one shape for
/// every caller, so that each check is compiled once).
type At<'a> = &'a dyn Fn() -> String;

#[derive(Default)]
struct Validator {
    issues: Vec<Issue>,
}

impl Validator {
    fn push(&mut self, path: String, kind: IssueKind) {
        self.issues.push(Issue { path, kind });
    }

    fn text(&mut self, path: At<'_>, t: &Text) {
        if t.zh.trim().is_empty() {
            self.push(format!("{}.zh", path()), IssueKind::EmptyText);
        }
    }

    fn id<'a>(&mut self, path: At<'_>, id: &'a str, seen: &mut HashSet<&'a str>) {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !ok {
            self.push(
                format!("{}.id", path()),
                IssueKind::BadId { id: id.to_string() },
            );
        } else if !seen.insert(id) {
            self.push(
                format!("{}.id", path()),
                IssueKind::DuplicateId { id: id.to_string() },
            );
        }
    }

    fn source(&mut self, path: At<'_>, id: &str, sources: &HashSet<&str>) {
        if !sources.contains(id) {
            self.push(
                format!("{}.source", path()),
                IssueKind::UnknownSource { id: id.to_string() },
            );
        }
    }

    fn non_negative(&mut self, path: At<'_>, value: f64) {
        if let Some(kind) = not_exact(value) {
            self.push(path(), kind);
        } else if value < 0.0 {
            self.push(path(), IssueKind::Negative { value });
        }
    }

    fn period(
        &mut self,
        path: At<'_>,
        start: Option<&crate::PartialDate>,
        end: Option<&crate::PartialDate>,
    ) {
        if let (Some(s), Some(e)) = (start, end) {
            if e.last_day() < s.first_day() {
                self.push(
                    path(),
                    IssueKind::PeriodReversed {
                        start: s.to_string(),
                        end: e.to_string(),
                    },
                );
            }
        }
    }

    fn figure(&mut self, p: At<'_>, fig: &Figure, doc: &Document, sources: &HashSet<&str>) {
        self.source(p, &fig.source, sources);
        self.period(
            &|| format!("{}.period", p()),
            fig.period.start.as_ref(),
            fig.period.end.as_ref(),
        );
        if let Some(Baseline::Period { start, end }) = &fig.baseline {
            self.period(&|| format!("{}.baseline", p()), Some(start), Some(end));
        }
        let Some(metric) = doc.metrics.iter().find(|m| m.id == fig.metric) else {
            self.push(
                format!("{}.metric", p()),
                IssueKind::UnknownMetric {
                    id: fig.metric.clone(),
                },
            );
            return;
        };
        let vp = || format!("{}.value", p());
        let exact = match not_exact(fig.value) {
            Some(kind) => {
                self.push(vp(), kind);
                false
            }
            None => true,
        };
        if fig.is_change() {
            let unit_ok = fig.unit == metric.unit
                || fig.unit == Unit::Percent
                || (fig.unit == Unit::PercentagePoints && metric.unit == Unit::Percent);
            if !unit_ok {
                self.push(
                    format!("{}.unit", p()),
                    IssueKind::UnitMismatch {
                        metric_unit: metric.unit,
                        found: fig.unit,
                        change: true,
                    },
                );
            } else if exact
                && fig.unit == Unit::Percent
                && metric.unit != Unit::Percent
                && fig.value < -100.0
            {
                self.push(vp(), IssueKind::DeclineBeyondAll { value: fig.value });
            }
        } else if fig.unit != metric.unit {
            self.push(
                format!("{}.unit", p()),
                IssueKind::UnitMismatch {
                    metric_unit: metric.unit,
                    found: fig.unit,
                    change: false,
                },
            );
        } else if exact {
            if let Some(kind) = level_issue(fig.unit, fig.value) {
                self.push(vp(), kind);
            }
        }
    }

    fn series(&mut self, p: At<'_>, s: &Series, doc: &Document, sources: &HashSet<&str>) {
        self.source(p, &s.source, sources);
        if s.start.month().is_none() || matches!(s.start, crate::PartialDate::Day(_)) {
            self.push(
                format!("{}.start", p()),
                IssueKind::SeriesNotMonthly {
                    start: s.start.to_string(),
                },
            );
        }
        let unit = match doc.metrics.iter().find(|m| m.id == s.metric) {
            Some(m) => Some(m.unit),
            None => {
                self.push(
                    format!("{}.metric", p()),
                    IssueKind::UnknownMetric {
                        id: s.metric.clone(),
                    },
                );
                None
            }
        };
        if let Some(status) = &s.status {
            if status.len() != s.values.len() {
                self.push(
                    format!("{}.status", p()),
                    IssueKind::SeriesLengthMismatch {
                        values: s.values.len(),
                        status: status.len(),
                    },
                );
            } else {
                for (k, (v, st)) in s.values.iter().zip(status).enumerate() {
                    if v.is_none() != (*st == ValueStatus::Missing) {
                        self.push(format!("{}.status[{k}]", p()), IssueKind::StatusMismatch);
                    }
                }
            }
        }
        if let Some(unit) = unit {
            for (k, v) in s.values.iter().enumerate() {
                if let Some(kind) = v.and_then(|v| level_issue(unit, v)) {
                    self.push(format!("{}.values[{k}]", p()), kind);
                }
            }
        }
    }
}

/// 2^53: from here on not every whole number has an exact binary64 value, so a count
/// written in the file may silently read as another number.
pub const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// A value too large to be stored exactly ([`EXACT_LIMIT`] or more in size).
fn not_exact(value: f64) -> Option<IssueKind> {
    (value.abs() >= EXACT_LIMIT).then_some(IssueKind::NotExact { value })
}

/// What is wrong with a level of `value` in `unit`, if anything.
fn level_issue(unit: Unit, value: f64) -> Option<IssueKind> {
    if let Some(kind) = not_exact(value) {
        return Some(kind);
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&value) => {
            Some(IssueKind::PercentOutOfRange { value })
        }
        Unit::Count | Unit::People | Unit::PersonTimes | Unit::Yuan if value < 0.0 => {
            Some(IssueKind::Negative { value })
        }
        _ => None,
    }
}
