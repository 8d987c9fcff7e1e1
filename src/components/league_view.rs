use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::chart::comparable_bars;
use scorecards_core::compare::{
    league, matches_search, pick_or_compute, Entry, League, Measure, Normalisation, PopulationBand,
    Standing, MIN_FOR_PERCENTILE,
};
use scorecards_core::i18n::{band_name, computed_note, difference_name, normalisation_name};
use scorecards_core::query::{RankQuery, SortKey};
use scorecards_core::{export, format, Dataset, Lang, Polarity, Station, Unit};

use crate::components::directory::region_text;
use crate::components::station_link::link_to;
use crate::components::{BarChart, DownloadButtons, SourceRef};
use crate::state::Ui;

/// All stations ranked on one metric, with filters by region, peer group and name; stations
/// whose figure is on another basis, or missing, are listed apart rather than ranked last.
#[component]
pub fn LeagueView(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let ds_rows = ds.clone();
    let rows = Callback::new(move |()| {
        let q = ui.rank.get_untracked();
        let lang = ui.lang.get_untracked();
        let (metric, measure) = choice(&ds_rows, &q);
        let stations = filtered(&ds_rows, &q);
        let l = league(&ds_rows, &stations, &metric, measure, q.norm);
        sorted(&l, &q, lang)
            .iter()
            .map(|e| export::row(&ds_rows, e, &metric, l.ranked, lang))
            .collect()
    });
    let (ds_controls, ds_table) = (ds.clone(), ds.clone());
    let search_id = ui.id("rank-search");
    view! {
        <section class="ssc__league" aria-label=move || s().rank_title>
            <h2 class="ssc__heading" tabindex="-1">{move || s().rank_title}</h2>
            {move || controls(&ds_controls, &ui.rank.get(), ui.lang.get())}
            <p class="ssc__control">
                <label for=search_id.clone()>{move || s().search}</label>
                <input
                    id=search_id
                    class="ssc__input"
                    type="search"
                    prop:value=move || ui.rank.with(|r| r.search.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ui.update_rank(|r| r.search = v);
                    }
                />
            </p>
            {move || table(&ds_table, &ui.rank.get(), ui.lang.get())}
            <DownloadButtons name="station-league".to_string() rows=rows />
        </section>
    }
}

/// The metric and measure shown: as asked, else the metric reported by most stations.
fn choice(ds: &Dataset, q: &RankQuery) -> (String, Measure) {
    let reported = |m: &str, measure: Measure| {
        ds.stations()
            .iter()
            .filter(|st| pick_or_compute(ds, st, m, measure).is_some())
            .count()
    };
    let metric = q
        .metric
        .clone()
        .filter(|m| ds.metric(m).is_some())
        .or_else(|| {
            ds.document()
                .metrics
                .iter()
                .max_by_key(|m| {
                    (
                        reported(&m.id, Measure::Level) + reported(&m.id, Measure::Change),
                        std::cmp::Reverse(m.id.clone()),
                    )
                })
                .map(|m| m.id.clone())
        })
        .unwrap_or_default();
    let measure = q.measure.unwrap_or_else(|| {
        if reported(&metric, Measure::Change) > reported(&metric, Measure::Level) {
            Measure::Change
        } else {
            Measure::Level
        }
    });
    (metric, measure)
}

fn filtered<'a>(ds: &'a Dataset, q: &RankQuery) -> Vec<&'a Station> {
    ds.stations()
        .iter()
        .filter(|st| {
            q.province
                .as_ref()
                .is_none_or(|p| st.region.province.zh == *p)
        })
        .filter(|st| q.band.is_none_or(|b| PopulationBand::of(st) == Some(b)))
        .filter(|st| matches_search(st, &q.search))
        .collect()
}

