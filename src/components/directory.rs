use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::i18n::family_name;
use scorecards_core::{format, Dataset, Family, Figure, Lang, Station};

use crate::components::StationLink;
use crate::state::Ui;

/// The families shown as directory columns.
const COLUMNS: [Family; 4] = [
    Family::Incidents,
    Family::Mediation,
    Family::GroupCoverage,
    Family::Fraud,
];

/// All stations with their region and headline figure per family.
#[component]
pub fn Directory(ds: Arc<Dataset>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let rows = ds
            .stations()
            .iter()
            .map(|st| directory_row(&ds, st, lang))
            .collect_view();
        view! {
            <section class="ssc__directory" aria-label=s.directory>
                <h2 class="ssc__heading" tabindex="-1">{s.directory}</h2>
                <p class="ssc__muted">{s.directory_caption}</p>
                <div class="ssc__table-wrap" role="region" tabindex="0" aria-label=s.directory>
                    <table class="ssc__table ssc__table--directory">
                        <thead>
                            <tr>
                                <th scope="col">{s.station}</th>
                                <th scope="col">{s.region}</th>
                                {COLUMNS.into_iter().map(|f| view! { <th scope="col">{family_name(lang, f)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    }
}

fn directory_row(ds: &Dataset, st: &Station, lang: Lang) -> impl IntoView {
    let name = lang.pick(&st.name).to_string();
    view! {
        <tr data-station=st.id.clone()>
            <th scope="row">
                <StationLink station=Some(st.id.clone())>{name}</StationLink>
            </th>
            <td data-label=lang.strings().region>{region_text(st, lang)}</td>
            {COLUMNS
                .into_iter()
                .map(|f| view! { <td data-label=family_name(lang, f)>{headline_cell(ds, ds.headline(st, f), lang)}</td> })
                .collect_view()}
        </tr>
    }
}

/// `天津市 河西区` / `Hexi District, Tianjin`.
pub fn region_text(st: &Station, lang: Lang) -> String {
    let r = &st.region;
    let parts: Vec<&str> = [Some(&r.province), r.city.as_ref(), r.district.as_ref()]
        .into_iter()
        .flatten()
        .map(|t| lang.pick(t))
        .collect();
    match lang {
        Lang::Zh => parts.join(" "),
        Lang::En => parts.into_iter().rev().collect::<Vec<_>>().join(", "),
    }
}

fn headline_cell(ds: &Dataset, fig: Option<&Figure>, lang: Lang) -> AnyView {
    let s = lang.strings();
    let Some(fig) = fig else {
        return view! { <span class="ssc__na">{s.not_reported}</span> }.into_any();
    };
    let label = ds
        .metric(&fig.metric)
        .map(|m| lang.pick(&m.label).to_string())
        .unwrap_or_default();
    let context = format::period_and_baseline(lang, &fig.period, fig.baseline.as_ref());
    view! {
        <span class="ssc__cell-label">{label}</span>
        <strong class="ssc__cell-value">{format::figure_value(lang, fig)}</strong>
        <span class="ssc__cell-context">{context}</span>
    }
    .into_any()
}
