//! Text encodings of spreadsheet exports: UTF-8 (with or without a byte-order mark),
//! GBK/GB18030 (what Chinese systems and Excel on Chinese Windows write), UTF-16 with a
//! byte-order mark (Excel's "Unicode text").
//!
//! Detection is the core's ([`scorecards_core::textenc::detect`], shared with the browser):
//! a byte-order mark decides; else valid UTF-8 is UTF-8; else GB18030 (a superset of GBK and
//! GB2312), which must then decode without errors (tables of Chinese data are not read as
//! Latin-1).

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};
use scorecards_core::textenc::{detect, Bom, Detected};

/// Which encoding to read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    /// Detect (see the module documentation).
    #[default]
    Auto,
    /// UTF-8.
    Utf8,
    /// GBK (and GB2312).
    Gbk,
    /// GB18030.
    Gb18030,
}

impl Choice {
    /// Parses `auto`, `utf-8`/`utf8`, `gbk`/`gb2312`/`cp936`, `gb18030` (any case).
    pub fn from_name(name: &str) -> Option<Choice> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "auto" => Some(Choice::Auto),
            "utf-8" | "utf8" => Some(Choice::Utf8),
            "gbk" | "gb2312" | "cp936" => Some(Choice::Gbk),
            "gb18030" => Some(Choice::Gb18030),
            _ => None,
        }
    }
}

/// Decoded text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// What it was read as: `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `GBK`, `UTF-16LE (BOM)`…
    pub encoding: String,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The encoding tried last.
    pub encoding: String,
    /// 1-based line of the first byte that does not decode.
    pub line: usize,
}

/// Decodes `bytes` as `choice` says. A byte-order mark always wins over a chosen encoding.
pub fn decode(bytes: &[u8], choice: Choice) -> Result<Decoded, DecodeError> {
    let detected = detect(bytes);
    if let Detected::Bom(bom) = detected {
        let enc = match bom {
            Bom::Utf8 => UTF_8,
            Bom::Utf16Le => UTF_16LE,
            Bom::Utf16Be => UTF_16BE,
        };
        let name = format!("{} (BOM)", enc.name());
        return strict(enc, &bytes[bom.size()..], name);
    }
    match (choice, detected) {
        (Choice::Utf8, _) => strict(UTF_8, bytes, "UTF-8".into()),
        (Choice::Gbk, _) => strict(GBK, bytes, "GBK".into()),
        (Choice::Gb18030, _) | (Choice::Auto, Detected::Legacy(_)) => {
            strict(GB18030, bytes, "GB18030".into())
        }
        (Choice::Auto, _) => Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "UTF-8".into(),
        }),
    }
}

fn strict(enc: &'static Encoding, bytes: &[u8], name: String) -> Result<Decoded, DecodeError> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: name,
        }),
        None => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            let first_bad = text.find('\u{FFFD}').unwrap_or(0);
            let line = 1 + text[..first_bad].matches('\n').count();
            Err(DecodeError {
                encoding: name,
                line,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 派出所 in GBK.
    const GBK_BYTES: &[u8] = b"id,name\nx,\xC5\xC9\xB3\xF6\xCB\xF9\n";

    #[test]
    fn detects_utf8_bom_and_gbk() {
        let d = decode("id,名称\n".as_bytes(), Choice::Auto).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("id,名称\n", "UTF-8")
        );
        let d = decode("\u{FEFF}id\n".as_bytes(), Choice::Auto).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("id\n", "UTF-8 (BOM)")
        );
        let d = decode(GBK_BYTES, Choice::Auto).unwrap();
        assert_eq!(d.text, "id,name\nx,派出所\n");
        assert_eq!(d.encoding, "GB18030");
        let d = decode(GBK_BYTES, Choice::Gbk).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("id,name\nx,派出所\n", "GBK")
        );
        // UTF-16LE with its BOM, as Excel's "Unicode text" writes it.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("id\t名\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let d = decode(&utf16, Choice::Auto).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("id\t名\n", "UTF-16LE (BOM)")
        );
    }

    #[test]
    fn wrong_choices_and_garbage_are_errors_with_a_line() {
        let e = decode(GBK_BYTES, Choice::Utf8).unwrap_err();
        assert_eq!((e.encoding.as_str(), e.line), ("UTF-8", 2));
        let e = decode(b"a\nb\n\x80\xFF\xFF\n", Choice::Auto).unwrap_err();
        assert_eq!((e.encoding.as_str(), e.line), ("GB18030", 3));
        assert_eq!(Choice::from_name("GB2312"), Some(Choice::Gbk));
        assert_eq!(Choice::from_name("utf_8"), Some(Choice::Utf8));
        assert_eq!(Choice::from_name("latin1"), None);
    }
}
