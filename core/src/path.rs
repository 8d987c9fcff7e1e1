//! Paths of data files: which addresses the page may load, which a detail reference may
//! name, and the name shown in messages. A leaf: the query string, the split layout and the
//! validation rules all use it.

/// Whether `src` is a same-origin path the page may fetch: a relative path or one starting
/// with a single `/`, with no scheme, no host, no backslash and no control characters.
pub fn is_same_origin_path(src: &str) -> bool {
    if src.is_empty() || src.starts_with("//") || src.contains('\\') {
        return false;
    }
    if src.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    // A scheme is letters, digits, + - . before the first ':' that comes before any '/', '?' or '#'.
    let head = src.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// The file name shown in messages for a source path: the path without query or fragment.
pub fn display_name(src: &str) -> &str {
    src.split(['?', '#']).next().unwrap_or(src)
}

/// Whether a station's `detail` reference is acceptable: a relative path below the index's
/// folder (`detail/zhejiang.json`), without scheme, host, query, `..` or a leading `/`.
pub fn is_detail_ref(href: &str) -> bool {
    !href.is_empty()
        && !href.starts_with('/')
        && is_same_origin_path(href)
        && !href.contains(['?', '#'])
        && href
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_origin_paths_only() {
        for ok in [
            "data/seeds.json",
            "/data/user/x.json",
            "./a.json",
            "../b.json",
            "/fixtures/a.json?x=1",
        ] {
            assert!(is_same_origin_path(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "/\\evil.example",
            "",
            "a b.json",
            "JavaScript:alert(1)",
        ] {
            assert!(!is_same_origin_path(bad), "{bad}");
        }
    }

    #[test]
    fn display_name_drops_query() {
        assert_eq!(display_name("/data/a.json?v=2#x"), "/data/a.json");
    }
}
