//! Embeds a small corpus's bundle. The analysis runs once per build
//! (`cargo xtask build`, or Trunk's `pre_build` hook `cargo xtask bundle`,
//! see `xtask/src/bundle.rs`), which writes `target/orrery/sharded` and
//! `target/orrery/bundle.bin` (or into `ORRERY_BUNDLE_DIR`). This script
//! copies the bundle to `OUT_DIR`, where `src/data.rs` includes it, unless
//! the corpus is sharded: that app embeds nothing of its corpus, and starts
//! from the head its page names. It reads no corpus and prints no name from
//! one.
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
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    // A path is written after `cargo:` only when it cannot end the directive.
    let shown = |path: &PathBuf| {
        path.to_str().filter(|p| !p.chars().any(char::is_control)).map(str::to_owned).unwrap_or_else(|| {
            panic!("the bundle path {path:?} has control characters or is not UTF-8; set ORRERY_BUNDLE_DIR to another folder")
        })
    };
    // A sharded corpus's app fetches its head and its parts, and embeds
    // nothing of the corpus, so it does not depend on the bundle (which
    // `cargo xtask build` writes while this compiles); an embedded one's
    // has no code for fetching (the hook writes `sharded`: 1 or 0).
    let flag = dir.join("sharded");
    println!("cargo:rerun-if-changed={}", shown(&flag));
    if std::fs::read(&flag).is_ok_and(|f| f == b"1") {
        println!("cargo:rustc-cfg=orrery_sharded");
        std::fs::write(&out, []).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        return;
    }
    let bundle = dir.join("bundle.bin");
    println!("cargo:rerun-if-changed={}", shown(&bundle));
    let bytes = std::fs::read(&bundle).unwrap_or_else(|_| {
        println!(
            "cargo:warning=no corpus bundle at {}: run `cargo xtask bundle` (build, serve and test do it first)",
            shown(&bundle)
        );
        Vec::new()
    });
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
