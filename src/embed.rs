//! The JavaScript entry points. This is the only file with `#[wasm_bindgen]` exports.
//!
//! - `mount_standalone(element)`: the standalone page (`index.html` through `app.js`).
//! - `mount(element, options)`: an embedding; returns an [`Instance`] with `update(options)`
//!   and `unmount()`. `embed.js` calls it for every `[data-station-scorecards]` element.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use scorecards_core::compare::Measure;
use scorecards_core::query::{MapMode, PageQuery, RankQuery, Theme, View};
use scorecards_core::Lang;
use wasm_bindgen::prelude::*;

use crate::app::{App, AppOptions};
use crate::data::DataSource;
use crate::state::Ui;
use crate::url;

/// Mounts the standalone dashboard page into `element`, reading `?station=`, `?lang=`,
/// `?src=`, `?theme=`, `?display=big` and `?embed=1` from the address bar and keeping the
/// address bar in step with navigation.
#[wasm_bindgen]
pub fn mount_standalone(element: web_sys::HtmlElement) {
    crate::crash::install();
    let query = url::read();
    if let Some(lang) = query.lang {
        url::set_document_lang(lang);
    }
    let options = AppOptions {
        embedded: query.embed,
        query,
        url_sync: true,
        data: None,
    };
    leptos::mount::mount_to(element, move || view! { <App options=options /> }).forget();
}

/// Bytes the module has allocated and not yet freed (diagnostics: `embed.js`'s
/// `memoryStats()`; WebAssembly memory itself never shrinks, so it cannot show a leak).
#[wasm_bindgen(js_name = liveHeapBytes)]
pub fn live_heap_bytes() -> f64 {
    crate::heap::live_bytes() as f64
}

/// One embedded dashboard. Dropping it (or calling `unmount`) removes it from the page.
#[wasm_bindgen]
pub struct Instance {
    element: web_sys::HtmlElement,
    handle: Option<Box<dyn Any>>,
    ui: Option<Ui>,
    source: Option<String>,
}

/// Mounts an independent dashboard into `element`.
///
/// `options` is an object with optional string fields: `src` (data address, relative to the
/// page or absolute http(s); default `data/seeds.json` next to the page), `station`, `lang`
/// (`zh`/`en`), `view` (`directory`, `scorecard`, `compare`, `rank` or `map`), `metric` and
/// `measure` (`level`/`change`; the tile map's and league's), `map` (`tiles`/`geo`: the map
/// view's mode), `theme` (`auto`, `light`, `dark`,
/// `high-contrast`), `display` (`big`) and `history` (`sync`: keep the page address in step
/// with the view, as the standalone page does; off by default, so an embedding never touches
/// the host page's address unless asked).
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Instance {
    crate::crash::install();
    let mut instance = Instance {
        element,
        handle: None,
        ui: None,
        source: None,
    };
    instance.remount(&EmbedOptions::read(&options));
    instance
}

#[wasm_bindgen]
impl Instance {
    /// Changes station, language, view, theme or display in place; a new `src` reloads.
    pub fn update(&mut self, options: JsValue) {
        let o = EmbedOptions::read(&options);
        match self.ui {
            Some(ui) if o.src == self.source || o.src.is_none() => {
                if let Some(lang) = o.query.lang {
                    ui.put_lang(lang);
                }
                if o.station_given {
                    ui.put_station(o.query.station.clone());
                }
                if let Some(theme) = o.query.theme {
                    ui.put_theme(theme);
                }
                if o.display_given {
                    ui.put_big(o.query.big);
                }
                if o.view_given {
                    ui.put_view(o.query.view);
                    ui.put_compare(o.query.compare.clone());
                }
                if o.query.rank.metric.is_some() || o.map_given {
                    // A metric replaces the choices; the map's mode stays unless given.
                    let now = ui.rank.get_untracked();
                    let mut rank = if o.query.rank.metric.is_some() {
                        o.query.rank.clone()
                    } else {
                        now.clone()
                    };
                    rank.map = if o.map_given {
                        o.query.rank.map
                    } else {
                        now.map
                    };
                    ui.put_rank(rank);
                }
            }
            _ => self.remount(&o),
        }
    }

