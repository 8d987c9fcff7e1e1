use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::map::TileMap;

use crate::state::Ui;

/// The class breaks said in text, each with its colour swatch.
#[component]
pub fn MapClasses(map: Memo<Arc<TileMap>>) -> impl IntoView {
    let ui = Ui::get();
    move || {
        let lang = ui.lang.get();
        let s = lang.map_strings();
        map.with(|m| {
            let items = m
                .class_texts(lang)
                .into_iter()
                .zip(m.classes.colors.iter())
                .map(|(text, c)| {
                    view! {
                        <li>
                            <span class="ssc__swatch" style:background-color=c.hex()></span>
                            {text}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="ssc__map-classes">
                    <p class="ssc__map-classes-title">{s.classes}</p>
                    <ol class="ssc__map-class-list">
                        {items} <li>
                            <span class="ssc__swatch ssc__swatch--hatched"></span>
                            {s.no_comparable}
                        </li> <li>
                            <span class="ssc__swatch ssc__swatch--dotted"></span>
                            {s.no_station}
                        </li>
                    </ol>
                </div>
            }
        })
    }
}
