//! `cargo xtask build`, after the static files: the prerendered views of the bundled data
//! files, written beside them by convention (`dist/data/NAME.rendered/`, docs/embedding.md).
//!
//! The views come from `scorecards render`, which renders the app's own Leptos components
//! natively. xtask does not link it (that would build Leptos into every `cargo xtask`
//! command): it builds and runs the `scorecards` binary with its `render` feature.

use std::path::Path;
use std::process::Command;

use crate::util::{human_duration, run, Ctx, Result};

/// The bundled data files that get prerendered views (under `dist/data/`).
pub const BUNDLED: [&str; 2] = ["seeds.json", "demo-synthetic.json"];

/// Renders the views of the bundled data files in `dist`.
pub fn render_bundled(ctx: &Ctx, dist: &Path) -> Result<()> {
    let took = run(
        ctx.cargo().args([
            "build",
            "--quiet",
            "-p",
            "scorecards-cli",
            "--bin",
            "scorecards",
            "--features",
            "render",
        ]),
        "Fix the compile errors above (the `scorecards` binary renders the prerendered views).",
    )?;
    println!(
        "build: cargo build (scorecards render) took {}",
        human_duration(took)
    );
    let bin = ctx
        .target_dir
        .join("debug")
        .join(format!("scorecards{}", std::env::consts::EXE_SUFFIX));
    for name in BUNDLED {
        let data = dist.join("data").join(name);
        if !data.is_file() {
            println!("build: {} does not exist, not prerendered", data.display());
            continue;
        }
        run(
            Command::new(&bin)
                .arg("render")
                .arg(&data)
                .args(["--lang", "en"])
                .current_dir(&ctx.root),
            "The bundled data file must be valid: run `scorecards validate` on it.",
        )?;
    }
    Ok(())
}
