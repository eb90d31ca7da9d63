//! The facet registry: every facet the viewer offers, declared once.
//!
//! A facet is an extraction (what values the corpus has, and which of them
//! each document has) plus one entry in [`REGISTRY`]. Everything else — the
//! generic counting, the URL codec, the sidebar, the chips and the JSON
//! report — reads the facets this module builds, so adding one touches
//! nothing else.

use std::collections::BTreeMap;

use orrery_core::facet::{Arity, DocValues, Facet, FacetValue};
use orrery_core::model::{Corpus, Document};

use crate::slug::unique_slugs;

/// How the sidebar lists a facet's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Most documents first, the count the sidebar shows; then by label.
    Count,
    /// In the order the extraction gives them (years, newest first).
    Given,
}

/// What an extraction returns: the values, by id, and each document's
/// `(value id, weight)` pairs.
pub type Extracted = (Vec<FacetValue>, Vec<DocValues>);

/// One registered facet.
pub struct Registration {
    /// The URL key, e.g. `country`.
    pub key: &'static str,
    /// The sidebar's heading, e.g. "Country".
    pub label: &'static str,
    /// Whether a document has at most one value or many.
    pub arity: Arity,
    /// How its values are listed.
    pub order: Order,
    /// Reads the facet from the analysed corpus.
    pub extract: fn(&Corpus) -> Extracted,
}

/// Every facet, in the order the sidebar and the URL list them.
pub const REGISTRY: [Registration; 6] = [
    Registration { key: "country", label: "Country", arity: Arity::Many, order: Order::Count, extract: countries },
    Registration { key: "year", label: "Year", arity: Arity::One, order: Order::Given, extract: years },
    Registration { key: "source", label: "Source", arity: Arity::One, order: Order::Count, extract: sources },
    Registration { key: "speaker", label: "Speaker", arity: Arity::Many, order: Order::Count, extract: speakers },
    Registration { key: "place", label: "Place", arity: Arity::One, order: Order::Count, extract: places },
    Registration {
        key: "collection",
        label: "Collection",
        arity: Arity::One,
        order: Order::Count,
        extract: collections,
    },
];

/// Builds every registered facet over the corpus.
pub fn build(corpus: &Corpus) -> Result<Vec<Facet>, String> {
    REGISTRY
        .iter()
        .map(|r| {
            let (values, documents) = (r.extract)(corpus);
            let order = display_order(&values, &documents, r.order);
            Facet::new(r.key, r.label, r.arity, values, order, &documents)
        })
        .collect()
}

/// Value ids in the order the sidebar lists them.
fn display_order(values: &[FacetValue], documents: &[DocValues], order: Order) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..values.len() as u32).collect();
    if order == Order::Count {
        let mut counts = vec![0u32; values.len()];
        for &(v, _) in documents.iter().flatten() {
            counts[v as usize] += 1;
        }
        let label = |v: u32| values[v as usize].label.to_lowercase();
        ids.sort_by(|&a, &b| {
            counts[b as usize].cmp(&counts[a as usize]).then_with(|| label(a).cmp(&label(b))).then(a.cmp(&b))
        });
    }
    ids
}

fn countries(corpus: &Corpus) -> Extracted {
    let values = corpus.countries.iter().map(|c| FacetValue { key: c.code.clone(), label: c.name.clone() }).collect();
    let id = |code: &str| corpus.countries.binary_search_by(|c| c.code.as_str().cmp(code)).ok().map(|i| i as u32);
    let documents = corpus
        .documents
        .iter()
        .map(|d| d.countries.iter().filter_map(|c| Some((id(&c.code)?, c.mentions))).collect())
        .collect();
    (values, documents)
}

/// Years newest first, then "Undated" when any document is.
fn years(corpus: &Corpus) -> Extracted {
    let year = |d: &Document| d.date.map(|date| date.year);
    let mut years: Vec<Option<u16>> = corpus.documents.iter().map(year).collect();
    years.sort_unstable_by_key(|y| (y.is_none(), std::cmp::Reverse(*y)));
    years.dedup();
    let values = years
        .iter()
        .map(|y| match y {
            Some(y) => FacetValue { key: y.to_string(), label: y.to_string() },
            None => FacetValue { key: "undated".into(), label: "Undated".into() },
        })
        .collect();
    let documents = corpus
        .documents
        .iter()
        .map(|d| years.iter().position(|y| *y == year(d)).map(|i| (i as u32, 1)).into_iter().collect())
        .collect();
    (values, documents)
}

fn sources(corpus: &Corpus) -> Extracted {
    let values = corpus.sources.iter().map(|s| FacetValue { key: s.slug.clone(), label: s.name.clone() }).collect();
    let documents = corpus.documents.iter().map(|d| d.source.map(|s| (s, 1)).into_iter().collect()).collect();
    (values, documents)
}

/// Each document's speakers in order of first quotation.
fn speakers(corpus: &Corpus) -> Extracted {
    let values = corpus.speakers.iter().map(|s| FacetValue { key: s.slug.clone(), label: s.name.clone() }).collect();
    let documents = corpus
        .documents
        .iter()
        .map(|d| {
            let mut out: DocValues = Vec::new();
            for s in d.quotes.iter().filter_map(|q| q.speaker) {
                if !out.iter().any(|(v, _)| *v == s) {
                    out.push((s, 1));
                }
            }
            out
        })
        .collect();
    (values, documents)
}

/// The dateline's place ("Beijing"), or the curator's, slugged for the URL.
fn places(corpus: &Corpus) -> Extracted {
    by_label(corpus, "place", |d| d.place.as_deref())
}

/// The first folder of a document's path (`nyt/2016/a.txt` is in "nyt"):
/// a corpus kept in subfolders is usually kept by outlet or collection. A
/// flat folder has none, and so no such facet.
fn collections(corpus: &Corpus) -> Extracted {
    by_label(corpus, "collection", collection_of)
}

/// The collection of a document: the first folder of its path, if any.
pub fn collection_of(document: &Document) -> Option<&str> {
    document.file.split_once('/').map(|(first, _)| first)
}

/// A one-value facet whose values are the distinct labels `label` gives the
/// documents, in label order, each slugged for the URL.
fn by_label(corpus: &Corpus, fallback: &str, label: impl Fn(&Document) -> Option<&str>) -> Extracted {
    let names: Vec<&str> = {
        let set: std::collections::BTreeSet<&str> = corpus.documents.iter().filter_map(&label).collect();
        set.into_iter().collect()
    };
    let slugs = unique_slugs(names.iter().copied(), fallback);
    let ids: BTreeMap<&str, u32> = names.iter().enumerate().map(|(i, n)| (*n, i as u32)).collect();
    let values =
        names.iter().zip(slugs).map(|(name, slug)| FacetValue { key: slug, label: (*name).to_owned() }).collect();
    let documents = corpus
        .documents
        .iter()
        .map(|d| label(d).and_then(|p| ids.get(p)).map(|&i| (i, 1)).into_iter().collect())
        .collect();
    (values, documents)
}
