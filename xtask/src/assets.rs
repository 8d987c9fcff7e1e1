//! The last steps of `cargo xtask build`, on the files in `dist/`: content-hashed names for
//! what the entry files load, the references to them rewritten (in `dist/` only), and brotli
//! (quality 11) and gzip files written next to every compressible file, which `scorecards
//! serve` sends by `Accept-Encoding` (`cli/src/server/`).
//!
//! The WebAssembly bundle goes into `dist/pkg/<hash>/`, a folder named after the hash of all
//! its files: its modules load each other by relative names baked into the code (the chunk
//! loader `__wasm_split.js` and the chunks), so hashing the folder rather than each file
//! keeps them unchanged, and a page that loaded one build's main module always gets the
//! chunks of the same build. Stylesheets get `name.<hash>.css`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{bail, human_size, Context, Result};

/// Length of the hexadecimal content hash in names.
pub const HASH_LEN: usize = 16;

/// Extensions of the files worth compressing.
const COMPRESSIBLE: [&str; 10] = [
    "html", "js", "mjs", "css", "wasm", "json", "svg", "txt", "csv", "map",
];

/// FNV-1a (64 bits) over `parts`, as 16 hex digits: a cache-busting name, not a security
/// measure (the files are public and served by their owner).
pub fn content_hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:0HASH_LEN$x}")
}

/// The files under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry
                .with_context(|| format!("reading {}", d.display()))?
                .path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The hash of every file in `dir` (names and contents).
pub fn hash_dir(dir: &Path) -> Result<String> {
    let mut blobs = Vec::new();
    for file in files_under(dir)? {
        let name = file.strip_prefix(dir).unwrap_or(&file).to_string_lossy();
        blobs.push(name.as_bytes().to_vec());
        blobs.push(fs::read(&file).with_context(|| format!("reading {}", file.display()))?);
    }
    Ok(content_hash(blobs.iter().map(Vec::as_slice)))
}

/// `main.css` with hash `h` becomes `main.h.css`.
pub fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Writes a copy of every stylesheet in `dist/style/` under its hashed name; returns the
/// `(old, new)` paths relative to `dist/` (with `/`).
pub fn hash_styles(dist: &Path) -> Result<Vec<(String, String)>> {
    let dir = dist.join("style");
    let mut renames = Vec::new();
    if !dir.is_dir() {
        return Ok(renames);
    }
    for file in files_under(&dir)? {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".css") || file.parent() != Some(dir.as_path()) {
            continue;
        }
        let bytes = fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        let new = hashed_name(name, &content_hash([bytes.as_slice()]));
        // A copy, not a rename: our entry files use the hashed name (cached for good), and
        // `style/<name>` stays for host pages that link the stylesheet themselves (revalidated).
        fs::copy(&file, dir.join(&new)).with_context(|| format!("copying {}", file.display()))?;
        renames.push((format!("style/{name}"), format!("style/{new}")));
    }
    Ok(renames)
}

/// Rewrites `old` → `new` in every HTML and JavaScript file of `dist/` outside `dist/pkg/`
/// (the entry files and pages; the bundle's own files are left as they are). Returns the
/// number of files changed.
pub fn rewrite_references(dist: &Path, renames: &[(String, String)]) -> Result<usize> {
    let pkg = dist.join("pkg");
    let mut changed = 0;
    for file in files_under(dist)? {
        let is_entry = matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("html" | "js" | "mjs")
        );
        if !is_entry || file.starts_with(&pkg) {
            continue;
        }
        let text =
            fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
        let mut new_text = text.clone();
        for (old, new) in renames {
            new_text = new_text.replace(old.as_str(), new);
        }
        if new_text != text {
            fs::write(&file, new_text).with_context(|| format!("writing {}", file.display()))?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Fails when `file` (relative to `dist/`) does not reference `what` after the rewrite: the
/// loader would then fetch a name that no longer exists.
pub fn expect_reference(dist: &Path, file: &str, what: &str) -> Result<()> {
    let text =
        fs::read_to_string(dist.join(file)).with_context(|| format!("reading dist/{file}"))?;
    if !text.contains(what) {
        bail!(
            "dist/{file} does not reference {what} after the hashed names were put in: \
             does public/{file} still load the bundle by its plain name? Update \
             xtask/src/bundle.rs (the hashing step) to the new reference."
        );
    }
    Ok(())
}

/// Brotli at quality 11 (the best; slow, so only at build time).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    scorecards_cli::server::brotli(bytes, 11, 24)
}

/// gzip at the best level.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    scorecards_cli::server::gzip(bytes)
}

