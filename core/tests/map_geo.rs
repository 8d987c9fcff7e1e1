//! The map's geographic mode: decoding GeoJSON and TopoJSON as written, refusing
//! boundaries without a map review number, every region drawn, holes staying holes in the
//! SVG, the approval line at the lower left, and the nearest station under the pointer.

mod support;

use scorecards_core::chart::{ChartTheme, Labels};
use scorecards_core::compare::Measure;
use scorecards_core::map::geo::{approval, decode, Approval, GeoError, GeoMap, MAX_GEO_BYTES};
use scorecards_core::map::geo_draw::{draw_geo, geo_height, geo_layout, geo_step, GeoSpec};
use scorecards_core::map::geo_paths::{
    path_data, pattern_segments, region_fill, GeoFill, GeoPaths,
};
use scorecards_core::map::{tile_map, Move};
use scorecards_core::{parse, validate, Dataset, GeoFormat, IssueKind, Lang};
use support::{points, to_svg};

/// A square ring from (x0, y0) to (x1, y1), counter-clockwise as RFC 7946 asks.
fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> String {
    format!("[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]")
}

/// Three regions: a square with a square hole (浙江), a two-part MultiPolygon keyed by `id`
/// (安徽), and a plain square (天津). The hole is written clockwise-first on purpose.
fn geojson() -> String {
    let hole = "[[104,4],[104,6],[106,6],[106,4],[104,4]]";
    format!(
        r#"{{"type":"FeatureCollection","fictitious":true,"features":[
        {{"type":"Feature","properties":{{"code":"330100"}},"geometry":{{"type":"Polygon","coordinates":[{},{hole}]}}}},
        {{"type":"Feature","id":340100,"properties":{{}},"geometry":{{"type":"MultiPolygon","coordinates":[[{}],[{}]]}}}},
        {{"type":"Feature","properties":{{"code":"120100"}},"geometry":{{"type":"Polygon","coordinates":[{}]}}}}]}}"#,
        square(100.0, 0.0, 110.0, 10.0),
        square(110.0, 0.0, 115.0, 5.0),
        square(112.0, 6.0, 114.0, 9.0),
        square(100.0, 10.0, 104.0, 14.0),
    )
}

fn data(boundaries: &str, synthetic: bool) -> Dataset {
    let json = format!(
        r#"{{"schema_version":1,"publisher":{{"zh":"测试"}},"generated_at":"2026-01-01T00:00:00Z","synthetic":{synthetic},
        "sources":[{{"id":"s","title":{{"zh":"t"}},"publisher":{{"zh":"p"}}}}],
        "metrics":[{{"id":"incidents","label":{{"zh":"警情"}},"unit":"count","family":"incidents","polarity":"lower_is_better"}}],
        "stations":[
          {{"id":"a","name":{{"zh":"甲"}},"region":{{"province":{{"zh":"浙江"}},"code":"330100"}},"location":{{"lon":101,"lat":1,"crs":"wgs84"}},
            "figures":[{{"metric":"incidents","value":5,"unit":"count","period":{{"start":"2024","end":"2024"}},"source":"s"}}]}},
          {{"id":"b","name":{{"zh":"乙"}},"region":{{"province":{{"zh":"天津"}}}},"location":{{"lon":102,"lat":12,"crs":"wgs84"}}}}
        ]{boundaries}}}"#
    );
    parse(json.as_bytes(), "t.json").unwrap_or_else(|e| panic!("{e:?}"))
}

const NUMBERED: &str = r#","boundaries":{"href":"geo/c.json","format":"geojson","approval":"GS(2099)0000号","source":{"zh":"测试来源"},"crs":"wgs84"}"#;

