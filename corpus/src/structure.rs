//! A news file's layout: title, deck, header metadata, dateline, body,
//! credits and trailing page chrome. Every part is a span into the text, so
//! nothing is deleted: parts that are not body text are only kept apart.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{find_dates, find_month_day};
use crate::model::Span;

/// The parts of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub title: Span,
    pub subtitle: Option<Span>,
    /// Header metadata: whole lines, and header noise cut from the title line.
    pub header: Vec<Span>,
    pub dateline: Option<Dateline>,
    pub paragraphs: Vec<Span>,
    pub credits: Vec<Span>,
    pub boilerplate: Vec<Span>,
}

/// `BEIJING, May 4 (Xinhua) --`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub span: Span,
    /// Title-cased: "Beijing".
    pub place: String,
    pub agency: Option<String>,
    pub month_day: Option<(u8, u8)>,
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid layout pattern")
}

/// `date 2022-05-04 ` or `updatetime:2022-04-19 12:44:34` at the start of a line.
fn labelled_date() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"^(?i:date|dated|updated?|update\s*time|updatetime|published|posted|release\s*time)\s*[:：]?\s*\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*",
        )
    });
    &RE
}

fn metadata_label() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"^\(?\s*(?i:date|dated|updated?|update\s*time|updatetime|published|posted|time|source|views|by|author|from|release\s*time)\s*[:：]|(?i:(?-u:\b)views\s*[:：]\s*\d)",
        )
    });
    &RE
}

fn byline() -> &'static Regex {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| regex(r"^By\s+\p{Lu}[\p{L}.'\-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'\-]*){0,5}$"));
    &RE
}

fn time_or_bracket() -> &'static Regex {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| regex(r"(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?-u:\b)|\([^)]*\)|[()\[\],:|/\-–—]"));
    &RE
}

fn credit() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"^\(?\s*(?i:(?:web\s*|copy\s*|chief\s*)?editors?|reporters?|translators?|photos?|photographers?|writers?|correspondents?|(?:edited|reported|reporting|writing|written|translated|contributed|compiled|produced|proofread)\s+by)\s*(?:[:：]|\s)\s*\S",
        )
    });
    &RE
}

fn chrome() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"^(?i:share(?: this)?|print|e-?mail|comments?|related(?: articles| stories| news)?|copyright(?-u:\b).*|©.*|all rights reserved\.?|follow us.*|read more|back to top|tags?\s*:.*|keywords?\s*:.*)$",
        )
    });
    &RE
}

fn dateline_regex() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"^(?P<place>\p{Lu}[\p{L}'.\-]*(?:\s+\p{Lu}[\p{L}'.\-]*){0,3})(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?(?:,\s*(?P<date>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}))?\s*\((?P<agency>[^)]{1,40})\)\s*(?:--|—|–|-|:)\s*",
        )
    });
    &RE
}

/// The agency at the start of a header line: `Xinhua) 08:44, …` or `(Xinhua) …`.
fn agency_fragment() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| regex(r"^\(?\s*(?P<agency>\p{Lu}[\p{L}&.'\- ]{1,40}?)\s*\)"));
    &RE
}

/// Source labels in the header: `Source: China Daily`.
fn source_label() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?i:source)\s*[:：]\s*(?P<source>\S.{0,60}?)\s*$"));
    &RE
}

/// The non-empty lines of `text`, trimmed, as spans.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let begin = start + trimmed_start;
            out.push(Span::new(begin, begin + trimmed.len()));
        }
        start += line.len() + 1;
    }
    out
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A header line that carries metadata rather than text: labelled fields,
/// view counters, bylines, and lines that are little more than a date or time
/// (`Xinhua) 08:44, November 22, 2022`).
pub fn is_metadata_line(line: &str) -> bool {
    if metadata_label().is_match(line) || labelled_date().is_match(line) || byline().is_match(line) {
        return true;
    }
    let dates = find_dates(line, Span::new(0, line.len()));
    let has_time = time_or_bracket().find_iter(line).any(|m| m.as_str().contains(':') && m.as_str().len() > 1);
    if dates.is_empty() && !has_time {
        return false;
    }
    let mut rest = line.to_owned();
    for (span, _) in dates.iter().rev() {
        rest.replace_range(span.range(), " ");
    }
    let rest = time_or_bracket().replace_all(&rest, " ");
    word_count(&rest) <= 2
}

fn is_credit(line: &str) -> bool {
    line.len() <= 160 && credit().is_match(line)
}

