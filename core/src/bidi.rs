//! Bidirectional-override characters in data text.
//!
//! U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates) are invisible, and
//! they reorder the text around them: a station name holding U+202E can make a figure or a
//! label next to it read backwards ("Trojan Source" spoofing). They have no place in a
//! published scorecard, so they are removed from every string of a document, and each string
//! they were removed from is reported as a warning with its JSON path, so a publisher knows.
//! Nothing visible is lost.

use serde_json::Value;

use crate::error::{Issue, IssueKind};
use crate::model::Document;

/// Whether `c` is an embedding, override or isolate control.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether the raw bytes of a JSON file may hold a bidirectional control, as UTF-8 or as a
/// `\uXXXX` escape. A quick scan, so the common case (none) costs no second pass.
pub fn may_contain(bytes: &[u8]) -> bool {
    bytes
        .windows(3)
        .any(|w| matches!(w, [0xE2, 0x80, 0xAA..=0xAE] | [0xE2, 0x81, 0xA6..=0xA9]))
        || bytes.windows(6).any(|w| {
            w[0] == b'\\'
                && w[1] == b'u'
                && w[2] == b'2'
                && w[3] == b'0'
                && matches!(
                    (w[4], w[5].to_ascii_lowercase()),
                    (b'2', b'a'..=b'e') | (b'6', b'6'..=b'9')
                )
        })
}

/// Removes bidirectional controls from every string of `doc` (keys included), returning the
/// cleaned document and one warning per string changed. `bytes` are the file's bytes, used
/// only to skip the work when they cannot hold such a character.
pub fn neutralise(bytes: &[u8], doc: Document) -> (Document, Vec<Issue>) {
    if !may_contain(bytes) {
        return (doc, Vec::new());
    }
    let Ok(mut value) = serde_json::to_value(&doc) else {
        return (doc, Vec::new());
    };
    let mut issues = Vec::new();
    walk(&mut value, "$".to_string(), &mut issues);
    if issues.is_empty() {
        return (doc, issues);
    }
    match serde_json::from_value::<Document>(value) {
        Ok(clean) => (clean, issues),
        // Cannot happen (only characters inside strings changed), but never panic.
        Err(_) => (doc, issues),
    }
}

fn walk(v: &mut Value, path: String, issues: &mut Vec<Issue>) {
    match v {
        Value::String(s) => {
            if let Some((clean, found)) = strip(s) {
                *s = clean;
                issues.push(Issue {
                    path,
                    kind: IssueKind::BidiControl { chars: found },
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, format!("{path}[{i}]"), issues);
            }
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                walk(item, format!("{path}.{k}"), issues);
            }
        }
        _ => {}
    }
}

/// The string without bidirectional controls and the code points removed (`U+202E`,
/// comma-separated, each once), or `None` when there are none.
pub fn strip(s: &str) -> Option<(String, String)> {
    if !s.chars().any(is_bidi_control) {
        return None;
    }
    let mut found: Vec<char> = s.chars().filter(|c| is_bidi_control(*c)).collect();
    found.sort_unstable();
    found.dedup();
    let names: Vec<String> = found
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    Some((
        s.chars().filter(|c| !is_bidi_control(*c)).collect(),
        names.join(", "),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_overrides_and_isolates_and_names_them() {
        let (clean, names) = strip("ab\u{202E}cd\u{2066}e\u{202E}").unwrap();
        assert_eq!(clean, "abcde");
        assert_eq!(names, "U+202E, U+2066");
        assert_eq!(strip("梅江派出所 (RLM \u{200F} is a mark, kept)"), None);
    }

    #[test]
    fn the_quick_scan_sees_raw_and_escaped_controls() {
        assert!(may_contain("x\u{202E}y".as_bytes()));
        assert!(may_contain("x\u{2069}y".as_bytes()));
        assert!(may_contain(br#""a\u202Eb""#));
        assert!(may_contain(br#""a\u2067b""#));
        assert!(!may_contain(br#""a\u2020b \u2070""#));
        assert!(!may_contain("梅江 \u{2014} \u{2026}".as_bytes()));
    }
}
