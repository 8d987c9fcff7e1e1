//! `cargo xtask build`: wasm32 build → wasm-split → wasm-bindgen → wasm-opt → static files,
//! hashed names and precompressed files in `dist/` (see [`build`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::assets::{self, Sizes};
use crate::ensure::{Tools, WASM_TARGET};
use crate::util::{bail, human_duration, human_size, run, run_capturing, Context, Ctx, Result};

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

/// The features of the bundle build: `split` makes `src/parts.rs` split points, which the
/// splitter below turns into modules loaded on first use.
pub const BUNDLE_FEATURES: &str = "split";

pub fn dist_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("dist")
}

/// Builds the app into `dist/`. `release: false` is a debug build without wasm-opt.
///
/// Steps: compile (wasm32, `--features split`) → wasm-split-cli (main module, one module per
/// part, shared chunks, the `__wasm_split.js` loader) → wasm-bindgen on the main module →
/// wasm-opt on every module → `dist/pkg/<hash>/` → static files → hashed stylesheets and the
/// references to them and to the bundle → `.br` and `.gz` files → sizes.
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

    // 1–4. The bundle, into dist/pkg/<hash>/.
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("removing {}", dist.display()))?;
    }
    let staging = ctx.target_dir.join("bundle").join("pkg");
    compile(ctx, tools, release, &staging)?;
    let hash = assets::hash_dir(&staging)?;
    let pkg_rel = format!("pkg/{hash}");
    let pkg = dist.join(&pkg_rel);
    copy_tree(&staging, &pkg)?;

    // 5. Static files.
    fs::copy(&index, dist.join("index.html"))
        .with_context(|| format!("copying {}", index.display()))?;
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

    // 6. Hashed names: the entry files (embed.js, app.js, the pages) load the bundle from
    // its hashed folder and the stylesheets by hashed names; they themselves keep their
    // names (served with `no-cache`).
    let mut renames = vec![(format!("pkg/{OUT_NAME}"), format!("{pkg_rel}/{OUT_NAME}"))];
    renames.extend(assets::hash_styles(&dist)?);
    let changed = assets::rewrite_references(&dist, &renames)?;
    for entry in ["embed.js", "app.js"] {
        assets::expect_reference(&dist, entry, &format!("{pkg_rel}/{OUT_NAME}.js"))?;
    }
    println!("build: hashed names in {changed} entry files (bundle in dist/{pkg_rel}/)");

    // 7. Precompressed copies for `scorecards serve` (and any server that can send them).
    let took = Instant::now();
    let written = assets::precompress(&dist)?;
    println!(
        "build: wrote {written} .br (quality 11) and .gz files in {}",
        human_duration(took.elapsed())
    );

    // 8. Sizes: the first module (what the directory and a scorecard need) and each part.
    print_sizes(ctx, &pkg)?;
    println!(
        "build: done ({profile}) in {}",
        human_duration(started.elapsed())
    );
    Ok(())
}

