//! The answer to a request, its headers, and its conversion into a tiny_http response.

use std::fs::File;
use std::io::{self, Read};
use std::sync::Arc;

use super::{Encoding, COMMON_HEADERS};

/// `Cache-Control` of a file whose path holds a content hash: a new build gives it a new name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of everything else: revalidate with the ETag before each use.
pub const REVALIDATE: &str = "no-cache";

/// What to answer, before it is turned into a tiny_http response.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: Option<&'static str>,
    /// `ETag`.
    pub etag: Option<String>,
    /// `Allow` (for 405).
    pub allow: Option<&'static str>,
    /// `Content-Encoding`.
    pub content_encoding: Option<Encoding>,
    /// Whether the answer depends on `Accept-Encoding` (`Vary: Accept-Encoding`).
    pub vary: bool,
    /// A file with a content hash in its path: `Cache-Control` [`IMMUTABLE`] rather than
    /// [`REVALIDATE`].
    pub immutable: bool,
    /// The body.
    pub body: Body,
}

/// A reply's body.
pub enum Body {
    /// No body (304, or HEAD).
    Empty,
    /// A short text.
    Text(String),
    /// A file of known length, sent as it is.
    File(File, u64),
    /// Bytes held in memory (a cached compressed file).
    Bytes(Arc<Vec<u8>>),
    /// A stream of unknown length (a large file compressed on the fly), sent chunked.
    Stream(Box<dyn Read + Send>),
}

impl Reply {
    pub(super) fn text(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: Some("text/plain; charset=utf-8"),
            etag: None,
            allow: None,
            content_encoding: None,
            vary: false,
            immutable: false,
            body: Body::Text(body.into()),
        }
    }

    pub(super) fn not_found(path: &str) -> Reply {
        Reply::text(404, format!("404 Not Found: {path}\n"))
    }

    /// The headers of this reply, common ones included.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut headers: Vec<(&'static str, String)> = COMMON_HEADERS
            .iter()
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        let cache = if self.immutable {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        headers.push(("Cache-Control", cache.to_string()));
        if let Some(ct) = self.content_type {
            headers.push(("Content-Type", ct.to_string()));
        }
        if let Some(enc) = self.content_encoding {
            headers.push(("Content-Encoding", enc.token().to_string()));
        }
        if self.vary {
            headers.push(("Vary", "Accept-Encoding".to_string()));
        }
        if let Some(etag) = &self.etag {
            headers.push(("ETag", etag.clone()));
        }
        if let Some(allow) = self.allow {
            headers.push(("Allow", allow.to_string()));
        }
        headers
    }

    pub(super) fn into_response(self, url: &str) -> tiny_http::Response<Box<dyn Read + Send>> {
        let headers = self
            .headers()
            .into_iter()
            .map(|(k, v)| match k {
                // The example host pages include one that frames the dashboard.
                "Content-Security-Policy" if url.starts_with("/examples/") => {
                    (k, format!("{v}; frame-src 'self'"))
                }
                _ => (k, v),
            })
            .filter_map(|(k, v)| tiny_http::Header::from_bytes(k, v).ok())
            .collect();
        let (reader, len): (Box<dyn Read + Send>, Option<usize>) = match self.body {
            Body::Empty => (Box::new(io::empty()), Some(0)),
            Body::Text(text) => {
                let len = text.len();
                (Box::new(io::Cursor::new(text.into_bytes())), Some(len))
            }
            Body::File(file, len) => (Box::new(file), Some(len as usize)),
            Body::Bytes(bytes) => {
                let len = bytes.len();
                (Box::new(io::Cursor::new(SharedBytes(bytes))), Some(len))
            }
            Body::Stream(reader) => (reader, None),
        };
        let response = tiny_http::Response::new(
            tiny_http::StatusCode(self.status),
            headers,
            reader,
            len,
            None,
        );
        match len {
            // Always send Content-Length (no chunking) for known sizes.
            Some(_) => response.with_chunked_threshold(usize::MAX),
            None => response,
        }
    }
}

struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}
