//! The corpus and its search index, analysed at compile time by `build.rs`
//! and embedded in the wasm. A small corpus is embedded whole and the app
//! makes no request for data; a large one embeds document summaries, and
//! `shards.rs` fetches the rest.

use std::sync::OnceLock;

use corpus::search::SearchIndex;
use corpus::{Bundle, Corpus};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    // build.rs wrote these bytes from the same model types in the same build,
    // so decoding cannot fail unless the binary itself is corrupt; an empty
    // corpus then shows instead of a crash.
    BUNDLE.get_or_init(|| postcard::from_bytes(BYTES).unwrap_or_default())
}

/// The embedded corpus: whole documents, or their summaries when sharded
/// (for the text, ask `shards::document`).
pub fn corpus() -> &'static Corpus {
    &bundle().corpus
}

/// The embedded search index.
pub fn index() -> &'static SearchIndex {
    &bundle().index
}

/// The corpus's facet values and orders, computed at build time.
pub fn filter() -> &'static corpus::filter::Filter {
    &bundle().filter
}

/// The embedded world map.
pub fn world_map() -> &'static corpus::WorldMap {
    &bundle().map
}
