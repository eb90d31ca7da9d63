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

    /// The folded form of a text.
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
    /// The folded word.
    pub text: String,
    /// Where it stands.
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

/// The folded words of a document's title and deck, which the index counts
/// before its body: word positions number them first.
pub fn head_words(table: &FoldTable, doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for text in [Some(doc.title.as_str()), doc.subtitle.as_deref()].into_iter().flatten() {
        for_each_token(table, text, Span::new(0, text.len()), |word, _| out.push(word.into()));
    }
    out
}

/// The inverted index, built at compile time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// How the corpus's characters fold.
    pub fold: FoldTable,
    /// Sorted folded terms; a prefix is a contiguous range.
    pub terms: Vec<String>,
    /// For each term: (document index, term frequency), by document. Stored
    /// with document gaps, which postcard writes in a byte for common terms.
    #[serde(with = "doc_gaps")]
    pub postings: Vec<Vec<(u32, u32)>>,
    /// Words per document, to within 3% ([`coarse_length`]), written as a
    /// byte each.
    #[serde(with = "length_codes")]
    pub lengths: Vec<u32>,
    /// The first term of each [`PositionChunk`], ascending.
    pub chunk_starts: Vec<u32>,
    /// When the terms and postings are split into [`TermFragment`]s (a
    /// large corpus's index, so that a query fetches only its words'
    /// fragments): the first term of each fragment and its number. Empty
    /// when `terms` and `postings` hold them all.
    pub fragments: Vec<(String, u32)>,
    /// When the terms are split: the first term of each [`PositionChunk`],
    /// so that a phrase asks for its words' positions at once, with their
    /// fragments, rather than after them.
    pub chunk_terms: Vec<String>,
}

/// A run of consecutive terms with their postings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermFragment {
    /// The number of its first term in the whole index.
    pub first_term: u32,
    /// Its terms, sorted.
    pub terms: Vec<String>,
    /// Each term's postings, as in [`SearchIndex::postings`].
    #[serde(with = "doc_gaps")]
    pub postings: Vec<Vec<(u32, u32)>>,
}

/// A part of a split index that a search needs and does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// A fragment of terms and postings.
    Terms(u32),
    /// A chunk of word positions, for a phrase.
    Positions(u32),
}

/// The lengths the index keeps, ascending: 0 to 16 words, then steps of a
/// sixteenth, up to about 18 million words (longer ones are kept as that).
const LENGTHS: [u32; 256] = length_steps();

const fn length_steps() -> [u32; 256] {
    let mut steps = [0u32; 256];
    let mut i = 1;
    while i < 256 {
        let before = steps[i - 1];
        steps[i] = before.saturating_add(if before < 16 { 1 } else { before / 16 });
        i += 1;
    }
    steps
}

/// The step of [`LENGTHS`] nearest `words`.
fn length_code(words: u32) -> u8 {
    let above = LENGTHS.partition_point(|&l| l < words);
    match above {
        0 => 0,
        256.. => 255,
        i if words - LENGTHS[i - 1] < LENGTHS[i] - words => (i - 1) as u8,
        i => i as u8,
    }
}

/// A document's length as the index keeps it: the nearest of 256 steps,
/// within 3% (as Lucene keeps its norms in a byte). BM25 needs only a
/// length's rough size, and a byte a document rather than two or three
/// halves what a large corpus's `index.bin` spends on lengths.
pub fn coarse_length(words: u32) -> u32 {
    LENGTHS[length_code(words) as usize]
}

/// Lengths written as their steps' numbers, a byte each, read back as the
/// steps' lengths ([`coarse_length`]).
mod length_codes {
    use super::{length_code, Vec, LENGTHS};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(lengths: &[u32], s: S) -> Result<S::Ok, S::Error> {
        lengths.iter().map(|&l| length_code(l)).collect::<Vec<u8>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        Ok(Vec::<u8>::deserialize(d)?.into_iter().map(|c| LENGTHS[c as usize]).collect())
    }
}

