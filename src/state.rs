//! View state shared by the components through context: the language and the open station.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use scorecards_core::query::{PageQuery, RankQuery, Theme, View};
use scorecards_core::Lang;

use crate::url;

/// Signals every view reads; provided by [`crate::App`], and again, as a fresh copy, by every
/// view that is rebuilt when the state changes ([`Ui::provide_scoped`]).
///
/// Why copies: Leptos 0.8 (reactive_graph 0.2) leaves a dropped render effect in the
/// subscriber list of each signal it read, and a signal never prunes that list. A scorecard
/// rebuilt a thousand times under one long-lived language signal would leave tens of thousands
/// of dead entries behind (about 2 KB per switch, measured). So views that are rebuilt read
/// copies that live exactly as long as they do, and are dropped with their lists. The copies
/// are written by [`Ui`]'s methods, which set the value in every live copy at once; the
/// signals are read-only to everything else.
#[derive(Clone, Copy)]
pub struct Ui {
    /// Display language.
    pub lang: ReadSignal<Lang>,
    /// The open station, or `None` for the directory.
    pub station: ReadSignal<Option<String>>,
    /// Whether navigation is mirrored in the page URL (standalone page only, never when embedded).
    pub url_sync: bool,
    /// The data file as asked for in the URL (kept in links), `None` for the default.
    pub src: StoredValue<Option<String>>,
    /// A number unique to this instance on the page, for element ids.
    pub uid: u32,
    /// Colour theme.
    pub theme: ReadSignal<Theme>,
    /// Large type for command-centre screens.
    pub big: ReadSignal<bool>,
    /// Shown in an iframe or embedded: the title line is left to the host page.
    pub embedded: bool,
    /// Directory (with or without an open station), comparison or league table.
    pub view: ReadSignal<View>,
    /// Stations side by side.
    pub compare: ReadSignal<Vec<String>>,
    /// League table choices.
    pub rank: ReadSignal<RankQuery>,
    /// The write ends of every live copy of this instance's state.
    hub: StoredValue<Vec<Writers>>,
}

/// The write ends of one copy of the state.
#[derive(Clone, Copy)]
struct Writers {
    copy: u32,
    lang: WriteSignal<Lang>,
    station: WriteSignal<Option<String>>,
    theme: WriteSignal<Theme>,
    big: WriteSignal<bool>,
    view: WriteSignal<View>,
    compare: WriteSignal<Vec<String>>,
    rank: WriteSignal<RankQuery>,
}

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// A fresh instance number (also numbers the copies of an instance's state).
pub fn next_uid() -> u32 {
    NEXT_UID.fetch_add(1, Ordering::Relaxed)
}

impl Ui {
    /// Fresh view state for an instance opening on `q`. Call inside the instance's owner.
    pub fn new(q: &PageQuery, url_sync: bool, embedded: bool) -> Ui {
        let hub = StoredValue::new(Vec::new());
        let src = StoredValue::new(q.src.clone());
        Ui::with_values(q, hub, next_uid(), url_sync, embedded, src).0
    }

    /// View state for a prerendered view ([`crate::prerender`]): instance number 0, which no
    /// live instance has (ids in the view start `ssc0-`; the loaders renumber them).
    #[cfg(feature = "ssr")]
    pub fn prerendered(q: &PageQuery, url_sync: bool, embedded: bool) -> Ui {
        let hub = StoredValue::new(Vec::new());
        let src = StoredValue::new(q.src.clone());
        Ui::with_values(q, hub, 0, url_sync, embedded, src).0
    }

    /// A copy of this state, provided as context to the views built next in the calling
    /// owner: for a view that is rebuilt when the state changes. It follows every change made
    /// through any copy, and is dropped (with the effects that read it) when the calling
    /// owner is cleaned up.
    pub fn provide_scoped(&self) -> Ui {
        let now = self.query_for(self.station.get_untracked(), self.lang.get_untracked());
        let (copy, id) = Ui::with_values(
            &now,
            self.hub,
            self.uid,
            self.url_sync,
            self.embedded,
            self.src,
        );
        let hub = self.hub;
        on_cleanup(move || {
            hub.try_update_value(|v| v.retain(|w| w.copy != id));
        });
        provide_context(copy);
        copy
    }

    /// Signals holding the state `q` describes, with their write ends added to `hub`; returns
    /// them with the number of the copy.
    fn with_values(
        q: &PageQuery,
        hub: StoredValue<Vec<Writers>>,
        uid: u32,
        url_sync: bool,
        embedded: bool,
        src: StoredValue<Option<String>>,
    ) -> (Ui, u32) {
        let (lang, lang_w) = signal(q.lang.unwrap_or_default());
        let (station, station_w) = signal(q.station.clone());
        let (theme, theme_w) = signal(q.theme.unwrap_or_default());
        let (big, big_w) = signal(q.big);
        let (view, view_w) = signal(q.view);
        let (compare, compare_w) = signal(q.compare.clone());
        let (rank, rank_w) = signal(q.rank.clone());
        let copy = next_uid();
        hub.update_value(|h| {
            h.push(Writers {
                copy,
                lang: lang_w,
                station: station_w,
                theme: theme_w,
                big: big_w,
                view: view_w,
                compare: compare_w,
                rank: rank_w,
            })
        });
        let ui = Ui {
            lang,
            station,
            url_sync,
            src,
            uid,
            theme,
            big,
            embedded,
            view,
            compare,
            rank,
            hub,
        };
        (ui, copy)
    }

