use super::*;
use crate::compare::Difference;
use crate::parse;
use serde_json::json;

/// Five stations on a rate: three share the 2024 basis, one reports 2023 (another basis),
/// one does not report; a count metric reported by one station only.
fn ds() -> Dataset {
    let st = |id: &str, zh: &str, prov: &str, fig: Option<(f64, &str)>| {
        let figures: Vec<serde_json::Value> = fig
            .map(|(v, year)| {
                json!({"metric": "rate", "value": v, "unit": "percent",
                       "period": {"start": year, "end": year}, "source": "s"})
            })
            .into_iter()
            .collect();
        json!({"id": id, "name": {"zh": zh, "en": format!("Station {id}")},
               "region": {"province": {"zh": prov, "en": format!("P-{prov}")}},
               "profile": {"population": {"value": 50000.0, "source": "s"}},
               "figures": figures})
    };
    let mut stations = vec![
        st("a", "甲所", "浙江省", Some((95.0, "2024"))),
        st("b", "乙所", "贵州省", Some((90.0, "2024"))),
        st("c", "丙所", "浙江省", Some((80.0, "2023"))),
        st("d", "丁所", "北京市", None),
        st("e", "戊所", "北京市", Some((85.0, "2024"))),
    ];
    stations[1]["figures"]
        .as_array_mut()
        .unwrap()
        .push(json!({"metric": "cases", "value": 12, "unit": "count",
                     "period": {"start": "2024", "end": "2024"}, "source": "s"}));
    let doc = json!({
        "schema_version": 1, "publisher": {"zh": "测试"}, "generated_at": "2026-01-01T00:00:00Z",
        "sources": [{"id": "s", "title": {"zh": "来源"}, "publisher": {"zh": "出版"}}],
        "metrics": [
            {"id": "cases", "label": {"zh": "案件", "en": "Cases"}, "unit": "count", "family": "incidents", "polarity": "lower_is_better"},
            {"id": "unused", "label": {"zh": "未用", "en": "Unused"}, "unit": "count", "family": "other", "polarity": "neutral"},
            {"id": "rate", "label": {"zh": "成功率", "en": "Success rate"}, "unit": "percent", "family": "mediation", "polarity": "higher_is_better"}
        ],
        "stations": stations
    });
    parse(doc.to_string().as_bytes(), "t.json").unwrap()
}

fn league(ds: &Dataset) -> LeagueSlots {
    let all: Vec<u32> = (0..ds.stations().len() as u32).collect();
    LeagueSlots::new(ds, &all, "rate", Measure::Level, Normalisation::None)
}

#[test]
fn the_metric_most_stations_report_is_shown_unless_one_is_asked() {
    let ds = ds();
    let counts = reported_counts(&ds);
    assert_eq!(counts.get(&("rate".into(), Measure::Level)), Some(&4));
    assert_eq!(counts.get(&("cases".into(), Measure::Level)), Some(&1));
    assert_eq!(counts.get(&("unused".into(), Measure::Level)), None);
    let q = RankQuery::default();
    assert_eq!(
        shown_metric(&ds, &counts, &q),
        ("rate".to_string(), Measure::Level)
    );
    let asked = RankQuery {
        metric: Some("cases".into()),
        ..RankQuery::default()
    };
    assert_eq!(shown_metric(&ds, &counts, &asked).0, "cases");
    // An unknown metric falls back to the most reported one.
    let unknown = RankQuery {
        metric: Some("nope".into()),
        measure: Some(Measure::Change),
        ..RankQuery::default()
    };
    assert_eq!(
        shown_metric(&ds, &counts, &unknown),
        ("rate".to_string(), Measure::Change)
    );
}

#[test]
fn menus_offer_reported_metrics_and_each_province_once() {
    let ds = ds();
    // Catalogue order, without the metric nobody reports.
    assert_eq!(offered_metrics(&ds), [0, 2]);
    let p = provinces(&ds);
    let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["北京市", "浙江省", "贵州省"]);
    // Each names a station of that province.
    for (name, i) in &p {
        assert_eq!(&ds.stations()[*i].region.province.zh, name);
    }
}

