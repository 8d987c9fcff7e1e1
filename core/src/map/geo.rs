//! The publisher's boundary file, decoded for drawing as it is: GeoJSON (RFC 7946
//! FeatureCollection) or TopoJSON (Topology, arcs delta-decoded and transformed as the
//! TopoJSON 1.0 specification says). Every vertex is kept: no simplification, no
//! re-projection. Each region is keyed by its GB/T 2260 code (`properties.code` or the
//! feature's `id`).
//!
//! Why no crate: georust's `topojson` 0.5 needs `geojson` older than 0.24 (a second, older
//! copy next to `geojson` 1.0), and both only hand over their own types, which would still
//! need converting; this decoder reads `serde_json::Value`, already in the bundle.
//!
//! Boundaries without a map review number (审图号) are refused before anything is fetched
//! ([`approval`]).

use serde_json::Value;

use super::units::index_of_code;
use crate::boundary::is_fictitious;
use crate::lang::Lang;
use crate::model::Document;
use crate::model::GeoFormat;

/// The largest boundary file accepted, in bytes.
pub const MAX_GEO_BYTES: u64 = 32 * 1024 * 1024;

/// A closed ring of `[x, y]` positions as written in the file (longitude, latitude).
pub type Ring = Vec<[f64; 2]>;

/// One polygon: its exterior ring, then its holes.
pub type Polygon = Vec<Ring>;

/// One region of the boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoRegion {
    /// Its GB/T 2260 code as written.
    pub code: String,
    /// Its provincial-level unit (index into [`super::UNITS`]), from the code's first two digits.
    pub unit: Option<usize>,
    /// Its polygons (a Polygon feature has one).
    pub polygons: Vec<Polygon>,
}

/// A decoded boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoMap {
    /// Every region, in file order.
    pub regions: Vec<GeoRegion>,
    /// Smallest and largest x and y of every vertex: `[min_x, min_y, max_x, max_y]`.
    pub bbox: [f64; 4],
    /// Number of vertices.
    pub vertices: usize,
    /// The file says of itself that it is fictitious (`"fictitious": true`).
    pub fictitious: bool,
}

/// What may be printed with the geometry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approval {
    /// The map review number.
    Number(String),
    /// Fictitious test geometry of a synthetic data file: no number, labelled fictitious.
    Fictitious,
}

/// Why a boundary file is not drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum GeoError {
    /// The data file names no boundary file.
    NoBoundaries,
    /// No map review number (and not fictitious test data).
    NoApproval,
    /// The reference is not a relative path on the same site.
    BadRef(String),
    /// The request failed (HTTP status, or 0 for a network error or time-out).
    Fetch(u16),
    /// Larger than [`MAX_GEO_BYTES`].
    TooLarge(u64),
    /// Not JSON (the parser's message).
    NotJson(String),
    /// JSON, but not a GeoJSON FeatureCollection / TopoJSON Topology.
    NotFormat(GeoFormat),
    /// No region at all.
    Empty,
    /// Region number `n` (from 1) has no six-digit GB/T 2260 code.
    NoCode(usize),
    /// Region number `n` (from 1) has no polygon geometry, or malformed coordinates.
    BadGeometry(usize),
}

impl GeoError {
    /// Why boundaries are not drawn, in this language, ending with "the tile map still works".
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.geo_strings();
        let mib = |b: u64| b.div_ceil(1024 * 1024);
        let what = match self {
            GeoError::NoBoundaries => s.no_boundaries.to_string(),
            GeoError::NoApproval => s.no_approval.to_string(),
            GeoError::BadRef(h) => (s.bad_ref)(&crate::i18n::clip(h)),
            GeoError::Fetch(status) => (s.fetch)(*status),
            GeoError::TooLarge(size) => (s.too_large)(mib(*size), mib(MAX_GEO_BYTES)),
            GeoError::NotJson(m) => (s.not_json)(&crate::i18n::clip(m)),
            GeoError::NotFormat(GeoFormat::Geojson) => (s.not_format)("GeoJSON"),
            GeoError::NotFormat(GeoFormat::Topojson) => (s.not_format)("TopoJSON"),
            GeoError::Empty => s.empty.to_string(),
            GeoError::NoCode(n) => (s.no_code)(*n),
            GeoError::BadGeometry(n) => (s.bad_geometry)(*n),
        };
        format!(
            "{what}{}{}",
            if lang == Lang::En { " " } else { "" },
            s.tiles_still_work
        )
    }
}

