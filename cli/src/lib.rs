//! Publisher tools for station-scorecards, as a library behind the `scorecards` command.
//!
//! - [`server`]: the static file server (also used by `cargo xtask serve` and the browser
//!   tests), always built;
//! - with the `tools` feature (on by default): `validate`, `import`, `synth` and `schema`,
//!   reached through [`run`], which the `scorecards` binary calls;
//! - with the `render` feature (on by default, off for `xtask`): `render`, the prerendered
//!   views, drawn by the dashboard's own components (it builds Leptos natively).
//!
//! Every check goes through `scorecards-core`, the same code the browser runs, so a file
//! this tool calls valid is a file the dashboard loads.
#![warn(missing_docs)]

pub mod server;

#[cfg(feature = "tools")]
mod app;
#[cfg(feature = "tools")]
pub mod check;
#[cfg(feature = "tools")]
pub mod import;
#[cfg(feature = "tools")]
mod jsonfmt;
#[cfg(feature = "tools")]
mod messages;
#[cfg(feature = "render")]
pub mod render;
#[cfg(feature = "tools")]
pub mod synth;
#[cfg(feature = "tools")]
pub mod textenc;

#[cfg(feature = "tools")]
pub use app::run;
