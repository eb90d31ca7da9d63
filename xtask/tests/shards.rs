//! Large corpora split into an embedded bundle and static shards: the split
//! loses nothing, phrases are found through word positions exactly as a
//! direct reading of the text finds them, and a search that needs a chunk
//! that is not loaded says which.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use corpus::analyse::analyse_files;
use corpus::bundle::{bundle, site};
use corpus::index::document_tokens;
use corpus::read::SourceFile;
use orrery_core::filter::{search_only, QuoteSpeakers, Titles};
use orrery_core::model::{Name, Named, Shards};
use orrery_core::search::{FoldTable, Part, PositionChunk, Positions, SearchQuery, TermFragment};
use orrery_core::state::{Selection, Sort};
use orrery_core::timeline::{timeline, timeline_at};
use orrery_core::{Bundle, Corpus, Document};
use proptest::prelude::*;

fn generated(n: usize, seed: u64) -> Corpus {
    let files: Vec<SourceFile> = xtask::synth::generate(n, seed)
        .into_iter()
        .map(|a| SourceFile { path: a.file.clone().into(), name: a.file, text: a.text })
        .collect();
    analyse_files(&files, &BTreeMap::new()).expect("generated articles analyse")
}

fn synth() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| generated(200, 11))
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> T {
    postcard::from_bytes(bytes).expect("a shard decodes")
}

/// Chunks of positions and fragments of terms supplied one by one, as the
/// app receives them.
#[derive(Default)]
struct Loaded(BTreeMap<usize, PositionChunk>, BTreeMap<usize, TermFragment>);

impl Positions for Loaded {
    fn chunk(&self, k: usize) -> Option<&PositionChunk> {
        self.0.get(&k)
    }
    fn fragment(&self, k: usize) -> Option<&TermFragment> {
        self.1.get(&k)
    }
}

impl Loaded {
    /// Loads the parts a search says it misses; whether there were any.
    fn fetch(&mut self, missing: &[Part], shards: &Shards, files: &BTreeMap<&str, &[u8]>) -> bool {
        for part in missing {
            match *part {
                Part::Positions(k) => {
                    self.0.insert(k as usize, decode(files[shards.positions_path(k as usize).as_str()]))
                }
                Part::Terms(k) => {
                    self.1.insert(k as usize, decode(files[shards.terms_path(k as usize).as_str()]));
                    None
                }
            };
        }
        !missing.is_empty()
    }
}

#[test]
fn a_small_corpus_is_embedded_whole() {
    let c = synth().clone();
    let text: usize = c.documents.iter().map(|d| d.text.len()).sum();
    let s = site(c.clone(), text).unwrap();
    assert!(s.files.is_empty());
    let b: Bundle = decode(&s.bundle);
    assert_eq!(b, bundle(c).unwrap());
    assert!(b.shards.is_none());
    assert!(!b.positions.is_empty());
}

