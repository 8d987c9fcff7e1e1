//! `scorecards synth --geometry FILE`: fictitious boundary geometry for tests and the demo
//! only — never real boundaries. About 2,900 county-like areas laid out as blocks in the
//! tile map's grid of provincial-level units (obviously not a map: rectangles in a grid,
//! their edges jittered inward, every 13th with a hole), keyed by made-up six-digit codes
//! that start with the unit's real two digits. The file says it is fictitious in its own
//! metadata (`"fictitious": true`, `name`, every area's `name`), the data file marks the
//! boundaries `fictitious` (allowed in synthetic data only) and names no approval number,
//! and the dashboard labels the drawing fictitious on the canvas and in the page.
//!
//! Reproducible: the positions come from ChaCha8 seeded with the data's seed (mixed with a
//! constant, so the data file without `--geometry` stays byte-identical), with only
//! exactly rounded arithmetic, rounded to 3 decimals.

use serde_json::{json, Value};

use super::*;
use scorecards_core::map::units::{index_of_station, UNITS};
use scorecards_core::{Boundaries, Crs, GeoFormat, Location};

/// Areas generated in all.
pub const AREAS: usize = 2_900;

/// A grid block of one unit: its cells' columns and rows, the block's west and north edges.
struct Block {
    cols: usize,
    rows: usize,
    west: f64,
    north: f64,
}

/// Degrees of one grid cell of the tile layout, and of the block drawn in it.
const CELL_W: f64 = 9.0;
const CELL_H: f64 = 4.6;
const BLOCK_W: f64 = 8.4;
const BLOCK_H: f64 = 4.2;

fn block(unit: usize, n: usize) -> Block {
    let u = &UNITS[unit];
    // Cells about twice as wide as tall in degrees, like the block.
    let mut cols = 1;
    while cols * cols < 2 * n {
        cols += 1;
    }
    Block {
        cols,
        rows: n.div_ceil(cols),
        west: 74.0 + f64::from(u.col) * CELL_W,
        north: 53.0 - f64::from(u.row) * CELL_H,
    }
}

fn r3(v: f64) -> f64 {
    round_to(v, 3)
}

/// Areas of each unit: [`AREAS`] shared out evenly, the first units one more.
fn areas_of(unit: usize) -> usize {
    AREAS / UNITS.len() + usize::from(unit < AREAS % UNITS.len())
}

/// The area `k` of `unit`: its code, west, north, width and height.
fn cell(unit: usize, k: usize) -> (String, f64, f64, f64, f64) {
    let b = block(unit, areas_of(unit));
    let (w, h) = (BLOCK_W / b.cols as f64, BLOCK_H / b.rows as f64);
    let (c, r) = (k % b.cols, k / b.cols);
    let code = format!("{:02}{:02}{:02}", UNITS[unit].code, 1 + k / 99, 1 + k % 99);
    (code, b.west + c as f64 * w, b.north - r as f64 * h, w, h)
}

/// A closed ring through `pts`.
fn closed(mut pts: Vec<[f64; 2]>) -> Value {
    pts.push(pts[0]);
    json!(pts)
}

