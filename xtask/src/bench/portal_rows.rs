//! The portal scenario's rows, with the targets of issue 13. The "app" column holds the
//! standalone or portal page, the "reference" column the plain page.

use serde_json::{json, Value};

use super::bytes::Bytes;
use super::portal::{PageMeasured, PortalMeasured};
use super::report::{median, Row, Target, Unit};
use super::BenchOptions;

const KIB: f64 = 1024.0;

fn med(v: &[f64]) -> Option<f64> {
    median(v)
}

fn row(
    key: &str,
    label: &str,
    unit: Unit,
    app: Vec<f64>,
    reference: Vec<f64>,
    notes: (Option<String>, Option<String>),
) -> Row {
    let mut r = Row::new(key, label, unit)
        .values(med(&app), med(&reference))
        .notes(notes.0, notes.1);
    r.samples = (app, reference);
    r
}

pub fn build_rows(opts: &BenchOptions, m: &PortalMeasured) -> Vec<Row> {
    let [plain, standalone, portal] = &m.pages;
    let fail = |p: &PageMeasured| p.failure.clone();
    let mut rows = Vec::new();
    let both = [
        ("standalone", "standalone page", standalone),
        ("portal", "portal page", portal),
    ];

    // One loop per measurement, each a row per page, of the same shape (the `duplicates`
    // tool pairs them): the key, the label, the values and the target differ.
    for (key, name, p) in both {
        rows.push(
            row(
                &format!("portal_first_{key}"),
                &format!("portal, phone: time to first figure, {name} (ref: plain page)"),
                Unit::Ms,
                p.first(),
                plain.first(),
                (fail(p), fail(plain)),
            )
            .target(Target::RatioAtMost(1.0)),
        );
    }
    for (key, name, p) in both {
        rows.push(
            row(
                &format!("portal_bytes_{key}"),
                &format!("portal, phone: bytes transferred before the first figure, {name}"),
                Unit::Bytes,
                p.bytes_before_first(),
                plain.bytes_before_first(),
                (fail(p), fail(plain)),
            )
            .target(Target::AtMost(40.0 * KIB)),
        );
    }
    for (key, name, p) in both {
        let live_note = fail(p).or_else(|| {
            (p.live().is_empty() && !p.first().is_empty())
                .then(|| format!("{name}: the live app never took over"))
        });
        rows.push(
            row(
                &format!("portal_live_{key}"),
                &format!("portal, phone: live app ready, {name} (ref: plain page's first figure)"),
                Unit::Ms,
                p.live(),
                plain.first(),
                (live_note, fail(plain)),
            )
            .target(Target::RatioAtMost(2.0)),
        );
    }
    for (key, name, p) in both {
        rows.push(
            row(
                &format!("portal_cls_{key}"),
                &format!("portal, phone: layout shift (CLS) through the load, {name}"),
                Unit::Shift,
                p.cls(),
                plain.cls(),
                (fail(p), fail(plain)),
            )
            .target(Target::AtMost(0.01)),
        );
    }

    // Lighthouse on the standalone scorecard (the plain page beside it).
    let lh = |p: &PageMeasured, pick: fn(&super::lighthouse::Scores) -> Option<f64>| {
        p.lighthouse.iter().filter_map(pick).collect::<Vec<f64>>()
    };
    let lh_note = |p: &PageMeasured| {
        if opts.lighthouse {
            p.lighthouse_failure.clone()
        } else {
            Some("Lighthouse skipped (--no-lighthouse)".into())
        }
    };
    for (key, label, unit, pick, target) in [
        (
            "portal_lh_performance",
            "Lighthouse performance",
            Unit::Score,
            (|s: &super::lighthouse::Scores| Some(s.performance))
                as fn(&super::lighthouse::Scores) -> Option<f64>,
            Some(Target::AtLeast(98.0)),
        ),
        (
            "portal_lh_accessibility",
            "Lighthouse accessibility",
            Unit::Score,
            |s| Some(s.accessibility),
            Some(Target::AtLeast(100.0)),
        ),
        ("portal_lh_lcp", "Lighthouse LCP", Unit::Ms, |s| s.lcp, None),
    ] {
        let mut r = row(
            key,
            &format!("portal, mobile: {label}, standalone scorecard (ref: plain page)"),
            unit,
            lh(standalone, pick),
            lh(plain, pick),
            (lh_note(standalone), lh_note(plain)),
        );
        if let Some(t) = target {
            r = r.target(t);
        }
        rows.push(r);
    }

    // The WebAssembly: the module the entry glue instantiates, and all fetched before live.
    let no_wasm =
        || fail(portal).or_else(|| Some("the portal page instantiated no WebAssembly".into()));
    let main = m.wasm_main.as_ref().map(|(_, b)| *b);
    let all = (!m.wasm_before_live.is_empty()).then(|| {
        m.wasm_before_live
            .iter()
            .fold(Bytes::default(), |mut acc, (_, b)| {
                acc += *b;
                acc
            })
    });
    let n = m.wasm_before_live.len();
    for (key, label, value, target) in [
        (
            "portal_wasm_main_br",
            "first wasm module (instantiated by the entry glue), brotli".to_string(),
            main.map(|b| b.br),
            Some(Target::AtMost(200.0 * KIB)),
        ),
        (
            "portal_wasm_main_gzip",
            "first wasm module, gzip".to_string(),
            main.map(|b| b.gzip),
            None,
        ),
        (
            "portal_wasm_live_br",
            format!("all wasm fetched before live ready ({n} files), brotli"),
            all.map(|b| b.br),
            None,
        ),
        (
            "portal_wasm_live_gzip",
            format!("all wasm fetched before live ready ({n} files), gzip"),
            all.map(|b| b.gzip),
            None,
        ),
    ] {
        let mut r = Row::new(key, &format!("portal: {label}"), Unit::Bytes)
            .values(value, None)
            .notes(no_wasm(), None);
        if let Some(t) = target {
            r = r.target(t);
        }
        rows.push(r);
    }
    rows
}

