use leptos::prelude::*;
use scorecards_core::export::{to_csv, to_json, ExportRow};

use crate::download;
use crate::state::Ui;

/// "Download CSV" and "Download JSON" of what a table shows. `rows` is computed on click.
#[component]
pub fn DownloadButtons(
    /// File name without extension.
    name: String,
    /// The rows of the table as shown.
    rows: Callback<(), Vec<ExportRow>>,
) -> impl IntoView {
    let ui = Ui::get();
    let (csv_name, json_name) = (format!("{name}.csv"), format!("{name}.json"));
    view! {
        <p class="ssc__downloads">
            <button
                type="button"
                class="ssc__button ssc__button--quiet"
                on:click=move |_| {
                    download::offer(&csv_name, "text/csv;charset=utf-8", &to_csv(&rows.run(())))
                }
            >
                {move || ui.lang.get().strings().download_csv}
            </button>
            " "
            <button
                type="button"
                class="ssc__button ssc__button--quiet"
                on:click=move |_| {
                    download::offer(
                        &json_name,
                        "application/json",
                        to_json(&rows.run(())).as_bytes(),
                    )
                }
            >
                {move || ui.lang.get().strings().download_json}
            </button>
        </p>
    }
}
