//! Keyword-in-context lines: a country mention with a few words either side,
//! cut at sentence ends, for the Countries view; and the concordance of a
//! search (`view=contexts`): every hit with a fixed number of words either
//! side, sortable by the words next to it as AntConc's 1L, 2L, 1R and 2R.
//!
//! A concordance line is exactly a hit the reader marks (the same
//! [`SearchQuery::hits`] over the same paragraphs), so line *n* of a document
//! opens the reader at its *n*th mark.

extern crate alloc;
use alloc::string::String;
use alloc::vec::Vec;

use crate::model::{Document, Span};
use crate::search::{tokens, FoldTable, SearchQuery};

/// Words of context either side of a concordance hit, by default.
pub const CONTEXT_WORDS: usize = 6;

/// The order of concordance lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KwicSort {
    /// By document, as the results are ordered, then by place in it.
    #[default]
    Document,
    /// By the first word left of the hit.
    L1,
    /// By the second word left of the hit.
    L2,
    /// By the first word right of the hit.
    R1,
    /// By the second word right of the hit.
    R2,
}

impl KwicSort {
    /// Every order, in the order the menu lists them.
    pub const ALL: [KwicSort; 5] = [KwicSort::Document, KwicSort::L1, KwicSort::L2, KwicSort::R1, KwicSort::R2];

    /// The value of `kwic=` in the URL (none for document order).
    pub fn key(self) -> &'static str {
        match self {
            KwicSort::Document => "",
            KwicSort::L1 => "1L",
            KwicSort::L2 => "2L",
            KwicSort::R1 => "1R",
            KwicSort::R2 => "2R",
        }
    }

    /// The menu's label.
    pub fn label(self) -> &'static str {
        match self {
            KwicSort::Document => "Document order",
            KwicSort::L1 => "1st word left (1L)",
            KwicSort::L2 => "2nd word left (2L)",
            KwicSort::R1 => "1st word right (1R)",
            KwicSort::R2 => "2nd word right (2R)",
        }
    }

    /// The order a URL value names (`1l` as well as `1L`).
    pub fn parse(text: &str) -> Option<KwicSort> {
        KwicSort::ALL.into_iter().skip(1).find(|k| k.key().eq_ignore_ascii_case(text))
    }
}

/// One concordance line of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HitLine {
    /// 1-based: the hit's number among the document's hits.
    pub number: u32,
    /// The context on the left, up to the hit.
    pub left: Span,
    /// The hit.
    pub hit: Span,
    /// The context on the right, from the hit.
    pub right: Span,
    /// Folded words for sorting: 1L, 2L, 1R, 2R (empty where the paragraph
    /// ends first).
    keys: [String; 4],
}

impl HitLine {
    /// The word this order sorts by.
    pub fn key(&self, sort: KwicSort) -> &str {
        match sort {
            KwicSort::Document => "",
            KwicSort::L1 => &self.keys[0],
            KwicSort::L2 => &self.keys[1],
            KwicSort::R1 => &self.keys[2],
            KwicSort::R2 => &self.keys[3],
        }
    }
}

/// Every hit of `query` in the document's body paragraphs, with `words`
/// words of context either side within its paragraph.
pub fn hit_lines(table: &FoldTable, doc: &Document, query: &SearchQuery, words: usize) -> Vec<HitLine> {
    let mut out = Vec::new();
    for &paragraph in &doc.paragraphs {
        let hits = query.hits(table, &doc.text, paragraph);
        if hits.is_empty() {
            continue;
        }
        let toks = tokens(table, &doc.text, paragraph);
        for hit in hits {
            // Words wholly before and after the hit.
            let before = toks.partition_point(|t| t.span.end <= hit.start);
            let after = toks.partition_point(|t| t.span.start < hit.end);
            let left_start = if before > words { toks[before - words].span.start } else { paragraph.start };
            let right_end = match toks.get(after + words) {
                Some(_) => toks[after + words - 1].span.end,
                None => paragraph.end,
            };
            let word = |i: Option<usize>| i.and_then(|i| toks.get(i)).map(|t| t.text.clone()).unwrap_or_default();
            let keys =
                [word(before.checked_sub(1)), word(before.checked_sub(2)), word(Some(after)), word(Some(after + 1))];
            out.push(HitLine {
                number: out.len() as u32 + 1,
                left: Span { start: left_start, end: hit.start },
                hit,
                right: Span { start: hit.end, end: right_end },
                keys,
            });
        }
    }
    out
}

/// Sorts `(document position in the results, line)` pairs: by the chosen
/// word, then in document order; document order alone keeps them as given.
pub fn sort_lines(lines: &mut [(u32, HitLine)], sort: KwicSort) {
    if sort != KwicSort::Document {
        lines.sort_by(|a, b| a.1.key(sort).cmp(b.1.key(sort)).then(a.0.cmp(&b.0)).then(a.1.number.cmp(&b.1.number)));
    }
}

/// One line: the window of text and the mention inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The text shown.
    pub window: Span,
    /// The mention inside it.
    pub mention: Span,
}

