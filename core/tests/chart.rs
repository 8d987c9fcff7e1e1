//! Charts of monthly series: ticks, month thinning, gaps, year-on-year alignment, summaries,
//! and drawing to SVG (the same drawing code the browser runs on a canvas).

mod support;

use scorecards_core::chart::*;
use scorecards_core::{decode, Lang, Series, Unit, ValueStatus};
use support::{month, series, to_svg, with_labels};

// ---------------------------------------------------------------- ticks

#[test]
fn count_ticks_are_round_and_start_at_zero() {
    let t = nice_ticks(3.0, 97.0, 6, true);
    assert_eq!(t.step, 20.0);
    assert_eq!(t.values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    let t = nice_ticks(0.0, 137.0, 6, true);
    assert_eq!(t.values, vec![0.0, 50.0, 100.0, 150.0]);
    let t = nice_ticks(1200.0, 1290.0, 5, true);
    assert_eq!(t.values.first(), Some(&0.0), "counts are drawn from zero");
    assert!(*t.values.last().unwrap() >= 1290.0);
}

#[test]
fn ticks_without_zero_cover_the_data_with_at_most_the_asked_number() {
    let t = nice_ticks(82.0, 96.0, 6, false);
    assert_eq!(t.values, vec![80.0, 85.0, 90.0, 95.0, 100.0]);
    let t = nice_ticks(0.1, 0.9, 5, false);
    assert_eq!(
        t.values,
        vec![0.0, 0.5, 1.0],
        "no float noise like 0.30000000000000004"
    );
    let t = nice_ticks(-30.0, 20.0, 6, true);
    assert_eq!(t.values, vec![-30.0, -20.0, -10.0, 0.0, 10.0, 20.0]);
    for (lo, hi, n) in [(0.0, 1.0, 2), (3.0, 3.0, 4), (0.0, 0.0, 5), (17.0, 1e6, 7)] {
        let t = nice_ticks(lo, hi, n, true);
        assert!(
            t.values.len() >= 2 && t.values.len() <= n.max(2),
            "{lo}..{hi}: {t:?}"
        );
        assert!(t.values[0] <= lo.min(0.0) && *t.values.last().unwrap() >= hi);
        let s = [1.0, 2.0, 5.0].map(|m| m * 10f64.powf(t.step.log10().floor()));
        assert!(
            s.iter().any(|x| (x - t.step).abs() < 1e-9),
            "1-2-5 step: {}",
            t.step
        );
    }
}

#[test]
fn a_single_value_still_gets_an_axis_from_zero() {
    let t = nice_ticks(5.0, 5.0, 5, true);
    assert_eq!(t.values[0], 0.0);
    assert!(*t.values.last().unwrap() > 5.0);
    let t = nice_ticks(f64::INFINITY, f64::NEG_INFINITY, 5, true);
    assert_eq!(t.values, vec![0.0, 0.5, 1.0]);
}

#[test]
fn month_ticks_thin_out_with_width() {
    let (a, b) = (month("2023-01"), month("2025-12"));
    assert_eq!(month_step(a, b, 36.0 * 40.0, 40.0), MonthStep::Month);
    assert_eq!(month_step(a, b, 600.0, 40.0), MonthStep::Quarter);
    assert_eq!(month_step(a, b, 200.0, 40.0), MonthStep::Year);
    assert_eq!(month_step(a, b, 90.0, 40.0), MonthStep::Years(2));
    let quarters = month_ticks(month("2024-02"), month("2025-03"), MonthStep::Quarter);
    assert_eq!(
        quarters,
        vec![
            month("2024-04"),
            month("2024-07"),
            month("2024-10"),
            month("2025-01")
        ]
    );
    assert_eq!(
        month_ticks(month("2024-02"), month("2024-05"), MonthStep::Year),
        vec![month("2024-02")],
        "a short range without January still gets a tick"
    );
    let labels: Vec<String> = quarters
        .iter()
        .enumerate()
        .map(|(i, &m)| month_label(Lang::En, m, MonthStep::Quarter, i == 0))
        .collect();
    assert_eq!(labels, ["Apr 2024", "Jul", "Oct", "Jan 2025"]);
    assert_eq!(
        month_label(Lang::Zh, month("2024-07"), MonthStep::Month, false),
        "7月"
    );
    assert_eq!(
        month_label(Lang::Zh, month("2024-07"), MonthStep::Year, false),
        "2024年"
    );
}

#[test]
fn pixels_map_values_onto_a_downward_axis() {
    let s = LinearScale::new((0.0, 200.0), (300.0, 100.0));
    assert_eq!(s.map(0.0), 300.0);
    assert_eq!(s.map(200.0), 100.0);
    assert_eq!(s.map(50.0), 250.0);
    assert_eq!(s.invert(250.0), 50.0);
}

// ---------------------------------------------------------------- preparation

#[test]
fn a_missing_month_splits_the_line_and_is_never_zero() {
    let v = [
        Some(10.0),
        Some(12.0),
        None,
        Some(9.0),
        Some(11.0),
        Some(13.0),
        None,
        None,
        Some(7.0),
    ];
    let s = series("2024-01", &v, None);
    let r = runs(&s);
    assert_eq!(r.iter().map(Vec::len).collect::<Vec<_>>(), [2, 3, 1]);
    assert_eq!(r[1][0].month, month("2024-04"));
    assert!(r.iter().flatten().all(|p| p.value != 0.0));
    assert_eq!(points(&s).len(), 6);
    // A value declared missing is missing, whatever number sits beside it.
    let mut st = vec![ValueStatus::Reported; 3];
    st[1] = ValueStatus::Missing;
    let s = series("2024-01", &[Some(1.0), Some(0.0), Some(2.0)], Some(st));
    assert_eq!(runs(&s).len(), 2);
    // Leading and trailing gaps make no empty runs; NaN is missing.
    let s = series("2024-01", &[None, Some(f64::NAN), Some(3.0), None], None);
    assert_eq!(runs(&s).len(), 1);
}

#[test]
fn year_on_year_aligns_the_latest_year_over_the_one_before_by_calendar_month() {
    // Jul 2024 .. Mar 2026, with Aug 2025 missing and Feb 2026 estimated.
    let mut v: Vec<Option<f64>> = (0..21).map(|i| Some(100.0 + i as f64)).collect();
    v[13] = None; // 2025-08
    let mut st = vec![ValueStatus::Reported; 21];
    st[13] = ValueStatus::Missing;
    st[19] = ValueStatus::Estimated; // 2026-02
    let y = year_over_year(&series("2024-07", &v, Some(st))).unwrap();
    assert_eq!(y.year, 2026);
    assert_eq!(y.current.iter().filter(|p| p.is_some()).count(), 3);
    assert_eq!(y.current[0].unwrap().value, 118.0, "Jan 2026");
    assert!(y.current[1].unwrap().is_estimated());
    assert!(y.current[3].is_none(), "months not reached yet are gaps");
    assert_eq!(y.previous[0].unwrap().value, 106.0, "Jan 2025");
    assert!(y.previous[7].is_none(), "Aug 2025 is missing");
    assert_eq!(y.previous_runs().len(), 2);
    assert_eq!(y.current_runs().len(), 1);
    assert!(year_over_year(&series("2024-01", &[None, None], None)).is_none());
}

#[test]
fn baseline_mean_needs_a_whole_year() {
    let mut v = vec![Some(12.0); 24];
    assert_eq!(year_mean(&series("2024-01", &v, None), 2024), Some(12.0));
    v[3] = None;
    assert_eq!(year_mean(&series("2024-01", &v, None), 2024), None);
}

fn numbers_in(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) || (c == ',' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            let t = cur.trim_end_matches(['.', ',']).replace(',', "");
            out.push(t.parse().unwrap());
            cur.clear();
        }
    }
    out
}