    /// Removes the dashboard: the element is left empty and the instance's reactive state is
    /// disposed. Safe to call twice.
    pub fn unmount(&mut self) {
        self.ui = None;
        // Dropping Leptos' handle unmounts the view and disposes its owner.
        self.handle = None;
        self.element.replace_children_with_node_0();
    }
}

impl Instance {
    fn remount(&mut self, o: &EmbedOptions) {
        if self.handle.is_some() {
            self.unmount();
        } else {
            // First mount: the element's own content goes, except a prerendered view, which
            // stays until the loader swaps the live app in (docs/embedding.md).
            clear_except_prerendered(&self.element);
        }
        let query = o.query.clone();
        let data = o.src.clone().map(DataSource::Url);
        let sync_url = o.sync_url;
        self.source = o.src.clone();
        let slot: Rc<RefCell<Option<Ui>>> = Rc::default();
        let slot_in = slot.clone();
        let handle = leptos::mount::mount_to(self.element.clone(), move || {
            let ui = Ui::new(&query, sync_url, true);
            *slot_in.borrow_mut() = Some(ui);
            let options = AppOptions {
                query,
                url_sync: sync_url,
                data,
                embedded: true,
            };
            view! { <App options=options ui=ui /> }
        });
        self.handle = Some(Box::new(handle));
        self.ui = slot.borrow_mut().take();
    }
}

fn clear_except_prerendered(element: &web_sys::HtmlElement) {
    let children = element.child_nodes();
    let nodes: Vec<web_sys::Node> = (0..children.length())
        .filter_map(|i| children.item(i))
        .collect();
    for node in nodes {
        let keep = node
            .dyn_ref::<web_sys::Element>()
            .is_some_and(|e| e.has_attribute("data-ssc-prerendered"));
        if !keep {
            let _ = element.remove_child(&node);
        }
    }
}

/// Options of `mount` and `update`, read from a plain JavaScript object.
struct EmbedOptions {
    query: PageQuery,
    src: Option<String>,
    station_given: bool,
    display_given: bool,
    view_given: bool,
    map_given: bool,
    sync_url: bool,
}

impl EmbedOptions {
    fn read(options: &JsValue) -> EmbedOptions {
        let get = |k: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .map(|s| s.trim().to_string())
        };
        let view = get("view");
        let station = get("station").filter(|s| !s.is_empty());
        let to_directory = view.as_deref() == Some("directory");
        EmbedOptions {
            query: PageQuery {
                station: if to_directory { None } else { station.clone() },
                lang: get("lang").and_then(|l| Lang::from_code(&l)),
                src: None,
                theme: get("theme").and_then(|t| Theme::from_code(&t)),
                big: get("display").as_deref() == Some("big"),
                embed: true,
                view: view
                    .as_deref()
                    .and_then(View::from_code)
                    .unwrap_or_default(),
                compare: get("compare")
                    .map(|c| {
                        c.split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
                // `metric` (and `measure`): what the tile map and the league table show.
                rank: RankQuery {
                    metric: get("metric").filter(|m| !m.is_empty()),
                    measure: get("measure").and_then(|m| Measure::from_code(&m)),
                    // `map`: the map view's mode (`tiles` or `geo`).
                    map: get("map")
                        .and_then(|m| MapMode::from_code(&m))
                        .unwrap_or_default(),
                    ..RankQuery::default()
                },
            },
            src: get("src").filter(|s| !s.is_empty()),
            station_given: station.is_some() || to_directory,
            display_given: get("display").is_some(),
            view_given: view.is_some(),
            map_given: get("map").is_some(),
            sync_url: get("history").as_deref() == Some("sync"),
        }
    }
}
