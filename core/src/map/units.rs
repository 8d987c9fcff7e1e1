//! The 34 provincial-level units of the tile map, every one of them: GB/T 2260 two-digit
//! codes, Chinese and English names, and a place in a fixed grid that follows their rough
//! positions (west to east, north to south). No boundary, no geometry: the tile map is a chart.

use crate::model::Station;

/// A provincial-level unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The first two digits of its GB/T 2260 codes (`33` for 浙江).
    pub code: u8,
    /// Short Chinese name, as written on a tile (`浙江`).
    pub zh: &'static str,
    /// Full Chinese name (`浙江省`).
    pub zh_full: &'static str,
    /// English name.
    pub en: &'static str,
    /// Its ISO 3166-2:CN letters (`ZJ`), written on a tile in English.
    pub iso: &'static str,
    /// Grid column, 0 = west.
    pub col: u8,
    /// Grid row, 0 = north.
    pub row: u8,
}

impl Unit {
    /// Its full name in `lang` (`浙江省`, `Zhejiang`).
    pub fn full_name(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.zh_full,
            crate::Lang::En => self.en,
        }
    }
}

const fn u(
    code: u8,
    zh: &'static str,
    zh_full: &'static str,
    en: &'static str,
    iso: &'static str,
    col: u8,
    row: u8,
) -> Unit {
    Unit {
        code,
        zh,
        zh_full,
        en,
        iso,
        col,
        row,
    }
}

/// Columns of the grid.
pub const COLS: u8 = 7;
/// Rows of the grid.
pub const ROWS: u8 = 8;

/// Every provincial-level unit, in GB/T 2260 order.
pub const UNITS: [Unit; 34] = [
    u(11, "北京", "北京市", "Beijing", "BJ", 5, 1),
    u(12, "天津", "天津市", "Tianjin", "TJ", 5, 2),
    u(13, "河北", "河北省", "Hebei", "HE", 4, 2),
    u(14, "山西", "山西省", "Shanxi", "SX", 3, 2),
    u(15, "内蒙古", "内蒙古自治区", "Inner Mongolia", "NM", 4, 1),
    u(21, "辽宁", "辽宁省", "Liaoning", "LN", 6, 2),
    u(22, "吉林", "吉林省", "Jilin", "JL", 6, 1),
    u(23, "黑龙江", "黑龙江省", "Heilongjiang", "HL", 6, 0),
    u(31, "上海", "上海市", "Shanghai", "SH", 6, 4),
    u(32, "江苏", "江苏省", "Jiangsu", "JS", 5, 4),
    u(33, "浙江", "浙江省", "Zhejiang", "ZJ", 5, 5),
    u(34, "安徽", "安徽省", "Anhui", "AH", 4, 4),
    u(35, "福建", "福建省", "Fujian", "FJ", 4, 6),
    u(36, "江西", "江西省", "Jiangxi", "JX", 4, 5),
    u(37, "山东", "山东省", "Shandong", "SD", 4, 3),
    u(41, "河南", "河南省", "Henan", "HA", 3, 3),
    u(42, "湖北", "湖北省", "Hubei", "HB", 3, 4),
    u(43, "湖南", "湖南省", "Hunan", "HN", 3, 5),
    u(44, "广东", "广东省", "Guangdong", "GD", 3, 6),
    u(45, "广西", "广西壮族自治区", "Guangxi", "GX", 2, 6),
    u(46, "海南", "海南省", "Hainan", "HI", 2, 7),
    u(50, "重庆", "重庆市", "Chongqing", "CQ", 2, 4),
    u(51, "四川", "四川省", "Sichuan", "SC", 1, 4),
    u(52, "贵州", "贵州省", "Guizhou", "GZ", 2, 5),
    u(53, "云南", "云南省", "Yunnan", "YN", 1, 5),
    u(54, "西藏", "西藏自治区", "Xizang", "XZ", 0, 3),
    u(61, "陕西", "陕西省", "Shaanxi", "SN", 2, 3),
    u(62, "甘肃", "甘肃省", "Gansu", "GS", 1, 2),
    u(63, "青海", "青海省", "Qinghai", "QH", 1, 3),
    u(64, "宁夏", "宁夏回族自治区", "Ningxia", "NX", 2, 2),
    u(65, "新疆", "新疆维吾尔自治区", "Xinjiang", "XJ", 0, 2),
    u(71, "台湾", "台湾省", "Taiwan", "TW", 5, 6),
    u(81, "香港", "香港特别行政区", "Hong Kong", "HK", 4, 7),
    u(82, "澳门", "澳门特别行政区", "Macao", "MO", 3, 7),
];

/// The index in [`UNITS`] of the unit with two-digit code `code`.
pub fn index_of_code(code: u8) -> Option<usize> {
    UNITS.iter().position(|u| u.code == code)
}

/// The index in [`UNITS`] of the unit at grid cell `(col, row)`.
pub fn index_at(col: u8, row: u8) -> Option<usize> {
    UNITS.iter().position(|u| u.col == col && u.row == row)
}

/// The unit a province name names: its Chinese name (short or full, e.g. `浙江` or
/// `浙江省`), or its English name (case and a trailing "Province" ignored).
pub fn index_of_name(zh: &str, en: Option<&str>) -> Option<usize> {
    let zh = zh.trim();
    if let Some(i) = UNITS.iter().position(|u| zh.starts_with(u.zh)) {
        return Some(i);
    }
    let en = en?.trim().to_ascii_lowercase();
    let en = en.strip_suffix(" province").unwrap_or(&en);
    UNITS.iter().position(|u| u.en.eq_ignore_ascii_case(en))
}

/// The unit a station belongs to: by its region code when it has one, else by its province's
/// name. `None` when neither names a unit.
pub fn index_of_station(st: &Station) -> Option<usize> {
    let by_code = st
        .region
        .code
        .as_deref()
        .and_then(|c| c.get(..2))
        .and_then(|c| c.parse::<u8>().ok())
        .and_then(index_of_code);
    by_code.or_else(|| {
        let p = &st.region.province;
        index_of_name(&p.zh, p.en.as_deref())
    })
}
