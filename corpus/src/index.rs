//! The full-text index, built once at build time: BM25 postings over each
//! document's title, deck and body, and the word positions that phrases
//! read, in chunks of consecutive terms so that a large corpus can fetch only
//! the chunks a phrase needs. `orrery_core::search` reads them.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use orrery_core::model::Document;
use orrery_core::search::{head_words, tokens, FoldTable, PositionChunk, SearchIndex, TermPositions};

/// A term's documents, each with the term's word numbers in it.
type Occurrences = Vec<(u32, Vec<u32>)>;

/// Documents tokenised at once.
const BATCH: usize = 2048;

/// About how many positions a chunk holds (a very common word gets a chunk
/// of its own): a few tens of KB, so a phrase fetches little.
const CHUNK_POSITIONS: usize = 16 * 1024;

/// The tokens of a document's title, deck and body. The title and deck are
/// not spans of the text when a curator changed them, so they are tokenised
/// from their own strings (with spans that mean nothing and are not used).
pub fn document_tokens(table: &FoldTable, doc: &Document) -> Vec<String> {
    let mut words = head_words(table, doc);
    for span in doc.paragraphs.iter().copied() {
        words.extend(tokens(table, &doc.text, span).into_iter().map(|t| t.text));
    }
    words
}

/// Builds the index over the documents' title, deck and body, and the
/// word positions in chunks.
///
/// Documents are tokenised in parallel, a batch at a time (so that memory
/// holds one batch's words, not the corpus's), and merged in document order:
/// the index is the same on any number of threads.
pub fn build_index(documents: &[Document], fold: FoldTable) -> (SearchIndex, Vec<PositionChunk>) {
    let mut map: HashMap<String, Occurrences> = Default::default();
    let mut lengths = Vec::with_capacity(documents.len());
    for (b, batch) in documents.chunks(BATCH).enumerate() {
        let words: Vec<(u32, BTreeMap<String, Vec<u32>>)> = batch
            .par_iter()
            .map(|doc| {
                let words = document_tokens(&fold, doc);
                let mut at: BTreeMap<String, Vec<u32>> = Default::default();
                let length = words.len() as u32;
                for (n, w) in words.into_iter().enumerate() {
                    at.entry(w).or_default().push(n as u32);
                }
                (length, at)
            })
            .collect();
        for (k, (length, at)) in words.into_iter().enumerate() {
            lengths.push(orrery_core::search::coarse_length(length));
            let i = (b * BATCH + k) as u32;
            for (term, positions) in at {
                map.entry(term).or_default().push((i, positions));
            }
        }
    }
    let mut map: Vec<(String, Occurrences)> = map.into_iter().collect();
    map.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut index = SearchIndex { fold, lengths, ..Default::default() };
    let mut chunks: Vec<PositionChunk> = Vec::new();
    let mut in_chunk = usize::MAX;
    for (t, (term, list)) in map.into_iter().enumerate() {
        if in_chunk >= CHUNK_POSITIONS {
            index.chunk_starts.push(t as u32);
            chunks.push(PositionChunk { first_term: t as u32, terms: Vec::new() });
            in_chunk = 0;
        }
        in_chunk += list.iter().map(|(_, p)| p.len()).sum::<usize>();
        index.terms.push(term);
        index.postings.push(list.iter().map(|(d, p)| (*d, p.len() as u32)).collect());
        let words: Vec<Vec<u32>> = list.into_iter().map(|(_, p)| p).collect();
        if let Some(chunk) = chunks.last_mut() {
            chunk.terms.push(TermPositions::new(&words));
        }
    }
    (index, chunks)
}
