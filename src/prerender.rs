//! Prerendered views: the directory and a station's scorecard rendered to HTML natively,
//! with Leptos' server-side rendering of the app's own components (no second renderer).
//!
//! Each function returns a bare fragment: the app's root element (`.ssc`, with the same
//! classes and markup as the live app) carrying `data-ssc-prerendered` and the data file's
//! `generated_at` in `data-generated-at`, never the live app's `data-ssc-uid`. Text from the
//! data is escaped by the same rendering code as in the browser. Charts are inline SVG drawn
//! by the core's chart code, with the table equivalent beside them as in the live app.
//!
//! `scorecards render` writes these for every view (docs/embedding.md, "Prerendered views");
//! the loaders show them at once and swap in the live app when it has rendered.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use scorecards_core::query::PageQuery;
use scorecards_core::{Dataset, Lang};

use crate::app::{loaded_view, Shell};
use crate::state::Ui;

/// Which page a prerendered view is for; they differ as the live app does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// An embedding (`<div data-station-scorecards>`, or the standalone page in an iframe
    /// with `?embed=1`): no title line, links that never navigate the host page.
    Embed,
    /// The standalone page (`index.html?station=…`): the title line, real `?station=` links
    /// and the embed snippet.
    Page,
}

/// The directory of `ds` in `lang`.
pub fn directory(ds: &Arc<Dataset>, lang: Lang, host: Host) -> String {
    render(ds, None, lang, host)
}

/// The scorecard of station `id` in `lang`, or `None` if `ds` has no such station.
pub fn scorecard(ds: &Arc<Dataset>, id: &str, lang: Lang, host: Host) -> Option<String> {
    ds.station(id)?;
    Some(render(ds, Some(id.to_string()), lang, host))
}

fn render(ds: &Arc<Dataset>, station: Option<String>, lang: Lang, host: Host) -> String {
    no_effects();
    let query = PageQuery {
        station,
        lang: Some(lang),
        embed: host == Host::Embed,
        ..PageQuery::default()
    };
    let ds = ds.clone();
    let generated_at = ds.document().generated_at.clone();
    crate::render_mode::with(|| {
        let owner = Owner::new();
        let html = owner.with(|| {
            let ui = Ui::prerendered(&query, host == Host::Page, host == Host::Embed);
            provide_context(ui);
            view! { <Shell prerendered=generated_at>{loaded_view(ds, None)}</Shell> }.to_html()
        });
        owner.cleanup();
        html
    })
}

