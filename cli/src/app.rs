//! The command line: arguments, subcommands, exit codes.

use std::ffi::OsString;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use lexopt::prelude::*;
use scorecards_core::Lang;

use crate::{check, import, server, synth, textenc};

const USAGE: &str = "\
scorecards: publisher tools for station-scorecards data files (format version 1)

Usage:
  scorecards validate [options] FILE...
      Check data files: every problem with file:line:column, JSON path, what was
      expected and what was found. A directory means the .json files in it; - reads
      standard input. Exit code: 0 valid, 1 invalid, 2 unusable (unreadable, not JSON,
      not UTF-8, too large).
      --lang zh|en          language of the messages (default zh)
      --format text|json    output for people (default) or for machines
      --max-warnings N      list at most N warnings per file (default 50; errors are
                            always all listed)
      --no-advice           only the dashboard's own checks, no publisher advice
      --max-bytes N         refuse larger files (default 536870912 = 512 MiB)

  scorecards import [options] --stations stations.csv [--figures figures.csv]
                    [--series series.csv] (--sources sources.csv --metrics metrics.csv
                    | --base base.json) [--out FILE]
      Build a valid data file from CSV (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16 with
      BOM). Rejected rows are listed with their row number and reason; then no file is
      written and the exit code is 1, unless --allow-rejects. Exit code 2: unusable input.
      --publisher TEXT      publisher in Chinese (required without --base)
      --publisher-en TEXT   publisher in English
      --generated-at TIME   RFC 3339 time for generated_at (default: now)
      --synthetic           mark the file as synthetic test data
      --encoding auto|utf-8|gbk|gb18030   (default auto: BOM, else UTF-8, else GB18030)
      --delimiter C         field separator (default: detected: comma, tab or ;)
      --allow-rejects       write the file without the rejected rows
      --lang zh|en          language of the report (default zh)
      --out FILE            write the file there (default: standard output); the
                            report goes to standard error

  scorecards schema [--out FILE]
      Print the JSON Schema of the data format.

  scorecards synth --stations N --months M --seed S [--out FILE] [--pretty]
                   [--layout split --out-dir DIR] [--geometry NAME]
      Generate a synthetic data set (marked synthetic everywhere); the same options give
      the same bytes. --layout split writes DIR/index.json (every station with its
      headline figures) and DIR/detail/<province>.json (the stations in full).
      --geometry NAME also writes fictitious boundary geometry for the map's geographic
      mode (about 2,900 areas, labelled fictitious everywhere, never real boundaries) at
      NAME beside the data file, and gives every station fictitious coordinates.

  scorecards serve [DIR] [--port N] [--bind ADDR] [--data FILE|DIR] [--quiet]
      Serve the built dashboard (DIR, default ./dist) on 127.0.0.1:8080 (--port, or
      $PORT; 0 = any free port) with brotli/gzip (the build's .br/.gz files when present),
      ETags, long-lived caching of content-hashed files and the strict CSP. --data serves
      a file at /data/user/<name> (a directory: its files below /data/user/) and prints
      the address that opens it.

  scorecards render DATA [--out DIR] [--lang zh|en]
      Prerender the directory and every station's scorecard of DATA, in Chinese and
      English, as HTML fragments the dashboard shows at once and then takes over. By
      default they go beside the data file, in NAME.rendered/ (the place the loaders
      look; see docs/embedding.md). --lang: language of the messages (default zh).

  scorecards help | --help | --version";

/// Runs the command line `args` (without the program name); returns the exit code.
pub fn run(args: Vec<OsString>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut args = args.into_iter();
    let Some(command) = args.next() else {
        let _ = writeln!(out, "{USAGE}");
        return 0;
    };
    let rest: Vec<OsString> = args.collect();
    let parser = lexopt::Parser::from_args(rest);
    let result = match command.to_str().unwrap_or("") {
        "validate" => validate(parser, out),
        "import" => import_cmd(parser, out, err),
        "schema" => schema(parser, out),
        "synth" => synth_cmd(parser, out),
        "serve" => serve(parser, out),
        #[cfg(feature = "render")]
        "render" => crate::render::command(parser, out),
        "help" | "-h" | "--help" => {
            let _ = writeln!(out, "{USAGE}");
            Ok(0)
        }
        "--version" | "-V" => {
            let _ = writeln!(out, "scorecards {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        other => Err(format!(
            "unknown command {other:?}; the commands are validate, import, schema, synth, serve, render (see `scorecards help`)"
        )),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "scorecards: {message}");
            2
        }
    }
}

