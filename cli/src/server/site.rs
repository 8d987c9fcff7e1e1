//! What is served: the root directory, extra files and directories, the test routes; the
//! files themselves with their ETags and content coding.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::encoding::compressing_reader;
use super::{
    choose_encoding, compress, content_type, error, etag_for, etag_matches, is_compressible,
    is_content_hashed, sanitize, Body, Encoding, Options, Reply, MAX_CACHED_BYTES, MAX_SLOW_MS,
};

/// Total size of compressed bodies kept in memory; the cache starts afresh beyond it.
const CACHE_BUDGET: usize = 96 * 1024 * 1024;

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

pub(super) struct Site {
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
    pub(super) fn new(root: &Path, options: Options) -> io::Result<Site> {
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

    pub(super) fn handle(&self, request: tiny_http::Request) {
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
                        .serve_file(file, ask, false)
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
        // Only the built directory has hashed names (not fixtures or `--data` files).
        let immutable = base == self.root.as_path() && is_content_hashed(segments);
        match path.canonicalize() {
            Ok(real) if real.starts_with(base) => self.serve_file(&real, ask, immutable),
            _ => None,
        }
        .unwrap_or_else(|| Reply::not_found(&display_path(segments)))
    }

    fn serve_file(&self, path: &Path, ask: &Ask, immutable: bool) -> Option<Reply> {
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
            immutable,
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
        if let Some((packed, len)) = precompressed(path, &meta, enc) {
            return Some(reply(200, Some(enc), Body::File(packed, len)));
        }
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

/// The `x.br` or `x.gz` written next to `x` by the build, when there is one at least as new
/// as `x` (an older one is stale: `x` was edited since).
fn precompressed(path: &Path, meta: &std::fs::Metadata, enc: Encoding) -> Option<(File, u64)> {
    let mut name = path.as_os_str().to_owned();
    name.push(match enc {
        Encoding::Brotli => ".br",
        Encoding::Gzip => ".gz",
    });
    let packed = PathBuf::from(name);
    let packed_meta = std::fs::metadata(&packed).ok().filter(|m| m.is_file())?;
    if packed_meta.modified().ok()? < meta.modified().ok()? {
        return None;
    }
    Some((File::open(&packed).ok()?, packed_meta.len()))
}

/// The ETag of one encoding of a file: `"len-mtime"` becomes `"len-mtime-br"`.
pub(super) fn tagged_etag(etag: &str, encoding: Encoding) -> String {
    format!(
        "{}-{}\"",
        etag.trim_end_matches('"'),
        encoding.etag_suffix()
    )
}