#[test]
fn summaries_say_latest_change_and_extremes_in_both_languages() {
    // Jan 2025 .. Mar 2026: Mar 2025 = 50, Mar 2026 = 45 (down 10%); Jun 2025 missing.
    let mut v: Vec<Option<f64>> = vec![Some(60.0); 15];
    v[2] = Some(50.0);
    v[5] = None;
    v[8] = Some(80.0);
    v[14] = Some(45.0);
    let s = series("2025-01", &v, None);
    let sum = summarize(&s);
    assert_eq!((sum.present, sum.missing, sum.estimated), (14, 1, 0));
    assert_eq!(change_on_year_ago(&sum, Unit::Count), Some(-10.0));
    let zh = summary_text(Lang::Zh, "警情", Unit::Count, &sum);
    assert_eq!(
        zh,
        "警情：2025年1月至2026年3月，共14个月有数值，1个月未报告。最新为2026年3月的45，\
         比上年同月（2025年3月，50）下降10%。最高为2025年9月的80，最低为2026年3月的45。"
    );
    let en = summary_text(Lang::En, "Incidents", Unit::Count, &sum);
    assert_eq!(
        en,
        "Incidents: Jan 2025 to Mar 2026, 14 months with a value (1 not reported). \
         Latest: 45 in Mar 2026, down 10% on the same month a year earlier (Mar 2025: 50). \
         Highest: 80 in Sep 2025; lowest: 45 in Mar 2026."
    );
}