pub(crate) type Result<T> = std::result::Result<T, String>;

pub(crate) fn text(value: OsString) -> Result<String> {
    value
        .into_string()
        .map_err(|v| format!("{v:?} is not valid UTF-8"))
}

pub(crate) fn lang(value: OsString) -> Result<Lang> {
    let v = text(value)?;
    Lang::from_code(&v).ok_or_else(|| format!("--lang {v:?}: use zh or en"))
}

fn number<T: std::str::FromStr>(name: &str, value: OsString) -> Result<T> {
    let v = text(value)?;
    v.trim()
        .parse()
        .map_err(|_| format!("--{name} {v:?} is not a valid number"))
}

pub(crate) fn bad(e: lexopt::Error) -> String {
    format!("{e} (see `scorecards help`)")
}

fn write_output(path: Option<&Path>, out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) => {
            std::fs::write(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => out
            .write_all(bytes)
            .map_err(|e| format!("cannot write the output: {e}")),
    }
}

fn validate(mut p: lexopt::Parser, out: &mut dyn Write) -> Result<u8> {
    let mut opts = check::Options::default();
    let mut json = false;
    let mut max_warnings = 50usize;
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(arg) = p.next().map_err(bad)? {
        match arg {
            Long("lang") => opts.lang = lang(p.value().map_err(bad)?)?,
            Long("format") => {
                json = match text(p.value().map_err(bad)?)?.as_str() {
                    "json" => true,
                    "text" => false,
                    other => return Err(format!("--format {other:?}: use text or json")),
                }
            }
            Long("max-warnings") => max_warnings = number("max-warnings", p.value().map_err(bad)?)?,
            Long("max-bytes") => opts.max_bytes = number("max-bytes", p.value().map_err(bad)?)?,
            Long("no-advice") => opts.advice = false,
            Value(v) => files.push(PathBuf::from(v)),
            _ => return Err(bad(arg.unexpected())),
        }
    }
    if files.is_empty() {
        return Err("validate needs at least one FILE (see `scorecards help`)".into());
    }
    let mut reports = Vec::new();
    for file in files {
        if file.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&file)
                .map_err(|e| format!("cannot list {}: {e}", file.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                })
                .collect();
            inside.sort();
            for f in inside {
                reports.push(check::check_path(&f, &opts));
            }
        } else {
            reports.push(check::check_path(&file, &opts));
        }
    }
    let rendered = if json {
        check::render_json(&reports, opts.lang)
    } else {
        check::render_text(&reports, opts.lang, max_warnings)
    };
    write_output(None, out, rendered.as_bytes())?;
    Ok(reports
        .iter()
        .map(|r| r.status.exit_code())
        .max()
        .unwrap_or(0))
}

fn import_cmd(mut p: lexopt::Parser, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let mut opts = import::Options::default();
    let mut out_path: Option<PathBuf> = None;
    while let Some(arg) = p.next().map_err(bad)? {
        let path = |p: &mut lexopt::Parser| -> Result<Option<PathBuf>> {
            Ok(Some(PathBuf::from(p.value().map_err(bad)?)))
        };
        match arg {
            Long("lang") => opts.lang = lang(p.value().map_err(bad)?)?,
            Long("encoding") => {
                let v = text(p.value().map_err(bad)?)?;
                opts.encoding = textenc::Choice::from_name(&v)
                    .ok_or_else(|| format!("--encoding {v:?}: use auto, utf-8, gbk or gb18030"))?;
            }
            Long("delimiter") => {
                let v = text(p.value().map_err(bad)?)?;
                opts.delimiter = Some(match v.as_str() {
                    "\\t" | "tab" => b'\t',
                    s if s.len() == 1 => s.as_bytes()[0],
                    _ => return Err(format!("--delimiter {v:?}: give one character, or tab")),
                });
            }
            Long("base") => opts.base = path(&mut p)?,
            Long("sources") => opts.sources = path(&mut p)?,
            Long("metrics") => opts.metrics = path(&mut p)?,
            Long("stations") => opts.stations = path(&mut p)?,
            Long("figures") => opts.figures = path(&mut p)?,
            Long("series") => opts.series = path(&mut p)?,
            Long("publisher") => opts.publisher_zh = Some(text(p.value().map_err(bad)?)?),
            Long("publisher-en") => opts.publisher_en = Some(text(p.value().map_err(bad)?)?),
            Long("generated-at") => opts.generated_at = Some(text(p.value().map_err(bad)?)?),
            Long("synthetic") => opts.synthetic = true,
            Long("allow-rejects") => opts.allow_rejects = true,
            Long("out") => out_path = path(&mut p)?,
            _ => return Err(bad(arg.unexpected())),
        }
    }
    let outcome = import::import(&opts);
    let _ = err.write_all(outcome.report.as_bytes());
    if let Some(json) = &outcome.json {
        write_output(out_path.as_deref(), out, json.as_bytes())?;
        if let Some(p) = &out_path {
            let _ = writeln!(
                err,
                "{}",
                crate::messages::msgs(opts.lang).wrote(&p.display())
            );
        }
    }
    Ok(outcome.exit_code)
}