#[test]
fn geojson_is_decoded_as_written() {
    let g = decode(geojson().as_bytes(), GeoFormat::Geojson).unwrap();
    assert_eq!(g.regions.len(), 3);
    assert!(g.fictitious);
    assert_eq!(g.regions[0].code, "330100");
    assert_eq!(g.regions[1].code, "340100", "the feature's id when no code");
    assert_eq!(g.regions[0].polygons[0].len(), 2, "exterior and hole");
    assert_eq!(g.regions[1].polygons.len(), 2);
    assert_eq!(g.bbox, [100.0, 0.0, 115.0, 14.0]);
    assert_eq!(g.vertices, 5 * 5, "five rings of five positions");
    // Every vertex kept as written (no simplification).
    assert_eq!(g.regions[0].polygons[0][1][1], [104.0, 6.0]);
    let tj = scorecards_core::map::units::index_of_code(12);
    assert_eq!(g.regions[2].unit, tj);
}

#[test]
fn topojson_arcs_are_delta_decoded_transformed_and_stitched() {
    // Two squares sharing the arc x = 1; the second walks it backwards (~0 = arc 0 reversed).
    let topo = r#"{"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[100,20]},
      "arcs":[[[2,0],[0,4]],[[2,4],[-2,0],[0,-4],[2,0]],[[2,0],[2,0],[0,4],[-2,0]]],
      "objects":{"regions":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0,1]],"properties":{"code":"330100"}},
        {"type":"Polygon","arcs":[[2,-1]],"id":"330200"}]}}}"#;
    let g = decode(topo.as_bytes(), GeoFormat::Topojson).unwrap();
    assert_eq!(g.regions.len(), 2);
    assert_eq!(
        g.regions[0].polygons[0][0],
        vec![
            [101.0, 20.0],
            [101.0, 21.0],
            [100.0, 21.0],
            [100.0, 20.0],
            [101.0, 20.0]
        ]
    );
    assert_eq!(
        g.regions[1].polygons[0][0],
        vec![
            [101.0, 20.0],
            [102.0, 20.0],
            [102.0, 21.0],
            [101.0, 21.0],
            [101.0, 20.0]
        ]
    );
    assert_eq!(g.bbox, [100.0, 20.0, 102.0, 21.0]);
}

