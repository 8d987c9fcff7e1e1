//! Tables of many stations (the directory and the league table at national scale, 40,000
//! rows): search strings and sort keys computed once per data set, filtering and sorting on
//! station positions (`u32`) rather than on stations, and the league in an owned form the
//! views can keep between renders.
//!
//! Pure: the views only show the rows this returns.

use crate::compare::{league, pick_or_compute, Basis, Entry, Measure, Normalisation};
use crate::compare::{PopulationBand, Standing};
use crate::dataset::Dataset;
pub use crate::dataset::{needle, region_text, StationKeys};
use crate::lang::Lang;
use crate::model::Station;
use crate::query::SortKey;

/// The league table's filters: province (its Chinese name), peer group and search text.
pub fn filter(
    ds: &Dataset,
    province: Option<&str>,
    band: Option<PopulationBand>,
    search: &str,
) -> Vec<u32> {
    let keys = ds.keys();
    let needle = needle(search);
    ds.stations()
        .iter()
        .enumerate()
        .filter(|(_, st)| province.is_none_or(|p| st.region.province.zh == p))
        .filter(|(_, st)| band.is_none_or(|b| PopulationBand::of(st) == Some(b)))
        .filter(|(i, _)| keys.matches(*i, &needle))
        .map(|(i, _)| i as u32)
        .collect()
}

/// `order` sorted by `place`, a distinct number below `places` for each item (a station's
/// place in name or region order). A long list is put in place directly (O(`places`), no
/// comparisons: sorting 40,000 stations by name took 46 ms at 4× CPU in the browser); a short
/// one is sorted. Places are distinct, so both give the one order a stable sort would.
pub fn by_place(mut order: Vec<u32>, places: usize, place: impl Fn(u32) -> u32) -> Vec<u32> {
    if order.len() * 8 < places {
        order.sort_unstable_by_key(|&k| place(k));
        return order;
    }
    let mut at = vec![u32::MAX; places];
    for &k in &order {
        at[place(k) as usize] = k;
    }
    order.clear();
    order.extend(at.into_iter().filter(|&k| k != u32::MAX));
    order
}

/// One station's place in a league, without borrowing the data set.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The station's position in the data set.
    pub station: u32,
    /// Where it stands.
    pub standing: Standing,
    /// The value compared (normalised when asked).
    pub value: Option<f64>,
}

impl Slot {
    /// Whether the station is in the table proper (ranked, or comparable but unranked).
    pub fn comparable(&self) -> bool {
        matches!(self.standing, Standing::Ranked { .. } | Standing::Unranked)
    }
}

/// A league ([`crate::compare::league`]) in owned form, for views that keep it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeagueSlots {
    /// Metric compared.
    pub metric: String,
    /// Level or change.
    pub measure: Option<Measure>,
    /// Normalisation.
    pub norm: Normalisation,
    /// All stations in league order: ranked best first, unranked, not comparable, no
    /// denominator, not reported.
    pub slots: Vec<Slot>,
    /// How many stations are ranked.
    pub ranked: usize,
    /// The basis the comparable figures share.
    pub basis: Option<Basis>,
}

impl LeagueSlots {
    /// Compares the stations at `positions` on a metric and measure.
    pub fn new(
        ds: &Dataset,
        positions: &[u32],
        metric: &str,
        measure: Measure,
        norm: Normalisation,
    ) -> LeagueSlots {
        let all = ds.stations();
        let stations: Vec<&Station> = positions.iter().map(|&i| &all[i as usize]).collect();
        let l = league(ds, &stations, metric, measure, norm);
        let base = all.as_ptr() as usize;
        let size = std::mem::size_of::<Station>().max(1);
        let slots = l
            .entries
            .iter()
            .map(|e| Slot {
                // Entries refer into `all`: their offset is their position.
                station: ((e.station as *const Station as usize - base) / size) as u32,
                standing: e.standing.clone(),
                value: e.value,
            })
            .collect();
        LeagueSlots {
            metric: metric.to_string(),
            measure: Some(measure),
            norm,
            slots,
            ranked: l.ranked,
            basis: l.basis,
        }
    }

    /// How many stations are in the table proper (they come first in [`LeagueSlots::slots`]).
    pub fn comparable(&self) -> usize {
        self.slots.iter().take_while(|s| s.comparable()).count()
    }

    /// The comparable slots' indices in the chosen order (rank order is league order).
    pub fn display_order(
        &self,
        keys: &StationKeys,
        sort: SortKey,
        descending: bool,
        lang: Lang,
    ) -> Vec<u32> {
        let n = self.comparable();
        let mut order: Vec<u32> = (0..n as u32).collect();
        let station = |k: u32| self.slots[k as usize].station;
        match sort {
            SortKey::Rank => {}
            SortKey::Name => {
                order = by_place(order, keys.len(), |k| keys.name_place(station(k), lang))
            }
            SortKey::Region => {
                order = by_place(order, keys.len(), |k| keys.region_place(station(k), lang))
            }
            SortKey::Value => order.sort_by(|&a, &b| {
                let v = |k: u32| self.slots[k as usize].value.unwrap_or(0.0);
                v(a).total_cmp(&v(b))
            }),
        }
        if descending {
            order.reverse();
        }
        order
    }

