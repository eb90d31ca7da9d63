//! Embeds the corpus bundle. The analysis runs once per build, before this,
//! in Trunk's `pre_build` hook (`cargo xtask bundle`, see
//! `xtask/src/bundle.rs`), which writes `target/orrery/bundle.bin` (or into
//! `ORRERY_BUNDLE_DIR`). This script only copies that file to `OUT_DIR`,
//! where `src/data.rs` includes it; it reads no corpus and prints no name
//! from one.
//!
//! Without a bundle (a plain `cargo check`, say) it embeds an empty one, and
//! the app says that no corpus was bundled. A native build embeds nothing:
//! it renders the first view from a bundle it is given (`src/prerender.rs`).

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(orrery_sharded)");
    // Natively the crate renders the first view's HTML at build time, from a
    // bundle it is given (src/prerender.rs): it embeds none, so a new corpus
    // does not rebuild it.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    println!("cargo:rerun-if-env-changed=ORRERY_BUNDLE_DIR");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("ORRERY_BUNDLE_DIR").map_or_else(|| manifest.join("target/orrery"), PathBuf::from);
    let bundle = dir.join("bundle.bin");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    // A path is written after `cargo:` only when it cannot end the directive.
    let shown = bundle.to_str().filter(|p| !p.chars().any(char::is_control));
    match shown {
        Some(path) => println!("cargo:rerun-if-changed={path}"),
        None => panic!("the bundle path {bundle:?} has control characters or is not UTF-8; set ORRERY_BUNDLE_DIR to another folder"),
    }
    let bytes = std::fs::read(&bundle).unwrap_or_else(|_| {
        println!(
            "cargo:warning=no corpus bundle at {}: run `cargo xtask bundle` (build, serve and test do it first)",
            shown.unwrap_or("")
        );
        Vec::new()
    });
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // A sharded corpus's app fetches its parts; an embedded one's has no
    // such code (the hook writes `sharded`: 1 or 0).
    let flag = dir.join("sharded");
    if let Some(path) = flag.to_str().filter(|p| !p.chars().any(char::is_control)) {
        println!("cargo:rerun-if-changed={path}");
    }
    if std::fs::read(&flag).is_ok_and(|f| f == b"1") {
        println!("cargo:rustc-cfg=orrery_sharded");
    }
}
