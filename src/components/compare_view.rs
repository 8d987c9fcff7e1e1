use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::chart::comparable_bars;
use scorecards_core::compare::{
    league, pick_or_compute, Basis, League, Measure, Normalisation, Standing,
};
use scorecards_core::headline::Trend;
use scorecards_core::i18n::{computed_note, difference_name, family_name};
use scorecards_core::{export, format, Dataset, Family, Lang, Metric, Station, Unit};

use crate::components::station_link::link_to;
use crate::components::tile_figure::verdict_word;
use crate::components::{BarChart, DownloadButtons, SourceRef};
use crate::state::Ui;

/// Two to six stations side by side: one column per station, one row per metric and measure,
/// grouped by family; the best comparable value per row is marked, figures on another basis
/// are flagged, and rows without a common basis are not ranked.
#[component]
pub fn CompareView(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let ds_rows = ds.clone();
    let rows = Callback::new(move |()| {
        let ids = ui.compare.get_untracked();
        let stations = selected(&ds_rows, &ids);
        export_rows(&ds_rows, &stations, ui.lang.get_untracked())
    });
    let (ds_chips, ds_options, ds_table) = (ds.clone(), ds.clone(), ds);
    let select_id = ui.id("compare-add");
    view! {
        <section class="ssc__compare" aria-label=move || s().compare_title>
            <h2 class="ssc__heading" tabindex="-1">
                {move || s().compare_title}
            </h2>
            <p class="ssc__muted">{move || s().compare_hint}</p>
            <div class="ssc__picker">
                {move || chips(&ds_chips, &ui.compare.get(), ui.lang.get())}
                <label for=select_id.clone()>{move || s().compare_add}</label>
                // The list stays in place while its options follow the choice, so that it
                // always shows "—" again after a station is added.
                <select
                    id=select_id
                    class="ssc__select"
                    disabled=move || ui.compare.with(|c| c.len() >= 6)
                    on:change=move |ev| {
                        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
                        let v = select.value();
                        select.set_value("");
                        if !v.is_empty() {
                            let mut all = ui.compare.get_untracked();
                            all.push(v);
                            ui.set_compare(all);
                        }
                    }
                >
                    <option value="">"—"</option>
                    {move || options(&ds_options, &ui.compare.get(), ui.lang.get())}
                </select>
            </div>
            {move || {
                let lang = ui.lang.get();
                let stations = selected(&ds_table, &ui.compare.get());
                if stations.len() < 2 {
                    view! {
                        <p class="ssc__notice" role="status">
                            {lang.strings().compare_too_few}
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        {compare_table(&ds_table, &stations, lang)}
                        {ranked_charts(&ds_table, &stations, lang)}
                    }
                        .into_any()
                }
            }}
            <DownloadButtons name="station-compare".to_string() rows=rows />
        </section>
    }
}

fn selected<'a>(ds: &'a Dataset, ids: &[String]) -> Vec<&'a Station> {
    ids.iter().filter_map(|id| ds.station(id)).collect()
}

