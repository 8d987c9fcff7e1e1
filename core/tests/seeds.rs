//! The published seed data (`public/data/seeds.json`): it loads, it has the five stations in
//! order, a sample of transcribed figures is exactly as the reports print them, and every
//! quote occurs verbatim in the report it is attributed to (`/work/shared/seeds`).

use std::path::{Path, PathBuf};

use scorecards_core::{
    parse, Baseline, Dataset, Family, PartialDate, Period, Qualifier, Station, Unit,
};

const SEEDS_JSON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/seeds.json");
const REPORTS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");

const STATION_IDS: [&str; 5] = ["meijiang", "xishan", "guizhu", "zhaobaoshan", "huazhonglu"];

fn load() -> Dataset {
    let bytes =
        std::fs::read(SEEDS_JSON).unwrap_or_else(|e| panic!("cannot read {SEEDS_JSON}: {e}"));
    match parse(&bytes, "seeds.json") {
        Ok(ds) => ds,
        Err(e) => panic!("seeds.json does not load:\n{e:#?}"),
    }
}

fn station<'a>(ds: &'a Dataset, id: &str) -> &'a Station {
    ds.station(id)
        .unwrap_or_else(|| panic!("station `{id}` missing"))
}

fn year(y: i32) -> PartialDate {
    PartialDate::Year(y)
}

/// Asserts that the station has a figure with exactly these attributes; returns its period.
#[allow(clippy::too_many_arguments)]
fn expect_figure(
    ds: &Dataset,
    station_id: &str,
    metric: &str,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    baseline: Option<Baseline>,
) -> Period {
    let st = station(ds, station_id);
    let found = st.figures.iter().find(|f| {
        f.metric == metric
            && (f.value - value).abs() < 1e-9
            && f.unit == unit
            && f.qualifier == qualifier
            && f.baseline == baseline
    });
    match found {
        Some(f) => f.period.clone(),
        None => panic!(
            "{station_id}: no figure {metric} = {value} {unit:?} {qualifier:?} {baseline:?}; \
             the station's {metric} figures are {:#?}",
            st.figures
                .iter()
                .filter(|f| f.metric == metric)
                .collect::<Vec<_>>()
        ),
    }
}

// One test per seed report, each checking its figures as published with `expect_figure`:
// the checks are of the same shape by design (the `duplicates` tool pairs them).

#[test]
fn seeds_load_with_the_five_stations_in_order() {
    let ds = load();
    let ids: Vec<&str> = ds.stations().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, STATION_IDS);
    assert!(
        !ds.is_synthetic(),
        "the seeds are real reports, not synthetic data"
    );
    for st in ds.stations() {
        assert!(
            st.series.is_empty(),
            "{}: the reports have no monthly data",
            st.id
        );
        assert!(!st.figures.is_empty(), "{}: no figures", st.id);
    }
    for src in &ds.document().sources {
        assert!(
            src.url.is_none(),
            "{}: no report prints its address",
            src.id
        );
    }
}

