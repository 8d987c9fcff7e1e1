//! A validated data set with the look-ups the views need.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::Issue;
use crate::model::*;
use crate::series::{year_on_year, Computed};

mod keys;

pub use keys::{needle, region_text, StationKeys};

/// A data file that passed [`crate::parse`]: every reference resolves, every value is in range.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    doc: Document,
    metric_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
    station_index: HashMap<String, usize>,
    warnings: Vec<Issue>,
    computed: HashMap<String, Vec<Computed>>,
    /// Search strings and sort keys, computed on first use (tables of many stations).
    keys: OnceLock<StationKeys>,
    /// Detail files (as the index names them) already merged.
    merged: Vec<String>,
}

impl Dataset {
    /// Wraps a document. Only [`crate::parse`] calls this, after validation.
    pub(crate) fn new(doc: Document, warnings: Vec<Issue>) -> Self {
        let index = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Dataset {
            metric_index: index(doc.metrics.iter().map(|m| &m.id).collect()),
            source_index: index(doc.sources.iter().map(|s| &s.id).collect()),
            station_index: index(doc.stations.iter().map(|s| &s.id).collect()),
            computed: compute_all(&doc),
            doc,
            warnings,
            keys: OnceLock::new(),
            merged: Vec::new(),
        }
    }

    /// Year-on-year changes computed from a station's monthly series.
    pub fn computed(&self, station: &Station) -> &[Computed] {
        self.computed.get(&station.id).map_or(&[], Vec::as_slice)
    }

    /// Search strings and sort keys of the stations, computed once on first use.
    pub fn keys(&self) -> &StationKeys {
        self.keys
            .get_or_init(|| StationKeys::new(&self.doc.stations))
    }

    /// The detail file (as the index names it) with a station's full figures and series,
    /// when there is one and it is not merged yet.
    pub fn pending_detail(&self, id: &str) -> Option<&str> {
        let href = self.station(id)?.detail.as_deref()?;
        (!self.merged.iter().any(|m| m == href)).then_some(href)
    }

    /// Whether a detail file (as the index names it) is merged already.
    pub fn is_merged(&self, href: &str) -> bool {
        self.merged.iter().any(|m| m == href)
    }

    /// This data set with a detail file checked by [`crate::layout::parse_detail`] merged in:
    /// its stations replace their index entries (keeping the `detail` reference), and its
    /// sources join the list.
    pub fn with_detail(&self, href: &str, detail: &Document) -> Dataset {
        if self.merged.iter().any(|m| m == href) {
            return self.clone();
        }
        let mut doc = self.doc.clone();
        for s in &detail.sources {
            if !self.source_index.contains_key(&s.id) {
                doc.sources.push(s.clone());
            }
        }
        for st in &detail.stations {
            if let Some(&i) = self.station_index.get(&st.id) {
                let reference = doc.stations[i].detail.take();
                doc.stations[i] = Station {
                    detail: reference,
                    ..st.clone()
                };
            }
        }
        let mut merged = self.merged.clone();
        merged.push(href.to_string());
        let mut ds = Dataset::new(doc, self.warnings.clone());
        ds.merged = merged;
        ds
    }

    /// [`Dataset::with_detail`], with the detail file's warnings
    /// ([`crate::layout::check_detail_warned`]) added to the data set's, each path prefixed
    /// with the file's address (`detail/zj.json $.stations[0]…`) so that it names the file it
    /// is in. A file merged already adds nothing.
    pub fn with_detail_warned(&self, href: &str, detail: &Document, warnings: &[Issue]) -> Dataset {
        let mut ds = self.with_detail(href, detail);
        if !self.is_merged(href) {
            ds.warnings.extend(warnings.iter().map(|w| Issue {
                path: format!("{href} {}", w.path),
                kind: w.kind.clone(),
            }));
        }
        ds
    }

