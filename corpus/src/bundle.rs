//! The bundle the app embeds and the shards it fetches, from an analysed
//! corpus: the search index, the facets, the orders and the map, all
//! computed here so the browser does no such work.
//!
//! A corpus with at most `embed_limit` bytes of text is embedded whole. A
//! larger one embeds nothing: the head of its bundle, the unfiltered first
//! view computed here, is a file the page preloads beside the app, and the
//! rest is in static files beside it under `data-<hash>/`,
//! each fetched when the app needs it, named by a hash of everything in them
//! so a rebuilt corpus never meets a cached shard of an old one: what the
//! first view costs does not grow with the corpus.

use std::collections::BTreeSet;

use rayon::prelude::*;

use orrery_core::filter::{Filter, QuoteSpeakers, Titles};
use orrery_core::model::{Bundle, Corpus, Document, FirstView, Name, Named, Quote, Shards, Slugs, Span, WorldMap};
use orrery_core::search::SearchIndex;
use orrery_core::state::{Selection, PAGE, SHORT_LIST};
use orrery_core::timeline::{timeline, Dates};

/// Corpora with more text than this (in bytes) keep their texts and word
/// positions in shards; smaller ones are embedded whole.
pub const DEFAULT_EMBED_LIMIT: usize = 256 * 1024;

/// The corpus with its search index, facets, orders, word positions and map,
/// all in one bundle (nothing sharded).
pub fn bundle(mut corpus: Corpus) -> Result<Bundle, String> {
    newest_first(&mut corpus);
    let fold = crate::fold::fold_table(corpus.documents.iter().flat_map(|d| [d.text.as_str(), d.title.as_str()]));
    let (index, positions) = crate::index::build_index(&corpus.documents, fold);
    let codes: BTreeSet<&str> = corpus.countries.iter().map(|c| c.code.as_str()).collect();
    let map = crate::map::read_map(crate::map::MAP_TSV, &codes);
    let filter = filter(&corpus)?;
    let titles = Titles::new(by_title(&corpus.documents))?;
    let quotes: Vec<Vec<Option<u32>>> =
        corpus.documents.iter().map(|d| d.quotes.iter().map(|q| q.speaker).collect()).collect();
    let quotes = QuoteSpeakers::new(&quotes);
    let bundle = Bundle { corpus, index, filter, titles, quotes, map, positions, shards: None, first: None };
    // What the app relies on, checked once here rather than in every browser.
    bundle.check()?;
    Ok(bundle)
}

/// Numbers the documents newest first, the undated last, ties in file
/// order: how the app lists them unless asked otherwise. The date column
/// then steps by 0 or 1 and the year facet comes in runs, which compress to
/// almost nothing (a sixth of a large corpus's filter), and the pages of the
/// default view read consecutive chunks of summaries. Nothing shows the
/// numbers: addresses name articles by slug.
fn newest_first(corpus: &mut Corpus) {
    corpus.documents.sort_by_key(|d| core::cmp::Reverse(d.date));
    corpus.index_slugs();
}

/// The corpus's facets and dates. A summary of each document (see
/// [`summary`]) is enough for them.
pub fn filter(corpus: &Corpus) -> Result<Filter, String> {
    let dates: Vec<_> = corpus.documents.iter().map(|d| d.date).collect();
    Filter::new(crate::facets::build(corpus)?, Dates::new(&dates))
}

/// The documents by title, case-insensitively (ties in document order:
/// newest first). The orders by date come from the date column
/// ([`Dates::orders`]).
fn by_title(documents: &[Document]) -> Vec<u32> {
    let titles: Vec<String> = documents.iter().map(|d| d.title.to_lowercase()).collect();
    let mut title: Vec<u32> = (0..documents.len() as u32).collect();
    title.sort_by(|&a, &b| titles[a as usize].cmp(&titles[b as usize]).then(a.cmp(&b)));
    title
}

/// Summaries per chunk: a page of cards from anywhere in a large corpus
/// fetches a few kilobytes per card at most.
pub const SUMMARY_CHUNK: u32 = 16;

/// About how many bytes of postings a fragment of the index's terms holds:
/// a word fetches one fragment (a prefix, the few it spans).
pub const TERMS_FRAGMENT: usize = 16 * 1024;

/// Facets with at most this many values travel whole in a head (countries,
/// years); larger ones (speakers and sources, which grow with the corpus)
/// only with the values its first view shows.
pub const HEAD_VALUES: usize = 256;