#[test]
fn transcribed_figures() {
    let ds = load();
    use Qualifier::{About, AtLeast, Exact};
    use Unit::*;

    // Meijiang (Tianjin)
    let p = expect_figure(
        &ds,
        "meijiang",
        "incidents",
        -12.9,
        Percent,
        Exact,
        Some(Baseline::YearOnYear),
    );
    assert_eq!(
        p,
        Period {
            start: Some(year(2024)),
            end: Some(year(2024))
        }
    );
    let p = expect_figure(
        &ds,
        "meijiang",
        "criminal_incidents",
        -39.8,
        Percent,
        Exact,
        Some(Baseline::YearOnYear),
    );
    assert_eq!(
        p,
        Period {
            start: Some(year(2024)),
            end: Some(year(2024))
        }
    );
    expect_figure(
        &ds,
        "meijiang",
        "community_groups",
        389.0,
        Count,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "meijiang",
        "group_population_coverage",
        86.59,
        Percent,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "meijiang",
        "group_members",
        46_000.0,
        People,
        About,
        None,
    );
    expect_figure(
        &ds,
        "meijiang",
        "anti_fraud_outreach",
        5_200_000.0,
        PersonTimes,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "meijiang",
        "fraud_cases",
        -41.0,
        Percent,
        Exact,
        Some(Baseline::YearOnYear),
    );
    expect_figure(
        &ds,
        "meijiang",
        "vehicle_moving_incidents",
        -35.7,
        Percent,
        Exact,
        Some(Baseline::Unstated),
    );
    expect_figure(
        &ds,
        "meijiang",
        "hotline_12345_complaints",
        -81.25,
        Percent,
        Exact,
        Some(Baseline::Unstated),
    );

    // Xishan (Guiping, Guangxi)
    let p = expect_figure(
        &ds,
        "xishan",
        "incidents",
        -45.0,
        Percent,
        About,
        Some(Baseline::Since { date: year(2018) }),
    );
    assert_eq!(
        p,
        Period {
            start: Some(year(2018)),
            end: None
        }
    );
    expect_figure(
        &ds,
        "xishan",
        "mediation_success_rate",
        92.0,
        Percent,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "xishan",
        "criminal_cases_filed",
        111.0,
        Count,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "xishan",
        "criminal_cases_solved",
        60.0,
        Count,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "xishan",
        "criminal_clearance_rate",
        54.0,
        Percent,
        Exact,
        None,
    );

    // Guizhu (Guiyang Huaxi)
    expect_figure(
        &ds,
        "guizhu",
        "dispute_major_incidents",
        0.0,
        Count,
        Exact,
        None,
    );
    expect_figure(&ds, "guizhu", "volunteer_teams", 10.0, Count, Exact, None);
    expect_figure(&ds, "guizhu", "volunteer_teams", 3.0, Count, Exact, None);
    expect_figure(&ds, "guizhu", "volunteer_teams", 2.0, Count, Exact, None);

    // Zhaobaoshan (Ningbo Zhenhai)
    expect_figure(
        &ds,
        "zhaobaoshan",
        "disputes_mediated",
        1800.0,
        Count,
        AtLeast,
        None,
    );
    expect_figure(
        &ds,
        "zhaobaoshan",
        "mediation_success_rate",
        99.3,
        Percent,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "zhaobaoshan",
        "mediation_amount_involved",
        19_000_000.0,
        Yuan,
        AtLeast,
        None,
    );
    let p = expect_figure(
        &ds,
        "zhaobaoshan",
        "fraud_cases",
        -14.3,
        Percent,
        Exact,
        Some(Baseline::Period {
            start: year(2019),
            end: year(2019),
        }),
    );
    assert_eq!(
        p,
        Period {
            start: Some(year(2022)),
            end: Some(year(2022))
        }
    );
    expect_figure(
        &ds,
        "zhaobaoshan",
        "daily_incidents",
        16.7,
        Count,
        Exact,
        None,
    );
    expect_figure(
        &ds,
        "zhaobaoshan",
        "daily_incidents",
        -26.1,
        Percent,
        Exact,
        Some(Baseline::YearsEarlier { years: 6 }),
    );
    expect_figure(
        &ds,
        "zhaobaoshan",
        "preventable_cases",
        -7.0,
        Percent,
        Exact,
        Some(Baseline::AnnualAverage),
    );
    expect_figure(
        &ds,
        "zhaobaoshan",
        "zero_case_compounds",
        40.0,
        Count,
        Exact,
        None,
    );

    // Huazhonglu (Anqing Yingjiang)
    expect_figure(
        &ds,
        "huazhonglu",
        "mediation_success_rate",
        95.0,
        Percent,
        AtLeast,
        None,
    );
    expect_figure(
        &ds,
        "huazhonglu",
        "disputes_mediated",
        1100.0,
        Count,
        AtLeast,
        None,
    );
    expect_figure(
        &ds,
        "huazhonglu",
        "fraud_prevented",
        30.0,
        Count,
        AtLeast,
        None,
    );
    let p = expect_figure(
        &ds,
        "huazhonglu",
        "incidents",
        -7.0,
        Percent,
        Exact,
        Some(Baseline::YearOnYear),
    );
    assert_eq!(
        p,
        Period {
            start: Some(year(2023)),
            end: None
        }
    );
}