fn schema(mut p: lexopt::Parser, out: &mut dyn Write) -> Result<u8> {
    let mut out_path = None;
    while let Some(arg) = p.next().map_err(bad)? {
        match arg {
            Long("out") => out_path = Some(PathBuf::from(p.value().map_err(bad)?)),
            _ => return Err(bad(arg.unexpected())),
        }
    }
    write_output(out_path.as_deref(), out, schema_text().as_bytes())?;
    Ok(0)
}

/// The JSON Schema as published in `public/schema/v1.json`.
pub fn schema_text() -> String {
    let mut text =
        serde_json::to_string_pretty(&scorecards_core::json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// `synth --geometry NAME`: the fictitious boundary file, written at `NAME` relative to the
/// data file's folder (`--out`'s, `--out-dir`, or the current folder), named by the data.
fn write_geometry(
    doc: &mut scorecards_core::Document,
    seed: u64,
    href: &str,
    out: Option<&Path>,
    dir: Option<&Path>,
) -> Result<()> {
    if !scorecards_core::layout::is_detail_ref(href) {
        return Err(format!(
            "synth: --geometry {href:?} must be a relative path below the data file's folder (e.g. geo/counties.json)"
        ));
    }
    let base = dir
        .or_else(|| out.and_then(Path::parent))
        .unwrap_or_else(|| Path::new(""));
    let path = base.join(href);
    let geo = synth::geometry(doc, seed, href);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let bytes = serde_json::to_vec(&geo).map_err(|e| e.to_string())?;
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn synth_cmd(mut p: lexopt::Parser, out: &mut dyn Write) -> Result<u8> {
    let (mut stations, mut months, mut seed) = (None, None, None);
    let mut out_path: Option<PathBuf> = None;
    let mut pretty = false;
    let mut split_dir: Option<PathBuf> = None;
    let mut layout: Option<String> = None;
    let mut geometry: Option<String> = None;
    while let Some(arg) = p.next().map_err(bad)? {
        match arg {
            Long("geometry") => geometry = Some(text(p.value().map_err(bad)?)?),
            Long("layout") => layout = Some(text(p.value().map_err(bad)?)?),
            Long("out-dir") => split_dir = Some(PathBuf::from(p.value().map_err(bad)?)),
            Long("stations") => {
                stations = Some(number::<usize>("stations", p.value().map_err(bad)?)?)
            }
            Long("months") => months = Some(number::<usize>("months", p.value().map_err(bad)?)?),
            Long("seed") => seed = Some(number::<u64>("seed", p.value().map_err(bad)?)?),
            Long("out") => out_path = Some(PathBuf::from(p.value().map_err(bad)?)),
            Long("pretty") => pretty = true,
            _ => return Err(bad(arg.unexpected())),
        }
    }
    let need = |v: Option<usize>, name: &str| v.ok_or_else(|| format!("synth needs --{name} N"));
    let opts = synth::Options {
        stations: need(stations, "stations")?,
        months: need(months, "months")?,
        seed: seed
            .ok_or("synth needs --seed S (any whole number; the same seed gives the same file)")?,
    };
    if opts.stations > 1_000_000 || opts.months > 1200 {
        return Err("synth: at most 1,000,000 stations and 1,200 months".into());
    }
    let mut doc = synth::generate(&opts);
    if let Some(href) = &geometry {
        write_geometry(
            &mut doc,
            opts.seed,
            href,
            out_path.as_deref(),
            split_dir.as_deref(),
        )?;
    }
    match (layout.as_deref(), &split_dir) {
        (None | Some("single"), None) => {}
        (Some("split"), Some(dir)) => {
            let (index, details) = synth::split(&doc);
            let write = |path: &Path, doc: &scorecards_core::Document| -> Result<()> {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                }
                let file = std::fs::File::create(path)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
                synth::write_json(doc, pretty, &mut w)
                    .and_then(|_| w.flush())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))
            };
            write(&dir.join("index.json"), &index)?;
            for (href, detail) in &details {
                write(&dir.join(href), detail)?;
            }
            writeln!(
                out,
                "Wrote {} (index of {} stations) and {} detail files.",
                dir.join("index.json").display(),
                index.stations.len(),
                details.len()
            )
            .map_err(|e| e.to_string())?;
            return Ok(0);
        }
        _ => return Err("synth: use --layout split together with --out-dir DIR".into()),
    }
    match &out_path {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
            synth::write_json(&doc, pretty, &mut w)
                .and_then(|_| w.flush())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        None => {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, out);
            synth::write_json(&doc, pretty, &mut w)
                .and_then(|_| w.flush())
                .map_err(|e| format!("cannot write the output: {e}"))?;
        }
    }
    Ok(0)
}

