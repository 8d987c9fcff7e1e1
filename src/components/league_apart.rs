//! The stations of a league listed apart: on another basis (with what differs) and not
//! reporting.

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::ranking::{apart, apart_line, missing_names};
use scorecards_core::table::{more_not_listed, LeagueSlots};
use scorecards_core::{Dataset, Lang};

use crate::components::station_link::link_to;
use crate::state::Ui;

/// Stations on another basis (with what differs) and stations not reporting, at most
/// [`scorecards_core::ranking::MAX_LISTED`] of each by name.
#[component]
pub fn LeagueApart(ds: Arc<Dataset>, slots: Memo<Arc<LeagueSlots>>) -> impl IntoView {
    let ui = Ui::get();
    move || slots.with(|l| apart_view(&ds, l, ui.lang.get()))
}

fn apart_view(ds: &Dataset, l: &LeagueSlots, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let a = apart(l);
    let basis = a
        .basis
        .iter()
        .map(|slot| {
            let e = l.entry(ds, slot);
            let fig = e.figure.expect("reported");
            view! {
                <li data-station=e
                    .station
                    .id
                    .clone()>{link_to(e.station, lang)} {apart_line(lang, fig, &e.standing)}</li>
            }
        })
        .collect_view();
    let (more_basis, more_missing) = (a.more_basis, a.more_missing);
    let missing = (!a.missing.is_empty()).then(|| missing_names(ds, &a.missing, lang));
    view! {
        {(!a.basis.is_empty())
            .then(|| {
                view! {
                    <h3 class="ssc__panel-title">{s.not_comparable_title}</h3>
                    <ul class="ssc__apart ssc__apart--basis">{basis}</ul>
                    {(more_basis > 0)
                        .then(|| {
                            view! { <p class="ssc__muted">{more_not_listed(lang, more_basis)}</p> }
                        })}
                }
            })}
        {missing
            .map(|missing| {
                view! {
                    <h3 class="ssc__panel-title">{s.not_reported_title}</h3>
                    <p class="ssc__apart ssc__apart--missing">
                        {missing}
                        {(more_missing > 0)
                            .then(|| format!(" {}", more_not_listed(lang, more_missing)))}
                    </p>
                }
            })}
    }
}
