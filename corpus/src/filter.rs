//! Filtering, disjunctive facet counts and sorting: what the viewer shows for
//! a state. Values of one facet combine with OR, facets with AND; each facet's
//! counts apply every other facet's selection but not its own.
//!
//! [`Filter`] precomputes, once per corpus and at build time (it is part of
//! the bundle), each document's facet values as small integers and the date
//! and title orders, so that a state runs in one pass over the documents with
//! array counters: a facet click or a keystroke stays within a frame at 10,000
//! articles, and the app neither sorts nor builds tables when it starts.

extern crate alloc;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::model::{Corpus, Document};
use crate::search::{Positions, SearchIndex, SearchQuery};
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
    pub facets: Facets,
    pub query: SearchQuery,
    /// Chunks of word positions a phrase needs before it can be checked;
    /// until they arrive the result is empty and the app fetches them.
    pub missing: Vec<u32>,
}

pub fn year_of(doc: &Document) -> Year {
    doc.date.map_or(Year::Undated, |d| Year::Year(d.year))
}

/// The corpus's facet values as integers, and its fixed orders.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    /// Facet values in display order: keys and labels.
    countries: Vec<(String, String)>,
    years: Vec<Year>,
    sources: Vec<(String, String)>,
    speakers: Vec<(String, String)>,
    /// Per document: indexes into the value lists above (for countries, with
    /// the document's mentions of each).
    doc_countries: Vec<Vec<(u16, u32)>>,
    doc_year: Vec<u16>,
    doc_source: Vec<Option<u16>>,
    doc_speakers: Vec<Vec<u16>>,
    /// Document indexes, newest first (undated last), and by title.
    newest: Vec<u32>,
    oldest: Vec<u32>,
    by_title: Vec<u32>,
}

