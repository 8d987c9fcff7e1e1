//! Content coding: which one a client accepts, which files are worth it, and compressing.

use std::fs::File;
use std::io::{self, Read, Write};

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

    pub(super) fn etag_suffix(self) -> &'static str {
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
        Encoding::Brotli => brotli(data, 9, 22),
        Encoding::Gzip => gzip(data),
    }
}

/// Brotli at `quality` (0–11) with a window of 2^`lgwin` bytes; the build's precompressed
/// files use 11 and 24, cached bodies 9 and 22.
pub fn brotli(data: &[u8], quality: i32, lgwin: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4 + 64);
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin,
        ..Default::default()
    };
    let mut input = data;
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    out
}

/// gzip at the best level.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3 + 64),
        flate2::Compression::best(),
    );
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// A reader that compresses `file` as it is read (for files too large to cache).
pub(super) fn compressing_reader(file: File, encoding: Encoding) -> Box<dyn Read + Send> {
    match encoding {
        Encoding::Brotli => Box::new(brotli::CompressorReader::new(file, 64 * 1024, 5, 22)),
        Encoding::Gzip => Box::new(flate2::read::GzEncoder::new(
            io::BufReader::with_capacity(64 * 1024, file),
            flate2::Compression::new(5),
        )),
    }
}
