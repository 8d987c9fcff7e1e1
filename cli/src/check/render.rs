//! Reports rendered for people (text with excerpts) and for tools (JSON).

use super::*;
use crate::messages::msgs;

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
            let _ = writeln!(out, "{}", msgs(lang).warnings_not_shown(&r.file, hidden));
        }
        let _ = writeln!(out, "{}", summary(r, lang));
    }
    out
}

pub(super) fn summary(r: &FileReport, lang: Lang) -> String {
    let (e, w) = (r.errors(), r.warnings());
    let t = msgs(lang);
    match r.status {
        Status::Valid => t.summary_valid(&r.file, w),
        Status::Invalid => t.summary_invalid(&r.file, e, w),
        Status::Unusable => t.summary_unusable(&r.file, e),
    }
}

pub(super) fn render_problem(out: &mut String, r: &FileReport, p: &Problem, lang: Lang) {
    let place = match (p.line, p.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", r.file),
        _ => r.file.clone(),
    };
    let severity = msgs(lang).severity(p.severity == Severity::Error);
    let _ = writeln!(
        out,
        "{place}: {severity} [{}]: {}",
        p.code, p.detail.message
    );
    for (label, value) in [&p.path, &p.detail.expected, &p.detail.found]
        .into_iter()
        .enumerate()
    {
        if let Some(v) = value {
            let _ = writeln!(out, "{}", msgs(lang).detail_line(label, v));
        }
    }
    if let (Some(offset), Some(line)) = (p.offset, p.line) {
        excerpt(out, &r.text, offset, line);
    }
}

/// The line around `offset`, with a caret under it; long lines are cut to a window (only
/// a few hundred bytes around the place are looked at, so a problem on a 100 MB line costs
/// nothing).
pub(super) fn excerpt(out: &mut String, text: &[u8], offset: usize, line: usize) {
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
pub(super) fn display_width(s: &str) -> usize {
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
