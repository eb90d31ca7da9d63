//! The corpus, analysed at build time (`cargo xtask bundle`) and embedded by
//! `build.rs`. A small corpus is embedded whole and the app makes no request
//! for data. A large one embeds nothing of its corpus and starts from the
//! head of its bundle, which its page names and preloads beside the app
//! (`fetch_head`): the unfiltered first view, computed at build time,
//! which paints with nothing else, with
//! the countries and the names that view shows (a large facet's others come
//! with the filter, and each fetched part names its own). Everything else is
//! a shard, asked for here when a view needs it (`shards.rs` fetches it):
//! the facets and dates, the search index, the order by title, the
//! quotations by speaker, the map, the slugs, and the documents' summaries
//! in chunks. So the first view costs the same at any
//! size, and each interaction fetches only what it needs.

use std::sync::OnceLock;

use leptos::prelude::untrack;

use orrery_core::facet::{Facet, FacetValue};
use orrery_core::filter::{search_only, Filter, QuoteSpeakers, Results, Titles};
use orrery_core::model::{Shards, Slugs};
use orrery_core::search::{FoldTable, SearchIndex};
use orrery_core::state::{Catalog, Selection, Sort};
use orrery_core::{Bundle, Corpus, Date, Document, WorldMap};

use crate::shards::{ask, ask_named, known_name, Loaded, LoadedPositions};

/// The bundle `build.rs` embeds in the app (none for a sharded corpus).
#[cfg(target_arch = "wasm32")]
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The bundle: embedded, or a sharded corpus's head once `fetch_head`
/// has set it.
#[cfg(target_arch = "wasm32")]
static BUNDLE: OnceLock<Result<Bundle, String>> = OnceLock::new();

/// The decoded bundle, or why it cannot be used.
#[cfg(target_arch = "wasm32")]
fn load() -> &'static Result<Bundle, String> {
    BUNDLE.get_or_init(|| decode(BYTES))
}

/// Fetches a sharded corpus's head, which the page names and preloads
/// beside the app (`xtask::page::preload_head`), and makes it the bundle;
/// or says why it cannot be loaded. The app embeds nothing of a sharded
/// corpus, so that it does not depend on one: the build compiles it while
/// the corpus is analysed.
#[cfg(all(target_arch = "wasm32", orrery_sharded))]
pub async fn fetch_head() -> Result<(), String> {
    let head = async {
        let link = crate::url::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("orrery-head"))
            .and_then(|link| link.get_attribute("href"));
        let path = link
            .filter(|path| orrery_core::model::is_head_path(path))
            .ok_or("This page does not name its corpus's head. Rebuild the site with `cargo xtask build`.")?;
        let url = crate::shards::url_of(&path);
        let bytes = crate::shards::fetch_bytes(&url)
            .await
            .map_err(|e| format!("The corpus's head could not be loaded: {e}. Reload the page to try again."))?;
        decode(&bytes).map_err(|e| format!("{url}: {e}"))
    };
    let _ = BUNDLE.set(Ok(head.await?));
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// Natively (the build's first-view HTML, `crate::prerender`), the
    /// bundle this thread renders: given, not embedded, so that the native
    /// build does not depend on the corpus.
    static GIVEN: std::cell::Cell<Option<&'static Result<Bundle, String>>> = const { std::cell::Cell::new(None) };
}

/// The decoded bundle, or why it cannot be used.
#[cfg(not(target_arch = "wasm32"))]
fn load() -> &'static Result<Bundle, String> {
    static NONE: OnceLock<Result<Bundle, String>> = OnceLock::new();
    GIVEN.with(std::cell::Cell::get).unwrap_or_else(|| NONE.get_or_init(|| decode(&[])))
}

/// Natively, makes `bytes` the bundle this thread's views read. (Each call
/// keeps its bundle for the life of the process, as the app's is.)
#[cfg(not(target_arch = "wasm32"))]
pub fn use_bundle(bytes: &[u8]) -> Result<(), String> {
    let loaded: &'static Result<Bundle, String> = Box::leak(Box::new(decode(bytes)));
    GIVEN.with(|given| given.set(Some(loaded)));
    loaded.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Decodes bundle bytes; an error says what is wrong with them. The build
/// checked the bundle's invariants (`Bundle::check`) before writing it, and
/// the bytes are inside this very wasm, or a sharded corpus's head in a
/// folder named by their hash beside it, served with it, so a decoded
/// bundle is the one the build checked; checking again here cost 2 KB of
/// gzipped wasm.
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

/// The embedded bundle: the whole corpus, or the head of a large one
/// (empty when [`error`] says why).
pub fn embedded() -> &'static Bundle {
    static EMPTY: OnceLock<Bundle> = OnceLock::new();
    load().as_ref().unwrap_or_else(|_| EMPTY.get_or_init(Bundle::default))
}

