//! Full-text search: a BM25 index built at compile time, folding (case,
//! accents, apostrophes) that needs no Unicode tables at run time, AND of all
//! words, quoted phrases, and the last word as a prefix while typing.

extern crate alloc;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::model::{Document, Span};

/// Folds for the non-ASCII characters a query can usefully contain: those of
/// the corpus and the Latin letters with diacritics. Built at compile time from
/// full Unicode data, so the wasm carries no normalisation tables.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldTable {
    /// Sorted by character.
    pub entries: Vec<(char, String)>,
}

impl FoldTable {
    /// Appends the folded form of `c` to `out`: ASCII lowercased, others by table
    /// (falling back to Unicode lowercase for characters the table lacks).
    pub fn fold_into(&self, c: char, out: &mut String) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Ok(i) = self.entries.binary_search_by(|(k, _)| k.cmp(&c)) {
            out.push_str(&self.entries[i].1);
        } else {
            out.extend(c.to_lowercase());
        }
    }

    pub fn fold(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            self.fold_into(c, &mut out);
        }
        out
    }
}

/// A word of a text: its folded form and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub span: Span,
}

/// Calls `f` with each folded word of `text[span]` and its span, reusing one
/// buffer (search runs this over whole documents on every phrase query). A
/// word is a run of letters and digits; apostrophes split words ("China’s" →
/// "china", "s"), so that both apostrophes match the same text.
pub fn for_each_token(table: &FoldTable, text: &str, span: Span, mut f: impl FnMut(&str, Span)) {
    let Some(part) = text.get(span.range()) else { return };
    let base = span.start as usize;
    let mut current = String::new();
    let mut start = 0;
    let mut folded = String::new();
    for (i, c) in part.char_indices() {
        let alnum = if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if current.is_empty() {
                    start = i;
                }
                current.push(c.to_ascii_lowercase());
            }
            c.is_ascii_alphanumeric()
        } else {
            folded.clear();
            table.fold_into(c, &mut folded);
            let alnum = !folded.is_empty() && folded.chars().all(char::is_alphanumeric);
            if alnum {
                if current.is_empty() {
                    start = i;
                }
                current.push_str(&folded);
            }
            alnum
        };
        if !alnum && !current.is_empty() {
            f(&current, Span::new(base + start, base + i));
            current.clear();
        }
    }
    if !current.is_empty() {
        f(&current, Span::new(base + start, base + part.len()));
    }
}

/// The folded words of `text[span]` with their spans.
pub fn tokens(table: &FoldTable, text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(table, text, span, |word, span| out.push(Token { text: word.into(), span }));
    out
}

/// The tokens of a document's title, deck and body. The title and deck are
/// not spans of the text when a curator changed them, so they are tokenised
/// from their own strings (with spans that mean nothing and are not used).
pub fn document_tokens(table: &FoldTable, doc: &Document) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for extra in [Some(doc.title.as_str()), doc.subtitle.as_deref()].into_iter().flatten() {
        words.extend(tokens(table, extra, Span::new(0, extra.len())).into_iter().map(|t| t.text));
    }
    for span in doc.paragraphs.iter().copied() {
        words.extend(tokens(table, &doc.text, span).into_iter().map(|t| t.text));
    }
    words
}

/// The inverted index, built at compile time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub fold: FoldTable,
    /// Sorted folded terms; a prefix is a contiguous range.
    pub terms: Vec<String>,
    /// For each term: (document index, term frequency), by document.
    pub postings: Vec<Vec<(u32, u32)>>,
    /// Words per document.
    pub lengths: Vec<u32>,
}

/// One part of a query: a word or a quoted phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    Word { text: String, prefix: bool },
    Phrase(Vec<String>),
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub clauses: Vec<Clause>,
}

