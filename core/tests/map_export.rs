//! The map's PNG export: the title says metric, measure and period, the lines say who
//! published the data (and, in geographic mode, whose boundaries), synthetic data is said to
//! be synthetic, the file name follows the charts' exports, and the layout frames the
//! picture without overlapping it.

use scorecards_core::chart::{Labels, Rgb};
use scorecards_core::compare::Measure;
use scorecards_core::map::export::{
    draw_export_lines, draw_export_title, export_layout, export_texts, text_width, wrap,
    ExportTexts,
};
use scorecards_core::map::tile_map;
use scorecards_core::{parse, Dataset, Lang};

fn data(boundaries: &str, synthetic: bool) -> Dataset {
    let json = format!(
        r#"{{"schema_version":1,"publisher":{{"zh":"某市公安局","en":"City Police"}},"generated_at":"2026-01-02T08:00:00+08:00","synthetic":{synthetic},
        "sources":[{{"id":"s","title":{{"zh":"t"}},"publisher":{{"zh":"p"}}}}],
        "metrics":[{{"id":"incidents","label":{{"zh":"警情","en":"Incidents"}},"unit":"count","family":"incidents","polarity":"lower_is_better"}}],
        "stations":[
          {{"id":"a","name":{{"zh":"甲"}},"region":{{"province":{{"zh":"浙江"}},"code":"330100"}},
            "figures":[{{"metric":"incidents","value":5,"unit":"count","period":{{"start":"2024","end":"2024"}},"source":"s"}}]}},
          {{"id":"b","name":{{"zh":"乙"}},"region":{{"province":{{"zh":"天津"}}}},
            "figures":[{{"metric":"incidents","value":7,"unit":"count","period":{{"start":"2024","end":"2024"}},"source":"s"}}]}}
        ]{boundaries}}}"#
    );
    parse(json.as_bytes(), "t.json").unwrap_or_else(|e| panic!("{e:?}"))
}

const NUMBERED: &str = r#","boundaries":{"href":"geo/c.json","format":"geojson","approval":"GS(2099)0000号","source":{"zh":"测试来源","en":"Test source"},"crs":"wgs84"}"#;

#[test]
fn the_title_says_metric_measure_and_period_in_both_languages() {
    let ds = data("", false);
    let map = tile_map(&ds, "incidents", Measure::Level);
    let zh = export_texts(&ds, &map, Lang::Zh, false);
    assert_eq!(zh.title, "警情 · 数值 · 2024年", "{zh:?}");
    assert_eq!(
        zh.lines,
        vec!["发布方: 某市公安局 · 生成时间: 2026年1月2日"]
    );
    assert_eq!(zh.file_name, "map-incidents-level-2024.png");
    let en = export_texts(&ds, &map, Lang::En, false);
    assert!(en.title.starts_with("Incidents · "), "{en:?}");
    assert!(en.title.ends_with("2024"), "{en:?}");
    assert!(en.lines[0].contains("City Police"), "{en:?}");
    assert_eq!(en.file_name, zh.file_name, "one name in both languages");
}

#[test]
fn without_comparable_figures_no_period_is_invented() {
    let ds = data("", false);
    let map = tile_map(&ds, "incidents", Measure::Change);
    let t = export_texts(&ds, &map, Lang::Zh, false);
    assert_eq!(
        t.title.matches(" · ").count(),
        1,
        "metric and measure only: {t:?}"
    );
    assert_eq!(t.file_name, "map-incidents-change.png");
}

#[test]
fn geographic_mode_names_the_boundaries_source_and_synthetic_data_says_so() {
    let ds = data(NUMBERED, true);
    let map = tile_map(&ds, "incidents", Measure::Level);
    let tiles = export_texts(&ds, &map, Lang::Zh, false);
    assert!(
        !tiles.lines.iter().any(|l| l.contains("测试来源")),
        "{tiles:?}"
    );
    let geo = export_texts(&ds, &map, Lang::Zh, true);
    assert!(
        geo.file_name.starts_with("map-geo-incidents-level"),
        "{geo:?}"
    );
    assert!(
        geo.lines.iter().any(|l| l.contains("边界来源：测试来源")),
        "{geo:?}"
    );
    assert!(geo.lines.iter().any(|l| l.contains("合成数据")), "{geo:?}");
    let en = export_texts(&ds, &map, Lang::En, true);
    assert!(en.lines.iter().any(|l| l.contains("Test source")), "{en:?}");
    assert!(
        en.lines
            .iter()
            .any(|l| l.to_lowercase().contains("synthetic")),
        "{en:?}"
    );
}

fn texts(title: &str, lines: &[&str]) -> ExportTexts {
    ExportTexts {
        title: title.to_string(),
        lines: lines.iter().map(|l| l.to_string()).collect(),
        file_name: "map.png".into(),
    }
}

