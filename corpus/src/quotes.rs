//! Direct quotations: pairing quote marks into quotations, across sentences
//! and paragraphs. Which of them are real quotations, and who said them, is
//! `speakers.rs`'s job.
//!
//! Only double marks open a quotation (`"`, `“`, `„`, `«`): single marks are
//! apostrophes far more often than quotes ("China’s", "people's"). A quotation
//! that runs on over paragraphs follows the convention that the next
//! paragraph reopens the quote without closing the previous one.

use crate::model::Span;

/// A pair of quote marks and what lies between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairing {
    /// From the opening mark to the closing mark, both included; to the end of
    /// the paragraph when the quotation is never closed.
    pub span: Span,
    /// The quoted words, one span per paragraph, without the marks.
    pub parts: Vec<Span>,
    /// The paragraph indexes of the first and last part.
    pub first_paragraph: usize,
    pub last_paragraph: usize,
    pub closed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight quote between two letters: its role depends on the state.
    Toggle,
}

fn is_opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ','))
}

fn is_closing_context(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/')
    })
}

/// The role of the double quote mark `c` given its neighbours.
fn classify(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    let opens = is_opening_context(before) && !after.is_some_and(char::is_whitespace) && after.is_some();
    let closes = !before.is_some_and(char::is_whitespace) && before.is_some() && is_closing_context(after);
    match c {
        '"' => Some(match (opens, closes) {
            (true, false) => Mark::Open,
            (false, true) => Mark::Close,
            _ => Mark::Toggle,
        }),
        // Curly marks say which they are, unless the context clearly says the
        // opposite (a text typed with the wrong curl).
        '“' | '„' | '«' => Some(if closes && !opens { Mark::Close } else { Mark::Open }),
        '”' | '»' => Some(if opens && !closes { Mark::Open } else { Mark::Close }),
        _ => None,
    }
}

/// Whether a paragraph starts with an opening mark (a reopened quotation).
fn starts_with_opener(text: &str, paragraph: Span) -> bool {
    let Some(body) = text.get(paragraph.range()) else { return false };
    let mut chars = body.chars();
    let first = chars.next();
    let second = chars.next();
    first.is_some_and(|c| classify(c, None, second) == Some(Mark::Open))
}

/// A quotation being read: its opening mark, its finished parts, the start of
/// its part in the current paragraph, and the paragraph it began in.
struct Open {
    start: usize,
    parts: Vec<Span>,
    part_start: usize,
    first: usize,
}

/// Quotations kept of one article. No news article comes near it; a file
/// that does (a run of quote marks) would otherwise cost memory many times
/// its size. The analysis notes the cut.
pub const MAX_QUOTATIONS: usize = 20_000;

/// Pairs the quote marks of the given paragraphs (spans into `text`), up to
/// [`MAX_QUOTATIONS`].
pub fn pair_quotes(text: &str, paragraphs: &[Span]) -> Vec<Pairing> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    for (index, &paragraph) in paragraphs.iter().enumerate() {
        if out.len() >= MAX_QUOTATIONS {
            return out;
        }
        let Some(body) = text.get(paragraph.range()) else { continue };
        let base = paragraph.start as usize;
        let mut previous: Option<char> = None;
        let mut iter = body.char_indices().peekable();
        // A quotation carried over from the previous paragraph: this
        // paragraph's first character is its reopening mark.
        if let Some(carried) = open.as_mut() {
            if let Some((_, c)) = iter.next() {
                carried.part_start = base + c.len_utf8();
                previous = Some(c);
            }
        }
        while let Some((offset, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let at = base + offset;
            if let Some(mark) = classify(c, previous, next) {
                let closing = match mark {
                    Mark::Open => false,
                    Mark::Close => true,
                    Mark::Toggle => open.is_some(),
                };
                match (closing, open.take()) {
                    (true, Some(mut q)) => {
                        q.parts.push(Span::new(q.part_start, at));
                        finish(&mut out, q, at + c.len_utf8(), index, true);
                    }
                    (true, None) => {} // a stray closing mark
                    (false, Some(mut q)) => {
                        // A new opening mark while one is open: the earlier
                        // quotation was never closed and ends here.
                        q.parts.push(Span::new(q.part_start, at));
                        finish(&mut out, q, at, index, false);
                        open = Some(Open { start: at, parts: Vec::new(), part_start: at + c.len_utf8(), first: index });
                    }
                    (false, None) => {
                        open = Some(Open { start: at, parts: Vec::new(), part_start: at + c.len_utf8(), first: index })
                    }
                }
            }
            previous = Some(c);
        }
        if let Some(mut q) = open.take() {
            let end = paragraph.end as usize;
            q.parts.push(Span::new(q.part_start, end));
            if paragraphs.get(index + 1).is_some_and(|&p| starts_with_opener(text, p)) {
                open = Some(q);
            } else {
                finish(&mut out, q, end, index, false);
            }
        }
    }
    out
}

fn finish(out: &mut Vec<Pairing>, q: Open, end: usize, last: usize, closed: bool) {
    let parts: Vec<Span> = q.parts.into_iter().filter(|p| !p.is_empty()).collect();
    if !parts.is_empty() && out.len() < MAX_QUOTATIONS {
        out.push(Pairing {
            span: Span::new(q.start, end),
            parts,
            first_paragraph: q.first,
            last_paragraph: last,
            closed,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::lines;

    fn quoted(text: &str) -> Vec<(Vec<String>, bool)> {
        pair_quotes(text, &lines(text))
            .into_iter()
            .map(|q| (q.parts.iter().map(|p| text[p.range()].to_owned()).collect(), q.closed))
            .collect()
    }

    #[test]
    fn straight_and_curly_quotes_pair() {
        assert_eq!(
            quoted("He said \"Yes, fine.\" and “No.”"),
            [(vec!["Yes, fine.".into()], true), (vec!["No.".into()], true)]
        );
    }

    #[test]
    fn apostrophes_never_open_a_quote() {
        assert_eq!(quoted("China’s people's 'views' and China’ s plan"), vec![]);
        assert_eq!(quoted("“people's livelihoods,” Xi wrote"), [(vec!["people's livelihoods,".into()], true)]);
    }

    #[test]
    fn a_quote_runs_across_sentences_and_reopened_paragraphs() {
        let text = "“First sentence. Second sentence.\n\n“Next paragraph,” he added.\n\nAfter.";
        assert_eq!(quoted(text), [(vec!["First sentence. Second sentence.".into(), "Next paragraph,".into()], true)]);
        let q = &pair_quotes(text, &lines(text))[0];
        assert_eq!((q.first_paragraph, q.last_paragraph), (0, 1));
    }

    #[test]
    fn unbalanced_marks_end_at_the_paragraph_or_the_next_opening_mark() {
        assert_eq!(quoted("“Never closed\n\nNext paragraph."), [(vec!["Never closed".into()], false)]);
        assert_eq!(quoted("“One “Two” end"), [(vec!["One ".into()], false), (vec!["Two".into()], true)]);
        assert_eq!(quoted("stray” mark and \"\" empty"), vec![]);
    }
}
