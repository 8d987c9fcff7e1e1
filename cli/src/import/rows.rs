//! Rows of each table parsed into the document's items, each remembering the row it
//! came from.

use super::*;

/// Where an item of the document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum RowRef {
    Base,
    /// (table index, spreadsheet row)
    Row(usize, usize),
}

pub(super) struct FigureRow {
    pub(super) station: String,
    pub(super) figure: Figure,
}

pub(super) struct MonthRow {
    pub(super) station: String,
    pub(super) metric: String,
    pub(super) source: String,
    pub(super) month: i64,
    pub(super) value: Option<f64>,
    pub(super) status: Option<ValueStatus>,
}

pub(super) struct WideRow {
    pub(super) station: String,
    pub(super) metric: String,
    pub(super) source: String,
    pub(super) start: i64,
    pub(super) values: Vec<Option<f64>>,
    pub(super) status: Vec<ValueStatus>,
}

#[derive(Default)]
pub(super) struct Parsed {
    pub(super) tables: Vec<(String, String, usize, usize, Vec<String>)>,
    pub(super) sources: Vec<(RowRef, Source)>,
    pub(super) metrics: Vec<(RowRef, Metric)>,
    pub(super) stations: Vec<(RowRef, Station)>,
    pub(super) figures: Vec<(RowRef, FigureRow)>,
    pub(super) months: Vec<(RowRef, MonthRow)>,
    pub(super) wide: Vec<(RowRef, WideRow)>,
    /// Station rows rejected before they became stations: (id, row).
    pub(super) rejected_stations: Vec<(String, RowRef)>,
}

pub(super) struct Rejected {
    pub(super) list: Vec<(RowRef, Option<String>, String)>,
    pub(super) set: HashSet<RowRef>,
}

impl Rejected {
    pub(super) fn add(&mut self, from: RowRef, column: Option<&str>, reason: String) {
        if self.set.insert(from) {
            self.list.push((from, column.map(str::to_string), reason));
        }
    }
}