fn controls(ds: &Dataset, q: &RankQuery, lang: Lang) -> impl IntoView {
    let ui = Ui::get();
    let s = lang.strings();
    let (metric, measure) = choice(ds, q);
    let metric_options = ds
        .document()
        .metrics
        .iter()
        .filter(|m| ds.stations().iter().any(|st| st.figures.iter().any(|f| f.metric == m.id)))
        .map(|m| view! { <option value=m.id.clone() selected=m.id == metric>{lang.pick(&m.label).to_string()}</option> })
        .collect_view();
    let mut provinces: Vec<&str> = ds
        .stations()
        .iter()
        .map(|st| st.region.province.zh.as_str())
        .collect();
    provinces.sort_unstable();
    provinces.dedup();
    let province_options = provinces
        .into_iter()
        .map(|p| {
            let label = ds
                .stations()
                .iter()
                .find(|st| st.region.province.zh == p)
                .map(|st| lang.pick(&st.region.province).to_string())
                .unwrap_or_default();
            view! { <option value=p.to_string() selected=q.province.as_deref() == Some(p)>{label}</option> }
        })
        .collect_view();
    let select = |id: &str, label: &'static str, body: AnyView, on: Box<dyn Fn(String)>| {
        let id = ui.id(id);
        view! {
            <p class="ssc__control">
                <label for=id.clone()>{label}</label>
                <select id=id class="ssc__select" on:change=move |ev| on(event_target_value(&ev))>{body}</select>
            </p>
        }
    };
    let measures = [Measure::Level, Measure::Change]
        .map(|m| {
            let name = if m == Measure::Level {
                s.measure_level
            } else {
                s.measure_change
            };
            view! { <option value=m.code() selected=m == measure>{name}</option> }
        })
        .to_vec()
        .collect_view();
    let norms = Normalisation::ALL
        .map(|n| view! { <option value=n.code() selected=n == q.norm>{normalisation_name(lang, n)}</option> })
        .to_vec()
        .collect_view();
    let bands = PopulationBand::ALL
        .map(|b| view! { <option value=b.code() selected=q.band == Some(b)>{band_name(lang, b)}</option> })
        .to_vec()
        .collect_view();
    view! {
        <div class="ssc__controls">
            {select("rank-metric", s.metric, metric_options.into_any(), Box::new(move |v| ui.update_rank(|r| { r.metric = Some(v); r.measure = None; })))}
            {select("rank-measure", s.measure, measures.into_any(), Box::new(move |v| ui.update_rank(|r| r.measure = Measure::from_code(&v))))}
            {select("rank-norm", s.normalise, norms.into_any(), Box::new(move |v| ui.update_rank(|r| r.norm = Normalisation::from_code(&v).unwrap_or_default())))}
            {select("rank-province", s.region, view! { <option value="">{s.all_provinces}</option>{province_options} }.into_any(), Box::new(move |v| ui.update_rank(|r| r.province = (!v.is_empty()).then_some(v))))}
            {select("rank-band", s.peer_group, view! { <option value="">{s.all_bands}</option>{bands} }.into_any(), Box::new(move |v| ui.update_rank(|r| r.band = PopulationBand::from_code(&v))))}
        </div>
    }
}

/// Ranked entries in the chosen order, then the others in league order.
fn sorted<'a>(l: &League<'a>, q: &RankQuery, lang: Lang) -> Vec<Entry<'a>> {
    let mut ranked: Vec<Entry<'a>> = l
        .entries
        .iter()
        .filter(|e| matches!(e.standing, Standing::Ranked { .. } | Standing::Unranked))
        .cloned()
        .collect();
    match q.sort {
        SortKey::Rank => {}
        SortKey::Name => {
            ranked.sort_by(|a, b| lang.pick(&a.station.name).cmp(lang.pick(&b.station.name)))
        }
        SortKey::Region => ranked.sort_by_key(|e| region_text(e.station, lang)),
        SortKey::Value => {
            ranked.sort_by(|a, b| a.value.unwrap_or(0.0).total_cmp(&b.value.unwrap_or(0.0)))
        }
    }
    if q.descending {
        ranked.reverse();
    }
    let rest = l
        .entries
        .iter()
        .filter(|e| !matches!(e.standing, Standing::Ranked { .. } | Standing::Unranked))
        .cloned();
    ranked.into_iter().chain(rest).collect()
}

