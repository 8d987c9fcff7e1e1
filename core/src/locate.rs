//! Where a JSON path is in a file: maps `$.stations[2].figures[0].value` to a line and
//! column by scanning the bytes once.
//!
//! The validator works on decoded values and names problems by JSON path; a person editing
//! the file needs a line and column. [`locate_paths`] finds any number of paths in one pass
//! over the text, descending only into the parts of the document that lead to a wanted path
//! and skipping everything else at byte speed, so it stays fast on files of hundreds of
//! megabytes. It tolerates malformed JSON: it reports what it found before the problem.

use std::collections::HashMap;

/// A place in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPosition {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters (as editors count them), not bytes.
    pub column: usize,
    /// 0-based byte offset from the start of the text.
    pub offset: usize,
}

/// Where a JSON path was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// Start of the value at the path, or of its nearest ancestor when the path itself is
    /// absent (a missing field is located at the object that lacks it).
    pub position: TextPosition,
    /// Whether the value at the path itself was found (`false`: an ancestor's position).
    pub exact: bool,
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// `.name`: a member of an object.
    Key(String),
    /// `[n]`: an element of an array.
    Index(usize),
}

/// Splits a JSON path as the validator writes it (`$`, then `.key` or `[n]` steps) into
/// segments. Keys are taken up to the next `.` or `[`. Returns `None` for text that does
/// not start with `$` or has a malformed index.
pub fn parse_path(path: &str) -> Option<Vec<PathSegment>> {
    let rest = path.strip_prefix('$')?;
    let bytes = rest.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'.' => {
                let end = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == b'.' || b == b'[')
                    .map_or(bytes.len(), |p| i + 1 + p);
                out.push(PathSegment::Key(rest[i + 1..end].to_string()));
                i = end;
            }
            b'[' => {
                let close = bytes[i..].iter().position(|&b| b == b']')? + i;
                let index = rest[i + 1..close].parse().ok()?;
                out.push(PathSegment::Index(index));
                i = close + 1;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Finds each of `paths` in the JSON text `bytes` in a single pass. A UTF-8 byte-order mark
/// is skipped (columns count from after it). The result has one entry per path: `None` when
/// the path cannot be parsed or the text has no value at all.
pub fn locate_paths(bytes: &[u8], paths: &[&str]) -> Vec<Option<Located>> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut trie = Trie::default();
    let ends: Vec<Option<Vec<usize>>> = paths
        .iter()
        .map(|p| parse_path(p).map(|segs| trie.insert(&segs)))
        .collect();
    let mut scanner = Scanner {
        bytes,
        pos: bom,
        line: 1,
        line_start: bom,
        counted_at: bom,
        counted_chars: 0,
        trie: &mut trie,
    };
    scanner.skip_ws();
    if scanner.pos < bytes.len() {
        let _ = scanner.value(Some(0), 0);
    }
    ends.into_iter()
        .map(|chain| {
            let chain = chain?;
            // `chain` lists the node of each prefix, root first; the deepest one reached wins.
            let reached = chain
                .iter()
                .rposition(|&node| trie.nodes[node].found.is_some())?;
            Some(Located {
                position: trie.nodes[chain[reached]].found?,
                exact: reached == chain.len() - 1,
            })
        })
        .collect()
}

/// The 1-based character column of a 1-based byte column on a 1-based line (serde_json
/// reports byte columns; editors show character columns).
pub fn char_column(bytes: &[u8], line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => return byte_column,
        }
    }
    if line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
        start = 3;
    }
    let end = (start + byte_column.saturating_sub(1)).min(bytes.len());
    1 + bytes[start.min(end)..end]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
}

#[derive(Default)]
struct Node {
    children: HashMap<PathSegment, usize>,
    found: Option<TextPosition>,
}

struct Trie {
    nodes: Vec<Node>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie {
            nodes: vec![Node::default()],
        }
    }
}

impl Trie {
    /// Adds a path; returns the node of each of its prefixes, root first.
    fn insert(&mut self, segs: &[PathSegment]) -> Vec<usize> {
        let mut chain = vec![0];
        let mut node = 0;
        for seg in segs {
            node = match self.nodes[node].children.get(seg) {
                Some(&child) => child,
                None => {
                    self.nodes.push(Node::default());
                    let child = self.nodes.len() - 1;
                    self.nodes[node].children.insert(seg.clone(), child);
                    child
                }
            };
            chain.push(node);
        }
        chain
    }

    fn child(&self, node: Option<usize>, seg: &PathSegment) -> Option<usize> {
        node.and_then(|n| self.nodes[n].children.get(seg).copied())
    }