/// What may be printed with the data file's boundaries, or why they are refused.
pub fn approval(doc: &Document) -> Result<Approval, GeoError> {
    let b = doc.boundaries.as_ref().ok_or(GeoError::NoBoundaries)?;
    if !crate::path::is_detail_ref(&b.href) {
        return Err(GeoError::BadRef(b.href.clone()));
    }
    match b.approval.as_deref().map(str::trim) {
        Some(a) if !a.is_empty() => Ok(Approval::Number(a.to_string())),
        _ if is_fictitious(doc) => Ok(Approval::Fictitious),
        _ => Err(GeoError::NoApproval),
    }
}

/// Decodes a boundary file of format `format`.
pub fn decode(bytes: &[u8], format: GeoFormat) -> Result<GeoMap, GeoError> {
    if bytes.len() as u64 > MAX_GEO_BYTES {
        return Err(GeoError::TooLarge(bytes.len() as u64));
    }
    let v: Value = serde_json::from_slice(bytes).map_err(|e| GeoError::NotJson(e.to_string()))?;
    let fictitious = v.get("fictitious") == Some(&Value::Bool(true));
    let regions = match format {
        GeoFormat::Geojson => geojson(&v)?,
        GeoFormat::Topojson => topojson(&v)?,
    };
    if regions.is_empty() {
        return Err(GeoError::Empty);
    }
    let mut bbox = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut vertices = 0;
    for p in regions
        .iter()
        .flat_map(|r| r.polygons.iter().flatten().flatten())
    {
        bbox = [
            bbox[0].min(p[0]),
            bbox[1].min(p[1]),
            bbox[2].max(p[0]),
            bbox[3].max(p[1]),
        ];
        vertices += 1;
    }
    Ok(GeoMap {
        regions,
        bbox,
        vertices,
        fictitious,
    })
}

/// A region's code: `properties.code`, else the feature's `id` (string or number), six digits.
fn code_of(f: &Value, n: usize) -> Result<(String, Option<usize>), GeoError> {
    let as_text = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let code = f
        .get("properties")
        .and_then(|p| p.get("code"))
        .and_then(as_text)
        .or_else(|| f.get("id").and_then(as_text))
        .filter(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()))
        .ok_or(GeoError::NoCode(n))?;
    let unit = code[..2].parse::<u8>().ok().and_then(index_of_code);
    Ok((code, unit))
}

fn position(v: &Value) -> Option<[f64; 2]> {
    let a = v.as_array()?;
    let (x, y) = (a.first()?.as_f64()?, a.get(1)?.as_f64()?);
    (x.is_finite() && y.is_finite()).then_some([x, y])
}

fn ring(v: &Value) -> Option<Ring> {
    let r: Option<Ring> = v.as_array()?.iter().map(position).collect();
    r.filter(|r| r.len() >= 3)
}

fn polygon(v: &Value) -> Option<Polygon> {
    let p: Option<Polygon> = v.as_array()?.iter().map(ring).collect();
    p.filter(|p| !p.is_empty())
}

