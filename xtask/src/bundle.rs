//! `cargo xtask build`: wasm32 build → wasm-bindgen → wasm-opt → static files in `dist/`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::ensure::{Tools, WASM_TARGET};
use crate::util::{bail, human_duration, human_size, run, Context, Ctx, Result};

pub const PACKAGE: &str = "station-scorecards";
pub const OUT_NAME: &str = "station_scorecards";

/// Features the wasm32-unknown-unknown target of rustc 1.95 (LLVM 22) enables by default
/// (`rustc --print cfg --target wasm32-unknown-unknown`), plus the two that LLVM turns on
/// with them (`bulk-memory-opt` with bulk-memory, `call-indirect-overlong` with
/// reference-types). wasm-opt must accept all of them or it rejects the module.
pub const WASM_OPT_FEATURES: [&str; 8] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
];

/// One bundle: where it goes under `dist/` and the cargo feature arguments that make it.
pub struct Variant {
    /// Directory under `dist/`.
    pub dir: &'static str,
    /// Extra `cargo build` arguments.
    pub cargo_args: &'static [&'static str],
}

/// The full bundle, and the lite one for pages that show only the directory and scorecards.
pub const VARIANTS: [Variant; 2] = [
    Variant {
        dir: "pkg",
        cargo_args: &[],
    },
    Variant {
        dir: "pkg-lite",
        // `csr` is a feature of its own since the prerendering work (`ssr` is the other one).
        cargo_args: &["--no-default-features", "--features", "csr"],
    },
];

pub fn dist_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("dist")
}

/// Builds the app into `dist/`. `release: false` is a debug build without wasm-opt.
pub fn build(ctx: &Ctx, tools: &Tools, release: bool) -> Result<()> {
    let started = Instant::now();
    let profile = if release { "release" } else { "debug" };
    let dist = dist_dir(ctx);

    let index = ctx.root.join("index.html");
    if !index.is_file() {
        bail!(
            "{} is missing: the app's HTML page must be at the repository root",
            index.display()
        );
    }

    // 1–3. The full bundle into dist/pkg/, then the lite one (no comparison or league
    // table) into dist/pkg-lite/: compile, bindings, size optimisation.
    if dist.exists() {
        fs::remove_dir_all(&dist).context(|| format!("removing {}", dist.display()))?;
    }
    let mut outputs = Vec::new();
    for variant in VARIANTS {
        outputs.push(compile(ctx, tools, release, &variant, &dist)?);
    }

    // 4. Static files.
    fs::copy(&index, dist.join("index.html")).context(|| format!("copying {}", index.display()))?;
    let mut copied = 1;
    for (from, to) in [
        (ctx.root.join("public"), dist.clone()),
        (ctx.root.join("style"), dist.join("style")),
    ] {
        if from.is_dir() {
            copied += copy_tree(&from, &to)?;
        } else {
            println!("build: {} does not exist, skipped", from.display());
        }
    }
    println!(
        "build: copied {copied} static files (index.html, public/, style/) into {}",
        dist.display()
    );
    crate::prerender::render_bundled(ctx, &dist)?;

    // 5. The lite loader: embed.js with the lite bundle's path.
    let embed = fs::read_to_string(dist.join("embed.js"))
        .context(|| "reading dist/embed.js".to_string())?;
    let lite = embed.replace("pkg/station_scorecards", "pkg-lite/station_scorecards").replace(
        "// station-scorecards embed loader.",
        "// station-scorecards embed loader, LITE bundle: directory and scorecards only (no\n// comparison or league table), for pages that show nothing else. Generated from embed.js\n// by `cargo xtask build`.",
    );
    if !lite.contains("pkg-lite/station_scorecards_bg.wasm")
        || lite.contains("'pkg/")
        || lite.contains("/pkg/")
    {
        bail!(
            "embed.js no longer imports ./pkg/: update the lite loader step in xtask/src/bundle.rs"
        );
    }
    fs::write(dist.join("embed-lite.js"), lite)
        .context(|| "writing dist/embed-lite.js".to_string())?;

    // 6. Sizes.
    for file in outputs.iter().flat_map(|(wasm, js)| [wasm, js]) {
        let bytes = fs::read(file).context(|| format!("reading {}", file.display()))?;
        println!(
            "build: {:<40} {:>10} raw {:>10} gzip -9",
            file.strip_prefix(&ctx.root).unwrap_or(file).display(),
            human_size(bytes.len() as u64),
            human_size(gzip_len(&bytes))
        );
    }
    println!(
        "build: done ({profile}) in {}",
        human_duration(started.elapsed())
    );
    Ok(())
}