/// Page chrome at the end of a file: short navigation labels, and lines in
/// another script than the article's (the Devanagari "comments" label of a
/// page saved from the web).
fn is_boilerplate(line: &str, latin_text: bool) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if latin_text && !letters.is_empty() {
        let latin = letters.iter().filter(|c| is_latin(**c)).count();
        if latin * 2 < letters.len() {
            return true;
        }
    }
    word_count(line) <= 6 && chrome().is_match(line)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Whether most letters of the text are Latin.
fn mostly_latin(text: &str) -> bool {
    let (mut latin, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        all += 1;
        latin += usize::from(is_latin(c));
    }
    latin * 2 >= all
}

/// "BEIJING" → "Beijing", "RIO DE JANEIRO" → "Rio de Janeiro"; a place
/// already in mixed case is kept as written.
pub fn title_case(place: &str) -> String {
    if place.chars().any(char::is_lowercase) {
        return place.to_owned();
    }
    let small = ["de", "da", "do", "del", "la", "le", "of", "el", "al", "es"];
    place
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && small.contains(&lower.as_str()) {
                return lower;
            }
            let mut out = String::new();
            let mut capital_next = true;
            for c in lower.chars() {
                if capital_next {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                capital_next = matches!(c, '-' | '.' | '\'');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a dateline at the start of a paragraph.
pub fn parse_dateline(text: &str, paragraph: Span) -> Option<Dateline> {
    let line = text.get(paragraph.range())?;
    let caps = dateline_regex().captures(line)?;
    let whole = caps.get(0)?;
    let place = caps.name("place")?.as_str();
    // A dateline's place is written in capitals; mixed case needs the date too,
    // or a sentence like "Officials (pictured) - …" would pass.
    if place.chars().any(char::is_lowercase) && caps.name("date").is_none() {
        return None;
    }
    let agency = caps.name("agency").map(|m| m.as_str().trim().to_owned()).filter(|a| !a.is_empty());
    let month_day = caps.name("date").and_then(|m| find_month_day(m.as_str()));
    let start = paragraph.start as usize;
    let end = start + whole.as_str().trim_end().len();
    Some(Dateline { span: Span::new(start, end), place: title_case(place), agency, month_day })
}

/// The agency a header line names, as in `Xinhua) 08:44, November 22, 2022`
/// or `Source: Xinhua`.
pub fn header_agency(line: &str) -> Option<String> {
    if let Some(caps) = source_label().captures(line) {
        return Some(caps.name("source")?.as_str().to_owned());
    }
    let caps = agency_fragment().captures(line)?;
    let agency = caps.name("agency")?.as_str().trim();
    (word_count(agency) <= 4).then(|| agency.to_owned())
}

/// Splits a document's text into its parts.
pub fn layout(text: &str) -> Layout {
    let all = lines(text);
    let mut layout = Layout::default();
    let mut i = 0;

    // Title: the first line, without header noise such as `date 2022-05-04`;
    // a line that is nothing but metadata is header, and the title comes next.
    while i < all.len() {
        let line = all[i];
        let content = &text[line.range()];
        if let Some(m) = labelled_date().find(content) {
            let rest = Span::new(line.start as usize + m.end(), line.end as usize);
            layout.header.push(Span::new(line.start as usize, line.start as usize + m.as_str().trim_end().len()));
            i += 1;
            if !rest.is_empty() {
                layout.title = rest;
                break;
            }
        } else if is_metadata_line(content) && i + 1 < all.len() {
            layout.header.push(line);
            i += 1;
        } else {
            layout.title = line;
            i += 1;
            break;
        }
    }

    // Header zone: metadata lines and at most one deck, before the body.
    let mut seen_deck = false;
    while i < all.len() {
        let line = all[i];
        let content = &text[line.range()];
        if is_metadata_line(content) {
            layout.header.push(line);
            i += 1;
            continue;
        }
        let is_deck = !seen_deck
            && i + 1 < all.len()
            && word_count(content) <= 30
            && !content.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';'])
            && parse_dateline(text, line).is_none()
            && !is_credit(content);
        if is_deck {
            layout.subtitle = Some(line);
            seen_deck = true;
            i += 1;
            continue;
        }
        break;
    }

    // Trailing credits and page chrome, peeled off the end.
    let latin = mostly_latin(text);
    let mut end = all.len();
    while end > i {
        let line = all[end - 1];
        let content = &text[line.range()];
        if is_credit(content) {
            layout.credits.insert(0, line);
        } else if is_boilerplate(content, latin) {
            layout.boilerplate.insert(0, line);
        } else {
            break;
        }
        end -= 1;
    }

    layout.paragraphs = all[i..end].to_vec();
    layout.dateline = layout.paragraphs.first().and_then(|&p| parse_dateline(text, p));
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (String, Option<String>, Vec<String>, usize, Vec<String>, Vec<String>) {
        let l = layout(text);
        let s = |span: Span| text[span.range()].to_owned();
        (
            s(l.title),
            l.subtitle.map(s),
            l.header.iter().map(|&h| s(h)).collect(),
            l.paragraphs.len(),
            l.credits.iter().map(|&c| s(c)).collect(),
            l.boilerplate.iter().map(|&b| s(b)).collect(),
        )
    }

    #[test]
    fn title_loses_a_leading_labelled_date() {
        let (title, _, header, ..) =
            parts(" date 2022-05-04 Xiplomacy: Xi promotes space\n\nBEIJING, May 4 (Xinhua) -- Body.\n");
        assert_eq!(title, "Xiplomacy: Xi promotes space");
        assert_eq!(header, ["date 2022-05-04"]);
    }

    #[test]
    fn metadata_lines_after_the_title_are_header() {
        let text = "Title here\n updatetime:2022-04-19 12:44:34   Views:0\n\nFirst paragraph.\n\nSecond.\n";
        let (title, subtitle, header, paragraphs, ..) = parts(text);
        assert_eq!((title.as_str(), subtitle, paragraphs), ("Title here", None, 2));
        assert_eq!(header, ["updatetime:2022-04-19 12:44:34   Views:0"]);
        let (.., header, _, _, _) =
            parts("T\n\nXinhua) 08:44, November 22, 2022\n\nHAIKOU, Nov. 21 (Xinhua) -- Body.\n");
        assert_eq!(header, ["Xinhua) 08:44, November 22, 2022"]);
    }

    #[test]
    fn a_short_unpunctuated_second_line_is_the_deck() {
        let text = "Xi hails progress\n\nBeijing willing to boost partnership, he says\n\nChina is willing, Xi said.\n";
        let (_, subtitle, _, paragraphs, ..) = parts(text);
        assert_eq!(subtitle.as_deref(), Some("Beijing willing to boost partnership, he says"));
        assert_eq!(paragraphs, 1);
        let (_, subtitle, ..) = parts("Title\n\nA first paragraph that ends with a full stop.\n\nMore.\n");
        assert_eq!(subtitle, None);
    }

    #[test]
    fn credits_and_foreign_script_chrome_are_kept_apart() {
        let text = "Title\n\nBody one.\n\nBody two.\n\n(Web editor: Cai Hairuo, Liang Jun)\n";
        let (.., paragraphs, credits, _) = parts(text);
        assert_eq!((paragraphs, credits), (2, vec!["(Web editor: Cai Hairuo, Liang Jun)".to_owned()]));
        let (.., credits, _) = parts("Title\n\nBody.\n\nWeb Editor:MXJ\n");
        assert_eq!(credits, ["Web Editor:MXJ"]);
        let (.., paragraphs, _, boilerplate) = parts("Title\n\nBody one.\n\nBody two.\n\nटिप्पणीहरू\n");
        assert_eq!((paragraphs, boilerplate), (2, vec!["टिप्पणीहरू".to_owned()]));
        let (.., boilerplate) = parts("Title\n\nBody.\n\nShare\n\nPrint\n");
        assert_eq!(boilerplate, ["Share", "Print"]);
    }

    #[test]
    fn datelines_give_place_agency_and_month_day() {
        let text = "BEIJING, May 4 (Xinhua) -- Ahead of Youth Day";
        let d = parse_dateline(text, Span::new(0, text.len())).unwrap();
        assert_eq!((d.place.as_str(), d.agency.as_deref(), d.month_day), ("Beijing", Some("Xinhua"), Some((5, 4))));
        assert_eq!(&text[d.span.range()], "BEIJING, May 4 (Xinhua) --");
        let text = "RIO DE JANEIRO, Brazil, Sept. 3 (Reuters) — Text";
        let d = parse_dateline(text, Span::new(0, text.len())).unwrap();
        assert_eq!(
            (d.place.as_str(), d.agency.as_deref(), d.month_day),
            ("Rio de Janeiro", Some("Reuters"), Some((9, 3)))
        );
        let text = "China (pictured) - said";
        assert_eq!(parse_dateline(text, Span::new(0, text.len())), None);
    }

    #[test]
    fn header_agencies() {
        assert_eq!(header_agency("Xinhua) 08:44, November 22, 2022").as_deref(), Some("Xinhua"));
        assert_eq!(header_agency("Source: China Daily").as_deref(), Some("China Daily"));
        assert_eq!(header_agency("updatetime:2022-04-19 12:44:34"), None);
    }
}
