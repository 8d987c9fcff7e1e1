use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::headline::tile;
use scorecards_core::i18n::family_name;
use scorecards_core::table::matching;
use scorecards_core::{Dataset, Family, Lang, Station};

use crate::components::search_box::SearchBox;
use crate::components::tile_figure::tile_figure;
use crate::components::virtual_rows::{keyed_rows, Scroller};
use crate::components::virtual_table::VirtualTable;
use crate::components::StationLink;
use crate::state::Ui;

/// The families shown as directory columns.
const COLUMNS: [Family; 4] = [
    Family::Incidents,
    Family::Mediation,
    Family::GroupCoverage,
    Family::Fraud,
];

/// Data sets with more stations than this get a search box above the directory.
const SEARCH_FROM: usize = 21;

/// All stations with their region and headline figure per family. A long directory (tens of
/// thousands of stations) is searchable and drawn a window at a time.
#[component]
pub fn Directory(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let total = ds.stations().len();
    let virtualised = Scroller::applies(total);
    // What is searched (after a pause in typing over a long directory; only the box changes it).
    let search = RwSignal::new(String::new());
    let ds_rows = ds.clone();
    let rows: Memo<Arc<Vec<u32>>> =
        Memo::new(move |_| Arc::new(search.with(|q| ds_rows.keys().search(q))));
    let count_id = ui.id("directory-count");
    let ds_body = ds.clone();
    let body = Box::new(move |range: Memo<Range<usize>>| {
        let ds_body = ds_body.clone();
        keyed_rows(
            move || {
                let r = range.get();
                rows.with(|all| r.map(|k| (k, all[k])).collect::<Vec<_>>())
            },
            |row| *row,
            move |(k, i)| {
                let ds = ds_body.clone();
                // Rows come and go as the table scrolls: each reads its own copy of the state.
                let ui = ui.provide_scoped();
                move || directory_row(&ds, &ds.stations()[i as usize], ui.lang.get(), k)
            },
        )
        .into_any()
    });
    let head = view! {
        <th scope="col">{move || s().station}</th>
        <th scope="col">{move || s().region}</th>
        {COLUMNS
            .into_iter()
            .map(|f| view! { <th scope="col">{move || family_name(ui.lang.get(), f)}</th> })
            .collect_view()}
    };
    view! {
        <section class="ssc__directory" aria-label=move || s().directory>
            <h2 class="ssc__heading" tabindex="-1">
                {move || s().directory}
            </h2>
            <p class="ssc__muted">{move || s().directory_caption}</p>
            {(total >= SEARCH_FROM)
                .then(|| {
                    view! {
                        <SearchBox
                            id=ui.id("directory-search")
                            typed=RwSignal::new(String::new())
                            on_search=Arc::new(move |v| search.set(v))
                            debounce=virtualised
                            described_by=count_id.clone()
                        />
                        <p class="ssc__muted ssc__match-count" id=count_id.clone() role="status">
                            {move || {
                                let n = rows.with(|r| r.len());
                                search
                                    .with(|q| !q.trim().is_empty())
                                    .then(|| matching(ui.lang.get(), n, total))
                            }}
                        </p>
                    }
                })}
            <VirtualTable
                label=|s| s.directory
                class="ssc__table ssc__table--directory"
                columns=2 + COLUMNS.len()
                virtualised=virtualised
                order=rows
                head=head.into_any()
                rows=body
            />
        </section>
    }
}

fn directory_row(ds: &Dataset, st: &Station, lang: Lang, k: usize) -> impl IntoView {
    let name = lang.pick(&st.name).to_string();
    view! {
        <tr data-station=st.id.clone() aria-rowindex=(k + 2).to_string()>
            <th scope="row">
                <StationLink station=Some(st.id.clone())>{name}</StationLink>
            </th>
            <td data-label=lang.strings().region>{region_text(st, lang)}</td>
            {COLUMNS
                .into_iter()
                .map(|f| {
                    view! {
                        <td data-label=family_name(lang, f)>{headline_cell(ds, st, f, lang)}</td>
                    }
                })
                .collect_view()}
        </tr>
    }
}

/// `天津市 河西区` / `Hexi District, Tianjin`.
pub fn region_text(st: &Station, lang: Lang) -> String {
    scorecards_core::table::region_text(st, lang)
}

/// A station's headline of a family in the tile language (see [`tile_figure`]).
fn headline_cell(ds: &Dataset, st: &Station, family: Family, lang: Lang) -> AnyView {
    let s = lang.strings();
    let Some(key) = tile(ds, st, family).key else {
        return view! { <span class="ssc__na">{s.not_reported}</span> }.into_any();
    };
    let label = lang.pick(&key.metric.label).to_string();
    view! {
        <span class="ssc__cell-label">{label}</span>
        {tile_figure(&key, lang, true)}
    }
    .into_any()
}
