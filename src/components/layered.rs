//! The data set with the detail files the open view needs merged in as they arrive.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::query::View;
use scorecards_core::{Dataset, LoadError};

use crate::components::{ErrorPanel, ViewSwitch};
use crate::data::{resource, Loaded, Wanted};
use crate::ready::{self, Rendered};
use crate::state::Ui;

/// A detail file as it arrived, a data set of its own ([`Dataset::of_detail`]); the same
/// type as the index's resource, so that no second kind of resource is compiled in.
type DetailFile = Loaded;

/// The index with the detail files merged so far, in the order they were merged.
#[derive(Clone)]
struct Merged {
    ds: Arc<Dataset>,
    hrefs: Vec<String>,
}

/// The data set with the detail files the open views need merged in as they arrive (an
/// index loads them on demand; a complete file has none). Each file is one resource,
/// requested once per page the first time a view needs it; a failed one is reported with
/// its address, can be retried, and the rest keeps working.
#[component]
pub(crate) fn Layered(ds: Arc<Dataset>, base: Option<String>) -> impl IntoView {
    let ui = Ui::get();
    let generated_at = ds.document().generated_at.clone();
    let index = StoredValue::new(ds);
    let base = StoredValue::new(base);
    // The resources live as long as this component, whichever view first asked for them.
    let owner = StoredValue::new(Owner::current());
    let cache: StoredValue<HashMap<String, LocalResource<DetailFile>>> =
        StoredValue::new(HashMap::new());
    let resource = move |href: &str| -> LocalResource<DetailFile> {
        if let Some(r) = cache.with_value(|m| m.get(href).copied()) {
            return r;
        }
        let href = href.to_string();
        let make = || {
            resource(Wanted::Detail {
                base: base.get_value(),
                href: href.clone(),
                index: index.get_value(),
            })
        };
        let r = untrack(|| match owner.get_value() {
            Some(o) => o.with(make),
            None => make(),
        });
        cache.update_value(|m| {
            m.insert(href, r);
        });
        r
    };
    // The detail files of the stations the view shows.
    let hrefs = move || -> Vec<String> {
        let ids: Vec<String> = match ui.view.get() {
            View::Directory => ui.station.get().into_iter().collect(),
            View::Compare => ui.compare.get(),
            View::Rank | View::Map => Vec::new(),
        };
        let mut hrefs: Vec<String> = index.with_value(|ds| {
            ids.iter()
                .filter_map(|id| ds.station(id)?.detail.clone())
                .collect()
        });
        hrefs.dedup();
        hrefs
    };
    // Each of them with its resource: reading this is what requests them.
    let wanted = move || -> Vec<(String, LocalResource<DetailFile>)> {
        hrefs()
            .into_iter()
            .map(|h| {
                let r = resource(&h);
                (h, r)
            })
            .collect()
    };
    // Files stay merged once merged, whichever view is open next.
    let merged = Memo::new_with_compare(
        move |prev: Option<&Merged>| {
            let mut m = prev.cloned().unwrap_or_else(|| Merged {
                ds: index.get_value(),
                hrefs: Vec::new(),
            });
            for (href, r) in wanted() {
                if m.hrefs.contains(&href) {
                    continue;
                }
                if let Some(file) = r.with(|f| f.as_ref().and_then(|f| f.as_ref().ok()).cloned()) {
                    m.ds =
                        Arc::new(m.ds.with_detail_warned(&href, file.document(), file.warnings()));
                    m.hrefs.push(href);
                }
            }
            m
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(&a.ds, &b.ds)),
    );
    let is_merged = move |href: &str| merged.with(|m| m.ds.is_merged(href));
    // Rendered once the view has the detail files it needs (or their errors).
    ready::announce(ui.uid, Rendered::Data, Some(generated_at), move || {
        wanted()
            .iter()
            .any(|(h, r)| !is_merged(h) && !r.with(|f| matches!(f, Some(Err(_)))))
    });
    let status = move || {
        let lang = ui.lang.get();
        let open: Vec<(String, LocalResource<DetailFile>)> = wanted()
            .into_iter()
            .filter(|(h, _)| !is_merged(h))
            .collect();
        let loading = open.iter().any(|(_, r)| r.with(Option::is_none));
        let failed: Vec<(LoadError, LocalResource<DetailFile>)> = open
            .into_iter()
            .filter_map(|(_, r)| {
                let e = r.with(|f| f.as_ref().and_then(|f| f.as_ref().err()).cloned())?;
                Some((e, r))
            })
            .collect();
        view! {
            {loading
                .then(|| {
                    view! {
                        <p class="ssc__loading ssc__loading--detail" role="status">
                            {lang.strings().loading_detail}
                        </p>
                    }
                })}
            {failed
                .into_iter()
                .map(|(e, r)| {
                    view! {
                        <ErrorPanel
                            error=e
                            on_retry=Callback::new(move |_| {
                                r.set(None);
                                r.refetch();
                            })
                        />
                    }
                })
                .collect_view()}
        }
    };
    view! {
        {status}
        {move || view! { <ViewSwitch ds=merged.with(|m| m.ds.clone()) /> }}
    }
}
