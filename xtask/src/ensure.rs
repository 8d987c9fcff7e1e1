//! Installs the tools the build and the tests need, each step skipping itself when the
//! tool is already there. Prints one line per step.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::lockfile;
use crate::util::{self, bail, human_duration, output_of, run, Context, Ctx, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// binaryen major version from npm. Debian's binaryen (108) miscompiles our module.
pub const BINARYEN_MAJOR: &str = "132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CJK_FONT_DIR: &str = "/usr/share/fonts/opentype/noto";
/// wasm-split-cli (crate `wasm_split_cli_support`): the same version as the
/// `wasm_split_helpers` crate Leptos links into the app (Cargo.lock), whose split points it reads.
pub const WASM_SPLIT_VERSION: &str = "0.2.3";
/// leptosfmt, the `view!` formatter the lint step checks with.
pub const LEPTOSFMT_VERSION: &str = "0.1.33";
const BROWSER_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-noto-cjk"];

/// Paths of the build tools.
#[derive(Debug, Clone)]
pub struct Tools {
    pub wasm_bindgen_version: String,
    pub wasm_bindgen: PathBuf,
    pub test_runner: PathBuf,
    pub wasm_opt: PathBuf,
    /// `axe.min.js` from npm axe-core (the accessibility checks in tests/e2e.rs inject it).
    pub axe_js: PathBuf,
    /// `wasm-split-cli`, which cuts the bundle into the modules loaded on first use.
    pub wasm_split: PathBuf,
}

/// Paths of the browser and its WebDriver.
#[derive(Debug, Clone)]
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

fn step(what: &str, status: &str) {
    println!("ensure: {what}: {status}");
}

/// Target, wasm-bindgen CLI and wasm-opt.
pub fn tools(ctx: &Ctx) -> Result<Tools> {
    wasm_target(ctx)?;
    let (wasm_bindgen_version, wasm_bindgen, test_runner) = wasm_bindgen(ctx)?;
    let (wasm_opt, axe_js) = npm_tools(ctx)?;
    let wasm_split = wasm_split(ctx)?;
    Ok(Tools {
        wasm_bindgen_version,
        wasm_bindgen,
        test_runner,
        wasm_opt,
        axe_js,
        wasm_split,
    })
}

pub fn wasm_target(ctx: &Ctx) -> Result<()> {
    let what = format!("rust target {WASM_TARGET}");
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]));
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => {
            step(&what, "already installed");
            Ok(())
        }
        Some(_) => {
            step(&what, "installing");
            let took = run(
                Command::new("rustup")
                    .args(["target", "add", WASM_TARGET])
                    .current_dir(&ctx.root),
                "Check the network connection to static.rust-lang.org.",
            )?;
            step(&what, &format!("installed in {}", human_duration(took)));
            Ok(())
        }
        None => {
            // No rustup: accept a toolchain that already ships the target's standard library.
            let libdir = output_of(Command::new("rustc").args([
                "--print",
                "target-libdir",
                "--target",
                WASM_TARGET,
            ]));
            match libdir {
                Some(dir) if Path::new(dir.trim()).is_dir() => {
                    step(&what, "present (toolchain without rustup)");
                    Ok(())
                }
                _ => bail!(
                    "the {WASM_TARGET} target is missing and `rustup` is not available to add it. \
                     Install Rust with rustup (https://rustup.rs) or add the target's standard \
                     library to your toolchain."
                ),
            }
        }
    }
}

/// rustfmt and clippy (missing from rustup's `minimal` profile).
pub fn rust_components(ctx: &Ctx) -> Result<()> {
    for (component, subcommand) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        let what = format!("rust component {component}");
        let ok = output_of(ctx.cargo().args([subcommand, "--version"])).is_some();
        if ok {
            step(&what, "already installed");
            continue;
        }
        step(&what, "installing");
        run(
            Command::new("rustup")
                .args(["component", "add", component])
                .current_dir(&ctx.root),
            &format!("Install it by hand: `rustup component add {component}`."),
        )?;
        step(&what, "installed");
    }
    Ok(())
}