/// The head of a whole bundle: the first page of its unfiltered view, as
/// summaries, with the whole corpus's counts and timeline; the facets'
/// and dates' values without their documents, a large facet's only those
/// the view shows (its first [`SHORT_LIST`] and its cards'); the
/// countries; and no map, index or other document. Its size depends on
/// the page, not on the corpus: the speakers' and sources' names come
/// with the filter.
pub fn head(whole: &Bundle) -> Result<Bundle, String> {
    let results = whole.filter.run(&whole.index, &[][..], &Selection::default(), Some(&whole.titles));
    let ids: Vec<u32> = results.documents.iter().take(PAGE).copied().collect();
    let mut corpus = Corpus {
        documents: ids.iter().map(|&d| summary(&whole.corpus.documents[d as usize])).collect(),
        countries: whole.corpus.countries.clone(),
        speakers: Vec::new(),
        sources: Vec::new(),
        by_slug: Vec::new(),
    };
    corpus.index_slugs();
    let index = SearchIndex { fold: whole.index.fold.clone(), lengths: vec![0; ids.len()], ..Default::default() };
    // The timeline needs its bars, not every distinct date.
    let dates = whole.filter.dates();
    let unit = timeline(dates.values(), &results.dates, results.undated).unit;
    let facets: Vec<_> = whole
        .filter
        .facets()
        .iter()
        .map(|f| {
            if f.len() <= HEAD_VALUES {
                return f.subset(&[]);
            }
            let shown = f.order().iter().take(SHORT_LIST).copied();
            f.trimmed(&shown.chain(ids.iter().flat_map(|&d| f.of(d).iter().copied())).collect::<Vec<_>>())
        })
        .collect();
    let first_counts = facets
        .iter()
        .zip(&results.counts)
        .map(|(f, counts)| f.held().map(|v| counts.get(v as usize).copied().unwrap_or(0)).collect())
        .collect();
    let mut filter = whole.filter.subset(&[]).with_facets(facets)?;
    let mut counts = results.dates.clone();
    if let Some(unit) = unit {
        let (bars, to) = dates.coarsened(unit);
        counts = vec![0; bars.values().len()];
        for (&n, &i) in results.dates.iter().zip(&to) {
            counts[i as usize] += n;
        }
        filter = filter.with_dates(bars)?;
    }
    let head = Bundle {
        corpus,
        index,
        filter,
        titles: Titles::default(),
        quotes: QuoteSpeakers::new(&[]),
        map: WorldMap::default(),
        positions: Vec::new(),
        shards: whole.shards.clone(),
        first: Some(FirstView {
            documents: whole.corpus.documents.len() as u32,
            ids,
            counts: first_counts,
            dates: counts,
            undated: results.undated,
            unit,
        }),
    };
    head.check()?;
    Ok(head)
}

