//! Wire types of the published data format, version 1.
//!
//! These are exactly what a publisher writes. `serde` decodes them (rejecting unknown
//! fields and malformed dates with a JSON path), and [`crate::validate`] then checks the
//! rules that the type system cannot express (ranges, references, units).

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

use crate::date::PartialDate;

/// The only `schema_version` this build understands.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole published data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `1` for this format.
    pub schema_version: u32,
    /// Who publishes this file.
    pub publisher: Text,
    /// When the file was generated (RFC 3339, e.g. `2026-11-23T08:00:00+08:00`).
    pub generated_at: String,
    /// `true` for generated test data; the dashboard labels such data "synthetic" wherever it is shown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
    /// What the file holds: `complete` (the default), `index` (stations whose full figures
    /// and series are in the detail files they name) or `detail` (the full records of some
    /// stations of an index). See docs/data-format.md, "Index and detail files".
    #[serde(default, skip_serializing_if = "Kind::is_complete")]
    pub kind: Kind,
    /// Every document the figures are taken from. A detail file may leave out the sources
    /// its index already lists.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The metric catalogue. Its order is the display order, and within a family the first
    /// metric a station reports is that station's headline figure. A detail file leaves it
    /// out: its index's catalogue applies.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// The stations, each with its profile, reported figures and optional monthly series.
    #[serde(deserialize_with = "exact_vec")]
    pub stations: Vec<Station>,
    /// The publisher's own boundary file for the map's geographic mode, with its approval
    /// number (审图号). See docs/data-format.md, "Boundaries".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundaries: Option<Boundaries>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A list decoded with no spare capacity. JSON does not say how long a list is, so the
/// decoder doubles as it goes; a national file holds hundreds of thousands of short lists,
/// and the unused tail, given back at once, is reused by what is decoded next.
fn exact_vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut v = Vec::<T>::deserialize(d)?;
    v.shrink_to_fit();
    Ok(v)
}

/// What a data file holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Every station in full (one file is a valid layout too).
    #[default]
    Complete,
    /// Every station with its headline figures; a station that names a `detail` file has its
    /// full figures and series there.
    Index,
    /// The full figures and series of stations of an index, which names this file.
    Detail,
}

impl Kind {
    fn is_complete(&self) -> bool {
        *self == Kind::Complete
    }
}

/// Text in Chinese, optionally also in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese text (required).
    pub zh: String,
    /// English text; when absent the Chinese text is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A document figures are taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier referenced by figures (`[a-z0-9_-]+`).
    pub id: String,
    /// Title of the article or report.
    pub title: Text,
    /// Who published it (newspaper, magazine, bureau).
    pub publisher: Text,
    /// Publication date, as precise as known (`2025`, `2025-07`, `2025-07-23`); absent when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Authors as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors: Option<String>,
    /// Link to the source; `http` or `https` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A metric in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Identifier referenced by figures (`[a-z0-9_-]+`).
    pub id: String,
    /// Label in Chinese and English.
    pub label: Text,
    /// Unit of a level figure of this metric.
    pub unit: Unit,
    /// Which scorecard panel the metric belongs to.
    pub family: Family,
    /// Whether a higher level is better.
    pub polarity: Polarity,
}

/// Units of measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Unit {
    /// A number of things (incidents, disputes, groups, teams).
    Count,
    /// A number of people.
    People,
    /// Person-times (人次).
    PersonTimes,
    /// A percentage, 0–100 for a level; a relative change for a figure with a baseline.
    Percent,
    /// A difference between two percentages.
    PercentagePoints,
    /// Chinese yuan (元), not ten-thousands.
    Yuan,
}

impl Unit {
    /// The unit as it is written in a data file (`person_times`).
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// The scorecard panels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, VariantArray,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Incidents (警情) and cases.
    Incidents,
    /// Dispute mediation (矛盾纠纷调解).
    Mediation,
    /// Community groups, volunteers and their coverage (群防群治).
    GroupCoverage,
    /// Telecom and online fraud (电信网络诈骗).
    Fraud,
    /// Anything else.
    Other,
}

impl Family {
    /// All families in display order.
    pub const ALL: [Family; 5] = [
        Family::Incidents,
        Family::Mediation,
        Family::GroupCoverage,
        Family::Fraud,
        Family::Other,
    ];
}

/// Whether a higher level of a metric is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// More is better (mediation success rate).
    HigherIsBetter,
    /// Less is better (incidents, fraud cases).
    LowerIsBetter,
    /// Neither.
    Neutral,
}

/// A station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Station {
    /// Stable identifier used in links (`?station=meijiang`), `[a-z0-9_-]+`.
    pub id: String,
    /// Name in Chinese and English.
    pub name: Text,
    /// Where the station is.
    pub region: Region,
    /// The bureau the station belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_bureau: Option<Text>,
    /// Profile facts, each where known.
    #[serde(default)]
    pub profile: Profile,
    /// Figures as reported by sources.
    #[serde(default, deserialize_with = "exact_vec")]
    pub figures: Vec<Figure>,
    /// Monthly series, optional per metric.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_vec"
    )]
    pub series: Vec<Series>,
    /// In an index: the detail file (a path relative to the index, e.g.
    /// `detail/zhejiang.json`) holding this station's full figures and series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Where the station is (longitude, latitude and their reference system), drawn as a
    /// point in the map's geographic mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// Province, city and district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Province-level division.
    pub province: Text,
    /// Prefecture-level city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Text>,
    /// County-level district or city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<Text>,
    /// The GB/T 2260 administrative division code of the most precise level known, six
    /// digits (`330211` for 镇海区, `330000` for 浙江省 as a whole). Its first two digits are
    /// the province, which must agree with `province`. Places the station on the tile map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Profile facts of a station. Each is absent when no source gives it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Area of the station's jurisdiction in km².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_km2: Option<Fact>,
    /// Resident population (实有人口).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Fact>,
    /// Police officers (民警).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officers: Option<Fact>,
    /// Auxiliary officers (辅警).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auxiliary_officers: Option<Fact>,
    /// When the station was founded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<DateFact>,
}

