//! Which text encoding a file is in: a byte-order mark decides; else valid UTF-8 is UTF-8;
//! else a file shaped like GB18030 (GBK, GB2312: what Chinese systems and Excel on Chinese
//! Windows write) is read as GB18030, and anything else as Latin-1 (Windows-1252).
//!
//! Detection only, by the shape of the bytes: no decoding tables. The CLI decodes with
//! `encoding_rs`, the browser with its own `TextDecoder` (which knows these labels).

/// A byte-order mark at the start of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bom {
    /// `EF BB BF`.
    Utf8,
    /// `FF FE`.
    Utf16Le,
    /// `FE FF`.
    Utf16Be,
}

impl Bom {
    /// Its length in bytes.
    pub fn size(self) -> usize {
        match self {
            Bom::Utf8 => 3,
            Bom::Utf16Le | Bom::Utf16Be => 2,
        }
    }
}

/// An encoding older than Unicode that a file which is not UTF-8 is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// Latin-1, read as Windows-1252 (as browsers read `iso-8859-1`).
    Latin1,
}

impl Legacy {
    /// Its name in messages (`GB18030`, `Latin-1`).
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "GB18030",
            Legacy::Latin1 => "Latin-1",
        }
    }

    /// Its label for a decoder (the WHATWG Encoding Standard's, which `TextDecoder` and
    /// `encoding_rs` know; also what `iconv -f` accepts).
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "gb18030",
            Legacy::Latin1 => "windows-1252",
        }
    }
}

/// What a file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// A byte-order mark names the encoding.
    Bom(Bom),
    /// Valid UTF-8 without a byte-order mark.
    Utf8,
    /// Not UTF-8: read as this.
    Legacy(Legacy),
}

/// The byte-order mark at the start of `bytes`, if any.
pub fn bom(bytes: &[u8]) -> Option<Bom> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some(Bom::Utf8),
        [0xFF, 0xFE, ..] => Some(Bom::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Bom::Utf16Be),
        _ => None,
    }
}

/// Detects the encoding of `bytes` (see the module documentation).
pub fn detect(bytes: &[u8]) -> Detected {
    if let Some(b) = bom(bytes) {
        return Detected::Bom(b);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Detected::Utf8;
    }
    Detected::Legacy(legacy(bytes))
}

/// The legacy encoding bytes that are not UTF-8 are most likely in: GB18030 when every byte
/// above ASCII is part of a well-formed GB18030 sequence and most two-byte sequences end in a
/// byte above ASCII (as Chinese characters do; a Latin-1 letter followed by an ASCII letter
/// looks like a GBK pair too), else Latin-1.
pub fn legacy(bytes: &[u8]) -> Legacy {
    let (mut high_trail, mut low_trail) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&lead) {
            return Legacy::Latin1;
        }
        match bytes.get(i + 1) {
            Some(0x80..=0xFE) => {
                high_trail += 1;
                i += 2;
            }
            Some(0x40..=0x7E) => {
                low_trail += 1;
                i += 2;
            }
            Some(0x30..=0x39) => match (bytes.get(i + 2), bytes.get(i + 3)) {
                (Some(0x81..=0xFE), Some(0x30..=0x39)) => i += 4,
                _ => return Legacy::Latin1,
            },
            _ => return Legacy::Latin1,
        }
    }
    if high_trail >= low_trail {
        Legacy::Gb18030
    } else {
        Legacy::Latin1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 派出所 in GBK.
    const GBK: &[u8] = b"{\"zh\": \"\xC5\xC9\xB3\xF6\xCB\xF9\"}";

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(detect(b"\xEF\xBB\xBF{}"), Detected::Bom(Bom::Utf8));
        assert_eq!(detect(b"\xFF\xFE{\0"), Detected::Bom(Bom::Utf16Le));
        assert_eq!(detect(b"\xFE\xFF\0{"), Detected::Bom(Bom::Utf16Be));
        assert_eq!(Bom::Utf8.size(), 3);
        assert_eq!(Bom::Utf16Be.size(), 2);
    }

    #[test]
    fn utf8_then_gb18030_then_latin1() {
        assert_eq!(detect("{\"zh\": \"派出所\"}".as_bytes()), Detected::Utf8);
        assert_eq!(detect(b""), Detected::Utf8);
        assert_eq!(detect(GBK), Detected::Legacy(Legacy::Gb18030));
        // A four-byte GB18030 sequence (U+00A5 is 81 30 84 36).
        assert_eq!(legacy(b"a\x81\x30\x84\x36b"), Legacy::Gb18030);
        // `Café ` in Latin-1: 0xE9 then a space is no GB18030 sequence.
        assert_eq!(
            detect(b"{\"en\": \"Caf\xE9 Station\"}"),
            Detected::Legacy(Legacy::Latin1)
        );
        // `Zürich, Genève`: each accented letter followed by an ASCII letter is a well-formed
        // GBK pair, but Chinese text has its second bytes above ASCII.
        assert_eq!(legacy(b"Z\xFCrich, Gen\xE8ve"), Legacy::Latin1);
        // 0x80 and 0xFF lead no GB18030 sequence.
        assert_eq!(legacy(b"\x80abc"), Legacy::Latin1);
        assert_eq!(legacy(b"\xFF\xA1"), Legacy::Latin1);
        // Cut inside a sequence.
        assert_eq!(legacy(b"\xC5"), Legacy::Latin1);
        assert_eq!(legacy(b"\x81\x30\x84"), Legacy::Latin1);
    }

    #[test]
    fn names_and_labels() {
        assert_eq!(Legacy::Gb18030.name(), "GB18030");
        assert_eq!(Legacy::Latin1.label(), "windows-1252");
    }
}