#[test]
fn a_large_corpus_keeps_texts_and_positions_in_shards_and_loses_nothing() {
    let c = synth().clone();
    let whole = bundle(c.clone()).unwrap();
    let s = site(c.clone(), 1000).unwrap();
    let head: Bundle = decode(&s.bundle);
    let shards = head.shards.clone().expect("over the limit, the corpus is sharded");
    let files: BTreeMap<&str, &[u8]> = s.files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    // The app starts from the head, a file of its own among the parts,
    // named where the page can link it; the rest is in parts.
    assert!(orrery_core::model::is_head_path(&shards.head_path()));
    assert_eq!(files[shards.head_path().as_str()], s.bundle.as_slice());
    let b = assemble(&head, &files);
    // The order by title and the quotations travel apart from the filter.
    assert_eq!((&b.titles, &b.quotes), (&whole.titles, &whole.quotes));
    assert!(head.titles == Titles::default() && head.quotes == QuoteSpeakers::new(&[]));
    assert!(b.positions.is_empty());
    assert!(b.corpus.documents.iter().all(|d| d.text.is_empty() && d.paragraphs.is_empty() && d.mentions.is_empty()));
    // What filters and cards read is all there.
    for (summary, doc) in b.corpus.documents.iter().zip(&whole.corpus.documents) {
        assert_eq!(summary.title, doc.title);
        assert_eq!(summary.countries, doc.countries);
        assert_eq!(summary.lede, doc.lede);
        assert_eq!(summary.quote_preview, doc.quote_preview);
        assert_eq!(
            summary.quotes.iter().map(|q| q.speaker).collect::<Vec<_>>(),
            doc.quotes.iter().map(|q| q.speaker).collect::<Vec<_>>()
        );
    }
    let (part, all) = (s.bundle.len(), postcard::to_allocvec(&whole).unwrap().len());
    assert!(part * 2 < all, "the head is a small part of the whole");
    // Every document and chunk is a file, and decodes to what it was; so is
    // every chunk of summaries and fragment of terms, and the filter, the
    // order by title, the quotations by speaker, the index, map and slugs.
    let summary_chunks = c.documents.len().div_ceil(shards.chunk as usize);
    let fragments = b.index.fragments.len();
    assert_eq!(files.len(), c.documents.len() + whole.positions.len() + summary_chunks + fragments + 7);
    let mut terms = Vec::new();
    for k in 0..fragments {
        let fragment: TermFragment = decode(files[shards.terms_path(k).as_str()]);
        assert_eq!(fragment.first_term as usize, terms.len());
        assert_eq!(b.index.fragments[k], (fragment.terms[0].clone(), fragment.first_term));
        terms.extend(fragment.terms);
    }
    assert_eq!(terms, whole.index.terms);
    for (i, doc) in whole.corpus.documents.iter().enumerate() {
        let got: Named<Document> = decode(files[shards.document_path(i).as_str()]);
        assert_eq!(&got.value, doc);
    }
    for (k, chunk) in whole.positions.iter().enumerate() {
        let got: PositionChunk = decode(files[shards.positions_path(k).as_str()]);
        assert_eq!(&got, chunk);
    }
    // The same state gives the same results once the chunks it needs arrive.
    let mut state = Selection::default();
    state.q = "\"space agency\" cooperation".into();
    // The summaries hold everything else the filter reads (the names of
    // speakers and sources travel in the filter, not the head).
    assert!(b.corpus.speakers.is_empty() && b.corpus.sources.is_empty());
    let named = Corpus { speakers: c.speakers.clone(), sources: c.sources.clone(), ..b.corpus.clone() };
    assert_eq!(b.filter, corpus::bundle::filter(&named).unwrap());
    let filter = &b.filter;
    let mut loaded = Loaded::default();
    let first = filter.run(&b.index, &loaded, &state, None);
    assert!(first.documents.is_empty());
    // The words' fragments and the phrase's positions, all at once.
    assert!(first.missing.iter().any(|p| matches!(p, Part::Terms(_))), "{:?}", first.missing);
    assert!(first.missing.iter().any(|p| matches!(p, Part::Positions(_))), "{:?}", first.missing);
    let mut then = first;
    let mut rounds = 0;
    while loaded.fetch(&then.missing, &shards, &files) {
        then = filter.run(&b.index, &loaded, &state, None);
        rounds += 1;
    }
    assert_eq!(rounds, 1);
    assert_eq!(then, orrery_core::filter::run(&whole, &state));
    assert!(!then.documents.is_empty(), "the generated vocabulary has this phrase");
    // A query fetches only its words' fragments, of many.
    assert!(b.index.fragments.len() > 4 && loaded.1.len() <= 3, "{} of {}", loaded.1.len(), b.index.fragments.len());
}

