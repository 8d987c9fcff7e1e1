//! The league proper: chart and summary, the table of comparable stations (drawn a window at
//! a time when long), and the stations listed apart.

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::compare::{Entry, MIN_FOR_PERCENTILE};
use scorecards_core::i18n::computed_note;
use scorecards_core::query::SortKey;
use scorecards_core::ranking::{percentile_text, rank_text, value_text};
use scorecards_core::table::{region_text, LeagueSlots};
use scorecards_core::{format, Dataset, Lang};

use crate::components::league_apart::LeagueApart;
use crate::components::league_summary::LeagueSummary;
use crate::components::station_link::link_to;
use crate::components::virtual_rows::keyed_rows;
use crate::components::virtual_table::VirtualTable;
use crate::components::SourceRef;
use crate::state::Ui;

/// Columns of the league table.
const COLUMNS: usize = 7;

/// The league: chart, summary, the table of comparable stations (drawn a window at a time
/// when long), and the stations listed apart.
#[component]
pub fn LeagueTable(
    ds: Arc<Dataset>,
    slots: Memo<Arc<LeagueSlots>>,
    /// The comparable slots' indices in the order shown.
    order: Memo<Arc<Vec<u32>>>,
    /// Counts the orders made: keys the rows with `order`'s current one.
    generation: StoredValue<u64>,
    virtualised: bool,
) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let sort_header = move |key: SortKey, label: fn(Lang) -> &'static str| {
        let aria = move || {
            ui.rank.with(|q| match (q.sort == key, q.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            })
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="ssc__sort"
                    on:click=move |_| {
                        ui.update_rank(|r| {
                            r.descending = r.sort == key && !r.descending;
                            r.sort = key;
                        })
                    }
                >
                    {move || label(ui.lang.get())}
                </button>
            </th>
        }
    };
    let head = view! {
        {sort_header(SortKey::Rank, |l| l.strings().rank)}
        {sort_header(SortKey::Name, |l| l.strings().station)}
        {sort_header(SortKey::Region, |l| l.strings().region)}
        {sort_header(SortKey::Value, |l| l.strings().value)}
        <th scope="col">{move || s().period}</th>
        <th scope="col">{move || s().percentile}</th>
        <th scope="col">{move || s().source}</th>
    };
    let ds_rows = ds.clone();
    // The same shape as the directory's rows (`duplicates` pairs them): each table keys and
    // draws its own kind of row; what they share is `VirtualTable` and `keyed_rows`.
    let body = Box::new(move |range: Memo<Range<usize>>| {
        let ds_rows = ds_rows.clone();
        keyed_rows(
            move || {
                let r = range.get();
                order.with(|o| {
                    let g = generation.get_value();
                    r.map(|k| (g, k, o[k])).collect::<Vec<_>>()
                })
            },
            |row| *row,
            move |(_, k, slot)| {
                let ds = ds_rows.clone();
                let l = slots.get_untracked();
                // Rows come and go as the table scrolls: each reads its own copy of the state.
                let ui = ui.provide_scoped();
                move || {
                    let e = l.entry(&ds, &l.slots[slot as usize]);
                    ranked_row(&ds, &e, &l, ui.lang.get(), k)
                }
            },
        )
        .into_any()
    });
    view! {
        <LeagueSummary ds=ds.clone() slots=slots />
        <VirtualTable
            label=|s| s.rank_title
            class="ssc__table ssc__table--league"
            columns=COLUMNS
            virtualised=virtualised
            order=order
            head=head.into_any()
            rows=body
        />
        <p class="ssc__muted">
            {move || format!("{} (≥ {MIN_FOR_PERCENTILE})", s().percentile_note)}
        </p>
        <LeagueApart ds=ds slots=slots />
    }
}

/// One comparable station's row: rank, name, region, value, period, percentile, sources.
fn ranked_row(
    ds: &Arc<Dataset>,
    e: &Entry<'_>,
    l: &LeagueSlots,
    lang: Lang,
    k: usize,
) -> impl IntoView {
    let fig = e.figure.expect("comparable entries have a figure");
    view! {
        <tr data-station=e.station.id.clone() aria-rowindex=(k + 2).to_string()>
            <td class="ssc__rank">{rank_text(lang, &e.standing, l.ranked)}</td>
            <th scope="row">{link_to(e.station, lang)}</th>
            <td>{region_text(e.station, lang)}</td>
            <td class="ssc__value">
                {value_text(lang, e, l.norm)}
                {e
                    .computed
                    .map(|c| view! { <span class="ssc__computed">{computed_note(lang, c)}</span> })}
            </td>
            <td>{format::period_and_baseline(lang, &fig.period, fig.baseline.as_ref())}</td>
            <td>{percentile_text(&e.standing)}</td>
            <td>
                <SourceRef ds=ds.clone() source=fig.source.clone() compact=true />
                {e
                    .denominator
                    .map(|d| {
                        view! {
                            " "
                            <SourceRef ds=ds.clone() source=d.source.clone() compact=true />
                        }
                    })}
            </td>
        </tr>
    }
}
