use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::map::{Tile, TileMap, TileState, UNITS};
use scorecards_core::query::{PageQuery, RankQuery, View};
use scorecards_core::Lang;

use crate::state::Ui;
use crate::url;

/// Every unit with its stations, comparable figures and median, or why it has none.
#[component]
pub fn MapTable(map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    let ms = move || ui.lang.get().map_strings();
    let rows = move || {
        let lang = ui.lang.get();
        map.with(|m| m.tiles.iter().map(|t| unit_row(m, t, lang)).collect_view())
    };
    view! {
        <div
            class="ssc__table-wrap"
            role="region"
            tabindex="0"
            aria-label=move || ms().table_caption
        >
            <table class="ssc__table ssc__table--map">
                <caption>{move || ms().table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || ms().col_unit}</th>
                        <th scope="col">{move || ms().col_stations}</th>
                        <th scope="col">{move || ms().col_comparable}</th>
                        <th scope="col">{move || ms().col_value}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn unit_row(m: &TileMap, t: &Tile, lang: Lang) -> impl IntoView {
    let ui = Ui::get();
    let u = &UNITS[t.unit];
    let name = u.full_name(lang).to_string();
    let state = match t.state {
        TileState::Value { .. } => "value",
        TileState::NoComparable => "no-comparable",
        TileState::NoStation => "no-station",
    };
    let value = m.tile_value_text(lang, t);
    let ms = lang.map_strings();
    let link = t.province.clone().map(|p| {
        let q = league_query(&ui, m, p.clone());
        let href = if ui.url_sync {
            url::href(&q)
        } else {
            "#".to_string()
        };
        let m = m.clone();
        let on_click = move |ev: leptos::ev::MouseEvent| {
            let new_tab = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0;
            if ui.url_sync && new_tab {
                return;
            }
            ev.prevent_default();
            open_league(&ui, &m, p.clone());
        };
        view! {
            " "
            <a class="ssc__link ssc__map-league" href=href on:click=on_click>
                {lang.map_strings().open_league}
            </a>
        }
    });
    view! {
        <tr data-code=u.code.to_string() data-state=state>
            <th scope="row">{name}</th>
            <td class="ssc__num" data-label=ms.col_stations>
                {t.stations}
            </td>
            <td class="ssc__num" data-label=ms.col_comparable>
                {t.comparable}
            </td>
            <td data-label=ms.col_value>{value}{link}</td>
        </tr>
    }
}

/// The league table's choices for the province `province` on the map's metric and measure.
fn league_rank(m: &TileMap, province: String) -> RankQuery {
    RankQuery {
        metric: Some(m.metric.clone()),
        measure: Some(m.measure),
        province: Some(province),
        ..RankQuery::default()
    }
}

fn league_query(ui: &Ui, m: &TileMap, province: String) -> PageQuery {
    PageQuery {
        view: View::Rank,
        rank: league_rank(m, province),
        ..ui.query_for(None, ui.lang.get_untracked())
    }
}

/// Opens the league table filtered to `province` (a history entry on the standalone page).
pub fn open_league(ui: &Ui, m: &TileMap, province: String) {
    ui.put_rank(league_rank(m, province));
    ui.go(View::Rank);
}
