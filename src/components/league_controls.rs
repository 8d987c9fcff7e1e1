//! The league's menus: metric, measure, normalisation, province and peer group.

use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::compare::{Measure, Normalisation, PopulationBand};
use scorecards_core::i18n::{band_name, normalisation_name};
use scorecards_core::{Dataset, Lang};

use crate::components::league_view::Choice;
use crate::components::menu_options::{measure_options, metric_options};
use crate::state::Ui;

/// The league's menus, rebuilt when a choice changes (the search box is apart: it keeps
/// its focus while typing).
#[component]
pub fn LeagueControls(
    ds: Arc<Dataset>,
    /// Provinces: Chinese name and a station to read its name from.
    provinces: StoredValue<Vec<(String, usize)>>,
    /// The metrics offered (positions in the catalogue).
    offered: StoredValue<Vec<usize>>,
    /// The choices made (without the search text).
    choice: Memo<Choice>,
) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let c = choice.get();
        let lang = ui.lang.get();
        provinces.with_value(|p| offered.with_value(|o| controls(&ds, p, o, &c, lang)))
    }
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
    let metric_options = metric_options(ds, offered, &metric, lang);
    let province_options = provinces
        .iter()
        .map(|(p, i)| {
            let label = lang.pick(&ds.stations()[*i].region.province).to_string();
            view! {
                <option value=p.clone() selected=q.province.as_deref() == Some(p.as_str())>
                    {label}
                </option>
            }
        })
        .collect_view();
    let select = |id: &str, label: &'static str, body: AnyView, on: Box<dyn Fn(String)>| {
        let id = ui.id(id);
        view! {
            <p class="ssc__control">
                <label for=id.clone()>{label}</label>
                <select id=id class="ssc__select" on:change=move |ev| on(event_target_value(&ev))>
                    {body}
                </select>
            </p>
        }
    };
    let measures = measure_options(measure, lang);
    let norms = Normalisation::ALL
        .map(|n| {
            view! {
                <option value=n.code() selected=n == q.norm>
                    {normalisation_name(lang, n)}
                </option>
            }
        })
        .into_iter()
        .collect_view();
    let bands = PopulationBand::ALL
        .map(|b| {
            view! {
                <option value=b.code() selected=q.band == Some(b)>
                    {band_name(lang, b)}
                </option>
            }
        })
        .into_iter()
        .collect_view();
    view! {
        <div class="ssc__controls">
            {select(
                "rank-metric",
                s.metric,
                metric_options.into_any(),
                Box::new(move |v| {
                    ui.update_rank(|r| {
                        r.metric = Some(v);
                        r.measure = None;
                    })
                }),
            )}
            {select(
                "rank-measure",
                s.measure,
                measures.into_any(),
                Box::new(move |v| ui.update_rank(|r| r.measure = Measure::from_code(&v))),
            )}
            {select(
                "rank-norm",
                s.normalise,
                norms.into_any(),
                Box::new(move |v| {
                    ui.update_rank(|r| r.norm = Normalisation::from_code(&v).unwrap_or_default())
                }),
            )}
            {select(
                "rank-province",
                s.region,
                view! {
                    <option value="">{s.all_provinces}</option>
                    {province_options}
                }
                    .into_any(),
                Box::new(move |v| ui.update_rank(|r| r.province = (!v.is_empty()).then_some(v))),
            )}
            {select(
                "rank-band",
                s.peer_group,
                view! {
                    <option value="">{s.all_bands}</option>
                    {bands}
                }
                    .into_any(),
                Box::new(move |v| ui.update_rank(|r| r.band = PopulationBand::from_code(&v))),
            )}
        </div>
    }
}
