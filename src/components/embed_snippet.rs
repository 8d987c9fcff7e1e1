use leptos::prelude::*;

use crate::state::Ui;
use crate::url;

/// Copy-paste code to embed the current view in another page (standalone page only).
#[component]
pub fn EmbedSnippet() -> impl IntoView {
    let ui = Ui::get();
    move || {
        let lang = ui.lang.get();
        let base = url::page_base();
        let dir = base
            .rsplit_once('/')
            .map_or(base.as_str(), |(d, _)| d)
            .to_string();
        let mut q = ui.query_for(ui.station.get(), lang);
        q.embed = true;
        let iframe = format!(
            "<iframe data-station-scorecards-frame src=\"{base}{}\" title=\"{}\" width=\"100%\" height=\"900\"></iframe>\n<script type=\"module\" src=\"{dir}/iframe-host.js\"></script>",
            url::href(&q),
            lang.strings().app_title
        );
        let station = ui
            .station
            .get()
            .map(|s| format!(" data-station=\"{s}\""))
            .unwrap_or_default();
        let script = format!(
            "<div data-station-scorecards{station} data-lang=\"{}\"></div>\n<script type=\"module\" src=\"{dir}/embed.js\"></script>",
            lang.code()
        );
        let s = lang.strings();
        let (id1, id2) = (ui.id("embed-iframe"), ui.id("embed-script"));
        view! {
            <details class="ssc__embed">
                <summary>{s.embed_title}</summary>
                <label for=id1.clone()>{s.embed_iframe}</label>
                <textarea id=id1 class="ssc__code" readonly rows="3">
                    {iframe}
                </textarea>
                <label for=id2.clone()>{s.embed_script}</label>
                <textarea id=id2 class="ssc__code" readonly rows="3">
                    {script}
                </textarea>
            </details>
        }
    }
}
