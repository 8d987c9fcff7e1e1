//! View state shared by the components through context: the language and the open station.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use scorecards_core::query::{PageQuery, RankQuery, Theme, View};
use scorecards_core::Lang;

use crate::url;

/// Signals every view reads; provided once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Ui {
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// The open station, or `None` for the directory.
    pub station: RwSignal<Option<String>>,
    /// Whether navigation is mirrored in the page URL (standalone page only, never when embedded).
    pub url_sync: bool,
    /// The data file as asked for in the URL (kept in links), `None` for the default.
    pub src: StoredValue<Option<String>>,
    /// A number unique to this instance on the page, for element ids.
    pub uid: u32,
    /// Colour theme.
    pub theme: RwSignal<Theme>,
    /// Large type for command-centre screens.
    pub big: RwSignal<bool>,
    /// Shown in an iframe or embedded: the title line is left to the host page.
    pub embedded: bool,
    /// Directory (with or without an open station), comparison or league table.
    pub view: RwSignal<View>,
    /// Stations side by side.
    pub compare: RwSignal<Vec<String>>,
    /// League table choices.
    pub rank: RwSignal<RankQuery>,
}

static NEXT_UID: AtomicU32 = AtomicU32::new(1);

/// A fresh instance number.
pub fn next_uid() -> u32 {
    NEXT_UID.fetch_add(1, Ordering::Relaxed)
}

impl Ui {
    /// Fresh view state for an instance opening on `q`. Call inside the instance's owner.
    pub fn new(q: &PageQuery, url_sync: bool, embedded: bool) -> Ui {
        Ui {
            lang: RwSignal::new(q.lang.unwrap_or_default()),
            station: RwSignal::new(q.station.clone()),
            url_sync,
            src: StoredValue::new(q.src.clone()),
            uid: next_uid(),
            theme: RwSignal::new(q.theme.unwrap_or_default()),
            big: RwSignal::new(q.big),
            embedded,
            view: RwSignal::new(q.view),
            compare: RwSignal::new(q.compare.clone()),
            rank: RwSignal::new(q.rank.clone()),
        }
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
        self.view.set(View::Directory);
        self.station.set(station);
        self.sync(true);
        url::focus_heading(self.uid);
    }

    /// Switches to a view, adding a history entry on the standalone page.
    pub fn go(&self, view: View) {
        if view != View::Directory {
            self.station.set(None);
        }
        self.view.set(view);
        self.sync(true);
        url::focus_heading(self.uid);
    }

    /// Sets the stations side by side (at most six), replacing the history entry.
    pub fn set_compare(&self, mut ids: Vec<String>) {
        ids.dedup();
        ids.truncate(6);
        self.compare.set(ids);
        self.sync(false);
    }

    /// Opens the comparison with `id` added.
    pub fn compare_with(&self, id: &str) {
        let mut ids = self.compare.get_untracked();
        if !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
        ids.truncate(6);
        self.compare.set(ids);
        self.go(View::Compare);
    }

    /// Changes the league table's choices, replacing the history entry.
    pub fn update_rank(&self, f: impl FnOnce(&mut RankQuery)) {
        self.rank.update(f);
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
        self.station.set(q.station);
        self.view.set(q.view);
        self.compare.set(q.compare);
        self.rank.set(q.rank);
        self.lang.set(q.lang.unwrap_or_default());
        url::set_document_lang(q.lang.unwrap_or_default());
    }

    /// Switches the language, replacing the current history entry on the standalone page.
    pub fn set_lang(&self, lang: Lang) {
        if self.url_sync {
            url::write(&self.query_for(self.station.get_untracked(), lang), false);
            url::set_document_lang(lang);
        }
        self.lang.set(lang);
    }
}