/// The mentions of `code` in the document's body paragraphs, each with about
/// `radius` words of context on either side, not crossing a sentence end.
pub fn mention_lines(doc: &Document, code: &str, radius: usize) -> Vec<Line> {
    let mut out = Vec::new();
    for mention in doc.mentions.iter().filter(|m| m.code == code) {
        let Some(paragraph) = doc.paragraphs.iter().find(|p| p.contains(mention.span)) else { continue };
        let text = &doc.text;
        let (p_start, p_end) = (paragraph.start as usize, paragraph.end as usize);
        let (m_start, m_end) = (mention.span.start as usize, mention.span.end as usize);
        let before = text.get(p_start..m_start).unwrap_or("");
        let after = text.get(m_end..p_end).unwrap_or("");
        // Back to the sentence start or `radius` words, whichever is nearer.
        let mut start = m_start;
        let mut words = 0;
        for (i, c) in before.char_indices().rev() {
            if c == ' ' {
                words += 1;
                if words > radius {
                    break;
                }
            }
            if matches!(c, '.' | '!' | '?') && i + 1 < before.len() && before[i + 1..].starts_with(' ') && words > 0 {
                break;
            }
            start = p_start + i;
        }
        let mut end = m_end;
        let mut words = 0;
        for (i, c) in after.char_indices() {
            end = m_end + i + c.len_utf8();
            if c == ' ' {
                words += 1;
                if words > radius {
                    end -= 1;
                    break;
                }
            }
            if matches!(c, '.' | '!' | '?') && after[i + 1..].starts_with([' ', '\n'])
                || after.len() == i + c.len_utf8()
            {
                break;
            }
        }
        let lead = text.get(start..m_start).map_or(0, |t| t.len() - t.trim_start().len());
        out.push(Line { window: Span::new(start + lead, end.max(m_end)), mention: mention.span });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, MentionKind};

    fn doc(text: &str, mention: &str) -> Document {
        let start = text.find(mention).unwrap();
        Document {
            file: "x.txt".into(),
            slug: "x".into(),
            title: "T".into(),
            subtitle: None,
            date: None,
            date_source: None,
            source: None,
            place: None,
            url: None,
            header: Vec::new(),
            dateline: None,
            paragraphs: alloc::vec![Span::new(0, text.len())],
            credits: Vec::new(),
            boilerplate: Vec::new(),
            mentions: alloc::vec![Mention {
                code: "PK".into(),
                kind: MentionKind::Name,
                span: Span::new(start, start + mention.len())
            }],
            countries: Vec::new(),
            quotes: Vec::new(),
            event_dates: Vec::new(),
            lede: String::new(),
            quote_preview: String::new(),
            text: text.into(),
        }
    }

    fn body(text: &str) -> Document {
        let mut d = doc(text, text.split(' ').next().unwrap());
        d.mentions.clear();
        d
    }

    #[test]
    fn concordance_lines_have_words_either_side_within_the_paragraph() {
        let d = body("One two three four five six seven space eight nine, ten eleven twelve thirteen. Space!");
        let table = FoldTable::default();
        let lines = hit_lines(&table, &d, &SearchQuery::parse(&table, "space "), 6);
        assert_eq!(lines.len(), 2);
        let text = |s: Span| &d.text[s.range()];
        assert_eq!(text(lines[0].left), "two three four five six seven ");
        assert_eq!(text(lines[0].hit), "space");
        assert_eq!(text(lines[0].right), " eight nine, ten eleven twelve thirteen");
        assert_eq!((lines[0].key(KwicSort::L1), lines[0].key(KwicSort::L2)), ("seven", "six"));
        assert_eq!((lines[0].key(KwicSort::R1), lines[0].key(KwicSort::R2)), ("eight", "nine"));
        // At the paragraph's end the context runs to it, punctuation included.
        assert_eq!(text(lines[1].left), "eight nine, ten eleven twelve thirteen. ");
        assert_eq!(text(lines[1].right), "!");
        assert_eq!(lines[1].key(KwicSort::R1), "");
        assert_eq!(lines[1].number, 2);
    }

    #[test]
    fn concordance_sorts_by_the_chosen_word_then_document_order() {
        let table = FoldTable::default();
        let query = SearchQuery::parse(&table, "port ");
        let mut lines: Vec<(u32, HitLine)> = Vec::new();
        for (i, text) in ["the busy port of Lima", "a quiet port city", "another busy port town"].iter().enumerate() {
            lines.extend(hit_lines(&table, &body(text), &query, 6).into_iter().map(|l| (i as u32, l)));
        }
        let order = |lines: &[(u32, HitLine)]| lines.iter().map(|(d, _)| *d).collect::<Vec<_>>();
        let mut by = lines.clone();
        sort_lines(&mut by, KwicSort::L1);
        assert_eq!(order(&by), [0, 2, 1], "busy, busy, quiet");
        sort_lines(&mut by, KwicSort::R1);
        assert_eq!(order(&by), [1, 0, 2], "city, of, town");
        sort_lines(&mut by, KwicSort::Document);
        assert_eq!(order(&by), [1, 0, 2], "document order leaves the lines as given");
        assert_eq!(KwicSort::parse("2r"), Some(KwicSort::R2));
        assert_eq!(KwicSort::parse(""), None);
    }

    #[test]
    fn lines_stop_at_sentence_ends_and_radius() {
        let text = "First sentence here. It worked with France, Pakistan, and many others in space. Last one.";
        let d = doc(text, "Pakistan");
        let lines = mention_lines(&d, "PK", 3);
        assert_eq!(lines.len(), 1);
        assert_eq!(&text[lines[0].window.range()], "worked with France, Pakistan, and many others");
        let lines = mention_lines(&d, "PK", 30);
        assert_eq!(&text[lines[0].window.range()], "It worked with France, Pakistan, and many others in space.");
        assert!(mention_lines(&d, "FR", 3).is_empty());
    }
}
