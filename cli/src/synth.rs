//! `scorecards synth`: a reproducible synthetic data set at any scale, up to national
//! (China has on the order of 40,000 police stations in about 3,000 counties and 31
//! provinces).
//!
//! Everything is marked synthetic: `"synthetic": true`, "（合成）" / "(synthetic)" in the
//! publisher, every station, bureau and source. The same options give byte-identical output
//! on every run and platform: the random numbers come from ChaCha8 seeded with `--seed`,
//! and only exactly rounded arithmetic is used (no `sin`, `exp` or `ln`, whose last bits
//! differ between platforms).
//!
//! Monthly series (incidents, disputes, fraud cases) end in December 2025, with a seasonal
//! pattern, a trend per station and noise; some stations mark their latest months as
//! estimated and a few series miss a month or two (`null`). Reported figures for 2025 are
//! computed from those series: levels are yearly sums, year-on-year changes compare 2025
//! with 2024, the mediation success rate is disputes resolved over disputes — and a figure
//! is left out (not reported) when a month it needs is missing.

use std::collections::HashSet;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use scorecards_core::{
    Baseline, DateFact, Document, Fact, Family, Figure, Kind, Metric, PartialDate, Period,
    Polarity, Profile, Qualifier, Region, Series, Source, Station, Text, Unit, ValueStatus,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Number of stations.
    pub stations: usize,
    /// Months of series, ending December 2025.
    pub months: usize,
    /// Seed of the random numbers.
    pub seed: u64,
}

/// The last month of every series.
const LAST_YEAR: i32 = 2025;
/// The time written into `generated_at` (fixed, so output depends only on the options).
const GENERATED_AT: &str = "2026-01-01T00:00:00+08:00";

