//! Filtering, disjunctive facet counts and sorting: what the viewer shows for
//! a state. Values of one facet combine with OR, facets with AND; each facet's
//! counts apply every other facet's selection but not its own.

extern crate alloc;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::model::{Corpus, Document};
use crate::search::{SearchIndex, SearchQuery};
use crate::state::{Sort, State, Year};

/// One value of a facet, as the sidebar lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// What goes in the URL: a code, year or slug.
    pub key: String,
    pub label: String,
    /// Matching documents if this value were (also) chosen.
    pub count: u32,
    pub selected: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub countries: Vec<FacetValue>,
    pub years: Vec<FacetValue>,
    pub sources: Vec<FacetValue>,
    pub speakers: Vec<FacetValue>,
}

/// The documents a state selects, in display order, and the facet counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub documents: Vec<u32>,
    /// BM25 score per document index, when searching.
    pub scores: BTreeMap<u32, f32>,
    pub facets: Facets,
    pub query: SearchQuery,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    Country,
    Year,
    Source,
    Speaker,
}

pub fn year_of(doc: &Document) -> Year {
    doc.date.map_or(Year::Undated, |d| Year::Year(d.year))
}

fn speaker_slugs<'a>(corpus: &'a Corpus, doc: &'a Document) -> impl Iterator<Item = &'a str> + 'a {
    doc.quotes.iter().filter_map(|q| q.speaker).filter_map(|i| corpus.speakers.get(i as usize)).map(|s| s.slug.as_str())
}

fn source_slug<'a>(corpus: &'a Corpus, doc: &Document) -> Option<&'a str> {
    doc.source.and_then(|i| corpus.sources.get(i as usize)).map(|s| s.slug.as_str())
}

/// Whether a document passes a facet's selection (an empty selection passes all).
fn passes(corpus: &Corpus, doc: &Document, state: &State, facet: Facet) -> bool {
    match facet {
        Facet::Country => state.countries.is_empty() || doc.countries.iter().any(|c| state.countries.contains(&c.code)),
        Facet::Year => state.years.is_empty() || state.years.contains(&year_of(doc)),
        Facet::Source => state.sources.is_empty() || source_slug(corpus, doc).is_some_and(|s| state.sources.iter().any(|x| x == s)),
        Facet::Speaker => state.speakers.is_empty() || speaker_slugs(corpus, doc).any(|s| state.speakers.iter().any(|x| x == s)),
    }
}

const FACETS: [Facet; 4] = [Facet::Country, Facet::Year, Facet::Source, Facet::Speaker];

/// Runs a state against the corpus.
pub fn run(corpus: &Corpus, index: &SearchIndex, state: &State) -> Results {
    let query = SearchQuery::parse(&index.fold, &state.q);
    let scores: BTreeMap<u32, f32> = if query.is_empty() {
        BTreeMap::new()
    } else {
        index.search(&corpus.documents, &query).into_iter().collect()
    };
    let searching = !query.is_empty();
    // Per document: does it match the search, and which facets does it pass?
    let passes_all: Vec<(bool, [bool; 4])> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let found = !searching || scores.contains_key(&(i as u32));
            (found, FACETS.map(|f| passes(corpus, doc, state, f)))
        })
        .collect();
    let others_pass = |i: usize, skip: usize| {
        let (found, facets) = passes_all[i];
        found && facets.iter().enumerate().all(|(j, ok)| j == skip || *ok)
    };

    let mut documents: Vec<u32> =
        (0..corpus.documents.len()).filter(|&i| others_pass(i, usize::MAX)).map(|i| i as u32).collect();
    sort(corpus, &mut documents, state.sort, &scores);

    // Disjunctive counts: facet k counts documents passing every other facet.
    let mut country: BTreeMap<&str, u32> = BTreeMap::new();
    let mut year: BTreeMap<Year, u32> = BTreeMap::new();
    let mut source: BTreeMap<&str, u32> = BTreeMap::new();
    let mut speaker: BTreeMap<&str, u32> = BTreeMap::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        if others_pass(i, 0) {
            for c in &doc.countries {
                *country.entry(c.code.as_str()).or_default() += 1;
            }
        }
        if others_pass(i, 1) {
            *year.entry(year_of(doc)).or_default() += 1;
        }
        if others_pass(i, 2) {
            if let Some(s) = source_slug(corpus, doc) {
                *source.entry(s).or_default() += 1;
            }
        }
        if others_pass(i, 3) {
            let mut slugs: Vec<&str> = speaker_slugs(corpus, doc).collect();
            slugs.sort();
            slugs.dedup();
            for s in slugs {
                *speaker.entry(s).or_default() += 1;
            }
        }
    }
    let facets = Facets {
        countries: country_values(corpus, state, &country),
        years: year_values(corpus, state, &year),
        sources: corpus
            .sources
            .iter()
            .map(|s| value(s.slug.clone(), s.name.clone(), source.get(s.slug.as_str()), state.sources.contains(&s.slug)))
            .collect(),
        speakers: corpus
            .speakers
            .iter()
            .map(|s| value(s.slug.clone(), s.name.clone(), speaker.get(s.slug.as_str()), state.speakers.contains(&s.slug)))
            .collect(),
    };
    Results { documents, scores, facets, query }
}