#[test]
fn stations_apart_are_grouped_and_said_why() {
    let ds = ds();
    let l = league(&ds);
    assert_eq!(l.ranked, 3);
    let a = apart(&l);
    let id = |s: &&Slot| ds.stations()[s.station as usize].id.clone();
    assert_eq!(a.basis.iter().map(id).collect::<Vec<_>>(), ["c"]);
    assert_eq!(a.missing.iter().map(id).collect::<Vec<_>>(), ["d"]);
    assert_eq!((a.more_basis, a.more_missing), (0, 0));
    assert_eq!(
        a.basis[0].standing,
        Standing::NotComparable(vec![Difference::Period])
    );
    let e = l.entry(&ds, a.basis[0]);
    let fig = e.figure.unwrap();
    assert_eq!(
        apart_line(Lang::En, fig, &e.standing),
        ": 80% (2023) — different period"
    );
    assert!(apart_line(Lang::Zh, fig, &e.standing).starts_with("：80%（2023年）— "));
    assert_eq!(missing_names(&ds, &a.missing, Lang::En), "Station d");
    assert_eq!(missing_names(&ds, &a.missing, Lang::Zh), "丁所");
    assert_eq!(
        apart_reason(
            Lang::En,
            &Standing::NotComparable(vec![Difference::Period, Difference::Unit])
        ),
        "different period, different unit"
    );
    assert_eq!(
        apart_reason(Lang::En, &Standing::NoDenominator),
        Lang::En.strings().no_denominator
    );
}

#[test]
fn long_groups_list_the_first_hundred() {
    let slots: Vec<Slot> = (0..250u32)
        .map(|i| Slot {
            station: i,
            standing: if i < 120 {
                Standing::NoDenominator
            } else {
                Standing::NotReported
            },
            value: None,
        })
        .collect();
    let l = LeagueSlots {
        slots,
        ..LeagueSlots::default()
    };
    let a = apart(&l);
    assert_eq!((a.basis.len(), a.more_basis), (MAX_LISTED, 20));
    assert_eq!((a.missing.len(), a.more_missing), (MAX_LISTED, 30));
    assert_eq!(a.basis[0].station, 0);
    assert_eq!(a.missing[0].station, 120);
}

#[test]
fn summary_and_chart_title_in_both_languages() {
    let ds = ds();
    let l = league(&ds);
    assert_eq!(
        summary_text(&ds, &l, Lang::En),
        "Success rate: 3 stations ranked, 1 on another basis, 1 not reporting. Compared on: 2024"
    );
    assert_eq!(
        summary_text(&ds, &l, Lang::Zh),
        "成功率：3 个派出所参与排名，1 个口径不同，1 个未报告。 可比口径：2024年"
    );
    assert_eq!(chart_title(&ds, &l, Lang::En, 3), "Success rate");
    assert_eq!(
        chart_title(&ds, &l, Lang::En, 2),
        "Success rate (top 2 of 3)"
    );
    assert_eq!(
        chart_title(&ds, &l, Lang::Zh, 2),
        "成功率（前 2 名，共 3 个）"
    );
    assert_eq!(chart_unit(&ds, &l), Unit::Percent);
    assert_eq!(polarity(&ds, &l), Polarity::HigherIsBetter);
    let all: Vec<u32> = (0..5).collect();
    let per = LeagueSlots::new(
        &ds,
        &all,
        "rate",
        Measure::Level,
        Normalisation::Per10kResidents,
    );
    assert_eq!(chart_unit(&ds, &per), Unit::Count);
    assert_eq!(
        chart_title(&ds, &per, Lang::En, 30),
        "Success rate（per 10,000 residents）"
    );
}

#[test]
fn ranked_row_texts() {
    let ranked = Standing::Ranked {
        rank: 3,
        tied: true,
        percentile: Some(66.6),
    };
    assert_eq!(rank_text(Lang::En, &ranked, 40), "3= / 40");
    assert_eq!(percentile_text(&ranked), "67%");
    assert_eq!(rank_text(Lang::En, &Standing::Unranked, 40), "not ranked");
    assert_eq!(percentile_text(&Standing::Unranked), "—");
    let ds = ds();
    let l = league(&ds);
    let e = l.entry(&ds, &l.slots[0]);
    assert_eq!(value_text(Lang::En, &e, Normalisation::None), "95%");
}