#[test]
fn transcribed_profiles() {
    let ds = load();
    let mj = &station(&ds, "meijiang").profile;
    let pop = mj.population.as_ref().expect("meijiang population");
    assert_eq!((pop.value, pop.qualifier), (53_000.0, Qualifier::AtLeast));
    assert_eq!(mj.area_km2.as_ref().map(|f| f.value), Some(5.02));
    assert_eq!(mj.officers.as_ref().map(|f| f.value), Some(50.0));
    assert_eq!(mj.auxiliary_officers.as_ref().map(|f| f.value), Some(44.0));
    assert_eq!(
        mj.founded.as_ref().map(|f| f.date.to_string()).as_deref(),
        Some("2004-11-01")
    );

    let xs = &station(&ds, "xishan").profile;
    let officers = xs.officers.as_ref().expect("xishan officers");
    assert_eq!(
        (officers.value, officers.qualifier),
        (12.0, Qualifier::Exact)
    );
    let pop = xs.population.as_ref().expect("xishan population");
    assert_eq!((pop.value, pop.qualifier), (110_000.0, Qualifier::Exact));
    assert!(
        xs.founded.is_none(),
        "the Xishan report gives no founding date"
    );

    // The other reports state none of the profile facts.
    for id in ["guizhu", "zhaobaoshan", "huazhonglu"] {
        let p = &station(&ds, id).profile;
        assert!(
            p.area_km2.is_none()
                && p.population.is_none()
                && p.officers.is_none()
                && p.auxiliary_officers.is_none()
                && p.founded.is_none(),
            "{id}: profile facts the report does not state"
        );
    }
}

#[test]
fn guizhu_reports_no_fraud_figure() {
    let ds = load();
    let gz = station(&ds, "guizhu");
    assert!(
        ds.figures(gz, Family::Fraud).is_empty(),
        "the Guizhu report gives no fraud number, so its fraud panel must read \"not reported\""
    );
    assert!(ds.headline(gz, Family::Fraud).is_none());
}

/// The report text of each station: the one seed file in which the station's Chinese name occurs.
fn report_texts(ds: &Dataset) -> Vec<(String, PathBuf, String)> {
    let dir = Path::new(REPORTS_DIR);
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "the seed reports folder {} is not readable ({e}); the quotes in seeds.json \
             cannot be checked without it",
            dir.display()
        )
    });
    let mut files: Vec<(PathBuf, String)> = entries
        .map(|e| e.expect("reading the seed reports folder").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (p, text)
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= STATION_IDS.len(),
        "expected at least {} reports in {}, found {}",
        STATION_IDS.len(),
        dir.display(),
        files.len()
    );
    ds.stations()
        .iter()
        .map(|st| {
            let matching: Vec<&(PathBuf, String)> = files
                .iter()
                .filter(|(_, t)| t.contains(&st.name.zh))
                .collect();
            assert_eq!(
                matching.len(),
                1,
                "{}: expected exactly one report naming {}, found {:?}",
                st.id,
                st.name.zh,
                matching.iter().map(|(p, _)| p).collect::<Vec<_>>()
            );
            (st.id.clone(), matching[0].0.clone(), matching[0].1.clone())
        })
        .collect()
}

#[test]
fn every_quote_occurs_verbatim_in_its_report() {
    let ds = load();
    let mut problems = Vec::new();
    for (id, path, text) in report_texts(&ds) {
        let st = station(&ds, &id);
        let p = &st.profile;
        let mut quotes: Vec<(String, Option<&String>)> = Vec::new();
        for (name, fact) in [
            ("area_km2", &p.area_km2),
            ("population", &p.population),
            ("officers", &p.officers),
            ("auxiliary_officers", &p.auxiliary_officers),
        ] {
            if let Some(f) = fact {
                quotes.push((format!("profile.{name}"), f.quote.as_ref()));
            }
        }
        if let Some(f) = &p.founded {
            quotes.push(("profile.founded".to_string(), f.quote.as_ref()));
        }
        for (i, f) in st.figures.iter().enumerate() {
            if f.source != format!("src-{id}") {
                problems.push(format!(
                    "{id}.figures[{i}]: cites {} rather than its own report",
                    f.source
                ));
            }
            quotes.push((format!("figures[{i}] ({})", f.metric), f.quote.as_ref()));
        }
        for (what, quote) in quotes {
            match quote {
                None => problems.push(format!("{id}.{what}: no quote")),
                Some(q) if q.trim().is_empty() => {
                    problems.push(format!("{id}.{what}: empty quote"))
                }
                Some(q) if !text.contains(q.as_str()) => problems.push(format!(
                    "{id}.{what}: quote {q:?} does not occur in {}",
                    path.display()
                )),
                Some(_) => {}
            }
        }
    }
    assert!(
        problems.is_empty(),
        "quote problems:\n{}",
        problems.join("\n")
    );
}