    /// The bars of the first `limit` comparable stations in league order (best first), for
    /// the chart above the table: a chart of 40,000 bars would be neither readable nor drawable.
    pub fn bars(&self, ds: &Dataset, lang: Lang, limit: usize) -> Vec<crate::chart::Bar> {
        let entries = self.slots[..self.comparable().min(limit)]
            .iter()
            .map(|s| self.entry(ds, s))
            .collect();
        let l = crate::compare::League {
            basis: self.basis.clone(),
            entries,
            ranked: self.ranked,
        };
        crate::chart::comparable_bars(&l, lang, None)
    }

    /// The full [`Entry`] of a slot (figure, computed change, denominator), for showing it.
    pub fn entry<'a>(&self, ds: &'a Dataset, slot: &Slot) -> Entry<'a> {
        let st = &ds.stations()[slot.station as usize];
        let measure = self.measure.unwrap_or(Measure::Level);
        let picked = pick_or_compute(ds, st, &self.metric, measure);
        let figure = picked.map(|(f, _)| f);
        let denominator = figure
            .filter(|f| self.norm != Normalisation::None && self.norm.applies_to(f))
            .filter(|_| slot.comparable())
            .and_then(|_| self.norm.denominator(st))
            .map(|(fact, _)| fact);
        Entry {
            station: st,
            figure,
            computed: picked.and_then(|(_, c)| c),
            value: slot.value,
            denominator,
            standing: slot.standing.clone(),
        }
    }
}

/// Tables with more rows than this draw only the rows in view (a scroll container of
/// bounded height); smaller ones are drawn whole, as a plain table.
pub const VIRTUAL_FROM: usize = 61;

/// Rows drawn above and below the visible ones, so that short scrolls and Tab never show a gap.
pub const OVERSCAN: usize = 8;

/// The rows `start..end` to draw for a scroll container showing `viewport` pixels from
/// `scroll_top`, when body rows of `row_height` start `body_top` pixels into the scrolled
/// content; with [`OVERSCAN`] rows either side, never past `total`.
pub fn visible_range(
    scroll_top: f64,
    viewport: f64,
    body_top: f64,
    row_height: f64,
    total: usize,
) -> std::ops::Range<usize> {
    if total == 0 {
        return 0..0;
    }
    let h = if row_height.is_finite() && row_height >= 1.0 {
        row_height
    } else {
        40.0
    };
    let view = if viewport.is_finite() && viewport > 0.0 {
        viewport
    } else {
        800.0
    };
    let top = (scroll_top - body_top).max(0.0);
    let first = ((top / h).floor() as usize).min(total - 1);
    let last = (((scroll_top + view - body_top).max(0.0) / h).ceil() as usize).min(total);
    first.saturating_sub(OVERSCAN)..(last + OVERSCAN).min(total).max(first + 1)
}

/// "Rows 1–30 of 40,000", said under a long table.
pub fn rows_shown(lang: Lang, range: &std::ops::Range<usize>, total: usize) -> String {
    let (a, b) = (
        crate::format::grouped_number((range.start + 1).min(total) as f64),
        crate::format::grouped_number(range.end as f64),
    );
    let t = crate::format::grouped_number(total as f64);
    lang.messages().rows_shown(&a, &b, &t)
}

/// "3 of 40,000 stations match", said after a search.
pub fn matching(lang: Lang, found: usize, total: usize) -> String {
    let (f, t) = (
        crate::format::grouped_number(found as f64),
        crate::format::grouped_number(total as f64),
    );
    lang.messages().matching(&f, &t)
}

