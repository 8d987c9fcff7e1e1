//! The browser side of the charts: the canvas label sink (the canvas' own `fillText`, so no
//! text is measured through the page), sizing a canvas to its box × devicePixelRatio, a
//! resize observer and the PNG export. Layout and drawing live in `scorecards_core::chart`.

mod canvas;
#[cfg(feature = "ssr")]
mod svg;
mod theme;

pub use canvas::{fit_canvas, observe_width, offer_png, CanvasLabels};
#[cfg(feature = "ssr")]
pub use svg::{spark_svg, trend_svg};
pub use theme::chart_theme;