impl Filter {
    pub fn new(corpus: &Corpus) -> Filter {
        // Countries most mentioned across the corpus first, so the list does
        // not jump as filters change.
        let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
        for doc in &corpus.documents {
            for c in &doc.countries {
                *totals.entry(c.code.as_str()).or_default() += 1;
            }
        }
        let mut countries: Vec<(u32, String, String)> = corpus
            .countries
            .iter()
            .map(|c| (totals.get(c.code.as_str()).copied().unwrap_or(0), c.code.clone(), c.name.clone()))
            .collect();
        countries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
        let countries: Vec<(String, String)> = countries.into_iter().map(|(_, k, l)| (k, l)).collect();
        let country_index: BTreeMap<&str, u16> =
            countries.iter().enumerate().map(|(i, (k, _))| (k.as_str(), i as u16)).collect();

        // Years newest first, then "Undated".
        let mut years: Vec<Year> = corpus.documents.iter().map(year_of).collect();
        years.sort_by(|a, b| match (a, b) {
            (Year::Year(x), Year::Year(y)) => y.cmp(x),
            (Year::Undated, Year::Undated) => core::cmp::Ordering::Equal,
            (Year::Undated, _) => core::cmp::Ordering::Greater,
            (_, Year::Undated) => core::cmp::Ordering::Less,
        });
        years.dedup();

        let doc_countries = corpus
            .documents
            .iter()
            .map(|d| d.countries.iter().filter_map(|c| Some((*country_index.get(c.code.as_str())?, c.mentions))).collect())
            .collect();
        let doc_year = corpus
            .documents
            .iter()
            .map(|d| years.iter().position(|y| *y == year_of(d)).unwrap_or(0) as u16)
            .collect();
        let doc_source = corpus.documents.iter().map(|d| d.source.map(|s| s as u16)).collect();
        let doc_speakers = corpus
            .documents
            .iter()
            .map(|d| {
                let mut ids: Vec<u16> = d.quotes.iter().filter_map(|q| q.speaker).map(|s| s as u16).collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();

        let all: Vec<u32> = (0..corpus.documents.len() as u32).collect();
        let date = |i: &u32| corpus.documents[*i as usize].date;
        // Dated documents first, by date (ties in file order), then undated ones.
        let by_date = |newest_first: bool| {
            let mut order = all.clone();
            order.sort_by(|a, b| match (date(a), date(b)) {
                (Some(x), Some(y)) => if newest_first { y.cmp(&x) } else { x.cmp(&y) }.then(a.cmp(b)),
                (Some(_), None) => core::cmp::Ordering::Less,
                (None, Some(_)) => core::cmp::Ordering::Greater,
                (None, None) => a.cmp(b),
            });
            order
        };
        let (newest, oldest) = (by_date(true), by_date(false));
        let titles: Vec<String> = corpus.documents.iter().map(|d| d.title.to_lowercase()).collect();
        let mut by_title = all;
        by_title.sort_by(|a, b| titles[*a as usize].cmp(&titles[*b as usize]).then(a.cmp(b)));

        Filter {
            countries,
            years,
            sources: corpus.sources.iter().map(|s| (s.slug.clone(), s.name.clone())).collect(),
            speakers: corpus.speakers.iter().map(|s| (s.slug.clone(), s.name.clone())).collect(),
            doc_countries,
            doc_year,
            doc_source,
            doc_speakers,
            newest,
            oldest,
            by_title,
        }
    }

    /// The countries that `documents` mention: code, articles and mentions,
    /// in the facet's order.
    pub fn country_totals(&self, documents: &[u32]) -> Vec<(&str, u32, u32)> {
        let mut totals = vec![(0u32, 0u32); self.countries.len()];
        for &d in documents {
            for &(c, mentions) in self.doc_countries.get(d as usize).map_or(&[][..], Vec::as_slice) {
                totals[c as usize].0 += 1;
                totals[c as usize].1 += mentions;
            }
        }
        self.countries
            .iter()
            .zip(totals)
            .filter(|(_, (articles, _))| *articles > 0)
            .map(|((code, _), (articles, mentions))| (code.as_str(), articles, mentions))
            .collect()
    }

    /// Runs a state: search, filters, disjunctive counts and order.
    pub fn run(&self, index: &SearchIndex, positions: &(impl Positions + ?Sized), state: &State) -> Results {
        let n = self.doc_year.len();
        let query = SearchQuery::parse(&index.fold, &state.q);
        let search = index.search(positions, &query);
        // Dense, indexed by document: the relevance sort compares thousands.
        let mut scores = vec![0f32; n];
        let mut found = vec![query.is_empty(); n];
        for &(doc, score) in &search.scores {
            if let (Some(f), Some(s)) = (found.get_mut(doc as usize), scores.get_mut(doc as usize)) {
                *f = true;
                *s = score;
            }
        }
        // Selections as flags per value.
        let flags = |values: &[(String, String)], chosen: &[String]| -> Vec<bool> {
            values.iter().map(|(k, _)| chosen.contains(k)).collect()
        };
        let country_on = flags(&self.countries, &state.countries);
        let source_on = flags(&self.sources, &state.sources);
        let speaker_on = flags(&self.speakers, &state.speakers);
        let year_on: Vec<bool> = self.years.iter().map(|y| state.years.contains(y)).collect();
        let (any_country, any_year) = (!state.countries.is_empty(), !state.years.is_empty());
        let (any_source, any_speaker) = (!state.sources.is_empty(), !state.speakers.is_empty());

        let mut country_counts = vec![0u32; self.countries.len()];
        let mut year_counts = vec![0u32; self.years.len()];
        let mut source_counts = vec![0u32; self.sources.len()];
        let mut speaker_counts = vec![0u32; self.speakers.len()];
        let mut selected = vec![false; n];
        for i in 0..n {
            if !found[i] {
                continue;
            }
            let pass = [
                !any_country || self.doc_countries[i].iter().any(|&(c, _)| country_on[c as usize]),
                !any_year || year_on[self.doc_year[i] as usize],
                !any_source || self.doc_source[i].is_some_and(|s| source_on.get(s as usize).copied().unwrap_or(false)),
                !any_speaker || self.doc_speakers[i].iter().any(|&s| speaker_on.get(s as usize).copied().unwrap_or(false)),
            ];
            let failures = pass.iter().filter(|p| !**p).count();
            if failures == 0 {
                selected[i] = true;
            }
            // A document counts for facet k when it passes every other facet.
            let counts_for = |k: usize| failures == 0 || (failures == 1 && !pass[k]);
            if counts_for(0) {
                for &(c, _) in &self.doc_countries[i] {
                    country_counts[c as usize] += 1;
                }
            }
            if counts_for(1) {
                year_counts[self.doc_year[i] as usize] += 1;
            }
            if counts_for(2) {
                if let Some(count) = self.doc_source[i].and_then(|s| source_counts.get_mut(s as usize)) {
                    *count += 1;
                }
            }
            if counts_for(3) {
                for &s in &self.doc_speakers[i] {
                    if let Some(count) = speaker_counts.get_mut(s as usize) {
                        *count += 1;
                    }
                }
            }
        }

        let documents: Vec<u32> = match state.sort {
            Sort::Relevance => {
                let mut docs: Vec<(f32, u32)> =
                    (0..n as u32).filter(|&i| selected[i as usize]).map(|i| (scores[i as usize], i)).collect();
                docs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                docs.into_iter().map(|(_, i)| i).collect()
            }
            Sort::Newest => self.newest.iter().copied().filter(|&i| selected[i as usize]).collect(),
            Sort::Oldest => self.oldest.iter().copied().filter(|&i| selected[i as usize]).collect(),
            Sort::Title => self.by_title.iter().copied().filter(|&i| selected[i as usize]).collect(),
        };

        let values = |list: &[(String, String)], counts: &[u32], on: &[bool]| -> Vec<FacetValue> {
            list.iter()
                .zip(counts)
                .zip(on)
                .map(|(((key, label), &count), &selected)| FacetValue { key: key.clone(), label: label.clone(), count, selected })
                .collect()
        };
        let facets = Facets {
            countries: values(&self.countries, &country_counts, &country_on),
            years: self
                .years
                .iter()
                .zip(&year_counts)
                .zip(&year_on)
                .map(|((y, &count), &selected)| FacetValue { key: y.key(), label: y.label(), count, selected })
                .collect(),
            sources: values(&self.sources, &source_counts, &source_on),
            speakers: values(&self.speakers, &speaker_counts, &speaker_on),
        };
        Results { documents, facets, query, missing: search.missing }
    }
}

/// Runs a state against a bundle with its embedded positions.
pub fn run(bundle: &crate::model::Bundle, state: &State) -> Results {
    bundle.filter.run(&bundle.index, bundle.positions.as_slice(), state)
}
