//! Static file server for `dist/` (used by `scorecards serve`, `cargo xtask serve` and the
//! browser tests).
//!
//! GET and HEAD only, 127.0.0.1 by default, a strict Content-Security-Policy and
//! `no-cache` + ETag revalidation on every response (pages under `/examples/` also get
//! `frame-src 'self'`, because one example host page frames the dashboard). Each request is
//! answered on its own thread, so a slow client (or a `/_slow/` test route) does not hold up
//! the others.
//!
//! Text, JavaScript, WebAssembly, JSON, CSS and SVG are compressed with brotli or gzip when
//! the client's `Accept-Encoding` allows (brotli preferred), with `Vary: Accept-Encoding`
//! and an ETag per encoding. Files up to [`MAX_CACHED_BYTES`] are compressed once at a high
//! level and kept in memory (keyed by path, size and modification time, so an edited file is
//! compressed again); larger files are compressed while they are sent.
//!
//! Optional test routes (`Options::test_routes`, turned on by `cargo xtask test`):
//! - `/fixtures/<name>`: files from `tests/fixtures/`;
//! - `/_status/<code>`: answers with that HTTP status and a short text body;
//! - `/_slow/<ms>/<path>`: waits `ms` milliseconds (at most 60 s), then serves `/<path>`.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The Content-Security-Policy sent with every response.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; \
    frame-ancestors *";

/// Headers sent with every response, whatever its status.
pub const COMMON_HEADERS: [(&str, &str); 3] = [
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-cache"),
];

/// Longest wait a `/_slow/<ms>/` route honours.
pub const MAX_SLOW_MS: u64 = 60_000;

/// Files up to this size are compressed once and the result kept in memory.
pub const MAX_CACHED_BYTES: u64 = 8 * 1024 * 1024;

/// Total size of compressed bodies kept in memory; the cache starts afresh beyond it.
const CACHE_BUDGET: usize = 96 * 1024 * 1024;

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

fn error(message: String) -> io::Error {
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

/// A content coding the server can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// `br`
    Brotli,
    /// `gzip`
    Gzip,
}

impl Encoding {
    /// The `Content-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }
}

/// The encoding to answer with for an `Accept-Encoding` header: the acceptable one with the
/// highest quality, brotli on a tie; `None` means identity.
pub fn choose_encoding(accept_encoding: Option<&str>) -> Option<Encoding> {
    let header = accept_encoding?;
    let mut br: Option<f32> = None;
    let mut gzip: Option<f32> = None;
    let mut star: Option<f32> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let token = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let mut q = 1.0f32;
        for param in parts {
            if let Some((k, v)) = param.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = v.trim().parse().unwrap_or(0.0);
                }
            }
        }
        match token.as_str() {
            "br" => br = Some(q),
            "gzip" | "x-gzip" => gzip = Some(q),
            "*" => star = Some(q),
            _ => {}
        }
    }
    let br = br.or(star).unwrap_or(0.0);
    let gzip = gzip.or(star).unwrap_or(0.0);
    if br > 0.0 && br >= gzip {
        Some(Encoding::Brotli)
    } else if gzip > 0.0 {
        Some(Encoding::Gzip)
    } else {
        None
    }
}

/// Whether files of this Content-Type are worth compressing.
pub fn is_compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/manifest+json")
        || content_type == "application/wasm"
        || content_type == "image/svg+xml"
}

/// Compresses `data` at the level used for cached bodies.
pub fn compress(data: &[u8], encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Brotli => {
            let mut out = Vec::with_capacity(data.len() / 4 + 64);
            let params = brotli::enc::BrotliEncoderParams {
                quality: 9,
                lgwin: 22,
                ..Default::default()
            };
            let mut input = data;
            // Writing into a Vec cannot fail.
            let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
            out
        }
        Encoding::Gzip => {
            let mut enc = flate2::write::GzEncoder::new(
                Vec::with_capacity(data.len() / 3 + 64),
                flate2::Compression::best(),
            );
            let _ = enc.write_all(data);
            enc.finish().unwrap_or_default()
        }
    }
}