/// Region number `n`: its code from `f`, its polygons from the geometry `g`'s member `key`
/// (`coordinates` or `arcs`), each read by `one`.
fn region(
    f: &Value,
    g: &Value,
    key: &str,
    n: usize,
    one: impl Fn(&Value) -> Option<Polygon>,
) -> Result<GeoRegion, GeoError> {
    let (code, unit) = code_of(f, n)?;
    let c = g.get(key).ok_or(GeoError::BadGeometry(n))?;
    let polygons = match g.get("type").and_then(Value::as_str) {
        Some("Polygon") => one(c).map(|p| vec![p]),
        Some("MultiPolygon") => c
            .as_array()
            .and_then(|ps| ps.iter().map(&one).collect::<Option<Vec<_>>>()),
        _ => None,
    }
    .filter(|p| !p.is_empty())
    .ok_or(GeoError::BadGeometry(n))?;
    Ok(GeoRegion {
        code,
        unit,
        polygons,
    })
}

fn geojson(v: &Value) -> Result<Vec<GeoRegion>, GeoError> {
    let not = GeoError::NotFormat(GeoFormat::Geojson);
    if v.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(not);
    }
    let features = v.get("features").and_then(Value::as_array).ok_or(not)?;
    let mut out = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        let n = i + 1;
        let g = f.get("geometry").ok_or(GeoError::BadGeometry(n))?;
        out.push(region(f, g, "coordinates", n, polygon)?);
    }
    Ok(out)
}

/// The arcs of a topology as positions: delta-decoded and transformed when quantized.
fn arcs(v: &Value) -> Option<Vec<Ring>> {
    let transform = match v.get("transform") {
        None => None,
        Some(t) => {
            let s = position(t.get("scale")?)?;
            let tr = position(t.get("translate")?)?;
            Some((s, tr))
        }
    };
    v.get("arcs")?
        .as_array()?
        .iter()
        .map(|arc| {
            let mut acc = [0.0, 0.0];
            arc.as_array()?
                .iter()
                .map(|p| {
                    let p = position(p)?;
                    Some(match transform {
                        Some((s, t)) => {
                            acc = [acc[0] + p[0], acc[1] + p[1]];
                            [acc[0] * s[0] + t[0], acc[1] * s[1] + t[1]]
                        }
                        None => p,
                    })
                })
                .collect()
        })
        .collect()
}

/// A ring stitched from arc indexes (`~i` = arc `i` reversed; each arc after the first
/// starts where the previous ended, so its first position is dropped).
fn stitch(indexes: &Value, arcs: &[Ring]) -> Option<Ring> {
    let mut out: Ring = Vec::new();
    for ix in indexes.as_array()? {
        let i = ix.as_i64()?;
        let (arc, rev) = if i < 0 {
            (arcs.get(usize::try_from(!i).ok()?)?, true)
        } else {
            (arcs.get(usize::try_from(i).ok()?)?, false)
        };
        let mut pts = arc.clone();
        if rev {
            pts.reverse();
        }
        let skip = usize::from(!out.is_empty());
        out.extend(pts.into_iter().skip(skip));
    }
    (out.len() >= 3).then_some(out)
}

fn topo_polygon(v: &Value, arcs: &[Ring]) -> Option<Polygon> {
    let p: Option<Polygon> = v.as_array()?.iter().map(|r| stitch(r, arcs)).collect();
    p.filter(|p| !p.is_empty())
}

fn topojson(v: &Value) -> Result<Vec<GeoRegion>, GeoError> {
    let not = GeoError::NotFormat(GeoFormat::Topojson);
    if v.get("type").and_then(Value::as_str) != Some("Topology") {
        return Err(not);
    }
    let arcs = arcs(v).ok_or(not.clone())?;
    let objects = v.get("objects").and_then(Value::as_object).ok_or(not)?;
    let mut out = Vec::new();
    let geometries = objects.values().flat_map(|o| match o.get("geometries") {
        Some(Value::Array(gs)) => gs.iter().collect::<Vec<_>>(),
        _ => vec![o],
    });
    for (i, g) in geometries.enumerate() {
        let n = i + 1;
        out.push(region(g, g, "arcs", n, |p| topo_polygon(p, &arcs))?);
    }
    Ok(out)
}
