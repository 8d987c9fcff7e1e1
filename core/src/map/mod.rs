//! The tile map of the 34 provincial-level units: no boundary geometry, one equal tile per
//! unit in a fixed grid that follows rough positions (docs/embedding.md says why).
//!
//! - [`units`]: the units, their GB/T 2260 codes, names and grid cells, and which unit a
//!   station is in;
//! - [`tiles`]: per unit the median of the figures the league table compares, in at most
//!   seven colour classes, with the texts around them;
//! - [`nav`]: arrow-key movement between tiles;
//! - [`draw`]: layout, hit-testing and drawing on any plotters backend;
//! - [`export`]: the texts and layout around the map's PNG export.
//!
//! Pure, like the rest of the core; the browser loads the view that uses it on demand.

pub mod draw;
pub mod export;
pub mod geo;
pub mod geo_draw;
pub mod geo_paths;
pub mod nav;
pub mod tiles;
pub mod units;

pub use draw::{draw_map, map_height, map_layout, MapLayout, MapSpec};
pub use nav::{reading_order, step, Move};
pub use tiles::{tile_map, Classes, Tile, TileMap, TileState};
pub use units::{index_of_code, index_of_station, Unit, UNITS};