/// A reader that compresses `file` as it is read (for files too large to cache).
fn compressing_reader(file: File, encoding: Encoding) -> Box<dyn Read + Send> {
    match encoding {
        Encoding::Brotli => Box::new(brotli::CompressorReader::new(file, 64 * 1024, 5, 22)),
        Encoding::Gzip => Box::new(flate2::read::GzEncoder::new(
            io::BufReader::with_capacity(64 * 1024, file),
            flate2::Compression::new(5),
        )),
    }
}

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
    fn text(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: Some("text/plain; charset=utf-8"),
            etag: None,
            allow: None,
            content_encoding: None,
            vary: false,
            body: Body::Text(body.into()),
        }
    }

    fn not_found(path: &str) -> Reply {
        Reply::text(404, format!("404 Not Found: {path}\n"))
    }

    /// The headers of this reply, common ones included.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut headers: Vec<(&'static str, String)> = COMMON_HEADERS
            .iter()
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
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

    fn into_response(self, url: &str) -> tiny_http::Response<Box<dyn Read + Send>> {
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

/// Compressed bodies by (file, ETag of the file, encoding).
#[derive(Default)]
struct Cache {
    entries: HashMap<(PathBuf, String, Encoding), Arc<Vec<u8>>>,
    bytes: usize,
}

enum Extra {
    File(PathBuf),
    Dir(PathBuf),
}

struct Site {
    root: PathBuf,
    fixtures: Option<PathBuf>,
    extra: Vec<(Vec<String>, Extra)>,
    test_routes: bool,
    log: bool,
    cache: Mutex<Cache>,
}

/// What a request asks for, as far as the reply depends on it.
struct Ask<'a> {
    if_none_match: Option<&'a str>,
    encoding: Option<Encoding>,
}

impl Site {
    fn new(root: &Path, options: Options) -> io::Result<Site> {
        let root = root.canonicalize().map_err(|e| {
            error(format!(
                "cannot serve {}: the directory is missing (build it first: `cargo xtask build`): {e}",
                root.display()
            ))
        })?;
        let fixtures = match (&options.fixtures_dir, options.test_routes) {
            // A missing fixtures directory just means every /fixtures/ request is a 404.
            (Some(dir), true) => Some(dir.canonicalize().unwrap_or_else(|_| dir.clone())),
            _ => None,
        };
        let mut extra = Vec::new();
        for (url_path, file) in options.extra_files {
            let segments = sanitize(&url_path).map_err(|e| {
                error(format!(
                    "bad URL path {url_path:?} for {}: {e}",
                    file.display()
                ))
            })?;
            let file = file
                .canonicalize()
                .map_err(|e| error(format!("cannot serve {}: {e}", file.display())))?;
            if file.is_file() {
                extra.push((segments, Extra::File(file)));
            } else if file.is_dir() {
                extra.push((segments, Extra::Dir(file)));
            } else {
                return Err(error(format!(
                    "{} is neither a file nor a directory",
                    file.display()
                )));
            }
        }
        Ok(Site {
            root,
            fixtures,
            extra,
            test_routes: options.test_routes,
            log: options.log_requests,
            cache: Mutex::new(Cache::default()),
        })
    }