/// The shards of a large corpus whose parts are fetched. (An app built for
/// an embedded corpus has none, and no code to fetch them.)
fn parts() -> Option<&'static Shards> {
    shards().filter(|_| embedded().first.is_some())
}

/// The shards of a corpus whose texts are not embedded.
pub fn shards() -> Option<&'static Shards> {
    // Natively (the first-view HTML) nothing is fetched: a large corpus's
    // parts stay on their way, as they are when the app first paints.
    if cfg!(target_arch = "wasm32") && !cfg!(orrery_sharded) {
        return None;
    }
    embedded().shards.as_ref()
}

/// The corpus's countries, and an embedded corpus's speakers and sources
/// (ask [`name`] for one: a head has none). Its documents are a head's
/// first page only: ask [`summary`] for one.
pub fn corpus() -> &'static Corpus {
    &embedded().corpus
}

/// How many articles the corpus has.
pub fn total() -> usize {
    embedded().total()
}

/// Every facet's key, label and values in display order, as embedded. (A
/// head's facets hold no documents, and a large facet's only the values of
/// its first view: [`facet`] and [`whole_facet`] give more.)
pub fn facets() -> &'static [Facet] {
    embedded().filter.facets()
}

/// Facet `i` as far as it is here: a large corpus's whole facet once its
/// filter has arrived, else the embedded one (a head's holds the values of
/// its first view). Asks for nothing.
pub fn facet(i: usize) -> Option<&'static Facet> {
    facets_here().get(i)
}

/// Every facet as far as it is here (see [`facet`]).
fn facets_here() -> &'static [Facet] {
    match parts().and_then(|shards| crate::shards::held_as::<Filter>(&shards.filter_path())) {
        Some(whole) => whole.facets(),
        None => facets(),
    }
}

/// Facet `i` with every value: the embedded one when it is whole, else
/// from the filter, asked for here.
pub fn whole_facet(i: usize) -> Loaded<&'static Facet> {
    match facets().get(i) {
        Some(f) if f.is_whole() => Loaded::Ready(f),
        Some(_) => filter().and_then(|whole| match whole.facets().get(i) {
            Some(f) => Loaded::Ready(f),
            None => Loaded::Failed(format!("the filter has no facet {i}")),
        }),
        None => Loaded::Failed(format!("there is no facet {i}")),
    }
}

/// Value `id` of facet `i`, if it is here: in the facet as far as it is
/// here, or named by a fetched part.
pub fn value(i: usize, id: u32) -> Option<&'static FacetValue> {
    facet(i)?.value(id).or_else(|| known_name(i, id))
}

/// A speaker's or source's name: the label of value `id` of the facet
/// `key`, if it is here (see [`names`]).
pub fn name(key: &str, id: u32) -> Option<String> {
    value(facet_position(key), id).map(|v| v.label.clone())
}

/// Whether the names a document's card or reader shows (its speakers and
/// source) are here. A large corpus's head holds its first page's, and
/// every other part names its own ([`orrery_core::Named`]); failing that,
/// the filter, asked for here, has every name.
pub fn names(doc: &Document) -> Loaded<()> {
    let speakers = doc.quotes.iter().filter_map(|q| q.speaker).map(|s| ("speaker", s));
    let mut named = speakers.chain(doc.source.map(|s| ("source", s)));
    if named.all(|(key, id)| value(facet_position(key), id).is_some()) {
        Loaded::Ready(())
    } else {
        filter().map(|_| ())
    }
}

/// A document once the names it shows are here too (see [`names`]).
pub fn named(doc: Loaded<&'static Document>) -> Loaded<&'static Document> {
    doc.and_then(|doc| names(doc).map(|()| doc))
}

/// Every facet with every value, for a download: a large corpus's filter,
/// fetched if need be, or why it cannot be loaded.
pub async fn whole_facets() -> Result<&'static [Facet], String> {
    match parts() {
        Some(shards) => crate::shards::arrived::<Filter>(shards.filter_path()).await.map(Filter::facets),
        None => Ok(facets()),
    }
}

/// Whether the corpus has any date.
pub fn has_dates() -> bool {
    !embedded().filter.dates().values().is_empty()
}

/// The dates `results` counts, ascending: every distinct date of the corpus,
/// or a head's timeline bars for its first view.
pub fn dates_of(results: &Results) -> &'static [Date] {
    // A head's bars need no filter, so are not asked for it.
    let whole = || filter().ready();
    results.bars.map_or_else(whole, |_| None).unwrap_or(&embedded().filter).dates().values()
}

/// How the search folds text.
pub fn fold() -> &'static FoldTable {
    &embedded().index.fold
}