/// The fictitious boundary file and the data file's `boundaries` for it (`href` as given).
/// Each station with a unit gets a location inside one of its unit's areas.
pub fn geometry(doc: &mut Document, seed: u64, href: &str) -> Value {
    let mut rng = Rng(ChaCha8Rng::seed_from_u64(seed ^ 0x6765_6f5f_6669_6374));
    let mut features = Vec::with_capacity(AREAS);
    for unit in 0..UNITS.len() {
        for k in 0..areas_of(unit) {
            let (code, x, y, w, h) = cell(unit, k);
            // Four points per side, each moved inward by up to 15% of the cell.
            let mut ring = Vec::with_capacity(12);
            for side in 0..4 {
                for step in 0..3 {
                    let t = step as f64 / 3.0;
                    let inset = rng.between(0.02, 0.15);
                    ring.push(match side {
                        0 => [x + t * w, y - inset * h],
                        1 => [x + w - inset * w, y - t * h],
                        2 => [x + w - t * w, y - h + inset * h],
                        _ => [x + inset * w, y - h + t * h],
                    });
                }
            }
            // GeoJSON's exterior rings run counter-clockwise: reverse the clockwise walk.
            ring.reverse();
            let ring: Vec<[f64; 2]> = ring.into_iter().map(|[a, b]| [r3(a), r3(b)]).collect();
            let mut rings = vec![closed(ring)];
            if k % 13 == 5 {
                let (cx, cy) = (x + w / 2.0, y - h / 2.0);
                let (dx, dy) = (0.12 * w, 0.12 * h);
                rings.push(closed(vec![
                    [r3(cx), r3(cy - dy)],
                    [r3(cx + dx), r3(cy)],
                    [r3(cx), r3(cy + dy)],
                    [r3(cx - dx), r3(cy)],
                ]));
            }
            features.push(json!({
                "type": "Feature",
                "properties": { "code": code, "name": format!("虚构区域 {code} (fictitious)") },
                "geometry": { "type": "Polygon", "coordinates": rings },
            }));
        }
    }
    for st in &mut doc.stations {
        let Some(unit) = index_of_station(st) else {
            continue;
        };
        let (_, x, y, w, h) = cell(unit, rng.below(areas_of(unit)));
        st.location = Some(Location {
            lon: r3(x + w * rng.between(0.75, 0.8)),
            lat: r3(y - h * rng.between(0.72, 0.78)),
            crs: Crs::Wgs84,
        });
    }
    doc.boundaries = Some(Boundaries {
        href: href.to_string(),
        format: GeoFormat::Geojson,
        approval: None,
        source: text(
            "虚构几何（合成数据生成器，仅供测试和演示，不是地图，没有审图号）".into(),
            "Fictitious geometry (synthetic data generator; tests and demo only; not a map; no review number)".into(),
        ),
        crs: Some(Crs::Wgs84),
        fictitious: true,
    });
    json!({
        "type": "FeatureCollection",
        "fictitious": true,
        "name": "虚构几何：仅供测试和演示，不是地图，没有审图号 / Fictitious geometry: tests and demo only, not a map, no review number",
        "features": features,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_2900_areas_reproducible_some_with_holes_all_inside_their_block() {
        let opts = Options {
            stations: 60,
            months: 0,
            seed: 3,
        };
        let (mut a, mut b) = (generate(&opts), generate(&opts));
        let plain = generate(&opts);
        let ga = geometry(&mut a, 3, "geo.json");
        assert_eq!(ga, geometry(&mut b, 3, "geo.json"), "same seed, same file");
        assert_eq!(a, b);
        // Only locations and boundaries were added.
        let mut stripped = a.clone();
        stripped.boundaries = None;
        stripped.stations.iter_mut().for_each(|s| s.location = None);
        assert_eq!(stripped, plain);
        assert_eq!(ga["fictitious"], true);
        let g = scorecards_core::map::geo::decode(
            serde_json::to_string(&ga).unwrap().as_bytes(),
            GeoFormat::Geojson,
        )
        .unwrap();
        assert_eq!(g.regions.len(), AREAS);
        assert!(g.fictitious);
        let holes = g
            .regions
            .iter()
            .filter(|r| r.polygons[0].len() == 2)
            .count();
        assert!(holes > 200, "{holes}");
        assert!(g.regions.iter().all(|r| r.unit.is_some()));
        let codes: HashSet<&str> = g.regions.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes.len(), AREAS, "codes are unique");
        assert!(a.stations.iter().all(|s| s.location.is_some()));
        assert_eq!(
            scorecards_core::map::geo::approval(&a),
            Ok(scorecards_core::map::geo::Approval::Fictitious)
        );
        assert!(scorecards_core::validate(&a).iter().all(|i| i.is_warning()));
    }
}
