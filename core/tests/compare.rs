//! Comparability, normalisation, ranking and percentiles on small hand-made data sets.

mod support;

use scorecards_core::compare::*;
use scorecards_core::{parse, Dataset};
use serde_json::json;

/// A test station: id, population, officers, figures.
type StationSpec<'a> = (&'a str, Option<f64>, Option<f64>, Vec<serde_json::Value>);

/// A data set whose stations have the given (population, officers, figures).
fn dataset(stations: Vec<StationSpec<'_>>) -> Dataset {
    let stations: Vec<_> = stations
        .into_iter()
        .map(|(id, pop, officers, figures)| {
            let mut profile = serde_json::Map::new();
            if let Some(p) = pop {
                profile.insert("population".into(), json!({"value": p, "source": "s"}));
            }
            if let Some(o) = officers {
                profile.insert("officers".into(), json!({"value": o, "source": "s"}));
            }
            json!({
                "id": id, "name": {"zh": format!("{id}所"), "en": format!("{id} station")},
                "region": {"province": {"zh": "省"}}, "profile": profile, "figures": figures
            })
        })
        .collect();
    let doc = json!({
        "schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z",
        "sources": [{"id": "s", "title": {"zh": "来源"}, "publisher": {"zh": "出版"}}],
        "metrics": [
            {"id": "rate", "label": {"zh": "成功率"}, "unit": "percent", "family": "mediation", "polarity": "higher_is_better"},
            {"id": "incidents", "label": {"zh": "警情"}, "unit": "count", "family": "incidents", "polarity": "lower_is_better"},
            {"id": "groups", "label": {"zh": "群组"}, "unit": "count", "family": "group_coverage", "polarity": "neutral"}
        ],
        "stations": stations
    });
    parse(doc.to_string().as_bytes(), "t.json").expect("valid test data")
}

fn rate(v: f64) -> serde_json::Value {
    json!({"metric": "rate", "value": v, "unit": "percent", "period": {"start": "2024", "end": "2024"}, "source": "s"})
}

fn level(metric: &str, v: f64) -> serde_json::Value {
    json!({"metric": metric, "value": v, "unit": "count", "period": {"start": "2024", "end": "2024"}, "source": "s"})
}

fn yoy(v: f64, year: &str) -> serde_json::Value {
    json!({"metric": "incidents", "value": v, "unit": "percent", "period": {"start": year, "end": year}, "baseline": {"kind": "year_on_year"}, "source": "s"})
}

fn standings(l: &League<'_>) -> Vec<(String, Standing)> {
    l.entries
        .iter()
        .map(|e| (e.station.id.clone(), e.standing.clone()))
        .collect()
}

fn ranked(rank: usize, tied: bool, percentile: Option<f64>) -> Standing {
    Standing::Ranked {
        rank,
        tied,
        percentile,
    }
}

#[test]
fn ties_share_a_rank_and_the_next_rank_is_skipped() {
    let ds = dataset(vec![
        ("a", None, None, vec![rate(90.0)]),
        ("b", None, None, vec![rate(95.0)]),
        ("c", None, None, vec![rate(90.0)]),
        ("d", None, None, vec![rate(80.0)]),
    ]);
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "rate", Measure::Level, Normalisation::None);
    assert_eq!(l.ranked, 4);
    assert_eq!(
        standings(&l),
        vec![
            ("b".into(), ranked(1, false, None)),
            ("a".into(), ranked(2, true, None)),
            ("c".into(), ranked(2, true, None)),
            ("d".into(), ranked(4, false, None)),
        ]
    );
}

#[test]
fn lower_is_better_ranks_declines_first() {
    let ds = dataset(vec![
        ("a", None, None, vec![yoy(-5.0, "2024")]),
        ("b", None, None, vec![yoy(-12.9, "2024")]),
        ("c", None, None, vec![yoy(3.0, "2024")]),
    ]);
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "incidents", Measure::Change, Normalisation::None);
    let order: Vec<_> = l.entries.iter().map(|e| e.station.id.as_str()).collect();
    assert_eq!(order, ["b", "a", "c"]);
}

#[test]
fn different_periods_are_not_comparable_and_not_ranked() {
    let ds = dataset(vec![
        ("a", None, None, vec![yoy(-12.9, "2024")]),
        ("b", None, None, vec![yoy(-7.0, "2023")]),
        ("c", None, None, vec![yoy(-3.0, "2024")]),
        ("d", None, None, vec![]),
    ]);
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "incidents", Measure::Change, Normalisation::None);
    assert_eq!(
        standings(&l),
        vec![
            ("a".into(), ranked(1, false, None)),
            ("c".into(), ranked(2, false, None)),
            (
                "b".into(),
                Standing::NotComparable(vec![Difference::Period])
            ),
            ("d".into(), Standing::NotReported),
        ]
    );
}

