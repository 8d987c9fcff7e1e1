//! The one place where data is loaded: request, status, size, then the core's parser.

use std::sync::Arc;

use gloo_net::http::Request;
use scorecards_core::layout::{parse_detail, resolve};
use scorecards_core::query::{display_name, is_same_origin_path};
use scorecards_core::{is_http_url, parse, Dataset, Document, LoadError, DEFAULT_MAX_BYTES};

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
/// that index. The browser's HTTP cache applies (default cache mode): with the server's
/// `ETag` and `Cache-Control: no-cache` a file seen before is revalidated (304), not
/// downloaded again.
pub async fn load_detail(
    base: Option<String>,
    href: String,
    index: Arc<Dataset>,
) -> Result<Document, LoadError> {
    let src = match &base {
        Some(b) => resolve(b, &href),
        None => href.clone(),
    };
    let (file, bytes) = fetch_bytes(&src).await?;
    parse_detail(&bytes, &file, &href, &index)
}

/// Fetches and validates a data file from an address already checked by [`load`].
async fn fetch(src: String) -> Loaded {
    let (file, bytes) = fetch_bytes(&src).await?;
    parse(&bytes, &file).map(Arc::new)
}

/// Fetches a file: status, announced and received size checked.
async fn fetch_bytes(src: &str) -> Result<(String, Vec<u8>), LoadError> {
    let file = display_name(src).to_string();
    let network = |e: gloo_net::Error| LoadError::Network {
        file: file.clone(),
        detail: e.to_string(),
    };
    let resp = Request::get(src).send().await.map_err(network)?;
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
    Ok((file, bytes))
}