/// The whole bundle; the split one put together from its parts, with its
/// shards and files.
type Split = (Bundle, Bundle, Shards, Vec<(String, Vec<u8>)>);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Words, prefixes and phrases find the same documents with the same
    /// scores, and count the same body hits, through a split index as
    /// through a whole one.
    #[test]
    fn a_split_index_answers_as_the_whole_one(doc in 0usize..200, at in 0usize..400, cut in 1usize..6, phrase in any::<bool>()) {
        static SPLIT: OnceLock<Split> = OnceLock::new();
        let (whole, split, shards, files) = SPLIT.get_or_init(|| {
            let s = site(synth().clone(), 1000).unwrap();
            let head: Bundle = decode(&s.bundle);
            let files: BTreeMap<&str, &[u8]> = s.files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
            let split = assemble(&head, &files);
            (bundle(synth().clone()).unwrap(), split, head.shards.clone().unwrap(), s.files.clone())
        });
        let files: BTreeMap<&str, &[u8]> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
        let tokens = document_tokens(&whole.index.fold, &whole.corpus.documents[doc]);
        let word = &tokens[at % tokens.len()];
        let text = if phrase {
            format!("\"{}\"", tokens[at % tokens.len()..].iter().take(2).cloned().collect::<Vec<_>>().join(" "))
        } else {
            // A prefix while typing, or a whole word.
            word.chars().take(cut).collect()
        };
        let query = SearchQuery::parse(&whole.index.fold, &text);
        let mut loaded = Loaded::default();
        let mut found = split.index.search(&loaded, &query);
        while loaded.fetch(&found.missing, shards, &files) {
            found = split.index.search(&loaded, &query);
        }
        prop_assert_eq!(&found, &whole.index.search(whole.positions.as_slice(), &query));
        // Before the filter arrives, the split index alone lists the same
        // documents in the same order as the whole corpus's filter.
        let mut selection = Selection::default();
        (selection.q, selection.sort) = (text.clone(), Sort::Relevance);
        let early = search_only(&split.index, &loaded, &selection).expect("a plain search needs no filter");
        prop_assert!(early.uncounted && early.missing.is_empty());
        prop_assert_eq!(&early.documents, &whole.filter.run(&whole.index, whole.positions.as_slice(), &selection, None).documents);
        selection.sort = Sort::Newest;
        prop_assert!(search_only(&split.index, &loaded, &selection).is_none());
        let head = orrery_core::search::head_words(&whole.index.fold, &whole.corpus.documents[doc]);
        prop_assert_eq!(
            split.index.body_hits(&loaded, &query, doc as u32, &head),
            whole.index.body_hits(whole.positions.as_slice(), &query, doc as u32, &head)
        );
    }
}

