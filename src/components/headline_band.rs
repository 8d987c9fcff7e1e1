use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::headline::BAND;
use scorecards_core::{Dataset, Station};

use crate::components::HeadlineTile;
use crate::state::Ui;

/// The top of a scorecard: one tile per family the station is judged on (incidents,
/// mediation, community groups, fraud), two to a row on a phone, four on a desktop.
#[component]
pub fn HeadlineBand(ds: Arc<Dataset>, station: Arc<Station>) -> impl IntoView {
    let ui = Ui::get();
    let tiles = BAND
        .into_iter()
        .map(|f| view! { <HeadlineTile ds=ds.clone() station=station.clone() family=f /> })
        .collect_view();
    view! {
        <section class="ssc__band" aria-label=move || ui.lang.get().strings().headline>
            {tiles}
        </section>
    }
}
