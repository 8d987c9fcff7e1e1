//! The map export's texts (one typed table per language), reached as
//! `lang.map_export_strings()`; loaded with the map only, like [`super::map`].

use crate::lang::Lang;

/// Texts of the map's PNG export.
#[derive(Debug)]
pub struct MapExportStrings {
    /// The export button's text.
    pub button: &'static str,
    /// Said (live) after the image was offered: its file name.
    pub offered: fn(&str) -> String,
    /// Said (live) when there is no drawn map to export yet (loading, refused boundaries).
    pub nothing: &'static str,
}

const ZH: MapExportStrings = MapExportStrings {
    button: "下载地图图片（PNG）",
    offered: |name| format!("已生成图片 {name}。"),
    nothing: "地图尚未绘制，暂无可下载的图片。",
};

const EN: MapExportStrings = MapExportStrings {
    button: "Download the map (PNG)",
    offered: |name| format!("Image {name} created."),
    nothing: "The map is not drawn yet: there is no image to download.",
};

impl Lang {
    /// The map export's texts.
    pub fn map_export_strings(self) -> &'static MapExportStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
