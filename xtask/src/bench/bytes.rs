//! Bytes: the files a page loaded, fetched again from the server with each encoding.

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::Value;

use super::DATA_PREFIX;
use crate::util::{Context, Result};
use scorecards_cli::server;

#[derive(Debug, Default, Clone, Copy)]
pub struct Bytes {
    pub identity: f64,
    pub gzip: f64,
    pub br: f64,
}

impl std::ops::AddAssign for Bytes {
    fn add_assign(&mut self, o: Bytes) {
        self.identity += o.identity;
        self.gzip += o.gzip;
        self.br += o.br;
    }
}

#[derive(Debug, Default, Clone)]
pub struct FirstView {
    pub code: Bytes,
    pub css: Bytes,
    pub data: Bytes,
    pub html: Bytes,
    pub other: Bytes,
    pub wasm: Bytes,
    /// Resource Timing transfer sizes as Chromium saw them (it offers gzip, not br, over http).
    pub transferred: f64,
    pub files: Vec<(String, Bytes)>,
}

pub fn kind_of(path: &str) -> &'static str {
    let p = path.split(['?', '#']).next().unwrap_or(path);
    if p.starts_with(DATA_PREFIX) || p.ends_with(".json") {
        "data"
    } else if p.ends_with(".wasm") {
        "wasm"
    } else if p.ends_with(".js") || p.ends_with(".mjs") {
        "js"
    } else if p.ends_with(".css") {
        "css"
    } else if p.ends_with('/')
        || p.ends_with(".html")
        || !p.rsplit('/').next().unwrap_or("").contains('.')
    {
        "html"
    } else {
        "other"
    }
}

/// The files a first load fetched, each fetched again with each encoding.
pub fn first_view_bytes(addr: SocketAddr, load: &Value) -> Result<FirstView> {
    let origin = format!("http://{addr}");
    let mut urls: Vec<String> = Vec::new();
    if let Some(n) = load["nav"]["name"].as_str() {
        urls.push(n.to_string());
    }
    for r in load["res"].as_array().into_iter().flatten() {
        if let Some(n) = r["name"].as_str() {
            if !urls.iter().any(|u| u == n) {
                urls.push(n.to_string());
            }
        }
    }
    let mut fv = FirstView {
        transferred: load["nav"]["transfer"].as_f64().unwrap_or(0.0)
            + load["res"]
                .as_array()
                .map(|a| a.iter().filter_map(|r| r["transfer"].as_f64()).sum())
                .unwrap_or(0.0),
        ..Default::default()
    };
    for url in urls {
        let Some(path) = url.strip_prefix(&origin) else {
            continue;
        };
        let path = path.split('#').next().unwrap_or(path);
        let b = file_bytes(addr, path)?;
        match kind_of(path) {
            "data" => fv.data += b,
            "wasm" => {
                fv.wasm += b;
                fv.code += b;
            }
            "js" => fv.code += b,
            "css" => fv.css += b,
            "html" => fv.html += b,
            _ => fv.other += b,
        }
        fv.files.push((path.to_string(), b));
    }
    Ok(fv)
}

/// One file's body as the server sends it with no encoding, gzip and brotli. A missing file
/// (a browser's own /favicon.ico request) counts as nothing.
pub fn file_bytes(addr: SocketAddr, path: &str) -> Result<Bytes> {
    let get = |enc: &str| -> Result<f64> {
        let headers: &[(&str, &str)] = if enc.is_empty() {
            &[]
        } else {
            &[("Accept-Encoding", enc)]
        };
        let r = server::request(addr, "GET", path, headers, Duration::from_secs(600))
            .with_context(|| format!("GET http://{addr}{path}"))?;
        Ok(if r.status == 200 {
            r.body.len() as f64
        } else {
            0.0
        })
    };
    Ok(Bytes {
        identity: get("")?,
        gzip: get("gzip")?,
        br: get("br")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind_of("/pkg/station_scorecards_bg.wasm"), "wasm");
        assert_eq!(kind_of("/app.js"), "js");
        assert_eq!(kind_of("/style/main.css"), "css");
        assert_eq!(kind_of("/bench/data/x.json"), "data");
        assert_eq!(kind_of("/?src=/bench/data/x.json&station=a"), "html");
        assert_eq!(kind_of("/bench/reference/?src=x"), "html");
        assert_eq!(kind_of("/favicon.svg"), "other");
    }
}
