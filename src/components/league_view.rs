use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::compare::{Measure, Normalisation, PopulationBand};
use scorecards_core::export;
use scorecards_core::ranking::{offered_metrics, provinces, reported_counts, shown_metric};
use scorecards_core::table::{filter, LeagueSlots};
use scorecards_core::Dataset;

use crate::components::league_controls::LeagueControls;
use crate::components::league_table::LeagueTable;
use crate::components::search_box::SearchBox;
use crate::components::virtual_rows::Scroller;
use crate::components::DownloadButtons;
use crate::state::Ui;

/// How many computed leagues are kept for going back to (each is about 50 bytes a station).
const RECENT_LEAGUES: usize = 3;

/// The choices the league itself depends on (not its order).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The metric shown.
    pub metric: String,
    /// Level or change.
    pub measure: Measure,
    /// Normalisation.
    pub norm: Normalisation,
    /// Only this province's stations (its Chinese name).
    pub province: Option<String>,
    /// Only this peer group.
    pub band: Option<PopulationBand>,
    /// The search text.
    pub search: String,
}

/// All stations ranked on one metric, with filters by region, peer group and name; stations
/// whose figure is on another basis, or missing, are listed apart rather than ranked last.
#[component]
pub fn LeagueView(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let counts = StoredValue::new(reported_counts(&ds));
    // The league is recomputed when a choice changes, its order when the sort or the
    // language does, and only the rows in view are drawn.
    let ds_choice = ds.clone();
    let choice_memo = Memo::new(move |_| {
        ui.rank.with(|q| {
            let (metric, measure) = counts.with_value(|c| shown_metric(&ds_choice, c, q));
            Choice {
                metric,
                measure,
                norm: q.norm,
                province: q.province.clone(),
                band: q.band,
                search: q.search.clone(),
            }
        })
    });
    let controls_memo = Memo::new(move |_| {
        let mut c = choice_memo.get();
        c.search.clear();
        c
    });
    let ds_league = ds.clone();
    // The last few leagues computed, newest first: clearing a filter or going back to an
    // earlier choice finds its league here (computing the league of 40,000 stations took
    // 175 ms at 4× CPU, most of clearing a filter).
    let recent: StoredValue<Vec<(Choice, Arc<LeagueSlots>)>> = StoredValue::new(Vec::new());
    let slots: Memo<Arc<LeagueSlots>> = Memo::new(move |_| {
        choice_memo.with(|c| {
            let found = recent.with_value(|r| r.iter().position(|(k, _)| k == c));
            let l = match found {
                Some(i) => recent.with_value(|r| r[i].1.clone()),
                None => {
                    let positions = filter(&ds_league, c.province.as_deref(), c.band, &c.search);
                    Arc::new(LeagueSlots::new(
                        &ds_league, &positions, &c.metric, c.measure, c.norm,
                    ))
                }
            };
            recent.update_value(|r| {
                if let Some(i) = found {
                    r.remove(i);
                }
                r.insert(0, (c.clone(), l.clone()));
                r.truncate(RECENT_LEAGUES);
            });
            l
        })
    });
    let ds_order = ds.clone();
    // Each new order gets a new generation, which keys its rows: a row is kept while the
    // table only scrolls, and redrawn when the league or its order changes (every new order
    // counts as a change, even one equal to the last: its numbers may mean other stations).
    let generation = StoredValue::new(0u64);
    let order: Memo<Arc<Vec<u32>>> = Memo::new_with_compare(
        move |_| {
            let (sort, desc) = ui.rank.with(|q| (q.sort, q.descending));
            let lang = ui.lang.get();
            generation.update_value(|g| *g += 1);
            slots.with(|l| Arc::new(l.display_order(ds_order.keys(), sort, desc, lang)))
        },
        |_, _| true,
    );
    let ds_rows = ds.clone();
    let rows = Callback::new(move |()| {
        let lang = ui.lang.get_untracked();
        let l = slots.get_untracked();
        let order = order.get_untracked();
        let comparable = order.iter().map(|&k| &l.slots[k as usize]);
        let rest = l.slots[l.comparable()..].iter();
        comparable
            .chain(rest)
            .map(|slot| {
                export::row(
                    &ds_rows,
                    &l.entry(&ds_rows, slot),
                    &l.metric,
                    l.ranked,
                    lang,
                )
            })
            .collect()
    });
    let virtualised = Scroller::applies(ds.stations().len());
    // What the search box shows; back and forward change the search too.
    let typed = RwSignal::new(ui.rank.with_untracked(|r| r.search.clone()));
    Effect::new(move |_| {
        let q = ui.rank.with(|r| r.search.clone());
        if typed.get_untracked() != q {
            typed.set(q);
        }
    });
    // The menus' contents (computed once: the menus are rebuilt on every choice, and
    // scanning 40,000 stations for each metric took longer than the filter itself).
    let provinces = StoredValue::new(provinces(&ds));
    let offered = StoredValue::new(offered_metrics(&ds));
    view! {
        <section class="ssc__league" aria-label=move || s().rank_title>
            <h2 class="ssc__heading" tabindex="-1">
                {move || s().rank_title}
            </h2>
            <LeagueControls
                ds=ds.clone()
                provinces=provinces
                offered=offered
                choice=controls_memo
            />
            <SearchBox
                id=ui.id("rank-search")
                typed=typed
                on_search=Arc::new(move |v| ui.update_rank(|r| r.search = v))
                debounce=virtualised
            />
            <LeagueTable
                ds=ds
                slots=slots
                order=order
                generation=generation
                virtualised=virtualised
            />
            <DownloadButtons name="station-league".to_string() rows=rows />
        </section>
    }
}