/// Effects belong in the browser. With only `ssr`, Leptos never schedules them; when `csr`
/// is also on (cargo unifies the features of a workspace build), it hands them to the global
/// executor, which here drops them unrun.
fn no_effects() {
    struct Discard;
    impl any_spawner::CustomExecutor for Discard {
        fn spawn(&self, _: Pin<Box<dyn Future<Output = ()> + Send>>) {}
        fn spawn_local(&self, _: Pin<Box<dyn Future<Output = ()>>>) {}
        fn poll_local(&self) {}
    }
    // Already set (by an earlier call, or by a host that runs its own executor): keep it.
    let _ = any_spawner::Executor::init_custom_executor(Discard);
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecards_core::{format, parse, Family};

    fn load(path: &str) -> Arc<Dataset> {
        let file = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&file).unwrap();
        Arc::new(parse(&bytes, path).unwrap())
    }

    /// Every start tag in `html`: its name and attributes (name, raw value), read the way an
    /// HTML parser reads them (quoted values may hold `<`, `>` and `=`; text cannot hold `<`
    /// followed by a letter once escaped).
    fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
        let b = html.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b'<' || i + 1 >= b.len() || !b[i + 1].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            i += 1;
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
                i += 1;
            }
            let name = html[start..i].to_ascii_lowercase();
            let mut attrs = Vec::new();
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'>' {
                    i += 1;
                    break;
                }
                let a = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>') {
                    i += 1;
                }
                let attr = html[a..i].to_ascii_lowercase();
                let mut value = String::new();
                if i < b.len() && b[i] == b'=' {
                    i += 1;
                    if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                        let q = b[i];
                        let v = i + 1;
                        i = v;
                        while i < b.len() && b[i] != q {
                            i += 1;
                        }
                        value = html[v..i].to_string();
                        i += 1;
                    } else {
                        let v = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = html[v..i].to_string();
                    }
                }
                attrs.push((attr, value));
            }
            out.push((name, attrs));
        }
        out
    }

    /// The elements and attributes the components write; anything else came from data.
    const TAGS: &[&str] = &[
        "a",
        "article",
        "button",
        "cite",
        "code",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h2",
        "h3",
        "header",
        "img",
        "label",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "q",
        "section",
        "span",
        "strong",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "time",
        "tr",
        "ul",
    ];
    const ATTRS: &[&str] = &[
        "aria-current",
        "aria-describedby",
        "aria-hidden",
        "aria-label",
        "aria-labelledby",
        "aria-live",
        "aria-pressed",
        "aria-roledescription",
        "aria-rowcount",
        "aria-rowindex",
        "alt",
        "class",
        "colspan",
        "data-family",
        "data-generated-at",
        "data-label",
        "data-metric",
        "data-ssc-prerendered",
        "data-station",
        "datetime",
        "for",
        "href",
        "id",
        "lang",
        "rel",
        "role",
        "scope",
        "src",
        "tabindex",
        "target",
        "title",
        "type",
        "value",
    ];

    fn assert_only_component_markup(html: &str, what: &str) {
        for (tag, attrs) in tags(html) {
            assert!(
                TAGS.contains(&tag.as_str()),
                "{what}: element <{tag}> {attrs:?}"
            );
            for (name, value) in attrs {
                assert!(
                    ATTRS.contains(&name.as_str()),
                    "{what}: <{tag} {name}={value:?}>"
                );
                let v = value.trim().to_ascii_lowercase();
                if name == "href" {
                    assert!(
                        v.starts_with('#')
                            || v.starts_with('?')
                            || v.starts_with("https://")
                            || v.starts_with("http://"),
                        "{what}: <{tag} href={value:?}>"
                    );
                }
                if name == "src" {
                    assert!(
                        v.starts_with("data:image/svg+xml;"),
                        "{what}: <{tag} src={value:?}>"
                    );
                }
            }
        }
    }

    fn every_view(ds: &Arc<Dataset>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for host in [Host::Embed, Host::Page] {
            for lang in Lang::ALL {
                out.push((
                    format!("{host:?} {lang:?} directory"),
                    directory(ds, lang, host),
                ));
                for st in ds.stations() {
                    let html = scorecard(ds, &st.id, lang, host).unwrap();
                    out.push((format!("{host:?} {lang:?} {}", st.id), html));
                }
            }
        }
        out
    }

    #[test]
    fn a_view_is_one_prerendered_root_with_the_data_files_time() {
        let ds = load("public/data/seeds.json");
        let at = ds.document().generated_at.clone();
        for (what, html) in every_view(&ds) {
            let tags = tags(&html);
            let (root, attrs) = &tags[0];
            assert_eq!(root, "div", "{what}");
            let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
            assert_eq!(attr("data-ssc-prerendered"), Some(""), "{what}");
            assert_eq!(attr("data-generated-at"), Some(at.as_str()), "{what}");
            assert!(
                attr("class").unwrap().split(' ').any(|c| c == "ssc"),
                "{what}"
            );
            assert!(!html.contains("data-ssc-uid"), "{what}");
            assert!(html.trim_end().ends_with("</div>"), "{what}");
            assert!(
                !html.contains("<script") && !html.contains("style="),
                "{what}"
            );
        }
        assert!(scorecard(&ds, "no-such-station", Lang::Zh, Host::Embed).is_none());
    }

    #[test]
    fn every_figure_value_and_not_reported_is_in_the_scorecard() {
        let ds = load("public/data/seeds.json");
        for lang in Lang::ALL {
            let na = html_escape::encode_text(lang.strings().not_reported).to_string();
            for st in ds.stations() {
                let html = scorecard(&ds, &st.id, lang, Host::Embed).unwrap();
                assert!(html.contains(&format!("data-station=\"{}\"", st.id)));
                for family in Family::ALL {
                    for fig in ds.figures(st, family) {
                        let value =
                            html_escape::encode_text(&format::figure_value(lang, fig)).to_string();
                        assert!(html.contains(&value), "{} {lang:?}: {value}", st.id);
                    }
                    if ds.missing_key_metric(st, family).is_some() {
                        assert!(html.contains(&na), "{} {lang:?}: no “not reported”", st.id);
                    }
                }
                assert!(html.contains("ssc__value"), "{}", st.id);
            }
        }
    }

    #[test]
    fn the_page_and_the_embedding_differ_as_the_live_app_does() {
        let ds = load("public/data/seeds.json");
        let page = scorecard(&ds, "meijiang", Lang::Zh, Host::Page).unwrap();
        let embed = scorecard(&ds, "meijiang", Lang::Zh, Host::Embed).unwrap();
        assert!(page.contains("ssc__title") && !embed.contains("ssc__title"));
        // The way back to the directory: a real link on the page, none in an embedding.
        assert!(page.contains("href=\"?\""), "{page:.3000}");
        assert!(embed.contains("href=\"#\"") && !embed.contains("href=\"?"));
        // The embed snippet's addresses are the open page's: it is left out of every view.
        assert!(!page.contains("ssc__embed") && !page.contains("<textarea"));
        let en = directory(&ds, Lang::En, Host::Page);
        assert!(en.contains("lang=\"en\""));
        assert!(
            en.contains("href=\"?station=meijiang&amp;lang=en\""),
            "{en:.4000}"
        );
    }

    #[test]
    fn data_text_is_escaped_and_inert_in_every_view() {
        let ds = load("tests/fixtures/injection.json");
        for (what, html) in every_view(&ds) {
            assert_only_component_markup(&html, &what);
        }
        let html = scorecard(&ds, "alpha", Lang::En, Host::Embed).unwrap();
        assert!(html.contains("&lt;img src=x onerror="), "{html:.2000}");
    }

    #[test]
    fn charts_are_svg_images_with_the_table_beside_them() {
        let ds = load("public/data/demo-synthetic.json");
        let st = ds.stations().iter().find(|s| !s.series.is_empty()).unwrap();
        for lang in Lang::ALL {
            let html = scorecard(&ds, &st.id, lang, Host::Embed).unwrap();
            assert_only_component_markup(&html, &st.id);
            let images = tags(&html)
                .into_iter()
                .filter(|(t, a)| {
                    t == "img" && a.iter().any(|(k, v)| k == "class" && v == "ssc__chart-svg")
                })
                .count();
            assert_eq!(images, st.series.len(), "{lang:?}");
            assert_eq!(html.matches("ssc__table--series").count(), st.series.len());
            assert!(
                html.contains("%3Cpolyline") || html.contains("%3Cpath"),
                "no line drawn"
            );
            assert!(html.contains("%3Ctext"), "no labels");
            assert!(!html.contains("<canvas"));
        }
    }

    #[test]
    fn the_directory_lists_every_station() {
        let ds = load("public/data/demo-synthetic.json");
        for lang in Lang::ALL {
            let html = directory(&ds, lang, Host::Embed);
            for st in ds.stations() {
                assert!(
                    html.contains(&format!("data-station=\"{}\"", st.id)),
                    "{}",
                    st.id
                );
                let name = html_escape::encode_text(lang.pick(&st.name)).to_string();
                assert!(html.contains(&name), "{name}");
            }
        }
    }
}