/// A part of a large corpus, or the embedded bundle's.
fn part<T: serde::de::DeserializeOwned + 'static>(
    path: fn(&Shards) -> String,
    whole: fn(&'static Bundle) -> &'static T,
) -> Loaded<&'static T> {
    match parts() {
        Some(shards) => ask::<T>(path(shards)),
        None => Loaded::Ready(whole(embedded())),
    }
}

/// The facets with their documents, and the dates.
pub fn filter() -> Loaded<&'static Filter> {
    part(Shards::filter_path, |b| &b.filter)
}

/// The order by title: a selection sorted by title waits for it.
pub fn titles() -> Loaded<&'static Titles> {
    part(Shards::titles_path, |b| &b.titles)
}

/// Each document's quotations by speaker: the Quotes view waits for it.
pub fn quote_speakers() -> Loaded<&'static QuoteSpeakers> {
    part(Shards::quotes_path, |b| &b.quotes)
}

/// The search index.
pub fn index() -> Loaded<&'static SearchIndex> {
    part(Shards::index_path, |b| &b.index)
}

/// The world map.
pub fn world_map() -> Loaded<&'static WorldMap> {
    part(Shards::map_path, |b| &b.map)
}

/// Document `doc`'s summary: what cards, lists and the reader's header show.
pub fn summary(doc: u32) -> Loaded<&'static Document> {
    if let Some(summary) = embedded().summary(doc) {
        return Loaded::Ready(summary);
    }
    // A whole document is a summary too (see [`card_document`]).
    if let Some(whole) = parts().and_then(|_| crate::shards::held_document(doc as usize)) {
        return Loaded::Ready(whole);
    }
    let missing = || Loaded::Failed(format!("there is no article {doc}"));
    match parts() {
        Some(shards) if (doc as usize) < total() => match ask_named::<Vec<Document>>(shards.summaries_path(doc)) {
            Loaded::Ready(chunk) => chunk.get((doc % shards.chunk.max(1)) as usize).map_or_else(missing, Loaded::Ready),
            Loaded::Pending => Loaded::Pending,
            Loaded::Failed(e) => Loaded::Failed(e),
        },
        _ => missing(),
    }
}

/// Document `doc` for a card: its summary, or, for a card that shows a
/// passage of its text (a search's), a large corpus's whole document,
/// which is a summary too. One fetch, not a chunk of summaries and then the
/// text: a cold search at 100,000 articles asked for 30 files, not 15.
/// (A summary already asked for is used as it is.)
pub fn card_document(doc: u32, text: bool) -> Loaded<&'static Document> {
    match parts() {
        Some(shards)
            if text && embedded().summary(doc).is_none() && !crate::shards::asked(&shards.summaries_path(doc)) =>
        {
            crate::shards::document(doc as usize)
        }
        _ => summary(doc),
    }
}

/// The document with this slug, if there is one.
pub fn find_slug(slug: &str) -> Loaded<Option<u32>> {
    if let Some(doc) = embedded().document_by_slug(slug) {
        return Loaded::Ready(Some(doc));
    }
    match parts() {
        Some(shards) => ask::<Slugs>(shards.slugs_path()).map(|slugs| slugs.find(slug)),
        None => Loaded::Ready(None),
    }
}

/// Asks for what any search needs, once the first view is painted: the
/// index without its terms, so that a first search waits for its words
/// alone. (The filter waits for [`run`]'s `counts`.)
pub fn prefetch() {
    let _ = index();
}

/// Asks for the filter ahead of an interaction that needs it: the pointer
/// or the focus has entered the facets, the timeline or the sort menu
/// (which the page's first second does not otherwise fetch it for, see
/// [`run`]). A pointer rests on a checkbox for a few hundred milliseconds
/// before it clicks.
pub fn anticipate() {
    untrack(|| drop(filter()));
}

/// Asks for document `doc`'s text as soon as the address names it. The
/// reader opens once the results it steps through are computed (a large
/// corpus's filter first), and its article then arrives with them rather
/// than after them: one round trip less before the text shows.
pub fn anticipate_document(doc: usize) {
    if parts().is_some() && doc < total() {
        untrack(|| drop(crate::shards::document(doc)));
    }
}

/// The filter if it is here or on its way; asked for only if `ask`.
/// (`Pending` when it is neither: the caller re-runs once something asks
/// for it, "Show all" say, or asks itself when it wants it.)
fn filter_if(ask: bool) -> Loaded<&'static Filter> {
    match parts() {
        Some(shards) if !ask && !crate::shards::asked_tracked(&shards.filter_path()) => Loaded::Pending,
        _ => filter(),
    }
}