/// A numeric profile fact with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The value, in base units (people, not ten-thousands).
    pub value: f64,
    /// How exact the source is.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// Id of the source.
    pub source: String,
    /// The passage of the source the value is taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A date profile fact with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DateFact {
    /// The date, as precise as known.
    pub date: PartialDate,
    /// Id of the source.
    pub source: String,
    /// The passage of the source the date is taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// How exact a reported value is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As printed.
    #[default]
    Exact,
    /// 约, "about".
    About,
    /// 余, 以上, "over", "at least".
    AtLeast,
    /// 不超过, "at most".
    AtMost,
}

impl Qualifier {
    fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }
}

/// A figure as a source reports it.
///
/// Without a `baseline` it is a level (value in the metric's unit). With a `baseline` it is a
/// change against that baseline: `unit` is `percent` for a relative change, `percentage_points`
/// for a change of a rate, or the metric's unit for an absolute change. Declines are negative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Id of a metric in the catalogue.
    pub metric: String,
    /// The value; a decline is negative.
    pub value: f64,
    /// Unit of `value`.
    pub unit: Unit,
    /// How exact the source is.
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    /// The period the figure covers.
    #[serde(default)]
    pub period: Period,
    /// What a change is measured against; absent for a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Id of the source.
    pub source: String,
    /// What part of the station's work the figure covers when it is narrower than the whole
    /// station (e.g. one mediation room).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    /// The passage of the source the figure is taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl Figure {
    /// Whether this figure is a change against a baseline rather than a level.
    pub fn is_change(&self) -> bool {
        self.baseline.is_some()
    }
}

/// The period a figure covers. Either end may be unknown: `start` only means "since START,
/// up to the report"; `end` only means "cumulative up to END"; neither means the source does
/// not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day, month or year covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    /// Last day, month or year covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
}

/// What a change is measured against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Baseline {
    /// 同比: the same period one year earlier.
    YearOnYear,
    /// A named year or period (`2022 vs 2019`: baseline `{ "kind": "period", "start": "2019", "end": "2019" }`).
    Period {
        /// First day, month or year of the baseline.
        start: PartialDate,
        /// Last day, month or year of the baseline.
        end: PartialDate,
    },
    /// Change since a date (`since 2018`).
    Since {
        /// The date the change is measured from.
        date: PartialDate,
    },
    /// A number of years before the figure's period (`6 years earlier`).
    YearsEarlier {
        /// How many years earlier.
        years: u32,
    },
    /// 年均: an average yearly change over the period.
    AnnualAverage,
    /// The source reports a change without saying against what (近年来, "in recent years").
    Unstated,
}

/// A monthly series of one metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Id of a metric in the catalogue; values are levels in its unit.
    pub metric: String,
    /// The first month (`YYYY-MM`).
    pub start: PartialDate,
    /// One value per month from `start`; `null` where missing.
    #[serde(deserialize_with = "exact_vec")]
    pub values: Vec<Option<f64>>,
    /// Status per value; when absent, a number is `reported` and `null` is `missing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<ValueStatus>>,
    /// Id of the source.
    pub source: String,
}

/// Status of one value of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ValueStatus {
    /// Published by the station.
    Reported,
    /// Estimated by the publisher.
    Estimated,
    /// Not available; the value must be `null`.
    Missing,
}

// The map's geographic mode (rules in `crate::boundary`, drawing in `crate::map::geo`).

/// The boundary file of a data file's geographic map mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Boundaries {
    /// The file, as a relative path below the data file's folder on the same site
    /// (`geo/counties.json`); no scheme, host, query, `..` or leading `/`.
    pub href: String,
    /// `geojson` (RFC 7946: a FeatureCollection) or `topojson` (a Topology).
    pub format: GeoFormat,
    /// The map review number (审图号) the geometry was approved under, e.g. `GS(2024)1234号`.
    /// Printed on the map and below it. Without it the geometry is not drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<String>,
    /// Who made and approved the geometry (shown with the number).
    pub source: Text,
    /// The reference system of the file's coordinates when they are longitude and latitude
    /// in degrees. Stations are drawn as points only when their `location` uses the same one;
    /// absent (e.g. projected coordinates): no points are drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crs: Option<Crs>,
    /// Fictitious test geometry written by `scorecards synth` (allowed only in a
    /// `synthetic` data file): drawn without an approval number, labelled fictitious.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fictitious: bool,
}

/// The format of a boundary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GeoFormat {
    /// GeoJSON (RFC 7946), a FeatureCollection of Polygon / MultiPolygon features.
    Geojson,
    /// TopoJSON 1.0, a Topology whose first object holds the regions.
    Topojson,
}

/// A geographic reference system of longitudes and latitudes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Crs {
    /// WGS-84 (GPS, RFC 7946's reference system).
    Wgs84,
    /// GCJ-02, the system of maps published in mainland China.
    Gcj02,
}

/// Where a station is: longitude and latitude in degrees in the reference system `crs`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Longitude, −180 to 180 (east positive).
    pub lon: f64,
    /// Latitude, −90 to 90 (north positive).
    pub lat: f64,
    /// `wgs84` or `gcj02`. Coordinates are never converted from one to the other.
    pub crs: Crs,
}

impl Location {
    /// Whether both numbers are in range.
    pub fn in_range(&self) -> bool {
        (-180.0..=180.0).contains(&self.lon) && (-90.0..=90.0).contains(&self.lat)
    }
}
