//! What each tile shows: per unit, the median of the figures that the league table would
//! compare (its basis, its rules: [`crate::compare::league`]), a class of a colour scale, and
//! the texts around them. Pure and natively tested.

use crate::chart::Rgb;
use crate::compare::{league, Measure, Normalisation, Standing};
use crate::dataset::Dataset;
use crate::format;
use crate::lang::Lang;
use crate::model::{Qualifier, Unit as ValueUnit};

use super::units::{index_of_station, UNITS};

/// The most classes a scale has.
pub const MAX_CLASSES: usize = 7;

// The two scales are colour tables of the same shape (the `duplicates` tool pairs them).
/// ColorBrewer YlGnBu, 7 classes (sequential, colour-blind safe): levels.
pub const YLGNBU: [Rgb; 7] = [
    Rgb(0xff, 0xff, 0xcc),
    Rgb(0xc7, 0xe9, 0xb4),
    Rgb(0x7f, 0xcd, 0xbb),
    Rgb(0x41, 0xb6, 0xc4),
    Rgb(0x1d, 0x91, 0xc0),
    Rgb(0x22, 0x5e, 0xa8),
    Rgb(0x0c, 0x2c, 0x84),
];

/// ColorBrewer PuOr, 7 classes (diverging, colour-blind safe), orange for falls, purple for
/// rises, a near-white middle around zero: changes.
pub const PUOR: [Rgb; 7] = [
    Rgb(0xb3, 0x58, 0x06),
    Rgb(0xf1, 0xa3, 0x40),
    Rgb(0xfe, 0xe0, 0xb6),
    Rgb(0xf7, 0xf7, 0xf7),
    Rgb(0xd8, 0xda, 0xeb),
    Rgb(0x99, 0x8e, 0xc3),
    Rgb(0x54, 0x27, 0x88),
];

/// What a tile holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TileState {
    /// The median of the unit's comparable figures, and its class.
    Value {
        /// The median.
        median: f64,
        /// Index into [`Classes::colors`].
        class: usize,
    },
    /// The unit has stations, none with a figure on the common basis.
    NoComparable,
    /// No station of the data is in the unit.
    NoStation,
}

/// One unit's tile.
#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    /// Index into [`UNITS`].
    pub unit: usize,
    /// Stations of the data in the unit.
    pub stations: usize,
    /// Of them, stations with a comparable figure.
    pub comparable: usize,
    /// What the tile shows.
    pub state: TileState,
    /// The province name (Chinese, as the data writes it) most of the unit's stations carry:
    /// the league table's province filter.
    pub province: Option<String>,
}

/// The colour classes of a map.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    /// Each class's lowest and highest value, ascending and not overlapping.
    pub ranges: Vec<(f64, f64)>,
    /// One colour per class.
    pub colors: Vec<Rgb>,
    /// Whether the scale diverges around zero (changes) rather than runs one way (levels).
    pub diverging: bool,
}

impl Classes {
    /// The class of `v`: the last class starting at or below it.
    pub fn class_of(&self, v: f64) -> usize {
        self.ranges
            .iter()
            .skip(1)
            .take_while(|(lo, _)| v >= *lo)
            .count()
    }
}

/// Every tile of a metric and measure, with its scale.
#[derive(Debug, Clone, PartialEq)]
pub struct TileMap {
    /// The metric shown.
    pub metric: String,
    /// Level or change.
    pub measure: Measure,
    /// The unit of the values (the common basis'), when some figure is comparable.
    pub unit: Option<ValueUnit>,
    /// All 34 tiles, in [`UNITS`] order.
    pub tiles: Vec<Tile>,
    /// The colour scale (no class when no tile has a value).
    pub classes: Classes,
    /// Stations that no unit could be found for.
    pub unplaced: usize,
}

/// The tiles of `metric` and `measure`: per unit, the median of the values the national
/// league ranks or lists as comparable.
pub fn tile_map(ds: &Dataset, metric: &str, measure: Measure) -> TileMap {
    let all: Vec<_> = ds.stations().iter().collect();
    let l = league(ds, &all, metric, measure, Normalisation::None);
    let mut values: Vec<Vec<f64>> = vec![Vec::new(); UNITS.len()];
    let mut stations = vec![0usize; UNITS.len()];
    let mut names: Vec<Vec<(&str, usize)>> = vec![Vec::new(); UNITS.len()];
    let mut unplaced = 0;
    for e in &l.entries {
        let Some(u) = index_of_station(e.station) else {
            unplaced += 1;
            continue;
        };
        stations[u] += 1;
        let name = e.station.region.province.zh.as_str();
        match names[u].iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += 1,
            None => names[u].push((name, 1)),
        }
        if matches!(e.standing, Standing::Ranked { .. } | Standing::Unranked) {
            if let Some(v) = e.value.filter(|v| v.is_finite()) {
                values[u].push(v);
            }
        }
    }
    let medians: Vec<Option<f64>> = values.iter_mut().map(|v| median(v)).collect();
    let diverging = measure == Measure::Change;
    let classes = classes(
        &medians.iter().flatten().copied().collect::<Vec<_>>(),
        diverging,
    );
    let tiles = (0..UNITS.len())
        .map(|u| Tile {
            unit: u,
            stations: stations[u],
            comparable: values[u].len(),
            state: match (stations[u], medians[u]) {
                (0, _) => TileState::NoStation,
                (_, Some(m)) => TileState::Value {
                    median: m,
                    class: classes.class_of(m),
                },
                (_, None) => TileState::NoComparable,
            },
            province: names[u]
                .iter()
                .max_by_key(|(_, k)| *k)
                .map(|(n, _)| n.to_string()),
        })
        .collect();
    TileMap {
        metric: metric.to_string(),
        measure,
        unit: l.basis.map(|b| b.unit),
        tiles,
        classes,
        unplaced,
    }
}