/// The results of a selection: `Pending` while a part it needs is on its
/// way, and why one cannot be loaded if it cannot. The first view (`first`:
/// no article, the Articles view) needs no part; a facet or a date needs
/// the filter, a search the index too, a sort by title the order by title.
///
/// A large corpus's filter (every facet's column: 128 KB gzipped at 10,000
/// articles, 1 MB at 100,000) is asked for only when the selection needs
/// it or `counts` says so. A plain search is answered from the index alone
/// until then (`Results::uncounted`), so that a first search neither waits
/// for the facets nor shares the network with them. The app sets `counts`
/// once no part is on its way and either those results are on screen or a
/// second has passed since the first view, so that the next interaction
/// finds the filter here.
pub fn run(selection: &Selection, first: bool, counts: bool) -> Loaded<Results> {
    let first = embedded().first_results().filter(|_| first && *selection == Selection::default());
    // Asked for before the filter is waited for, so that both come at once.
    let titles = (selection.sort == Sort::Title).then(titles);
    // The filter once it is here, whoever asked for it ("Show all" does).
    let ask = counts || (first.is_none() && !selection.is_plain_search());
    let filter = match (filter_if(ask), first) {
        (Loaded::Ready(filter), _) => filter,
        (_, Some(results)) => return Loaded::Ready(results),
        (Loaded::Pending, None) => {
            return match index() {
                Loaded::Ready(index) => match search_only(index, &LoadedPositions, selection) {
                    Some(results) => ended(results),
                    // A search of no word (punctuation alone) lists
                    // everything, which takes the filter.
                    None => filter().and_then(|_| Loaded::Pending),
                },
                Loaded::Pending => Loaded::Pending,
                Loaded::Failed(e) => Loaded::Failed(e),
            };
        }
        (Loaded::Failed(e), None) => return Loaded::Failed(e),
    };
    let titles = match titles {
        None => None,
        Some(Loaded::Ready(titles)) => Some(titles),
        Some(Loaded::Pending) => return Loaded::Pending,
        Some(Loaded::Failed(e)) => return Loaded::Failed(e),
    };
    let index = if selection.q.trim().is_empty() {
        &embedded().index
    } else {
        match index() {
            Loaded::Ready(index) => index,
            Loaded::Pending => return Loaded::Pending,
            Loaded::Failed(e) => return Loaded::Failed(e),
        }
    };
    ended(filter.run(index, &LoadedPositions, selection, titles))
}

/// Results, unless a part their search waits for cannot come, which ends
/// the wait. (The store is read only then: not on every keystroke.)
fn ended(results: Results) -> Loaded<Results> {
    if !results.missing.is_empty() {
        if let Some(e) = crate::shards::search_error() {
            return Loaded::Failed(e);
        }
    }
    Loaded::Ready(results)
}

/// The index of a facet every corpus has (`country`, `speaker`): the
/// build registers it, so it is always there.
pub fn facet_position(key: &str) -> usize {
    facets().iter().position(|f| f.key() == key).unwrap_or(usize::MAX)
}

/// What the URL needs of the corpus, as far as it is here. Parsing an
/// address that names an article of a large corpus waits for the slugs,
/// and one that names a value its head does not hold (a speaker) for the
/// filter ([`AppCatalog::waits`]).
#[derive(Default)]
pub struct AppCatalog {
    waiting: std::cell::Cell<bool>,
    failures: std::cell::RefCell<Vec<String>>,
}

impl AppCatalog {
    /// Whether something was asked that is still on its way.
    pub fn waits(&self) -> bool {
        self.waiting.get()
    }

    /// Why what was asked could not be loaded, if it could not.
    pub fn failures(self) -> Vec<String> {
        self.failures.into_inner()
    }

    fn note<T>(&self, loaded: Loaded<T>) -> Option<T> {
        match loaded {
            Loaded::Ready(value) => Some(value),
            Loaded::Pending => {
                self.waiting.set(true);
                None
            }
            Loaded::Failed(e) => {
                let mut failures = self.failures.borrow_mut();
                if !failures.contains(&e) {
                    failures.push(e);
                }
                None
            }
        }
    }
}

impl Catalog for AppCatalog {
    fn facets(&self) -> &[Facet] {
        facets_here()
    }
    fn value_of(&self, facet: usize, id: u32) -> Option<&FacetValue> {
        value(facet, id)
    }
    fn find_value(&self, facet: usize, key: &str) -> Option<u32> {
        let here = facets_here().get(facet)?;
        match here.find(key) {
            None if !here.is_whole() => self.note(filter()).and_then(|whole| whole.facets().get(facet)?.find(key)),
            found => found,
        }
    }
    fn slug(&self, doc: u32) -> Option<String> {
        self.note(summary(doc)).map(|d| d.slug.clone())
    }
    fn find(&self, slug: &str) -> Option<u32> {
        self.note(find_slug(slug)).flatten()
    }
    fn quotes(&self, doc: u32) -> Option<usize> {
        self.note(summary(doc)).map(|d| d.quotes.len())
    }
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