#[test]
fn summaries_never_invent_a_comparison() {
    // The same month a year before the latest is missing: no change is given.
    let mut v: Vec<Option<f64>> = vec![Some(30.0); 13];
    v[0] = None;
    v[12] = Some(36.0);
    let mut st = vec![ValueStatus::Reported; 13];
    st[0] = ValueStatus::Missing;
    st[12] = ValueStatus::Estimated;
    let s = series("2025-01", &v, Some(st));
    let sum = summarize(&s);
    assert_eq!(change_on_year_ago(&sum, Unit::Count), None);
    for lang in Lang::ALL {
        let text = summary_text(lang, "x", Unit::Count, &sum);
        assert!(!text.contains('%'), "{text}");
        let allowed = [2025.0, 2026.0, 1.0, 2.0, 12.0, 30.0, 36.0];
        for n in numbers_in(&text) {
            assert!(allowed.contains(&n), "{n} in {text:?} is not from the data");
        }
    }
    let zh = summary_text(Lang::Zh, "诈骗", Unit::Count, &sum);
    assert!(zh.contains("上年同月（2025年1月）未报告，不作比较"), "{zh}");
    assert!(zh.contains("36（估计）"), "{zh}");
    let en = summary_text(Lang::En, "Fraud", Unit::Count, &sum);
    assert!(
        en.contains("(Jan 2025) is not reported, so no change is given"),
        "{en}"
    );
    assert!(en.contains("36 (estimated)"), "{en}");
    // A zero a year before: no rate of change.
    let s = series(
        "2025-01",
        &[
            Some(0.0),
            Some(1.0),
            Some(2.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(1.0),
            Some(4.0),
        ],
        None,
    );
    let en = summary_text(Lang::En, "Fraud", Unit::Count, &summarize(&s));
    assert!(en.contains("was 0, so no rate of change is given"), "{en}");
    // Percentages change in points.
    let mut v = vec![Some(90.0); 13];
    v[12] = Some(92.5);
    let zh = summary_text(
        Lang::Zh,
        "调解成功率",
        Unit::Percent,
        &summarize(&series("2025-01", &v, None)),
    );
    assert!(zh.contains("上升2.5个百分点"), "{zh}");
    // Nothing at all.
    let empty = summarize(&series("2025-01", &[None, None], None));
    assert_eq!(
        summary_text(Lang::Zh, "警情", Unit::Count, &empty),
        "警情：没有报告任何月份的数值。"
    );
    assert_eq!(
        summary_text(Lang::En, "Incidents", Unit::Count, &empty),
        "Incidents: no month has a reported value."
    );
}

#[test]
fn the_table_and_csv_list_every_month_and_say_missing() {
    let mut st = vec![ValueStatus::Reported; 3];
    st[1] = ValueStatus::Missing;
    st[2] = ValueStatus::Estimated;
    let s = series("2025-11", &[Some(1200.0), None, Some(7.5)], Some(st));
    let rows = table_rows(Lang::Zh, &s, Unit::Count);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].month, "2025年12月");
    assert_eq!(rows[1].value, "未报告");
    assert_eq!(rows[2].status, "估计值");
    let rows = table_rows(Lang::En, &s, Unit::Count);
    assert_eq!(rows[0].value, "1,200");
    assert_eq!(rows[1].value, "not reported");
    assert_eq!(
        series_csv(&s),
        "month,value,status\n2025-11,1200,reported\n2025-12,,missing\n2026-01,7.5,estimated\n"
    );
}