/// One line per file of the bundle, and the total of what the first view loads.
fn print_sizes(ctx: &Ctx, pkg: &Path) -> Result<()> {
    let mut first = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for file in assets::files_under(pkg)? {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let sizes = Sizes::of(&file)?;
        let first_view = name == format!("{OUT_NAME}_bg.wasm")
            || name == format!("{OUT_NAME}.js")
            || name == SPLIT_LOADER;
        if first_view {
            first.add(&sizes);
        }
        let label = file
            .strip_prefix(&ctx.root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let role = if first_view {
            "  (first view)"
        } else if name.starts_with("split_") || name.starts_with("chunk_") {
            "  (on demand)"
        } else {
            ""
        };
        println!("{}{role}", sizes.line(&label));
    }
    println!(
        "{}",
        first.line("first view: main module + bindings + loader")
    );
    Ok(())
}

/// The chunk loader wasm-split-cli writes (imported by the bindings, loads the parts).
pub const SPLIT_LOADER: &str = "__wasm_split.js";

/// Compiles the app to WebAssembly, splits it, runs wasm-bindgen on the main module and
/// (release) wasm-opt on every module, into `out` (emptied first).
fn compile(ctx: &Ctx, tools: &Tools, release: bool, out: &Path) -> Result<()> {
    let profile = if release { "release" } else { "debug" };
    let mut cargo = ctx.cargo();
    cargo.arg("build");
    if release {
        cargo.arg("--release");
    }
    cargo.args(["--target", WASM_TARGET, "-p", PACKAGE, "--lib"]);
    cargo.args(["--features", BUNDLE_FEATURES]);
    let took = run(&mut cargo, "Fix the compile errors above.")?;
    println!(
        "build: cargo build ({profile}) took {}",
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

    // Split: the main module and one module per part of `src/parts.rs`, plus chunks of code
    // that several parts share, and the loader.
    let split = ctx.target_dir.join("bundle").join("split");
    for dir in [&split, &out.to_path_buf()] {
        if dir.exists() {
            fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
        }
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let (took, said) = run_capturing(
        Command::new(&tools.wasm_split)
            .arg(&wasm_in)
            .arg(&split)
            .args(["--target", "web", "--out-name", OUT_NAME])
            .current_dir(&ctx.root),
        "wasm-split-cli must match the wasm_split_helpers version in Cargo.lock \
         (WASM_SPLIT_VERSION in xtask/src/ensure.rs), and the wasm32 build needs \
         `-Clink-args=--emit-relocs` (.cargo/config.toml).",
    )?;
    println!("build: wasm-split-cli took {}", human_duration(took));
    if said.contains("Overlong segment") {
        // wasm-split gives up splitting the read-only data when aligning a part's share
        // makes it longer than the original, and puts every part's data in the first module
        // (+40 KB once: docs/size-notes.md). The build still works; the first view is larger.
        println!(
            "build: WARNING: wasm-split put every part's read-only data in the first module \
             (\"Overlong segment\" above): the first view is larger than it should be. See \
             docs/size-notes.md, \"the map's PNG export\"."
        );
    }

    let took = run(
        Command::new(&tools.wasm_bindgen)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-lld-exports",
                "--no-demangle",
                "--out-dir",
            ])
            .arg(out)
            .args(["--out-name", OUT_NAME])
            .arg(split.join(format!("{OUT_NAME}.wasm")))
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

    // The loader and the parts' modules go next to the bindings, which import the loader.
    let mut modules = vec![out.join(format!("{OUT_NAME}_bg.wasm"))];
    for file in assets::files_under(&split)? {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let part =
            name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_"));
        if part || name == SPLIT_LOADER {
            fs::copy(&file, out.join(&name))
                .with_context(|| format!("copying {}", file.display()))?;
            if part {
                modules.push(out.join(&name));
            }
        }
    }
    if !out.join(SPLIT_LOADER).is_file() {
        bail!("wasm-split-cli wrote no {SPLIT_LOADER}: does src/parts.rs still declare parts?");
    }

    if release {
        for wasm in &modules {
            let before = file_len(wasm)?;
            let took = run(
                Command::new(&tools.wasm_opt)
                    .arg("-Oz")
                    .args(WASM_OPT_FEATURES)
                    .arg("-o")
                    .arg(wasm)
                    .arg(wasm)
                    .current_dir(&ctx.root),
                "wasm-opt comes from npm binaryen (never Debian's binaryen). If it reports a \
                 feature that is not enabled, add the matching --enable-* flag to \
                 WASM_OPT_FEATURES in xtask/src/bundle.rs.",
            )?;
            println!(
                "build: wasm-opt -Oz {} took {} ({} -> {})",
                wasm.file_name().and_then(|n| n.to_str()).unwrap_or(""),
                human_duration(took),
                human_size(before),
                human_size(file_len(wasm)?)
            );
        }
    } else {
        println!("build: wasm-opt skipped (--dev)");
    }
    Ok(())
}

fn file_len(path: &Path) -> Result<u64> {
    Ok(fs::metadata(path)
        .with_context(|| format!("reading {}", path.display()))?
        .len())
}

/// Copies the files under `from` into `to` (created as needed); returns the file count.
pub fn copy_tree(from: &Path, to: &Path) -> Result<usize> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    let mut count = 0;
    let mut entries: Vec<_> = fs::read_dir(from)
        .with_context(|| format!("reading {}", from.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("reading {}", from.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let src = entry.path();
        let dst = to.join(entry.file_name());
        // Follows symbolic links, like `cp -rL`.
        let meta = fs::metadata(&src).with_context(|| format!("reading {}", src.display()))?;
        if meta.is_dir() {
            count += copy_tree(&src, &dst)?;
        } else {
            fs::copy(&src, &dst)
                .with_context(|| format!("copying {} to {}", src.display(), dst.display()))?;
            count += 1;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

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
