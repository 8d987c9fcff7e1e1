//! The bar chart of the league's best comparable stations and the summary line.

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::ranking::{chart_title, chart_unit, polarity, summary_text, MAX_BARS};
use scorecards_core::table::LeagueSlots;
use scorecards_core::{Dataset, Lang};

use crate::components::BarChart;
use crate::state::Ui;

/// The bar chart of the best comparable stations (at most [`MAX_BARS`]; none for fewer than
/// two) and the summary line (how many ranked, apart, not reporting; the shared basis).
#[component]
pub fn LeagueSummary(ds: Arc<Dataset>, slots: Memo<Arc<LeagueSlots>>) -> impl IntoView {
    let ui = Ui::get();
    move || slots.with(|l| summary_view(&ds, l, ui.lang.get()))
}

fn summary_view(ds: &Dataset, l: &LeagueSlots, lang: Lang) -> impl IntoView {
    let bars = l.bars(ds, lang, MAX_BARS);
    let chart = (bars.len() >= 2).then(|| {
        let title = chart_title(ds, l, lang, bars.len());
        let (unit, polarity) = (chart_unit(ds, l), polarity(ds, l));
        view! { <BarChart bars=bars unit=unit polarity=polarity title=title /> }
    });
    view! {
        {chart}
        <p class="ssc__summary" role="status">
            {summary_text(ds, l, lang)}
        </p>
    }
}
