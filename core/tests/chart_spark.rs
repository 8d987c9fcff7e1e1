//! The headline tiles' sparkline: its window of months, its geometry, and its drawing to SVG
//! (the same drawing code the browser runs on a canvas), in the light and a dark theme.

mod support;

use scorecards_core::chart::*;
use scorecards_core::{Lang, Series, Unit, ValueStatus};
use support::{month, points, series, to_svg};

/// 30 months from Jan 2024: the sparkline keeps the last 24 (Jul 2024 – Jun 2026). Missing:
/// Sep 2025 and Nov 2025 (so Oct 2025 stands alone); estimated: May and Jun 2026.
fn gappy() -> Series {
    let mut v: Vec<Option<f64>> = (0..30)
        .map(|i| Some(100.0 + (i % 5) as f64 * 10.0))
        .collect();
    let mut st = vec![ValueStatus::Reported; 30];
    for i in [20, 22] {
        v[i] = None;
        st[i] = ValueStatus::Missing;
    }
    st[28] = ValueStatus::Estimated;
    st[29] = ValueStatus::Estimated;
    series("2024-01", &v, Some(st))
}

fn draw(s: &Series, size: (u32, u32), theme: &ChartTheme) -> (String, SparkLayout) {
    let (svg, lay, _) = to_svg(size, |root, _| draw_spark(root, s, 1.0, theme).unwrap());
    (svg, lay)
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[test]
fn the_window_is_the_last_24_months_with_gaps_kept() {
    let s = gappy();
    let w = spark_window(&s);
    assert_eq!(w.len(), SPARK_MONTHS);
    assert_eq!(w[0].0, month("2024-07"));
    assert_eq!(w.last().unwrap().0, month("2026-06"));
    let missing: Vec<i64> = w
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(m, _)| *m)
        .collect();
    assert_eq!(missing, [month("2025-09"), month("2025-11")]);
    // A short series is shown whole; one with fewer than two values gives nothing to draw.
    let short = series("2025-01", &[Some(1.0); 14], None);
    assert_eq!(spark_window(&short).len(), 14);
    assert!(spark_window(&series("2025-01", &[Some(1.0), None, None], None)).is_empty());
}

#[test]
fn geometry_splits_runs_at_gaps_and_fills_the_box() {
    let s = gappy();
    let lay = spark_layout(&s, 200.0, 40.0, 1.0);
    assert_eq!(lay.points.len(), 22);
    let run_lengths: Vec<usize> = lay.runs.iter().map(Vec::len).collect();
    assert_eq!(
        run_lengths,
        [14, 1, 7],
        "Oct 2025 stands alone between two gaps"
    );
    assert_eq!(lay.missing.len(), 2);
    // Inside the box, months left to right, the highest value at the top.
    let xs: Vec<f64> = lay.points.iter().map(|p| p.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    assert!(xs[0] >= 0.0 && *xs.last().unwrap() <= 200.0);
    let top = lay.points.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
    let high = lay
        .points
        .iter()
        .find(|p| p.y == top)
        .map(|p| p.point.value)
        .unwrap();
    assert_eq!(high, 140.0);
    assert!(lay.points.iter().all(|p| (0.0..=40.0).contains(&p.y)));
    // A gap's band lies between its neighbours.
    let (x0, x1) = lay.missing[0];
    let before = lay
        .points
        .iter()
        .find(|p| p.point.month == month("2025-08"))
        .unwrap();
    let after = lay
        .points
        .iter()
        .find(|p| p.point.month == month("2025-10"))
        .unwrap();
    assert!(before.x < x0 && x1 < after.x, "{x0}..{x1}");
    // A flat series sits in the middle rather than dividing by zero.
    let flat = spark_layout(&series("2025-01", &[Some(5.0); 12], None), 100.0, 30.0, 1.0);
    assert!(flat.points.iter().all(|p| p.y == 15.0));
}

#[test]
fn svg_has_one_line_per_run_hollow_estimates_and_no_line_across_a_gap() {
    let s = gappy();
    let (svg, lay) = draw(&s, (200, 40), &ChartTheme::LIGHT);
    let blue = ChartTheme::LIGHT.series(0).color.hex();
    // Two runs of two or more months: two polylines; the lone month is a dot.
    assert_eq!(count(&svg, "<polyline"), 2, "{svg}");
    // Each estimate is hollow: a disc of the background with a ring of the line colour. The
    // lone month (Oct 2025) is a filled dot; the latest month is an estimate, so hollow too.
    let rings = format!("fill=\"none\" stroke=\"{blue}\"");
    assert_eq!(count(&svg, &rings), 2, "{svg}");
    let discs = |fill: &str| {
        svg.lines()
            .filter(|l| {
                l.starts_with("<circle") && l.contains(&format!("fill=\"{fill}\" stroke=\"none\""))
            })
            .count()
    };
    assert_eq!(discs("#FFFFFF"), 2, "{svg}");
    assert_eq!(discs(&blue), 1, "{svg}");
    assert_eq!(count(&svg, "<circle"), 2 * 2 + 1, "{svg}");
    // Two bands for the missing months, in the missing colour.
    let grey = ChartTheme::LIGHT.missing.hex();
    assert_eq!(count(&svg, &format!("fill=\"{grey}\"")), 2, "{svg}");
    // No polyline point falls inside a missing month's band.
    for poly in svg.split("<polyline").skip(1) {
        for (x, _) in points(poly) {
            for &(x0, x1) in &lay.missing {
                assert!(!(x0 < x && x < x1), "a line crosses a gap at x={x}");
            }
        }
    }
    assert!(svg.contains(&blue), "drawn in the theme's line colour");
}

#[test]
fn the_theme_reaches_the_drawing() {
    let dark = ChartTheme::LIGHT.with(|name| match name {
        "bg" => Some("#14181f".into()),
        "line" => Some("#56b4e9".into()),
        "missing" => Some("#2a313b".into()),
        _ => None,
    });
    let (svg, _) = draw(&gappy(), (200, 40), &dark);
    assert!(svg.contains("#14181F"), "dark background");
    assert!(svg.contains("#56B4E9"), "light line on dark");
    assert!(svg.contains("#2A313B"), "dark gap bands");
    assert!(!svg.contains(&ChartTheme::LIGHT.series(0).color.hex()));
}

#[test]
fn the_text_equivalent_says_only_what_the_window_holds() {
    let s = gappy();
    let w = spark_window(&s);
    let zh = spark_text(Lang::Zh, Unit::Count, &w);
    assert!(zh.starts_with("2024年7月至2026年6月逐月走势"), "{zh}");
    assert!(zh.contains("2 个月未报告"), "{zh}");
    assert!(zh.contains("2 个月为估计值"), "{zh}");
    let en = spark_text(Lang::En, Unit::Count, &w);
    assert!(en.contains("latest (Jun 2026) 140"), "{en}");
    assert!(en.contains("highest 140, lowest 100"), "{en}");
    assert_eq!(spark_text(Lang::En, Unit::Count, &[]), "");
}
