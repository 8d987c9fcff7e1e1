//! Long tables drawn a window at a time: only the rows in view (and a few either side) are
//! in the DOM; a spacer row above and one below keep the scroll height of all of them.
//!
//! The scroll container is the table's `.ssc__table-wrap` (focusable, so the arrow keys,
//! PageUp/PageDown, Home and End scroll it). Rows have one height, set by the CSS and
//! measured here, so a row's place is its index times that height. The arithmetic is
//! [`scorecards_core::table::visible_range`], tested natively.

use std::ops::Range;

use leptos::html;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::view::keyed::{keyed, SerializableKey};
use scorecards_core::table::{visible_range, VIRTUAL_FROM};

/// Scroll state and measured sizes of one long table.
#[derive(Clone, Copy)]
pub struct Scroller {
    /// The scroll container.
    pub wrap: NodeRef<html::Div>,
    scroll_top: RwSignal<f64>,
    viewport: RwSignal<f64>,
    body_top: RwSignal<f64>,
    row_height: RwSignal<f64>,
}

impl Scroller {
    /// Fresh state (before the first measurement: 48 px rows, a 600 px viewport).
    pub fn new() -> Scroller {
        Scroller {
            wrap: NodeRef::new(),
            scroll_top: RwSignal::new(0.0),
            viewport: RwSignal::new(600.0),
            body_top: RwSignal::new(0.0),
            row_height: RwSignal::new(48.0),
        }
    }

    /// Whether a table of `total` rows is drawn a window at a time.
    pub fn applies(total: usize) -> bool {
        total >= VIRTUAL_FROM
    }

    /// The rows to draw (all of them for a short table). Tracks the scroll position.
    pub fn range(&self, total: usize, virtualised: bool) -> Range<usize> {
        if !virtualised {
            return 0..total;
        }
        visible_range(
            self.scroll_top.get(),
            self.viewport.get(),
            self.body_top.get(),
            self.row_height.get(),
            total,
        )
    }

    /// Heights of the spacer rows above and below the drawn ones.
    pub fn spacers(&self, range: &Range<usize>, total: usize) -> (f64, f64) {
        let h = self.row_height.get();
        (
            range.start as f64 * h,
            total.saturating_sub(range.end) as f64 * h,
        )
    }

    /// Reads the container's scroll position (on `scroll`).
    pub fn on_scroll(&self) {
        if let Some(el) = self.wrap.get_untracked() {
            set_if_changed(self.scroll_top, f64::from(el.scroll_top()), 0.5);
            set_if_changed(self.viewport, f64::from(el.client_height()), 0.5);
        }
    }

    /// Back to the first row (after a search or a new sort).
    ///
    /// A box already at the top (as last scrolled) is left alone: writing `scrollTop` makes
    /// the browser lay the page out at once, 21–25 ms of a sort or filter of 40,000 stations
    /// at 4× CPU (profile of 2026-12-03), before the rows it would lay out again are drawn.
    pub fn back_to_top(&self) {
        if self.scroll_top.get_untracked() <= 0.5 {
            return;
        }
        if let Some(el) = self.wrap.get_untracked() {
            el.set_scroll_top(0);
        }
        set_if_changed(self.scroll_top, 0.0, 0.5);
    }

    /// Measures the drawn rows: their height (the distance between the two spacers over the
    /// number of rows between them) and where the body starts in the scrolled content.
    pub fn measure(&self, drawn: usize) {
        let Some(el) = self.wrap.get_untracked() else {
            return;
        };
        let find = |css: &str| el.query_selector(css).ok().flatten();
        let (Some(top), Some(bottom)) = (find(".ssc__spacer--top"), find(".ssc__spacer--bottom"))
        else {
            return;
        };
        let wrap_top = el.get_bounding_client_rect().top();
        let top_rect = top.get_bounding_client_rect();
        let body_top = top_rect.top() - wrap_top + f64::from(el.scroll_top());
        set_if_changed(self.body_top, body_top, 0.5);
        if drawn > 0 {
            let h = (bottom.get_bounding_client_rect().top() - top_rect.bottom()) / drawn as f64;
            if h >= 1.0 {
                set_if_changed(self.row_height, h, 0.25);
            }
        }
        set_if_changed(self.viewport, f64::from(el.client_height()), 0.5);
    }
}

impl Default for Scroller {
    fn default() -> Self {
        Scroller::new()
    }
}

fn set_if_changed(s: RwSignal<f64>, v: f64, tolerance: f64) {
    if (s.get_untracked() - v).abs() > tolerance {
        s.set(v);
    }
}

/// A spacer row standing for `height` pixels of rows that are not drawn. Its height is set
/// through the CSS object model (`style:`), which the page's Content-Security-Policy allows,
/// unlike a `style` attribute.
pub fn spacer(
    class: &'static str,
    columns: usize,
    height: impl Fn() -> f64 + Send + Sync + 'static,
) -> impl IntoView {
    // A prerendered view has no script to keep the height, and a strict CSP would refuse the
    // inline style: its spacers are empty (the scroll box shows the first rows either way).
    if crate::render_mode::prerendering() {
        return view! {
            <tr class=class aria-hidden="true">
                <td colspan=columns.to_string()></td>
            </tr>
        }
        .into_any();
    }
    view! {
        <tr class=class aria-hidden="true">
            <td colspan=columns.to_string() style:height=move || format!("{}px", height())></td>
        </tr>
    }
    .into_any()
}

/// Leptos' `For`, for the rows of a long table, which come and go as it scrolls.
///
/// `For` makes each row's reactive owner a child of the table's owner, and an owner keeps an
/// entry for every child it ever had until it is itself cleaned up: scrolling through 5,000
/// stations left about 600 bytes per row behind (measured, 2026-12-01) for as long as the
/// table stayed open. Here each row's owner stands alone, so dropping the row frees it all.
/// A row sees no context from above: `children` must provide what its row reads (the rows
/// provide their own copy of [`crate::state::Ui`]).
pub fn keyed_rows<IF, I, T, EF, N, KF, K>(each: IF, key: KF, children: EF) -> impl IntoView
where
    IF: Fn() -> I + Send + 'static,
    I: IntoIterator<Item = T> + Send + 'static,
    EF: Fn(T) -> N + Send + Clone + 'static,
    N: IntoView + 'static,
    KF: Fn(&T) -> K + Send + Clone + 'static,
    K: Eq + std::hash::Hash + SerializableKey + 'static,
    T: Send + 'static,
{
    let row = move |_, item: T| {
        let owner = detached_owner();
        let view = owner.with(|| children(item));
        (drop, OwnedView::new_with_owner(view, owner))
    };
    move || keyed(each(), key.clone(), row.clone())
}

/// A reactive owner with no parent: made while no owner is current, and the current one put
/// back afterwards.
fn detached_owner() -> Owner {
    let current = Owner::current();
    if let Some(c) = current.clone() {
        c.unset();
    }
    let owner = Owner::new();
    if let Some(c) = current {
        c.set();
    }
    owner
}