impl SearchQuery {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Parses query text: words must all match, `"quoted phrases"` match as
    /// phrases, and the last word is a prefix unless the text ends in a space
    /// or a closing quote. A word with an apostrophe is a phrase of its parts.
    pub fn parse(table: &FoldTable, text: &str) -> SearchQuery {
        let folded = table.fold(text);
        let mut clauses = Vec::new();
        let mut in_phrase = false;
        for (i, chunk) in folded.split('"').enumerate() {
            if i > 0 {
                in_phrase = !in_phrase;
            }
            let words: Vec<String> =
                tokens(table, chunk, Span::new(0, chunk.len())).into_iter().map(|t| t.text).collect();
            if in_phrase {
                if !words.is_empty() {
                    clauses.push(Clause::Phrase(words));
                }
                continue;
            }
            for raw in chunk.split_whitespace() {
                let parts: Vec<String> = tokens(table, raw, Span::new(0, raw.len())).into_iter().map(|t| t.text).collect();
                match parts.len() {
                    0 => {}
                    1 => clauses.push(Clause::Word { text: parts.into_iter().next().unwrap_or_default(), prefix: false }),
                    _ => clauses.push(Clause::Phrase(parts)),
                }
            }
        }
        // While typing, the last word is a prefix.
        let typing = !folded.ends_with(char::is_whitespace) && !folded.ends_with('"') && !in_phrase;
        if typing {
            if let Some(Clause::Word { prefix, .. }) = clauses.last_mut() {
                *prefix = true;
            }
        }
        SearchQuery { clauses }
    }

    /// Whether a folded token matches a word clause.
    fn word_matches(word: &str, prefix: bool, token: &str) -> bool {
        if prefix { token.starts_with(word) } else { token == word }
    }

    /// The spans in `text[span]` that match the query, for highlighting.
    pub fn hits(&self, table: &FoldTable, text: &str, span: Span) -> Vec<Span> {
        if self.is_empty() {
            return Vec::new();
        }
        let toks = tokens(table, text, span);
        let mut out = Vec::new();
        for clause in &self.clauses {
            match clause {
                Clause::Word { text: word, prefix } => {
                    out.extend(toks.iter().filter(|t| Self::word_matches(word, *prefix, &t.text)).map(|t| t.span));
                }
                Clause::Phrase(words) => {
                    for window in toks.windows(words.len()) {
                        if window.iter().zip(words).all(|(t, w)| &t.text == w) {
                            out.push(Span { start: window[0].span.start, end: window[words.len() - 1].span.end });
                        }
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        // Keep hits from overlapping (a phrase and one of its words).
        let mut merged: Vec<Span> = Vec::with_capacity(out.len());
        for hit in out {
            match merged.last_mut() {
                Some(last) if hit.start < last.end => last.end = last.end.max(hit.end),
                _ => merged.push(hit),
            }
        }
        merged
    }
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

impl SearchIndex {
    /// Builds the index over the documents' title, deck and body.
    pub fn build(documents: &[Document], fold: FoldTable) -> SearchIndex {
        let mut map: alloc::collections::BTreeMap<String, Vec<(u32, u32)>> = Default::default();
        let mut lengths = Vec::with_capacity(documents.len());
        for (i, doc) in documents.iter().enumerate() {
            let words = document_tokens(&fold, doc);
            lengths.push(words.len() as u32);
            let mut counts: alloc::collections::BTreeMap<String, u32> = Default::default();
            for w in words {
                *counts.entry(w).or_default() += 1;
            }
            for (term, tf) in counts {
                map.entry(term).or_default().push((i as u32, tf));
            }
        }
        let (terms, postings) = map.into_iter().unzip();
        SearchIndex { fold, terms, postings, lengths }
    }

    /// Term indexes for a word: exactly, or every term it begins.
    fn term_range(&self, word: &str, prefix: bool) -> core::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < word);
        if !prefix {
            return if self.terms.get(start).is_some_and(|t| t == word) { start..start + 1 } else { start..start };
        }
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(word));
        start..end
    }

    /// Documents matching every clause, with BM25 scores, in document order.
    /// Phrases are checked against the document text.
    pub fn search(&self, documents: &[Document], query: &SearchQuery) -> Vec<(u32, f32)> {
        let n = self.lengths.len();
        if query.is_empty() || n == 0 {
            return Vec::new();
        }
        let average = self.lengths.iter().map(|&l| l as f32).sum::<f32>() / n as f32;
        let mut scores: Option<Vec<f32>> = None;
        for clause in &query.clauses {
            let words: Vec<(&str, bool)> = match clause {
                Clause::Word { text, prefix } => alloc::vec![(text.as_str(), *prefix)],
                Clause::Phrase(words) => words.iter().map(|w| (w.as_str(), false)).collect(),
            };
            for (word, prefix) in words {
                let mut clause_scores = alloc::vec![0f32; n];
                let mut matched = alloc::vec![false; n];
                for t in self.term_range(word, prefix) {
                    let postings = &self.postings[t];
                    let idf = (1.0 + (n as f32 - postings.len() as f32 + 0.5) / (postings.len() as f32 + 0.5)).ln();
                    for &(doc, tf) in postings {
                        let d = doc as usize;
                        let tf = tf as f32;
                        let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * self.lengths[d] as f32 / average.max(1.0)));
                        clause_scores[d] += idf * norm;
                        matched[d] = true;
                    }
                }
                scores = Some(match scores {
                    None => clause_scores.iter().zip(&matched).map(|(s, m)| if *m { *s } else { f32::NAN }).collect(),
                    Some(prev) => prev
                        .iter()
                        .zip(clause_scores.iter().zip(&matched))
                        .map(|(p, (s, m))| if *m { p + s } else { f32::NAN })
                        .collect(),
                });
            }
        }
        let scores = scores.unwrap_or_default();
        let phrases: Vec<&Clause> = query.clauses.iter().filter(|c| matches!(c, Clause::Phrase(_))).collect();
        scores
            .into_iter()
            .enumerate()
            .filter(|(_, s)| !s.is_nan())
            .filter(|(i, _)| phrases.is_empty() || self.has_phrases(&documents[*i], &phrases))
            .map(|(i, s)| (i as u32, s))
            .collect()
    }

