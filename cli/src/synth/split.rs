//! A generated document split into an index and one detail file per province.

use super::*;

/// The split layout of a generated document: an index (every station with its profile and
/// its headline figure of each family, without quotes, and a `detail` reference) and one
/// detail file per province (`detail/<province>.json`, the stations in full). Figures are
/// only left out of the index, never changed.
pub fn split(doc: &Document) -> (Document, Vec<(String, Document)>) {
    let mut index = Document {
        schema_version: doc.schema_version,
        publisher: doc.publisher.clone(),
        generated_at: doc.generated_at.clone(),
        synthetic: doc.synthetic,
        kind: Kind::Index,
        sources: doc.sources.clone(),
        metrics: doc.metrics.clone(),
        stations: Vec::with_capacity(doc.stations.len()),
        boundaries: doc.boundaries.clone(),
    };
    let mut details: Vec<(String, Document)> = Vec::new();
    // The directory's headline of each family: the first figure of the family's first
    // metric (in catalogue order) that the station reports.
    let headlines = |st: &Station| -> Vec<Figure> {
        Family::ALL
            .iter()
            .filter_map(|f| {
                doc.metrics
                    .iter()
                    .filter(|m| m.family == *f)
                    .find_map(|m| st.figures.iter().find(|x| x.metric == m.id))
            })
            .map(|f| Figure {
                quote: None,
                ..f.clone()
            })
            .collect()
    };
    for st in &doc.stations {
        let province = st.region.province.en.as_deref().unwrap_or(&st.id);
        let href = format!("detail/{}.json", slug(province));
        let mut profile = st.profile.clone();
        for fact in [
            &mut profile.area_km2,
            &mut profile.population,
            &mut profile.officers,
            &mut profile.auxiliary_officers,
        ]
        .into_iter()
        .flatten()
        {
            fact.quote = None;
        }
        if let Some(f) = &mut profile.founded {
            f.quote = None;
        }
        index.stations.push(Station {
            id: st.id.clone(),
            name: st.name.clone(),
            region: st.region.clone(),
            parent_bureau: None,
            profile,
            figures: headlines(st),
            series: Vec::new(),
            detail: Some(href.clone()),
            location: st.location,
        });
        let at = match details.iter().position(|(h, _)| *h == href) {
            Some(i) => i,
            None => {
                details.push((
                    href.clone(),
                    Document {
                        schema_version: doc.schema_version,
                        publisher: doc.publisher.clone(),
                        generated_at: doc.generated_at.clone(),
                        synthetic: doc.synthetic,
                        kind: Kind::Detail,
                        sources: Vec::new(),
                        metrics: Vec::new(),
                        stations: Vec::new(),
                        boundaries: None,
                    },
                ));
                details.len() - 1
            }
        };
        details[at].1.stations.push(st.clone());
    }
    (index, details)
}

/// `Inner Mongolia` → `inner-mongolia`.
pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}
