use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::{format, Dataset, Fact, Lang, Station, Unit};

use crate::components::SourceRef;
use crate::state::Ui;

/// Area, population, officers, auxiliary officers and founding date, each with its source or
/// "not reported".
#[component]
pub fn ProfilePanel(ds: Arc<Dataset>, station: Arc<Station>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let p = &station.profile;
        let fact = |label: &'static str, f: &Option<Fact>, fmt: fn(Lang, &Fact) -> String| {
            let value = f
                .as_ref()
                .map(|f| (fmt(lang, f), f.source.clone(), f.quote.clone()));
            fact_row(&ds, label, value, lang)
        };
        let founded = p.founded.as_ref().map(|f| {
            (
                format::date(lang, &f.date),
                f.source.clone(),
                f.quote.clone(),
            )
        });
        view! {
            <section class="ssc__panel ssc__profile">
                <h3 class="ssc__panel-title">{s.profile}</h3>
                <dl class="ssc__facts">
                    {fact(s.area, &p.area_km2, |l, f| format::area(l, f.value, f.qualifier))}
                    {fact(
                        s.population,
                        &p.population,
                        |l, f| format::amount(l, f.value, Unit::People, f.qualifier),
                    )}
                    {fact(
                        s.officers,
                        &p.officers,
                        |l, f| format::amount(l, f.value, Unit::People, f.qualifier),
                    )}
                    {fact(
                        s.auxiliary_officers,
                        &p.auxiliary_officers,
                        |l, f| format::amount(l, f.value, Unit::People, f.qualifier),
                    )} {fact_row(&ds, s.founded, founded, lang)}
                </dl>
            </section>
        }
    }
}

fn fact_row(
    ds: &Arc<Dataset>,
    label: &'static str,
    value: Option<(String, String, Option<String>)>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let dd = match value {
        Some((text, source, quote)) => view! {
            <dd>
                <span class="ssc__fact-value" title=quote>
                    {text}
                </span>
                " "
                <SourceRef ds=ds.clone() source=source compact=true />
            </dd>
        }
        .into_any(),
        None => view! { <dd class="ssc__na">{s.not_reported}</dd> }.into_any(),
    };
    view! {
        <div class="ssc__fact">
            <dt>{label}</dt>
            {dd}
        </div>
    }
}
