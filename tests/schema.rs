//! `public/schema/v1.json` is generated from the Rust types; this test fails when they drift.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test --test schema`.
#![cfg(not(target_arch = "wasm32"))]

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/schema/v1.json");

fn generated() -> String {
    let mut text = serde_json::to_string_pretty(&scorecards_core::json_schema()).unwrap();
    text.push('\n');
    text
}

#[test]
fn published_schema_matches_the_types() {
    let fresh = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(PATH, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        committed == fresh,
        "public/schema/v1.json is out of date with core/src/model.rs: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

#[test]
fn schema_describes_the_key_rules() {
    let schema = scorecards_core::json_schema();
    let text = schema.to_string();
    for needle in [
        "schema_version",
        "year_on_year",
        "at_least",
        "percentage_points",
        "group_coverage",
        "lower_is_better",
        "additionalProperties",
    ] {
        assert!(text.contains(needle), "schema lacks {needle}");
    }
    assert_eq!(schema["type"], "object");
}