#[test]
fn the_layout_frames_the_picture_without_overlap() {
    let t = texts(
        "警情 · 数值 · 2024年",
        &["发布方: 测试", "边界来源：测试。", "合成数据"],
    );
    for ratio in [1.0, 2.0, 3.0] {
        let (w, h) = (600.0 * ratio, 400.0 * ratio);
        let lay = export_layout(&t, w, h, ratio);
        assert!(lay.width >= w + 2.0 * lay.pad);
        assert_eq!(lay.title.len(), 1, "a short title is one line: {lay:?}");
        assert!(lay.title[0].1 + lay.title_px <= lay.image_y, "{lay:?}");
        assert!(lay.image_x >= lay.pad);
        assert_eq!(lay.lines.len(), 3);
        assert!(lay.lines[0].1 >= lay.image_y + h, "{lay:?}");
        for pair in lay.lines.windows(2) {
            assert!(pair[1].1 - pair[0].1 >= lay.line_px, "{lay:?}");
        }
        assert!(lay.lines[2].1 + lay.line_px <= lay.height, "{lay:?}");
        assert!(
            lay.height >= h + 2.0 * lay.title_px,
            "taller than the picture: {lay:?}"
        );
    }
    // A pixel ratio below 1 keeps the CSS sizes (text stays readable).
    assert_eq!(export_layout(&t, 600.0, 400.0, 0.5).title_px, 16.0);
}

#[test]
fn long_texts_are_broken_to_fit_a_phone_wide_picture_and_nothing_is_lost() {
    let long_en = "Published by: station-scorecards synthetic data generator (synthetic) · Generated: 1 Jan 2026";
    let long_zh = "合成数据：本数据集由程序生成，仅供测试，不代表任何真实派出所。";
    let t = texts(
        "All incidents (calls for police) · Value · 2025",
        &[long_en, long_zh],
    );
    let lay = export_layout(&t, 366.0, 500.0, 1.0);
    assert!(lay.title.len() >= 2, "{lay:?}");
    assert!(lay.lines.len() >= 4, "{lay:?}");
    for (l, _) in &lay.title {
        assert!(text_width(l, lay.title_px) <= 366.0, "{l}");
    }
    for (l, _) in &lay.lines {
        assert!(text_width(l, lay.line_px) <= 366.0, "{l}");
        assert!(!l.starts_with(' ') && !l.ends_with(' '), "{l:?}");
    }
    let joined: String = lay
        .lines
        .iter()
        .map(|(l, _)| l.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        joined.replace(' ', ""),
        format!("{long_en}{long_zh}").replace(' ', "")
    );
    // English breaks between words, Chinese anywhere.
    assert!(
        lay.lines.iter().all(|(l, _)| !l.ends_with("synth")),
        "{lay:?}"
    );
    assert!(lay.lines[1].1 > lay.lines[0].1);
    assert!(lay.lines.last().unwrap().1 + lay.line_px <= lay.height);
}

#[test]
fn wrap_keeps_short_texts_and_cuts_what_has_no_break() {
    assert_eq!(wrap("警情", 100.0, 12.0), vec!["警情"]);
    assert_eq!(wrap("", 100.0, 12.0), vec![""]);
    let cut = wrap(&"x".repeat(50), 60.0, 10.0);
    assert!(cut.len() >= 5, "{cut:?}");
    assert_eq!(cut.concat(), "x".repeat(50));
    assert_eq!(wrap("甲乙丙丁", 25.0, 12.0), vec!["甲乙", "丙丁"]);
    assert_eq!(wrap("警情 · 数值", 30.0, 12.0), vec!["警情", "· 数", "值"]);
}

#[test]
fn every_text_is_written_where_the_layout_says() {
    let ds = data(NUMBERED, true);
    let map = tile_map(&ds, "incidents", Measure::Level);
    let t = export_texts(&ds, &map, Lang::Zh, true);
    let lay = export_layout(&t, 1200.0, 200.0, 1.0);
    let (mut title, mut lines) = (Labels(Vec::new()), Labels(Vec::new()));
    draw_export_title(&lay, &mut title, Rgb(0, 0, 0));
    draw_export_lines(&lay, &mut lines, Rgb(0, 0, 0));
    assert_eq!(title.0.len(), 1);
    assert_eq!(title.0[0].text, t.title);
    assert_eq!(title.0[0].y, lay.title[0].1);
    let written: Vec<_> = lines.0.iter().map(|l| l.text.clone()).collect();
    assert_eq!(written, t.lines, "wide enough: one line each");
    assert!(lines
        .0
        .iter()
        .all(|l| l.y >= lay.image_y + 200.0 && l.x == lay.pad));
}
