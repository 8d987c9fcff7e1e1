//! Thin view components, one per file.
//!
//! Components open the same way: `Ui::get()`, the language's strings, a closure that
//! redraws on a change of language, then a `<section>` with its heading and caption, or a
//! list built with `collect_view`. The `duplicates` tool pairs those openings by shape
//! (marked boilerplate); what each component draws differs, and a macro for three lines
//! would hide more than it saves.

mod app_footer;
mod app_header;
mod bar_chart;
mod compare_view;
pub(crate) mod directory;
mod download_buttons;
mod embed_snippet;
mod error_panel;
pub(crate) mod family_panel;
mod headline_band;
mod headline_tile;
mod layered;
mod league_apart;
mod league_controls;
mod league_summary;
mod league_table;
mod league_view;
mod map_canvas;
mod map_classes;
mod map_export;
mod map_geo;
mod map_geo_canvas;
mod map_geo_paint;
mod map_modes;
mod map_table;
mod map_view;
mod menu_options;
mod profile_panel;
mod scorecard;
pub(crate) mod search_box;
mod source_list;
mod source_ref;
mod sparkline;
pub(crate) mod station_link;
pub(crate) mod tile_figure;
mod trend_chart;
pub(crate) mod view_switch;
pub(crate) mod virtual_rows;
pub(crate) mod virtual_table;

pub use app_footer::AppFooter;
pub use app_header::AppHeader;
pub use bar_chart::BarChart;
pub use directory::Directory;
pub use download_buttons::DownloadButtons;
pub use embed_snippet::EmbedSnippet;
pub use error_panel::ErrorPanel;
pub use family_panel::FamilyPanel;
pub use headline_band::HeadlineBand;
pub use headline_tile::HeadlineTile;
pub(crate) use layered::Layered;
pub use profile_panel::ProfilePanel;
pub use scorecard::Scorecard;
pub use source_list::SourceList;
pub use source_ref::SourceRef;
pub use sparkline::Sparkline;
pub use station_link::StationLink;
pub(crate) use view_switch::ViewSwitch;

// The comparison, the league table, the tile map and the trend charts are loaded on first use
// (`crate::parts`): views get the wrappers that load them, under the components' names; the
// parts' own code uses the components themselves.
pub use crate::parts::{
    LazyCompareView as CompareView, LazyLeagueView as LeagueView, LazyMapView as MapView,
    LazyTrendChart as TrendChart,
};
pub(crate) use compare_view::CompareView as CompareViewNow;
pub(crate) use league_view::LeagueView as LeagueViewNow;
pub(crate) use map_view::MapView as MapViewNow;
pub(crate) use trend_chart::TrendChart as TrendChartNow;