/// Postings lists written as gaps between document indexes, read back whole.
mod doc_gaps {
    use super::Vec;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Postings = Vec<Vec<(u32, u32)>>;

    /// Lists are sorted by document, so every gap is the distance to the
    /// previous document.
    pub fn serialize<S: Serializer>(lists: &Postings, s: S) -> Result<S::Ok, S::Error> {
        let gaps: Postings = lists
            .iter()
            .map(|list| {
                let mut last = 0;
                list.iter().map(|&(doc, tf)| (doc.saturating_sub(core::mem::replace(&mut last, doc)), tf)).collect()
            })
            .collect();
        gaps.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Postings, D::Error> {
        let gaps = Postings::deserialize(d)?;
        Ok(gaps
            .into_iter()
            .map(|list| {
                let mut at = 0u32;
                list.into_iter()
                    .map(|(gap, tf)| {
                        at = at.saturating_add(gap);
                        (at, tf)
                    })
                    .collect()
            })
            .collect())
    }
}

/// Where each word of a run of terms stands in the documents, for phrases.
/// Positions are split from the index in chunks of consecutive terms so that
/// a large corpus can fetch only the chunks a phrase needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionChunk {
    /// The index of the chunk's first term.
    pub first_term: u32,
    /// For each term from `first_term`: its word numbers in each of its
    /// postings' documents.
    pub terms: Vec<TermPositions>,
}

/// One term's word numbers (title, deck, then body) in each document that
/// has it, in the order of its postings.
///
/// They are two flat lists, not a list per document: a frequent word of a
/// large corpus is in 100,000 documents, and decoding as many small lists
/// in the browser cost more than fetching them. The file holds each
/// posting's count of words, then every word number as a gap from the one
/// before in its document (the first from 0), which postcard stores in a
/// byte or two.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermPositions {
    /// Where each posting's gaps start in `gaps`, then where the last ends:
    /// ascending, from 0 to `gaps.len()`.
    starts: Vec<u32>,
    /// Every posting's word numbers as gaps, one posting after another.
    gaps: Vec<u32>,
}

impl TermPositions {
    /// A term's word numbers per posting, each list ascending.
    pub fn new(postings: &[Vec<u32>]) -> TermPositions {
        let mut out = TermPositions { starts: Vec::with_capacity(postings.len() + 1), gaps: Vec::new() };
        out.starts.push(0);
        for words in postings {
            let mut last = 0;
            out.gaps.extend(words.iter().map(|&n| n - core::mem::replace(&mut last, n)));
            out.starts.push(out.gaps.len() as u32);
        }
        out
    }

    /// How many postings it has.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether it has no posting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word numbers of posting `i`, ascending.
    pub fn posting(&self, i: usize) -> Option<Vec<u32>> {
        Some(self.numbers(i)?.collect())
    }

    /// The word numbers of posting `i`, ascending, as they are read.
    fn numbers(&self, i: usize) -> Option<impl Iterator<Item = u32> + '_> {
        let (&start, &end) = (self.starts.get(i)?, self.starts.get(i + 1)?);
        let gaps = self.gaps.get(start as usize..end as usize)?;
        Some(gaps.iter().scan(0u32, |at, &gap| {
            *at = at.saturating_add(gap);
            Some(*at)
        }))
    }
}

impl Serialize for TermPositions {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let counts: Vec<u32> = self.starts.windows(2).map(|w| w[1] - w[0]).collect();
        (counts, &self.gaps).serialize(s)
    }
}

impl<'de> Deserialize<'de> for TermPositions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (counts, gaps) = <(Vec<u32>, Vec<u32>)>::deserialize(d)?;
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        starts.push(at);
        for count in counts {
            at = at.checked_add(count).ok_or_else(|| serde::de::Error::custom("word counts overflow"))?;
            starts.push(at);
        }
        if at as usize != gaps.len() {
            return Err(serde::de::Error::custom("word counts do not add up to the word numbers"));
        }
        Ok(TermPositions { starts, gaps })
    }
}