// ---------------------------------------------------------------- drawing

/// A polyline of the SVG: stroke colour and points.
struct Polyline {
    stroke: String,
    points: Vec<(i32, i32)>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find("/>").unwrap() + i;
            &svg[i..end]
        })
        .collect()
}

fn polylines(svg: &str) -> Vec<Polyline> {
    tags(svg, "polyline")
        .into_iter()
        .map(|t| Polyline {
            stroke: attr(t, "stroke").unwrap().to_string(),
            points: attr(t, "points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect(),
        })
        .collect()
}

fn draw(spec: &TrendSpec, size: (u32, u32)) -> (String, Layout, Labels) {
    to_svg(size, |root, labels| draw_trend(root, spec, labels).unwrap())
}

fn spec(s: &Series, view: TrendView) -> TrendSpec<'_> {
    TrendSpec {
        series: s,
        unit: Unit::Count,
        lang: Lang::En,
        view,
        baseline: None,
        pixel_ratio: 1.0,
        font_px: 12.0,
    }
}

/// 24 months from Jan 2025 with gaps in Apr 2025, Sep–Oct 2025, Jan 2026 and Mar 2026 (so
/// Feb 2026 stands alone), and two estimates (Jun 2025, Sep 2026).
fn gappy() -> Series {
    let mut v: Vec<Option<f64>> = (0..24).map(|i| Some(40.0 + (i % 7) as f64 * 5.0)).collect();
    let mut st = vec![ValueStatus::Reported; 24];
    for i in [3, 8, 9, 12, 14] {
        v[i] = None;
        st[i] = ValueStatus::Missing;
    }
    st[5] = ValueStatus::Estimated;
    st[20] = ValueStatus::Estimated;
    series("2025-01", &v, Some(st))
}

