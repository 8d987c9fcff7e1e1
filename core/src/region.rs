//! GB/T 2260 codes as validation needs them, kept tiny because validation is in every
//! page's first module: the 34 provincial-level two-digit codes, sorted, and the first two
//! characters of each province's Chinese name (to catch a code that contradicts the
//! province). The tile map's full table (names, grid) is [`crate::map::units`], loaded
//! with the map only; a test checks that the two agree.

use crate::error::IssueKind;

/// The two-digit codes of the provincial-level units, ascending.
pub(crate) const CODES: [u8; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// The first two characters of each unit's Chinese name, in [`CODES`] order.
pub(crate) const PREFIXES: &str = "北京天津河北山西内蒙辽宁吉林黑龙上海江苏浙江安徽福建江西山东河南湖北湖南广东广西海南重庆四川贵州云南西藏陕西甘肃青海宁夏新疆台湾香港澳门";

/// What is wrong with a station's region code `code` given its province's Chinese name:
/// not six digits or no provincial-level unit; or the unit of another province than the
/// one the name names. A name that names no unit is not checked against.
pub(crate) fn check(code: &str, province: &str) -> Option<IssueKind> {
    let unit = (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| code[..2].parse::<u8>().ok())
        .flatten()
        .and_then(|c| CODES.binary_search(&c).ok());
    let Some(unit) = unit else {
        return Some(IssueKind::UnknownRegionCode {
            code: code.to_string(),
        });
    };
    // Every prefix is two characters of three bytes each.
    let named = province
        .trim()
        .get(..6)
        .and_then(|p| (0..CODES.len()).find(|&i| PREFIXES.get(i * 6..i * 6 + 6) == Some(p)));
    match named {
        Some(n) if n != unit => Some(IssueKind::RegionCodeMismatch {
            code: code.to_string(),
            province: province.to_string(),
        }),
        _ => None,
    }
}