/// Where a search finds the parts of an index that are not in it: chunks
/// of word positions, and fragments of terms when the index is split.
pub trait Positions {
    /// Chunk `k`, if it is at hand.
    fn chunk(&self, k: usize) -> Option<&PositionChunk>;
    /// Fragment `k` of the terms, if it is at hand.
    fn fragment(&self, _k: usize) -> Option<&TermFragment> {
        None
    }
}

impl Positions for [PositionChunk] {
    fn chunk(&self, k: usize) -> Option<&PositionChunk> {
        self.get(k)
    }
}

/// What a search found: documents with BM25 scores in document order, or,
/// when a phrase needs chunks of positions that are not loaded, those chunks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// Matching documents and their scores.
    pub scores: Vec<(u32, f32)>,
    /// Parts of the index the query needs that are not at hand.
    pub missing: Vec<Part>,
}

/// The terms a word matches, with their postings.
type Matches<'a> = Vec<(usize, &'a [(u32, u32)])>;

/// One part of a query: a word or a quoted phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// A folded word; `prefix` while it is still being typed.
    Word {
        /// The folded word.
        text: String,
        /// Whether any word it begins matches.
        prefix: bool,
    },
    /// Folded words that must stand in this order.
    Phrase(Vec<String>),
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Every clause must match.
    pub clauses: Vec<Clause>,
}