fn table(ds: &Arc<Dataset>, q: &RankQuery, lang: Lang) -> impl IntoView {
    let ui = Ui::get();
    let s = lang.strings();
    let (metric, measure) = choice(ds, q);
    let stations = filtered(ds, q);
    let l = league(ds, &stations, &metric, measure, q.norm);
    let entries = sorted(&l, q, lang);
    let unit_note = (q.norm != Normalisation::None).then(|| normalisation_name(lang, q.norm));
    let comparable = entries
        .iter()
        .filter(|e| matches!(e.standing, Standing::Ranked { .. } | Standing::Unranked))
        .map(|e| ranked_row(ds, e, l.ranked, unit_note, lang))
        .collect_view();
    let apart = entries
        .iter()
        .filter(|e| matches!(e.standing, Standing::NotComparable(_) | Standing::NoDenominator))
        .map(|e| {
            let why = match &e.standing {
                Standing::NotComparable(d) => d.iter().map(|d| difference_name(lang, *d)).collect::<Vec<_>>().join(list_sep(lang)),
                _ => s.no_denominator.to_string(),
            };
            let fig = e.figure.expect("reported");
            view! {
                <li data-station=e.station.id.clone()>
                    {link_to(e.station, lang)}
                    {match lang {
                        Lang::Zh => format!("：{}（{}）— {why}", format::figure_value(lang, fig), format::period(lang, &fig.period)),
                        Lang::En => format!(": {} ({}) — {why}", format::figure_value(lang, fig), format::period(lang, &fig.period)),
                    }}
                </li>
            }
        })
        .collect_view();
    let missing: Vec<String> = entries
        .iter()
        .filter(|e| e.standing == Standing::NotReported)
        .map(|e| lang.pick(&e.station.name).to_string())
        .collect();
    let sort_header = move |key: SortKey, label: &'static str| {
        let aria = if q.sort == key {
            if q.descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let current = q.sort;
        let desc = q.descending;
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="ssc__sort" on:click=move |_| ui.update_rank(|r| {
                    r.descending = current == key && !desc;
                    r.sort = key;
                })>{label}</button>
            </th>
        }
    };
    let metric_label = ds
        .metric(&metric)
        .map(|m| lang.pick(&m.label).to_string())
        .unwrap_or_default();
    let apart_count = l
        .entries
        .iter()
        .filter(|e| {
            matches!(
                e.standing,
                Standing::NotComparable(_) | Standing::NoDenominator
            )
        })
        .count();
    let summary = match lang {
        Lang::Zh => format!(
            "{metric_label}：{} 个派出所参与排名，{apart_count} 个口径不同，{} 个未报告。",
            l.ranked,
            missing.len()
        ),
        Lang::En => format!(
            "{metric_label}: {} stations ranked, {apart_count} on another basis, {} not reporting.",
            l.ranked,
            missing.len()
        ),
    };
    let basis = l
        .basis
        .as_ref()
        .map(|b| format::period_and_baseline(lang, &b.period, b.baseline.as_ref()));
    let polarity = ds.metric(&metric).map_or(Polarity::Neutral, |m| m.polarity);
    let bars = comparable_bars(&l, lang, None);
    let unit = entries
        .iter()
        .find_map(|e| e.figure.map(|f| f.unit))
        .unwrap_or(Unit::Count);
    let unit = if q.norm == Normalisation::None {
        unit
    } else {
        Unit::Count
    };
    let chart = (bars.len() >= 2).then(|| {
        let title = match unit_note {
            Some(per) => format!("{metric_label}（{per}）"),
            None => metric_label.clone(),
        };
        view! { <BarChart bars=bars unit=unit polarity=polarity title=title /> }
    });
    view! {
        {chart}
        <p class="ssc__summary" role="status">{summary}{basis.map(|b| match lang { Lang::Zh => format!(" 可比口径：{b}"), Lang::En => format!(" Compared on: {b}") })}</p>
        <div class="ssc__table-wrap" role="region" tabindex="0" aria-label=s.rank_title>
            <table class="ssc__table ssc__table--league">
                <thead>
                    <tr>
                        {sort_header(SortKey::Rank, s.rank)}
                        {sort_header(SortKey::Name, s.station)}
                        {sort_header(SortKey::Region, s.region)}
                        {sort_header(SortKey::Value, s.value)}
                        <th scope="col">{s.period}</th>
                        <th scope="col">{s.percentile}</th>
                        <th scope="col">{s.source}</th>
                    </tr>
                </thead>
                <tbody>{comparable}</tbody>
            </table>
        </div>
        <p class="ssc__muted">{format!("{} (≥ {MIN_FOR_PERCENTILE})", s.percentile_note)}</p>
        {(!apart.is_empty()).then(|| view! {
            <h3 class="ssc__panel-title">{s.not_comparable_title}</h3>
            <ul class="ssc__apart ssc__apart--basis">{apart}</ul>
        })}
        {(!missing.is_empty()).then(|| view! {
            <h3 class="ssc__panel-title">{s.not_reported_title}</h3>
            <p class="ssc__apart ssc__apart--missing">{missing.join(list_sep(lang))}</p>
        })}
    }
}

fn ranked_row(
    ds: &Arc<Dataset>,
    e: &Entry<'_>,
    ranked: usize,
    per: Option<&'static str>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let fig = e.figure.expect("comparable entries have a figure");
    let rank = match e.standing {
        Standing::Ranked { rank, tied, .. } => {
            format!("{rank}{} / {ranked}", if tied { "=" } else { "" })
        }
        _ => s.unranked.to_string(),
    };
    let percentile = match e.standing {
        Standing::Ranked {
            percentile: Some(p),
            ..
        } => format!("{}%", format::plain_number(p.round())),
        _ => "—".to_string(),
    };
    let value = match (per, e.value, e.denominator) {
        (Some(per), Some(v), Some(d)) => format!(
            "{} {per}（{}：{}）",
            format::plain_number(v),
            s.denominator,
            format::grouped_number(d.value)
        ),
        _ => format::figure_value(lang, fig),
    };
    view! {
        <tr data-station=e.station.id.clone()>
            <td class="ssc__rank">{rank}</td>
            <th scope="row">{link_to(e.station, lang)}</th>
            <td>{region_text(e.station, lang)}</td>
            <td class="ssc__value">
                {value}
                {e.computed.map(|c| view! { <span class="ssc__computed">{computed_note(lang, c)}</span> })}
            </td>
            <td>{format::period_and_baseline(lang, &fig.period, fig.baseline.as_ref())}</td>
            <td>{percentile}</td>
            <td>
                <SourceRef ds=ds.clone() source=fig.source.clone() compact=true />
                {e.denominator.map(|d| view! { " " <SourceRef ds=ds.clone() source=d.source.clone() compact=true /> })}
            </td>
        </tr>
    }
}

fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}
