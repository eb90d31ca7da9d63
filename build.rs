//! Bundles the corpus at compile time: analyses the folder named by
//! `CORPUS_DIR` (default `seeds`) and writes it as postcard bytes to
//! `$OUT_DIR/corpus.bin`, which the app embeds with `include_bytes!`.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
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
    let bundle = corpus::analyse::bundle(analysis.corpus);
    let bytes = postcard::to_allocvec(&bundle).expect("the corpus model always serialises");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
