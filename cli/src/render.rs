//! `scorecards render DATA [--out DIR]`: the prerendered views of a data file.
//!
//! For `…/NAME.json` the views go, by convention, to `…/NAME.rendered/` (docs/embedding.md,
//! "Prerendered views"), where the loaders look for them:
//!
//! ```text
//! NAME.rendered/zh/index.html              the directory, embedded
//! NAME.rendered/zh/station/<id>.html       a station's scorecard, embedded
//! NAME.rendered/page/zh/index.html         the same for the standalone page
//! NAME.rendered/page/zh/station/<id>.html
//! (and the same under en/)
//! ```
//!
//! The views are rendered by the dashboard's own components (`station_scorecards::prerender`).
//! An index file's detail files are read from beside it and merged first, so a scorecard
//! shows what the live app shows once they have arrived.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::messages::msgs;
use scorecards_core::i18n::describe_error;
use scorecards_core::layout::{parse_detail, resolve};
use scorecards_core::{parse, Dataset, Lang, LoadError, DEFAULT_MAX_BYTES};
use station_scorecards::prerender::{self, Host};

/// `scorecards render`: parses the arguments, renders, reports.
pub(crate) fn command(mut p: lexopt::Parser, out: &mut dyn std::io::Write) -> Result<u8, String> {
    use lexopt::prelude::*;

    use crate::app::{bad, lang, text};
    let (mut data, mut out_dir, mut msg_lang) = (None::<PathBuf>, None::<PathBuf>, Lang::Zh);
    while let Some(arg) = p.next().map_err(bad)? {
        match arg {
            Long("out") => out_dir = Some(PathBuf::from(text(p.value().map_err(bad)?)?)),
            Long("lang") => msg_lang = lang(p.value().map_err(bad)?)?,
            Value(v) if data.is_none() => data = Some(PathBuf::from(v)),
            _ => return Err(bad(arg.unexpected())),
        }
    }
    let data = data.ok_or("render needs a DATA file (see `scorecards help`)")?;
    let out_dir = out_dir.unwrap_or_else(|| default_out_dir(&data));
    let summary = render(&data, &out_dir, msg_lang)?;
    let _ = writeln!(
        out,
        "{}",
        msgs(msg_lang).rendered(summary.files, summary.bytes, &out_dir.display().to_string())
    );
    Ok(0)
}

/// What `render` wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub files: usize,
    /// Their bytes.
    pub bytes: u64,
}

/// The directory the views of `data` go to by convention: `NAME.rendered` beside `NAME.json`.
pub fn default_out_dir(data: &Path) -> PathBuf {
    let stem = data
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    data.with_file_name(format!("{stem}.rendered"))
}

/// Reads `data` (and its detail files), validates it and writes every view into `out`
/// (replacing what was there). Errors are sentences in `lang`.
pub fn render(data: &Path, out: &Path, lang: Lang) -> Result<Summary, String> {
    let ds = Arc::new(load(data, lang)?);
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let mut summary = Summary::default();
    let mut write = |path: PathBuf, html: String| -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, html.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        summary.files += 1;
        summary.bytes += html.len() as u64;
        Ok(())
    };
    for (host, prefix) in [
        (Host::Embed, out.to_path_buf()),
        (Host::Page, out.join("page")),
    ] {
        for view_lang in Lang::ALL {
            let dir = prefix.join(view_lang.code());
            write(
                dir.join("index.html"),
                prerender::directory(&ds, view_lang, host),
            )?;
            for st in ds.stations() {
                if let Some(html) = prerender::scorecard(&ds, &st.id, view_lang, host) {
                    write(dir.join("station").join(format!("{}.html", st.id)), html)?;
                }
            }
        }
    }
    Ok(summary)
}

/// The data set in `data`, with its detail files merged.
fn load(data: &Path, lang: Lang) -> Result<Dataset, String> {
    let name = data.display().to_string();
    let explain = |e: LoadError| {
        let m = describe_error(lang, &e);
        let mut text = m.headline;
        for (at, what) in m.details.iter().take(20) {
            text.push_str(&format!("\n  {at}: {what}"));
        }
        text.push('\n');
        text.push_str(&m.advice);
        text
    };
    let mut ds = parse(&read(data, lang)?, &name).map_err(explain)?;
    let mut hrefs: Vec<String> = ds
        .stations()
        .iter()
        .filter_map(|s| s.detail.clone())
        .collect();
    hrefs.sort();
    hrefs.dedup();
    for href in hrefs {
        let path = PathBuf::from(resolve(&name, &href));
        let doc = parse_detail(&read(&path, lang)?, &path.display().to_string(), &href, &ds)
            .map_err(explain)?;
        ds = ds.with_detail(&href, &doc);
    }
    Ok(ds)
}

fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let too_large = || msgs(lang).file_over_limit(&path.display().to_string(), DEFAULT_MAX_BYTES);
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > DEFAULT_MAX_BYTES {
        return Err(too_large());
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data/seeds.json")
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ssc-render-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn the_conventional_place_is_beside_the_data_file() {
        assert_eq!(
            default_out_dir(Path::new("/srv/data/seeds.json")),
            Path::new("/srv/data/seeds.rendered")
        );
        assert_eq!(
            default_out_dir(Path::new("x.json")),
            Path::new("x.rendered")
        );
    }

    #[test]
    fn writes_every_view_in_both_languages_for_both_hosts() {
        let out = temp("seeds");
        let summary = render(&seeds(), &out, Lang::En).unwrap();
        let ds = parse(&std::fs::read(seeds()).unwrap(), "seeds.json").unwrap();
        let n = ds.stations().len();
        assert_eq!(summary.files, 2 * 2 * (n + 1));
        for prefix in ["", "page/"] {
            for lang in ["zh", "en"] {
                let index = std::fs::read_to_string(out.join(format!("{prefix}{lang}/index.html")))
                    .unwrap();
                assert!(index.contains("data-ssc-prerendered"), "{index:.200}");
                assert!(index.contains("ssc__directory"));
                for st in ds.stations() {
                    let p = out.join(format!("{prefix}{lang}/station/{}.html", st.id));
                    let html = std::fs::read_to_string(&p).unwrap();
                    assert!(html.contains(&format!("data-station=\"{}\"", st.id)));
                    assert!(html.contains(&format!(
                        "data-generated-at=\"{}\"",
                        ds.document().generated_at
                    )));
                    assert!(!html.contains("data-ssc-uid"));
                }
            }
        }
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn an_invalid_file_is_refused_with_a_message_in_the_language_asked() {
        let dir = temp("bad");
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.json");
        std::fs::write(&bad, b"{\"schema_version\": 1").unwrap();
        let zh = render(&bad, &dir.join("out"), Lang::Zh).unwrap_err();
        let en = render(&bad, &dir.join("out"), Lang::En).unwrap_err();
        assert!(
            zh.contains("bad.json") && en.contains("bad.json"),
            "{zh}\n{en}"
        );
        assert_ne!(zh, en);
        assert!(
            !dir.join("out").exists(),
            "nothing is written for a bad file"
        );
        let missing = render(&dir.join("nope.json"), &dir.join("out"), Lang::En).unwrap_err();
        assert!(missing.contains("nope.json"), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
