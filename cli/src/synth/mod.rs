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

mod geometry;
mod metrics;
mod rng;
mod split;
mod station;
mod tables;

use metrics::*;
use rng::*;
use station::*;
use tables::*;

pub use geometry::{geometry, AREAS};
pub use split::split;

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
                // The province's own code (`330000`): the districts are made up, so no
                // real district's code is given to them.
                code: province_code(pzh, pen),
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
        boundaries: None,
    }
}

/// The GB/T 2260 code of a province as a whole (`330000`), from its name.
fn province_code(zh: &str, en: &str) -> Option<String> {
    use scorecards_core::map::units::{index_of_name, UNITS};
    index_of_name(zh, Some(en)).map(|i| format!("{:02}0000", UNITS[i].code))
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
