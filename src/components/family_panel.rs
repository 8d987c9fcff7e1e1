use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::headline::Trend;
use scorecards_core::i18n::family_name;
use scorecards_core::{format, Dataset, Family, Figure, Lang, Station};

use crate::components::tile_figure::verdict_word;
use crate::components::{SourceRef, TrendChart};
use crate::state::Ui;

/// One family's figures as a compact table: figure, value, period · baseline, source (with the
/// original sentence behind a disclosure). The family's key metric shows "not reported" when absent.
#[component]
pub fn FamilyPanel(ds: Arc<Dataset>, station: Arc<Station>, family: Family) -> impl IntoView {
    let ui = Ui::get();
    // One trend chart per monthly series of this family (charts follow the language themselves).
    let charts = station
        .series
        .iter()
        .filter_map(|s| {
            let m = ds.metric(&s.metric).filter(|m| m.family == family)?;
            let source = ds.source(&s.source).map(|src| src.publisher.clone())?;
            Some(view! {
                <TrendChart
                    series=Arc::new(s.clone())
                    metric=Arc::new(m.clone())
                    source=source
                    station=station.name.clone()
                />
            })
        })
        .collect_view();
    let content = move || {
        let lang = ui.lang.get();
        let s = lang.strings();
        let figures = ds.figures(&station, family);
        let missing = ds.missing_key_metric(&station, family).map(|m| {
            view! {
                <tr class="ssc__row--missing">
                    <th scope="row">{lang.pick(&m.label).to_string()}</th>
                    <td class="ssc__na" colspan="3">
                        {s.not_reported}
                    </td>
                </tr>
            }
        });
        let body = if figures.is_empty() && family == Family::Other {
            view! { <p class="ssc__na">{s.no_figures_in_family}</p> }.into_any()
        } else {
            let rows = figures
                .iter()
                .map(|f| figure_row(&ds, f, lang))
                .collect_view();
            view! {
                <div
                    class="ssc__table-wrap"
                    role="region"
                    tabindex="0"
                    aria-label=family_name(lang, family)
                >
                    <table class="ssc__table ssc__table--figures">
                        <thead>
                            <tr>
                                <th scope="col">{s.figure}</th>
                                <th scope="col">{s.value}</th>
                                <th scope="col">{format!("{} · {}", s.period, s.baseline)}</th>
                                <th scope="col">{s.source}</th>
                            </tr>
                        </thead>
                        <tbody>{missing}{rows}</tbody>
                    </table>
                </div>
                {figures
                    .is_empty()
                    .then(|| view! { <p class="ssc__na">{s.no_figures_in_family}</p> })}
            }
            .into_any()
        };
        view! {
            <h3 class="ssc__panel-title">{family_name(lang, family)}</h3>
            {body}
        }
    };
    view! {
        <section
            class=format!("ssc__panel ssc__panel--{}", family_class(family))
            data-family=family_class(family)
        >
            {content}
            {charts}
        </section>
    }
}

/// One figure in one row (a three-line card on a phone): the label, the value emphasised,
/// period · baseline as one caption, the source as a footnote link, and the original sentence
/// behind a disclosure.
fn figure_row(ds: &Arc<Dataset>, fig: &Figure, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let metric = ds.metric(&fig.metric);
    let label = metric
        .map(|m| lang.pick(&m.label).to_string())
        .unwrap_or_default();
    // Coloured by whether the change is good news, and said in words too.
    let verdict = metric
        .and_then(|m| Trend::of(fig, m.polarity))
        .map(|t| t.verdict);
    let tone = verdict.map_or("", |v| v.class());
    let verdict = verdict_word(verdict, lang);
    let caption = format::period_and_baseline(lang, &fig.period, fig.baseline.as_ref());
    let quote = fig.quote.clone().map(|q| {
        view! {
            <details class="ssc__quote">
                <summary>{s.quote}</summary>
                <q lang="zh-CN">{q}</q>
            </details>
        }
    });
    view! {
        <tr data-metric=fig.metric.clone()>
            <th scope="row">
                {label}
                {fig
                    .scope
                    .as_ref()
                    .map(|sc| {
                        view! {
                            <span class="ssc__scope">
                                {lang.messages().labelled(s.scope, lang.pick(sc))}
                            </span>
                        }
                    })}
            </th>
            <td class=format!(
                "ssc__value {tone}",
            )>
                {format::figure_value(lang, fig)}
                {(!verdict.is_empty())
                    .then(|| view! { <span class="ssc__value-verdict">{verdict}</span> })}
            </td>
            <td class="ssc__caption">{caption}</td>
            <td class="ssc__figure-source">
                <SourceRef ds=ds.clone() source=fig.source.clone() />
                {quote}
            </td>
        </tr>
    }
}

/// The CSS/test name of a family.
pub fn family_class(f: Family) -> &'static str {
    match f {
        Family::Incidents => "incidents",
        Family::Mediation => "mediation",
        Family::GroupCoverage => "group-coverage",
        Family::Fraud => "fraud",
        Family::Other => "other",
    }
}
