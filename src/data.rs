//! The bundle, analysed at build time (`cargo xtask bundle`) and embedded by
//! `build.rs`. A small corpus is embedded whole and the app makes no request
//! for data; a large one embeds document summaries, and `shards.rs` fetches
//! the rest.

use std::sync::OnceLock;

use orrery_core::filter::Filter;
use orrery_core::search::SearchIndex;
use orrery_core::{Bundle, Corpus};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The decoded bundle, or why it cannot be used.
fn load() -> &'static Result<Bundle, String> {
    static BUNDLE: OnceLock<Result<Bundle, String>> = OnceLock::new();
    BUNDLE.get_or_init(|| decode(BYTES))
}

/// Decodes bundle bytes; an error says what is wrong with them. The build
/// checked the bundle's invariants (`Bundle::check`) before writing it, and
/// the bytes are inside this very wasm, so a decoded bundle is the one the
/// build checked; checking again here cost 2 KB of gzipped wasm.
pub fn decode(bytes: &[u8]) -> Result<Bundle, String> {
    if bytes.is_empty() {
        return Err("No corpus was bundled with this build. Build it with `cargo xtask build`.".into());
    }
    postcard::from_bytes(bytes)
        .map_err(|e| format!("The corpus bundle ({} bytes) cannot be read: {e}. Rebuild the site.", bytes.len()))
}

/// Why the embedded bundle cannot be shown, if it cannot.
pub fn error() -> Option<&'static str> {
    load().as_ref().err().map(String::as_str)
}

/// The embedded bundle (empty when [`error`] says why).
pub fn bundle() -> &'static Bundle {
    static EMPTY: OnceLock<Bundle> = OnceLock::new();
    load().as_ref().unwrap_or_else(|_| EMPTY.get_or_init(Bundle::default))
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

/// The corpus's facets and orders, computed at build time.
pub fn filter() -> &'static Filter {
    &bundle().filter
}

/// The embedded world map.
pub fn world_map() -> &'static orrery_core::WorldMap {
    &bundle().map
}

/// The index of a facet every corpus has (`country`, `speaker`): the
/// build registers it, so it is always there.
pub fn facet_position(key: &str) -> usize {
    filter().position(key).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn a_missing_or_corrupt_bundle_is_an_error_that_says_so() {
        assert!(decode(&[]).unwrap_err().contains("No corpus was bundled"));
        let error = decode(&[0xFF; 64]).unwrap_err();
        assert!(error.contains("bundle (64 bytes) cannot be read"), "{error}");
    }
}
