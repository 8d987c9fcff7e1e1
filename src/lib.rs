//! station-scorecards: an embeddable dashboard of Fengqiao-style police stations.
//!
//! The data model, validation and formatting live in the pure `scorecards-core` crate; this
//! crate holds the thin Leptos views (one component per file in `components/`), the one place
//! where data is loaded (`data`), the browser URL glue (`url`), and the only
//! `#[wasm_bindgen]` exports (`embed`).
#![warn(missing_docs)]
// Server-side rendering (`ssr`) gives `into_any()` an async resolve over the whole view type;
// the league table's is deeper than the default limit of 128.
#![recursion_limit = "256"]

mod app;
mod chart;
mod components;
mod crash;
mod data;
mod download;
mod embed;
mod heap;
mod parts;
#[cfg(feature = "ssr")]
pub mod prerender;
mod ready;
mod render_mode;
mod state;
mod url;

pub use app::{App, AppOptions};
pub use crash::install as install_panic_hook;
pub use data::DataSource;
pub use embed::mount_standalone;

/// Counts live bytes for `embed.js`'s `memoryStats()` (see `heap`).
#[global_allocator]
static ALLOCATOR: heap::Counting = heap::Counting;