/// What a build writes: the bundle, and the files to put next to the app
/// (none when everything is embedded).
pub struct Site {
    /// Postcard bytes of the [`Bundle`]: the app embeds it, or, for a
    /// sharded corpus, it is the head, also among [`Site::files`].
    pub bundle: Vec<u8>,
    /// Paths relative to the page, and their contents.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Whether a corpus with `text` bytes of text is sharded, under a limit of
/// `embed_limit` bytes.
pub fn is_sharded(text: usize, embed_limit: usize) -> bool {
    text > embed_limit
}

/// [`site_as`], sharded when the documents' text is over `embed_limit` bytes.
/// (`cargo xtask build` and its hook decide before the analysis, on the
/// files' decoded text, `crate::analyse::Folder::text_bytes`, which also
/// counts titles and date lines: this is for tests and tools that hold
/// only a corpus.)
pub fn site(corpus: Corpus, embed_limit: usize) -> Result<Site, String> {
    let text: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    site_as(corpus, is_sharded(text, embed_limit))
}

/// Bundles a corpus for the app: whole unless `sharded`. A sharded corpus's
/// bundle is only its head (see [`head`]), which paints the first view and
/// which the page preloads beside the app ([`Shards::head_path`]): the app
/// itself then holds nothing of the corpus, so it compiles while the corpus
/// is analysed, and once for every corpus. The rest is in shards, each
/// fetched when something needs it (see [`Shards`]): the facets and dates
/// (at once, after the first view), the search index, the map, the slugs,
/// summaries in chunks of [`SUMMARY_CHUNK`], every document, and every
/// chunk of word positions.
pub fn site_as(corpus: Corpus, sharded: bool) -> Result<Site, String> {
    let mut bundle = bundle(corpus)?;
    if !sharded {
        return Ok(Site { bundle: serialise(&bundle), files: Vec::new() });
    }
    let names_of = |documents: core::ops::Range<usize>| names(&bundle.filter, documents);
    let documents: Vec<Vec<u8>> = (bundle.corpus.documents.par_iter().enumerate())
        .map(|(d, doc)| serialise(&Named { value: doc, names: names_of(d..d + 1) }))
        .collect();
    let chunks: Vec<Vec<u8>> = bundle.positions.par_iter().map(serialise).collect();
    bundle.corpus.documents = bundle.corpus.documents.par_iter().map(summary).collect();
    bundle.positions = Vec::new();
    let chunk = SUMMARY_CHUNK as usize;
    let summaries: Vec<Vec<u8>> = (bundle.corpus.documents.par_chunks(chunk).enumerate())
        .map(|(k, part)| serialise(&Named { value: part, names: names_of(k * chunk..k * chunk + part.len()) }))
        .collect();
    let fragments: Vec<Vec<u8>> = bundle.index.split_terms(TERMS_FRAGMENT).iter().map(serialise).collect();
    let whole = [
        serialise(&bundle.filter),
        serialise(&bundle.titles),
        serialise(&bundle.quotes),
        serialise(&bundle.index),
        serialise(&bundle.map),
        serialise(&Slugs::new(&bundle.corpus.documents)),
    ];
    let mut head = head(&bundle)?;
    // The folder is named by a hash of everything in it and of the head.
    let mut hash = Fnv::default();
    for bytes in documents.iter().chain(&chunks).chain(&summaries).chain(&fragments).chain(&whole) {
        hash.write(bytes);
    }
    hash.write(&serialise(&head));
    let shards = Shards { dir: format!("data-{:016x}", hash.0), chunk: SUMMARY_CHUNK };
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, bytes) in documents.into_iter().enumerate() {
        out.push((shards.document_path(i), bytes));
    }
    for (k, bytes) in chunks.into_iter().enumerate() {
        out.push((shards.positions_path(k), bytes));
    }
    for (k, bytes) in summaries.into_iter().enumerate() {
        out.push((shards.summaries_path(k as u32 * SUMMARY_CHUNK), bytes));
    }
    for (k, bytes) in fragments.into_iter().enumerate() {
        out.push((shards.terms_path(k), bytes));
    }
    let [filter, titles, quotes, index, map, slugs] = whole;
    out.push((shards.filter_path(), filter));
    out.push((shards.titles_path(), titles));
    out.push((shards.quotes_path(), quotes));
    out.push((shards.index_path(), index));
    out.push((shards.map_path(), map));
    out.push((shards.slugs_path(), slugs));
    let path = shards.head_path();
    head.shards = Some(shards);
    let head = serialise(&head);
    out.push((path, head.clone()));
    Ok(Site { bundle: head, files: out })
}

/// The names `documents` show of the facets a head trims ([`HEAD_VALUES`]),
/// each once, for the parts that hold them ([`Named`]).
fn names(filter: &Filter, documents: core::ops::Range<usize>) -> Vec<Name> {
    let mut names: Vec<Name> = Vec::new();
    for (f, facet) in filter.facets().iter().enumerate().filter(|(_, f)| f.len() > HEAD_VALUES) {
        for d in documents.clone() {
            for &id in facet.of(d as u32) {
                let Some(value) = facet.value(id) else { continue };
                if !names.iter().any(|n| n.facet == f as u32 && n.id == id) {
                    names.push(Name { facet: f as u32, id, value: value.clone() });
                }
            }
        }
    }
    names
}

/// What the app embeds of a document whose text is in a shard: everything
/// the cards, facets and filters read, without the text and the spans into
/// it (and the file name, which the app never shows). Quotations keep only
/// their speakers, which the filters need.
pub fn summary(doc: &Document) -> Document {
    Document {
        file: String::new(),
        header: Vec::new(),
        dateline: None,
        paragraphs: Vec::new(),
        credits: Vec::new(),
        boilerplate: Vec::new(),
        mentions: Vec::new(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| Quote { span: Span::default(), parts: Vec::new(), speaker: q.speaker })
            .collect(),
        event_dates: Vec::new(),
        text: String::new(),
        ..doc.clone()
    }
}

/// Postcard bytes: the format the app decodes.
pub fn serialise<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("the model has no types postcard cannot write")
}

/// A stable name for a set of files: FNV-1a over each part's length and
/// bytes, as 16 hex digits. Not a security hash.
pub fn content_hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash = Fnv::default();
    for part in parts {
        hash.write(&(part.len() as u64).to_le_bytes());
        hash.write(part);
    }
    format!("{:016x}", hash.0)
}

/// FNV-1a, 64 bits: a stable name for a shard folder, not a security hash.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
