//! A long table in its scroll box, drawn a window at a time when long (see
//! [`crate::components::virtual_rows`]): the directory and the league share it.

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::i18n::Strings;
use scorecards_core::table::rows_shown;

use crate::components::virtual_rows::{spacer, Scroller};
use crate::state::Ui;

/// A table in a focusable, labelled scroll box. When `virtualised`, only the rows in view
/// are drawn, between two spacer rows, and a line under it says which rows are shown.
///
/// Non-generic props on purpose, and no `Signal` or `Callback` (the directory in the first
/// module and the league in a part loaded later share one copy of this code; `Signal` props
/// cost the first module 6 KiB brotli, measured with `cargo xtask build` on 2026-12-03): the
/// caller builds its rows once, from the range of rows to draw, with
/// [`crate::components::virtual_rows::keyed_rows`].
#[component]
pub fn VirtualTable(
    /// The accessible name of the scroll box, from the interface texts.
    label: fn(&Strings) -> &'static str,
    /// The table's class.
    class: &'static str,
    /// How many columns a row has.
    columns: usize,
    /// Whether only the rows in view are drawn.
    virtualised: bool,
    /// The body rows in order (what each number means is the caller's). A new value scrolls
    /// the box back to the top.
    order: Memo<Arc<Vec<u32>>>,
    /// The header row's cells.
    head: AnyView,
    /// Builds the body rows (once), given the (reactive) range of rows to draw.
    rows: Box<dyn FnOnce(Memo<Range<usize>>) -> AnyView>,
) -> impl IntoView {
    let ui = Ui::get();
    let scroller = Scroller::new();
    let total = move || order.with(|o| o.len());
    let range = Memo::new(move |_| scroller.range(total(), virtualised));
    Effect::new(move |_| {
        let drawn = range.get().len();
        if virtualised {
            request_animation_frame(move || scroller.measure(drawn));
        }
    });
    Effect::new(move |prev: Option<()>| {
        order.track();
        if prev.is_some() {
            scroller.back_to_top();
        }
    });
    let body = view! {
        {virtualised
            .then(|| spacer(
                "ssc__spacer ssc__spacer--top",
                columns,
                move || scroller.spacers(&range.get(), total()).0,
            ))}
        {rows(range)}
        {virtualised
            .then(|| spacer(
                "ssc__spacer ssc__spacer--bottom",
                columns,
                move || scroller.spacers(&range.get(), total()).1,
            ))}
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
            aria-label=move || label(ui.lang.get().strings())
            node_ref=scroller.wrap
            on:scroll=move |_| scroller.on_scroll()
        >
            <table class=class aria-rowcount=move || (total() + 1).to_string()>
                <thead>
                    <tr aria-rowindex="1">{head}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {virtualised
            .then(|| {
                view! {
                    <p class="ssc__muted ssc__rows-shown">
                        {move || rows_shown(ui.lang.get(), &range.get(), total())}
                    </p>
                }
            })}
    }
}
