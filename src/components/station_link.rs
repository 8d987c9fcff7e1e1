use leptos::prelude::*;

use crate::state::Ui;
use crate::url;

/// A link that opens a station's scorecard (`None`: the directory). On the standalone page it
/// is a real link (`?station=…`, so it can be opened in a new tab); embedded, it never
/// navigates the host page.
#[component]
pub fn StationLink(station: Option<String>, children: Children) -> impl IntoView {
    let ui = Ui::get();
    let target = StoredValue::new(station);
    let href = move || {
        if ui.url_sync {
            url::href(&ui.query_for(target.get_value(), ui.lang.get()))
        } else {
            "#".to_string()
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let new_tab = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0;
        if ui.url_sync && new_tab {
            return;
        }
        ev.prevent_default();
        ui.open(target.get_value());
    };
    view! {
        <a class="ssc__link" href=href on:click=on_click>
            {children()}
        </a>
    }
}

/// A [`StationLink`] labelled with the station's name in `lang`.
pub fn link_to(st: &scorecards_core::Station, lang: scorecards_core::Lang) -> AnyView {
    let (id, name) = (st.id.clone(), lang.pick(&st.name).to_string());
    view! { <StationLink station=Some(id)>{name}</StationLink> }.into_any()
}
