//! Installs what a task needs and is missing, checking versions so that a
//! second run is quick. The traps (see DEVELOPERS.md): Trunk 0.22 needs a newer
//! rustc; `wasm-bindgen-cli` must match Cargo.lock exactly and must be installed
//! WITHOUT `--locked`; Debian's binaryen 108 produces wasm that fails in the
//! browser, so wasm-opt comes from npm `binaryen@132`.

use std::path::Path;

use crate::cmd::{cargo_bin, command, output, root, run};

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// Building the app: wasm target, Trunk, wasm-bindgen, npm packages.
    Build,
    /// Also the browsers and their drivers, for the browser test layers:
    /// Chromium and ChromeDriver, Firefox ESR and geckodriver, WebKitGTK's
    /// WebKitWebDriver and Xvfb.
    Browser,
}

/// The geckodriver that Debian's Firefox ESR is tested with, built from
/// crates.io (about three minutes, once).
pub const GECKODRIVER_VERSION: &str = "0.37.1";

pub fn ensure(need: Need) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()?;
    if need >= Need::Browser {
        ensure_chromium()?;
        ensure_engines()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output(command("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    println!("xtask: installing the {WASM_TARGET} target");
    run(command("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_trunk() -> Result<(), String> {
    let version = output(command("trunk").arg("--version")).unwrap_or_default();
    if version.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
        return Ok(());
    }
    println!("xtask: installing Trunk {TRUNK_VERSION} (about ten minutes, once)");
    run(command("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// The `wasm-bindgen` version pinned in Cargo.lock.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    let have = output(command("wasm-bindgen").arg("--version")).unwrap_or_default();
    let runner = cargo_bin().join("wasm-bindgen-test-runner");
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) && runner.exists() {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {wanted} (the version in Cargo.lock)");
    // Not --locked: with it, one of its pinned dependencies is missing from the registry.
    run(command("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

fn ensure_npm_packages() -> Result<(), String> {
    let e2e = root().join("e2e");
    let lock = e2e.join("package-lock.json");
    let installed = e2e.join("node_modules/.package-lock.json");
    let wasm_opt_ok = output(command("wasm-opt").arg("--version")).is_some_and(|v| v.contains("version 132"));
    if wasm_opt_ok && is_newer_or_same(&installed, &lock) {
        return Ok(());
    }
    println!("xtask: installing the npm packages from e2e/package-lock.json (npm ci)");
    run(command("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&e2e))?;
    let version = output(command("wasm-opt").arg("--version")).unwrap_or_default();
    if !version.contains("version 132") {
        return Err(format!("wasm-opt on PATH is `{version}`, not binaryen 132 from e2e/node_modules"));
    }
    Ok(())
}

fn is_newer_or_same(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a >= b)
}

fn ensure_chromium() -> Result<(), String> {
    ensure_debian(&["/usr/bin/chromium", "/usr/bin/chromedriver"], &["chromium", "chromium-driver"])
}

/// Firefox ESR with geckodriver, and WebKitGTK's driver with Xvfb (its
/// MiniBrowser has no headless mode).
fn ensure_engines() -> Result<(), String> {
    ensure_debian(
        &["/usr/bin/firefox-esr", "/usr/bin/WebKitWebDriver", "/usr/bin/xvfb-run"],
        &["firefox-esr", "webkit2gtk-driver", "xvfb"],
    )?;
    let have = output(command("geckodriver").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(GECKODRIVER_VERSION) {
        return Ok(());
    }
    println!("xtask: installing geckodriver {GECKODRIVER_VERSION} (about three minutes, once)");
    run(command("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION]))
}

/// Installs Debian `packages` unless every one of `files` is there.
fn ensure_debian(files: &[&str], packages: &[&str]) -> Result<(), String> {
    if files.iter().all(|f| Path::new(f).exists()) {
        return Ok(());
    }
    let install = format!("apt-get update && apt-get install -y {}", packages.join(" "));
    if output(command("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!("{} missing; run: sudo sh -c '{install}'", packages.join(", ")));
    }
    println!("xtask: installing Debian's {}", packages.join(", "));
    run(command("apt-get").arg("update"))?;
    run(command("apt-get").arg("install").arg("-y").args(packages).env("DEBIAN_FRONTEND", "noninteractive"))
}
