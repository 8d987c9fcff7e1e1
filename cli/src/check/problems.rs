//! Problems placed in the file: line and column of a JSON path or a byte offset, and
//! the load errors that stop a file told as problems.

use super::*;
use crate::messages;

pub(super) fn locate(bytes: &[u8], problems: &mut [Problem]) {
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
pub(super) fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
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
pub(super) fn offset_of(bytes: &[u8], line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => return bytes.len(),
        }
    }
    (start + byte_column.saturating_sub(1)).min(bytes.len())
}

pub(super) fn not_utf8(bytes: &[u8], offset: usize, lang: Lang) -> Problem {
    let (line, column) = position_of(bytes, offset);
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    let gbk = !had_errors && text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let mut p = tool_problem(
        Severity::Error,
        "not_utf8",
        messages::msgs(lang).not_utf8(gbk),
    );
    p.line = Some(line);
    p.column = Some(column);
    p.offset = Some(offset);
    p.detail.expected = Some(messages::msgs(lang).utf8_text());
    p.detail.found = Some(messages::msgs(lang).the_byte(bytes[offset]));
    p
}

pub(super) fn load_error_problem(bytes: &[u8], e: &LoadError, lang: Lang) -> Problem {
    let mut p = tool_problem(Severity::Error, "", String::new());
    p.origin = Origin::Core;
    // One arm per kind of load error, each filling the same fields from its own
    // (the `duplicates` tool pairs the arms).
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
                        messages::msgs(lang).end_of_file()
                    }
                    Some(c) => serde_json::Value::String(c.to_string()).to_string(),
                    None => messages::msgs(lang).an_invalid_byte(),
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