#[test]
fn broken_files_are_refused_with_a_reason() {
    let d = |s: &str, f| decode(s.as_bytes(), f).unwrap_err();
    assert!(matches!(d("{", GeoFormat::Geojson), GeoError::NotJson(_)));
    assert_eq!(
        d(r#"{"type":"Topology"}"#, GeoFormat::Geojson),
        GeoError::NotFormat(GeoFormat::Geojson)
    );
    assert_eq!(
        d(
            r#"{"type":"FeatureCollection","features":[]}"#,
            GeoFormat::Geojson
        ),
        GeoError::Empty
    );
    let no_code = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"33"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#;
    assert_eq!(d(no_code, GeoFormat::Geojson), GeoError::NoCode(1));
    let line = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"330100","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#;
    assert_eq!(d(line, GeoFormat::Geojson), GeoError::BadGeometry(1));
    let big = vec![b' '; MAX_GEO_BYTES as usize + 1];
    assert!(matches!(
        decode(&big, GeoFormat::Geojson),
        Err(GeoError::TooLarge(_))
    ));
    for lang in [Lang::Zh, Lang::En] {
        let m = GeoError::NoApproval.message(lang);
        assert!(m.contains("审图号"), "{m}");
        assert!(m.ends_with(lang.geo_strings().tiles_still_work));
    }
}

#[test]
fn boundaries_without_an_approval_number_are_refused() {
    let ds = data(NUMBERED, false);
    assert_eq!(
        approval(ds.document()),
        Ok(Approval::Number("GS(2099)0000号".into()))
    );
    let none = r#","boundaries":{"href":"geo/c.json","format":"geojson","source":{"zh":"来源"}}"#;
    let ds = data(none, false);
    assert_eq!(approval(ds.document()), Err(GeoError::NoApproval));
    let issues = validate(ds.document());
    let i = issues
        .iter()
        .find(|i| i.kind == IssueKind::NoApprovalNumber)
        .expect("reported");
    assert_eq!(i.path, "$.boundaries.approval");
    assert!(i.is_warning(), "the data and the tile map still show");
    // "Fictitious" is honoured only in synthetic data.
    let fict = r#","boundaries":{"href":"geo/c.json","format":"geojson","source":{"zh":"虚构"},"fictitious":true}"#;
    assert_eq!(
        approval(data(fict, false).document()),
        Err(GeoError::NoApproval)
    );
    assert_eq!(
        approval(data(fict, true).document()),
        Ok(Approval::Fictitious)
    );
    let far = r#","boundaries":{"href":"https://elsewhere.example/c.json","format":"geojson","approval":"GS(2099)0000号","source":{"zh":"x"}}"#;
    let ds = data(far, false);
    assert!(matches!(approval(ds.document()), Err(GeoError::BadRef(_))));
    assert!(validate(ds.document())
        .iter()
        .any(|i| matches!(i.kind, IssueKind::BadBoundaryRef { .. }) && i.is_warning()));
}

#[test]
fn coordinates_out_of_range_are_an_error() {
    let mut doc = data("", false).document().clone();
    doc.stations[0].location.as_mut().unwrap().lat = 91.0;
    let issues = validate(&doc);
    let i = issues
        .iter()
        .find(|i| matches!(i.kind, IssueKind::LocationOutOfRange { .. }))
        .unwrap();
    assert_eq!(i.path, "$.stations[0].location");
    assert!(!i.is_warning());
}

fn draw(
    g: &GeoMap,
    ds: &Dataset,
    lang: Lang,
    width: u32,
    focus: Option<usize>,
) -> (String, Labels) {
    let map = tile_map(ds, "incidents", Measure::Level);
    let points: Vec<[f64; 2]> = ds
        .stations()
        .iter()
        .filter_map(|s| s.location.map(|l| [l.lon, l.lat]))
        .collect();
    let ap = Approval::Number("GS(2099)0000号".into());
    let spec = GeoSpec {
        geo: g,
        map: &map,
        points: &points,
        focus,
        approval: &ap,
        lang,
        pixel_ratio: 1.0,
        font_px: 12.0,
    };
    let h = geo_height(g.bbox, f64::from(width), 12.0, map.classes.colors.len()) as u32;
    let (svg, (), labels) = to_svg((width, h), |root, labels| {
        draw_geo(root, &spec, &ChartTheme::LIGHT, labels).unwrap();
    });
    (svg, labels)
}

/// The `points` of every `<polygon>` in an SVG.
fn polygons(svg: &str) -> Vec<Vec<(f64, f64)>> {
    svg.split("<polygon").skip(1).map(points).collect()
}

/// The winding number of `poly` around `(x, y)` (0: outside under the non-zero rule).
fn winding(poly: &[(f64, f64)], (x, y): (f64, f64)) -> i32 {
    let mut w = 0;
    for (a, b) in poly.iter().zip(poly.iter().cycle().skip(1)) {
        let cross = (b.0 - a.0) * (y - a.1) - (x - a.0) * (b.1 - a.1);
        if a.1 <= y && b.1 > y && cross > 0.0 {
            w += 1;
        } else if a.1 > y && b.1 <= y && cross < 0.0 {
            w -= 1;
        }
    }
    w
}

#[test]
fn the_svg_draws_every_region_holes_stay_holes_and_the_number_is_lower_left() {
    let g = decode(geojson().as_bytes(), GeoFormat::Geojson).unwrap();
    let ds = data(NUMBERED, false);
    for lang in [Lang::Zh, Lang::En] {
        for width in [390u32, 1280] {
            let (svg, labels) = draw(&g, &ds, lang, width, Some(0));
            let polys = polygons(&svg);
            // Every polygon of every region is drawn, each once.
            assert_eq!(polys.len(), 4, "{width}");
            let lay = geo_layout(g.bbox, f64::from(width), 1.0, 12.0, 1);
            let px = |p: [f64; 2]| lay.to_px(p);
            // Inside the ring of 浙江 but outside its hole: filled; the hole's centre: not.
            let zj = &polys[0];
            assert_ne!(winding(zj, px([102.0, 2.0])), 0);
            assert_eq!(winding(zj, px([105.0, 5.0])), 0, "the hole stays a hole");
            // The approval number at the lower left, under the geometry.
            let text = (lang.geo_strings().approval)("GS(2099)0000号");
            let l = labels.0.iter().find(|l| l.text == text).expect("printed");
            assert_eq!(l.x, 0.0);
            assert!(l.y > lay.map_h);
            // The fictitious file says so on the canvas too.
            assert!(labels
                .0
                .iter()
                .any(|l| l.text == lang.geo_strings().fictitious));
            // Two points (two circles each), the focus ring (two) and the legend.s point.
            assert_eq!(svg.matches("<circle").count(), 2 * 2 + 2 + 1);
        }
    }
}

#[test]
fn the_nearest_station_is_found_and_arrows_move_between_stations() {
    let g = decode(geojson().as_bytes(), GeoFormat::Geojson).unwrap();
    let lay = geo_layout(g.bbox, 600.0, 1.0, 12.0, 1);
    let pts = [[101.0, 1.0], [102.0, 12.0], [108.0, 2.0]];
    let (x, y) = lay.to_px([101.2, 1.3]);
    assert_eq!(lay.nearest(&pts, x, y, 20.0), Some(0));
    let (x, y) = lay.to_px([107.0, 2.0]);
    assert_eq!(lay.nearest(&pts, x, y, 60.0), Some(2));
    assert_eq!(lay.nearest(&pts, -500.0, -500.0, 20.0), None);
    assert_eq!(geo_step(&pts, None, Move::Right), Some(0));
    assert_eq!(geo_step(&pts, Some(0), Move::Right), Some(2));
    assert_eq!(geo_step(&pts, Some(0), Move::Up), Some(1));
    assert_eq!(
        geo_step(&pts, Some(1), Move::Up),
        Some(1),
        "nothing further north"
    );
    assert_eq!(geo_step(&pts, Some(1), Move::Last), Some(2));
    assert_eq!(geo_step(&[], None, Move::Right), None);
}

#[test]
fn no_comparable_figure_is_hatched_no_station_dotted_and_holes_stay_empty() {
    let g = decode(geojson().as_bytes(), GeoFormat::Geojson).unwrap();
    let ds = data(NUMBERED, false);
    let map = tile_map(&ds, "incidents", Measure::Level);
    // 浙江 has a figure, 安徽 no station, 天津 a station without a figure.
    let fills: Vec<GeoFill> = g
        .regions
        .iter()
        .map(|r| region_fill(&map, r.unit))
        .collect();
    assert_eq!(
        fills,
        [GeoFill::Class(0), GeoFill::NoStation, GeoFill::NoComparable]
    );
    let lay = geo_layout(g.bbox, 600.0, 1.0, 12.0, 1);
    let paths = GeoPaths::new(&g, &lay);
    let bbox = |rings: &[Vec<(i32, i32)>]| {
        let xs = rings.iter().flatten().map(|p| f64::from(p.0));
        let ys = rings.iter().flatten().map(|p| f64::from(p.1));
        (
            xs.clone().fold(f64::MAX, f64::min),
            ys.clone().fold(f64::MAX, f64::min),
            xs.fold(f64::MIN, f64::max),
            ys.fold(f64::MIN, f64::max),
        )
    };
    let inside = |(x0, y0, x1, y1): (f64, f64, f64, f64), (x, y): (f64, f64)| {
        x >= x0 - 1e-6 && x <= x1 + 1e-6 && y >= y0 - 1e-6 && y <= y1 + 1e-6
    };
    // Hatching: diagonals x + y = 7k, clipped to 天津's square.
    let tj = bbox(&paths.rings[2]);
    let hatch = pattern_segments(&paths.rings[2], GeoFill::NoComparable, 1.0);
    assert!(hatch.len() > 3, "{}", hatch.len());
    for [a, b] in &hatch {
        assert!((a.0 + a.1 - b.0 - b.1).abs() < 1e-6);
        assert_eq!((a.0 + a.1).round() % 7.0, 0.0);
        assert!(inside(tj, *a) && inside(tj, *b), "{a:?} {b:?} {tj:?}");
    }
    // Dots: inside one of 安徽's two parts, every 8 pixels.
    let parts: Vec<_> = paths.rings[1]
        .iter()
        .map(|r| bbox(std::slice::from_ref(r)))
        .collect();
    let dots = pattern_segments(&paths.rings[1], GeoFill::NoStation, 1.0);
    assert!(dots.len() > 4, "{}", dots.len());
    for [a, _] in &dots {
        assert!(parts.iter().any(|p| inside(*p, *a)), "{a:?}");
        assert_eq!((a.0 - 4.0) % 8.0, 0.0);
    }
    // 浙江 hatched would leave its hole empty: no mark crosses the hole's inside.
    let hole = bbox(std::slice::from_ref(&paths.rings[0][1]));
    let strictly = |(x, y): (f64, f64)| {
        x > hole.0 + 0.5 && x < hole.2 - 0.5 && y > hole.1 + 0.5 && y < hole.3 - 0.5
    };
    let zj = pattern_segments(&paths.rings[0], GeoFill::NoComparable, 1.0);
    assert!(!zj.is_empty());
    for [a, b] in &zj {
        assert!(
            !strictly(((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)),
            "{a:?} {b:?}"
        );
    }
    assert!(pattern_segments(&paths.rings[0], GeoFill::Class(0), 1.0).is_empty());
    // One path per fill for the browser, holes and parts as subpaths; every ring an edge.
    let groups = paths.groups(&g, &map);
    let kinds: Vec<GeoFill> = groups.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        kinds,
        [GeoFill::Class(0), GeoFill::NoComparable, GeoFill::NoStation]
    );
    assert_eq!(groups[0].1.matches('M').count(), 2, "exterior and hole");
    assert_eq!(groups[2].1.matches('M').count(), 2, "both parts");
    assert_eq!(paths.edges().matches('Z').count(), 5);
    assert_eq!(
        path_data(&[vec![(10, 20), (30, 20), (30, 5)]]),
        "M10 20l20 0 0 -15 Z"
    );
    // The SVG draws the marks too (never a plain fill like a low value), and the legend has
    // the tile map's hatched and dotted swatches.
    let (svg, labels) = draw(&g, &ds, Lang::Zh, 600, None);
    let lines = svg.matches("<polyline").count();
    assert!(lines > 5 + hatch.len(), "{lines}");
    let gs = Lang::Zh.geo_strings();
    for t in [gs.no_comparable, gs.no_station] {
        assert!(labels.0.iter().any(|l| l.text == t), "{t}");
    }
}

#[test]
fn station_points_shrink_on_a_narrow_map() {
    let g = decode(geojson().as_bytes(), GeoFormat::Geojson).unwrap();
    let r = |w: f64, ratio: f64| geo_layout(g.bbox, w * ratio, ratio, 12.0, 5).point_radius(ratio);
    assert_eq!(r(1280.0, 1.0), 3.0);
    assert_eq!(r(1280.0, 2.0), 6.0);
    // A phone's canvas (390 px screen, 340 px box): half the size.
    assert_eq!(r(340.0, 1.0), 1.5);
    assert_eq!(r(340.0, 3.0), 4.5);
    assert!(r(390.0, 1.0) < 3.0);
    assert!(r(200.0, 1.0) >= 1.5);
}