pub fn wasm_bindgen_root(ctx: &Ctx, version: &str) -> PathBuf {
    ctx.cache
        .join("tools")
        .join(format!("wasm-bindgen-{version}"))
}

/// wasm-bindgen-cli at exactly the version locked in Cargo.lock.
pub fn wasm_bindgen(ctx: &Ctx) -> Result<(String, PathBuf, PathBuf)> {
    let version = lockfile::wasm_bindgen_version(&ctx.root)?;
    let root = wasm_bindgen_root(ctx, &version);
    let bin = root.join("bin");
    let wasm_bindgen = bin.join("wasm-bindgen");
    let test_runner = bin.join("wasm-bindgen-test-runner");
    let what = format!("wasm-bindgen-cli {version}");

    let reported = output_of(Command::new(&wasm_bindgen).arg("--version"));
    if reported_version_matches(reported.as_deref(), &version) && test_runner.is_file() {
        step(&what, &format!("already installed in {}", root.display()));
        return Ok((version, wasm_bindgen, test_runner));
    }

    step(
        &what,
        &format!(
            "installing into {} (takes ~6 min on 2 cores)",
            root.display()
        ),
    );
    let started = Instant::now();
    // No --locked: the CLI's own lock file pins a webpki-roots release that was yanked.
    run(
        Command::new(&ctx.cargo)
            .args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &version,
                "--root",
            ])
            .arg(&root)
            .current_dir(&ctx.root),
        "Check the network connection to crates.io and the build errors above.",
    )?;
    let reported = output_of(Command::new(&wasm_bindgen).arg("--version"));
    if !reported_version_matches(reported.as_deref(), &version) {
        bail!(
            "after installing wasm-bindgen-cli {version}, `{} --version` printed {:?}. \
             Delete {} and retry.",
            wasm_bindgen.display(),
            reported.unwrap_or_default().trim(),
            root.display()
        );
    }
    step(
        &what,
        &format!("installed in {}", human_duration(started.elapsed())),
    );
    Ok((version, wasm_bindgen, test_runner))
}

/// wasm-split-cli [`WASM_SPLIT_VERSION`].
pub fn wasm_split(ctx: &Ctx) -> Result<PathBuf> {
    cargo_tool(
        ctx,
        CargoTool {
            krate: "wasm_split_cli_support",
            version: WASM_SPLIT_VERSION,
            folder: "wasm-split",
            bin: "wasm-split-cli",
            features: &["build-binary"],
            minutes: 4,
        },
    )
}

/// leptosfmt [`LEPTOSFMT_VERSION`], the formatter of `view!` macros (`cargo fmt` leaves
/// them alone).
pub fn leptosfmt(ctx: &Ctx) -> Result<PathBuf> {
    cargo_tool(
        ctx,
        CargoTool {
            krate: "leptosfmt",
            version: LEPTOSFMT_VERSION,
            folder: "leptosfmt",
            bin: "leptosfmt",
            features: &[],
            minutes: 3,
        },
    )
}

/// A binary crate installed with `cargo install`.
struct CargoTool {
    krate: &'static str,
    version: &'static str,
    /// The tool cache's folder is `<folder>-<version>`, so a present binary is the right version.
    folder: &'static str,
    bin: &'static str,
    features: &'static [&'static str],
    /// How long it takes to build on 2 cores, as said while it does.
    minutes: u32,
}

/// Installs `tool` into its folder of the tool cache unless it is there; its binary.
fn cargo_tool(ctx: &Ctx, tool: CargoTool) -> Result<PathBuf> {
    let CargoTool {
        krate,
        version,
        folder,
        bin,
        features,
        minutes,
    } = tool;
    let root = ctx.cache.join("tools").join(format!("{folder}-{version}"));
    let path = root.join("bin").join(bin);
    let what = format!("{bin} {version}");
    if util::is_executable(&path) {
        step(&what, &format!("already installed in {}", root.display()));
        return Ok(path);
    }
    step(
        &what,
        &format!(
            "installing into {} (takes ~{minutes} min on 2 cores)",
            root.display()
        ),
    );
    let mut cmd = Command::new(&ctx.cargo);
    cmd.args(["install", krate, "--version", version]);
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    let took = run(
        cmd.arg("--root").arg(&root).current_dir(&ctx.root),
        "Check the network connection to crates.io and the build errors above.",
    )?;
    if !util::is_executable(&path) {
        bail!(
            "cargo install {krate} finished but {} is missing. Delete {} and retry.",
            path.display(),
            root.display()
        );
    }
    step(&what, &format!("installed in {}", human_duration(took)));
    Ok(path)
}

