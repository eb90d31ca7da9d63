//! Bundles the corpus at compile time: analyses the folder named by
//! `CORPUS_DIR` (default `seeds`) and writes it as postcard bytes to
//! `$OUT_DIR/corpus.bin`, which the app embeds with `include_bytes!`.
//!
//! A corpus with more than `ORRERY_EMBED_LIMIT` bytes of text (default
//! 256 KiB) embeds only document summaries and the index; its documents and
//! word positions become static shards, which Trunk's post-build hook
//! (`cargo xtask shards`) writes next to the app.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-env-changed=ORRERY_EMBED_LIMIT");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest_dir.join(std::env::var_os("CORPUS_DIR").unwrap_or_else(|| "seeds".into()));
    // A directory here makes cargo rerun when any file below it changes,
    // including files added or removed.
    println!("cargo:rerun-if-changed={}", dir.display());

    let analysis = match corpus::analyse::analyse_folder(&dir) {
        Ok(analysis) => analysis,
        Err(errors) => {
            eprintln!("{}", corpus::read::describe_errors(&dir, &errors));
            std::process::exit(1);
        }
    };
    for warning in &analysis.warnings {
        println!("cargo:warning={warning}");
    }
    let limit = corpus::analyse::embed_limit_from_env().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let bytes = corpus::analyse::site(analysis.corpus, limit).bundle;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
