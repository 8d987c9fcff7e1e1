//! Thin view components, one per file.

mod app_footer;
mod app_header;
mod bar_chart;
mod compare_view;
pub(crate) mod directory;
mod download_buttons;
mod embed_snippet;
mod error_panel;
mod family_panel;
mod league_view;
mod profile_panel;
mod scorecard;
mod source_list;
mod source_ref;
pub(crate) mod station_link;
mod trend_chart;
pub(crate) mod virtual_rows;

pub use app_footer::AppFooter;
pub use app_header::AppHeader;
pub use bar_chart::BarChart;
pub use compare_view::CompareView;
pub use directory::Directory;
pub use download_buttons::DownloadButtons;
pub use embed_snippet::EmbedSnippet;
pub use error_panel::ErrorPanel;
pub use family_panel::FamilyPanel;
pub use league_view::LeagueView;
pub use profile_panel::ProfilePanel;
pub use scorecard::Scorecard;
pub use source_list::SourceList;
pub use source_ref::SourceRef;
pub use station_link::StationLink;
pub use trend_chart::TrendChart;