/// `wasm-bindgen 0.2.130` (possibly followed by more text) matches `0.2.130`.
pub fn reported_version_matches(output: Option<&str>, version: &str) -> bool {
    output
        .and_then(|o| o.split_whitespace().nth(1))
        .is_some_and(|v| v == version)
}

pub fn npm_dir(ctx: &Ctx) -> PathBuf {
    ctx.cache.join("npm")
}

/// binaryen (wasm-opt) and axe-core from npm, in the cache directory. Returns the paths of
/// `wasm-opt` and `axe.min.js`.
pub fn npm_tools(ctx: &Ctx) -> Result<(PathBuf, PathBuf)> {
    let dir = npm_dir(ctx);
    let modules = dir.join("node_modules");
    let wasm_opt = modules.join(".bin").join("wasm-opt");
    let axe_js = modules.join("axe-core").join("axe.min.js");
    let what = format!("npm binaryen@{BINARYEN_MAJOR} + axe-core");

    let binaryen_ok = npm_package_version(&modules.join("binaryen"))
        .is_some_and(|v| v.split('.').next() == Some(BINARYEN_MAJOR));
    let axe_ok = npm_package_version(&modules.join("axe-core")).is_some() && axe_js.is_file();
    if wasm_opt.exists() && binaryen_ok && axe_ok {
        step(&what, &format!("already installed in {}", dir.display()));
        return Ok((wasm_opt, axe_js));
    }

    if util::which("npm").is_none() {
        step("nodejs + npm", "missing, installing with apt-get");
        apt_install(ctx, &["nodejs", "npm"])?;
        if util::which("npm").is_none() {
            bail!("npm is still not on PATH after installing nodejs and npm; install Node.js 18+ with npm and retry");
        }
    }

    step(&what, &format!("installing into {}", dir.display()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let took = run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .args([&format!("binaryen@{BINARYEN_MAJOR}"), "axe-core"])
            .current_dir(&dir),
        "Check the network connection to registry.npmjs.org.",
    )?;
    for file in [&wasm_opt, &axe_js] {
        if !file.exists() {
            bail!(
                "npm install finished but {} is missing. Delete {} and retry.",
                file.display(),
                dir.display()
            );
        }
    }
    step(&what, &format!("installed in {}", human_duration(took)));
    Ok((wasm_opt, axe_js))
}

/// The `version` field of `<dir>/package.json`.
fn npm_package_version(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("package.json")).ok()?;
    json_string_field(&text, "version")
}

/// First `"key": "value"` in a JSON text (good enough for package.json's version).
pub fn json_string_field(json: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let mut rest = json;
    while let Some(pos) = rest.find(&needle) {
        let after = rest[pos + needle.len()..].trim_start();
        if let Some(value) = after.strip_prefix(':') {
            let value = value.trim_start().strip_prefix('"')?;
            return value.find('"').map(|end| value[..end].to_string());
        }
        rest = &rest[pos + needle.len()..];
    }
    None
}