#[test]
fn the_head_paints_the_unfiltered_first_view_with_the_whole_corpus_counts() {
    let c = synth().clone();
    let s = site(c.clone(), 1000).unwrap();
    let head: Bundle = decode(&s.bundle);
    let files: BTreeMap<&str, &[u8]> = s.files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let body = assemble(&head, &files);
    let whole = orrery_core::filter::run(&body, &Selection::default());
    let first = head.first_results().expect("a sharded build embeds a first view");
    // The same counts, total and timeline as the whole corpus, and its first
    // page of cards, with the whole corpus's numbers.
    assert_eq!((&first.counts, first.undated), (&whole.counts, whole.undated));
    // The same timeline from the head's bars as from every date.
    let chart = timeline(body.filter.dates().values(), &whole.dates, whole.undated);
    let unit = head.first.as_ref().unwrap().unit;
    assert_eq!(unit, chart.unit);
    assert_eq!(timeline_at(head.filter.dates().values(), &first.dates, first.undated, unit), chart);
    assert!(head.filter.dates().values().len() <= chart.bins.len() + 1);
    assert_eq!((first.total(), head.total()), (c.documents.len(), c.documents.len()));
    let page = &whole.documents[..orrery_core::state::PAGE];
    assert_eq!(first.documents, page);
    for &d in page {
        let summary = &body.corpus.documents[d as usize];
        assert_eq!(head.summary(d), Some(summary));
        assert_eq!(head.document_by_slug(&summary.slug), Some(d));
    }
    // The facets' values (a large facet's first list and its cards') and
    // dates, without documents.
    for (facet, of_whole) in head.filter.facets().iter().zip(body.filter.facets()) {
        assert_eq!((facet.key(), facet.len(), facet.documents()), (of_whole.key(), of_whole.len(), 0));
        let held: Vec<u32> = of_whole.order().iter().copied().filter(|&v| facet.value(v).is_some()).collect();
        assert_eq!(facet.order(), held);
        assert!(facet.held().all(|v| facet.value(v) == of_whole.value(v)));
        let shown = of_whole.order().iter().take(orrery_core::state::SHORT_LIST);
        assert!(shown.chain(page.iter().flat_map(|&d| of_whole.of(d))).all(|&v| facet.value(v).is_some()));
    }
    // A state written with the head reads back the same with the whole.
    let mut state = orrery_core::state::State::default();
    state.location.doc = Some(page[3]);
    state.selection.toggle(0, head.filter.facets()[0].order()[0]);
    let (again, notices) = orrery_core::state::State::parse(&state.to_query(&head), &body);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(again, state);
    // A page of summaries and the names it shows: the bench measures how
    // little that is at scale (`cargo xtask bench --scale N`).
    assert!(s.bundle.len() * 2 < postcard::to_allocvec(&body).unwrap().len(), "head {} bytes", s.bundle.len());
}

/// A head carries a large facet's first values only (400 articles quote
/// more people than a head carries whole); each document and chunk of
/// summaries names the others it shows.
#[test]
fn parts_name_the_speakers_their_head_lacks() {
    let c = generated(400, 7);
    let whole = bundle(c.clone()).unwrap();
    let s = site(c.clone(), 1000).unwrap();
    let head: Bundle = decode(&s.bundle);
    let shards = head.shards.clone().unwrap();
    let files: BTreeMap<&str, &[u8]> = s.files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let speaker = head.filter.position("speaker").unwrap();
    assert!(!head.filter.facets()[speaker].is_whole());
    for (i, doc) in whole.corpus.documents.iter().enumerate() {
        let got: Named<Document> = decode(files[shards.document_path(i).as_str()]);
        assert_named(&head, &whole, std::slice::from_ref(doc), &got.names);
    }
    for start in (0..c.documents.len() as u32).step_by(shards.chunk as usize) {
        let chunk: Named<Vec<Document>> = decode(files[shards.summaries_path(start).as_str()]);
        assert_named(&head, &whole, &chunk.value, &chunk.names);
    }
}

/// Each speaker and source of `documents` is named by the head or by the
/// part's own names, as the whole filter names it: a card can be drawn
/// from its part before the filter arrives.
fn assert_named(head: &Bundle, whole: &Bundle, documents: &[Document], names: &[Name]) {
    for doc in documents {
        let speakers = doc.quotes.iter().filter_map(|q| q.speaker).map(|s| ("speaker", s));
        for (key, id) in speakers.chain(doc.source.map(|s| ("source", s))) {
            let f = whole.filter.position(key).unwrap();
            let named = names.iter().find(|n| (n.facet, n.id) == (f as u32, id)).map(|n| &n.value);
            let name = named.or(head.filter.facets()[f].value(id));
            assert_eq!(name, whole.filter.facets()[f].value(id), "{}: {key} {id}", doc.slug);
        }
    }
}

