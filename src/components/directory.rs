use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use scorecards_core::headline::tile;
use scorecards_core::i18n::family_name;
use scorecards_core::table::{matching, rows_shown};
use scorecards_core::{Dataset, Family, Lang, Station};

use crate::components::tile_figure::tile_figure;
use crate::components::virtual_rows::{keyed_rows, spacer, Scroller};
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

/// How long typing must pause before a search runs over a long directory.
pub const SEARCH_DELAY: Duration = Duration::from_millis(120);

/// All stations with their region and headline figure per family. A long directory (tens of
/// thousands of stations) is searchable and drawn a window at a time.
#[component]
pub fn Directory(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let total = ds.stations().len();
    let virtualised = Scroller::applies(total);
    let scroller = Scroller::new();
    // What the box shows (at once) and what is searched (after a pause in typing).
    let typed = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let ds_rows = ds.clone();
    let rows: Memo<Arc<Vec<u32>>> =
        Memo::new(move |_| Arc::new(search.with(|q| ds_rows.keys().search(q))));
    let range = Memo::new(move |_| scroller.range(rows.with(|r| r.len()), virtualised));
    Effect::new(move |_| {
        let drawn = range.get().len();
        if virtualised {
            request_animation_frame(move || scroller.measure(drawn));
        }
    });
    Effect::new(move |prev: Option<()>| {
        rows.track();
        if prev.is_some() {
            scroller.back_to_top();
        }
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        typed.set(v.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if virtualised {
            let h = set_timeout_with_handle(move || search.set(v), SEARCH_DELAY).ok();
            pending.set_value(h);
        } else {
            search.set(v);
        }
    };
    let search_id = ui.id("directory-search");
    let count_id = ui.id("directory-count");
    let ds_body = ds.clone();
    let n_rows = move || rows.with(|r| r.len());
    let body = view! {
        {virtualised.then(|| spacer("ssc__spacer ssc__spacer--top", 2 + COLUMNS.len(), move || scroller.spacers(&range.get(), n_rows()).0))}
        {keyed_rows(
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
        )}
        {virtualised.then(|| spacer("ssc__spacer ssc__spacer--bottom", 2 + COLUMNS.len(), move || scroller.spacers(&range.get(), n_rows()).1))}
    };
    let wrap_class = if virtualised {
        "ssc__table-wrap ssc__table-wrap--virtual"
    } else {
        "ssc__table-wrap"
    };
    view! {
        <section class="ssc__directory" aria-label=move || s().directory>
            <h2 class="ssc__heading" tabindex="-1">{move || s().directory}</h2>
            <p class="ssc__muted">{move || s().directory_caption}</p>
            {(total >= SEARCH_FROM).then(|| view! {
                <p class="ssc__control">
                    <label for=search_id.clone()>{move || s().search}</label>
                    <input
                        id=search_id.clone()
                        class="ssc__input"
                        type="search"
                        aria-describedby=count_id.clone()
                        prop:value=move || typed.get()
                        on:input=on_input
                    />
                </p>
                <p class="ssc__muted ssc__match-count" id=count_id.clone() role="status">
                    {move || {
                        let n = rows.with(|r| r.len());
                        search.with(|q| !q.trim().is_empty()).then(|| matching(ui.lang.get(), n, total))
                    }}
                </p>
            })}
            <div
                class=wrap_class
                role="region"
                tabindex="0"
                aria-label=move || s().directory
                node_ref=scroller.wrap
                on:scroll=move |_| scroller.on_scroll()
            >
                <table
                    class="ssc__table ssc__table--directory"
                    aria-rowcount=move || (rows.with(|r| r.len()) + 1).to_string()
                >
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col">{move || s().station}</th>
                            <th scope="col">{move || s().region}</th>
                            {COLUMNS.into_iter().map(|f| view! { <th scope="col">{move || family_name(ui.lang.get(), f)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {virtualised.then(|| view! {
                <p class="ssc__muted ssc__rows-shown">
                    {move || rows_shown(ui.lang.get(), &range.get(), rows.with(|r| r.len()))}
                </p>
            })}
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
                .map(|f| view! { <td data-label=family_name(lang, f)>{headline_cell(ds, st, f, lang)}</td> })
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