/// chromium, chromedriver and CJK fonts (for the browser tests).
pub fn browser(ctx: &Ctx) -> Result<Browser> {
    let have = |what: &str, ok: bool| {
        step(what, if ok { "present" } else { "missing" });
        ok
    };
    let chromium_ok = have(CHROMIUM, util::is_executable(Path::new(CHROMIUM)));
    let driver_ok = have(CHROMEDRIVER, util::is_executable(Path::new(CHROMEDRIVER)));
    let fonts_ok = have("CJK fonts", cjk_fonts_present());
    if !(chromium_ok && driver_ok && fonts_ok) {
        step(
            "browser packages",
            &format!("installing {} with apt-get", BROWSER_PACKAGES.join(" ")),
        );
        apt_install(ctx, &BROWSER_PACKAGES)?;
        for path in [CHROMIUM, CHROMEDRIVER] {
            if !util::is_executable(Path::new(path)) {
                bail!("{path} is still missing after `apt-get install {}`; on a non-Debian system install Chromium and its chromedriver so that they are at {CHROMIUM} and {CHROMEDRIVER}", BROWSER_PACKAGES.join(" "));
            }
        }
        if !cjk_fonts_present() {
            bail!("no Chinese fonts found after installing fonts-noto-cjk (`fc-list :lang=zh` is empty)");
        }
        step("browser packages", "installed");
    }
    Ok(Browser {
        chromium: PathBuf::from(CHROMIUM),
        chromedriver: PathBuf::from(CHROMEDRIVER),
    })
}

fn cjk_fonts_present() -> bool {
    let listed = output_of(Command::new("fc-list").arg(":lang=zh"))
        .is_some_and(|out| !out.trim().is_empty());
    listed || Path::new(CJK_FONT_DIR).is_dir()
}

/// `apt-get update && apt-get install -y --no-install-recommends <packages>`, as root
/// directly or through sudo.
pub fn apt_install(ctx: &Ctx, packages: &[&str]) -> Result<()> {
    let manual = format!(
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends {}",
        packages.join(" ")
    );
    if util::which("apt-get").is_none() {
        bail!("{} must be installed, but apt-get is not available on this system. Install the equivalent packages with your package manager and retry.", packages.join(", "));
    }
    let prefix: Vec<String> = if is_root() {
        Vec::new()
    } else if util::which("sudo").is_some() {
        let mut p = vec!["sudo".to_string()];
        if !util::interactive(ctx) {
            // Never hang on a password prompt in CI.
            p.push("-n".to_string());
        }
        p
    } else {
        bail!(
            "installing {} needs root, and this user is not root and has no sudo. Run as root: {manual}",
            packages.join(" ")
        );
    };
    let apt = |args: &[&str]| {
        let mut cmd = Command::new(prefix.first().map(String::as_str).unwrap_or("env"));
        if !prefix.is_empty() {
            cmd.args(&prefix[1..]).arg("env");
        }
        cmd.arg("DEBIAN_FRONTEND=noninteractive")
            .arg("apt-get")
            .args(args);
        cmd
    };
    let hint = format!("Install the packages by hand and retry: {manual}");
    run(&mut apt(&["update"]), &hint)?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend_from_slice(packages);
    run(&mut apt(&install), &hint)?;
    Ok(())
}

fn is_root() -> bool {
    output_of(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasm_bindgen_version_output() {
        assert!(reported_version_matches(
            Some("wasm-bindgen 0.2.130\n"),
            "0.2.130"
        ));
        assert!(!reported_version_matches(
            Some("wasm-bindgen 0.2.1300"),
            "0.2.130"
        ));
        assert!(!reported_version_matches(
            Some("wasm-bindgen 0.2.129"),
            "0.2.130"
        ));
        assert!(!reported_version_matches(None, "0.2.130"));
    }

    #[test]
    fn package_json_version() {
        let json = r#"{ "name": "binaryen", "description": "has \"version\" inside",
            "version": "132.0.0", "dependencies": { "x": { "version": "1" } } }"#;
        // The description's escaped quotes do not fool the scan into a wrong value.
        assert_eq!(json_string_field(json, "name").as_deref(), Some("binaryen"));
        assert_eq!(
            json_string_field(json, "version").as_deref(),
            Some("132.0.0")
        );
        assert_eq!(
            json_string_field(r#"{"version" : "4.11.0"}"#, "version").as_deref(),
            Some("4.11.0")
        );
        assert_eq!(json_string_field("{}", "version"), None);
    }
}
