//! The one place where data is loaded: request, status, size, then the core's parser.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::{set_timeout_with_handle, LocalResource};
use scorecards_core::layout::{check_neutralised_detail_warned, resolve};
use scorecards_core::query::{display_name, is_same_origin_path};
use scorecards_core::{is_http_url, parse_neutralised, Dataset, LoadError, DEFAULT_MAX_BYTES};

use crate::parts;

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
            parse(&bytes, &name).await
        }
    }
}

/// A file the page loads: an instance's data, or a detail file its index names.
#[derive(Clone)]
pub(crate) enum Wanted {
    /// The data of an instance ([`load`]).
    Data(DataSource),
    /// A detail file ([`load_detail`]).
    Detail {
        base: Option<String>,
        href: String,
        index: Arc<Dataset>,
    },
}

/// The resource that loads a file. Every file the page loads goes through this one
/// function, so one kind of resource is compiled into the bundle, not one per call site.
pub(crate) fn resource(wanted: Wanted) -> LocalResource<Loaded> {
    LocalResource::new(move || {
        let wanted = wanted.clone();
        async move {
            match wanted {
                Wanted::Data(source) => load(source).await,
                Wanted::Detail { base, href, index } => load_detail(base, href, index).await,
            }
        }
    })
}

/// How long a data file may take to arrive in full before the request is given up.
pub const TIMEOUT_SECS: u32 = 20;

/// The address the data file was loaded from, provided as context by the app: what the
/// map's boundary file is relative to (for an embedding, its `data-src`, not the page's `?src=`).
#[derive(Debug, Clone)]
pub struct DataBase(pub Option<String>);

impl DataSource {
    /// The address detail files are relative to (`None` for a document given in memory: its
    /// detail references are then relative to the page).
    pub fn base(&self) -> Option<&str> {
        match self {
            DataSource::Url(s) | DataSource::PageParam(s) => Some(s),
            DataSource::Bytes { .. } => None,
        }
    }
}

/// Loads a detail file named `href` by the index loaded from `base`, and checks it against
/// that index: the document and its warnings. The browser's HTTP cache applies (default cache mode): with the server's
/// `ETag` and `Cache-Control: no-cache` a file seen before is revalidated (304), not
/// downloaded again.
pub async fn load_detail(base: Option<String>, href: String, index: Arc<Dataset>) -> Loaded {
    let src = match &base {
        Some(b) => resolve(b, &href),
        None => href.clone(),
    };
    let (file, bytes) = fetch_file(&src).await?;
    let (detail, legacy) = parts::decode(&bytes, &file).await?;
    let (detail, mut warnings) = parts::neutralise(&bytes, detail).await?;
    if let Some(encoding) = legacy {
        warnings.insert(0, parts::read_as(encoding));
    }
    let (detail, warnings) =
        check_neutralised_detail_warned(detail, warnings, &file, &href, &index)?;
    Ok(Arc::new(Dataset::of_detail(detail, warnings)))
}

/// Fetches the boundary file `src` of the map's geographic mode (same timeout and size
/// checks as data files, then [`scorecards_core::map::geo::MAX_GEO_BYTES`]); decoding is
/// the map module's.
pub async fn fetch_boundaries(src: &str) -> Result<Vec<u8>, scorecards_core::map::geo::GeoError> {
    use scorecards_core::map::geo::{GeoError, MAX_GEO_BYTES};
    match fetch_file(src).await {
        Ok((_, bytes)) if bytes.len() as u64 > MAX_GEO_BYTES => {
            Err(GeoError::TooLarge(bytes.len() as u64))
        }
        Ok((_, bytes)) => Ok(bytes),
        Err(LoadError::Http { status, .. }) => Err(GeoError::Fetch(status)),
        Err(LoadError::TooLarge { size, .. }) => Err(GeoError::TooLarge(size)),
        Err(_) => Err(GeoError::Fetch(0)),
    }
}

/// [`scorecards_core::parse`], with the diagnosis of a file that fails to decode and the
/// removal of direction controls loaded only when needed ([`parts`]). A file read in another
/// encoding than UTF-8 ([`parts::decode`]) gets a warning that says so, first.
async fn parse(bytes: &[u8], file: &str) -> Loaded {
    let (doc, legacy) = parts::decode(bytes, file).await?;
    let (doc, mut warnings) = parts::neutralise(bytes, doc).await?;
    if let Some(encoding) = legacy {
        warnings.insert(0, parts::read_as(encoding));
    }
    parse_neutralised(doc, warnings, file).map(Arc::new)
}

/// Fetches and validates a data file from an address already checked by [`load`].
///
/// The request is aborted after [`TIMEOUT_SECS`] (headers and body together), so a stalled
/// server gives a timeout message and a retry button rather than a loading state forever.
async fn fetch(src: String) -> Loaded {
    let (file, bytes) = fetch_file(&src).await?;
    timing::mark("ssc:parse-start");
    let parsed = parse(&bytes, &file).await;
    timing::measure("ssc:parse", "ssc:parse-start");
    parsed
}

/// Fetches a file with the timeout: its display name and bytes, status and size checked.
async fn fetch_file(src: &str) -> Result<(String, Vec<u8>), LoadError> {
    let file = display_name(src).to_string();
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|c| {
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                c.abort();
            },
            Duration::from_secs(TIMEOUT_SECS.into()),
        )
        .ok()
    });
    let result = fetch_bytes(src, &file, controller.map(|c| c.signal()), &timed_out).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    Ok((file, result?))
}

async fn fetch_bytes(
    src: &str,
    file: &str,
    signal: Option<web_sys::AbortSignal>,
    timed_out: &Cell<bool>,
) -> Result<Vec<u8>, LoadError> {
    let failed = |e: gloo_net::Error, started: bool| {
        if timed_out.get() {
            LoadError::Timeout {
                file: file.to_string(),
                seconds: TIMEOUT_SECS,
            }
        } else if started {
            LoadError::Interrupted {
                file: file.to_string(),
                detail: e.to_string(),
            }
        } else {
            LoadError::Network {
                file: file.to_string(),
                detail: e.to_string(),
            }
        }
    };
    let resp = Request::get(src)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| failed(e, false))?;
    // gloo-net resolves HTTP errors as Ok: check the status ourselves.
    if !resp.ok() {
        return Err(LoadError::Http {
            file: file.to_string(),
            status: resp.status(),
            retry_after: resp
                .headers()
                .get("retry-after")
                .and_then(|v| v.trim().parse::<u32>().ok()),
        });
    }
    let too_large = |size: u64| LoadError::TooLarge {
        file: file.to_string(),
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
    let bytes = resp.binary().await.map_err(|e| failed(e, true))?;
    if bytes.len() as u64 > DEFAULT_MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
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