    fn has_children(&self, node: Option<usize>) -> bool {
        node.is_some_and(|n| !self.nodes[n].children.is_empty())
    }
}

/// Nesting deeper than this stops the scan: the parser refuses deeper files
/// ([`crate::MAX_NESTING`]), and the scan recurses along wanted paths, so the limit also
/// bounds its stack (a path of 100,000 `[0]` steps into 100,000 nested arrays stops here).
const MAX_DEPTH: usize = crate::MAX_NESTING;

/// The scan stopped: malformed JSON or too deep. What was found so far stands.
struct Stop;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    line_start: usize,
    /// Characters between `line_start` and `counted_at` (positions are recorded in
    /// increasing order, so counting resumes where it stopped, even on one huge line).
    counted_at: usize,
    counted_chars: usize,
    trie: &'a mut Trie,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.new_line();
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => break,
            }
        }
    }

    fn new_line(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
        self.counted_at = self.pos;
        self.counted_chars = 0;
    }

    fn position(&mut self) -> TextPosition {
        let chars = self.bytes[self.counted_at..self.pos]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        self.counted_chars += chars;
        self.counted_at = self.pos;
        TextPosition {
            line: self.line,
            column: self.counted_chars + 1,
            offset: self.pos,
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), Stop> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Stop)
        }
    }

    /// At the first byte of a value; `node` is the trie node for this value, if wanted.
    fn value(&mut self, node: Option<usize>, depth: usize) -> Result<(), Stop> {
        if let Some(n) = node {
            let here = self.position();
            self.trie.nodes[n].found.get_or_insert(here);
        }
        if !self.trie.has_children(node) {
            return self.skip_value();
        }
        if depth > MAX_DEPTH {
            return Err(Stop);
        }
        // Objects and arrays are walked by two loops of the same shape (the `duplicates` tool
        // pairs them): a member is a key and a value, an element a value and its index.
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                    return Ok(());
                }
                loop {
                    self.skip_ws();
                    let key = self.key()?;
                    self.skip_ws();
                    self.expect(b':')?;
                    self.skip_ws();
                    let child = self.trie.child(node, &PathSegment::Key(key));
                    self.value(child, depth + 1)?;
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(());
                        }
                        _ => return Err(Stop),
                    }
                }
            }
            Some(b'[') => {
                self.pos += 1;
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return Ok(());
                }
                let mut index = 0;
                loop {
                    self.skip_ws();
                    let child = self.trie.child(node, &PathSegment::Index(index));
                    self.value(child, depth + 1)?;
                    index += 1;
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(());
                        }
                        _ => return Err(Stop),
                    }
                }
            }
            _ => self.skip_value(),
        }
    }

    /// Reads an object key (decoding escapes only when there are any).
    fn key(&mut self) -> Result<String, Stop> {
        let start = self.pos;
        self.skip_string()?;
        let raw = &self.bytes[start..self.pos];
        let inner = &raw[1..raw.len() - 1];
        if inner.contains(&b'\\') {
            serde_json::from_slice(raw).map_err(|_| Stop)
        } else {
            String::from_utf8(inner.to_vec()).map_err(|_| Stop)
        }
    }

    /// Skips a string starting at its opening quote.
    fn skip_string(&mut self) -> Result<(), Stop> {
        self.expect(b'"')?;
        let bytes = self.bytes;
        while let Some(&b) = bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'"' => return Ok(()),
                b'\\' => self.pos += 1,
                // A raw newline is not valid inside a string; keep line numbers right anyway.
                b'\n' => self.new_line(),
                _ => {}
            }
        }
        Err(Stop)
    }

    /// Skips one whole value without looking for paths inside it.
    fn skip_value(&mut self) -> Result<(), Stop> {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{') | Some(b'[') => {
                let mut depth = 0usize;
                let bytes = self.bytes;
                while let Some(&b) = bytes.get(self.pos) {
                    match b {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Ok(());
                            }
                        }
                        b'\n' => {
                            self.pos += 1;
                            self.new_line();
                            continue;
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                Err(Stop)
            }
            Some(_) => {
                let start = self.pos;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.pos += 1;
                }
                if self.pos == start {
                    Err(Stop)
                } else {
                    Ok(())
                }
            }
            None => Err(Stop),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(bytes: &str, path: &str) -> Option<(usize, usize, bool)> {
        locate_paths(bytes.as_bytes(), &[path])[0]
            .map(|l| (l.position.line, l.position.column, l.exact))
    }

    const DOC: &str = r#"{
  "schema_version": 1,
  "publisher": {"zh": "测试"},
  "stations": [
    {"id": "a", "figures": []},
    {
      "id": "b",
      "name": {"zh": "乙派出所", "en": "B"}, "figures": [
        {"metric": "x", "value": 180},
        {"metric": "y\"z", "value": -5, "quote": "a \"quoted\" ] } text"}
      ]
    }
  ]
}"#;

    #[test]
    fn paths_parse() {
        use PathSegment::*;
        assert_eq!(parse_path("$"), Some(vec![]));
        assert_eq!(
            parse_path("$.stations[12].figures[0].value"),
            Some(vec![
                Key("stations".into()),
                Index(12),
                Key("figures".into()),
                Index(0),
                Key("value".into())
            ])
        );
        assert_eq!(parse_path("stations"), None);
        assert_eq!(parse_path("$.a[x]"), None);
        assert_eq!(parse_path("$.a[1"), None);
    }

    #[test]
    fn finds_values_by_path() {
        assert_eq!(at(DOC, "$"), Some((1, 1, true)));
        assert_eq!(at(DOC, "$.schema_version"), Some((2, 21, true)));
        assert_eq!(at(DOC, "$.stations[1].id"), Some((7, 13, true)));
        assert_eq!(
            at(DOC, "$.stations[1].figures[0].value"),
            Some((9, 34, true))
        );
        assert_eq!(
            at(DOC, "$.stations[1].figures[1].value"),
            Some((10, 37, true))
        );
        // Columns count characters: 乙派出所 is 4 columns, not 12 bytes.
        assert_eq!(at(DOC, "$.stations[1].name.en"), Some((8, 36, true)));
    }

    #[test]
    fn absent_paths_fall_back_to_the_nearest_ancestor() {
        assert_eq!(
            at(DOC, "$.stations[1].figures[0].source"),
            Some((9, 9, false))
        );
        assert_eq!(at(DOC, "$.stations[7].id"), Some((4, 15, false)));
        assert_eq!(at(DOC, "$.nothing.at.all"), Some((1, 1, false)));
        assert_eq!(at(DOC, "not a path"), None);
        assert_eq!(at("", "$"), None);
        assert_eq!(at("   ", "$.a"), None);
    }

    #[test]
    fn many_paths_in_one_pass_in_any_order() {
        let paths = [
            "$.stations[1].figures[1].metric",
            "$.publisher.zh",
            "$.stations[0].id",
            "$.publisher.zh",
        ];
        let found: Vec<_> = locate_paths(DOC.as_bytes(), &paths)
            .into_iter()
            .map(|l| l.map(|l| (l.position.line, l.position.column)))
            .collect();
        assert_eq!(
            found,
            [Some((10, 20)), Some((3, 23)), Some((5, 12)), Some((3, 23))]
        );
    }

    #[test]
    fn escaped_keys_and_byte_order_mark() {
        let text = "\u{FEFF}{\"a\\u0062\": [1, {\"c\": true}]}";
        assert_eq!(at(text, "$.ab[1].c"), Some((1, 23, true)));
        let l = locate_paths(text.as_bytes(), &["$.ab[1]"])[0].unwrap();
        assert_eq!(&text.as_bytes()[l.position.offset..][..1], b"{");
    }

    #[test]
    fn malformed_text_keeps_what_was_found() {
        let text = "{\"a\": {\"b\": 1, \"c\": [1, 2";
        assert_eq!(at(text, "$.a.b"), Some((1, 13, true)));
        assert_eq!(at(text, "$.a.c[1]"), Some((1, 25, true)));
        assert_eq!(at(text, "$.a.c[5]"), Some((1, 21, false)));
        assert_eq!(at("{\"a\" 1}", "$.a"), Some((1, 1, false)));
    }

    #[test]
    fn one_long_line_is_counted_once() {
        let mut text = String::from("[");
        for i in 0..20_000 {
            text.push_str(&format!("{{\"v\":\"é{i}\"}},"));
        }
        text.push_str("0]");
        let paths: Vec<String> = (0..20_000).map(|i| format!("$[{i}].v")).collect();
        let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let found = locate_paths(text.as_bytes(), &refs);
        let last = found[19_999].unwrap().position;
        let prefix = &text[..last.offset];
        assert_eq!(last.column, prefix.chars().count() + 1);
        assert_eq!(last.line, 1);
    }

    #[test]
    fn char_columns_from_byte_columns() {
        let text = "{\n  \"名称\": 1\n}";
        // serde_json counts bytes: the value 1 is at byte column 13 of line 2.
        assert_eq!(char_column(text.as_bytes(), 2, 13), 9);
        assert_eq!(char_column(text.as_bytes(), 1, 1), 1);
        assert_eq!(char_column(text.as_bytes(), 9, 4), 4);
    }
}