/// The 31 provincial-level divisions of mainland China and a rough weight (population in
/// millions) that decides how many counties each gets.
const PROVINCES: [(&str, &str, u32); 31] = [
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
const SYLLABLES: [(&str, &str); 40] = [
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
const INCIDENT_SEASON: [f64; 12] = [
    0.96, 0.82, 0.94, 0.98, 1.04, 1.08, 1.14, 1.13, 1.03, 1.00, 0.95, 0.93,
];
const DISPUTE_SEASON: [f64; 12] = [
    1.22, 1.18, 0.98, 0.95, 0.97, 0.96, 0.98, 0.97, 0.95, 0.96, 0.92, 0.96,
];
const FRAUD_SEASON: [f64; 12] = [
    1.05, 0.90, 0.97, 0.98, 1.00, 1.00, 1.02, 1.03, 1.00, 1.02, 1.08, 0.95,
];

struct Rng(ChaCha8Rng);

impl Rng {
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in [0, n).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.0.next_u64()) * n as u128) >> 64) as usize
    }

    /// Roughly standard normal (Irwin–Hall with four terms, scaled to variance 1).
    fn normal(&mut self) -> f64 {
        let s = self.unit() + self.unit() + self.unit() + self.unit();
        (s - 2.0) * 1.732_050_807_568_877_2
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

fn text(zh: String, en: String) -> Text {
    Text { zh, en: Some(en) }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A made-up two-character place name: (Chinese, pinyin).
fn place_name(rng: &mut Rng) -> (String, String) {
    let (a, pa) = *rng.pick(&SYLLABLES);
    let (b, pb) = *rng.pick(&SYLLABLES);
    (format!("{a}{b}"), capitalise(&format!("{pa}{pb}")))
}

fn metric(id: &str, zh: &str, en: &str, unit: Unit, family: Family, polarity: Polarity) -> Metric {
    Metric {
        id: id.to_string(),
        label: text(zh.to_string(), en.to_string()),
        unit,
        family,
        polarity,
    }
}

fn metrics() -> Vec<Metric> {
    use Family::*;
    use Polarity::*;
    vec![
        metric(
            "incidents",
            "警情总量",
            "All incidents (calls for police)",
            Unit::Count,
            Incidents,
            LowerIsBetter,
        ),
        metric(
            "criminal_incidents",
            "刑事警情",
            "Criminal incidents",
            Unit::Count,
            Incidents,
            LowerIsBetter,
        ),
        metric(
            "mediation_success_rate",
            "矛盾纠纷调解成功率（化解率）",
            "Dispute mediation success (resolution) rate",
            Unit::Percent,
            Mediation,
            HigherIsBetter,
        ),
        metric(
            "disputes_mediated",
            "成功调解（化解）矛盾纠纷",
            "Disputes successfully mediated (resolved)",
            Unit::Count,
            Mediation,
            HigherIsBetter,
        ),
        metric(
            "disputes",
            "矛盾纠纷数",
            "Disputes",
            Unit::Count,
            Mediation,
            LowerIsBetter,
        ),
        metric(
            "group_population_coverage",
            "群组覆盖实有人口比例",
            "Share of residents covered by community groups",
            Unit::Percent,
            GroupCoverage,
            HigherIsBetter,
        ),
        metric(
            "community_groups",
            "群防群治群组",
            "Community groups",
            Unit::Count,
            GroupCoverage,
            HigherIsBetter,
        ),
        metric(
            "fraud_cases",
            "电信网络诈骗发案",
            "Telecom and online fraud cases",
            Unit::Count,
            Fraud,
            LowerIsBetter,
        ),
        metric(
            "fraud_losses",
            "电信网络诈骗损失金额",
            "Losses to telecom and online fraud",
            Unit::Yuan,
            Fraud,
            LowerIsBetter,
        ),
    ]
}

struct County {
    province: usize,
    name: (String, String),
    district: bool,
}

/// Generates the data set.
pub fn generate(opts: &Options) -> Document {
    let mut rng = Rng(ChaCha8Rng::seed_from_u64(opts.seed));
    let n = opts.stations;
    let counties = if n == 0 {
        0
    } else {
        // About 13 stations per county, as nationally; at least three counties.
        ((n * 10 + 66) / 133).max(n.min(3))
    };
    let total_weight: u32 = PROVINCES.iter().map(|p| p.2).sum();
    let mut county_list = Vec::with_capacity(counties);
    for c in 0..counties {
        // Every province gets a county before any gets a second, when there are enough.
        let province = if counties >= PROVINCES.len() && c < PROVINCES.len() {
            c
        } else {
            let mut ticket = rng.below(total_weight as usize) as u32;
            let mut chosen = 0;
            for (i, p) in PROVINCES.iter().enumerate() {
                if ticket < p.2 {
                    chosen = i;
                    break;
                }
                ticket -= p.2;
            }
            chosen
        };
        county_list.push(County {
            province,
            name: place_name(&mut rng),
            district: rng.chance(0.3),
        });
    }

    let mut sources: Vec<Option<Source>> = vec![None; PROVINCES.len()];
    let mut stations = Vec::with_capacity(n);
    let mut names_in_county: Vec<HashSet<String>> = vec![HashSet::new(); counties];
    let width = n.to_string().len().max(5);
    for k in 0..n {
        // Stations are spread evenly over counties, in county order.
        let c = k * counties / n.max(1);
        let county = &county_list[c];
        let (pzh, pen, _) = PROVINCES[county.province];
        let source_id = format!("syn-src-{:02}", county.province + 1);
        sources[county.province].get_or_insert_with(|| Source {
            id: source_id.clone(),
            title: text(
                format!("{pzh}派出所工作年报（合成）"),
                format!("Annual report of the police stations of {pen} (synthetic)"),
            ),
            publisher: text(
                format!("{pzh}公安厅（合成）"),
                format!("{pen} Public Security Department (synthetic)"),
            ),
            date: Some(PartialDate::Month(LAST_YEAR + 1, 1)),
            authors: None,
            url: None,
        });
        let mut name = place_name(&mut rng);
        for _ in 0..8 {
            if !names_in_county[c].contains(&name.0) {
                break;
            }
            name = place_name(&mut rng);
        }
        if !names_in_county[c].insert(name.0.clone()) {
            name.0.push_str(&format!("{k}"));
            name.1.push_str(&format!(" {k}"));
        }
        let (czh, cen) = &county.name;
        let (suffix_zh, suffix_en) = if county.district {
            ("区", "District")
        } else {
            ("县", "County")
        };
        let station = station(
            &mut rng,
            opts,
            format!("syn-{:0width$}", k + 1),
            text(
                format!("{}派出所（合成）", name.0),
                format!("{} Police Station (synthetic)", name.1),
            ),
            Region {
                province: text(pzh.to_string(), pen.to_string()),
                city: None,
                district: Some(text(
                    format!("{czh}{suffix_zh}"),
                    format!("{cen} {suffix_en}"),
                )),
            },
            text(
                format!("{czh}{suffix_zh}公安局（合成）"),
                format!("{cen} {suffix_en} Public Security Bureau (synthetic)"),
            ),
            &source_id,
        );
        stations.push(station);
    }
    Document {
        schema_version: scorecards_core::SCHEMA_VERSION,
        publisher: text(
            "station-scorecards 合成数据生成器（合成）".into(),
            "station-scorecards synthetic data generator (synthetic)".into(),
        ),
        generated_at: GENERATED_AT.to_string(),
        synthetic: true,
        kind: Kind::Complete,
        sources: sources.into_iter().flatten().collect(),
        metrics: metrics(),
        stations,
    }
}

/// A monthly series with its statuses, before it is written.
struct Monthly {
    values: Vec<Option<f64>>,
    status: Vec<ValueStatus>,
}

impl Monthly {
    /// The sum over calendar year `year`, and whether any month of it is an estimate;
    /// `None` when the series does not cover the whole year or misses a month of it.
    fn year(&self, first_month: i64, year: i32) -> Option<(f64, bool)> {
        let from = i64::from(year) * 12 - first_month;
        if from < 0 || from + 12 > self.values.len() as i64 {
            return None;
        }
        let range = from as usize..from as usize + 12;
        let mut sum = 0.0;
        for v in &self.values[range.clone()] {
            sum += (*v)?;
        }
        let estimated = self.status[range].contains(&ValueStatus::Estimated);
        Some((sum, estimated))
    }
}

/// A series of counts around `level` a month with a yearly `trend` (0.9 = −10% a year).
fn monthly(
    rng: &mut Rng,
    first_month: i64,
    months: usize,
    level: f64,
    trend: f64,
    season: &[f64; 12],
    estimated_tail: usize,
) -> Monthly {
    let mut values = Vec::with_capacity(months);
    let mut status = Vec::with_capacity(months);
    // The yearly trend spread over months (to first order, without `powf`); `level` is
    // the level of the last month.
    let monthly_factor = 1.0 + (trend - 1.0) / 12.0;
    let mut s = 1.0;
    for _ in 1..months {
        s /= monthly_factor;
    }
    for i in 0..months {
        let month_of_year = ((first_month + i as i64).rem_euclid(12)) as usize;
        let noise = 1.0 + 0.07 * rng.normal();
        let v = (level * s * season[month_of_year] * noise).round().max(0.0);
        s *= monthly_factor;
        values.push(Some(v));
        status.push(if i + estimated_tail >= months {
            ValueStatus::Estimated
        } else {
            ValueStatus::Reported
        });
    }
    // Now and then one or two months are missing.
    if months > 3 && rng.chance(0.05) {
        let at = rng.below(months - 1);
        let len = 1 + rng.below(2);
        for k in at..(at + len).min(months) {
            values[k] = None;
            status[k] = ValueStatus::Missing;
        }
    }
    Monthly { values, status }
}

fn to_series(metric: &str, first_month: i64, m: Monthly, source: &str) -> Series {
    let status = m
        .status
        .contains(&ValueStatus::Estimated)
        .then_some(m.status);
    Series {
        metric: metric.to_string(),
        start: PartialDate::from_month_index(first_month),
        values: m.values,
        status,
        source: source.to_string(),
    }
}

fn percent_change(now: f64, before: f64) -> Option<f64> {
    (before > 0.0).then(|| round_to((now - before) / before * 100.0, 1))
}

/// "下降12.9%" / "上升3%" for quotes.
fn change_zh(v: f64) -> String {
    let n = scorecards_core::format::plain_number(v.abs());
    if v < 0.0 {
        format!("下降{n}%")
    } else if v > 0.0 {
        format!("上升{n}%")
    } else {
        "持平".to_string()
    }
}

#[allow(clippy::too_many_arguments)]
fn station(
    rng: &mut Rng,
    opts: &Options,
    id: String,
    name: Text,
    region: Region,
    parent_bureau: Text,
    source: &str,
) -> Station {
    let src = source.to_string();
    let fact = |value: f64, quote: String| Fact {
        value,
        qualifier: Qualifier::Exact,
        source: src.clone(),
        quote: Some(quote),
    };
    let population = (rng.between(15_000.0, 160_000.0) / 100.0).round() * 100.0;
    let officers = rng.between(12.0, 80.0).round();
    let auxiliary = (officers * rng.between(0.8, 2.0)).round();
    let area = round_to(rng.between(1.5, 320.0), 2);
    let founded = 1950 + rng.below(66) as i32;
    let profile = Profile {
        area_km2: Some(fact(
            area,
            format!(
                "（合成）辖区面积{}平方公里",
                scorecards_core::format::plain_number(area)
            ),
        )),
        population: Some(fact(
            population,
            format!("（合成）实有人口{}人", population),
        )),
        officers: Some(fact(officers, format!("（合成）现有民警{officers}人"))),
        auxiliary_officers: Some(fact(auxiliary, format!("（合成）辅警{auxiliary}人"))),
        founded: Some(DateFact {
            date: PartialDate::Year(founded),
            source: src.clone(),
            quote: Some(format!("（合成）派出所始建于{founded}年")),
        }),
    };

    let months = opts.months;
    let last_month = i64::from(LAST_YEAR) * 12 + 11;
    let first_month = last_month - months as i64 + 1;
    // About one station in five gives its latest one to three months as estimates.
    let estimated_tail = if rng.chance(0.2) { 1 + rng.below(3) } else { 0 };
    let per_1000 = rng.between(0.5, 2.2);
    let incident_level = population / 1000.0 * per_1000 * 4.0;
    let trend = rng.between(0.85, 1.04);
    let incidents = monthly(
        rng,
        first_month,
        months,
        incident_level,
        trend,
        &INCIDENT_SEASON,
        estimated_tail,
    );
    let (level, trend) = (
        incident_level * rng.between(0.08, 0.2),
        rng.between(0.85, 1.05),
    );
    let disputes = monthly(
        rng,
        first_month,
        months,
        level,
        trend,
        &DISPUTE_SEASON,
        estimated_tail,
    );
    let (level, trend) = (
        population / 1000.0 * rng.between(0.02, 0.15),
        rng.between(0.7, 1.1),
    );
    let fraud = monthly(
        rng,
        first_month,
        months,
        level,
        trend,
        &FRAUD_SEASON,
        estimated_tail,
    );

    let year = LAST_YEAR;
    let period = Period {
        start: Some(PartialDate::Year(year)),
        end: Some(PartialDate::Year(year)),
    };
    let figure = |metric: &str,
                  value: f64,
                  unit: Unit,
                  estimated: bool,
                  baseline: Option<Baseline>,
                  quote: String| Figure {
        metric: metric.to_string(),
        value,
        unit,
        qualifier: if estimated {
            Qualifier::About
        } else {
            Qualifier::Exact
        },
        period: period.clone(),
        baseline,
        source: src.clone(),
        scope: None,
        quote: Some(quote),
    };
    let about = |estimated: bool| if estimated { "约" } else { "" };
    let mut figures = Vec::new();
    let inc_now = incidents.year(first_month, year);
    let inc_before = incidents.year(first_month, year - 1);
    if let Some((now, est)) = inc_now {
        figures.push(figure(
            "incidents",
            now,
            Unit::Count,
            est,
            None,
            format!("（合成）{year}年，全所共接报警情{}{now}起", about(est)),
        ));
        if let Some((before, est_b)) = inc_before {
            if let Some(change) = percent_change(now, before) {
                let est = est || est_b;
                figures.push(figure(
                    "incidents",
                    change,
                    Unit::Percent,
                    est,
                    Some(Baseline::YearOnYear),
                    format!(
                        "（合成）{year}年，全所警情同比{}{}",
                        about(est),
                        change_zh(change)
                    ),
                ));
            }
        }
        // Criminal incidents: a share of all incidents in each year.
        let share_now = rng.between(0.06, 0.18);
        let criminal_now = (now * share_now).round();
        figures.push(figure(
            "criminal_incidents",
            criminal_now,
            Unit::Count,
            est,
            None,
            format!("（合成）刑事警情{}{criminal_now}起", about(est)),
        ));
        if let Some((before, est_b)) = inc_before {
            let criminal_before = (before * (share_now * rng.between(0.9, 1.2))).round();
            if let Some(change) = percent_change(criminal_now, criminal_before) {
                let est = est || est_b;
                figures.push(figure(
                    "criminal_incidents",
                    change,
                    Unit::Percent,
                    est,
                    Some(Baseline::YearOnYear),
                    format!("（合成）刑事警情同比{}{}", about(est), change_zh(change)),
                ));
            }
        }
    }
    if let Some((total, est)) = disputes.year(first_month, year) {
        if total > 0.0 {
            let resolved = (total * rng.between(0.86, 0.995)).round();
            let rate = round_to(resolved / total * 100.0, 1);
            figures.push(figure(
                "mediation_success_rate",
                rate,
                Unit::Percent,
                est,
                None,
                format!(
                    "（合成）调解成功率{}{}%",
                    about(est),
                    scorecards_core::format::plain_number(rate)
                ),
            ));
            figures.push(figure(
                "disputes_mediated",
                resolved,
                Unit::Count,
                est,
                None,
                format!("（合成）成功调解矛盾纠纷{}{resolved}起", about(est)),
            ));
        }
        figures.push(figure(
            "disputes",
            total,
            Unit::Count,
            est,
            None,
            format!("（合成）受理矛盾纠纷{}{total}起", about(est)),
        ));
    }
    let coverage = round_to(rng.between(35.0, 97.0), 1);
    let groups = (population / rng.between(400.0, 2500.0)).round().max(1.0);
    let at_end = Period {
        start: None,
        end: Some(PartialDate::Month(year, 12)),
    };
    let mut cov = figure(
        "group_population_coverage",
        coverage,
        Unit::Percent,
        false,
        None,
        format!(
            "（合成）群防群治群组覆盖辖区{}%的实有人口",
            scorecards_core::format::plain_number(coverage)
        ),
    );
    cov.period = at_end.clone();
    figures.push(cov);
    let mut grp = figure(
        "community_groups",
        groups,
        Unit::Count,
        false,
        None,
        format!("（合成）已建立群防群治群组{groups}个"),
    );
    grp.period = at_end;
    figures.push(grp);
    if let Some((now, est)) = fraud.year(first_month, year) {
        figures.push(figure(
            "fraud_cases",
            now,
            Unit::Count,
            est,
            None,
            format!("（合成）电信网络诈骗发案{}{now}起", about(est)),
        ));
        if let Some((before, est_b)) = fraud.year(first_month, year - 1) {
            if let Some(change) = percent_change(now, before) {
                let est = est || est_b;
                figures.push(figure(
                    "fraud_cases",
                    change,
                    Unit::Percent,
                    est,
                    Some(Baseline::YearOnYear),
                    format!(
                        "（合成）电信网络诈骗发案同比{}{}",
                        about(est),
                        change_zh(change)
                    ),
                ));
            }
        }
        let losses = (now * rng.between(8_000.0, 120_000.0) / 100.0).round() * 100.0;
        figures.push(figure(
            "fraud_losses",
            losses,
            Unit::Yuan,
            est,
            None,
            format!("（合成）群众被骗损失{}{losses}元", about(est)),
        ));
    }

    let series = if months == 0 {
        Vec::new()
    } else {
        vec![
            to_series("incidents", first_month, incidents, source),
            to_series("disputes", first_month, disputes, source),
            to_series("fraud_cases", first_month, fraud, source),
        ]
    };
    Station {
        id,
        name,
        region,
        parent_bureau: Some(parent_bureau),
        profile,
        figures,
        series,
        detail: None,
    }
}

/// The split layout of a generated document: an index (every station with its profile and
/// its headline figure of each family, without quotes, and a `detail` reference) and one
/// detail file per province (`detail/<province>.json`, the stations in full). Figures are
/// only left out of the index, never changed.
pub fn split(doc: &Document) -> (Document, Vec<(String, Document)>) {
    let mut index = Document {
        schema_version: doc.schema_version,
        publisher: doc.publisher.clone(),
        generated_at: doc.generated_at.clone(),
        synthetic: doc.synthetic,
        kind: Kind::Index,
        sources: doc.sources.clone(),
        metrics: doc.metrics.clone(),
        stations: Vec::with_capacity(doc.stations.len()),
    };
    let mut details: Vec<(String, Document)> = Vec::new();
    // The directory's headline of each family: the first figure of the family's first
    // metric (in catalogue order) that the station reports.
    let headlines = |st: &Station| -> Vec<Figure> {
        Family::ALL
            .iter()
            .filter_map(|f| {
                doc.metrics
                    .iter()
                    .filter(|m| m.family == *f)
                    .find_map(|m| st.figures.iter().find(|x| x.metric == m.id))
            })
            .map(|f| Figure {
                quote: None,
                ..f.clone()
            })
            .collect()
    };
    for st in &doc.stations {
        let province = st.region.province.en.as_deref().unwrap_or(&st.id);
        let href = format!("detail/{}.json", slug(province));
        let mut profile = st.profile.clone();
        for fact in [
            &mut profile.area_km2,
            &mut profile.population,
            &mut profile.officers,
            &mut profile.auxiliary_officers,
        ]
        .into_iter()
        .flatten()
        {
            fact.quote = None;
        }
        if let Some(f) = &mut profile.founded {
            f.quote = None;
        }
        index.stations.push(Station {
            id: st.id.clone(),
            name: st.name.clone(),
            region: st.region.clone(),
            parent_bureau: None,
            profile,
            figures: headlines(st),
            series: Vec::new(),
            detail: Some(href.clone()),
        });
        let at = match details.iter().position(|(h, _)| *h == href) {
            Some(i) => i,
            None => {
                details.push((
                    href.clone(),
                    Document {
                        schema_version: doc.schema_version,
                        publisher: doc.publisher.clone(),
                        generated_at: doc.generated_at.clone(),
                        synthetic: doc.synthetic,
                        kind: Kind::Detail,
                        sources: Vec::new(),
                        metrics: Vec::new(),
                        stations: Vec::new(),
                    },
                ));
                details.len() - 1
            }
        };
        details[at].1.stations.push(st.clone());
    }
    (index, details)
}

/// `Inner Mongolia` → `inner-mongolia`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Writes the document as JSON (compact, or pretty), ending with a newline.
pub fn write_json(doc: &Document, pretty: bool, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    crate::jsonfmt::write(doc, pretty, w)
}

/// The document as JSON text (compact, or pretty), ending with a newline.
pub fn to_json(doc: &Document, pretty: bool) -> String {
    crate::jsonfmt::to_string(doc, pretty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Document {
        generate(&Options {
            stations: 40,
            months: 30,
            seed: 7,
        })
    }

    #[test]
    fn the_split_layout_validates_and_merges_back_into_the_whole() {
        let doc = small();
        let (index, details) = split(&doc);
        let index_json = to_json(&index, false);
        let mut ds =
            scorecards_core::parse(index_json.as_bytes(), "index.json").expect("valid index");
        assert!(
            index_json.len() * 2 < to_json(&doc, false).len(),
            "the index is small"
        );
        assert!(index
            .stations
            .iter()
            .all(|st| st.series.is_empty() && st.detail.is_some()));
        for (href, detail) in &details {
            let bytes = to_json(detail, false);
            let d = scorecards_core::layout::parse_detail(bytes.as_bytes(), href, href, &ds)
                .unwrap_or_else(|e| panic!("{href}: {e:?}"));
            ds = ds.with_detail(href, &d);
        }
        for (merged, original) in ds.stations().iter().zip(&doc.stations) {
            assert_eq!(
                merged.detail.as_deref().map(|h| h.starts_with("detail/")),
                Some(true)
            );
            assert_eq!(
                Station {
                    detail: None,
                    ..merged.clone()
                },
                *original
            );
        }
        assert!(details
            .iter()
            .all(|(h, _)| h.ends_with(".json") && !h.contains(' ')));
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_data() {
        assert_eq!(to_json(&small(), false), to_json(&small(), false));
        let other = generate(&Options {
            stations: 40,
            months: 30,
            seed: 8,
        });
        assert_ne!(to_json(&small(), false), to_json(&other, false));
    }

    #[test]
    fn marked_synthetic_everywhere_and_valid() {
        let doc = small();
        assert!(doc.synthetic);
        assert!(doc.publisher.zh.contains("（合成）"));
        for s in &doc.stations {
            assert!(s.name.zh.ends_with("（合成）"), "{}", s.name.zh);
            assert!(s.name.en.as_deref().unwrap().ends_with("(synthetic)"));
        }
        let text = to_json(&doc, true);
        let ds = scorecards_core::parse(text.as_bytes(), "synth.json").unwrap();
        assert_eq!(ds.stations().len(), 40);
        assert!(ds.warnings().is_empty());
    }

    #[test]
    fn figures_are_computed_from_the_series() {
        let doc = small();
        let mut checked = 0;
        for s in &doc.stations {
            let series = &s.series[0];
            assert_eq!(series.metric, "incidents");
            assert_eq!(series.start, PartialDate::Month(2023, 7));
            let year = |y: i32| -> Option<f64> {
                let from = (y * 12 - (2023 * 12 + 6)) as usize;
                series.values[from..from + 12].iter().copied().sum()
            };
            let level = s
                .figures
                .iter()
                .find(|f| f.metric == "incidents" && f.baseline.is_none());
            let change = s
                .figures
                .iter()
                .find(|f| f.metric == "incidents" && f.baseline.is_some());
            match (year(2025), year(2024)) {
                (Some(now), Some(before)) => {
                    assert_eq!(level.unwrap().value, now);
                    let expected = ((now - before) / before * 1000.0).round() / 10.0;
                    assert_eq!(change.unwrap().value, expected);
                    checked += 1;
                }
                (Some(now), None) => {
                    assert_eq!(level.unwrap().value, now);
                    assert!(change.is_none(), "a change needs both years");
                }
                (None, _) => assert!(level.is_none() && change.is_none()),
            }
            for f in &s.figures {
                if f.metric == "mediation_success_rate" {
                    assert!((0.0..=100.0).contains(&f.value));
                }
            }
        }
        assert!(checked > 30, "{checked}");
    }

    #[test]
    fn national_scale_spreads_over_provinces_and_counties() {
        let doc = generate(&Options {
            stations: 4000,
            months: 0,
            seed: 1,
        });
        let provinces: HashSet<&str> = doc
            .stations
            .iter()
            .map(|s| s.region.province.zh.as_str())
            .collect();
        assert_eq!(provinces.len(), 31);
        let counties: HashSet<(&str, &str)> = doc
            .stations
            .iter()
            .map(|s| {
                (
                    s.region.province.zh.as_str(),
                    s.region.district.as_ref().unwrap().zh.as_str(),
                )
            })
            .collect();
        assert!(counties.len() > 250, "{}", counties.len());
        let ids: HashSet<&str> = doc.stations.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), 4000);
        assert!(doc.stations.iter().all(|s| s.series.is_empty()));
    }
}