impl SearchQuery {
    /// Whether there is nothing to search for.
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
                let parts: Vec<String> =
                    tokens(table, raw, Span::new(0, raw.len())).into_iter().map(|t| t.text).collect();
                match parts.len() {
                    0 => {}
                    1 => {
                        clauses.push(Clause::Word { text: parts.into_iter().next().unwrap_or_default(), prefix: false })
                    }
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
        if prefix {
            token.starts_with(word)
        } else {
            token == word
        }
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
        out.sort_unstable();
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
    /// Moves the terms and postings into fragments of about `bytes` bytes
    /// of postings each (a frequent term may fill one alone), leaving their
    /// first terms in [`SearchIndex::fragments`].
    pub fn split_terms(&mut self, bytes: usize) -> Vec<TermFragment> {
        let terms = core::mem::take(&mut self.terms);
        let postings = core::mem::take(&mut self.postings);
        self.chunk_terms = self.chunk_starts.iter().filter_map(|&t| terms.get(t as usize).cloned()).collect();
        let mut out: Vec<TermFragment> = Vec::new();
        let mut size = 0;
        for (t, (term, list)) in terms.into_iter().zip(postings).enumerate() {
            if out.is_empty() || size >= bytes {
                out.push(TermFragment { first_term: t as u32, ..TermFragment::default() });
                size = 0;
            }
            size += term.len() + 3 * list.len();
            if let Some(fragment) = out.last_mut() {
                fragment.terms.push(term);
                fragment.postings.push(list);
            }
        }
        self.fragments = out.iter().map(|f| (f.terms.first().cloned().unwrap_or_default(), f.first_term)).collect();
        out
    }

    /// The terms a word matches (exactly, or every term it begins), with
    /// their postings; or the fragments that hold them, when they are not
    /// at hand.
    fn matches<'a>(
        &'a self,
        parts: &'a (impl Positions + ?Sized),
        word: &str,
        prefix: bool,
    ) -> Result<Matches<'a>, Vec<Part>> {
        if self.fragments.is_empty() {
            let range = term_range(&self.terms, word, prefix);
            return Ok(range.map(|t| (t, self.postings[t].as_slice())).collect());
        }
        // The fragment where the word would stand, and for a prefix those
        // after it that begin with it.
        let first = self.fragments.partition_point(|(start, _)| start.as_str() <= word).saturating_sub(1);
        let last = if prefix {
            first + self.fragments[first + 1..].partition_point(|(start, _)| start.starts_with(word))
        } else {
            first
        };
        let mut out = Vec::new();
        let mut missing = Vec::new();
        for k in first..=last.min(self.fragments.len().saturating_sub(1)) {
            match parts.fragment(k) {
                Some(fragment) => out.extend(
                    term_range(&fragment.terms, word, prefix)
                        .map(|i| (fragment.first_term as usize + i, fragment.postings[i].as_slice())),
                ),
                None => missing.push(Part::Terms(k as u32)),
            }
        }
        if missing.is_empty() {
            Ok(out)
        } else {
            Err(missing)
        }
    }

    /// Every clause's words' matches, and for each phrase the chunks of
    /// positions of its words; or every part that is not at hand.
    fn resolve<'a>(
        &'a self,
        parts: &'a (impl Positions + ?Sized),
        query: &SearchQuery,
    ) -> Result<Vec<Vec<Matches<'a>>>, Vec<Part>> {
        let mut missing = Vec::new();
        let mut clauses = Vec::new();
        for clause in &query.clauses {
            let words: Vec<(&str, bool)> = match clause {
                Clause::Word { text, prefix } => alloc::vec![(text.as_str(), *prefix)],
                Clause::Phrase(words) => words.iter().map(|w| (w.as_str(), false)).collect(),
            };
            let mut found = Vec::new();
            for (word, prefix) in words {
                // A phrase's word: its chunk of positions, found by the word
                // itself, is asked for now, with its fragment of terms.
                if matches!(clause, Clause::Phrase(_)) && !self.chunk_terms.is_empty() {
                    let k = self.chunk_terms.partition_point(|t| t.as_str() <= word).saturating_sub(1);
                    if parts.chunk(k).is_none() {
                        missing.push(Part::Positions(k as u32));
                    }
                }
                match self.matches(parts, word, prefix) {
                    Ok(matches) => {
                        if matches!(clause, Clause::Phrase(_)) {
                            missing.extend(
                                matches
                                    .iter()
                                    .map(|&(t, _)| self.chunk_of(t))
                                    .filter(|&k| parts.chunk(k).is_none())
                                    .map(|k| Part::Positions(k as u32)),
                            );
                        }
                        found.push(matches);
                    }
                    Err(parts) => missing.extend(parts),
                }
            }
            clauses.push(found);
        }
        if missing.is_empty() {
            Ok(clauses)
        } else {
            missing.sort_unstable();
            missing.dedup();
            Err(missing)
        }
    }

    /// The chunk holding a term's positions.
    pub fn chunk_of(&self, term: usize) -> usize {
        self.chunk_starts.partition_point(|&s| s as usize <= term).saturating_sub(1)
    }

    /// Documents matching every clause, with BM25 scores, in document order.
    /// Phrases are checked with the word positions.
    pub fn search(&self, parts: &(impl Positions + ?Sized), query: &SearchQuery) -> Found {
        let n = self.lengths.len();
        if query.is_empty() || n == 0 {
            return Found::default();
        }
        let clauses = match self.resolve(parts, query) {
            Ok(clauses) => clauses,
            Err(missing) => return Found { scores: Vec::new(), missing },
        };
        let average = self.lengths.iter().map(|&l| l as f32).sum::<f32>() / n as f32;
        let mut scores: Option<Vec<f32>> = None;
        for words in &clauses {
            for matches in words {
                let mut clause_scores = alloc::vec![0f32; n];
                let mut matched = alloc::vec![false; n];
                for &(_, postings) in matches {
                    let idf = (1.0 + (n as f32 - postings.len() as f32 + 0.5) / (postings.len() as f32 + 0.5)).ln();
                    for &(doc, tf) in postings {
                        let d = doc as usize;
                        let (Some(score), Some(&length)) = (clause_scores.get_mut(d), self.lengths.get(d)) else {
                            continue;
                        };
                        let tf = tf as f32;
                        *score += idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length as f32 / average.max(1.0)));
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
        // A phrase's words, each its one exact term with its word numbers,
        // found once for every document (a word the corpus lacks, or whose
        // chunk is not at hand, matches nowhere).
        let phrases: Vec<Option<Vec<PhraseWord>>> = query
            .clauses
            .iter()
            .zip(&clauses)
            .filter(|(c, _)| matches!(c, Clause::Phrase(_)))
            .map(|(_, words)| {
                words
                    .iter()
                    .map(|m| m.first().and_then(|&(t, postings)| self.phrase_word(parts, t, postings)))
                    .collect()
            })
            .collect();
        let scores = scores
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter(|(_, s)| !s.is_nan())
            .filter(|(d, _)| phrases.iter().all(|words| words.as_ref().is_some_and(|w| has_phrase(w, *d as u32))))
            .map(|(d, s)| (d as u32, s))
            .collect();
        Found { scores, missing: Vec::new() }
    }

    /// How many hits the query has in a document's body, from the index
    /// alone: term frequencies less the title and deck's words (`head`, from
    /// [`head_words`]), and phrases from word positions. `None` while a
    /// part of the index the query needs is not at hand.
    ///
    /// It equals the number of marks the reader shows (and of concordance
    /// lines) except where hits of two clauses overlap, which the reader
    /// merges into one mark, or a phrase runs across a paragraph break.
    pub fn body_hits(
        &self,
        parts: &(impl Positions + ?Sized),
        query: &SearchQuery,
        doc: u32,
        head: &[String],
    ) -> Option<u32> {
        let clauses = self.resolve(parts, query).ok()?;
        let mut total = 0u32;
        for (i, (clause, words)) in query.clauses.iter().zip(&clauses).enumerate() {
            if query.clauses[..i].contains(clause) {
                continue;
            }
            match clause {
                Clause::Word { text, prefix } => {
                    let indexed: u32 = words
                        .iter()
                        .flatten()
                        .filter_map(|&(_, postings)| {
                            postings.binary_search_by_key(&doc, |&(d, _)| d).ok().map(|p| postings[p].1)
                        })
                        .sum();
                    let in_head = head.iter().filter(|h| SearchQuery::word_matches(text, *prefix, h)).count();
                    total += indexed.saturating_sub(in_head as u32);
                }
                Clause::Phrase(_) => {
                    let terms: Option<Matches> = words.iter().map(|m| m.first().copied()).collect();
                    let Some(terms) = terms else { continue };
                    let lists: Option<Vec<Vec<u32>>> =
                        terms.iter().map(|&(t, postings)| self.positions_in(parts, t, postings, doc)).collect();
                    let Some(lists) = lists.filter(|l| !l.is_empty()) else { continue };
                    let found = lists[0].iter().filter(|&&p| {
                        p as usize >= head.len()
                            && lists
                                .iter()
                                .enumerate()
                                .skip(1)
                                .all(|(j, list)| list.binary_search(&(p + j as u32)).is_ok())
                    });
                    total += found.count() as u32;
                }
            }
        }
        Some(total)
    }

    /// The word numbers of a term (with its postings) in a document, when
    /// the document has it and the term's chunk is at hand.
    fn positions_in(
        &self,
        parts: &(impl Positions + ?Sized),
        term: usize,
        postings: &[(u32, u32)],
        doc: u32,
    ) -> Option<Vec<u32>> {
        let (postings, positions) = self.phrase_word(parts, term, postings)?;
        positions.posting(postings.binary_search_by_key(&doc, |&(d, _)| d).ok()?)
    }

    /// A phrase's word: its term's postings and word numbers, when its
    /// chunk is at hand.
    fn phrase_word<'a>(
        &self,
        parts: &'a (impl Positions + ?Sized),
        term: usize,
        postings: &'a [(u32, u32)],
    ) -> Option<PhraseWord<'a>> {
        let chunk = parts.chunk(self.chunk_of(term))?;
        Some((postings, chunk.terms.get(term.checked_sub(chunk.first_term as usize)?)?))
    }
}

