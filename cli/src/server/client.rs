//! A minimal HTTP/1.1 client: readiness probes (our server, chromedriver), the benchmark's
//! WebDriver calls and the tests. The only one in the workspace outside the async browser
//! tests (which use fantoccini).

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A minimal HTTP/1.1 response, as read by [`request`].
#[derive(Debug)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers in order.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked, not decompressed).
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request with `Connection: close` and reads the answer (honouring
/// Content-Length and chunked encoding, since not every server closes the connection).
/// Used to probe servers (ours, chromedriver) for readiness, and by the tests.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    timeout: Duration,
) -> io::Result<RawResponse> {
    request_with_body(addr, method, path, headers, None, timeout)
}

/// [`request`] with a body (sent with its `Content-Length`), e.g. a WebDriver command.
pub fn request_with_body(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
    timeout: Duration,
) -> io::Result<RawResponse> {
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(body) = body {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if let Some(body) = body {
        stream.write_all(body)?;
    }

    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        if let Some(pos) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(bad("connection closed before the end of the headers"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let mut response = parse_head(&raw[..head_end]).ok_or_else(|| bad("bad HTTP response"))?;
    let mut body = raw.split_off(head_end + 4);
    let no_body = method == "HEAD" || matches!(response.status, 100..=199 | 204 | 304);
    let length = response
        .header("Content-Length")
        .and_then(|v| v.parse::<usize>().ok());
    let chunked = response
        .header("Transfer-Encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if no_body {
        body.clear();
    } else if let Some(length) = length {
        while body.len() < length {
            let n = stream.read(&mut buf)?;
            if n == 0 {
                return Err(bad("connection closed before the end of the body"));
            }
            body.extend_from_slice(&buf[..n]);
        }
        body.truncate(length);
    } else if chunked {
        loop {
            if let Some(decoded) = decode_chunked(&body) {
                body = decoded;
                break;
            }
            let n = stream.read(&mut buf)?;
            if n == 0 {
                return Err(bad("connection closed inside a chunked body"));
            }
            body.extend_from_slice(&buf[..n]);
        }
    } else {
        stream.read_to_end(&mut body)?;
    }
    response.body = body;
    Ok(response)
}

fn parse_head(head: &[u8]) -> Option<RawResponse> {
    let head = std::str::from_utf8(head).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(RawResponse {
        status,
        headers,
        body: Vec::new(),
    })
}

/// The decoded body once `raw` holds a complete chunked body, else None.
pub(super) fn decode_chunked(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = raw;
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        if rest.len() < size + 2 {
            return None;
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}
