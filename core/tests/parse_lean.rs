//! The lean decode and validation of large files (issue #17): the problems found, with their
//! JSON paths, are the same wherever in the file they are (paths are written out only for a
//! problem), and decoded lists keep no spare capacity.

use scorecards_core::{decode, parse, validate, LoadError};
use serde_json::{json, Value};

const SEEDS_JSON: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/seeds.json");

fn seeds() -> Value {
    serde_json::from_slice(&std::fs::read(SEEDS_JSON).unwrap()).unwrap()
}

/// Problems placed deep in the file, past the first station, figure and series, so that
/// every index in a path is checked.
#[test]
fn problems_deep_in_a_file_are_named_by_their_own_paths() {
    let mut d = seeds();
    d["sources"][3]["url"] = json!("ftp://example.com/a");
    d["metrics"][7]["label"]["zh"] = json!("");
    d["stations"][0]["series"] = json!([
        {"metric": "mediation_success_rate", "start": "2025-01", "values": [90, null, 250],
         "source": "src-meijiang"},
        {"metric": "mediation_success_rate", "start": "2025-01", "values": [90, 91],
         "status": ["reported"], "source": "src-meijiang"}
    ]);
    d["stations"][1]["profile"]["population"]["value"] = json!(-5);
    d["stations"][1]["profile"]["officers"]["source"] = json!("nope");
    d["stations"][2]["id"] = json!("meijiang");
    d["stations"][3]["figures"][2]["source"] = json!("nope");
    d["stations"][3]["figures"][4]["period"] = json!({"start": "2025", "end": "2024"});
    d["stations"][4]["name"]["zh"] = json!(" ");
    let bytes = serde_json::to_vec(&d).unwrap();
    let doc = decode(&bytes, "f.json").unwrap();
    let found: Vec<(String, &str)> = validate(&doc)
        .iter()
        .map(|i| (i.path.clone(), i.kind.code()))
        .collect();
    let expected = [
        ("$.sources[3].url", "not_http_url"),
        ("$.metrics[7].label.zh", "empty_text"),
        ("$.stations[0].series[0].values[2]", "percent_out_of_range"),
        ("$.stations[0].series[1].status", "series_length_mismatch"),
        ("$.stations[1].profile.population.value", "negative"),
        ("$.stations[1].profile.officers.source", "unknown_source"),
        ("$.stations[2].id", "duplicate_id"),
        ("$.stations[3].figures[2].source", "unknown_source"),
        ("$.stations[3].figures[4].period", "period_reversed"),
        ("$.stations[4].name.zh", "empty_text"),
    ];
    let expected: Vec<(String, &str)> = expected.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(found, expected);
    assert!(matches!(
        parse(&bytes, "f.json"),
        Err(LoadError::Invalid { .. })
    ));
}

/// A date is read in place; one that is not a string, or not a date, is refused with the
/// path of the value, as before.
#[test]
fn a_bad_date_is_refused_with_its_path() {
    for (date, detail) in [
        (
            json!(2025),
            "invalid type: integer `2025`, expected a string",
        ),
        (json!("2025-13"), "2025-13"),
    ] {
        let mut d = seeds();
        d["stations"][2]["figures"][1]["period"] = json!({ "end": date });
        let bytes = serde_json::to_vec(&d).unwrap();
        match decode(&bytes, "f.json") {
            Err(LoadError::Structure {
                path, detail: got, ..
            }) => {
                assert_eq!(path, "$.stations[2].figures[1].period.end");
                assert!(got.contains(detail), "{got}");
            }
            other => panic!("{date}: {other:?}"),
        }
    }
    // An escaped string is a date too (the decoder cannot lend it from the bytes).
    let text = String::from_utf8(std::fs::read(SEEDS_JSON).unwrap()).unwrap();
    let escaped = text.replacen("\"2022\"", "\"\\u0032022\"", 1);
    assert_ne!(escaped, text);
    assert_eq!(
        parse(escaped.as_bytes(), "f.json").unwrap().document(),
        parse(text.as_bytes(), "f.json").unwrap().document()
    );
}

/// Lists are decoded without spare capacity (a national file holds many short ones).
#[test]
fn decoded_lists_keep_no_spare_capacity() {
    let mut d = seeds();
    d["stations"][0]["series"] = json!([
        {"metric": "mediation_success_rate", "start": "2025-01",
         "values": [90, 91, 92, 93, 94], "source": "src-meijiang"}
    ]);
    let doc = decode(&serde_json::to_vec(&d).unwrap(), "f.json").unwrap();
    assert_eq!(doc.stations.capacity(), doc.stations.len());
    for st in &doc.stations {
        assert_eq!(st.figures.capacity(), st.figures.len());
        assert_eq!(st.series.capacity(), st.series.len());
        for s in &st.series {
            assert_eq!(s.values.capacity(), s.values.len());
        }
    }
    assert_eq!(doc.stations[0].series[0].values.capacity(), 5);
}