#[test]
fn each_run_is_one_polyline_with_its_points_and_none_spans_a_gap() {
    let s = gappy();
    let (svg, layout, labels) = draw(&spec(&s, TrendView::Timeline), (800, 300));
    let blue = style_of(0).color.hex();
    let r = runs(&s);
    let drawn: Vec<Polyline> = polylines(&svg)
        .into_iter()
        .filter(|p| p.stroke == blue)
        .collect();
    let expected: Vec<usize> = r.iter().map(Vec::len).filter(|&n| n >= 2).collect();
    assert_eq!(expected, [3, 4, 2, 9], "the fixture's runs");
    assert_eq!(
        drawn.iter().map(|p| p.points.len()).collect::<Vec<_>>(),
        expected,
        "one polyline per run of two or more months, with one vertex per month"
    );
    // No polyline reaches across a missing month.
    let missing_x: Vec<i32> = (0..24)
        .filter(|&i| s.values[i].is_none())
        .map(|i| {
            layout
                .x_scale
                .map((month("2025-01") + i as i64) as f64)
                .round() as i32
        })
        .collect();
    for p in &drawn {
        let (lo, hi) = (p.points[0].0, p.points.last().unwrap().0);
        assert!(
            missing_x.iter().all(|&x| x < lo || x > hi),
            "{lo}..{hi} spans a gap"
        );
    }
    // Never a dip to zero: every vertex is at its value's height, none on the zero line.
    let zero_y = layout.y_scale.map(0.0).round() as i32;
    assert!(drawn
        .iter()
        .flat_map(|p| &p.points)
        .all(|&(_, y)| y != zero_y));
    // Markers: filled for reported, hollow for estimated; the lone Feb 2026 has its marker.
    let circles = tags(&svg, "circle");
    let filled = circles
        .iter()
        .filter(|c| attr(c, "fill") == Some(blue.as_str()))
        .count();
    let hollow = circles
        .iter()
        .filter(|c| attr(c, "fill") == Some("none") && attr(c, "stroke") == Some(blue.as_str()))
        .count();
    assert_eq!((filled, hollow), (17, 2));
    // Each missing month is shaded (plus one legend swatch), so a gap reads as "not reported".
    let bands = tags(&svg, "rect")
        .iter()
        .filter(|t| attr(t, "fill") == Some(MISSING.hex().as_str()))
        .count();
    assert_eq!(bands, 5 + 1);
    assert_eq!(layout.points.len(), 19);
    // Text goes through the label sink, never into the SVG through plotters.
    assert!(!svg.contains("<text"), "plotters drew text");
    assert!(
        labels.0.iter().any(|l| l.text == "Jan 2025"),
        "{:?}",
        labels.0
    );
    assert!(labels.0.iter().any(|l| l.text == "0"));
    assert!(labels
        .0
        .iter()
        .any(|l| l.text == "Estimated" || l.text == "estimated"));
}

#[test]
fn year_on_year_draws_this_year_over_last_year_with_gaps() {
    let s = gappy();
    let (svg, layout, labels) = draw(&spec(&s, TrendView::YearOnYear), (640, 320));
    assert_eq!(layout.year, Some(2026));
    let this_year = style_of(0).color.hex();
    let last_year = style_of(1).color.hex();
    let lines = polylines(&svg);
    // 2026: Jan and Mar missing, Feb alone (a marker, no line), Apr–Dec one polyline.
    let solid: Vec<&Polyline> = lines.iter().filter(|p| p.stroke == this_year).collect();
    let legend_lines = 1;
    assert_eq!(solid.len(), 1 + legend_lines);
    assert!(solid.iter().any(|p| p.points.len() == 9));
    // 2025 is dashed: many short polylines, each inside one of its runs (Jan–Mar, May–Aug, Nov–Dec).
    let xs = |m: i64| layout.x_scale.map(m as f64).round() as i32;
    let spans = [(xs(0), xs(2)), (xs(4), xs(7)), (xs(10), xs(11))];
    let dashes: Vec<&Polyline> = lines
        .iter()
        .filter(|p| p.stroke == last_year && p.points[0].1 > layout.plot.top as i32)
        .collect();
    assert!(dashes.len() > 3);
    for d in dashes {
        let (lo, hi) = (
            d.points.iter().map(|p| p.0).min().unwrap(),
            d.points.iter().map(|p| p.0).max().unwrap(),
        );
        assert!(
            spans.iter().any(|&(a, b)| a <= lo && hi <= b),
            "a dash at {lo}..{hi} crosses a gap"
        );
    }
    let texts: Vec<&str> = labels.0.iter().map(|l| l.text.as_str()).collect();
    for want in ["2026", "2025", "Jan", "Dec"] {
        assert!(texts.contains(&want), "{want} missing from {texts:?}");
    }
    // Keyboard order is by calendar month, this year before last year within a month
    // (Jan 2026 is missing, so January has only last year's point).
    let order: Vec<(usize, i64)> = layout.points[..3]
        .iter()
        .map(|p| (p.series, p.point.month))
        .collect();
    assert_eq!(
        order,
        [
            (1, month("2025-01")),
            (0, month("2026-02")),
            (1, month("2025-02"))
        ]
    );
}