fn value(key: String, label: String, count: Option<&u32>, selected: bool) -> FacetValue {
    FacetValue { key, label, count: count.copied().unwrap_or(0), selected }
}

/// Every country of the corpus, most articles first (over the whole corpus, so
/// the list does not jump as filters change), then by name.
fn country_values(corpus: &Corpus, state: &State, counts: &BTreeMap<&str, u32>) -> Vec<FacetValue> {
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    for doc in &corpus.documents {
        for c in &doc.countries {
            *totals.entry(c.code.as_str()).or_default() += 1;
        }
    }
    let mut values: Vec<(u32, FacetValue)> = corpus
        .countries
        .iter()
        .map(|c| {
            let total = totals.get(c.code.as_str()).copied().unwrap_or(0);
            (total, value(c.code.clone(), c.name.clone(), counts.get(c.code.as_str()), state.countries.contains(&c.code)))
        })
        .collect();
    values.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    values.into_iter().map(|(_, v)| v).collect()
}

/// Every year of the corpus, newest first, then "Undated" if any document is.
fn year_values(corpus: &Corpus, state: &State, counts: &BTreeMap<Year, u32>) -> Vec<FacetValue> {
    let mut years: Vec<Year> = corpus.documents.iter().map(year_of).collect();
    years.sort_by(|a, b| match (a, b) {
        (Year::Year(x), Year::Year(y)) => y.cmp(x),
        (Year::Undated, Year::Undated) => core::cmp::Ordering::Equal,
        (Year::Undated, _) => core::cmp::Ordering::Greater,
        (_, Year::Undated) => core::cmp::Ordering::Less,
    });
    years.dedup();
    years.into_iter().map(|y| value(y.key(), y.label(), counts.get(&y), state.years.contains(&y))).collect()
}

/// Sorts document indexes. Undated documents go last in date orders; ties
/// keep file order, so the result is deterministic.
pub fn sort(corpus: &Corpus, documents: &mut [u32], sort: Sort, scores: &BTreeMap<u32, f32>) {
    let doc = |i: &u32| &corpus.documents[*i as usize];
    match sort {
        Sort::Newest => documents.sort_by(|a, b| match (doc(a).date, doc(b).date) {
            (Some(x), Some(y)) => y.cmp(&x).then(a.cmp(b)),
            (Some(_), None) => core::cmp::Ordering::Less,
            (None, Some(_)) => core::cmp::Ordering::Greater,
            (None, None) => a.cmp(b),
        }),
        Sort::Oldest => documents.sort_by(|a, b| match (doc(a).date, doc(b).date) {
            (Some(x), Some(y)) => x.cmp(&y).then(a.cmp(b)),
            (Some(_), None) => core::cmp::Ordering::Less,
            (None, Some(_)) => core::cmp::Ordering::Greater,
            (None, None) => a.cmp(b),
        }),
        Sort::Title => documents.sort_by(|a, b| doc(a).title.to_lowercase().cmp(&doc(b).title.to_lowercase()).then(a.cmp(b))),
        Sort::Relevance => documents.sort_by(|a, b| {
            let (x, y) = (scores.get(a).copied().unwrap_or(0.0), scores.get(b).copied().unwrap_or(0.0));
            y.partial_cmp(&x).unwrap_or(core::cmp::Ordering::Equal).then(a.cmp(b))
        }),
    }
}
