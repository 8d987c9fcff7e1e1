//! The one place where data is loaded: request, status, size, then the core's parser.

use std::sync::Arc;

use gloo_net::http::Request;
use scorecards_core::query::{display_name, is_same_origin_path};
use scorecards_core::{is_http_url, parse, Dataset, LoadError, DEFAULT_MAX_BYTES};

/// What a load produces: a validated data set, or the reason it cannot be shown.
pub type Loaded = Result<Arc<Dataset>, LoadError>;

/// Where an instance's data comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// An address given by the host page (an embedding's `data-src`): a relative path or an
    /// absolute http(s) URL. The host's own Content-Security-Policy decides what may be fetched.
    Url(String),
    /// An address from the page's own `?src=` parameter, which anyone can put in a link:
    /// only a path on the same site is accepted.
    PageParam(String),
    /// A document already in memory (tests, or a host page that has the JSON at hand).
    Bytes {
        /// The name shown in messages.
        name: String,
        /// The file's bytes.
        bytes: Arc<[u8]>,
    },
}

/// Loads and validates the data of an instance.
pub async fn load(source: DataSource) -> Loaded {
    match source {
        DataSource::Url(src) if is_same_origin_path(&src) || is_http_url(&src) => fetch(src).await,
        DataSource::PageParam(src) if is_same_origin_path(&src) => fetch(src).await,
        DataSource::Url(src) | DataSource::PageParam(src) => Err(LoadError::BadSource { src }),
        DataSource::Bytes { name, bytes } => {
            if bytes.len() as u64 > DEFAULT_MAX_BYTES {
                return Err(LoadError::TooLarge {
                    file: name,
                    size: bytes.len() as u64,
                    limit: DEFAULT_MAX_BYTES,
                });
            }
            parse(&bytes, &name).map(Arc::new)
        }
    }
}

/// Fetches and validates a data file from an address already checked by [`load`].
async fn fetch(src: String) -> Loaded {
    let file = display_name(&src).to_string();
    let network = |e: gloo_net::Error| LoadError::Network {
        file: file.clone(),
        detail: e.to_string(),
    };
    let resp = Request::get(&src).send().await.map_err(network)?;
    // gloo-net resolves HTTP errors as Ok: check the status ourselves.
    if !resp.ok() {
        return Err(LoadError::Http {
            file,
            status: resp.status(),
        });
    }
    let too_large = |size: u64| LoadError::TooLarge {
        file: file.clone(),
        size,
        limit: DEFAULT_MAX_BYTES,
    };
    if let Some(len) = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        if len > DEFAULT_MAX_BYTES {
            return Err(too_large(len));
        }
    }
    let bytes = resp.binary().await.map_err(network)?;
    if bytes.len() as u64 > DEFAULT_MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    timing::mark("ssc:parse-start");
    let parsed = parse(&bytes, &file).map(Arc::new);
    timing::measure("ssc:parse", "ssc:parse-start");
    parsed
}

/// User Timing entries around the parser (`ssc:parse`), read by `cargo xtask bench` for the
/// parse throughput (docs/benchmark.md). Only on the fetch path, which runs in a browser.
mod timing {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        pub fn mark(name: &str);
        #[wasm_bindgen(js_namespace = performance)]
        pub fn measure(name: &str, start_mark: &str);
    }
}