/// The scenario's own section of report.json: the profile, the pages, every sample.
pub fn report_json(opts: &BenchOptions, m: &PortalMeasured) -> Value {
    let pages = super::portal::pages(&opts.portal_station, &opts.portal_page);
    let page_json = |i: usize| {
        let p = &m.pages[i];
        json!({
            "url": pages[i].url,
            "first_ms": p.first(), "live_ms": p.live(), "cls": p.cls(),
            "bytes_before_first": p.bytes_before_first(),
            "first_in": p.samples.iter().map(|s| s.first_in.clone()).collect::<Vec<_>>(),
            "failure": p.failure,
            "lighthouse": p.lighthouse.iter().map(|s| json!({
                "performance": s.performance, "accessibility": s.accessibility, "lcp_ms": s.lcp,
            })).collect::<Vec<_>>(),
            "lighthouse_failure": p.lighthouse_failure,
        })
    };
    let file = |(path, b): &(String, Bytes)| json!({ "path": path, "identity": b.identity, "gzip": b.gzip, "br": b.br });
    json!({
        "profile": super::portal::profile_text(),
        "station": opts.portal_station,
        "runs": opts.runs,
        "plain": page_json(0),
        "standalone": page_json(1),
        "portal": page_json(2),
        "wasm_main": m.wasm_main.as_ref().map(file),
        "wasm_before_live": m.wasm_before_live.iter().map(file).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::lighthouse::Scores;
    use super::super::options::parse_args;
    use super::super::portal::Sample;
    use super::super::report::text_table;
    use super::*;
    use crate::cli::Args;
    use std::collections::BTreeMap;

    fn sample(first: f64, live: Option<f64>, bytes: f64, cls: f64) -> Sample {
        Sample {
            first: Some(first),
            live,
            bytes_before_first: Some(bytes),
            cls: Some(cls),
            ..Default::default()
        }
    }

    fn measured() -> PortalMeasured {
        let page = |samples: Vec<Sample>, lh: Option<Scores>| PageMeasured {
            samples,
            lighthouse: lh.into_iter().collect(),
            ..Default::default()
        };
        PortalMeasured {
            pages: [
                page(
                    vec![
                        sample(800.0, None, 9_000.0, 0.0),
                        sample(860.0, None, 9_000.0, 0.0),
                    ],
                    Some(Scores {
                        performance: 100.0,
                        accessibility: 100.0,
                        lcp: Some(1200.0),
                    }),
                ),
                page(
                    vec![
                        sample(3600.0, Some(3600.0), 460_000.0, 0.0),
                        sample(3400.0, Some(3400.0), 460_000.0, 0.0),
                    ],
                    Some(Scores {
                        performance: 88.0,
                        accessibility: 100.0,
                        lcp: Some(3900.0),
                    }),
                ),
                page(
                    vec![
                        sample(700.0, Some(1500.0), 30_000.0, 0.02),
                        sample(760.0, Some(1700.0), 30_000.0, 0.02),
                    ],
                    None,
                ),
            ],
            wasm_main: Some((
                "/pkg/app_bg.wasm".into(),
                Bytes {
                    identity: 1e6,
                    gzip: 250_000.0,
                    br: 190_000.0,
                },
            )),
            wasm_before_live: vec![
                (
                    "/pkg/app_bg.wasm".into(),
                    Bytes {
                        identity: 1e6,
                        gzip: 250_000.0,
                        br: 190_000.0,
                    },
                ),
                (
                    "/pkg/chunk.wasm".into(),
                    Bytes {
                        identity: 1e5,
                        gzip: 30_000.0,
                        br: 25_000.0,
                    },
                ),
            ],
        }
    }

    fn get<'a>(rows: &'a [Row], key: &str) -> &'a Row {
        rows.iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("no row {key}"))
    }

    #[test]
    fn targets_of_issue_13() {
        let opts =
            parse_args(Args::parse("bench", &["--portal-only".to_string()]).unwrap()).unwrap();
        let rows = build_rows(&opts, &measured());
        // Medians against the plain page's median (830 ms).
        let first = get(&rows, "portal_first_standalone");
        assert_eq!((first.app, first.reference), (Some(3500.0), Some(830.0)));
        assert_eq!(first.met(), Some(false));
        assert_eq!(get(&rows, "portal_first_portal").met(), Some(true));
        assert_eq!(get(&rows, "portal_bytes_standalone").met(), Some(false));
        assert_eq!(get(&rows, "portal_bytes_portal").met(), Some(true));
        // Live ready ≤ 2.0× the plain page's first figure: 1600 / 830 = 1.93.
        assert_eq!(get(&rows, "portal_live_portal").met(), Some(true));
        assert_eq!(get(&rows, "portal_live_standalone").met(), Some(false));
        assert_eq!(get(&rows, "portal_cls_standalone").met(), Some(true));
        assert_eq!(get(&rows, "portal_cls_portal").met(), Some(false));
        assert_eq!(get(&rows, "portal_lh_performance").met(), Some(false));
        assert_eq!(get(&rows, "portal_lh_accessibility").met(), Some(true));
        assert_eq!(get(&rows, "portal_lh_lcp").app, Some(3900.0));
        assert_eq!(get(&rows, "portal_wasm_main_br").met(), Some(true));
        assert_eq!(get(&rows, "portal_wasm_live_br").app, Some(215_000.0));
        assert!(get(&rows, "portal_wasm_live_gzip")
            .label
            .contains("(2 files)"));
        let text = text_table(&rows, &BTreeMap::new());
        assert!(text.contains("≤ 40.0 KiB"), "{text}");
        assert!(text.contains("≤ 2× ref"), "{text}");
        assert!(text.contains("≤ 0.010"), "{text}");
    }

    #[test]
    fn missing_values_are_explained_not_zero() {
        let opts = parse_args(
            Args::parse(
                "bench",
                &["--portal-only".to_string(), "--no-lighthouse".to_string()],
            )
            .unwrap(),
        )
        .unwrap();
        let mut m = measured();
        m.pages[2] = PageMeasured {
            samples: vec![Sample {
                error: Some("看板无法启动".into()),
                ..Default::default()
            }],
            failure: Some("看板无法启动".into()),
            ..Default::default()
        };
        m.wasm_main = None;
        m.wasm_before_live.clear();
        for p in &mut m.pages {
            p.lighthouse.clear();
        }
        let rows = build_rows(&opts, &m);
        let first = get(&rows, "portal_first_portal");
        assert_eq!(first.app, None);
        assert_eq!(first.met(), None);
        assert_eq!(first.app_note.as_deref(), Some("看板无法启动"));
        let lh = get(&rows, "portal_lh_performance");
        assert_eq!(lh.app, None);
        assert_eq!(
            lh.app_note.as_deref(),
            Some("Lighthouse skipped (--no-lighthouse)")
        );
        assert_eq!(
            get(&rows, "portal_wasm_main_br").app_note.as_deref(),
            Some("看板无法启动")
        );
        let json = report_json(&opts, &m);
        assert_eq!(json["portal"]["failure"], "看板无法启动");
        assert_eq!(json["plain"]["first_ms"], json!([800.0, 860.0]));
    }
}
