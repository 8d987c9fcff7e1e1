use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::compare::{
    pick_or_compute, Entry, Measure, Normalisation, PopulationBand, Standing, MIN_FOR_PERCENTILE,
};
use scorecards_core::i18n::{band_name, computed_note, difference_name, normalisation_name};
use scorecards_core::query::{RankQuery, SortKey};
use scorecards_core::table::{filter, more_not_listed, rows_shown, LeagueSlots};
use scorecards_core::{export, format, Dataset, Lang, Polarity, Unit};

use crate::components::directory::{region_text, SEARCH_DELAY};
use crate::components::station_link::link_to;
use crate::components::virtual_rows::{keyed_rows, spacer, Scroller};
use crate::components::{BarChart, DownloadButtons, SourceRef};
use crate::state::Ui;

/// At most this many bars: the best stations of a long league (the table has them all).
const MAX_BARS: usize = 30;

/// At most this many stations are listed by name under "on another basis" and "not reported";
/// the download has them all.
const MAX_LISTED: usize = 100;

/// The choices the league itself depends on (not its order).
#[derive(Debug, Clone, PartialEq)]
struct Choice {
    metric: String,
    measure: Measure,
    norm: Normalisation,
    province: Option<String>,
    band: Option<PopulationBand>,
    search: String,
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
            let (metric, measure) = counts.with_value(|c| choice(&ds_choice, c, q));
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
    let slots: Memo<Arc<LeagueSlots>> = Memo::new(move |_| {
        choice_memo.with(|c| {
            let positions = filter(&ds_league, c.province.as_deref(), c.band, &c.search);
            Arc::new(LeagueSlots::new(
                &ds_league, &positions, &c.metric, c.measure, c.norm,
            ))
        })
    });
    let ds_order = ds.clone();
    // Each new order gets a new generation, which keys its rows: a row is kept while the
    // table only scrolls, and redrawn when the league or its order changes.
    let generation = StoredValue::new(0u64);
    let order: Memo<Arc<(u64, Vec<u32>)>> = Memo::new(move |_| {
        let (sort, desc) = ui.rank.with(|q| (q.sort, q.descending));
        let lang = ui.lang.get();
        generation.update_value(|g| *g += 1);
        let g = generation.get_value();
        slots.with(|l| Arc::new((g, l.display_order(ds_order.keys(), sort, desc, lang))))
    });
    let ds_rows = ds.clone();
    let rows = Callback::new(move |()| {
        let lang = ui.lang.get_untracked();
        let l = slots.get_untracked();
        let order = order.get_untracked();
        let comparable = order.1.iter().map(|&k| &l.slots[k as usize]);
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
    let typed = RwSignal::new(ui.rank.with_untracked(|r| r.search.clone()));
    // Back and forward change the search too.
    Effect::new(move |_| {
        let q = ui.rank.with(|r| r.search.clone());
        if typed.get_untracked() != q {
            typed.set(q);
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
            let h = set_timeout_with_handle(move || ui.update_rank(|r| r.search = v), SEARCH_DELAY)
                .ok();
            pending.set_value(h);
        } else {
            ui.update_rank(|r| r.search = v);
        }
    };
    let ds_controls = ds.clone();
    let provinces = StoredValue::new(provinces(&ds));
    // The metrics someone reports, offered in the metric menu (computed once: the menu is
    // rebuilt on every choice, and scanning 40,000 stations for each metric took longer
    // than the filter itself).
    let offered = StoredValue::new(offered_metrics(&ds));
    let search_id = ui.id("rank-search");
    view! {
        <section class="ssc__league" aria-label=move || s().rank_title>
            <h2 class="ssc__heading" tabindex="-1">{move || s().rank_title}</h2>
            {move || {
                let c = controls_memo.get();
                let lang = ui.lang.get();
                provinces.with_value(|p| offered.with_value(|o| controls(&ds_controls, p, o, &c, lang)))
            }}
            <p class="ssc__control">
                <label for=search_id.clone()>{move || s().search}</label>
                <input
                    id=search_id
                    class="ssc__input"
                    type="search"
                    prop:value=move || typed.get()
                    on:input=on_input
                />
            </p>
            <LeagueTable ds=ds slots=slots order=order virtualised=virtualised />
            <DownloadButtons name="station-league".to_string() rows=rows />
        </section>
    }
}

/// How many stations report each metric, as a level and as a change (computed once; the
/// tile map uses it too).
pub(super) fn reported_counts(ds: &Dataset) -> HashMap<(String, Measure), usize> {
    let mut counts = HashMap::new();
    for st in ds.stations() {
        for m in &ds.document().metrics {
            for measure in [Measure::Level, Measure::Change] {
                if pick_or_compute(ds, st, &m.id, measure).is_some() {
                    *counts.entry((m.id.clone(), measure)).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

/// Provinces in the data: Chinese name (the filter's value) and the station it is read from.
fn provinces(ds: &Dataset) -> Vec<(String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, st) in ds.stations().iter().enumerate() {
        seen.entry(st.region.province.zh.as_str()).or_insert(i);
    }
    let mut out: Vec<(String, usize)> = seen.into_iter().map(|(p, i)| (p.to_string(), i)).collect();
    out.sort_unstable();
    out
}

/// The metric and measure shown: as asked, else the metric reported by most stations.
pub(super) fn choice(
    ds: &Dataset,
    counts: &HashMap<(String, Measure), usize>,
    q: &RankQuery,
) -> (String, Measure) {
    let reported =
        |m: &str, measure: Measure| counts.get(&(m.to_string(), measure)).copied().unwrap_or(0);
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

/// The catalogue's metrics that at least one station reports a figure of, in catalogue order.
pub(super) fn offered_metrics(ds: &Dataset) -> Vec<usize> {
    let reported: HashSet<&str> = ds
        .stations()
        .iter()
        .flat_map(|st| st.figures.iter().map(|f| f.metric.as_str()))
        .collect();
    let metrics = &ds.document().metrics;
    (0..metrics.len())
        .filter(|&i| reported.contains(metrics[i].id.as_str()))
        .collect()
}

fn controls(
    ds: &Dataset,
    provinces: &[(String, usize)],
    offered: &[usize],
    q: &Choice,
    lang: Lang,
) -> impl IntoView {
    let ui = Ui::get();
    let s = lang.strings();
    let (metric, measure) = (q.metric.clone(), q.measure);
    let metric_options = offered
        .iter()
        .map(|&i| &ds.document().metrics[i])
        .map(|m| view! { <option value=m.id.clone() selected=m.id == metric>{lang.pick(&m.label).to_string()}</option> })
        .collect_view();
    let province_options = provinces
        .iter()
        .map(|(p, i)| {
            let label = lang.pick(&ds.stations()[*i].region.province).to_string();
            view! { <option value=p.clone() selected=q.province.as_deref() == Some(p.as_str())>{label}</option> }
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
        .into_iter()
        .collect_view();
    let norms = Normalisation::ALL
        .map(|n| view! { <option value=n.code() selected=n == q.norm>{normalisation_name(lang, n)}</option> })
        .into_iter()
        .collect_view();
    let bands = PopulationBand::ALL
        .map(|b| view! { <option value=b.code() selected=q.band == Some(b)>{band_name(lang, b)}</option> })
        .into_iter()
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

/// The league: chart, summary, the table of comparable stations (drawn a window at a time
/// when long), and the stations listed apart.
#[component]
fn LeagueTable(
    ds: Arc<Dataset>,
    slots: Memo<Arc<LeagueSlots>>,
    order: Memo<Arc<(u64, Vec<u32>)>>,
    virtualised: bool,
) -> impl IntoView {
    let ui = Ui::get();
    let s = move || ui.lang.get().strings();
    let scroller = Scroller::new();
    let total = move || order.with(|o| o.1.len());
    let range = Memo::new(move |_| scroller.range(total(), virtualised));
    Effect::new(move |_| {
        let drawn = range.get().len();
        if virtualised {
            request_animation_frame(move || scroller.measure(drawn));
        }
    });
    Effect::new(move |prev: Option<()>| {
        order.track();
        if prev.is_some() {
            scroller.back_to_top();
        }
    });
    let ds_head = ds.clone();
    let head = move || slots.with(|l| head_view(&ds_head, l, ui.lang.get()));
    let ds_apart = ds.clone();
    let apart = move || slots.with(|l| apart_view(&ds_apart, l, ui.lang.get()));
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
                <button type="button" class="ssc__sort" on:click=move |_| ui.update_rank(|r| {
                    r.descending = r.sort == key && !r.descending;
                    r.sort = key;
                })>{move || label(ui.lang.get())}</button>
            </th>
        }
    };
    const COLUMNS: usize = 7;
    let ds_rows = ds.clone();
    let body = view! {
        {virtualised.then(|| spacer("ssc__spacer ssc__spacer--top", COLUMNS, move || scroller.spacers(&range.get(), total()).0))}
        {keyed_rows(
            move || {
                let r = range.get();
                order.with(|o| r.map(|k| (o.0, k, o.1[k])).collect::<Vec<_>>())
            },
            |row| *row,
            move |(_, k, slot)| {
                let ds = ds_rows.clone();
                let l = slots.get_untracked();
                // Rows come and go as the table scrolls: each reads its own copy of the state.
                let ui = ui.provide_scoped();
                move || {
                    let e = l.entry(&ds, &l.slots[slot as usize]);
                    let per = (l.norm != Normalisation::None).then(|| normalisation_name(ui.lang.get(), l.norm));
                    ranked_row(&ds, &e, l.ranked, per, ui.lang.get(), k)
                }
            },
        )}
        {virtualised.then(|| spacer("ssc__spacer ssc__spacer--bottom", COLUMNS, move || scroller.spacers(&range.get(), total()).1))}
    };
    let wrap_class = if virtualised {
        "ssc__table-wrap ssc__table-wrap--virtual"
    } else {
        "ssc__table-wrap"
    };
    view! {
        {head}
        <div
            class=wrap_class
            role="region"
            tabindex="0"
            aria-label=move || s().rank_title
            node_ref=scroller.wrap
            on:scroll=move |_| scroller.on_scroll()
        >
            <table class="ssc__table ssc__table--league" aria-rowcount=move || (total() + 1).to_string()>
                <thead>
                    <tr aria-rowindex="1">
                        {sort_header(SortKey::Rank, |l| l.strings().rank)}
                        {sort_header(SortKey::Name, |l| l.strings().station)}
                        {sort_header(SortKey::Region, |l| l.strings().region)}
                        {sort_header(SortKey::Value, |l| l.strings().value)}
                        <th scope="col">{move || s().period}</th>
                        <th scope="col">{move || s().percentile}</th>
                        <th scope="col">{move || s().source}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {virtualised.then(|| view! {
            <p class="ssc__muted ssc__rows-shown">
                {move || rows_shown(ui.lang.get(), &range.get(), total())}
            </p>
        })}
        <p class="ssc__muted">{move || format!("{} (≥ {MIN_FOR_PERCENTILE})", s().percentile_note)}</p>
        {apart}
    }
}

/// The bar chart of the best comparable stations and the summary line.
fn head_view(ds: &Dataset, l: &LeagueSlots, lang: Lang) -> impl IntoView {
    let metric_label = ds
        .metric(&l.metric)
        .map(|m| lang.pick(&m.label).to_string())
        .unwrap_or_default();
    let (mut apart_count, mut missing) = (0, 0);
    for slot in &l.slots {
        match slot.standing {
            Standing::NotComparable(_) | Standing::NoDenominator => apart_count += 1,
            Standing::NotReported => missing += 1,
            _ => {}
        }
    }
    let summary = match lang {
        Lang::Zh => format!(
            "{metric_label}：{} 个派出所参与排名，{apart_count} 个口径不同，{missing} 个未报告。",
            l.ranked
        ),
        Lang::En => format!(
            "{metric_label}: {} stations ranked, {apart_count} on another basis, {missing} not reporting.",
            l.ranked
        ),
    };
    let basis = l
        .basis
        .as_ref()
        .map(|b| format::period_and_baseline(lang, &b.period, b.baseline.as_ref()));
    let polarity = ds
        .metric(&l.metric)
        .map_or(Polarity::Neutral, |m| m.polarity);
    let comparable = l.comparable();
    let bars = l.bars(ds, lang, MAX_BARS);
    let unit = if l.norm == Normalisation::None {
        l.slots
            .iter()
            .find_map(|slot| l.entry(ds, slot).figure.map(|f| f.unit))
            .unwrap_or(Unit::Count)
    } else {
        Unit::Count
    };
    let unit_note = (l.norm != Normalisation::None).then(|| normalisation_name(lang, l.norm));
    let chart = (bars.len() >= 2).then(|| {
        let mut title = match unit_note {
            Some(per) => format!("{metric_label}（{per}）"),
            None => metric_label.clone(),
        };
        if comparable > bars.len() {
            title.push_str(&match lang {
                Lang::Zh => format!("（前 {} 名，共 {} 个）", bars.len(), comparable),
                Lang::En => format!(" (top {} of {})", bars.len(), comparable),
            });
        }
        view! { <BarChart bars=bars unit=unit polarity=polarity title=title /> }
    });
    view! {
        {chart}
        <p class="ssc__summary" role="status">{summary}{basis.map(|b| match lang { Lang::Zh => format!(" 可比口径：{b}"), Lang::En => format!(" Compared on: {b}") })}</p>
    }
}

/// Stations on another basis (with what differs) and stations not reporting, at most
/// [`MAX_LISTED`] of each by name.
fn apart_view(ds: &Dataset, l: &LeagueSlots, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let apart_slots: Vec<_> = l
        .slots
        .iter()
        .filter(|e| {
            matches!(
                e.standing,
                Standing::NotComparable(_) | Standing::NoDenominator
            )
        })
        .collect();
    let more_apart = apart_slots.len().saturating_sub(MAX_LISTED);
    let has_apart = !apart_slots.is_empty();
    let apart = apart_slots
        .into_iter()
        .take(MAX_LISTED)
        .map(|slot| {
            let e = l.entry(ds, slot);
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
    let missing_slots: Vec<_> = l
        .slots
        .iter()
        .filter(|e| e.standing == Standing::NotReported)
        .collect();
    let more_missing = missing_slots.len().saturating_sub(MAX_LISTED);
    let missing: Vec<String> = missing_slots
        .iter()
        .take(MAX_LISTED)
        .map(|slot| {
            lang.pick(&ds.stations()[slot.station as usize].name)
                .to_string()
        })
        .collect();
    view! {
        {has_apart.then(|| view! {
            <h3 class="ssc__panel-title">{s.not_comparable_title}</h3>
            <ul class="ssc__apart ssc__apart--basis">{apart}</ul>
            {(more_apart > 0).then(|| view! { <p class="ssc__muted">{more_not_listed(lang, more_apart)}</p> })}
        })}
        {(!missing.is_empty()).then(|| view! {
            <h3 class="ssc__panel-title">{s.not_reported_title}</h3>
            <p class="ssc__apart ssc__apart--missing">
                {missing.join(list_sep(lang))}
                {(more_missing > 0).then(|| format!(" {}", more_not_listed(lang, more_missing)))}
            </p>
        })}
    }
}

fn ranked_row(
    ds: &Arc<Dataset>,
    e: &Entry<'_>,
    ranked: usize,
    per: Option<&'static str>,
    lang: Lang,
    k: usize,
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
        <tr data-station=e.station.id.clone() aria-rowindex=(k + 2).to_string()>
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