#[test]
fn a_lone_comparable_figure_is_not_ranked_and_bounds_are_not_ordered() {
    let mut bound = rate(95.0);
    bound["qualifier"] = json!("at_least");
    let ds = dataset(vec![
        ("a", None, None, vec![rate(90.0)]),
        ("b", None, None, vec![bound]),
    ]);
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "rate", Measure::Level, Normalisation::None);
    assert_eq!(l.ranked, 0);
    assert_eq!(
        standings(&l),
        vec![
            ("a".into(), Standing::Unranked),
            ("b".into(), Standing::NotComparable(vec![Difference::Bound])),
        ]
    );
}

#[test]
fn single_station_and_all_missing() {
    let ds = dataset(vec![
        ("a", None, None, vec![rate(90.0)]),
        ("b", None, None, vec![]),
    ]);
    let one = [&ds.stations()[0]];
    let l = league(&ds, &one, "rate", Measure::Level, Normalisation::None);
    assert_eq!(standings(&l), vec![("a".into(), Standing::Unranked)]);
    let none = [&ds.stations()[1]];
    let l = league(&ds, &none, "rate", Measure::Level, Normalisation::None);
    assert!(l.basis.is_none());
    assert_eq!(standings(&l), vec![("b".into(), Standing::NotReported)]);
}

#[test]
fn neutral_metrics_are_never_ranked() {
    let ds = dataset(vec![
        ("a", None, None, vec![level("groups", 3.0)]),
        ("b", None, None, vec![level("groups", 9.0)]),
    ]);
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "groups", Measure::Level, Normalisation::None);
    assert_eq!(l.ranked, 0);
    assert!(l.entries.iter().all(|e| e.standing == Standing::Unranked));
}

#[test]
fn normalisation_divides_by_the_denominator_and_refuses_zero_or_missing() {
    let ds = dataset(vec![
        (
            "a",
            Some(50_000.0),
            Some(10.0),
            vec![level("incidents", 100.0)],
        ),
        (
            "b",
            Some(20_000.0),
            Some(0.0),
            vec![level("incidents", 60.0)],
        ),
        ("c", None, None, vec![level("incidents", 10.0)]),
    ]);
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(
        &ds,
        &sts,
        "incidents",
        Measure::Level,
        Normalisation::Per10kResidents,
    );
    let a = l.entries.iter().find(|e| e.station.id == "a").unwrap();
    assert_eq!(a.value, Some(20.0));
    assert_eq!(a.denominator.map(|f| f.value), Some(50_000.0));
    let c = l.entries.iter().find(|e| e.station.id == "c").unwrap();
    assert_eq!(c.standing, Standing::NoDenominator);
    assert_eq!(c.value, None, "no value is made up");
    // b: 60 / 2 = 30 per 10k, worse than a's 20 (lower is better).
    assert_eq!(l.entries[0].station.id, "a");
    let l = league(
        &ds,
        &sts,
        "incidents",
        Measure::Level,
        Normalisation::PerOfficer,
    );
    let b = l.entries.iter().find(|e| e.station.id == "b").unwrap();
    assert_eq!(
        b.standing,
        Standing::NoDenominator,
        "zero officers is no denominator"
    );
}

#[test]
fn rates_and_changes_are_not_normalised() {
    let ds = dataset(vec![(
        "a",
        Some(10_000.0),
        None,
        vec![rate(90.0), yoy(-3.0, "2024")],
    )]);
    let st = &ds.stations()[0];
    assert!(!Normalisation::Per10kResidents.applies_to(&st.figures[0]));
    assert!(!Normalisation::Per10kResidents.applies_to(&st.figures[1]));
    let l = league(
        &ds,
        &[st],
        "rate",
        Measure::Level,
        Normalisation::Per10kResidents,
    );
    assert_eq!(l.entries[0].value, Some(90.0), "a rate stays a rate");
}

#[test]
fn percentiles_need_enough_stations() {
    let figs = [50.0, 60.0, 70.0, 70.0, 90.0];
    let ds = dataset(
        figs.iter()
            .enumerate()
            .map(|(i, v)| (["a", "b", "c", "d", "e"][i], None, None, vec![rate(*v)]))
            .collect(),
    );
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "rate", Measure::Level, Normalisation::None);
    let p: Vec<_> = l
        .entries
        .iter()
        .map(|e| match e.standing {
            Standing::Ranked { percentile, .. } => percentile,
            _ => None,
        })
        .collect();
    // e beats 4 of 4; c and d beat 2 and tie 1; b beats 1; a none.
    assert_eq!(
        p,
        vec![Some(100.0), Some(62.5), Some(62.5), Some(25.0), Some(0.0)]
    );
    let four: Vec<_> = sts[..4].to_vec();
    let l = league(&ds, &four, "rate", Measure::Level, Normalisation::None);
    assert!(l.entries.iter().all(|e| matches!(
        e.standing,
        Standing::Ranked {
            percentile: None,
            ..
        }
    )));
}

