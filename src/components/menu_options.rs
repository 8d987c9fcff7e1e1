//! The options of the metric and measure menus, shared by the league table's and the tile
//! map's controls.

use leptos::prelude::*;
use scorecards_core::compare::Measure;
use scorecards_core::{Dataset, Lang};

/// One option per offered metric (positions in the catalogue), `metric` selected.
pub(crate) fn metric_options(
    ds: &Dataset,
    offered: &[usize],
    metric: &str,
    lang: Lang,
) -> impl IntoView {
    offered
        .iter()
        .map(|&i| &ds.document().metrics[i])
        .map(|m| {
            view! {
                <option value=m.id.clone() selected=m.id == metric>
                    {lang.pick(&m.label).to_string()}
                </option>
            }
        })
        .collect_view()
}

/// The level and the change, `measure` selected.
pub(crate) fn measure_options(measure: Measure, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    [
        (Measure::Level, s.measure_level),
        (Measure::Change, s.measure_change),
    ]
    .map(|(m, name)| {
        view! {
            <option value=m.code() selected=m == measure>
                {name}
            </option>
        }
    })
    .into_iter()
    .collect_view()
}