fn serve(mut p: lexopt::Parser, out: &mut dyn Write) -> Result<u8> {
    let mut root: Option<PathBuf> = None;
    let mut port: Option<u16> = None;
    let mut bind = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let mut data: Option<PathBuf> = None;
    let mut quiet = false;
    while let Some(arg) = p.next().map_err(bad)? {
        match arg {
            Long("port") => port = Some(number("port", p.value().map_err(bad)?)?),
            Long("bind") => {
                let v = text(p.value().map_err(bad)?)?;
                bind = v
                    .parse()
                    .map_err(|_| format!("--bind {v:?} is not an IP address"))?;
            }
            Long("data") => data = Some(PathBuf::from(p.value().map_err(bad)?)),
            Long("quiet") => quiet = true,
            Value(v) if root.is_none() => root = Some(PathBuf::from(v)),
            _ => return Err(bad(arg.unexpected())),
        }
    }
    let port = match port {
        Some(p) => p,
        None => match std::env::var("PORT") {
            Ok(v) if !v.trim().is_empty() => v.trim().parse().map_err(|_| {
                format!("the PORT environment variable is {v:?}, not a port number")
            })?,
            _ => 8080,
        },
    };
    let root = root.unwrap_or_else(|| PathBuf::from("dist"));
    let mut extra_files = Vec::new();
    let mut links = Vec::new();
    if let Some(data) = &data {
        if data.is_dir() {
            extra_files.push(("/data/user".to_string(), data.clone()));
            let mut names: Vec<String> = std::fs::read_dir(data)
                .map_err(|e| format!("--data {}: {e}", data.display()))?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.to_ascii_lowercase().ends_with(".json"))
                .collect();
            names.sort();
            links = names;
        } else if data.is_file() {
            let name = data
                .file_name()
                .and_then(|n| n.to_str())
                .ok_or_else(|| {
                    format!(
                        "--data {}: the file name must be valid UTF-8",
                        data.display()
                    )
                })?
                .to_string();
            extra_files.push((
                format!("/data/user/{}", server::percent_encode_segment(&name)),
                data.clone(),
            ));
            links.push(name);
        } else {
            return Err(format!(
                "--data {}: no such file or directory",
                data.display()
            ));
        }
    }
    let handle = server::start(
        &root,
        SocketAddr::new(bind, port),
        server::Options {
            extra_files,
            log_requests: !quiet,
            ..server::Options::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let base = handle.base_url();
    let _ = writeln!(out, "Serving {} at {base}/", root.display());
    if let Some(data) = &data {
        let dir = data.is_dir();
        for name in links.iter().take(20) {
            let path = if dir { data.join(name) } else { data.clone() };
            let report = check::check_path(&path, &check::Options::default());
            let verdict = match report.status {
                check::Status::Valid => "valid",
                check::Status::Invalid => "INVALID (run scorecards validate)",
                check::Status::Unusable => "UNUSABLE (run scorecards validate)",
            };
            let _ = writeln!(
                out,
                "Data: {base}/?src=/data/user/{} ({verdict})",
                server::percent_encode_segment(name)
            );
        }
        if links.len() > 20 {
            let _ = writeln!(
                out,
                "… and {} more files under {base}/data/user/",
                links.len() - 20
            );
        }
    }
    let _ = writeln!(out, "Press Ctrl-C to stop.");
    let _ = out.flush();
    handle.wait();
    Ok(0)
}
