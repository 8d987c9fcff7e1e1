//! `scorecards serve` as a user runs it: the real binary on a free port, with a data file.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use scorecards_cli::server::{request, CONTENT_SECURITY_POLICY};

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecards-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("dist")).unwrap();
    dir
}

#[test]
fn serve_compresses_sends_the_csp_and_prints_the_data_address() {
    let dir = scratch("data");
    let js = "export default function init() { return 'station-scorecards'; }\n".repeat(200);
    std::fs::write(
        dir.join("dist/index.html"),
        "<!doctype html><title>x</title>",
    )
    .unwrap();
    std::fs::write(dir.join("dist/app.js"), &js).unwrap();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/data/seeds.json");
    let data = dir.join("我的数据.json");
    std::fs::copy(&seeds, &data).unwrap();

    let child = Command::new(env!("CARGO_BIN_EXE_scorecards"))
        .args(["serve", "--port", "0", "--quiet", "--data"])
        .arg(&data)
        .arg(dir.join("dist"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = Running(child);
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .split(" at ")
        .nth(1)
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{first}");
    let data_line = lines.next().unwrap().unwrap();
    assert_eq!(
        data_line,
        format!("Data: {url}/?src=/data/user/%E6%88%91%E7%9A%84%E6%95%B0%E6%8D%AE.json (valid)")
    );
    let addr: SocketAddr = url.trim_start_matches("http://").parse().unwrap();
    let get = |path: &str, accept: &str| {
        request(
            addr,
            "GET",
            path,
            &[("Accept-Encoding", accept)],
            Duration::from_secs(10),
        )
        .unwrap()
    };

    let br = get("/app.js", "gzip, deflate, br");
    assert_eq!(br.status, 200);
    assert_eq!(br.header("Content-Encoding"), Some("br"));
    assert_eq!(br.header("Vary"), Some("Accept-Encoding"));
    assert_eq!(
        br.header("Content-Security-Policy"),
        Some(CONTENT_SECURITY_POLICY)
    );
    assert!(br.body.len() < js.len() / 10);
    let gz = get("/app.js", "gzip");
    assert_eq!(gz.header("Content-Encoding"), Some("gzip"));
    let json = get(
        "/data/user/%E6%88%91%E7%9A%84%E6%95%B0%E6%8D%AE.json",
        "gzip",
    );
    assert_eq!(json.status, 200);
    assert_eq!(json.header("Content-Type"), Some("application/json"));
    assert_eq!(json.header("Content-Encoding"), Some("gzip"));
    let index = get("/", "");
    assert_eq!(index.header("Content-Encoding"), None);
    assert_eq!(index.body, b"<!doctype html><title>x</title>");

    drop(child);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn serve_without_a_built_dashboard_says_what_to_do() {
    let dir = scratch("missing");
    let out = Command::new(env!("CARGO_BIN_EXE_scorecards"))
        .args(["serve", "--port", "0"])
        .arg(dir.join("nope"))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cargo xtask build"), "{err}");
}