/// Writes `x.br` and `x.gz` next to every compressible file `x` in `dist/` (each only when
/// smaller than `x`). Returns how many files were written.
pub fn precompress(dist: &Path) -> Result<usize> {
    let mut written = 0;
    for file in files_under(dist)? {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext.to_ascii_lowercase().as_str()) {
            continue;
        }
        let bytes = fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        for (suffix, packed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            if packed.len() >= bytes.len() {
                continue;
            }
            let mut name = file.clone().into_os_string();
            name.push(format!(".{suffix}"));
            fs::write(&name, packed)
                .with_context(|| format!("writing {}.{suffix}", file.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

/// Sizes of one file: raw, and the `.gz` / `.br` written next to it (else compressed now).
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Sizes {
    pub fn of(file: &Path) -> Result<Sizes> {
        let bytes = fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let side = |suffix: &str| {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            fs::metadata(PathBuf::from(name)).ok().map(|m| m.len())
        };
        Ok(Sizes {
            raw: bytes.len() as u64,
            gzip: side(".gz").unwrap_or_else(|| gzip(&bytes).len() as u64),
            brotli: side(".br").unwrap_or_else(|| brotli(&bytes).len() as u64),
        })
    }

    pub fn add(&mut self, other: &Sizes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }

    pub fn line(&self, label: &str) -> String {
        format!(
            "build: {label:<52} {:>10} raw {:>10} gzip {:>10} brotli",
            human_size(self.raw),
            human_size(self.gzip),
            human_size(self.brotli)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-assets-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn hash_changes_with_content_and_name() {
        let a = content_hash([b"abc".as_slice()]);
        assert_eq!(a.len(), HASH_LEN);
        assert_eq!(a, content_hash([b"abc".as_slice()]));
        assert_ne!(a, content_hash([b"abd".as_slice()]));
        // Part boundaries count: ("ab", "c") is not ("a", "bc").
        assert_ne!(
            content_hash([b"ab".as_slice(), b"c"]),
            content_hash([b"a".as_slice(), b"bc"])
        );
        assert_eq!(hashed_name("main.css", "0123"), "main.0123.css");
    }

    #[test]
    fn styles_are_hashed_and_references_rewritten_outside_pkg() {
        let dist = scratch("rewrite");
        fs::create_dir_all(dist.join("style")).unwrap();
        fs::create_dir_all(dist.join("pkg/h")).unwrap();
        fs::create_dir_all(dist.join("examples")).unwrap();
        fs::write(dist.join("style/main.css"), ".ssc{}").unwrap();
        fs::write(dist.join("index.html"), r#"<link href="style/main.css">"#).unwrap();
        fs::write(dist.join("examples/a.html"), "none").unwrap();
        fs::write(dist.join("pkg/h/x.js"), "style/main.css").unwrap();
        let renames = hash_styles(&dist).unwrap();
        assert_eq!(renames.len(), 1);
        let new = &renames[0].1;
        assert!(
            new.starts_with("style/main.") && new.ends_with(".css"),
            "{new}"
        );
        // The hashed copy for our entry files, the plain name kept for host pages.
        assert!(dist.join(new).is_file() && dist.join("style/main.css").is_file());
        assert_eq!(rewrite_references(&dist, &renames).unwrap(), 1);
        let index = fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(index, format!(r#"<link href="{new}">"#));
        // The bundle's own files are not touched.
        assert_eq!(
            fs::read_to_string(dist.join("pkg/h/x.js")).unwrap(),
            "style/main.css"
        );
        assert!(expect_reference(&dist, "index.html", new).is_ok());
        assert!(expect_reference(&dist, "examples/a.html", new).is_err());
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn precompressed_files_decode_to_the_original() {
        let dist = scratch("compress");
        let text = "station scorecards ".repeat(200);
        fs::write(dist.join("a.js"), &text).unwrap();
        fs::write(dist.join("tiny.json"), "{}").unwrap();
        fs::write(dist.join("photo.png"), text.as_bytes()).unwrap();
        assert_eq!(precompress(&dist).unwrap(), 2);
        let mut out = Vec::new();
        brotli::BrotliDecompress(
            &mut fs::read(dist.join("a.js.br")).unwrap().as_slice(),
            &mut out,
        )
        .unwrap();
        assert_eq!(out, text.as_bytes());
        let mut gz = flate2::read::GzDecoder::new(fs::File::open(dist.join("a.js.gz")).unwrap());
        let mut back = String::new();
        std::io::Read::read_to_string(&mut gz, &mut back).unwrap();
        assert_eq!(back, text);
        // Not worth it (larger than the file), or not compressible: nothing written.
        assert!(!dist.join("tiny.json.br").exists() && !dist.join("photo.png.br").exists());
        let sizes = Sizes::of(&dist.join("a.js")).unwrap();
        assert!(sizes.brotli < sizes.gzip && sizes.gzip < sizes.raw);
        fs::remove_dir_all(&dist).unwrap();
    }
}