/// The chosen stations, each with a remove button.
fn chips(ds: &Dataset, ids: &[String], lang: Lang) -> impl IntoView {
    let ui = Ui::get();
    let s = lang.strings();
    let chips = ids
        .iter()
        .filter_map(|id| ds.station(id))
        .map(|st| {
            let id = st.id.clone();
            let name = lang.pick(&st.name).to_string();
            view! {
                <li class="ssc__chip">
                    {name.clone()}
                    <button
                        type="button"
                        class="ssc__chip-remove"
                        aria-label=format!("{} {name}", s.compare_remove)
                        on:click=move |_| {
                            let rest: Vec<String> = ui
                                .compare
                                .get_untracked()
                                .into_iter()
                                .filter(|x| *x != id)
                                .collect();
                            ui.set_compare(rest);
                        }
                    >
                        "×"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="ssc__chips">{chips}</ul> }
}

/// The stations that can still be added.
fn options(ds: &Dataset, ids: &[String], lang: Lang) -> impl IntoView {
    ds.stations()
        .iter()
        .filter(|st| !ids.contains(&st.id))
        .map(|st| view! { <option value=st.id.clone()>{lang.pick(&st.name).to_string()}</option> })
        .collect_view()
}

/// The (metric, measure) rows that at least one chosen station reports, in catalogue order.
fn rows_of<'a>(
    ds: &'a Dataset,
    stations: &[&Station],
    family: Family,
) -> Vec<(&'a Metric, Measure)> {
    let mut out = Vec::new();
    for m in ds.document().metrics.iter().filter(|m| m.family == family) {
        for measure in [Measure::Level, Measure::Change] {
            if stations
                .iter()
                .any(|st| pick_or_compute(ds, st, &m.id, measure).is_some())
            {
                out.push((m, measure));
            }
        }
    }
    out
}

fn compare_table(ds: &Arc<Dataset>, stations: &[&Station], lang: Lang) -> AnyView {
    let s = lang.strings();
    let head = stations
        .iter()
        .map(|st| {
            view! {
                <th scope="col" data-station=st.id.clone()>
                    {link_to(st, lang)}
                </th>
            }
        })
        .collect_view();
    let width = stations.len() + 1;
    let body = Family::ALL
        .into_iter()
        .map(|family| {
            let rows = rows_of(ds, stations, family);
            if rows.is_empty() {
                return ().into_any();
            }
            let rows = rows
                .into_iter()
                .map(|(m, measure)| {
                    let l = league(ds, stations, &m.id, measure, Normalisation::None);
                    compare_row(ds, stations, m, measure, &l, lang)
                })
                .collect_view();
            view! {
                <tr class="ssc__family-row">
                    <th scope="colgroup" colspan=width.to_string()>
                        {family_name(lang, family)}
                    </th>
                </tr>
                {rows}
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="ssc__table-wrap" role="region" tabindex="0" aria-label=s.compare_title>
            <table class="ssc__table ssc__table--compare">
                <thead>
                    <tr>
                        <th scope="col">{s.figure}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn measure_name(lang: Lang, m: Measure) -> &'static str {
    match m {
        Measure::Level => lang.strings().measure_level,
        Measure::Change => lang.strings().measure_change,
    }
}

fn basis_text(lang: Lang, b: &Basis) -> String {
    format::period_and_baseline(lang, &b.period, b.baseline.as_ref())
}

fn compare_row(
    ds: &Arc<Dataset>,
    stations: &[&Station],
    m: &Metric,
    measure: Measure,
    l: &League<'_>,
    lang: Lang,
) -> AnyView {
    let s = lang.strings();
    let reported = l.entries.iter().filter(|e| e.figure.is_some()).count();
    let note = if l.ranked >= 2 {
        l.basis.as_ref().map(|b| basis_text(lang, b))
    } else if reported >= 2 {
        Some(s.row_not_ranked.to_string())
    } else {
        None
    };
    let best = l.entries.iter().find_map(|e| match e.standing {
        Standing::Ranked { rank: 1, .. } if l.ranked >= 2 => e.value,
        _ => None,
    });
    let cells = stations
        .iter()
        .map(|st| {
            let e = l.entries.iter().find(|e| e.station.id == st.id);
            let Some(e) = e.filter(|e| e.figure.is_some()) else {
                return view! { <td class="ssc__na">{s.not_reported}</td> }.into_any();
            };
            let fig = e.figure.expect("filtered");
            let context = format::period_and_baseline(lang, &fig.period, fig.baseline.as_ref());
            let badge = match &e.standing {
                Standing::Ranked { rank: 1, .. } if l.ranked >= 2 => {
                    Some(view! { <span class="ssc__badge ssc__badge--best">{format!("★ {}", s.best)}</span> }.into_any())
                }
                Standing::NotComparable(diffs) if reported >= 2 => {
                    let why = diffs.iter().map(|d| difference_name(lang, *d)).collect::<Vec<_>>();
                    // Name what it is set against: "since 2018 vs year-on-year 2024".
                    let against = l.basis.as_ref().map(|b| basis_text(lang, b));
                    Some(view! {
                        <span class="ssc__flag">
                            {lang.messages().not_comparable_because(&why, against.as_deref())}
                        </span>
                    }.into_any())
                }
                _ => None,
            };
            let gap = match (&e.standing, best, fig.unit) {
                (Standing::Ranked { rank, .. }, Some(b), Unit::Percent | Unit::PercentagePoints) if *rank > 1 => {
                    let pp = (e.value.unwrap_or(b) - b).abs();
                    Some(view! {
                        <span class="ssc__cell-context">
                            {lang.messages().gap_to_best_points(&format::plain_number(pp))}
                        </span>
                    })
                }
                _ => None,
            };
            // The tile language: the value coloured by its verdict, and the verdict in words.
            let verdict = Trend::of(fig, m.polarity).map(|t| t.verdict);
            let tone = verdict.map_or("", |v| v.class());
            let word = verdict_word(verdict, lang);
            view! {
                <td data-station=st.id.clone()>
                    <strong class=format!(
                        "ssc__cell-value {tone}",
                    )>{format::figure_value(lang, fig)}</strong>
                    {(!word.is_empty())
                        .then(|| {
                            view! { <span class=format!("ssc__tile-meaning {tone}")>{word}</span> }
                        })}
                    <span class="ssc__cell-context">{context}</span>
                    {fig
                        .scope
                        .as_ref()
                        .map(|sc| {
                            view! { <span class="ssc__scope">{lang.pick(sc).to_string()}</span> }
                        })}
                    {e
                        .computed
                        .map(|c| {
                            view! { <span class="ssc__computed">{computed_note(lang, c)}</span> }
                        })}
                    {badge}
                    {gap}
                    <SourceRef ds=ds.clone() source=fig.source.clone() compact=true />
                </td>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <tr data-metric=m.id.clone() data-measure=measure.code() data-ranked=l.ranked.to_string()>
            <th scope="row">
                {lang.pick(&m.label).to_string()}
                <span class="ssc__cell-context">{measure_name(lang, measure)}</span>
                {note.map(|n| view! { <span class="ssc__row-note">{n}</span> })}
            </th>
            {cells}
        </tr>
    }
    .into_any()
}

/// A bar chart for every row where at least two stations are ranked.
fn ranked_charts(ds: &Dataset, stations: &[&Station], lang: Lang) -> AnyView {
    let mut charts = Vec::new();
    for family in Family::ALL {
        for (m, measure) in rows_of(ds, stations, family) {
            let l = league(ds, stations, &m.id, measure, Normalisation::None);
            if l.ranked < 2 {
                continue;
            }
            let unit = l
                .entries
                .iter()
                .find_map(|e| e.figure.map(|f| f.unit))
                .unwrap_or(m.unit);
            let title = format!("{} · {}", lang.pick(&m.label), measure_name(lang, measure));
            let bars = comparable_bars(&l, lang, None);
            charts.push(view! { <BarChart bars=bars unit=unit polarity=m.polarity title=title /> });
        }
    }
    charts.collect_view().into_any()
}

/// Every cell of the comparison, flattened.
fn export_rows(ds: &Dataset, stations: &[&Station], lang: Lang) -> Vec<export::ExportRow> {
    let mut out = Vec::new();
    for family in Family::ALL {
        for (m, measure) in rows_of(ds, stations, family) {
            let l = league(ds, stations, &m.id, measure, Normalisation::None);
            for st in stations {
                if let Some(e) = l.entries.iter().find(|e| e.station.id == st.id) {
                    out.push(export::row(ds, e, &m.id, l.ranked, lang));
                }
            }
        }
    }
    out
}
