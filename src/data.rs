//! The bundle, analysed at build time (`cargo xtask bundle`) and embedded by
//! `build.rs`. A small corpus is embedded whole and the app makes no request
//! for data. A large one embeds only the head of its bundle: the unfiltered
//! first view, computed at build time, which paints with nothing else. The
//! whole bundle (document summaries, facets, the index, the map) is fetched
//! once that view is on screen ([`load_body`]); from then on [`bundle`]
//! answers with it, and `shards.rs` fetches texts and word positions.

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

/// The whole bundle, once fetched.
static BODY: OnceLock<Bundle> = OnceLock::new();

/// The embedded bundle (empty when [`error`] says why).
pub fn embedded() -> &'static Bundle {
    static EMPTY: OnceLock<Bundle> = OnceLock::new();
    load().as_ref().unwrap_or_else(|_| EMPTY.get_or_init(Bundle::default))
}

/// The whole bundle if it is here, else the embedded head.
pub fn bundle() -> &'static Bundle {
    BODY.get().unwrap_or_else(embedded)
}

/// Whether only the head is here: the first view, and no more.
pub fn is_head() -> bool {
    bundle().first.is_some()
}

/// Fetches the whole bundle of a large corpus, checks it against the head,
/// and keeps it; [`bundle`] answers with it from then on. An error names
/// the file and what is wrong with it.
pub async fn load_body() -> Result<&'static Bundle, String> {
    let head = embedded();
    let path = head.shards.as_ref().map(|s| s.body_path()).ok_or("this build has no corpus to fetch")?;
    let url = crate::shards::url_of(&path);
    let bytes = crate::shards::fetch_bytes(&url).await?;
    let body: Bundle = postcard::from_bytes(&bytes).map_err(|e| format!("{url} cannot be read: {e}"))?;
    // Fetched, so checked: a file from another build or a broken cache must
    // not show as a wrong corpus.
    body.check().map_err(|e| format!("{url}: {e}"))?;
    if body.first.is_some() || body.corpus.documents.len() != head.total() || body.shards != head.shards {
        return Err(format!("{url} is not this build's corpus; reload the page"));
    }
    Ok(BODY.get_or_init(|| body))
}

/// The corpus: whole documents, or their summaries when sharded (for the
/// text, ask `shards::document`); only the first page's in a head.
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