/// The whole bundle (without positions), put together from a head and the
/// parts a sharded site writes, as the app has it once every part arrived.
fn assemble(head: &Bundle, files: &BTreeMap<&str, &[u8]>) -> Bundle {
    let shards = head.shards.clone().unwrap();
    let n = head.total() as u32;
    let mut documents: Vec<Document> = Vec::new();
    for start in (0..n).step_by(shards.chunk as usize) {
        let chunk = decode::<Named<Vec<Document>>>(files[shards.summaries_path(start).as_str()]);
        documents.extend(chunk.value);
    }
    let slugs: orrery_core::model::Slugs = decode(files[shards.slugs_path().as_str()]);
    for (d, doc) in documents.iter().enumerate() {
        assert_eq!(slugs.find(&doc.slug), Some(d as u32));
    }
    let mut corpus = Corpus { documents, ..head.corpus.clone() };
    corpus.index_slugs();
    let bundle = Bundle {
        corpus,
        index: decode(files[shards.index_path().as_str()]),
        filter: decode(files[shards.filter_path().as_str()]),
        titles: decode(files[shards.titles_path().as_str()]),
        quotes: decode(files[shards.quotes_path().as_str()]),
        map: decode(files[shards.map_path().as_str()]),
        positions: Vec::new(),
        shards: Some(shards),
        first: None,
    };
    bundle.check().expect("the parts make a whole bundle");
    bundle
}

#[test]
fn the_shard_folder_changes_with_the_corpus() {
    let c = synth().clone();
    let dir = |c: Corpus| decode::<Bundle>(&site(c, 0).unwrap().bundle).shards.unwrap().dir;
    let mut changed = c.clone();
    changed.documents[3].title.push_str(" (updated)");
    assert_eq!(dir(c.clone()), dir(c.clone()));
    assert_ne!(dir(c), dir(changed));
}

#[test]
fn previews_are_the_lede_after_the_dateline_and_the_first_quote() {
    let c = synth();
    for d in &c.documents {
        let lede = d.slice(corpus::analyse::lede_span(d).unwrap());
        let shown = d.lede.trim_end_matches('…');
        assert!(lede.trim_start().starts_with(shown), "{}: {:?} is not the start of {:?}", d.file, d.lede, lede);
        assert!(d.lede.chars().count() <= corpus::analyse::LEDE_CHARS + 1);
        if let Some(dateline) = d.dateline {
            assert!(!d.lede.contains(d.slice(dateline).trim()), "{}: the lede repeats the dateline", d.file);
        }
        match d.quotes.first() {
            Some(q) => assert!(d.quote_text(q).starts_with(d.quote_preview.trim_end_matches('…'))),
            None => assert!(d.quote_preview.is_empty()),
        }
    }
}

/// Whether the words stand one after another in the document, read directly.
fn reads(doc: &Document, table: &FoldTable, words: &[String]) -> bool {
    document_tokens(table, doc).windows(words.len()).any(|w| w == words)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Phrases taken from a document, and phrases spliced from two, are found
    /// through the positions in exactly the documents that contain them.
    #[test]
    fn phrases_through_positions_match_a_direct_reading(doc in 0usize..200, at in 0usize..400, len in 2usize..4, other in 0usize..200, splice in any::<bool>()) {
        static B: OnceLock<Bundle> = OnceLock::new();
        let b = B.get_or_init(|| bundle(synth().clone()).unwrap());
        let docs = &b.corpus.documents;
        let tokens = document_tokens(&b.index.fold, &docs[doc]);
        let start = at % tokens.len().saturating_sub(len).max(1);
        let mut words: Vec<String> = tokens[start..(start + len).min(tokens.len())].to_vec();
        if splice {
            let more = document_tokens(&b.index.fold, &docs[other]);
            if let Some(w) = more.get(at % more.len().max(1)) {
                let last = words.len() - 1;
                words[last] = w.clone();
            }
        }
        let query = SearchQuery::parse(&b.index.fold, &format!("\"{}\"", words.join(" ")));
        let found: Vec<u32> = b.index.search(b.positions.as_slice(), &query).scores.into_iter().map(|(d, _)| d).collect();
        let want: Vec<u32> = (0..docs.len() as u32).filter(|&d| reads(&docs[d as usize], &b.index.fold, &words)).collect();
        prop_assert_eq!(&found, &want);
        if !splice {
            prop_assert!(found.contains(&(doc as u32)));
        }
    }
}