/// A phrase's word, as [`SearchIndex::phrase_word`] finds it.
type PhraseWord<'a> = (&'a [(u32, u32)], &'a TermPositions);

/// Whether a phrase's words stand one after another somewhere in the
/// document. One pass over each word's numbers, as they are read: a phrase
/// of two frequent words checks tens of thousands of documents, so each
/// word's chunk is found once for them all ([`SearchIndex::phrase_word`]),
/// not once a document.
fn has_phrase(words: &[PhraseWord], doc: u32) -> bool {
    let mut lists = Vec::with_capacity(words.len());
    for &(postings, positions) in words {
        let posting = postings.binary_search_by_key(&doc, |&(d, _)| d).ok();
        match posting.and_then(|i| positions.numbers(i)) {
            Some(numbers) => lists.push(numbers.peekable()),
            None => return false,
        }
    }
    let Some((first, rest)) = lists.split_first_mut() else { return false };
    'starts: for p in first {
        for (j, list) in rest.iter_mut().enumerate() {
            let want = p.saturating_add(j as u32 + 1);
            // Word numbers ascend, and so does `want`: skip those before.
            while list.next_if(|&n| n < want).is_some() {}
            match list.peek() {
                Some(&n) if n == want => {}
                Some(_) => continue 'starts,
                None => return false,
            }
        }
        return true;
    }
    false
}