/// Compiles one variant to WebAssembly, runs wasm-bindgen into `dist/<dir>/` and (release)
/// wasm-opt. Returns the paths of the `.wasm` and `.js` it wrote.
fn compile(
    ctx: &Ctx,
    tools: &Tools,
    release: bool,
    variant: &Variant,
    dist: &Path,
) -> Result<(PathBuf, PathBuf)> {
    let profile = if release { "release" } else { "debug" };
    let mut cargo = ctx.cargo();
    cargo.arg("build");
    if release {
        cargo.arg("--release");
    }
    cargo.args(["--target", WASM_TARGET, "-p", PACKAGE, "--lib"]);
    cargo.args(variant.cargo_args);
    let took = run(&mut cargo, "Fix the compile errors above.")?;
    println!(
        "build: cargo build ({profile}, {}) took {}",
        variant.dir,
        human_duration(took)
    );

    let wasm_in = ctx
        .target_dir
        .join(WASM_TARGET)
        .join(profile)
        .join(format!("{OUT_NAME}.wasm"));
    if !wasm_in.is_file() {
        bail!(
            "cargo build succeeded but {} is missing; is the root crate's crate-type \"cdylib\"?",
            wasm_in.display()
        );
    }

    let pkg = dist.join(variant.dir);
    fs::create_dir_all(&pkg).context(|| format!("creating {}", pkg.display()))?;
    let took = run(
        Command::new(&tools.wasm_bindgen)
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&pkg)
            .args(["--out-name", OUT_NAME])
            .arg(&wasm_in)
            .current_dir(&ctx.root),
        &format!(
            "wasm-bindgen {} must match the wasm-bindgen crate version in Cargo.lock; \
             delete {} to force a reinstall.",
            tools.wasm_bindgen_version,
            tools
                .wasm_bindgen
                .parent()
                .unwrap_or(Path::new(""))
                .display()
        ),
    )?;
    println!("build: wasm-bindgen took {}", human_duration(took));

    let wasm_out = pkg.join(format!("{OUT_NAME}_bg.wasm"));
    let js_out = pkg.join(format!("{OUT_NAME}.js"));
    if release {
        let before = file_len(&wasm_out)?;
        let took = run(
            Command::new(&tools.wasm_opt)
                .arg("-Oz")
                .args(WASM_OPT_FEATURES)
                .arg("-o")
                .arg(&wasm_out)
                .arg(&wasm_out)
                .current_dir(&ctx.root),
            "wasm-opt comes from npm binaryen (never Debian's binaryen). If it reports a \
             feature that is not enabled, add the matching --enable-* flag to \
             WASM_OPT_FEATURES in xtask/src/bundle.rs.",
        )?;
        println!(
            "build: wasm-opt -Oz took {} ({} -> {})",
            human_duration(took),
            human_size(before),
            human_size(file_len(&wasm_out)?)
        );
    } else {
        println!("build: wasm-opt skipped (--dev)");
    }
    Ok((wasm_out, js_out))
}

fn file_len(path: &Path) -> Result<u64> {
    Ok(fs::metadata(path)
        .context(|| format!("reading {}", path.display()))?
        .len())
}

/// Size of `bytes` after gzip at the best compression level.
pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len() as u64).unwrap_or(0)
}

/// Copies the files under `from` into `to` (created as needed); returns the file count.
pub fn copy_tree(from: &Path, to: &Path) -> Result<usize> {
    fs::create_dir_all(to).context(|| format!("creating {}", to.display()))?;
    let mut count = 0;
    let mut entries: Vec<_> = fs::read_dir(from)
        .context(|| format!("reading {}", from.display()))?
        .collect::<Result<_, _>>()
        .context(|| format!("reading {}", from.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let src = entry.path();
        let dst = to.join(entry.file_name());
        // Follows symbolic links, like `cp -rL`.
        let meta = fs::metadata(&src).context(|| format!("reading {}", src.display()))?;
        if meta.is_dir() {
            count += copy_tree(&src, &dst)?;
        } else {
            fs::copy(&src, &dst)
                .context(|| format!("copying {} to {}", src.display(), dst.display()))?;
            count += 1;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_shrinks_repetitive_data() {
        let data = vec![b'a'; 10_000];
        let len = gzip_len(&data);
        assert!(len > 0 && len < 200, "{len}");
    }

    #[test]
    fn copies_trees() {
        let base = std::env::temp_dir().join(format!("xtask-copy-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        fs::create_dir_all(base.join("src/data/deep")).unwrap();
        fs::write(base.join("src/app.js"), "js").unwrap();
        fs::write(base.join("src/data/deep/x.json"), "{}").unwrap();
        let n = copy_tree(&base.join("src"), &base.join("out")).unwrap();
        assert_eq!(n, 2);
        assert_eq!(
            fs::read_to_string(base.join("out/data/deep/x.json")).unwrap(),
            "{}"
        );
        fs::remove_dir_all(&base).unwrap();
    }
}
