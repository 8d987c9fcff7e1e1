//! Which view a loaded data set shows: the comparison, the league table, the map, a
//! scorecard or the directory, from the view state.

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::query::View;
use scorecards_core::{Dataset, Lang};

use crate::components::{CompareView, Directory, LeagueView, MapView, Scorecard};
use crate::state::Ui;

/// Directory or scorecard, from the `station` signal.
#[component]
pub(crate) fn ViewSwitch(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let ds = ds.clone();
        // The view below is rebuilt on every change of view or station: it reads its own
        // copy of the state, dropped with it (see `Ui`).
        ui.provide_scoped();
        match ui.view.get() {
            View::Compare => return view! { <CompareView ds=ds /> }.into_any(),
            View::Rank => return view! { <LeagueView ds=ds /> }.into_any(),
            View::Map => return view! { <MapView ds=ds /> }.into_any(),
            View::Directory => {}
        }
        match ui.station.get() {
            Some(id) if ds.station(&id).is_some() => {
                view! { <Scorecard ds=ds station_id=id /> }.into_any()
            }
            Some(id) => view! {
                <p class="ssc__notice" role="alert">
                    {move || unknown_station(ui.lang.get(), &id)}
                </p>
                <Directory ds=ds />
            }
            .into_any(),
            None => view! { <Directory ds=ds /> }.into_any(),
        }
    }
}

fn unknown_station(lang: Lang, id: &str) -> String {
    lang.messages().labelled(lang.strings().unknown_station, id)
}
