//! The geographic mode's texts (one typed table per language), reached as
//! `lang.geo_strings()`; loaded with the map only, like [`super::map`].

use crate::lang::Lang;

/// Fixed texts and messages of the map's geographic mode.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct GeoStrings {
    /// The choice between the two modes.
    pub mode: &'static str,
    pub mode_tiles: &'static str,
    pub mode_geo: &'static str,
    /// Said while the boundary file loads.
    pub loading: &'static str,
    /// What the publisher's geometry is and how it is drawn.
    pub drawn_as_is: &'static str,
    /// The canvas group's accessible name.
    pub canvas_label: &'static str,
    /// How to use the keyboard on the stations.
    pub keys_hint: &'static str,
    /// Said on the canvas and below it for fictitious test geometry.
    pub fictitious: &'static str,
    /// Legend rows of areas without a class.
    pub no_comparable: &'static str,
    pub no_station: &'static str,
    /// Legend row of a station's point.
    pub station_point: &'static str,
    /// Appended to every refusal: the tile map works.
    pub tiles_still_work: &'static str,
    /// The map review number as printed (`审图号：GS(2024)1234号`).
    pub approval: fn(&str) -> String,
    /// Where the geometry comes from.
    pub source: fn(&str) -> String,
    /// How many regions the file has (all drawn).
    pub regions: fn(usize) -> String,
    /// Stations drawn as points; stations whose coordinates are in another reference system
    /// than the boundary file's (never converted); stations without coordinates.
    pub points: fn(usize, usize, usize) -> String,
    /// One station said in words: its name, then its unit's readout.
    pub point_readout: fn(&str, &str) -> String,
    pub no_boundaries: &'static str,
    pub no_approval: &'static str,
    pub bad_ref: fn(&str) -> String,
    /// HTTP status, or 0 for no answer.
    pub fetch: fn(u16) -> String,
    /// Size and limit in MiB.
    pub too_large: fn(u64, u64) -> String,
    pub not_json: fn(&str) -> String,
    pub not_format: fn(&str) -> String,
    pub empty: &'static str,
    pub no_code: fn(usize) -> String,
    pub bad_geometry: fn(usize) -> String,
}

const ZH: GeoStrings = GeoStrings {
    mode: "显示方式",
    mode_tiles: "分省方块",
    mode_geo: "边界地图",
    loading: "正在载入边界文件……",
    drawn_as_is: "边界由发布者提供，按文件原样绘制：不简化、不重新投影；坐标只按同一比例线性缩放到画布（经度向右、纬度向上）。各区域按所属省级行政区的中位数着色，与分省方块相同。",
    canvas_label: "边界地图及派出所位置",
    keys_hint: "用方向键在派出所之间移动并朗读，Esc 取消选择。",
    fictitious: "虚构几何：仅供测试和演示，不是地图，没有审图号",
    no_comparable: "有派出所，但无可比数据",
    no_station: "数据中无派出所",
    station_point: "派出所位置",
    tiles_still_work: "分省方块图仍可使用。",
    approval: |n| format!("审图号：{n}"),
    source: |s| format!("边界来源：{s}。"),
    regions: |n| format!("边界文件共有 {n} 个区域，全部绘制。"),
    points: |drawn, other, none| {
        let mut s = format!("图上标出 {drawn} 个有坐标的派出所。");
        if other > 0 {
            s.push_str(&format!("{other} 个派出所的坐标系与边界文件不同，未标出（不同坐标系之间不做换算）。"));
        }
        if none > 0 {
            s.push_str(&format!("{none} 个派出所没有坐标。"));
        }
        s
    },
    point_readout: |name, unit| format!("{name}。{unit}"),
    no_boundaries: "数据文件没有指定边界文件。",
    no_approval: "边界文件没有审图号，不予绘制：公开展示的地图须有审图号。",
    bad_ref: |h| format!("边界文件地址“{h}”无效：应为同一网站上数据文件所在目录下的相对路径。"),
    fetch: |status| match status {
        0 => "无法取得边界文件（网络错误或超时）。".to_string(),
        s => format!("无法取得边界文件（HTTP {s}）。"),
    },
    too_large: |size, limit| format!("边界文件太大（{size} MiB，上限 {limit} MiB）。"),
    not_json: |e| format!("边界文件不是有效的 JSON：{e}"),
    not_format: |f| format!("边界文件不是 {f} 文件。"),
    empty: "边界文件中没有区域。",
    no_code: |n| format!("边界文件的第 {n} 个区域没有六位 GB/T 2260 区划代码（properties.code 或 id）。"),
    bad_geometry: |n| format!("边界文件的第 {n} 个区域没有有效的多边形（Polygon 或 MultiPolygon）。"),
};

const EN: GeoStrings = GeoStrings {
    mode: "Show",
    mode_tiles: "Tiles",
    mode_geo: "Boundary map",
    loading: "Loading the boundary file…",
    drawn_as_is: "The boundaries are the publisher's, drawn exactly as in the file: not simplified, not re-projected; the coordinates are only scaled linearly, by one factor, onto the canvas (longitude to the right, latitude up). Each area takes the colour of its provincial-level unit's median, as on the tiles.",
    canvas_label: "Boundary map with station locations",
    keys_hint: "Use the arrow keys to move between stations and hear them; Esc clears.",
    fictitious: "Fictitious geometry: for tests and the demo only, not a map, no review number",
    no_comparable: "Stations, but no comparable figure",
    no_station: "No station in the data",
    station_point: "Station location",
    tiles_still_work: "The tile map still works.",
    approval: |n| format!("Map review number (审图号): {n}"),
    source: |s| format!("Boundaries: {s}."),
    regions: |n| format!("The boundary file has {n} areas, all drawn."),
    points: |drawn, other, none| {
        let mut s = format!("{drawn} stations with coordinates are shown. ");
        if other > 0 {
            s.push_str(&format!("{other} stations have coordinates in another reference system than the boundary file and are not shown (systems are never converted). "));
        }
        if none > 0 {
            s.push_str(&format!("{none} stations have no coordinates."));
        }
        s.trim_end().to_string()
    },
    point_readout: |name, unit| format!("{name}. {unit}"),
    no_boundaries: "The data file names no boundary file.",
    no_approval: "The boundary file has no map review number (审图号) and is not drawn: a map shown to the public needs one.",
    bad_ref: |h| format!("The boundary file “{h}” is not a relative path below the data file's folder on the same site."),
    fetch: |status| match status {
        0 => "The boundary file could not be fetched (network error or time-out).".to_string(),
        s => format!("The boundary file could not be fetched (HTTP {s})."),
    },
    too_large: |size, limit| format!("The boundary file is too large ({size} MiB, at most {limit} MiB)."),
    not_json: |e| format!("The boundary file is not valid JSON: {e}"),
    not_format: |f| format!("The boundary file is not a {f} file."),
    empty: "The boundary file has no area.",
    no_code: |n| format!("Area {n} of the boundary file has no six-digit GB/T 2260 code (properties.code or id)."),
    bad_geometry: |n| format!("Area {n} of the boundary file has no valid polygon (Polygon or MultiPolygon)."),
};

impl Lang {
    /// The geographic mode's texts.
    pub fn geo_strings(self) -> &'static GeoStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