/// Indexes into sorted `terms` for a word: exactly, or every term it begins.
fn term_range(terms: &[String], word: &str, prefix: bool) -> core::ops::Range<usize> {
    let start = terms.partition_point(|t| t.as_str() < word);
    if !prefix {
        return if terms.get(start).is_some_and(|t| t == word) { start..start + 1 } else { start..start };
    }
    let end = start + terms[start..].partition_point(|t| t.starts_with(word));
    start..end
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

#[cfg(test)]
mod tests {
    use super::TermPositions;
    use proptest::prelude::*;

    proptest! {
        /// A length is kept within 3% (exactly up to 16 words), and a kept
        /// length survives the wire unchanged.
        #[test]
        fn lengths_are_kept_within_three_percent(words in 0u32..18_000_000) {
            let kept = super::coarse_length(words);
            prop_assert!(kept.abs_diff(words) as f64 <= 0.031 * words as f64 + 0.5, "{words} kept as {kept}");
            prop_assert_eq!(super::coarse_length(kept), kept);
            let index = super::SearchIndex { lengths: vec![kept, words.min(16)], ..Default::default() };
            let back: super::SearchIndex = serde_json::from_str(&serde_json::to_string(&index).unwrap()).unwrap();
            prop_assert_eq!(back.lengths, index.lengths);
        }

        #[test]
        fn term_positions_give_back_each_posting_after_a_round_trip(
            postings in proptest::collection::vec(proptest::collection::btree_set(0u32..5_000, 1..20), 0..40)
        ) {
            let postings: Vec<Vec<u32>> = postings.into_iter().map(|s| s.into_iter().collect()).collect();
            let positions = TermPositions::new(&postings);
            let text = serde_json::to_string(&positions).unwrap();
            let back: TermPositions = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&back, &positions);
            prop_assert_eq!(back.len(), postings.len());
            for (i, words) in postings.iter().enumerate() {
                prop_assert_eq!(back.posting(i), Some(words.clone()));
            }
            prop_assert_eq!(back.posting(postings.len()), None);
        }
    }

    #[test]
    fn word_counts_that_do_not_add_up_are_an_error() {
        // Two postings of 2 and 1 words, but 4 word numbers.
        let error = serde_json::from_str::<TermPositions>("[[2,1],[3,4,1,7]]").unwrap_err();
        assert!(error.to_string().contains("do not add up"), "{error}");
        let overflow = serde_json::from_str::<TermPositions>("[[4294967295,1],[1]]").unwrap_err();
        assert!(overflow.to_string().contains("overflow"), "{overflow}");
        let fine: TermPositions = serde_json::from_str("[[2,1],[3,4,7]]").unwrap();
        assert_eq!((fine.posting(0), fine.posting(1)), (Some(vec![3, 7]), Some(vec![7])));
    }
}
