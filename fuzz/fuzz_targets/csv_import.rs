//! Any bytes through `scorecards import` (`scorecards_cli::import::import`), in memory.
//!
//! The input is split at lines `%%` into the stations, figures, series, sources and
//! metrics tables (in that order). With fewer than five parts the sources and metrics
//! come from the publisher corpus' `base.json`. Whatever import writes must load in the
//! dashboard, and it must never fail with an internal error.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use scorecards_cli::import::{self, Options};
use scorecards_core::Lang;

const BASE: &[u8] = include_bytes!("../../tests/fixtures/publisher/base.json");
const SEPARATOR: &[u8] = b"\n%%\n";

fn split(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() < 4 {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fuzz_target!(|data: &[u8]| {
    let parts = split(data);
    let mut opts = Options {
        lang: if data.len() % 2 == 0 {
            Lang::Zh
        } else {
            Lang::En
        },
        generated_at: Some("2026-01-01T08:00:00+08:00".into()),
        ..Options::default()
    };
    let names = ["stations", "figures", "series", "sources", "metrics"];
    for (part, name) in parts.iter().zip(names) {
        let path = PathBuf::from(format!("/fuzz/{name}.csv"));
        opts.in_memory.push((path.clone(), part.to_vec()));
        let slot = match name {
            "stations" => &mut opts.stations,
            "figures" => &mut opts.figures,
            "series" => &mut opts.series,
            "sources" => &mut opts.sources,
            _ => &mut opts.metrics,
        };
        *slot = Some(path);
    }
    if parts.len() < 5 {
        let path = PathBuf::from("/fuzz/base.json");
        opts.in_memory.push((path.clone(), BASE.to_vec()));
        opts.base = Some(path);
    } else {
        opts.publisher_zh = Some("模糊测试".into());
    }
    let outcome = import::import(&opts);
    assert!(
        !outcome.report.contains("internal error"),
        "{}",
        outcome.report
    );
    if let Some(json) = &outcome.json {
        if let Err(e) = scorecards_core::parse(json.as_bytes(), "import") {
            panic!("import wrote a file the dashboard refuses: {e:?}");
        }
    }
});