    fn has_phrases(&self, doc: &Document, phrases: &[&Clause]) -> bool {
        let phrases: Vec<&Vec<String>> = phrases
            .iter()
            .filter_map(|c| match c {
                Clause::Phrase(p) => Some(p),
                Clause::Word { .. } => None,
            })
            .collect();
        // The last words seen, as a ring, reused for every word.
        let longest = phrases.iter().map(|p| p.len()).max().unwrap_or(0);
        let mut ring: Vec<String> = alloc::vec![String::new(); longest];
        let mut seen = 0usize;
        let mut found = alloc::vec![false; phrases.len()];
        let mut visit = |word: &str| {
            let slot = seen % longest.max(1);
            ring[slot].clear();
            ring[slot].push_str(word);
            seen += 1;
            for (k, phrase) in phrases.iter().enumerate() {
                let n = phrase.len();
                if !found[k] && seen >= n {
                    found[k] = (0..n).all(|j| ring[(seen - n + j) % longest] == phrase[j]);
                }
            }
        };
        for extra in [Some(doc.title.as_str()), doc.subtitle.as_deref()].into_iter().flatten() {
            for_each_token(&self.fold, extra, Span::new(0, extra.len()), |w, _| visit(w));
        }
        for span in doc.paragraphs.iter().copied() {
            for_each_token(&self.fold, &doc.text, span, |w, _| visit(w));
        }
        found.iter().all(|f| *f)
    }
}

/// A keyword-in-context excerpt: about `radius` words either side of the
/// first hit in the document's body, with the hits inside it.
pub fn snippet(table: &FoldTable, doc: &Document, query: &SearchQuery, radius: usize) -> Option<(Span, Vec<Span>)> {
    for span in doc.paragraphs.iter().copied() {
        let hits = query.hits(table, &doc.text, span);
        let Some(first) = hits.first().copied() else { continue };
        let toks = tokens(table, &doc.text, span);
        let at = toks.iter().position(|t| t.span.start >= first.start).unwrap_or(0);
        let from = toks.get(at.saturating_sub(radius)).map_or(span.start, |t| t.span.start);
        let to = toks.get((at + radius).min(toks.len().saturating_sub(1))).map_or(span.end, |t| t.span.end);
        let from = if at <= radius { span.start } else { from };
        let to = if at + radius >= toks.len().saturating_sub(1) { span.end } else { to };
        let window = Span { start: from, end: to };
        let inside = hits.into_iter().filter(|h| window.contains(*h)).collect();
        return Some((window, inside));
    }
    None
}