pub(super) fn parse_row(
    kind: usize,
    t: &Table,
    cells: &[String],
    from: RowRef,
    p: &mut Parsed,
) -> Result<(), RowError> {
    match kind {
        0 => p.sources.push((
            from,
            Source {
                id: required(t, cells, "id")?.to_string(),
                title: text(t, cells, "title_zh", "title_en")?,
                publisher: text(t, cells, "publisher_zh", "publisher_en")?,
                date: date(t, cells, "date")?,
                authors: optional(t, cells, "authors"),
                url: optional(t, cells, "url"),
            },
        )),
        1 => p.metrics.push((
            from,
            Metric {
                id: required(t, cells, "id")?.to_string(),
                label: text(t, cells, "label_zh", "label_en")?,
                unit: word::<Unit>(t, cells, "unit", UNIT_ALIASES, UNITS)?
                    .ok_or(RowError::Missing("unit"))?,
                family: word::<Family>(t, cells, "family", FAMILY_ALIASES, FAMILIES)?
                    .ok_or(RowError::Missing("family"))?,
                polarity: word::<Polarity>(t, cells, "polarity", POLARITY_ALIASES, POLARITIES)?
                    .ok_or(RowError::Missing("polarity"))?,
            },
        )),
        2 => {
            let source = optional(t, cells, "profile_source");
            let fact = |column: &'static str| -> Result<Option<Fact>, RowError> {
                match number(t, cells, column)? {
                    None => Ok(None),
                    Some(value) => Ok(Some(Fact {
                        value,
                        qualifier: Qualifier::Exact,
                        source: source.clone().ok_or(RowError::ProfileSource)?,
                        quote: None,
                    })),
                }
            };
            let profile = Profile {
                area_km2: fact("area_km2")?,
                population: fact("population")?,
                officers: fact("officers")?,
                auxiliary_officers: fact("auxiliary_officers")?,
                founded: match date(t, cells, "founded")? {
                    None => None,
                    Some(date) => Some(DateFact {
                        date,
                        source: source.clone().ok_or(RowError::ProfileSource)?,
                        quote: None,
                    }),
                },
            };
            p.stations.push((
                from,
                Station {
                    id: required(t, cells, "id")?.to_string(),
                    name: text(t, cells, "name_zh", "name_en")?,
                    region: Region {
                        province: text(t, cells, "province_zh", "province_en")?,
                        city: optional_text(t, cells, "city_zh", "city_en"),
                        district: optional_text(t, cells, "district_zh", "district_en"),
                        code: optional(t, cells, "region_code").map(|c| c.trim().to_string()),
                    },
                    parent_bureau: optional_text(t, cells, "parent_bureau_zh", "parent_bureau_en"),
                    profile,
                    figures: Vec::new(),
                    series: Vec::new(),
                    detail: None,
                    location: location(t, cells)?,
                },
            ));
        }
        3 => {
            let figure = Figure {
                metric: required(t, cells, "metric")?.to_string(),
                value: number(t, cells, "value")?.ok_or(RowError::Missing("value"))?,
                unit: word::<Unit>(t, cells, "unit", UNIT_ALIASES, UNITS)?
                    .ok_or(RowError::Missing("unit"))?,
                qualifier: word::<Qualifier>(t, cells, "qualifier", QUALIFIER_ALIASES, QUALIFIERS)?
                    .unwrap_or_default(),
                period: Period {
                    start: date(t, cells, "period_start")?,
                    end: date(t, cells, "period_end")?,
                },
                baseline: baseline(t, cells)?,
                source: required(t, cells, "source")?.to_string(),
                scope: optional_text(t, cells, "scope_zh", "scope_en"),
                quote: optional(t, cells, "quote"),
            };
            p.figures.push((
                from,
                FigureRow {
                    station: required(t, cells, "station")?.to_string(),
                    figure,
                },
            ));
        }
        _ if t.months.is_empty() => {
            let raw_month = required(t, cells, "month")?;
            let month = parse_month(raw_month)
                .ok_or_else(|| RowError::Month("month", raw_month.to_string()))?;
            let value = number(t, cells, "value")?;
            let status = word::<ValueStatus>(t, cells, "status", STATUS_ALIASES, STATUSES)?;
            let consistent = match status {
                Some(ValueStatus::Missing) => value.is_none(),
                Some(_) => value.is_some(),
                None => true,
            };
            if !consistent {
                return Err(RowError::StatusValue(t.get(cells, "status").to_string()));
            }
            // Long and wide series rows carry the same identifying cells (the `duplicates`
            // tool pairs the two pushes); what follows them differs.
            p.months.push((
                from,
                MonthRow {
                    station: required(t, cells, "station")?.to_string(),
                    metric: required(t, cells, "metric")?.to_string(),
                    source: required(t, cells, "source")?.to_string(),
                    month,
                    value,
                    status,
                },
            ));
        }
        _ => {
            let first = t.months.iter().map(|(_, m, _)| *m).min().unwrap_or(0);
            let last = t.months.iter().map(|(_, m, _)| *m).max().unwrap_or(0);
            let len = (last - first + 1) as usize;
            let mut values = vec![None; len];
            let mut status = vec![ValueStatus::Missing; len];
            for (i, m, header) in &t.months {
                let (i, m) = (*i, *m);
                let raw = cells.get(i).map_or("", |s| s.trim());
                if raw.is_empty() {
                    continue;
                }
                let (raw_num, estimated) = match raw.strip_suffix('*') {
                    Some(r) => (r, true),
                    None => (raw, false),
                };
                let v = parse_number(raw_num)
                    .ok_or_else(|| RowError::MonthValue(header.clone(), raw.to_string()))?;
                let k = (m - first) as usize;
                values[k] = Some(v);
                status[k] = if estimated {
                    ValueStatus::Estimated
                } else {
                    ValueStatus::Reported
                };
            }
            // Trailing and leading months nobody filled are not part of the series.
            p.wide.push((
                from,
                WideRow {
                    station: required(t, cells, "station")?.to_string(),
                    metric: required(t, cells, "metric")?.to_string(),
                    source: required(t, cells, "source")?.to_string(),
                    start: first,
                    values,
                    status,
                },
            ));
        }
    }
    Ok(())
}

/// Where in the world a CRS spelling is accepted (`WGS-84`, `GCJ-02`, as usually written).
const CRS_ALIASES: &[(&str, &str)] = &[
    ("WGS-84", "wgs84"),
    ("WGS84", "wgs84"),
    ("wgs-84", "wgs84"),
    ("GCJ-02", "gcj02"),
    ("GCJ02", "gcj02"),
    ("gcj-02", "gcj02"),
];

/// A station's `lon`, `lat` and `crs` columns: all three or none.
fn location(t: &Table, cells: &[String]) -> Result<Option<scorecards_core::Location>, RowError> {
    let (lon, lat) = (number(t, cells, "lon")?, number(t, cells, "lat")?);
    let crs = word::<scorecards_core::Crs>(t, cells, "crs", CRS_ALIASES, "wgs84, gcj02")?;
    match (lon, lat, crs) {
        (None, None, None) => Ok(None),
        (Some(lon), Some(lat), Some(crs)) => Ok(Some(scorecards_core::Location { lon, lat, crs })),
        (None, ..) => Err(RowError::Missing("lon")),
        (_, None, _) => Err(RowError::Missing("lat")),
        (_, _, None) => Err(RowError::Missing("crs")),
    }
}
