//! The rules [`crate::validate`] checks on the publisher's own boundary geometry
//! (geographic mode of the map, [`crate::model::Boundaries`]) and on station coordinates
//! ([`crate::model::Location`]). The geometry itself is decoded and drawn by [`crate::map::geo`], loaded with the
//! map only.
//!
//! A data file may name one boundary file on the same site, with its map review number
//! (审图号). The component draws that file unchanged and prints the number with it; a file
//! without a number is never drawn. Only `scorecards synth` writes fictitious geometry
//! (`fictitious: true` in a `synthetic` data file, labelled fictitious wherever it shows).

use crate::error::{Issue, IssueKind};
use crate::model::Document;

/// Whether the boundaries may be drawn without an approval number: fictitious geometry in a
/// synthetic data file only.
pub fn is_fictitious(doc: &Document) -> bool {
    doc.synthetic && doc.boundaries.as_ref().is_some_and(|b| b.fictitious)
}

/// The rules on `boundaries` and stations' `location`: a boundary file on the same site
/// (warning, geographic mode is then off), with an approval number unless fictitious in
/// synthetic data (warning: the tile map still works), coordinates in range (error).
pub(crate) fn check(doc: &Document) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut push = |path: String, kind| out.push(Issue { path, kind });
    if let Some(b) = &doc.boundaries {
        if !crate::path::is_detail_ref(&b.href) {
            push(
                "$.boundaries.href".into(),
                IssueKind::BadBoundaryRef {
                    href: b.href.clone(),
                },
            );
        }
        let numbered = b.approval.as_deref().is_some_and(|a| !a.trim().is_empty());
        if !numbered && !is_fictitious(doc) {
            push("$.boundaries.approval".into(), IssueKind::NoApprovalNumber);
        }
    }
    for (i, st) in doc.stations.iter().enumerate() {
        if let Some(l) = st.location.filter(|l| !l.in_range()) {
            push(
                format!("$.stations[{i}].location"),
                IssueKind::LocationOutOfRange {
                    lon: l.lon,
                    lat: l.lat,
                },
            );
        }
    }
    out
}
