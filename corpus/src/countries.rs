//! Country mentions: names, demonyms and places matched against the gazetteer
//! with word boundaries, leftmost-longest, with regions and organisations
//! blocking the countries inside them and rules for ambiguous words.

use std::collections::BTreeMap;

use crate::gazetteer::{gazetteer, Entry, Rule};
use crate::model::{CountryCount, Mention, Span};

/// Country mentions kept of one article, for the same reason as
/// `quotes::MAX_QUOTATIONS`; the analysis notes the cut.
pub const MAX_MENTIONS: usize = 50_000;

/// Every country mention in `text[block]` for each block, in text order, up
/// to [`MAX_MENTIONS`].
pub fn find_mentions(text: &str, blocks: &[Span]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for &block in blocks {
        if mentions.len() >= MAX_MENTIONS {
            break;
        }
        let Some(part) = text.get(block.range()) else { continue };
        // Whether the block speaks of the US state, read once per block
        // however many times it says "Georgia".
        let us_state = std::cell::OnceCell::new();
        let us_state = || *us_state.get_or_init(|| US_STATE_CUES.iter().any(|cue| part.contains(cue)));
        for (start, end, entry) in matches(part) {
            if let Entry::Country { code, kind, rule } = entry {
                if rule.is_none_or(|rule| allows(rule, part, start, end, us_state)) {
                    let span = Span::new(block.start as usize + start, block.start as usize + end);
                    mentions.push(Mention { code: code.clone(), kind: *kind, span });
                    if mentions.len() >= MAX_MENTIONS {
                        break;
                    }
                }
            }
        }
    }
    mentions
}

/// Leftmost-longest matches that sit on word boundaries. Overlapping matches
/// are found first and chosen afterwards, so that a longer term failing its
/// boundary check does not hide a shorter one that passes.
fn matches(text: &str) -> Vec<(usize, usize, &'static Entry)> {
    let g = gazetteer();
    let mut found: Vec<(usize, usize, usize)> = g
        .automaton
        .find_overlapping_iter(text)
        .filter(|m| on_word_boundaries(text, m.start(), m.end()))
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    // Leftmost first; at the same start, longest first.
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut chosen = Vec::new();
    let mut reached = 0;
    for (start, end, pattern) in found {
        if start >= reached {
            chosen.push((start, end, &g.entries[pattern]));
            reached = end;
        }
    }
    chosen
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // "Guinea" in "Guinea-Bissau" is the longer term's job; a hyphen after a
    // match is a boundary ("China-CELAC"), and so is an apostrophe ("China’s").
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn word_before(text: &str, start: usize) -> Option<&str> {
    let head = &text[..start];
    if !head.ends_with(' ') {
        return None;
    }
    head.trim_end_matches(' ').rsplit(' ').next().filter(|w| !w.is_empty())
}

fn word_after(text: &str, end: usize) -> Option<&str> {
    let tail = &text[end..];
    if !tail.starts_with(' ') {
        return None;
    }
    tail.trim_start_matches(' ').split(' ').next().filter(|w| !w.is_empty())
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().all(char::is_alphabetic)
}

/// Words that may stand capitalised before a place at the start of a sentence.
const FUNCTION_WORDS: [&str; 22] = [
    "in",
    "on",
    "at",
    "from",
    "to",
    "and",
    "or",
    "of",
    "for",
    "with",
    "by",
    "about",
    "across",
    "into",
    "near",
    "the",
    "visit",
    "visits",
    "toward",
    "towards",
    "between",
    "neighbouring",
];

const FOOD_WORDS: [&str; 20] = [
    "sandwich",
    "sandwiches",
    "dinner",
    "dinners",
    "meat",
    "breast",
    "breasts",
    "leg",
    "legs",
    "farm",
    "farms",
    "farmer",
    "farmers",
    "roast",
    "stuffing",
    "burger",
    "burgers",
    "bacon",
    "slices",
    "gravy",
];

const US_STATE_CUES: [&str; 8] = [
    "Atlanta",
    "Savannah",
    "U.S. state",
    "US state",
    "state of Georgia",
    "Georgia state",
    "Peach State",
    "Georgia, U.S",
];

/// Whether an ambiguous word at `text[start..end]` counts as its country.
fn allows(rule: Rule, text: &str, start: usize, end: usize, us_state: impl Fn() -> bool) -> bool {
    match rule {
        // "Chad Smith", "Michael Jordan": a capitalised word right before or
        // after makes it part of a person's name.
        Rule::Person => {
            let next_is_name = word_after(text, end).is_some_and(is_capitalised);
            let previous_is_name = word_before(text, start)
                .is_some_and(|w| is_capitalised(w) && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()));
            !next_is_name && !previous_is_name
        }
        Rule::UsState => !us_state(),
        Rule::Food => {
            let next = word_after(text, end).map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()).to_lowercase());
            !next.is_some_and(|w| FOOD_WORDS.contains(&w.as_str()))
        }
    }
}

