//! Static file server for `dist/` (used by `scorecards serve`, `cargo xtask serve` and the
//! browser tests), in one file per concern: routing and files (`site`), content coding
//! (`encoding`), the answer and its headers (`reply`), request paths and validators
//! (`paths`), and a small HTTP client for probes and tests (`client`).
//!
//! GET and HEAD only, 127.0.0.1 by default, a strict Content-Security-Policy on every
//! response (pages under `/examples/` also get `frame-src 'self'`, because one example host
//! page frames the dashboard). Files with a content hash in their path (`pkg/<hash>/…`,
//! `style/main.<hash>.css`, written by `cargo xtask build`) are sent with
//! `Cache-Control: public, max-age=31536000, immutable`; everything else (the entry files
//! `embed.js`, `embed-lite.js`, `app.js`, the pages, data, rendered fragments) with
//! `no-cache` and an ETag, so a browser revalidates it (304). Each request is answered on
//! its own thread, so a slow client (or a `/_slow/` test route) does not hold up the others.
//!
//! Text, JavaScript, WebAssembly, JSON, CSS and SVG are sent compressed with brotli or gzip
//! when the client's `Accept-Encoding` allows (brotli preferred), with
//! `Vary: Accept-Encoding` and an ETag per encoding: the `x.br` / `x.gz` file written next to
//! `x` by the build when there is one (quality 11, nothing to do per request), else
//! compressed here. Files up to [`MAX_CACHED_BYTES`] are then compressed once and kept in
//! memory (keyed by path, size and modification time, so an edited file is compressed
//! again); larger files are compressed while they are sent.
//!
//! Optional test routes (`Options::test_routes`, turned on by `cargo xtask test`):
//! - `/fixtures/<name>`: files from `tests/fixtures/`;
//! - `/_status/<code>`: answers with that HTTP status and a short text body;
//! - `/_slow/<ms>/<path>`: waits `ms` milliseconds (at most 60 s), then serves `/<path>`.

mod client;
mod encoding;
mod paths;
mod reply;
mod site;
#[cfg(test)]
mod tests;

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub use client::{request, request_with_body, RawResponse};
pub use encoding::{brotli, choose_encoding, compress, gzip, is_compressible, Encoding};
pub use paths::{
    content_type, etag_for, etag_matches, is_content_hashed, percent_encode_query,
    percent_encode_segment, sanitize,
};
pub use reply::{Body, Reply, IMMUTABLE, REVALIDATE};
use site::Site;

/// The Content-Security-Policy sent with every response.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; \
    frame-ancestors *";

/// Headers sent with every response, whatever its status (plus a `Cache-Control`, see
/// [`Reply::headers`]).
pub const COMMON_HEADERS: [(&str, &str); 2] = [
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
];

/// Longest wait a `/_slow/<ms>/` route honours.
pub const MAX_SLOW_MS: u64 = 60_000;

/// Files up to this size are compressed once and the result kept in memory.
pub const MAX_CACHED_BYTES: u64 = 8 * 1024 * 1024;

/// What the server serves besides `root`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Enables `/fixtures/`, `/_status/` and `/_slow/`.
    pub test_routes: bool,
    /// Directory served under `/fixtures/` when `test_routes` is on.
    pub fixtures_dir: Option<PathBuf>,
    /// Extra files or directories: URL path (e.g. `/data/user/x.json`, or `/data/user` for a
    /// directory, whose files are then served below it) → file or directory on disk.
    pub extra_files: Vec<(String, PathBuf)>,
    /// Print one line per request.
    pub log_requests: bool,
}

/// A running server. Dropping it (or calling [`Handle::stop`]) shuts it down.
pub struct Handle {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Handle {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting requests and waits for the accept loop to end.
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Blocks until the server stops (which, for `serve`, is when the process is killed).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

pub(crate) fn error(message: String) -> io::Error {
    io::Error::other(message)
}

/// Serves `root` on `addr` (port 0 picks a free port; see [`Handle::port`]). The errors
/// say what to do (another server on the port, a missing `dist/`).
pub fn start(root: &Path, addr: SocketAddr, options: Options) -> io::Result<Handle> {
    let site = Arc::new(Site::new(root, options)?);
    let server = tiny_http::Server::http(addr).map_err(|e| {
        error(format!(
            "could not listen on {addr}: {e}. Is another server using the port? \
             Pick another one with --port N (0 = any free port)."
        ))
    })?;
    let bound = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| error("the server is not listening on an IP address".into()))?;
    let stop = Arc::new(AtomicBool::new(false));
    let stop_flag = Arc::clone(&stop);
    let thread = thread::Builder::new()
        .name(format!("serve-{}", bound.port()))
        .spawn(move || accept_loop(server, site, stop_flag))
        .map_err(|e| error(format!("starting the server thread: {e}")))?;
    Ok(Handle {
        addr: bound,
        stop,
        thread: Some(thread),
    })
}

fn accept_loop(server: tiny_http::Server, site: Arc<Site>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::SeqCst) {
        match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => {
                let site = Arc::clone(&site);
                let spawned = thread::Builder::new()
                    .name("serve-request".to_string())
                    .spawn(move || site.handle(request));
                if let Err(e) = spawned {
                    eprintln!("server: could not start a request thread: {e}");
                }
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("server: {e}");
                thread::sleep(Duration::from_millis(50));
            }
        }
    }
}
