use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::headline::{tile, End};
use scorecards_core::i18n::family_name;
use scorecards_core::{Dataset, Family, Lang, Station};

use crate::components::family_panel::family_class;
use crate::components::tile_figure::tile_figure;
use crate::components::{SourceRef, Sparkline};
use crate::state::Ui;

/// One family at a glance: its key figure (the directory's headline) large, what its
/// direction means in words, period · baseline, the source as a footnote mark, the two ends
/// the figure states itself, and a sparkline of the last months where a monthly series
/// exists. A family the station does not report says "not reported", never 0.
#[component]
pub fn HeadlineTile(ds: Arc<Dataset>, station: Arc<Station>, family: Family) -> impl IntoView {
    let ui = Ui::get();
    let t = tile(&ds, &station, family);
    let key_metric = t.key.as_ref().map(|k| k.metric.id.clone());
    let spark = t.series.map(|(s, m)| {
        // A series of another metric than the key figure's says which one it is.
        let other = (key_metric.as_deref() != Some(m.id.as_str())).then(|| {
            let label = m.label.clone();
            view! { <p class="ssc__spark-label">{move || ui.lang.get().pick(&label).to_string()}</p> }
        });
        view! {
            {other}
            <Sparkline series=Arc::new(s.clone()) metric=Arc::new(m.clone()) />
        }
    });
    let body = move || {
        let lang = ui.lang.get();
        let t = tile(&ds, &station, family);
        let Some(key) = t.key else {
            return view! { <p class="ssc__tile-na ssc__na">{lang.strings().not_reported}</p> }
                .into_any();
        };
        let label = lang.pick(&key.metric.label).to_string();
        let scope = key
            .figure
            .scope
            .as_ref()
            .map(|sc| lang.pick(sc).to_string());
        let ends = key
            .ends
            .as_ref()
            .map(|(from, to)| ends_line(from, to, lang));
        view! {
            <p class="ssc__tile-label">
                {label} {scope.map(|sc| view! { <span class="ssc__scope">{sc}</span> })}
            </p>
            <p class="ssc__tile-body">
                {tile_figure(&key, lang, false)} " "
                <SourceRef ds=ds.clone() source=key.figure.source.clone() compact=true />
            </p>
            {ends}
        }
        .into_any()
    };
    view! {
        <section
            class=format!("ssc__tile ssc__tile--{}", family_class(family))
            data-family=family_class(family)
        >
            <h3 class="ssc__tile-family">{move || family_name(ui.lang.get(), family)}</h3>
            {body}
            {spark}
        </section>
    }
}

/// `2019年 → 2022年`: both ends of a comparison the figure states, from the data only.
fn ends_line(from: &End, to: &End, lang: Lang) -> impl IntoView {
    view! {
        <p class="ssc__tile-ends">
            <span class="ssc__tile-end">{from.text(lang)}</span>
            <span class="ssc__tile-arrow">" → "</span>
            <span class="ssc__tile-end">{to.text(lang)}</span>
        </p>
    }
}