#[test]
fn scoped_figures_are_only_a_fallback() {
    let mut scoped = level("incidents", 5.0);
    scoped["scope"] = json!({"zh": "某调解室"});
    let ds = dataset(vec![
        (
            "a",
            None,
            None,
            vec![scoped.clone(), level("incidents", 50.0)],
        ),
        ("b", None, None, vec![scoped]),
    ]);
    let a = &ds.stations()[0];
    assert_eq!(
        pick(a, "incidents", Measure::Level).map(|f| f.value),
        Some(50.0)
    );
    let b = &ds.stations()[1];
    assert_eq!(
        pick(b, "incidents", Measure::Level).map(|f| f.value),
        Some(5.0)
    );
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "incidents", Measure::Level, Normalisation::None);
    let b = l.entries.iter().find(|e| e.station.id == "b").unwrap();
    assert_eq!(b.standing, Standing::NotComparable(vec![Difference::Scope]));
}

#[test]
fn search_and_population_bands() {
    let ds = dataset(vec![
        ("meijiang", Some(53_000.0), None, vec![]),
        ("xishan", Some(110_000.0), None, vec![]),
        ("x", None, None, vec![]),
    ]);
    let st = &ds.stations()[0];
    assert!(matches_search(st, "MEI"));
    assert!(matches_search(st, "meijiang所"));
    assert!(matches_search(st, "meijiang STATION"));
    assert!(!matches_search(st, "xishan"));
    assert_eq!(PopulationBand::of(st), Some(PopulationBand::From50kTo100k));
    assert_eq!(
        PopulationBand::of(&ds.stations()[1]),
        Some(PopulationBand::From100kTo200k)
    );
    assert_eq!(PopulationBand::of(&ds.stations()[2]), None);
}

#[test]
fn the_seed_figures_are_honestly_not_comparable() {
    let bytes = support::public_data("seeds.json");
    let ds = parse(&bytes, "seeds.json").unwrap();
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "incidents", Measure::Change, Normalisation::None);
    // Meijiang (2024 yoy), Xishan (about, since 2018), Huazhonglu (since 2023 yoy): three bases.
    assert_eq!(l.ranked, 0);
    let reported = l.entries.iter().filter(|e| e.figure.is_some()).count();
    assert_eq!(reported, 3);
}

#[test]
fn changes_are_computed_from_series_when_not_reported_and_say_so() {
    let months = |a: f64, b: f64| -> Vec<f64> { [vec![a; 12], vec![b; 12]].concat() };
    let series = |vals: Vec<f64>| json!([{ "metric": "incidents", "start": "2024-01", "values": vals, "source": "s" }]);
    let mut doc = json!({
        "schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z",
        "sources": [{"id": "s", "title": {"zh": "来源"}, "publisher": {"zh": "出版"}}],
        "metrics": [{"id": "incidents", "label": {"zh": "警情"}, "unit": "count", "family": "incidents", "polarity": "lower_is_better"}],
        "stations": [
            {"id": "a", "name": {"zh": "甲"}, "region": {"province": {"zh": "省"}}, "series": series(months(10.0, 9.0))},
            {"id": "b", "name": {"zh": "乙"}, "region": {"province": {"zh": "省"}}, "series": series(months(10.0, 12.0))},
            {"id": "c", "name": {"zh": "丙"}, "region": {"province": {"zh": "省"}},
             "figures": [yoy(-30.0, "2025")], "series": series(months(10.0, 10.0))}
        ]
    });
    doc["stations"][2]["figures"][0]["metric"] = json!("incidents");
    let ds = parse(doc.to_string().as_bytes(), "t.json").unwrap();
    let sts: Vec<_> = ds.stations().iter().collect();
    let l = league(&ds, &sts, "incidents", Measure::Change, Normalisation::None);
    let by = |id: &str| l.entries.iter().find(|e| e.station.id == id).unwrap();
    assert!(by("a").computed.is_some() && by("b").computed.is_some());
    assert!(
        by("c").computed.is_none(),
        "a reported figure wins over a computed one"
    );
    assert_eq!(by("a").value, Some(-10.0));
    assert_eq!(by("b").value, Some(20.0));
    // All three cover 2025 year-on-year: comparable and ranked.
    let order: Vec<_> = l.entries.iter().map(|e| e.station.id.as_str()).collect();
    assert_eq!(order, ["c", "a", "b"]);
    assert_eq!(l.ranked, 3);
}