    fn handle(&self, request: tiny_http::Request) {
        let started = Instant::now();
        let method = request.method().as_str().to_string();
        let url = request.url().to_string();
        let header = |name: &'static str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_string())
        };
        let if_none_match = header("If-None-Match");
        let accept_encoding = header("Accept-Encoding");
        let ask = Ask {
            if_none_match: if_none_match.as_deref(),
            encoding: choose_encoding(accept_encoding.as_deref()),
        };
        let reply = self.reply(&method, &url, &ask);
        let status = reply.status;
        let encoding = reply.content_encoding;
        let result = request.respond(reply.into_response(&url));
        if self.log {
            let outcome = match result {
                Ok(()) => String::new(),
                Err(e) => format!(" (client gone: {e})"),
            };
            let encoding = encoding.map_or(String::new(), |e| format!(" [{}]", e.token()));
            println!(
                "server: {method} {url} -> {status}{encoding} in {} ms{outcome}",
                started.elapsed().as_millis()
            );
        }
    }

    /// The reply to `method url` (pure apart from reading files and `/_slow/` sleeping).
    fn reply(&self, method: &str, url: &str, ask: &Ask) -> Reply {
        if method != "GET" && method != "HEAD" {
            let mut reply = Reply::text(405, "405 Method Not Allowed: use GET or HEAD\n");
            reply.allow = Some("GET, HEAD");
            return reply;
        }
        match sanitize(url) {
            Ok(segments) => self.route(&segments, ask),
            Err(e) => Reply::text(400, format!("400 Bad Request: {e}\n")),
        }
    }

    fn route(&self, segments: &[String], ask: &Ask) -> Reply {
        if self.test_routes {
            match segments.first().map(String::as_str) {
                Some("_status") => return status_route(segments.get(1)),
                Some("_slow") => {
                    let ms = segments.get(1).and_then(|ms| ms.parse::<u64>().ok());
                    let Some(ms) = ms else {
                        return Reply::text(400, "400 Bad Request: use /_slow/<ms>/<path>\n");
                    };
                    thread::sleep(Duration::from_millis(ms.min(MAX_SLOW_MS)));
                    return self.route(segments.get(2..).unwrap_or_default(), ask);
                }
                Some("fixtures") => {
                    if let Some(dir) = &self.fixtures {
                        return self.serve_from(dir, &segments[1..], ask);
                    }
                }
                _ => {}
            }
        }
        for (prefix, target) in &self.extra {
            match target {
                Extra::File(file) if prefix == segments => {
                    return self
                        .serve_file(file, ask)
                        .unwrap_or_else(|| Reply::not_found(&display_path(segments)));
                }
                Extra::Dir(dir) if segments.starts_with(prefix) => {
                    return self.serve_from(dir, &segments[prefix.len()..], ask);
                }
                _ => {}
            }
        }
        self.serve_from(&self.root, segments, ask)
    }

    /// Serves `base/<segments>` (a directory means its `index.html`), refusing anything
    /// that resolves outside `base` (symbolic links included).
    fn serve_from(&self, base: &Path, segments: &[String], ask: &Ask) -> Reply {
        let mut path = base.to_path_buf();
        path.extend(segments);
        if path.is_dir() {
            path.push("index.html");
        }
        match path.canonicalize() {
            Ok(real) if real.starts_with(base) => self.serve_file(&real, ask),
            _ => None,
        }
        .unwrap_or_else(|| Reply::not_found(&display_path(segments)))
    }

    fn serve_file(&self, path: &Path, ask: &Ask) -> Option<Reply> {
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        let file_etag = etag_for(meta.len(), meta.modified().ok());
        let content_type = content_type(path);
        let vary = is_compressible(content_type);
        let encoding = ask.encoding.filter(|_| vary && meta.len() > 0);
        let etag = match encoding {
            Some(enc) => tagged_etag(&file_etag, enc),
            None => file_etag.clone(),
        };
        let reply = |status, content_encoding, body| Reply {
            status,
            content_type: Some(content_type).filter(|_| status != 304),
            etag: Some(etag.clone()),
            allow: None,
            content_encoding,
            vary,
            body,
        };
        if ask
            .if_none_match
            .is_some_and(|header| etag_matches(header, &etag))
        {
            return Some(reply(304, None, Body::Empty));
        }
        let mut file = File::open(path).ok()?;
        let Some(enc) = encoding else {
            return Some(reply(200, None, Body::File(file, meta.len())));
        };
        if meta.len() > MAX_CACHED_BYTES {
            return Some(reply(
                200,
                Some(enc),
                Body::Stream(compressing_reader(file, enc)),
            ));
        }
        let key = (path.to_path_buf(), file_etag, enc);
        let cached = self.cache.lock().ok()?.entries.get(&key).cloned();
        let body = match cached {
            Some(body) => body,
            None => {
                let mut data = Vec::with_capacity(meta.len() as usize);
                file.read_to_end(&mut data).ok()?;
                let body = Arc::new(compress(&data, enc));
                let mut cache = self.cache.lock().ok()?;
                if cache.bytes + body.len() > CACHE_BUDGET {
                    cache.entries.clear();
                    cache.bytes = 0;
                }
                cache.bytes += body.len();
                cache.entries.insert(key, Arc::clone(&body));
                body
            }
        };
        Some(reply(200, Some(enc), Body::Bytes(body)))
    }
}

