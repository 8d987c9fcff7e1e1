//! The parsed rows assembled into one document (stations, figures, monthly series),
//! with where each item came from.

use super::*;

/// The rows of one series: by month offset, and all of them.
pub(super) type SeriesRows = (BTreeMap<usize, RowRef>, Vec<RowRef>);

/// Rows of a long series table grouped by (station index, metric).
pub(super) type Group<'a> = ((usize, String), Vec<(RowRef, &'a MonthRow)>);

/// Where each item of the assembled document came from.
#[derive(Default)]
pub(super) struct Origins {
    pub(super) sources: Vec<RowRef>,
    pub(super) metrics: Vec<RowRef>,
    pub(super) stations: Vec<RowRef>,
    pub(super) figures: HashMap<(usize, usize), RowRef>,
    /// (station, series) → month offset → row, and all rows.
    pub(super) series: HashMap<(usize, usize), SeriesRows>,
}

impl Origins {
    /// The row a JSON path of the document comes from.
    pub(super) fn of(&self, path: &str) -> Option<RowRef> {
        use PathSegment::{Index, Key};
        let segs = parse_path(path)?;
        let key = |i: usize| match segs.get(i) {
            Some(Key(k)) => Some(k.as_str()),
            _ => None,
        };
        let index = |i: usize| match segs.get(i) {
            Some(Index(n)) => Some(*n),
            _ => None,
        };
        match (key(0)?, index(1)) {
            ("sources", Some(i)) => self.sources.get(i).copied(),
            ("metrics", Some(i)) => self.metrics.get(i).copied(),
            ("stations", Some(i)) => match (key(2), index(3)) {
                (Some("figures"), Some(j)) => self.figures.get(&(i, j)).copied(),
                (Some("series"), Some(j)) => {
                    let (by_month, all) = self.series.get(&(i, j))?;
                    match (key(4), index(5)) {
                        (Some("values" | "status"), Some(k)) => {
                            by_month.get(&k).copied().or(all.first().copied())
                        }
                        _ => all.first().copied(),
                    }
                }
                _ => self.stations.get(i).copied(),
            },
            _ => None,
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn assemble(
    p: &Parsed,
    rejected: &mut Rejected,
    lang: Lang,
    publisher: Text,
    generated_at: &str,
    opts: &Options,
    base: &Option<Document>,
) -> (Document, Origins) {
    let mut o = Origins::default();
    let keep = |f: &RowRef, rejected: &Rejected| !rejected.set.contains(f);
    let mut doc = Document {
        schema_version: scorecards_core::SCHEMA_VERSION,
        publisher,
        generated_at: generated_at.to_string(),
        synthetic: opts.synthetic || base.as_ref().is_some_and(|b| b.synthetic),
        kind: scorecards_core::Kind::Complete,
        sources: Vec::new(),
        metrics: Vec::new(),
        stations: Vec::new(),
        boundaries: base.as_ref().and_then(|b| b.boundaries.clone()),
    };
    for (f, s) in p.sources.iter().filter(|(f, _)| keep(f, rejected)) {
        doc.sources.push(s.clone());
        o.sources.push(*f);
    }
    for (f, m) in p.metrics.iter().filter(|(f, _)| keep(f, rejected)) {
        doc.metrics.push(m.clone());
        o.metrics.push(*f);
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (f, s) in p.stations.iter().filter(|(f, _)| keep(f, rejected)) {
        index.entry(s.id.as_str()).or_insert(doc.stations.len());
        doc.stations.push(s.clone());
        o.stations.push(*f);
    }
    let station_missing = |id: &str, rejected: &Rejected| -> String {
        let gone = p
            .stations
            .iter()
            .find(|(f, s)| s.id == id && rejected.set.contains(f))
            .map(|(f, _)| *f)
            .or_else(|| {
                p.rejected_stations
                    .iter()
                    .find(|(sid, _)| sid == id)
                    .map(|(_, f)| *f)
            });
        match gone {
            Some(RowRef::Row(t, row)) => msgs(lang).station_rejected(id, &p.tables[t].0, row),
            _ => msgs(lang).station_not_in_table(id),
        }
    };
    let mut new_rejects = Vec::new();
    for (f, row) in p.figures.iter().filter(|(f, _)| keep(f, rejected)) {
        match index.get(row.station.as_str()) {
            Some(&i) => {
                let j = doc.stations[i].figures.len();
                doc.stations[i].figures.push(row.figure.clone());
                o.figures.insert((i, j), *f);
            }
            None => new_rejects.push((*f, "station", station_missing(&row.station, rejected))),
        }
    }
    // Long series: group by (station, metric) in order of first appearance.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_index: HashMap<(usize, &str), usize> = HashMap::new();
    for (f, row) in p.months.iter().filter(|(f, _)| keep(f, rejected)) {
        let Some(&i) = index.get(row.station.as_str()) else {
            new_rejects.push((*f, "station", station_missing(&row.station, rejected)));
            continue;
        };
        let g = *group_index
            .entry((i, row.metric.as_str()))
            .or_insert_with(|| {
                groups.push(((i, row.metric.clone()), Vec::new()));
                groups.len() - 1
            });
        groups[g].1.push((*f, row));
    }
    for ((i, metric), rows) in groups {
        let (first_from, first) = rows[0];
        let mut by_month: BTreeMap<i64, (RowRef, &MonthRow)> = BTreeMap::new();
        for (f, row) in rows {
            let row_no = |f: RowRef| match f {
                RowRef::Row(_, r) => r,
                RowRef::Base => 0,
            };
            if row.source != first.source {
                new_rejects.push((
                    f,
                    "source",
                    msgs(lang).series_sources_differ(
                        row_no(first_from),
                        &first.source,
                        &row.source,
                    ),
                ));
            } else if let Some((earlier, _)) = by_month.get(&row.month) {
                new_rejects.push((f, "month", msgs(lang).month_given_before(row_no(*earlier))));
            } else {
                by_month.insert(row.month, (f, row));
            }
        }
        let start = *by_month.keys().next().unwrap_or(&0);
        let end = *by_month.keys().last().unwrap_or(&0);
        let len = (end - start + 1) as usize;
        let mut values = vec![None; len];
        let mut status = vec![ValueStatus::Missing; len];
        let mut months = BTreeMap::new();
        let mut all = Vec::new();
        for (m, (f, row)) in &by_month {
            let k = (m - start) as usize;
            values[k] = row.value;
            status[k] = row.status.unwrap_or(if row.value.is_some() {
                ValueStatus::Reported
            } else {
                ValueStatus::Missing
            });
            months.insert(k, *f);
            all.push(*f);
        }
        let j = doc.stations[i].series.len();
        doc.stations[i]
            .series
            .push(series(metric, first.source.clone(), start, values, status));
        o.series.insert((i, j), (months, all));
    }
    for (f, row) in p.wide.iter().filter(|(f, _)| keep(f, rejected)) {
        let Some(&i) = index.get(row.station.as_str()) else {
            new_rejects.push((*f, "station", station_missing(&row.station, rejected)));
            continue;
        };
        // Drop unfilled months at both ends.
        let Some(a) = row.values.iter().position(Option::is_some) else {
            new_rejects.push((*f, "month", msgs(lang).no_month_values()));
            continue;
        };
        let b = row.values.iter().rposition(Option::is_some).unwrap_or(a);
        let j = doc.stations[i].series.len();
        doc.stations[i].series.push(series(
            row.metric.clone(),
            row.source.clone(),
            row.start + a as i64,
            row.values[a..=b].to_vec(),
            row.status[a..=b].to_vec(),
        ));
        o.series.insert((i, j), (BTreeMap::new(), vec![*f]));
    }
    for (f, column, reason) in new_rejects {
        rejected.add(f, Some(column), reason);
    }
    (doc, o)
}

pub(super) fn series(
    metric: String,
    source: String,
    start: i64,
    values: Vec<Option<f64>>,
    status: Vec<ValueStatus>,
) -> Series {
    // `status` is written only when it says more than the values do (an estimate).
    let status = status.contains(&ValueStatus::Estimated).then_some(status);
    Series {
        metric,
        start: PartialDate::from_month_index(start),
        values,
        status,
        source,
    }
}