#[test]
fn the_baseline_is_a_black_dashed_rule_with_its_label() {
    let s = gappy();
    let mut sp = spec(&s, TrendView::Timeline);
    sp.baseline = Some(BaselineRule {
        value: 50.0,
        label: "2025 monthly mean".into(),
    });
    let (svg, layout, labels) = draw(&sp, (600, 300));
    let y = layout.y_scale.map(50.0).round() as i32;
    let rule: Vec<Polyline> = polylines(&svg)
        .into_iter()
        .filter(|p| p.stroke == BASELINE.hex())
        .collect();
    assert!(rule.len() > 5, "dashed");
    assert!(rule.iter().flat_map(|p| &p.points).all(|&(_, py)| py == y));
    assert!(labels.0.iter().any(|l| l.text == "2025 monthly mean"));
}

#[test]
fn layout_scales_with_the_pixel_ratio_and_finds_points() {
    let s = gappy();
    let mut sp = spec(&s, TrendView::Timeline);
    let one = layout(&sp, 600.0, 300.0);
    sp.pixel_ratio = 2.0;
    let two = layout(&sp, 1200.0, 600.0);
    assert_eq!(one.points.len(), two.points.len());
    for (a, b) in one.points.iter().zip(&two.points) {
        assert!((a.x * 2.0 - b.x).abs() <= 2.0 && (a.y * 2.0 - b.y).abs() <= 2.0);
    }
    // The nearest point to a pointer, and keyboard steps.
    let p = one.points[4];
    assert_eq!(one.nearest(p.x + 1.0, 0.0), Some(4));
    assert_eq!(one.step(None, 1), Some(0));
    assert_eq!(one.step(None, -1), Some(one.points.len() - 1));
    assert_eq!(one.step(Some(0), -1), Some(0));
    assert_eq!(one.step(Some(3), 1), Some(4));
    // Points lie inside the plot area.
    for q in &one.points {
        assert!(one.plot.left <= q.x && q.x <= one.plot.right);
        assert!(one.plot.top <= q.y && q.y <= one.plot.bottom);
    }
}

#[test]
fn narrow_charts_thin_their_month_labels() {
    let s = gappy();
    let sp = spec(&s, TrendView::Timeline);
    let wide = layout(&sp, 1400.0, 300.0);
    let narrow = layout(&sp, 320.0, 300.0);
    assert_eq!(wide.x_ticks.len(), 24);
    assert!(narrow.x_ticks.len() <= 8, "{:?}", narrow.x_labels);
    assert_eq!(narrow.x_labels.len(), narrow.x_ticks.len());
}

#[test]
fn an_empty_series_draws_a_message_not_a_flat_line() {
    let s = series("2025-01", &[None, None, None], None);
    let (svg, layout, labels) = draw(&spec(&s, TrendView::Timeline), (400, 200));
    assert!(layout.points.is_empty());
    let blue = style_of(0).color.hex();
    assert!(polylines(&svg).iter().all(|p| p.stroke != blue));
    assert!(labels
        .0
        .iter()
        .any(|l| l.text == "No month has a reported value"));
}

#[test]
fn every_demo_series_draws_one_line_per_run() {
    let bytes = support::public_data("demo-synthetic.json");
    let doc = decode(&bytes, "demo-synthetic.json").unwrap();
    let mut drawn = 0;
    for st in &doc.stations {
        for s in &st.series {
            for view in [TrendView::Timeline, TrendView::YearOnYear] {
                let (svg, _, _) = draw(&spec(s, view), (720, 280));
                let blue = style_of(0).color.hex();
                let lines = polylines(&svg)
                    .into_iter()
                    .filter(|p| p.stroke == blue)
                    .count();
                let expected = match view {
                    TrendView::Timeline => runs(s).iter().filter(|r| r.len() >= 2).count(),
                    TrendView::YearOnYear => {
                        let y = year_over_year(s).unwrap();
                        y.current_runs().iter().filter(|r| r.len() >= 2).count() + 1
                    }
                };
                assert_eq!(lines, expected, "{} {}", st.id, s.metric);
                drawn += 1;
            }
        }
    }
    assert!(drawn >= 24);
}