/// Mentions counted per country, most mentioned first (then by code, so the
/// order is deterministic).
pub fn count(mentions: &[Mention]) -> Vec<CountryCount> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for mention in mentions {
        *counts.entry(mention.code.as_str()).or_default() += 1;
    }
    let mut out: Vec<CountryCount> =
        counts.into_iter().map(|(code, mentions)| CountryCount { code: code.to_owned(), mentions }).collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.code.cmp(&b.code)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MentionKind;

    fn codes(text: &str) -> Vec<String> {
        find_mentions(text, &[Span::new(0, text.len())]).into_iter().map(|m| m.code).collect()
    }

    fn found(text: &str) -> Vec<(String, String, MentionKind)> {
        find_mentions(text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|m| (m.code, text[m.span.range()].to_owned(), m.kind))
            .collect()
    }

    #[test]
    fn names_demonyms_and_places_map_to_codes_with_kinds_and_spans() {
        let text = "Venezuelan officials met in Vienna with Brazil.";
        assert_eq!(
            found(text),
            vec![
                ("VE".into(), "Venezuelan".into(), MentionKind::Demonym),
                ("AT".into(), "Vienna".into(), MentionKind::Place),
                ("BR".into(), "Brazil".into(), MentionKind::Name),
            ]
        );
    }

    #[test]
    fn cities_of_half_a_million_map_to_their_country() {
        assert_eq!(codes("held in Wuhan and Haikou"), ["CN", "CN"]);
        assert_eq!(codes("HAIKOU, Nov. 21 (Xinhua) --"), ["CN"]);
    }

    #[test]
    fn guinea_inside_papua_new_guinea_is_not_guinea() {
        assert_eq!(codes("Papua New Guinea and Guinea"), ["PG", "GN"]);
        assert_eq!(codes("Equatorial Guinea, Guinea-Bissau"), ["GQ", "GW"]);
    }

    #[test]
    fn niger_is_not_nigeria() {
        assert_eq!(codes("Niger and Nigeria; Nigerien and Nigerian troops"), ["NE", "NG", "NE", "NG"]);
    }

    #[test]
    fn possessives_with_either_apostrophe_count() {
        assert_eq!(codes("China's plan and China’s plan"), ["CN", "CN"]);
    }

    #[test]
    fn regions_and_organisations_are_not_countries() {
        assert!(codes("Latin America and the Caribbean, the Asia-Pacific, Latin American states").is_empty());
        assert!(codes("the European Space Agency and UN member states").is_empty());
        assert!(codes("all of the South American country's satellites").is_empty());
        assert!(codes("the Indian Ocean, New Mexico and the Gulf of Guinea").is_empty());
    }

    #[test]
    fn chad_and_jordan_as_names_of_people_are_not_countries() {
        assert!(codes("Chad Smith met Michael Jordan.").is_empty());
        assert_eq!(codes("Sudan and Chad signed; In Jordan, talks went on."), ["SD", "TD", "JO"]);
        assert_eq!(codes("King Abdullah of Jordan"), ["JO"]);
    }

    #[test]
    fn turkey_the_bird_and_georgia_the_state_are_not_countries() {
        assert!(codes("Turkey sandwiches were served; the turkey was roasted.").is_empty());
        assert_eq!(codes("Turkey and Greece talked."), ["TR", "GR"]);
        assert_eq!(codes("Georgia, a U.S. state, near Atlanta"), ["US", "US"]);
        assert_eq!(codes("Georgia and Armenia border Turkey."), ["GE", "AM", "TR"]);
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        assert!(codes("Chinatown, Indiana, Francesca and Romanians")
            .iter()
            .all(|c| c != "CN" && c != "IN" && c != "FR" && c != "OM"));
        assert_eq!(codes("Romanians"), ["RO"]);
    }

    #[test]
    fn counts_order_by_mentions_then_code() {
        let text = "France, Chinese, China, Italy, China";
        let counted = count(&find_mentions(text, &[Span::new(0, text.len())]));
        let got: Vec<(&str, u32)> = counted.iter().map(|c| (c.code.as_str(), c.mentions)).collect();
        assert_eq!(got, [("CN", 3), ("FR", 1), ("IT", 1)]);
    }
}
