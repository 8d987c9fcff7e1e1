//! The tile map: every unit, medians of comparable figures only, classes, keyboard moves,
//! hit-testing, and the SVG with every unit drawn.

mod support;

use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;
use scorecards_core::chart::{ChartTheme, Labels};
use scorecards_core::compare::Measure;
use scorecards_core::map::tiles::{self, classes, median, PUOR, YLGNBU};
use scorecards_core::map::units::{index_of_name, COLS, ROWS};
use scorecards_core::map::*;
use scorecards_core::{parse, Dataset, IssueKind, Lang};

/// A data set with stations in given provinces (name, optional code) reporting `incidents`
/// levels (`None`: the station reports nothing; a negative value marks an "at least" figure).
fn dataset(stations: &[(&str, Option<&str>, Option<f64>)]) -> Dataset {
    let st: Vec<String> = stations
        .iter()
        .enumerate()
        .map(|(i, (prov, code, v))| {
            let code = code.map_or(String::new(), |c| format!(r#","code":"{c}""#));
            let figs = match v {
                Some(v) if *v < 0.0 => format!(
                    r#"[{{"metric":"incidents","value":{},"unit":"count","qualifier":"at_least","period":{{"start":"2024","end":"2024"}},"source":"s"}}]"#,
                    -v
                ),
                Some(v) => format!(
                    r#"[{{"metric":"incidents","value":{v},"unit":"count","period":{{"start":"2024","end":"2024"}},"source":"s"}}]"#
                ),
                None => "[]".into(),
            };
            format!(
                r#"{{"id":"s{i}","name":{{"zh":"站{i}"}},"region":{{"province":{{"zh":"{prov}"}}{code}}},"figures":{figs}}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema_version":1,"publisher":{{"zh":"测试"}},"generated_at":"2026-01-01T00:00:00Z","sources":[{{"id":"s","title":{{"zh":"t"}},"publisher":{{"zh":"p"}}}}],"metrics":[{{"id":"incidents","label":{{"zh":"警情"}},"unit":"count","family":"incidents","polarity":"lower_is_better"}}],"stations":[{}]}}"#,
        st.join(",")
    );
    parse(json.as_bytes(), "t.json").unwrap_or_else(|e| panic!("{e:?}"))
}

fn unit(code: u8) -> usize {
    index_of_code(code).unwrap()
}

#[test]
fn all_34_units_each_in_its_own_cell() {
    assert_eq!(UNITS.len(), 34);
    for code in [71, 81, 82, 54, 65, 11] {
        assert!(index_of_code(code).is_some(), "{code}");
    }
    let mut cells = std::collections::HashSet::new();
    for u in &UNITS {
        assert!(u.col < COLS && u.row < ROWS, "{}", u.zh);
        assert!(cells.insert((u.col, u.row)), "{} shares a cell", u.zh);
        assert!(u.zh_full.starts_with(u.zh));
    }
    // Rough positions: Xinjiang west of Shanghai, Heilongjiang north of Hainan.
    assert!(UNITS[unit(65)].col < UNITS[unit(31)].col);
    assert!(UNITS[unit(23)].row < UNITS[unit(46)].row);
}

#[test]
fn stations_are_placed_by_code_first_then_by_name() {
    assert_eq!(index_of_name("浙江省", None), Some(unit(33)));
    assert_eq!(index_of_name("广西壮族自治区", None), Some(unit(45)));
    assert_eq!(index_of_name("内蒙古", None), Some(unit(15)));
    assert_eq!(
        index_of_name("?", Some("Zhejiang Province")),
        Some(unit(33))
    );
    assert_eq!(index_of_name("某地", Some("Atlantis")), None);
    let ds = dataset(&[
        ("某地", Some("330211"), Some(1.0)),
        ("某地", None, Some(2.0)),
    ]);
    assert_eq!(index_of_station(&ds.stations()[0]), Some(unit(33)));
    assert_eq!(index_of_station(&ds.stations()[1]), None);
    let map = tile_map(&ds, "incidents", Measure::Level);
    assert_eq!(map.unplaced, 1);
}

#[test]
fn tiles_hold_medians_of_comparable_figures_and_the_three_states() {
    let ds = dataset(&[
        ("浙江省", None, Some(10.0)),
        ("浙江省", None, Some(30.0)),
        ("浙江省", None, Some(20.0)),
        ("浙江省", None, Some(-999.0)), // "at least": not comparable, not in the median
        ("贵州省", None, Some(40.0)),
        ("贵州省", None, Some(50.0)),
        ("安徽省", None, None),       // a station, no figure
        ("天津市", None, Some(-5.0)), // only a bound
    ]);
    let map = tile_map(&ds, "incidents", Measure::Level);
    assert_eq!(map.tiles.len(), 34);
    let zj = &map.tiles[unit(33)];
    assert_eq!((zj.stations, zj.comparable), (4, 3));
    assert!(matches!(zj.state, TileState::Value { median, .. } if median == 20.0));
    assert_eq!(zj.province.as_deref(), Some("浙江省"));
    let gz = &map.tiles[unit(52)];
    assert!(matches!(gz.state, TileState::Value { median, .. } if median == 45.0));
    assert_eq!(map.tiles[unit(34)].state, TileState::NoComparable);
    assert_eq!(map.tiles[unit(12)].state, TileState::NoComparable);
    assert_eq!(map.tiles[unit(71)].state, TileState::NoStation);
    assert_eq!(map.tiles[unit(71)].stations, 0);
    let no_station = map
        .tiles
        .iter()
        .filter(|t| t.state == TileState::NoStation)
        .count();
    assert_eq!(no_station, 30);
    // Never 0 for a unit without a value: the texts say why.
    let anhui = map.tile_value_text(Lang::Zh, &map.tiles[unit(34)]);
    assert_eq!(anhui, "有派出所，但无可比数据");
    let taiwan = map.tile_value_text(Lang::En, &map.tiles[unit(71)]);
    assert_eq!(taiwan, "No station in the data");
    let summary = map.summary(Lang::En);
    assert!(summary.contains("Highest: Guizhou (45)"), "{summary}");
    assert!(summary.contains("lowest: Zhejiang (20)"), "{summary}");
    assert!(summary.contains("2 units have stations but no comparable figure"));
    assert!(summary.contains("30 have no station"));
    let zh = map.summary(Lang::Zh);
    assert!(zh.contains("最高：贵州（45）"), "{zh}");
    assert_eq!(
        map.readout(Lang::Zh, unit(33)),
        "浙江：中位数 20（4 个派出所，3 个有可比数据）"
    );
    assert_eq!(
        map.readout(Lang::En, unit(82)),
        "Macao: no station in the data"
    );
}

#[test]
fn median_of_even_and_odd_counts() {
    assert_eq!(median(&mut []), None);
    assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
}

#[test]
fn at_most_seven_classes_sequential_for_levels() {
    let values: Vec<f64> = (1..=20).map(f64::from).collect();
    let c = classes(&values, false);
    assert_eq!(c.colors.len(), 7);
    assert_eq!(c.ranges.len(), 7);
    assert!(c.ranges.windows(2).all(|w| w[0].1 < w[1].0));
    assert_eq!((c.ranges[0].0, c.ranges[6].1), (1.0, 20.0));
    assert_eq!(c.colors[0], YLGNBU[0]);
    assert_eq!(c.colors[6], YLGNBU[6]);
    assert_eq!(c.class_of(1.0), 0);
    assert_eq!(c.class_of(20.0), 6);
    // Classes never decrease with the value.
    let mut last = 0;
    for v in &values {
        let k = c.class_of(*v);
        assert!(k >= last);
        last = k;
    }
    // Few values: as many classes as distinct values.
    assert_eq!(classes(&[5.0, 5.0, 9.0], false).colors.len(), 2);
    assert_eq!(classes(&[5.0], false).colors.len(), 1);
    assert!(classes(&[], false).colors.is_empty());
}

#[test]
fn changes_diverge_around_zero() {
    let c = classes(&[-30.0, -10.0, 0.0, 5.0, 12.0, 20.0], true);
    assert_eq!(c.colors.len(), 7);
    assert_eq!(c.colors[3], PUOR[3]);
    assert_eq!(c.class_of(0.0), 3, "zero is in the middle class");
    assert!(c.class_of(-30.0) < 3 && c.class_of(20.0) > 3);
    // Round widths: 60 over 7 classes → 10 each, from −35 to +35.
    assert_eq!(c.ranges[0], (-35.0, -25.0));
    assert_eq!(c.ranges[3], (-5.0, 5.0));
    assert_eq!(c.ranges[6].1, 35.0);
    let few = classes(&[-4.0, 2.0], true);
    assert_eq!(few.colors.len(), 3);
    assert_eq!(few.class_of(0.0), 1);
}

#[test]
fn class_breaks_are_said_in_text() {
    let ds = dataset(&[
        ("浙江省", None, Some(10.0)),
        ("贵州省", None, Some(40.0)),
        ("安徽省", None, Some(1500.0)),
    ]);
    let map = tile_map(&ds, "incidents", Measure::Level);
    let en = map.class_texts(Lang::En);
    assert_eq!(en.len(), map.classes.colors.len());
    assert_eq!(en, ["10", "40", "1,500"]);
    let wide = classes(&(1..=20).map(f64::from).collect::<Vec<_>>(), false);
    assert_eq!(wide.ranges[0], (1.0, 2.0));
}

#[test]
fn arrows_move_to_the_nearest_tile_in_that_direction() {
    let zj = unit(33);
    assert_eq!(
        step(Some(zj), Move::Right),
        unit(31).min(step(Some(zj), Move::Right))
    );
    assert_eq!(step(Some(unit(32)), Move::Right), unit(31)); // Jiangsu → Shanghai
    assert_eq!(step(Some(unit(32)), Move::Down), zj); // Jiangsu → Zhejiang
    assert_eq!(step(Some(unit(46)), Move::Up), unit(45)); // Hainan → Guangxi
    assert_eq!(
        step(Some(unit(65)), Move::Left),
        unit(65),
        "stays at the edge"
    );
    let order = reading_order();
    assert_eq!(order.len(), 34);
    assert_eq!(step(None, Move::Down), order[0]);
    assert_eq!(step(Some(zj), Move::First), order[0]);
    assert_eq!(step(Some(zj), Move::Last), order[33]);
    assert_eq!(Move::from_key("ArrowLeft"), Some(Move::Left));
    assert_eq!(Move::from_key("a"), None);
    // Every tile can be reached from the first with the arrow keys.
    let mut seen = std::collections::HashSet::from([order[0]]);
    let mut todo = vec![order[0]];
    while let Some(u) = todo.pop() {
        for m in [Move::Left, Move::Right, Move::Up, Move::Down] {
            let next = step(Some(u), m);
            if seen.insert(next) {
                todo.push(next);
            }
        }
    }
    assert_eq!(seen.len(), 34);
}

fn draw(
    map: &TileMap,
    lang: Lang,
    size: (u32, u32),
    focus: Option<usize>,
) -> (String, Labels, MapLayout) {
    let mut svg = String::new();
    let mut labels = Labels::default();
    let spec = MapSpec {
        map,
        lang,
        pixel_ratio: 1.0,
        font_px: 12.0,
        focus,
    };
    let lay = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let lay = draw_map(&root, &spec, &ChartTheme::LIGHT, &mut labels).unwrap();
        root.present().unwrap();
        lay
    };
    (svg, labels, lay)
}

#[test]
fn the_svg_draws_every_unit_the_legend_and_the_focus_ring() {
    let bytes = support::public_data("seeds.json");
    let ds = parse(&bytes, "seeds.json").unwrap();
    let map = tile_map(&ds, "incidents", Measure::Level);
    let seeded: Vec<&str> = map
        .tiles
        .iter()
        .filter(|t| t.stations > 0)
        .map(|t| UNITS[t.unit].zh)
        .collect();
    assert_eq!(seeded, ["天津", "浙江", "安徽", "广西", "贵州"]);
    for lang in [Lang::Zh, Lang::En] {
        for width in [390u32, 1000] {
            let height = map_height(f64::from(width), 12.0, map.classes.colors.len()) as u32;
            let (svg, labels, lay) = draw(&map, lang, (width, height), None);
            assert!(lay.height <= f64::from(height) + 1.0);
            let texts: Vec<&str> = labels.0.iter().map(|l| l.text.as_str()).collect();
            for u in &UNITS {
                let name = if lang == Lang::Zh { u.zh } else { u.iso };
                assert_eq!(
                    texts.iter().filter(|t| **t == name).count(),
                    1,
                    "{name} in {texts:?}"
                );
            }
            let s = lang.map_strings();
            assert!(texts.contains(&s.no_comparable) && texts.contains(&s.no_station));
            assert!(texts.contains(&s.legend));
            // A rectangle per tile at least, each inside the drawing.
            assert!(svg.matches("<rect").count() >= 34);
            for u in 0..UNITS.len() {
                let (x0, y0, x1, y1) = lay.tile_rect(u);
                assert!(
                    x0 >= 0.0 && y0 >= 0.0 && x1 <= f64::from(width) && y1 <= f64::from(height)
                );
                // Hit-testing finds the tile at its centre.
                assert_eq!(lay.tile_at((x0 + x1) / 2.0, (y0 + y1) / 2.0), Some(u));
            }
            assert_eq!(lay.tile_at(-5.0, -5.0), None);
        }
    }
    let (plain, _, _) = draw(&map, Lang::Zh, (600, 700), None);
    let (focused, _, _) = draw(&map, Lang::Zh, (600, 700), Some(unit(33)));
    assert!(focused.len() > plain.len(), "the focus ring is drawn");
}

#[test]
fn the_validation_table_agrees_with_the_map_units() {
    // Validation keeps its own tiny list (first view); every unit's code must pass it, and a
    // name must match its own code.
    for u in &UNITS {
        let code = format!("{:02}0000", u.code);
        let json = format!(
            r#"{{"schema_version":1,"publisher":{{"zh":"p"}},"generated_at":"2026-01-01T00:00:00Z","stations":[{{"id":"a","name":{{"zh":"a"}},"region":{{"province":{{"zh":"{}"}},"code":"{code}"}}}}]}}"#,
            u.zh_full
        );
        assert!(
            parse(json.as_bytes(), "t.json").is_ok(),
            "{} {code}",
            u.zh_full
        );
    }
    let bad = |zh: &str, code: &str| {
        let json = format!(
            r#"{{"schema_version":1,"publisher":{{"zh":"p"}},"generated_at":"2026-01-01T00:00:00Z","stations":[{{"id":"a","name":{{"zh":"a"}},"region":{{"province":{{"zh":"{zh}"}},"code":"{code}"}}}}]}}"#
        );
        match parse(json.as_bytes(), "t.json") {
            Err(scorecards_core::LoadError::Invalid { issues, .. }) => {
                assert_eq!(issues[0].path, "$.stations[0].region.code");
                issues[0].kind.clone()
            }
            other => panic!("{zh} {code}: {other:?}"),
        }
    };
    assert!(matches!(
        bad("浙江省", "990000"),
        IssueKind::UnknownRegionCode { .. }
    ));
    assert!(matches!(
        bad("浙江省", "33021"),
        IssueKind::UnknownRegionCode { .. }
    ));
    assert!(matches!(
        bad("浙江省", "33a211"),
        IssueKind::UnknownRegionCode { .. }
    ));
    assert!(matches!(
        bad("浙江省", "320000"),
        IssueKind::RegionCodeMismatch { .. }
    ));
    assert!(matches!(
        bad("陕西省", "140000"),
        IssueKind::RegionCodeMismatch { .. }
    ));
}

#[test]
fn a_single_unit_with_data_is_said_once_and_changes_are_signed() {
    let ds = dataset(&[("浙江省", None, Some(12.0)), ("贵州省", None, None)]);
    let map = tile_map(&ds, "incidents", Measure::Level);
    let en = map.summary(Lang::En);
    assert!(
        en.starts_with("Only Zhejiang has a comparable figure (12)."),
        "{en}"
    );
    assert!(map
        .summary(Lang::Zh)
        .starts_with("只有浙江有可比数据（12）。"));
    let c = classes(&[-8.7, -3.75], true);
    let texts: Vec<String> = c
        .ranges
        .iter()
        .map(|&(lo, hi)| {
            let t =
                |v| tiles::value_text(Lang::En, v, scorecards_core::Unit::Percent, Measure::Change);
            format!("{} to {}", t(lo), t(hi))
        })
        .collect();
    assert_eq!(texts[1], "-5% to +5%", "{texts:?}");
}
