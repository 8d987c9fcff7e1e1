//! A long table in its scroll box, drawn a window at a time when long (see
//! [`crate::components::virtual_rows`]): the directory and the league share it.

use std::ops::Range;

use leptos::prelude::*;
use scorecards_core::table::rows_shown;

use crate::components::virtual_rows::{spacer, Scroller};
use crate::state::Ui;

/// A table in a focusable, labelled scroll box. When `virtualised`, only the rows in view
/// are drawn, between two spacer rows, and a line under it says which rows are shown.
///
/// Non-generic props on purpose (the directory in the first module and the league in a part
/// loaded later share one copy of this code): the caller builds its rows once, from the
/// range of rows to draw, with [`crate::components::virtual_rows::keyed_rows`].
#[component]
pub fn VirtualTable(
    /// The accessible name of the scroll box.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The table's class.
    class: &'static str,
    /// How many columns a row has.
    columns: usize,
    /// Whether only the rows in view are drawn.
    virtualised: bool,
    /// How many body rows there are.
    #[prop(into)]
    total: Signal<usize>,
    /// Tracks what changes the rows' order or set (the box scrolls back to the top then).
    #[prop(into)]
    reset: Signal<()>,
    /// The header row's cells.
    head: AnyView,
    /// The body rows, given the (reactive) range of rows to draw.
    rows: Callback<Memo<Range<usize>>, AnyView>,
) -> impl IntoView {
    let ui = Ui::get();
    let scroller = Scroller::new();
    let range = Memo::new(move |_| scroller.range(total.get(), virtualised));
    Effect::new(move |_| {
        let drawn = range.get().len();
        if virtualised {
            request_animation_frame(move || scroller.measure(drawn));
        }
    });
    Effect::new(move |prev: Option<()>| {
        reset.track();
        if prev.is_some() {
            scroller.back_to_top();
        }
    });
    let body = view! {
        {virtualised.then(|| spacer("ssc__spacer ssc__spacer--top", columns, move || scroller.spacers(&range.get(), total.get()).0))}
        {rows.run(range)}
        {virtualised.then(|| spacer("ssc__spacer ssc__spacer--bottom", columns, move || scroller.spacers(&range.get(), total.get()).1))}
    };
    let wrap_class = if virtualised {
        "ssc__table-wrap ssc__table-wrap--virtual"
    } else {
        "ssc__table-wrap"
    };
    view! {
        <div
            class=wrap_class
            role="region"
            tabindex="0"
            aria-label=move || label.get()
            node_ref=scroller.wrap
            on:scroll=move |_| scroller.on_scroll()
        >
            <table class=class aria-rowcount=move || (total.get() + 1).to_string()>
                <thead>
                    <tr aria-rowindex="1">{head}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {virtualised.then(|| view! {
            <p class="ssc__muted ssc__rows-shown">
                {move || rows_shown(ui.lang.get(), &range.get(), total.get())}
            </p>
        })}
    }
}