    /// A detail file checked against its index ([`crate::layout::check_detail_warned`]) as a
    /// data set of its own, to be merged with [`Dataset::with_detail_warned`] (its
    /// [`Dataset::document`] and [`Dataset::warnings`]).
    pub fn of_detail(detail: Document, warnings: Vec<Issue>) -> Dataset {
        Dataset::new(detail, warnings)
    }

    /// The position of a station (by id) in [`Dataset::stations`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.station_index.get(id).copied()
    }

    /// Problems that did not stop the file from loading.
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// The document as published.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Whether the file is marked synthetic.
    pub fn is_synthetic(&self) -> bool {
        self.doc.synthetic
    }

    /// All stations in file order.
    pub fn stations(&self) -> &[Station] {
        &self.doc.stations
    }

    /// A station by id.
    pub fn station(&self, id: &str) -> Option<&Station> {
        self.station_index.get(id).map(|&i| &self.doc.stations[i])
    }

    /// A metric by id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metric_index.get(id).map(|&i| &self.doc.metrics[i])
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.doc.sources[i])
    }

    /// The 1-based number of a source in the source list, for footnotes.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.source_index.get(id).map(|&i| i + 1)
    }

    /// The family of a figure's metric.
    pub fn family_of(&self, fig: &Figure) -> Family {
        self.metric(&fig.metric).map_or(Family::Other, |m| m.family)
    }

    /// A station's figures of one family, in catalogue order of their metrics (then file order).
    pub fn figures<'a>(&'a self, station: &'a Station, family: Family) -> Vec<&'a Figure> {
        let mut figs: Vec<&Figure> = station
            .figures
            .iter()
            .filter(|f| self.family_of(f) == family)
            .collect();
        figs.sort_by_key(|f| {
            self.metric_index
                .get(&f.metric)
                .copied()
                .unwrap_or(usize::MAX)
        });
        figs
    }

    /// The headline figure of a family for a station: the figure whose metric comes first in
    /// the catalogue (the first such figure in the file when there are several).
    /// `None` when the station reports nothing in that family.
    pub fn headline<'a>(&'a self, station: &'a Station, family: Family) -> Option<&'a Figure> {
        self.figures(station, family).into_iter().next()
    }

    /// The ids of the sources a station's figures and facts cite, in source-list order.
    pub fn sources_cited(&self, station: &Station) -> Vec<&Source> {
        let mut ids: Vec<&str> = station.figures.iter().map(|f| f.source.as_str()).collect();
        let p = &station.profile;
        for fact in [
            &p.area_km2,
            &p.population,
            &p.officers,
            &p.auxiliary_officers,
        ]
        .into_iter()
        .flatten()
        {
            ids.push(&fact.source);
        }
        if let Some(f) = &p.founded {
            ids.push(&f.source);
        }
        ids.extend(station.series.iter().map(|s| s.source.as_str()));
        self.doc
            .sources
            .iter()
            .filter(|s| ids.contains(&s.id.as_str()))
            .collect()
    }
}

impl Dataset {
    /// The family's key metric (its first in the catalogue) when the station does not report
    /// it, so that the scorecard can say "not reported" rather than leave it out.
    pub fn missing_key_metric(&self, station: &Station, family: Family) -> Option<&Metric> {
        let key = self.doc.metrics.iter().find(|m| m.family == family)?;
        let reported = station.figures.iter().any(|f| f.metric == key.id);
        (!reported).then_some(key)
    }
}

fn compute_all(doc: &Document) -> HashMap<String, Vec<Computed>> {
    let unit = |metric: &str| doc.metrics.iter().find(|m| m.id == metric).map(|m| m.unit);
    doc.stations
        .iter()
        .filter_map(|st| {
            let computed: Vec<Computed> = st
                .series
                .iter()
                .filter_map(|s| year_on_year(s, unit(&s.metric)?))
                .collect();
            // A station with nothing computed needs no entry ([`Dataset::computed`] gives `&[]`).
            (!computed.is_empty()).then(|| (st.id.clone(), computed))
        })
        .collect()
}
