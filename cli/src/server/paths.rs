//! Request paths (sanitising, percent-coding), content types, validators and the caching
//! policy that follows from a path.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Splits a request target into safe path segments: drops the query and fragment,
/// decodes percent-escapes, drops empty and `.` segments, and rejects `..`, NUL,
/// backslashes, malformed escapes and non-UTF-8 paths.
pub fn sanitize(target: &str) -> Result<Vec<String>, &'static str> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Err("the path must start with '/'");
    }
    let decoded = percent_decode(path)?;
    let decoded = String::from_utf8(decoded).map_err(|_| "the path is not valid UTF-8")?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return Err("the path contains a NUL or a backslash");
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err("the path contains '..'"),
            s => segments.push(s.to_string()),
        }
    }
    Ok(segments)
}

fn percent_decode(s: &str) -> Result<Vec<u8>, &'static str> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or("truncated percent-escape")?;
            let hi = (hex[0] as char).to_digit(16).ok_or("bad percent-escape")?;
            let lo = (hex[1] as char).to_digit(16).ok_or("bad percent-escape")?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

/// What a path segment keeps unencoded: RFC 3986's unreserved characters.
pub const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes one path segment (for printing URLs).
pub fn percent_encode_segment(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// Percent-encodes a query value, keeping `/` so that a path in `?src=` stays readable.
pub fn percent_encode_query(s: &str) -> String {
    const QUERY_VALUE: &AsciiSet = &UNRESERVED.remove(b'/');
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// The Content-Type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "woff2" => "font/woff2",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// A strong validator from the file's length and modification time.
pub fn etag_for(len: u64, modified: Option<SystemTime>) -> String {
    let nanos = modified
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("\"{len:x}-{nanos:x}\"")
}

/// Whether an `If-None-Match` header value matches `etag` (weak comparison, `*` matches).
pub fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    let strip = |t: &str| t.trim().trim_start_matches("W/").to_string();
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || strip(candidate) == strip(etag))
}

/// Whether a path (relative to the served directory) holds a content hash, as
/// `cargo xtask build` names what the entry files load: the bundle's folder
/// `pkg/<16 hex digits>/…` or a file `name.<16 hex digits>.ext`. Such a file never changes
/// under its name, so it may be cached for good.
pub fn is_content_hashed(segments: &[String]) -> bool {
    let is_hash = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let hashed_folder = segments.len() > 2 && segments[0] == "pkg" && is_hash(&segments[1]);
    let hashed_name = segments.last().is_some_and(|name| {
        let mut parts = name.rsplit('.');
        let (_ext, hash) = (parts.next(), parts.next());
        parts.next().is_some() && hash.is_some_and(is_hash)
    });
    hashed_folder || hashed_name
}
