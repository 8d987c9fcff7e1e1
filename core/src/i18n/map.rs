//! The tile map's texts (one typed table per language), reached as `lang.map_strings()`.
//! Kept apart from [`super::Strings`] so that the first view's code never reaches them: the
//! map is loaded on demand (the nav tab's label is `Strings::nav_map`).

use crate::lang::Lang;

/// The highest or lowest unit of a map: its name and formatted value.
pub type Extreme<'a> = Option<(&'a str, &'a str)>;

/// Fixed texts and messages of the tile map.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct MapStrings {
    /// The view's heading.
    pub title: &'static str,
    /// What the tiles are, and are not.
    pub intro: &'static str,
    /// How to use the map with the keyboard or a pointer.
    pub keys_hint: &'static str,
    /// The grid's accessible name.
    pub grid_label: &'static str,
    pub legend: &'static str,
    /// The caption of the table equivalent.
    pub table_caption: &'static str,
    pub col_unit: &'static str,
    pub col_stations: &'static str,
    pub col_comparable: &'static str,
    pub col_value: &'static str,
    /// A unit with stations but no figure on the common basis.
    pub no_comparable: &'static str,
    /// A unit with no station in the data.
    pub no_station: &'static str,
    /// Says what a tile's colour stands for.
    pub median_note: &'static str,
    /// Levels: the sequential scale.
    pub sequential_note: &'static str,
    /// Changes: the diverging scale around zero.
    pub diverging_note: &'static str,
    /// The class breaks, said in text (heading of the list).
    pub classes: &'static str,
    /// The link from a row of the table to the league filtered to the unit.
    pub open_league: &'static str,
    /// No metric in the data can be shown.
    pub nothing_to_show: &'static str,
    /// `n` stations on a tile, written on the tile.
    pub tile_count: fn(usize) -> String,
    /// A class's range (values already formatted).
    pub class_range: fn(&str, &str) -> String,
    /// One tile said in words: unit, stations, comparable stations, the median when there is
    /// one (already formatted).
    pub readout: fn(&str, usize, usize, Option<&str>) -> String,
    /// The text summary: highest and lowest (unit, formatted value), units with stations but
    /// no comparable figure, units without a station.
    pub summary: fn(Extreme, Extreme, usize, usize) -> String,
    /// Stations that no unit could be found for (no region code, province name not recognised).
    pub unplaced: fn(usize) -> String,
}

const ZH: MapStrings = MapStrings {
    title: "分省图",
    intro: "每个省级行政区一个等大方块，按大致方位排列。这是统计图，不是地图：不含任何边界。",
    keys_hint: "用方向键在方块间移动并朗读数值，按回车键打开该省的排行表。",
    grid_label: "分省方块图",
    legend: "图例",
    table_caption: "各省级行政区的数值（与方块图相同的数据）",
    col_unit: "省级行政区",
    col_stations: "派出所数",
    col_comparable: "可比数据数",
    col_value: "中位数",
    no_comparable: "有派出所，但无可比数据",
    no_station: "数据中无派出所",
    median_note: "方块颜色为该省可比数据的中位数；是否可比，按排行表的规则判断（同一口径、单位、期间和基准）。",
    sequential_note: "颜色越深，数值越高。",
    diverging_note: "变化以 0 为中心着色：橙色为下降，紫色为上升。",
    classes: "分级",
    open_league: "查看该省排行",
    nothing_to_show: "数据中没有可在分省图上显示的指标。",
    tile_count: |n| format!("{n}所"),
    class_range: |lo, hi| format!("{lo} 至 {hi}"),
    readout: |unit, stations, comparable, value| match (stations, value) {
        (0, _) => format!("{unit}：数据中无派出所"),
        (_, Some(v)) => format!("{unit}：中位数 {v}（{stations} 个派出所，{comparable} 个有可比数据）"),
        (_, None) => format!("{unit}：{stations} 个派出所，无可比数据"),
    },
    summary: |high, low, no_comparable, no_station| {
        let mut s = String::new();
        match (high, low) {
            (Some((hu, hv)), Some((lu, _))) if hu == lu => {
                s.push_str(&format!("只有{hu}有可比数据（{hv}）。"))
            }
            (Some((hu, hv)), Some((lu, lv))) => {
                s.push_str(&format!("最高：{hu}（{hv}）；最低：{lu}（{lv}）。"))
            }
            _ => {}
        }
        s.push_str(&format!(
            "{no_comparable} 个省级行政区有派出所但无可比数据，{no_station} 个在数据中没有派出所。"
        ));
        s
    },
    unplaced: |n| format!("另有 {n} 个派出所无法归入省级行政区（没有区划代码，省名也无法识别），未计入。"),
};

const EN: MapStrings = MapStrings {
    title: "Provinces",
    intro: "One equal tile per provincial-level unit, placed by rough position. This is a chart, not a map: it has no boundaries.",
    keys_hint: "Use the arrow keys to move between tiles and hear their values; Enter opens the province's league table.",
    grid_label: "Tile chart of provinces",
    legend: "Legend",
    table_caption: "Values by provincial-level unit (the same data as the tiles)",
    col_unit: "Provincial-level unit",
    col_stations: "Stations",
    col_comparable: "Comparable figures",
    col_value: "Median",
    no_comparable: "Stations, but no comparable figure",
    no_station: "No station in the data",
    median_note: "A tile's colour is the median of its comparable figures; what is comparable follows the league table's rules (same measure, unit, period and baseline).",
    sequential_note: "Darker means higher.",
    diverging_note: "Changes are coloured around zero: orange falls, purple rises.",
    classes: "Classes",
    open_league: "League table",
    nothing_to_show: "No metric in the data can be shown on the tile chart.",
    tile_count: |n| if n == 1 { "1 stn".to_string() } else { format!("{n} stns") },
    class_range: |lo, hi| format!("{lo} to {hi}"),
    readout: |unit, stations, comparable, value| match (stations, value) {
        (0, _) => format!("{unit}: no station in the data"),
        (_, Some(v)) => format!("{unit}: median {v} ({stations} stations, {comparable} with a comparable figure)"),
        (_, None) => format!("{unit}: {stations} stations, no comparable figure"),
    },
    summary: |high, low, no_comparable, no_station| {
        let mut s = String::new();
        match (high, low) {
            (Some((hu, hv)), Some((lu, _))) if hu == lu => {
                s.push_str(&format!("Only {hu} has a comparable figure ({hv}). "))
            }
            (Some((hu, hv)), Some((lu, lv))) => {
                s.push_str(&format!("Highest: {hu} ({hv}); lowest: {lu} ({lv}). "))
            }
            _ => {}
        }
        s.push_str(&format!(
            "{no_comparable} units have stations but no comparable figure; {no_station} have no station in the data."
        ));
        s
    },
    unplaced: |n| format!("{n} more stations could not be placed in a unit (no region code, province name not recognised) and are left out."),
};

impl Lang {
    /// The tile map's texts.
    pub fn map_strings(self) -> &'static MapStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
