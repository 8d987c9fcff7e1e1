//! The server's tests: paths and headers, then real requests against a running server.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::PathBuf;
use std::time::{Duration, Instant, UNIX_EPOCH};

use super::client::decode_chunked;
use super::site::tagged_etag;
use super::*;

// Each test lays out its own site in a `TempDir` and asks for it; the set-up lines are of
// the same shape (the `duplicates` tool pairs them) and say what each test serves.

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
    assert_eq!(percent_encode_segment("a/b?c"), "a%2Fb%3Fc");
    assert_eq!(
        percent_encode_query("/bench/data/全国 1.json"),
        "/bench/data/%E5%85%A8%E5%9B%BD%201.json"
    );
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
    // None of the files of these tests has a content hash in its name.
    assert_eq!(
        r.header("Cache-Control"),
        Some(REVALIDATE),
        "on {}",
        r.status
    );
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

#[test]
fn hashed_paths_are_recognised() {
    let seg = |p: &str| sanitize(p).unwrap();
    assert!(is_content_hashed(&seg(
        "/pkg/0123456789abcdef/station_scorecards.js"
    )));
    assert!(is_content_hashed(&seg(
        "/pkg/0123456789abcdef/split_compare.wasm"
    )));
    assert!(is_content_hashed(&seg("/style/main.0123456789abcdef.css")));
    for plain in [
        "/embed.js",
        "/embed-lite.js",
        "/app.js",
        "/index.html",
        "/data/seeds.json",
        "/pkg/station_scorecards.js",
        "/pkg/0123456789abcdef",
        "/pkg/0123456789abcdeg/x.js",
        "/style/main.css",
        "/0123456789abcdef.css",
        "/style/main.0123456789abcde.css",
    ] {
        assert!(!is_content_hashed(&seg(plain)), "{plain}");
    }
}

#[test]
fn hashed_files_are_immutable_and_entry_files_revalidate() {
    let tmp = TempDir::new("cache-control");
    tmp.write("dist/embed.js", "import './pkg/0123456789abcdef/app.js';");
    tmp.write("dist/pkg/0123456789abcdef/app.js", "export {};");
    tmp.write("dist/style/main.0123456789abcdef.css", ".ssc{}");
    let handle = start(&tmp.0.join("dist"), local(0), Options::default()).unwrap();
    for path in [
        "/pkg/0123456789abcdef/app.js",
        "/style/main.0123456789abcdef.css",
    ] {
        let r = get(&handle, path, &[]);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("Cache-Control"), Some(IMMUTABLE), "{path}");
        // A 304 carries the same policy.
        let etag = r.header("ETag").unwrap().to_string();
        let again = get(&handle, path, &[("If-None-Match", &etag)]);
        assert_eq!(again.status, 304);
        assert_eq!(again.header("Cache-Control"), Some(IMMUTABLE), "{path}");
    }
    let entry = get(&handle, "/embed.js", &[]);
    assert_eq!(entry.header("Cache-Control"), Some(REVALIDATE));
    assert!(entry.header("ETag").is_some());
    let missing = get(&handle, "/pkg/0123456789abcdef/gone.js", &[]);
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("Cache-Control"), Some(REVALIDATE));
}

#[test]
fn precompressed_files_are_sent_when_accepted_and_fresh() {
    let tmp = TempDir::new("precompressed");
    let js = "export const x = 'scorecards';\n".repeat(500);
    let file = tmp.write("dist/app.js", &js);
    // Marked contents, so the test sees which body was sent.
    let br = compress(b"from the .br file", Encoding::Brotli);
    let gz = compress(b"from the .gz file", Encoding::Gzip);
    std::fs::write(tmp.0.join("dist/app.js.br"), &br).unwrap();
    std::fs::write(tmp.0.join("dist/app.js.gz"), &gz).unwrap();
    let handle = start(&tmp.0.join("dist"), local(0), Options::default()).unwrap();

    let r = get(&handle, "/app.js", &[("Accept-Encoding", "br, gzip")]);
    assert_eq!(r.header("Content-Encoding"), Some("br"));
    assert_eq!(
        r.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(r.header("Vary"), Some("Accept-Encoding"));
    assert_eq!(unbrotli(&r.body), b"from the .br file");
    assert_eq!(
        r.header("Content-Length"),
        Some(br.len().to_string().as_str())
    );
    let etag = r.header("ETag").unwrap().to_string();
    assert!(etag.ends_with("-br\""), "{etag}");
    assert_eq!(
        get(
            &handle,
            "/app.js",
            &[("Accept-Encoding", "br"), ("If-None-Match", &etag)]
        )
        .status,
        304
    );

    let r = get(&handle, "/app.js", &[("Accept-Encoding", "gzip")]);
    assert_eq!(r.header("Content-Encoding"), Some("gzip"));
    assert_eq!(gunzip(&r.body), b"from the .gz file");
    let r = get(&handle, "/app.js", &[]);
    assert_eq!(r.header("Content-Encoding"), None);
    assert_eq!(r.body, js.as_bytes());

    // The file edited after the build: its .br is stale and is not sent.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&file, &js).unwrap();
    let r = get(&handle, "/app.js", &[("Accept-Encoding", "br")]);
    assert_eq!(r.header("Content-Encoding"), Some("br"));
    assert_eq!(unbrotli(&r.body), js.as_bytes());
}