    /// Applies a change to every live copy.
    fn write(&self, f: impl Fn(&Writers)) {
        let copies = self.hub.with_value(Vec::clone);
        for w in &copies {
            f(w);
        }
    }

    /// Sets the language everywhere (without touching the address bar; see [`Ui::set_lang`]).
    pub fn put_lang(&self, lang: Lang) {
        self.write(|w| w.lang.set(lang));
    }

    /// Sets the open station everywhere.
    pub fn put_station(&self, station: Option<String>) {
        self.write(|w| w.station.set(station.clone()));
    }

    /// Sets the colour theme everywhere.
    pub fn put_theme(&self, theme: Theme) {
        self.write(|w| w.theme.set(theme));
    }

    /// Sets the large-type display everywhere.
    pub fn put_big(&self, big: bool) {
        self.write(|w| w.big.set(big));
    }

    /// Sets the view everywhere.
    pub fn put_view(&self, view: View) {
        self.write(|w| w.view.set(view));
    }

    /// Sets the compared stations everywhere.
    pub fn put_compare(&self, ids: Vec<String>) {
        self.write(|w| w.compare.set(ids.clone()));
    }

    /// Sets the league table's choices everywhere.
    pub fn put_rank(&self, rank: RankQuery) {
        self.write(|w| w.rank.set(rank.clone()));
    }

    /// The CSS classes of the root element.
    pub fn root_class(&self) -> String {
        let mut c = format!("ssc ssc--theme-{}", self.theme.get().code());
        if self.big.get() {
            c.push_str(" ssc--big");
        }
        c
    }

    /// The view state from context.
    pub fn get() -> Ui {
        expect_context::<Ui>()
    }

    /// The query string describing a view, for links and history entries.
    pub fn query_for(&self, station: Option<String>, lang: Lang) -> PageQuery {
        PageQuery {
            station,
            lang: Some(lang),
            src: self.src.get_value(),
            theme: Some(self.theme.get_untracked()),
            big: self.big.get_untracked(),
            embed: self.embedded && self.url_sync,
            view: self.view.get_untracked(),
            compare: self.compare.get_untracked(),
            rank: self.rank.get_untracked(),
        }
    }

    /// An element id unique on the page.
    pub fn id(&self, local: &str) -> String {
        format!("ssc{}-{local}", self.uid)
    }

    /// Opens a station's scorecard (or the directory for `None`), adding a history entry on the standalone page.
    pub fn open(&self, station: Option<String>) {
        self.put_view(View::Directory);
        self.put_station(station);
        self.sync(true);
        url::focus_heading(self.uid);
    }

    /// Switches to a view, adding a history entry on the standalone page.
    pub fn go(&self, view: View) {
        if view != View::Directory {
            self.put_station(None);
        }
        self.put_view(view);
        self.sync(true);
        url::focus_heading(self.uid);
    }

    /// Sets the stations side by side (at most six), replacing the history entry.
    pub fn set_compare(&self, mut ids: Vec<String>) {
        ids.dedup();
        ids.truncate(6);
        self.put_compare(ids);
        self.sync(false);
    }

    /// Opens the comparison with `id` added.
    pub fn compare_with(&self, id: &str) {
        let mut ids = self.compare.get_untracked();
        if !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
        ids.truncate(6);
        self.put_compare(ids);
        self.go(View::Compare);
    }

    /// Changes the league table's choices, replacing the history entry.
    pub fn update_rank(&self, f: impl FnOnce(&mut RankQuery)) {
        let mut rank = self.rank.get_untracked();
        f(&mut rank);
        self.put_rank(rank);
        self.sync(false);
    }

    /// Mirrors the view state in the address bar (standalone page only).
    fn sync(&self, push: bool) {
        if self.url_sync {
            url::write(
                &self.query_for(self.station.get_untracked(), self.lang.get_untracked()),
                push,
            );
        }
    }

    /// Applies a query from the address bar (back and forward).
    pub fn apply(&self, q: PageQuery) {
        self.put_station(q.station);
        self.put_view(q.view);
        self.put_compare(q.compare);
        self.put_rank(q.rank);
        self.put_lang(q.lang.unwrap_or_default());
        url::set_document_lang(q.lang.unwrap_or_default());
    }

    /// Switches the language, replacing the current history entry on the standalone page.
    pub fn set_lang(&self, lang: Lang) {
        if self.url_sync {
            url::write(&self.query_for(self.station.get_untracked(), lang), false);
            url::set_document_lang(lang);
        }
        self.put_lang(lang);
    }
}
