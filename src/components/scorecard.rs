use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::{Dataset, Family, Lang};

use crate::components::directory::region_text;
use crate::components::{FamilyPanel, HeadlineBand, ProfilePanel, SourceList, StationLink};
use crate::state::Ui;

/// One station: the headline band, profile, one panel per family, and the sources cited.
#[component]
pub fn Scorecard(ds: Arc<Dataset>, station_id: String) -> impl IntoView {
    let ui = Ui::get();
    let station = ds.station(&station_id).cloned();
    let Some(st) = station else {
        return ().into_any();
    };
    let sources: Vec<_> = ds.sources_cited(&st).into_iter().cloned().collect();
    let other_families = !ds.figures(&st, Family::Other).is_empty();
    let families: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|f| *f != Family::Other || other_families)
        .collect();
    let st = Arc::new(st);
    let (st_name, st_sub) = (st.clone(), st.clone());
    let lang = ui.lang;
    view! {
        <article class="ssc__scorecard" data-station=st.id.clone()>
            <p class="ssc__back">
                <StationLink station=None>
                    {move || format!("← {}", lang.get().strings().back_to_directory)}
                </StationLink>
            </p>
            <h2 class="ssc__heading" tabindex="-1">
                {move || lang.get().pick(&st_name.name).to_string()}
            </h2>
            <p class="ssc__subtitle">{move || subtitle(&st_sub, lang.get())}</p>
            <p class="ssc__actions">
                <button
                    type="button"
                    class="ssc__button ssc__button--quiet"
                    on:click={
                        let id = st.id.clone();
                        move |_| ui.compare_with(&id)
                    }
                >
                    {move || lang.get().strings().compare_with}
                </button>
            </p>
            <HeadlineBand ds=ds.clone() station=st.clone() />
            <ProfilePanel ds=ds.clone() station=st.clone() />
            <div class="ssc__panels">
                {families
                    .into_iter()
                    .map(|f| view! { <FamilyPanel ds=ds.clone() station=st.clone() family=f /> })
                    .collect_view()}
            </div>
            <SourceList ds=ds.clone() sources=sources />
        </article>
    }
    .into_any()
}

/// The name in the other language, the region and the parent bureau.
fn subtitle(st: &scorecards_core::Station, lang: Lang) -> String {
    let other = lang.pick_other(&st.name).map(str::to_string);
    let bureau = st.parent_bureau.as_ref().map(|b| lang.pick(b).to_string());
    [other, Some(region_text(st, lang)), bureau]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
