//! The corpus, analysed at compile time by `build.rs` and embedded in the wasm.

use std::sync::OnceLock;

use corpus::Corpus;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    // build.rs wrote these bytes from the same model type in the same build,
    // so decoding cannot fail unless the binary itself is corrupt.
    CORPUS.get_or_init(|| postcard::from_bytes(BYTES).unwrap_or_default())
}