/// With `CHART_PREVIEW=dir`, writes the gappy fixture's two views as SVG files (labels added
/// as `<text>`) for a person to look at; otherwise checks only that the preview renders.
#[test]
fn preview_svgs_for_people() {
    let s = gappy();
    for (name, view) in [
        ("timeline", TrendView::Timeline),
        ("yoy", TrendView::YearOnYear),
    ] {
        let mut sp = spec(&s, view);
        sp.lang = Lang::Zh;
        sp.baseline = Some(BaselineRule {
            value: 50.0,
            label: "2025年月均".into(),
        });
        let (svg, _, labels) = draw(&sp, (720, 300));
        let full = with_labels(&svg, &labels);
        assert!(full.ends_with("</svg>\n") || full.ends_with("</svg>"));
        if let Ok(dir) = std::env::var("CHART_PREVIEW") {
            std::fs::write(format!("{dir}/{name}.svg"), full).unwrap();
        }
    }
}

#[test]
fn readouts_name_the_month_the_value_and_an_estimate() {
    let p = Point {
        month: month("2025-03"),
        value: 1250.0,
        status: ValueStatus::Estimated,
    };
    assert_eq!(
        point_text(Lang::Zh, Unit::Count, &p),
        "2025年3月：1250（估计）"
    );
    assert_eq!(
        point_text(Lang::En, Unit::Count, &p),
        "Mar 2025: 1,250 (estimated)"
    );
    assert_eq!(monthly_mean_label(Lang::En, 2025), "2025 monthly mean");
    assert_ne!(
        chart_strings(Lang::Zh).timeline,
        chart_strings(Lang::En).timeline
    );
}

/// The year-on-year readout names both years: the month chosen and the same month of the
/// other year, the latest first, a missing month said as such (issue #17).
#[test]
fn year_on_year_readouts_name_both_years() {
    let s = gappy();
    let (_, yoy, _) = draw(&spec(&s, TrendView::YearOnYear), (800, 300));
    assert_eq!(yoy.year, Some(2026));
    let at = |m: &str| {
        yoy.points
            .iter()
            .position(|p| p.point.month == month(m))
            .unwrap()
    };
    // Feb 2026 (a point of the latest year) and Feb 2025 (of the year before): the same text.
    let feb = readout_text(Lang::En, Unit::Count, &yoy, at("2026-02")).unwrap();
    assert_eq!(feb, "Feb 2026: 70; Feb 2025: 45");
    assert_eq!(
        readout_text(Lang::En, Unit::Count, &yoy, at("2025-02")).unwrap(),
        feb
    );
    // Jan 2026 is missing: Jan 2025's readout says so.
    assert_eq!(
        readout_text(Lang::En, Unit::Count, &yoy, at("2025-01")).unwrap(),
        "Jan 2026: not reported; Jan 2025: 40"
    );
    assert_eq!(
        readout_text(Lang::Zh, Unit::Count, &yoy, at("2025-01")).unwrap(),
        "2026年1月：未报告；2025年1月：40"
    );
    // The timeline names one month, as before.
    let (_, line, _) = draw(&spec(&s, TrendView::Timeline), (800, 300));
    let i = line
        .points
        .iter()
        .position(|p| p.point.month == month("2026-02"))
        .unwrap();
    assert_eq!(
        readout_text(Lang::En, Unit::Count, &line, i).unwrap(),
        "Feb 2026: 70"
    );
    assert_eq!(readout_text(Lang::En, Unit::Count, &line, 10_000), None);
}