/// The median of `v` (sorted in place); `None` when empty.
pub fn median(v: &mut [f64]) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

/// At most [`MAX_CLASSES`] classes for `values`: for levels, the distinct values in sorted
/// order split into classes of (nearly) equal counts on the sequential scale; for changes, an
/// odd number of equal classes of a round width, symmetric around zero, on the diverging
/// scale (the middle class holds zero).
pub fn classes(values: &[f64], diverging: bool) -> Classes {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    v.dedup();
    if v.is_empty() {
        return Classes {
            ranges: Vec::new(),
            colors: Vec::new(),
            diverging,
        };
    }
    if diverging {
        let m = v.iter().fold(0.0f64, |a, x| a.max(x.abs()));
        let m = if m > 0.0 { m } else { 1.0 };
        let (k, pick): (usize, &[usize]) = match v.len() {
            1 | 2 => (3, &[1, 3, 5]),
            3 | 4 => (5, &[0, 1, 3, 5, 6]),
            _ => (7, &[0, 1, 2, 3, 4, 5, 6]),
        };
        // Round class widths (1, 2 or 5 × 10ⁿ), the middle class centred on zero.
        let width = crate::chart::nice_step(2.0 * m / k as f64);
        let edge = |i: usize| width * (i as f64 - k as f64 / 2.0);
        return Classes {
            ranges: (0..k).map(|i| (edge(i), edge(i + 1))).collect(),
            colors: pick.iter().map(|&i| PUOR[i]).collect(),
            diverging,
        };
    }
    let n = v.len();
    let k = n.min(MAX_CLASSES);
    let ranges = (0..k)
        .map(|i| (v[i * n / k], v[(i + 1) * n / k - 1]))
        .collect();
    let colors = (0..k)
        .map(|i| match k {
            1 => YLGNBU[3],
            _ => YLGNBU[(i * 6 + (k - 1) / 2) / (k - 1)],
        })
        .collect();
    Classes {
        ranges,
        colors,
        diverging,
    }
}

/// A value as a tile, the legend and the table write it: signed for a change, with its unit.
pub fn value_text(lang: Lang, v: f64, unit: ValueUnit, measure: Measure) -> String {
    let magnitude = format::amount(lang, v.abs(), unit, Qualifier::Exact);
    match (measure, v < 0.0, v > 0.0) {
        (_, true, _) => format!("-{magnitude}"),
        (Measure::Change, _, true) => format!("+{magnitude}"),
        _ => magnitude,
    }
}

/// A unit's name in `lang` (short Chinese name, or English).
pub fn unit_name(lang: Lang, unit: usize) -> &'static str {
    match lang {
        Lang::Zh => UNITS[unit].zh,
        Lang::En => UNITS[unit].en,
    }
}

impl TileMap {
    /// The class breaks said in text, one line per class, lowest first.
    pub fn class_texts(&self, lang: Lang) -> Vec<String> {
        let Some(unit) = self.unit else {
            return Vec::new();
        };
        let s = lang.map_strings();
        let t = |v: f64| value_text(lang, v, unit, self.measure);
        self.classes
            .ranges
            .iter()
            .map(|&(lo, hi)| match lo == hi {
                true => t(lo),
                false => (s.class_range)(&t(lo), &t(hi)),
            })
            .collect()
    }

    /// A tile's value in text, or why it has none.
    pub fn tile_value_text(&self, lang: Lang, tile: &Tile) -> String {
        let s = lang.map_strings();
        match (tile.state, self.unit) {
            (TileState::Value { median, .. }, Some(unit)) => {
                value_text(lang, median, unit, self.measure)
            }
            (TileState::NoStation, _) => s.no_station.to_string(),
            _ => s.no_comparable.to_string(),
        }
    }

    /// One tile said in words (the keyboard readout).
    pub fn readout(&self, lang: Lang, unit: usize) -> String {
        let tile = &self.tiles[unit];
        let value = match (tile.state, self.unit) {
            (TileState::Value { median, .. }, Some(u)) => {
                Some(value_text(lang, median, u, self.measure))
            }
            _ => None,
        };
        (lang.map_strings().readout)(
            unit_name(lang, unit),
            tile.stations,
            tile.comparable,
            value.as_deref(),
        )
    }

    /// The text summary: highest, lowest, and how many units have no comparable figure or
    /// no station.
    pub fn summary(&self, lang: Lang) -> String {
        let valued = || {
            self.tiles.iter().filter_map(|t| match t.state {
                TileState::Value { median, .. } => Some((t.unit, median)),
                _ => None,
            })
        };
        let said = |(u, v): (usize, f64)| {
            let text = self
                .unit
                .map(|unit| value_text(lang, v, unit, self.measure))
                .unwrap_or_default();
            (unit_name(lang, u), text)
        };
        let high = valued().max_by(|a, b| a.1.total_cmp(&b.1)).map(said);
        let low = valued().min_by(|a, b| a.1.total_cmp(&b.1)).map(said);
        let count = |st: TileState| self.tiles.iter().filter(|t| t.state == st).count();
        (lang.map_strings().summary)(
            high.as_ref().map(|(u, v)| (*u, v.as_str())),
            low.as_ref().map(|(u, v)| (*u, v.as_str())),
            count(TileState::NoComparable),
            count(TileState::NoStation),
        )
    }
}
