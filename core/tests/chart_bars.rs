//! The comparison bar chart: comparable figures only, best first, polarity said, drawn to SVG.

mod support;

use scorecards_core::chart::*;
use scorecards_core::compare::{league, Measure, Normalisation, Standing};
use scorecards_core::{parse, Lang, Polarity, Station, Unit};
use support::{to_svg, with_labels};

fn bar(label: &str, value: f64) -> Bar {
    Bar {
        label: label.into(),
        value,
        rank: None,
        approximate: false,
        highlight: false,
    }
}

/// A chart of counts, lower is better, in Chinese, at 1× and 12 px.
fn counts_zh(bars: &[Bar]) -> BarSpec<'_> {
    BarSpec {
        bars,
        unit: Unit::Count,
        polarity: Polarity::LowerIsBetter,
        lang: Lang::Zh,
        pixel_ratio: 1.0,
        font_px: 12.0,
    }
}

fn draw(spec: &BarSpec, size: (u32, u32)) -> (String, BarLayout, Labels) {
    to_svg(size, |root, labels| draw_bars(root, spec, labels).unwrap())
}

fn rects_with<'a>(svg: &'a str, attr: &str) -> Vec<&'a str> {
    svg.match_indices("<rect ")
        .map(|(i, _)| &svg[i..i + svg[i..].find("/>").unwrap()])
        .filter(|t| t.contains(attr))
        .collect()
}

#[test]
fn the_demo_league_gives_comparable_bars_best_first() {
    let bytes = support::public_data("demo-synthetic.json");
    let ds = parse(&bytes, "demo-synthetic.json").unwrap();
    let stations: Vec<&Station> = ds.stations().iter().collect();
    let lg = league(
        &ds,
        &stations,
        "incidents",
        Measure::Level,
        Normalisation::None,
    );
    let first = stations[0].id.clone();
    let bars = comparable_bars(&lg, Lang::Zh, Some(&first));
    let comparable = lg
        .entries
        .iter()
        .filter(|e| {
            e.value.is_some() && matches!(e.standing, Standing::Ranked { .. } | Standing::Unranked)
        })
        .count();
    assert!(bars.len() >= 2, "the demo has comparable incidents");
    assert_eq!(
        bars.len(),
        comparable,
        "only comparable entries become bars"
    );
    assert!(bars.len() <= stations.len());
    // Incidents: lower is better, so ranks run with rising values.
    assert!(bars.windows(2).all(|w| w[0].value <= w[1].value));
    assert_eq!(
        bars[0].rank.as_deref().map(|r| r.trim_end_matches('=')),
        Some("1")
    );
    assert_eq!(
        bars.iter().filter(|b| b.highlight).count(),
        usize::from(bars.iter().any(|b| b.highlight))
    );
    let spec = counts_zh(&bars);
    let h = bar_chart_height(bars.len(), 12.0) as u32;
    let (svg, lay, labels) = draw(&spec, (640, h));
    assert_eq!(lay.bars.len(), bars.len());
    assert!(labels.0.iter().any(|l| l.text == "↓ 越低越好"));
    assert!(!svg.contains("<text"));
}

#[test]
fn bars_are_drawn_in_order_from_zero_with_their_markings() {
    let mut bars = vec![
        bar("A", 120.0),
        bar("B", 80.0),
        bar("C", -30.0),
        bar("D", 50.0),
    ];
    bars[1].approximate = true;
    bars[3].highlight = true;
    bars[0].rank = Some("1".into());
    let spec = BarSpec {
        bars: &bars,
        unit: Unit::Percent,
        polarity: Polarity::HigherIsBetter,
        lang: Lang::En,
        pixel_ratio: 1.0,
        font_px: 12.0,
    };
    let (svg, lay, labels) = draw(&spec, (600, 200));
    let blue = style_of(0).color.hex();
    let orange = style_of(1).color.hex();
    let solid = rects_with(&svg, &format!("fill=\"{blue}\""));
    let outlined = rects_with(&svg, &format!("stroke=\"{blue}\""));
    let highlighted = rects_with(&svg, &format!("fill=\"{orange}\""));
    assert_eq!((solid.len(), outlined.len(), highlighted.len()), (2, 1, 1));
    // Top to bottom in the given order, each starting at zero.
    let zero = lay.x_scale.map(0.0).round();
    assert!(lay.bars.windows(2).all(|w| w[0].y1 < w[1].y0));
    assert_eq!(lay.bars[0].x0, zero);
    assert_eq!(lay.bars[2].x1, zero, "a negative bar ends at zero");
    assert!(lay.bars[2].x0 < zero);
    assert!(lay.bars[0].x1 > lay.bars[1].x1 && lay.bars[1].x1 > lay.bars[3].x1);
    assert!(lay.ticks.values.contains(&0.0));
    let texts: Vec<&str> = labels.0.iter().map(|l| l.text.as_str()).collect();
    for want in ["1. A", "B", "120%", "-30%", "↑ Higher is better"] {
        assert!(texts.contains(&want), "{want} not in {texts:?}");
    }
    assert_eq!(lay.bar_at((lay.bars[2].y0 + lay.bars[2].y1) / 2.0), Some(2));
    assert_eq!(lay.bar_at(-100.0), None);
}

#[test]
fn polarity_is_said_in_both_languages() {
    for p in [
        Polarity::LowerIsBetter,
        Polarity::HigherIsBetter,
        Polarity::Neutral,
    ] {
        assert_ne!(polarity_note(Lang::Zh, p), polarity_note(Lang::En, p));
    }
    assert_eq!(bar_value_text(Lang::Zh, -12.9, Unit::Percent), "-12.9%");
    assert_eq!(bar_value_text(Lang::En, 53000.0, Unit::Count), "53,000");
}

/// With `CHART_PREVIEW=dir`, writes a bar chart as SVG (labels as `<text>`) for a person to
/// look at.
#[test]
fn preview_bars_for_people() {
    let mut bars = vec![
        bar("梅江派出所", 389.0),
        bar("西山派出所", 512.0),
        bar("赵宝山派出所", 640.0),
    ];
    bars[1].approximate = true;
    bars[2].highlight = true;
    for (i, b) in bars.iter_mut().enumerate() {
        b.rank = Some((i + 1).to_string());
    }
    let spec = counts_zh(&bars);
    let (svg, _, labels) = draw(&spec, (600, bar_chart_height(3, 12.0) as u32));
    let full = with_labels(&svg, &labels);
    assert_eq!(full.matches("<text").count(), labels.0.len());
    if let Ok(dir) = std::env::var("CHART_PREVIEW") {
        std::fs::write(format!("{dir}/bars.svg"), full).unwrap();
    }
}
