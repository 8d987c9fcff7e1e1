//! Any bytes through the dashboard's parser (`scorecards_core::parse`), the error message
//! in both languages, and — when the bytes load — the pure functions the dashboard runs
//! on a data set: headlines, figures and their formatting, comparisons and league tables
//! with every normalisation, and the CSV and JSON downloads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scorecards_core::compare::{self, Measure, Normalisation, PopulationBand};
use scorecards_core::{export, format, i18n, Dataset, Family, Lang};

fuzz_target!(|data: &[u8]| {
    match scorecards_core::parse(data, "fuzz.json") {
        Err(e) => {
            for lang in Lang::ALL {
                let m = i18n::describe_error(lang, &e);
                assert!(!m.headline.is_empty() && !m.advice.is_empty());
            }
        }
        Ok(ds) => exercise(&ds),
    }
});

/// What the directory, a scorecard, the comparison and the league table compute.
fn exercise(ds: &Dataset) {
    // Bounded, so that one input cannot take seconds: a fuzz input is small anyway.
    let stations: Vec<_> = ds.stations().iter().take(40).collect();
    let metrics: Vec<_> = ds.document().metrics.iter().take(12).collect();
    for lang in Lang::ALL {
        let _ = format::timestamp(lang, &ds.document().generated_at);
        for issue in ds.warnings() {
            let _ = i18n::issue_detail(lang, &issue.kind);
        }
        for st in &stations {
            let _ = lang.pick(&st.name);
            let _ = PopulationBand::of(st);
            let _ = compare::matches_search(st, "所");
            for family in Family::ALL {
                if let Some(fig) = ds.headline(st, family) {
                    let _ = format::figure_value(lang, fig);
                }
                for fig in ds.figures(st, family) {
                    let _ = format::figure_value(lang, fig);
                    let _ = format::period_and_baseline(lang, &fig.period, fig.baseline.as_ref());
                }
                let _ = ds.missing_key_metric(st, family);
            }
            for c in ds.computed(st) {
                let _ = i18n::computed_note(lang, c);
                let _ = format::figure_value(lang, &c.figure);
            }
            for fact in [
                &st.profile.population,
                &st.profile.officers,
                &st.profile.area_km2,
            ]
            .into_iter()
            .flatten()
            {
                let _ = format::area(lang, fact.value, fact.qualifier);
                let _ = format::grouped_number(fact.value);
                let _ = format::chinese_number(fact.value);
            }
            for s in ds.sources_cited(st) {
                if let Some(d) = &s.date {
                    let _ = format::date(lang, d);
                }
            }
        }
    }
    for m in &metrics {
        for measure in [Measure::Level, Measure::Change] {
            for norm in Normalisation::ALL {
                let league = compare::league(ds, &stations, &m.id, measure, norm);
                for lang in Lang::ALL {
                    let rows: Vec<_> = league
                        .entries
                        .iter()
                        .map(|e| export::row(ds, e, &m.id, league.ranked, lang))
                        .collect();
                    let csv = export::to_csv(&rows);
                    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
                    let json = export::to_json(&rows);
                    assert!(
                        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                        "the JSON download does not parse: {json}"
                    );
                }
            }
        }
    }
}
