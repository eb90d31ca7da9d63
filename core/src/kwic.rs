//! Keyword-in-context lines: a country mention with a few words either side,
//! cut at sentence ends, for the Countries view.

extern crate alloc;
use alloc::vec::Vec;

use crate::model::{Document, Span};

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
