//! A fault-injecting proxy in front of the dashboard's server, for the failing-network tests.
//!
//! The browser loads the page through the proxy (so data requests stay same-origin under the
//! strict CSP) and the proxy passes everything through, except paths under `/_fault/`, which
//! it answers badly on purpose:
//!
//! - `/_fault/reset/<path>`: closes the connection without answering;
//! - `/_fault/cut/<path>`: announces the whole file, sends half of it, closes;
//! - `/_fault/stall/<secs>/<path>`: waits that long, then passes through;
//! - `/_fault/503/<secs>/<path>`: `503 Service Unavailable` with `Retry-After: <secs>`;
//! - `/_fault/type/<html|plain|octet>/<path>`: passes through with another `Content-Type`;
//! - `/_fault/html-page/<path>`: a `200` HTML error page (a proxy's "502 Bad Gateway");
//! - `/_fault/huge/<path>`: announces a 100 MB body, sends a few bytes, closes.
//!
//! Each fault also has a `-once` form (`reset-once`, `cut-once`, `stall-once`, `503-once`):
//! the first request for that exact URL (query included) fails, later ones pass through, so
//! a test can check that retrying recovers. Give each test its own `?t=` query.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Duration;

pub struct FaultProxy {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
}

/// The proxy of this test binary, started on first use in front of `upstream`.
pub fn proxy(upstream: &str) -> &'static FaultProxy {
    static PROXY: OnceLock<FaultProxy> = OnceLock::new();
    PROXY.get_or_init(|| start(upstream))
}

fn start(upstream: &str) -> FaultProxy {
    let upstream = upstream
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the fault proxy");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let (upstream, hits) = (upstream.clone(), hits.clone());
            thread::spawn(move || {
                let _ = serve(conn, &upstream, &hits);
            });
        }
    });
    FaultProxy { base }
}

fn serve(
    mut conn: TcpStream,
    upstream: &str,
    hits: &Mutex<HashMap<String, usize>>,
) -> std::io::Result<()> {
    let head = read_head(&mut conn)?;
    let target = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_string();
    let first = {
        let mut hits = hits.lock().unwrap();
        let n = hits.entry(target.clone()).or_insert(0);
        *n += 1;
        *n == 1
    };
    let Some(rest) = target.strip_prefix("/_fault/") else {
        return relay(&mut conn, upstream, &target, None);
    };
    let (fault, rest) = rest.split_once('/').unwrap_or((rest, ""));
    let (fault, active) = match fault.strip_suffix("-once") {
        Some(f) => (f, first),
        None => (fault, true),
    };
    // Faults with an argument: the next segment.
    let (arg, path) = match fault {
        "stall" | "503" | "type" => rest.split_once('/').unwrap_or((rest, "")),
        _ => ("", rest),
    };
    let path = format!("/{path}");
    if !active {
        return relay(&mut conn, upstream, &path, None);
    }
    match fault {
        "reset" => conn.shutdown(Shutdown::Both),
        "cut" => {
            let (head, body) = fetch(upstream, &path)?;
            let head = with_header(&head, "Connection", "close");
            conn.write_all(head.as_bytes())?;
            conn.write_all(&body[..body.len() / 2])?;
            conn.flush()?;
            conn.shutdown(Shutdown::Both)
        }
        "stall" => {
            thread::sleep(Duration::from_secs(arg.parse().unwrap_or(30)));
            relay(&mut conn, upstream, &path, None)
        }
        "503" => {
            let body = "503 Service Unavailable (fault proxy)\n";
            write!(
                conn,
                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: {arg}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )?;
            conn.shutdown(Shutdown::Both)
        }
        "type" => {
            let mime = match arg {
                "html" => "text/html; charset=utf-8",
                "plain" => "text/plain",
                _ => "application/octet-stream",
            };
            relay(&mut conn, upstream, &path, Some(mime))
        }
        "html-page" => {
            let body = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>\n";
            write!(
                conn,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )?;
            conn.shutdown(Shutdown::Both)
        }
        "huge" => {
            write!(
                conn,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\nConnection: close\r\n\r\n{{\"schema_version\": 1"
            )?;
            conn.flush()?;
            thread::sleep(Duration::from_millis(500));
            conn.shutdown(Shutdown::Both)
        }
        _ => {
            let body = format!("unknown fault {fault:?}\n");
            write!(
                conn,
                "HTTP/1.1 400 Bad Request\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )?;
            conn.shutdown(Shutdown::Both)
        }
    }
}

fn read_head(conn: &mut TcpStream) -> std::io::Result<String> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") && buf.len() < 64 * 1024 {
        if conn.read(&mut byte)? == 0 {
            break;
        }
        buf.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// GETs `path` from the upstream server (no compression, connection closed after) and
/// returns its head (status line and headers, ending with the blank line) and body.
fn fetch(upstream: &str, path: &str) -> std::io::Result<(String, Vec<u8>)> {
    let mut up = TcpStream::connect(upstream)?;
    write!(
        up,
        "GET {path} HTTP/1.1\r\nHost: {upstream}\r\nConnection: close\r\n\r\n"
    )?;
    let mut all = Vec::new();
    up.read_to_end(&mut all)?;
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(all.len(), |i| i + 4);
    let body = all.split_off(split);
    Ok((String::from_utf8_lossy(&all).into_owned(), body))
}

/// The head with `name` set to `value` (replacing any earlier value).
fn with_header(head: &str, name: &str, value: &str) -> String {
    let mut out: Vec<String> = head
        .lines()
        .filter(|l| !l.is_empty())
        .filter(|l| {
            !l.split(':')
                .next()
                .is_some_and(|k| k.trim().eq_ignore_ascii_case(name))
        })
        .map(str::to_string)
        .collect();
    out.push(format!("{name}: {value}"));
    out.join("\r\n") + "\r\n\r\n"
}

fn relay(
    conn: &mut TcpStream,
    upstream: &str,
    path: &str,
    content_type: Option<&str>,
) -> std::io::Result<()> {
    let (head, body) = fetch(upstream, path)?;
    let mut head = with_header(&head, "Connection", "close");
    if let Some(ct) = content_type {
        head = with_header(&head, "Content-Type", ct);
    }
    conn.write_all(head.as_bytes())?;
    conn.write_all(&body)?;
    conn.flush()?;
    conn.shutdown(Shutdown::Both)
}
