//! The fixed tables the generator draws from: provinces and their weights, syllables of
//! made-up place names, seasonal factors.

/// The last month of every series.
pub(super) const LAST_YEAR: i32 = 2025;
/// The time written into `generated_at` (fixed, so output depends only on the options).
pub(super) const GENERATED_AT: &str = "2026-01-01T00:00:00+08:00";

/// The 31 provincial-level divisions of mainland China and a rough weight (population in
/// millions) that decides how many counties each gets.
pub(super) const PROVINCES: [(&str, &str, u32); 31] = [
    ("北京市", "Beijing", 22),
    ("天津市", "Tianjin", 14),
    ("河北省", "Hebei", 74),
    ("山西省", "Shanxi", 35),
    ("内蒙古自治区", "Inner Mongolia", 24),
    ("辽宁省", "Liaoning", 42),
    ("吉林省", "Jilin", 24),
    ("黑龙江省", "Heilongjiang", 31),
    ("上海市", "Shanghai", 25),
    ("江苏省", "Jiangsu", 85),
    ("浙江省", "Zhejiang", 66),
    ("安徽省", "Anhui", 61),
    ("福建省", "Fujian", 42),
    ("江西省", "Jiangxi", 45),
    ("山东省", "Shandong", 102),
    ("河南省", "Henan", 98),
    ("湖北省", "Hubei", 58),
    ("湖南省", "Hunan", 66),
    ("广东省", "Guangdong", 127),
    ("广西壮族自治区", "Guangxi", 50),
    ("海南省", "Hainan", 10),
    ("重庆市", "Chongqing", 32),
    ("四川省", "Sichuan", 84),
    ("贵州省", "Guizhou", 39),
    ("云南省", "Yunnan", 47),
    ("西藏自治区", "Tibet", 4),
    ("陕西省", "Shaanxi", 40),
    ("甘肃省", "Gansu", 25),
    ("青海省", "Qinghai", 6),
    ("宁夏回族自治区", "Ningxia", 7),
    ("新疆维吾尔自治区", "Xinjiang", 26),
];

/// Characters of made-up place names, with their pinyin.
pub(super) const SYLLABLES: [(&str, &str); 40] = [
    ("安", "an"),
    ("平", "ping"),
    ("宁", "ning"),
    ("清", "qing"),
    ("河", "he"),
    ("山", "shan"),
    ("江", "jiang"),
    ("林", "lin"),
    ("东", "dong"),
    ("西", "xi"),
    ("南", "nan"),
    ("北", "bei"),
    ("丰", "feng"),
    ("永", "yong"),
    ("新", "xin"),
    ("长", "chang"),
    ("兴", "xing"),
    ("华", "hua"),
    ("阳", "yang"),
    ("泉", "quan"),
    ("石", "shi"),
    ("桥", "qiao"),
    ("云", "yun"),
    ("龙", "long"),
    ("凤", "feng"),
    ("德", "de"),
    ("和", "he"),
    ("康", "kang"),
    ("乐", "le"),
    ("昌", "chang"),
    ("明", "ming"),
    ("广", "guang"),
    ("武", "wu"),
    ("文", "wen"),
    ("金", "jin"),
    ("玉", "yu"),
    ("海", "hai"),
    ("湖", "hu"),
    ("溪", "xi"),
    ("岭", "ling"),
];

/// Seasonal factors by calendar month (January first).
pub(super) const INCIDENT_SEASON: [f64; 12] = [
    0.96, 0.82, 0.94, 0.98, 1.04, 1.08, 1.14, 1.13, 1.03, 1.00, 0.95, 0.93,
];
pub(super) const DISPUTE_SEASON: [f64; 12] = [
    1.22, 1.18, 0.98, 0.95, 0.97, 0.96, 0.98, 0.97, 0.95, 0.96, 0.92, 0.96,
];
pub(super) const FRAUD_SEASON: [f64; 12] = [
    1.05, 0.90, 0.97, 0.98, 1.00, 1.00, 1.02, 1.03, 1.00, 1.02, 1.08, 0.95,
];
