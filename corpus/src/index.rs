//! The full-text index, built once at build time: BM25 postings over each
//! document's title, deck and body, and the word positions that phrases
//! read, in chunks of consecutive terms so that a large corpus can fetch only
//! the chunks a phrase needs. `orrery_core::search` reads them.

use std::collections::BTreeMap;

use orrery_core::model::Document;
use orrery_core::search::{head_words, tokens, FoldTable, PositionChunk, SearchIndex};

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
pub fn build_index(documents: &[Document], fold: FoldTable) -> (SearchIndex, Vec<PositionChunk>) {
    let mut map: BTreeMap<String, Vec<(u32, Vec<u32>)>> = Default::default();
    let mut lengths = Vec::with_capacity(documents.len());
    for (i, doc) in documents.iter().enumerate() {
        let words = document_tokens(&fold, doc);
        lengths.push(words.len() as u32);
        let mut at: BTreeMap<String, Vec<u32>> = Default::default();
        for (n, w) in words.into_iter().enumerate() {
            at.entry(w).or_default().push(n as u32);
        }
        for (term, positions) in at {
            map.entry(term).or_default().push((i as u32, positions));
        }
    }
    let mut index = SearchIndex { fold, lengths, ..Default::default() };
    let mut chunks: Vec<PositionChunk> = Vec::new();
    let mut in_chunk = usize::MAX;
    for (t, (term, list)) in map.into_iter().enumerate() {
        if in_chunk >= CHUNK_POSITIONS {
            index.chunk_starts.push(t as u32);
            chunks.push(PositionChunk { first_term: t as u32, gaps: Vec::new() });
            in_chunk = 0;
        }
        in_chunk += list.iter().map(|(_, p)| p.len()).sum::<usize>();
        index.terms.push(term);
        index.postings.push(list.iter().map(|(d, p)| (*d, p.len() as u32)).collect());
        let gaps = list
            .into_iter()
            .map(|(_, p)| p.iter().scan(0, |last, &n| Some(n - core::mem::replace(last, n))).collect())
            .collect();
        if let Some(chunk) = chunks.last_mut() {
            chunk.gaps.push(gaps);
        }
    }
    (index, chunks)
}