fn status_route(code: Option<&String>) -> Reply {
    match code.and_then(|c| c.parse::<u16>().ok()) {
        Some(code @ 200..=599) => Reply::text(code, format!("HTTP {code} (test route)\n")),
        _ => Reply::text(400, "400 Bad Request: use /_status/<code> with 200..=599\n"),
    }
}

fn display_path(segments: &[String]) -> String {
    format!("/{}", segments.join("/"))
}

/// The ETag of one encoding of a file: `"len-mtime"` becomes `"len-mtime-br"`.
fn tagged_etag(etag: &str, encoding: Encoding) -> String {
    format!(
        "{}-{}\"",
        etag.trim_end_matches('"'),
        encoding.etag_suffix()
    )
}

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

/// Percent-encodes one path segment (for printing URLs).
pub fn percent_encode_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;

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
fn decode_chunked(raw: &[u8]) -> Option<Vec<u8>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, SocketAddrV4};

    #[test]
    fn sanitize_accepts_normal_paths() {
        assert_eq!(sanitize("/").unwrap(), Vec::<String>::new());
        assert_eq!(sanitize("/pkg/app.js").unwrap(), ["pkg", "app.js"]);
        assert_eq!(sanitize("/a//./b/?x=1#y").unwrap(), ["a", "b"]);
        assert_eq!(sanitize("/?src=/data/../x").unwrap(), Vec::<String>::new());
        assert_eq!(
            sanitize("/data/%E6%B5%8B%E8%AF%95%20a.json").unwrap(),
            ["data", "测试 a.json"]
        );
        assert_eq!(sanitize("/a%2Fb").unwrap(), ["a", "b"]);
        assert_eq!(sanitize("/..a/b..").unwrap(), ["..a", "b.."]);
    }

    #[test]
    fn sanitize_rejects_traversal_and_garbage() {
        for bad in [
            "/../etc/passwd",
            "/a/../../b",
            "/..",
            "/%2e%2e/secret",
            "/%2E%2E%2Fsecret",
            "/a/..%2f..%2fb",
            "/a%5c..%5cb",
            "/a\\b",
            "/a%00b",
            "/%zz",
            "/%4",
            "/%ff",
            "relative/path",
            "http://evil/x",
        ] {
            assert!(sanitize(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn content_types() {
        let ct = |p: &str| content_type(Path::new(p));
        assert_eq!(ct("index.html"), "text/html; charset=utf-8");
        assert_eq!(ct("pkg/x.js"), "text/javascript; charset=utf-8");
        assert_eq!(ct("pkg/x_bg.wasm"), "application/wasm");
        assert_eq!(ct("style/main.CSS"), "text/css; charset=utf-8");
        assert_eq!(ct("data/seeds.json"), "application/json");
        assert_eq!(ct("a.svg"), "image/svg+xml");
        assert_eq!(ct("a.png"), "image/png");
        assert_eq!(ct("favicon.ico"), "image/x-icon");
        assert_eq!(ct("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn etags() {
        let t = UNIX_EPOCH + Duration::from_nanos(0x1234);
        let etag = etag_for(0xab, Some(t));
        assert_eq!(etag, "\"ab-1234\"");
        assert_ne!(etag, etag_for(0xac, Some(t)));
        assert!(etag_matches("\"ab-1234\"", &etag));
        assert!(etag_matches("W/\"ab-1234\"", &etag));
        assert!(etag_matches("\"x\", \"ab-1234\"", &etag));
        assert!(etag_matches("*", &etag));
        assert!(!etag_matches("\"ab-1235\"", &etag));
        assert!(!etag_matches("", &etag));
    }

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            decode_chunked(b"3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n").unwrap(),
            b"abcde"
        );
        assert_eq!(decode_chunked(b"3\r\nabc\r\n"), None);
        assert_eq!(decode_chunked(b"3\r\nab"), None);
    }

    /// A server that answers with Content-Length but keeps the connection open (like
    /// chromedriver) must not make `request` wait for the connection to close.
    #[test]
    fn request_does_not_wait_for_close() {
        let listener = std::net::TcpListener::bind(local(0)).unwrap();
        let addr = listener.local_addr().unwrap();
        // Detached: it keeps the connection open for a while after answering.
        thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let _ = conn.read(&mut buf).unwrap();
            conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length:2\r\n\r\nok")
                .unwrap();
            thread::sleep(Duration::from_secs(3));
        });
        let started = Instant::now();
        let r = request(addr, "GET", "/status", &[], Duration::from_secs(10)).unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, &b"ok"[..]));
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn segment_encoding() {
        assert_eq!(percent_encode_segment("my data.json"), "my%20data.json");
        assert_eq!(percent_encode_segment("a-b_c~.json"), "a-b_c~.json");
        assert_eq!(percent_encode_segment("测"), "%E6%B5%8B");
    }

    /// A scratch directory in the system temp dir, removed at the end.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir = std::env::temp_dir().join(format!(
                "scorecards-server-test-{name}-{}",
                std::process::id()
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn write(&self, rel: &str, content: &str) -> PathBuf {
            let path = self.0.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, content).unwrap();
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn local(port: u16) -> SocketAddr {
        SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
    }

    fn get(handle: &Handle, path: &str, headers: &[(&str, &str)]) -> RawResponse {
        request(handle.addr(), "GET", path, headers, Duration::from_secs(10)).unwrap()
    }

    fn assert_common_headers(r: &RawResponse) {
        for (name, value) in COMMON_HEADERS {
            assert_eq!(
                r.header(name),
                Some(value),
                "{name} missing on {}",
                r.status
            );
        }
    }

    #[test]
    fn serves_files_with_headers_etag_and_404() {
        let tmp = TempDir::new("serve");
        let dist = tmp.0.join("dist");
        tmp.write("dist/index.html", "<!doctype html>hi");
        tmp.write("dist/pkg/app_bg.wasm", "\0asm");
        tmp.write("dist/sub/index.html", "sub");
        tmp.write("secret.txt", "secret");
        let user = tmp.write("mine.json", "{\"user\":1}");
        let handle = start(
            &dist,
            local(0),
            Options {
                extra_files: vec![("/data/user/mine.json".into(), user)],
                ..Options::default()
            },
        )
        .unwrap();
        assert_ne!(handle.port(), 0);

        let index = get(&handle, "/", &[]);
        assert_eq!(index.status, 200);
        assert_eq!(index.body, b"<!doctype html>hi");
        assert_eq!(
            index.header("Content-Type"),
            Some("text/html; charset=utf-8")
        );
        assert_common_headers(&index);
        let etag = index.header("ETag").unwrap().to_string();

        let again = get(&handle, "/index.html?x=1", &[("If-None-Match", &etag)]);
        assert_eq!(again.status, 304);
        assert!(again.body.is_empty());
        assert_eq!(again.header("ETag"), Some(etag.as_str()));
        assert_common_headers(&again);

        let stale = get(&handle, "/", &[("If-None-Match", "\"0-0\"")]);
        assert_eq!(stale.status, 200);

        let wasm = get(&handle, "/pkg/app_bg.wasm", &[]);
        assert_eq!(wasm.header("Content-Type"), Some("application/wasm"));
        assert_eq!(wasm.header("Content-Length"), Some("4"));

        assert_eq!(get(&handle, "/sub/", &[]).body, b"sub");
        assert_eq!(
            get(&handle, "/data/user/mine.json", &[]).body,
            b"{\"user\":1}"
        );

        let missing = get(&handle, "/nope.js", &[]);
        assert_eq!(missing.status, 404);
        assert_common_headers(&missing);

        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/pkg/%2E%2E%2F..%2Fsecret.txt",
        ] {
            let r = get(&handle, bad, &[]);
            assert_eq!(r.status, 400, "{bad}");
            assert_common_headers(&r);
        }

        let head = request(handle.addr(), "HEAD", "/", &[], Duration::from_secs(10)).unwrap();
        assert_eq!(head.status, 200);
        assert!(head.body.is_empty());

        let post = request(handle.addr(), "POST", "/", &[], Duration::from_secs(10)).unwrap();
        assert_eq!(post.status, 405);
        assert_eq!(post.header("Allow"), Some("GET, HEAD"));
        assert_common_headers(&post);

        // Test routes are off unless asked for.
        assert_eq!(get(&handle, "/_status/500", &[]).status, 404);
        handle.stop();
    }

    #[test]
    fn example_pages_may_frame_the_app() {
        let tmp = TempDir::new("examples");
        tmp.write("dist/index.html", "x");
        tmp.write("dist/examples/iframe.html", "y");
        let handle = start(&tmp.0.join("dist"), local(0), Options::default()).unwrap();
        let example = get(&handle, "/examples/iframe.html", &[]);
        let csp = example.header("Content-Security-Policy").unwrap();
        assert!(csp.starts_with(CONTENT_SECURITY_POLICY), "{csp}");
        assert!(csp.ends_with("; frame-src 'self'"), "{csp}");
        assert_common_headers(&get(&handle, "/", &[]));
    }

    #[test]
    fn encoding_negotiation() {
        use Encoding::*;
        assert_eq!(choose_encoding(None), None);
        assert_eq!(choose_encoding(Some("")), None);
        assert_eq!(
            choose_encoding(Some("gzip, deflate, br, zstd")),
            Some(Brotli)
        );
        assert_eq!(choose_encoding(Some("gzip")), Some(Gzip));
        assert_eq!(choose_encoding(Some("x-gzip")), Some(Gzip));
        assert_eq!(choose_encoding(Some("br;q=0.5, gzip;q=0.8")), Some(Gzip));
        assert_eq!(choose_encoding(Some("br;q=0, gzip;q=0")), None);
        assert_eq!(choose_encoding(Some("*")), Some(Brotli));
        assert_eq!(choose_encoding(Some("*;q=0.1, br;q=0")), Some(Gzip));
        assert_eq!(choose_encoding(Some("identity")), None);
        assert_eq!(choose_encoding(Some("deflate, BR")), Some(Brotli));
        assert!(is_compressible(content_type(Path::new("a.wasm"))));
        assert!(is_compressible(content_type(Path::new("a.json"))));
        assert!(is_compressible(content_type(Path::new("a.svg"))));
        assert!(is_compressible(content_type(Path::new("a.css"))));
        assert!(!is_compressible(content_type(Path::new("a.png"))));
        assert_eq!(tagged_etag("\"ab-12\"", Brotli), "\"ab-12-br\"");
    }

    fn gunzip(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(body)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn unbrotli(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(body, 4096)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn compresses_by_accept_encoding_with_vary_and_etags() {
        let tmp = TempDir::new("compress");
        let js = "export const x = 'scorecards';\n".repeat(2000);
        tmp.write("dist/app.js", &js);
        tmp.write("dist/a.png", "not really a png, but not compressed either");
        let handle = start(&tmp.0.join("dist"), local(0), Options::default()).unwrap();

        let br = get(
            &handle,
            "/app.js",
            &[("Accept-Encoding", "gzip, deflate, br")],
        );
        assert_eq!(br.status, 200);
        assert_eq!(br.header("Content-Encoding"), Some("br"));
        assert_eq!(br.header("Vary"), Some("Accept-Encoding"));
        assert_common_headers(&br);
        assert!(br.body.len() < js.len() / 20, "{} bytes", br.body.len());
        assert_eq!(
            br.header("Content-Length"),
            Some(br.body.len().to_string().as_str())
        );
        assert_eq!(unbrotli(&br.body), js.as_bytes());
        // The second answer comes from the cache and is the same.
        let again = get(&handle, "/app.js", &[("Accept-Encoding", "br")]);
        assert_eq!(again.body, br.body);

        let gz = get(
            &handle,
            "/app.js",
            &[("Accept-Encoding", "gzip;q=1, br;q=0.5")],
        );
        assert_eq!(gz.header("Content-Encoding"), Some("gzip"));
        assert_eq!(gunzip(&gz.body), js.as_bytes());

        let plain = get(&handle, "/app.js", &[]);
        assert_eq!(plain.header("Content-Encoding"), None);
        assert_eq!(plain.header("Vary"), Some("Accept-Encoding"));
        assert_eq!(plain.body, js.as_bytes());

        // One ETag per representation; each revalidates only its own.
        let (e_br, e_gz, e_id) = (
            br.header("ETag").unwrap(),
            gz.header("ETag").unwrap(),
            plain.header("ETag").unwrap(),
        );
        assert!(e_br != e_gz && e_gz != e_id && e_br != e_id);
        let not_modified = get(
            &handle,
            "/app.js",
            &[("Accept-Encoding", "br"), ("If-None-Match", e_br)],
        );
        assert_eq!(not_modified.status, 304);
        assert_eq!(not_modified.header("Vary"), Some("Accept-Encoding"));
        assert_common_headers(&not_modified);
        let other = get(
            &handle,
            "/app.js",
            &[("Accept-Encoding", "gzip"), ("If-None-Match", e_br)],
        );
        assert_eq!(other.status, 200);

        let png = get(&handle, "/a.png", &[("Accept-Encoding", "br, gzip")]);
        assert_eq!(png.header("Content-Encoding"), None);
        assert_eq!(png.header("Vary"), None);

        let head = request(
            handle.addr(),
            "HEAD",
            "/app.js",
            &[("Accept-Encoding", "br")],
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(head.header("Content-Encoding"), Some("br"));
        assert!(head.body.is_empty());
    }

    #[test]
    fn large_files_are_compressed_while_sent() {
        let tmp = TempDir::new("compress-large");
        tmp.write("dist/index.html", "x");
        let mut json = String::from("[");
        let mut i = 0u64;
        while json.len() as u64 <= MAX_CACHED_BYTES {
            json.push_str(&format!("{{\"n\":{i},\"s\":\"派出所\"}},"));
            i += 1;
        }
        json.push_str("0]");
        let data = tmp.write("big.json", &json);
        let handle = start(
            &tmp.0.join("dist"),
            local(0),
            Options {
                extra_files: vec![("/data/user/big.json".into(), data)],
                ..Options::default()
            },
        )
        .unwrap();
        for (accept, decode) in [("br", unbrotli as fn(&[u8]) -> Vec<u8>), ("gzip", gunzip)] {
            let r = get(
                &handle,
                "/data/user/big.json",
                &[("Accept-Encoding", accept)],
            );
            assert_eq!(r.status, 200);
            assert_eq!(r.header("Content-Encoding"), Some(accept));
            assert_eq!(r.header("Transfer-Encoding"), Some("chunked"));
            assert!(r.body.len() < json.len() / 5);
            assert!(decode(&r.body) == json.as_bytes());
        }
    }

    #[test]
    fn a_data_directory_is_served_below_its_url() {
        let tmp = TempDir::new("datadir");
        tmp.write("dist/index.html", "x");
        tmp.write("mine/a.json", "{\"a\":1}");
        tmp.write("mine/sub/b.json", "{\"b\":2}");
        tmp.write("secret.txt", "secret");
        let handle = start(
            &tmp.0.join("dist"),
            local(0),
            Options {
                extra_files: vec![("/data/user".into(), tmp.0.join("mine"))],
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(get(&handle, "/data/user/a.json", &[]).body, b"{\"a\":1}");
        assert_eq!(
            get(&handle, "/data/user/sub/b.json", &[]).body,
            b"{\"b\":2}"
        );
        assert_eq!(get(&handle, "/data/user/c.json", &[]).status, 404);
        assert_eq!(
            get(&handle, "/data/user/%2e%2e/secret.txt", &[]).status,
            400
        );
        assert_eq!(get(&handle, "/", &[]).body, b"x");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_root_are_refused() {
        let tmp = TempDir::new("symlink");
        tmp.write("dist/index.html", "x");
        tmp.write("outside.txt", "secret");
        std::os::unix::fs::symlink(tmp.0.join("outside.txt"), tmp.0.join("dist/link.txt")).unwrap();
        let handle = start(&tmp.0.join("dist"), local(0), Options::default()).unwrap();
        assert_eq!(get(&handle, "/link.txt", &[]).status, 404);
    }

    #[test]
    fn test_routes() {
        let tmp = TempDir::new("routes");
        tmp.write("dist/index.html", "x");
        tmp.write("fixtures/ok.json", "[1]");
        let handle = start(
            &tmp.0.join("dist"),
            local(0),
            Options {
                test_routes: true,
                fixtures_dir: Some(tmp.0.join("fixtures")),
                ..Options::default()
            },
        )
        .unwrap();

        let fixture = get(&handle, "/fixtures/ok.json", &[]);
        assert_eq!(fixture.status, 200);
        assert_eq!(fixture.body, b"[1]");
        assert_eq!(fixture.header("Content-Type"), Some("application/json"));
        assert_common_headers(&fixture);
        assert_eq!(get(&handle, "/fixtures/missing.json", &[]).status, 404);
        assert_eq!(
            get(&handle, "/fixtures/../dist/index.html", &[]).status,
            400
        );

        for code in [404u16, 500, 503] {
            let r = get(&handle, &format!("/_status/{code}"), &[]);
            assert_eq!(r.status, code);
            assert_common_headers(&r);
        }
        assert_eq!(get(&handle, "/_status/abc", &[]).status, 400);
        assert_eq!(get(&handle, "/_status/99", &[]).status, 400);

        // A slow request does not hold up a fast one.
        let addr = handle.addr();
        let slow = thread::spawn(move || {
            let started = Instant::now();
            let r = request(
                addr,
                "GET",
                "/_slow/700/fixtures/ok.json",
                &[],
                Duration::from_secs(10),
            )
            .unwrap();
            (r, started.elapsed())
        });
        thread::sleep(Duration::from_millis(100));
        let started = Instant::now();
        assert_eq!(get(&handle, "/", &[]).status, 200);
        assert!(started.elapsed() < Duration::from_millis(500));
        let (r, took) = slow.join().unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"[1]");
        assert!(took >= Duration::from_millis(700), "{took:?}");
        assert_eq!(get(&handle, "/_slow/x/index.html", &[]).status, 400);
        assert_eq!(get(&handle, "/_slow/0/_status/503", &[]).status, 503);
    }

    #[test]
    fn stop_releases_the_port() {
        let tmp = TempDir::new("stop");
        tmp.write("dist/index.html", "x");
        let handle = start(&tmp.0.join("dist"), local(0), Options::default()).unwrap();
        let addr = handle.addr();
        handle.stop();
        // Rebinding the same port works once the server is gone (tiny_http closes its
        // listener on its own thread, so allow it a moment).
        let deadline = Instant::now() + Duration::from_secs(5);
        let again = loop {
            match start(&tmp.0.join("dist"), addr, Options::default()) {
                Ok(again) => break again,
                Err(e) if Instant::now() > deadline => panic!("{e}"),
                Err(_) => thread::sleep(Duration::from_millis(50)),
            }
        };
        assert_eq!(again.port(), addr.port());
    }

    #[test]
    fn missing_root_is_a_clear_error() {
        let err = start(Path::new("/nonexistent/dist"), local(0), Options::default())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("cargo xtask build"), "{err}");
    }
}