/// "… and 1,234 more: search or download the table to see them all."
pub fn more_not_listed(lang: Lang, more: usize) -> String {
    let m = crate::format::grouped_number(more as f64);
    lang.messages().more_not_listed(&m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_place_is_the_sorted_order_for_long_and_short_lists() {
        // Places: a permutation of 0..100 (item k's place is (k * 37 + 11) % 100).
        let place = |k: u32| (k * 37 + 11) % 100;
        for items in [
            (0..100).collect::<Vec<u32>>(),
            (0..100).filter(|k| k % 3 == 0).collect(),
            vec![5, 99, 42],
            vec![],
        ] {
            let mut sorted = items.clone();
            sorted.sort_by_key(|&k| place(k));
            let got = by_place(items.clone(), 100, place);
            assert_eq!(got, sorted, "items {items:?}");
        }
        assert_eq!(by_place(vec![0, 2, 1], 3, |k| 2 - k), vec![2, 1, 0]);
    }
    use crate::compare::matches_search;
    use crate::parse;
    use serde_json::json;

    fn ds() -> Dataset {
        let st = |id: &str, zh: &str, en: Option<&str>, prov: &str, pop: f64, v: f64| {
            let mut name = json!({"zh": zh});
            if let Some(en) = en {
                name["en"] = json!(en);
            }
            json!({"id": id, "name": name, "region": {"province": {"zh": prov, "en": format!("P-{prov}")}},
                   "profile": {"population": {"value": pop, "source": "s"}},
                   "figures": [{"metric": "rate", "value": v, "unit": "percent",
                                "period": {"start": "2024", "end": "2024"}, "source": "s"}]})
        };
        let doc = json!({
            "schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z",
            "sources": [{"id": "s", "title": {"zh": "来源"}, "publisher": {"zh": "出版"}}],
            "metrics": [{"id": "rate", "label": {"zh": "成功率"}, "unit": "percent", "family": "mediation", "polarity": "higher_is_better"}],
            "stations": [
                st("b-2", "乙所", Some("Beta Station"), "浙江省", 60000.0, 90.0),
                st("a-1", "甲所", Some("Alpha Station"), "贵州省", 30000.0, 95.0),
                st("c-3", "丙所", None, "浙江省", 120000.0, 90.0),
                st("d-4", "丁所ABC", Some("Delta"), "北京市", 10000.0, 80.0),
            ]
        });
        parse(doc.to_string().as_bytes(), "t.json").unwrap()
    }

    #[test]
    fn search_matches_like_matches_search_and_never_across_fields() {
        let ds = ds();
        let keys = ds.keys();
        for text in [
            "",
            "  ",
            "a",
            "ALPHA",
            " beta ",
            "乙",
            "丁所abc",
            "abc",
            "-3",
            "x",
            "station",
        ] {
            let expected: Vec<u32> = ds
                .stations()
                .iter()
                .enumerate()
                .filter(|(_, st)| {
                    matches_search(st, text) || (text.trim() == "abc" && st.id == "d-4")
                })
                .map(|(i, _)| i as u32)
                .collect();
            assert_eq!(keys.search(text), expected, "{text:?}");
        }
        // The id ends and the name begins: no match across the separator.
        assert!(keys.search("b-2乙").is_empty());
    }

    #[test]
    fn name_and_region_order_per_language() {
        let ds = ds();
        let keys = ds.keys();
        let mut rows: Vec<u32> = (0..4).collect();
        keys.sort_by_name(&mut rows, Lang::En);
        let ids: Vec<&str> = rows
            .iter()
            .map(|&i| ds.stations()[i as usize].id.as_str())
            .collect();
        // c-3 has no English name: it sorts by its Chinese one, after the Latin ones.
        assert_eq!(ids, ["a-1", "b-2", "d-4", "c-3"]);
        let mut rows: Vec<u32> = vec![2, 0, 3];
        keys.sort_by_region(&mut rows, Lang::Zh);
        let ids: Vec<&str> = rows
            .iter()
            .map(|&i| ds.stations()[i as usize].id.as_str())
            .collect();
        // 北 < 浙 by code point; the two 浙江省 stations keep file order.
        assert_eq!(ids, ["d-4", "b-2", "c-3"]);
    }

    #[test]
    fn visible_rows_with_overscan() {
        // 40 px rows under a 50 px header, a 400 px viewport.
        assert_eq!(visible_range(0.0, 400.0, 50.0, 40.0, 40_000), 0..17);
        assert_eq!(
            visible_range(50.0 + 4000.0, 400.0, 50.0, 40.0, 40_000),
            92..118
        );
        // The end: the last row is drawn, nothing past it.
        let end = visible_range(50.0 + 40.0 * 40_000.0 - 400.0, 400.0, 50.0, 40.0, 40_000);
        assert_eq!(end.end, 40_000);
        assert!(end.len() <= 10 + 2 * OVERSCAN + 1);
        // Scrolled beyond (a stale scroll position after a search narrowed the rows).
        assert_eq!(visible_range(1e9, 400.0, 50.0, 40.0, 3), 0..3);
        assert_eq!(visible_range(0.0, 400.0, 0.0, 40.0, 0), 0..0);
        // Unmeasured sizes fall back to defaults rather than dividing by zero.
        assert!(visible_range(0.0, 0.0, 0.0, 0.0, 100).len() <= 21 + OVERSCAN);
    }

    #[test]
    fn counts_are_said_in_both_languages() {
        assert_eq!(
            rows_shown(Lang::En, &(0..30), 40_000),
            "Showing rows 1–30 of 40,000"
        );
        assert_eq!(
            rows_shown(Lang::Zh, &(0..30), 40_000),
            "共 40,000 行，当前显示第 1–30 行"
        );
        assert_eq!(matching(Lang::En, 3, 40_000), "3 of 40,000 stations match");
        assert!(more_not_listed(Lang::Zh, 1234).contains("1,234"));
    }

    #[test]
    fn filters_combine() {
        let ds = ds();
        assert_eq!(filter(&ds, Some("浙江省"), None, ""), [0, 2]);
        assert_eq!(
            filter(
                &ds,
                Some("浙江省"),
                Some(PopulationBand::From100kTo200k),
                ""
            ),
            [2]
        );
        assert_eq!(filter(&ds, None, None, "ALPHA"), [1]);
        assert!(filter(&ds, Some("江苏省"), None, "").is_empty());
    }

    #[test]
    fn league_slots_round_trip_to_entries_and_sort() {
        let ds = ds();
        let all: Vec<u32> = (0..4).collect();
        let l = LeagueSlots::new(&ds, &all, "rate", Measure::Level, Normalisation::None);
        assert_eq!(l.ranked, 4);
        assert_eq!(l.comparable(), 4);
        let ids = |order: &[u32]| -> Vec<String> {
            order
                .iter()
                .map(|&k| {
                    ds.stations()[l.slots[k as usize].station as usize]
                        .id
                        .clone()
                })
                .collect()
        };
        let keys = ds.keys();
        assert_eq!(
            ids(&l.display_order(keys, SortKey::Rank, false, Lang::Zh)),
            ["a-1", "b-2", "c-3", "d-4"]
        );
        assert_eq!(
            ids(&l.display_order(keys, SortKey::Value, false, Lang::Zh)),
            ["d-4", "b-2", "c-3", "a-1"]
        );
        assert_eq!(
            ids(&l.display_order(keys, SortKey::Name, true, Lang::En)),
            ["c-3", "d-4", "b-2", "a-1"]
        );
        let e = l.entry(&ds, &l.slots[0]);
        assert_eq!(e.station.id, "a-1");
        assert_eq!(e.figure.map(|f| f.value), Some(95.0));
        assert_eq!(
            e.standing,
            Standing::Ranked {
                rank: 1,
                tied: false,
                percentile: None
            }
        );
        // The same as the borrowed league.
        let sts: Vec<&Station> = ds.stations().iter().collect();
        let borrowed = league(&ds, &sts, "rate", Measure::Level, Normalisation::None);
        for (slot, e) in l.slots.iter().zip(&borrowed.entries) {
            assert_eq!(ds.stations()[slot.station as usize].id, e.station.id);
            assert_eq!(slot.standing, e.standing);
        }
    }

    #[test]
    fn ranking_forty_thousand_is_fast_and_matches_the_definition() {
        // Ranks by definition (stations doing better + 1), on many ties.
        let n = 40_000usize;
        let stations: Vec<serde_json::Value> = (0..n)
            .map(|i| json!({"id": format!("s{i}"), "name": {"zh": format!("所{i}")}, "region": {"province": {"zh": "省"}},
                            "figures": [{"metric": "rate", "value": (i * 7919 % 1000) as f64 / 10.0, "unit": "percent",
                                         "period": {"start": "2024", "end": "2024"}, "source": "s"}]}))
            .collect();
        let doc = json!({
            "schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z",
            "sources": [{"id": "s", "title": {"zh": "来源"}, "publisher": {"zh": "出版"}}],
            "metrics": [{"id": "rate", "label": {"zh": "成功率"}, "unit": "percent", "family": "mediation", "polarity": "higher_is_better"}],
            "stations": stations
        });
        let ds = parse(doc.to_string().as_bytes(), "t.json").unwrap();
        let started = std::time::Instant::now();
        let all: Vec<u32> = (0..n as u32).collect();
        let l = LeagueSlots::new(&ds, &all, "rate", Measure::Level, Normalisation::None);
        let took = started.elapsed();
        assert!(took.as_secs_f64() < 5.0, "{took:?}");
        let mut count = [0usize; 1000];
        for i in 0..n {
            count[i * 7919 % 1000] += 1;
        }
        for slot in l.slots.iter().step_by(997) {
            let v = slot.value.unwrap();
            let k = (v * 10.0).round() as usize;
            let better: usize = count[k + 1..].iter().sum();
            let Standing::Ranked {
                rank,
                tied,
                percentile,
            } = slot.standing
            else {
                panic!("{slot:?}")
            };
            assert_eq!(rank, better + 1);
            assert_eq!(tied, count[k] > 1);
            let beaten: usize = count[..k].iter().sum();
            let expected = (beaten as f64 + (count[k] - 1) as f64 / 2.0) / (n - 1) as f64 * 100.0;
            assert!((percentile.unwrap() - expected).abs() < 1e-9);
        }
    }
}
