//! Which paired quotations are real quotations, and who said them.
//!
//! Speakers come from the text only, read the way English news attributes
//! speech. The cues are tried in this order:
//! 1. a cue right after the quotation (`," Wang said.`, `," said Hedman.`,
//!    `," he added.`, `” ― Ana Ruiz`);
//! 2. any verb after a quotation that ends open (`?" Ruiz pressed.`);
//! 3. a transcript's label (`"HOLT: …`);
//! 4. a cue right before it (`Xi said, "…"`, `Xi wrote: "…"`);
//! 5. a cue anywhere in the sentence that introduces it (`Reyes told WXYZ,
//!    "…"`, `According to Ruiz, "…"`, a colon after a sentence about someone).
//!
//! A quotation with none of these continues the one before it only from the
//! start of a sentence in the same paragraph, or when its paragraph is wholly
//! the quotation. Pronouns and definite roles ("the spokesperson") resolve to
//! the last person named as speaking whose gender the text does not give as
//! the other one. A surname resolves to the full name given in the document.
//! Titles and roles are removed from names.
//!
//! Precision comes first: when the text does not say clearly who spoke, the
//! speaker is none, since a wrong name is worse than no name. Titles of
//! shows and papers, themes and scare quotes belong to nobody and are dropped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;

use crate::gazetteer::gazetteer;
use crate::model::Span;
use crate::quotes::Pairing;

const VERBS: &str = r"said|says|say|added|adds|noted|notes|wrote|writes|told|tells|stressed|stresses|explained|explains|asked|asks|urged|urges|stated|states|declared|declares|remarked|remarks|pointed out|points out|emphasized|emphasised|emphasizes|emphasises|commented|continued|insisted|insists|argued|argues|warned|warns|announced|replied|replies|answered|recalled|observed|acknowledged|admitted|claimed|concluded|confirmed|suggested|tweeted|exclaimed|vowed|pledged|promised|maintained|predicted|cautioned|underlined|underscored|highlighted|reiterated|affirmed|assured|responded|quipped|joked|wondered|mused|recounted|described|demanded|countered|conceded|boasted|complained|shouted|yelled|testified|posted";

/// Speech verbs after which the next name is the speaker ("said Xi"); not
/// "told" or "asked", after which it is the listener ("Trump told ABC").
const SPEAKER_FIRST: &str = r"said|says|added|adds|noted|notes|wrote|writes|stressed|explained|urged|stated|declared|remarked|insisted|argued|warned|announced|replied|answered|recalled|observed|acknowledged|admitted|claimed|concluded|confirmed|suggested|tweeted|exclaimed|continued|responded|quipped|joked|cautioned";

/// Words for people that stand where a name would ("the spokesperson said").
const ROLES: &str = r"spokesperson|spokesman|spokeswoman|president|minister|ambassador|premier|official|officials|director|chairman|chairwoman|secretary|leader|chief|head|envoy|diplomat|scientist|expert|professor|researcher|astronaut|commander|governor|mayor|analyst|engineer|author|statement|report|letter|message";

const NAME: &str = r"\p{Lu}[\p{L}\p{N}'’\-.]*";

/// What may stand between a speaker's name and the verb: a parenthesis
/// ("(D-Ore.)") and one comma-enclosed aside (", 57,", ", R-Ky.,", ", a
/// Clinton backer,"), short and without quotation marks.
const ASIDE: &str = r#"(?:\s*\([^()"“”]{1,40}\))?(?:,[^,"“”]{1,60},)?"#;

/// Role nouns as an open class: lowercase words with the endings English
/// gives people by what they do ("manager", "strategist", "consultant",
/// "chairman", "spokesperson", "historian", "nominee"), and a few more.
const ROLE_WORD: &str = r"(?:[a-z]+(?:er|or|ist|ant|ent|man|woman|person|ian|ee|ate)s?|host|hosts|aide|aides|chief|head|widow|candidate|staff|counsel)";

/// Adjectives before a role ("conservative activist", "retired surgeon",
/// "political consultant"), by their endings.
const ADJECTIVE: &str = r"(?:[a-z]+(?:ive|al|ic|ed|ous|ary|ing))";

// Word boundaries in these patterns are ASCII ones, `(?-u:\b)`: a Unicode
// boundary next to a non-ASCII character (a curly quotation mark) makes the
// regex engine leave its fast automaton for a slow one, and quotation marks
// stand next to every cue.

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid speaker pattern")
}

/// The subject of a speech verb: a pronoun, a role, or a name with optional
/// titles and lowercase role words in between ("Foreign Ministry spokesperson Wang Wenbin").
fn who() -> String {
    format!(
        r"(?P<who>(?-u:\b)(?:he|she|they|He|She|They|I|we|We)(?-u:\b)|(?:[Tt]he\s+)?(?:(?:{NAME}|{ROLES}|{ROLE_WORD}|[a-z]+)\s+){{0,6}}(?:{NAME}|{ROLES}))"
    )
}

/// A cue right after the closing mark: `, Wang said` / `said Niklas Hedman,`,
/// or a dash and a name, as under a quotation in a list of reactions or an
/// epigraph (`” ― Ana Ruiz`).
fn cue_after() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r#"^[\s,]*(?:{who}{aside}\s+(?:also\s+|then\s+)?(?:{VERBS})(?-u:\b)|(?:{SPEAKER_FIRST})\s+(?P<who2>(?:[Tt]he\s+)?(?:(?:{NAME}|{ROLES}|{ROLE_WORD}|{ADJECTIVE}|[0-9/]+)\s+){{0,6}}(?:{NAME}|{ROLES})|he|she|they)|(?:[―—–]|-\s)\s*(?P<who3>{NAME}(?:\s+{NAME}){{0,4}})(?:[.,;]|\s*$|\s+[“"]|\s+\p{{Lu}}))"#,
            who = who(),
            aside = ASIDE
        ))
    });
    &RE
}

/// A cue right before the opening mark: `Xi said, ` / `Xi wrote: ` / `said Xi: `.
fn cue_before() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"(?:{who}{aside}\s+(?:also\s+)?(?:{VERBS})(?:\s+that)?|(?:{SPEAKER_FIRST})\s+(?P<who2>(?:{NAME}\s+){{0,3}}{NAME}))\s*[,:]?\s*$",
            who = who(),
            aside = ASIDE
        ))
    });
    &RE
}

/// Indirect speech anywhere: "President Xi Jinping said", "Niklas Hedman, acting director of the UNOOSA, said".
fn named_speech() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"(?P<who>(?:{NAME}\s+){{0,5}}{NAME})(?:,[^,]{{1,80}},)?\s+(?:{VERBS})(?-u:\b)|(?-u:\b)(?:{SPEAKER_FIRST})\s+(?P<who2>(?:{NAME}\s+){{0,4}}{NAME})"
        ))
    });
    &RE
}

/// Lead-ins that make the quoted words a title, theme or term, not speech.
fn title_cue() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        compile(
            r"(?i)(?-u:\b)(?:theme|titled|entitled|called|named|dubbed|known as|slogan|motto|term|terms|word|words|phrase|concept|so-called|label|labell?ed|headlined|caption|hashtag|banner|initiative|campaign|programme|program|project|strategy|policy|vision|book|film|song|report)(?:\s+(?:of|as|is|was))?\s*[,:]?\s*$",
        )
    });
    &RE
}

/// Titles, honorifics and function words stripped from the front of a name.
const TITLE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "and",
    "but",
    "as",
    "president",
    "vice-president",
    "vice",
    "premier",
    "vice-premier",
    "prime",
    "minister",
    "foreign",
    "ministry",
    "defence",
    "defense",
    "ambassador",
    "secretary",
    "general",
    "secretary-general",
    "director",
    "director-general",
    "deputy",
    "acting",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "professor",
    "sir",
    "dame",
    "king",
    "queen",
    "prince",
    "princess",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "head",
    "commander",
    "admiral",
    "gen.",
    "col.",
    "lt.",
    "captain",
    "capt.",
    "pope",
    "chancellor",
    "permanent",
    "state",
    "councilor",
    "councillor",
    "astronaut",
    "party",
    "fm",
    "un",
    "envoy",
    "official",
    "officials",
    "former",
    "late",
    "then",
    "new",
    "top",
    "senior",
    "leader",
    "speaker",
    "however",
    "meanwhile",
    "also",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "there",
    "when",
    "while",
    "after",
    "before",
    "according",
    "although",
    "though",
    "because",
    "since",
    "if",
    "yet",
    "so",
    "still",
    "now",
    "even",
    "once",
    "until",
    "unless",
    "whether",
    "despite",
    "perhaps",
    "with",
    "for",
    "from",
    "by",
    "during",
    "amid",
];

/// Words that make a "name" an organisation or a thing rather than a person.
const ORGANISATION_WORDS: &[&str] = &[
    "administration",
    "agency",
    "ministry",
    "office",
    "council",
    "committee",
    "organization",
    "organisation",
    "commission",
    "government",
    "department",
    "association",
    "university",
    "institute",
    "center",
    "centre",
    "bureau",
    "station",
    "forum",
    "corporation",
    "company",
    "group",
    "bank",
    "fund",
    "union",
    "nations",
    "statement",
    "report",
    "letter",
    "message",
    "xinhua",
    "reuters",
    "news",
    "daily",
    "times",
    "post",
];

/// Days, months and relative days, which stand after speech verbs ("said
/// Monday") where a name could.
fn is_time_word(word: &str) -> bool {
    const TIME_WORDS: [&str; 22] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tonight",
        "yesterday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "earlier",
    ];
    TIME_WORDS.contains(&word.to_lowercase().as_str())
}

fn is_pronoun(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we")
}

/// "Chinese", "Venezuelan", "China's": words that describe a person's country
/// before their title ("Chinese President Xi Jinping"). A bare place name is
/// not one: "Lima" is also a surname.
fn is_country_adjective(g: &crate::gazetteer::Gazetteer, word: &str) -> bool {
    let possessive = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
    g.demonyms.contains(word) || possessive.is_some_and(|name| g.names.contains(name))
}

/// Honorifics, after which the next word is a surname even when it is also
/// a title ("Mr. King", "Ms. Prince").
const HONORIFICS: [&str; 8] = ["mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "prof."];

/// Words after which a place or an employer follows, not more of a name
/// ("Dana Field for Morning Paper", "the senator from Ohio").
const NAME_ENDERS: [&str; 12] = ["from", "of", "in", "at", "for", "with", "to", "on", "by", "and", "or", "about"];

/// A name with titles, roles and country adjectives removed, or None if
/// nothing of a person's name is left (a role, an organisation).
///
/// The name is the run of capitalised words after the last title or role:
/// "Senate Majority Leader Ana Lima", "KTV host Dana Reyes" and
/// "Reyes campaign manager Omar Vale" give the person, not the office. A
/// function word ends the name ("Dana Field for Morning Paper"), unless only
/// titles came before it ("Secretary of State John Kerry").
pub fn clean_name(raw: &str) -> Option<String> {
    // Sets, since this runs for every name-like run of words in the text.
    static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| TITLE_WORDS.iter().copied().collect());
    static ORGANISATIONS: LazyLock<HashSet<&str>> = LazyLock::new(|| ORGANISATION_WORDS.iter().copied().collect());
    let g = gazetteer();
    let words: Vec<&str> = raw.split_whitespace().collect();
    let is_title = |i: usize, words: &[&str]| {
        let w = words[i];
        let lower = w.to_lowercase();
        let after_honorific = i > 0 && HONORIFICS.contains(&words[i - 1].to_lowercase().as_str());
        // "Said Ellison:" opens a sentence with the verb.
        let verb = matches!(lower.as_str(), "said" | "says" | "added" | "wrote" | "asked" | "told" | "continued");
        // "The Daily’s Joel Park": a possessive stands before a name.
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        !after_honorific
            && (verb
                || possessive
                || TITLES.contains(lower.as_str())
                || !w.starts_with(char::is_uppercase)
                || is_country_adjective(g, w))
    };
    // The name in `words`: after the last title that is not the last word
    // ("Erik Prince" keeps its surname).
    let name_in = |words: &[&str]| -> Option<Vec<String>> {
        let last_title = (0..words.len().saturating_sub(1)).rev().find(|&i| is_title(i, words));
        let start = match last_title {
            Some(i) => i + 1,
            None => (0..words.len()).find(|&i| !is_title(i, words))?,
        };
        // "Senate Minority Whip Dick Durbin": offices the title list lacks
        // stand before a name of two words, or of a first name, initials and
        // a surname ("Julie A. Diaz Martinez"): at most four words.
        let mut start = start;
        if words.len() - start > 3 {
            let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
            start = match (words.len() - 3..words.len()).find(|&i| initial(words[i])) {
                Some(i) => i - 1,
                None => words.len() - 2,
            };
        }
        let name: Vec<String> = words[start..].iter().map(|w| w.trim_end_matches([',', '.', ':']).to_owned()).collect();
        let organisation = name.iter().any(|w| ORGANISATIONS.contains(w.to_lowercase().as_str()) || is_time_word(w));
        // Words in capitals are a heading or an acronym, not a name.
        let shouted =
            |w: &String| w.chars().filter(|c| c.is_alphabetic()).count() > 2 && !w.chars().any(char::is_lowercase);
        (!name.is_empty()
            && !organisation
            && name.iter().all(|w| w.starts_with(char::is_uppercase))
            && !name.iter().any(shouted))
        .then_some(name)
    };
    let name = match words.iter().position(|w| NAME_ENDERS.contains(w)) {
        Some(0) => None,
        Some(end) => name_in(&words[..end]).or_else(|| {
            // Only titles before "of": "Secretary of State John Kerry".
            let after = &words[end + 1..];
            (after.iter().filter(|w| w.starts_with(char::is_uppercase)).count() >= 2
                && !NAME_ENDERS.iter().any(|f| after.contains(f)))
            .then(|| name_in(after))
            .flatten()
        }),
        None => name_in(&words),
    }?;
    // "North Korea said": a country, not a person.
    let joined = name.join(" ");
    if g.names.contains(&joined) || g.demonyms.contains(&joined) {
        return None;
    }
    Some(joined)
}

/// One quotation's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attributed {
    pub pairing: Pairing,
    pub speaker: Option<String>,
}

/// Who a cue names: a person, or a pronoun/role to resolve.
enum Cue {
    Person(String),
    /// "he", "she", "they", "the spokesperson": someone already in play,
    /// of the gender the pronoun gives if it gives one.
    Pronoun(Option<Gender>),
    /// A cue whose subject is neither (an organisation): a real quotation with no person.
    Other,
}

fn cue_subject(who: &str) -> Cue {
    let trimmed = who.trim();
    // "Trump said Monday": a time word after the verb is no speaker; the
    // subject stood before it, so resolve as a pronoun would.
    if is_pronoun(trimmed) || is_time_word(trimmed.trim_end_matches(['.', ','])) {
        return Cue::Pronoun(Gender::of_pronoun(trimmed));
    }
    match clean_name(trimmed) {
        Some(name) => Cue::Person(name),
        None => {
            static DEFINITE_ROLE: LazyLock<Regex> = LazyLock::new(|| compile(&format!("^the (?:{ROLES})$")));
            if DEFINITE_ROLE.is_match(&trimmed.to_lowercase()) {
                Cue::Pronoun(None)
            } else {
                Cue::Other
            }
        }
    }
}

/// A person's grammatical gender, as English pronouns give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

impl Gender {
    fn of_pronoun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }

    fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }
}

/// What the text says of each person's gender: an honorific before a name
/// ("Mr.", "Ms."), and the pronouns that follow a mention before anyone else
/// is named or quoted ("Ana Ruiz said her plan…").
struct Genders {
    tallies: HashMap<Rc<str>, (u32, u32)>,
}

impl Genders {
    /// Bytes after a mention read for its pronouns.
    const WINDOW: usize = 160;

    fn read(text: &str, names: &[(usize, Rc<str>)], speaking: &BTreeMap<usize, Rc<str>>) -> Genders {
        static PRONOUN: LazyLock<Regex> =
            LazyLock::new(|| compile(r"(?i-u:\b)(?:he|him|his|himself|she|her|hers|herself)(?-u:\b)"));
        // The two lists are in text order already: merge them as they are read,
        // without a third list (a text can name thousands of people).
        let mut from_names = names.iter().map(|(at, name)| (*at, name)).peekable();
        let mut from_speech = speaking.iter().map(|(at, name)| (*at, name)).peekable();
        let mut next = move || match (from_names.peek(), from_speech.peek()) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                from_speech.next();
                from_names.next()
            }
            (Some(a), Some(b)) if a.0 < b.0 => from_names.next(),
            (Some(_), None) => from_names.next(),
            _ => from_speech.next(),
        };
        let mut tallies: HashMap<Rc<str>, (u32, u32)> = HashMap::new();
        let mut current = next();
        while let Some((at, name)) = current {
            let following = next();
            let tally = tallies.entry(name.clone()).or_default();
            let honorific = text.as_bytes().get(at.saturating_sub(5)..at).unwrap_or(b"");
            let ends = |suffix: &str| {
                let suffix = suffix.as_bytes();
                honorific.len() >= suffix.len()
                    && honorific[honorific.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
            };
            if ends("mr. ") {
                tally.0 += 3;
            } else if ends("ms. ") || ends("mrs. ") {
                tally.1 += 3;
            }
            current = following;
            let start = (at + name.len()).min(text.len());
            let end = following.map_or(text.len(), |(next, _)| next).min(start + Self::WINDOW).max(start);
            let Some(window) = text.get(start..end) else { continue };
            // Up to a quotation or the paragraph's end: the pronoun in the
            // cue after a quotation is what this is read to resolve.
            let window = &window[..window.find(['"', '“', '”', '\n']).unwrap_or(window.len())];
            for m in PRONOUN.find_iter(window) {
                match Gender::of_pronoun(m.as_str()) {
                    Some(Gender::Male) => tally.0 += 1,
                    Some(Gender::Female) => tally.1 += 1,
                    None => {}
                }
            }
        }
        Genders { tallies }
    }

    /// The gender the text gives `name`, when it leans one way clearly.
    fn of(&self, name: &str) -> Option<Gender> {
        let &(male, female) = self.tallies.get(name)?;
        if male > 0 && male >= 2 * female {
            Some(Gender::Male)
        } else if female > 0 && female >= 2 * male {
            Some(Gender::Female)
        } else {
            None
        }
    }
}

/// Every person named in the document with two to four name words, in order of
/// appearance: the full names that surnames resolve to.
/// Each distinct name is stored once, however often the text repeats it.
fn full_names(text: &str, blocks: &[Span]) -> Vec<(usize, Rc<str>)> {
    static RE: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?:{NAME})(?:\s+(?:{NAME}))+")));
    let re = &*RE;
    // By the words as written: the same name, repeated, is cleaned once.
    let mut seen: HashMap<&str, Option<Rc<str>>> = HashMap::new();
    let mut out = Vec::new();
    for &block in blocks {
        let Some(part) = text.get(block.range()) else { continue };
        for m in re.find_iter(part) {
            // "Tom Reyes. Photo" is a name and the next sentence.
            let run = up_to_sentence_end(m.as_str());
            let name = seen.entry(run).or_insert_with(|| {
                clean_name(run).filter(|name| name.split(' ').count() >= 2).map(|name| Rc::from(name.as_str()))
            });
            if let Some(name) = name {
                out.push((block.start as usize + m.start(), name.clone()));
            }
        }
    }
    out
}

/// The document's full names, indexed by every shorter run of words they
/// begin or end with, so that a short name finds its candidates without
/// walking every name (a document can name thousands of people).
struct NameIndex {
    names: Vec<(usize, Rc<str>)>,
    /// For "Xi" and "Jinping", the indexes in `names` of "Xi Jinping", in
    /// text order.
    by_part: HashMap<String, Vec<u32>>,
}

impl NameIndex {
    fn new(names: Vec<(usize, Rc<str>)>) -> NameIndex {
        let mut by_part: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, (_, name)) in names.iter().enumerate() {
            let words: Vec<&str> = name.split(' ').collect();
            let mut parts: Vec<String> =
                (1..words.len()).flat_map(|k| [words[..k].join(" "), words[words.len() - k..].join(" ")]).collect();
            parts.sort_unstable();
            parts.dedup();
            for part in parts {
                by_part.entry(part).or_default().push(i as u32);
            }
        }
        NameIndex { names, by_part }
    }

    /// "Xi" → "Xi Jinping", "Hedman" → "Niklas Hedman": the nearest earlier
    /// full name that begins or ends with the short one, else the first later
    /// one, else the short name itself.
    fn resolve(&self, short: &str, at: usize) -> Rc<str> {
        let Some(candidates) = self.by_part.get(short) else { return Rc::from(short) };
        let position = |i: u32| self.names[i as usize].0;
        let split = candidates.partition_point(|&i| position(i) < at);
        let chosen = split.checked_sub(1).and_then(|k| candidates.get(k)).or_else(|| candidates.get(split));
        chosen.map_or_else(|| Rc::from(short), |&i| self.names[i as usize].1.clone())
    }
}

/// Bytes of context read on either side of a quotation for its cue: a cue
/// stands next to the marks, and a bounded window keeps attribution linear
/// in the text however many quotations a paragraph holds.
const CUE_WINDOW: usize = 240;

/// The last `n` bytes of `text`, cut forward to a character boundary.
fn tail(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first `n` bytes of `text`, cut back to a character boundary.
fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// A run of name words up to the first that ends a sentence: "Ana Ruiz.
/// Getty" is "Ana Ruiz". Initials ("P.") and "Jr." do not end it.
fn up_to_sentence_end(run: &str) -> &str {
    let mut end = run.len();
    let mut at = 0;
    for word in run.split(' ') {
        at += word.len();
        let bare = word.trim_end_matches('.');
        if word.ends_with('.') && bare.chars().count() > 2 && !bare.contains('.') && bare != "Jr" && bare != "Sr" {
            end = at - 1;
            break;
        }
        at += 1;
    }
    &run[..end.min(run.len())]
}

/// A quotation that runs over paragraphs, split where a paragraph opens
/// with a new transcript label: each speaker's turn is a quotation of its
/// own (`"SMITH: …` / `"LEE: …`, each paragraph reopening the quote), and
/// a stage direction between turns is one of its own, later dropped.
fn split_at_labels(text: &str, paragraphs: &[Span], pairing: Pairing) -> Vec<Pairing> {
    let quoted = |part: &Span| text.get(part.range()).unwrap_or("");
    let labelled = |part: &Span| transcript_label_of(quoted(part)).is_some();
    let stage = |part: &Span| is_stage_direction(quoted(part));
    if pairing.parts.len() < 2 || !pairing.parts[1..].iter().any(|p| labelled(p) || stage(p)) {
        return vec![pairing];
    }
    // A label starts a turn; a stage direction ("(CROSSTALK)") stands alone.
    let mut groups: Vec<Vec<(usize, Span)>> = Vec::new();
    let mut after_stage = false;
    for (k, part) in pairing.parts.iter().enumerate() {
        let is_stage = stage(part);
        match groups.last_mut() {
            Some(group) if !labelled(part) && !is_stage && !after_stage => group.push((k, *part)),
            _ => groups.push(vec![(k, *part)]),
        }
        after_stage = is_stage;
    }
    let count = groups.len();
    groups
        .into_iter()
        .enumerate()
        .map(|(g, group)| {
            let (first_k, first_part) = group[0];
            let (last_k, last_part) = group[group.len() - 1];
            // The paragraph that holds a part, from the pairing's first on.
            let holding = |part: Span, k: usize| {
                (pairing.first_paragraph..=pairing.last_paragraph)
                    .find(|&i| paragraphs.get(i).is_some_and(|p| p.start <= part.start && part.end <= p.end))
                    .unwrap_or(pairing.first_paragraph + k)
            };
            let first_paragraph = holding(first_part, first_k);
            let start =
                if g == 0 { pairing.span.start } else { paragraphs[first_paragraph].start.min(first_part.start) };
            let end = if g + 1 == count { pairing.span.end } else { last_part.end };
            Pairing {
                span: Span { start, end },
                parts: group.into_iter().map(|(_, part)| part).collect(),
                first_paragraph,
                last_paragraph: holding(last_part, last_k),
                closed: g + 1 == count && pairing.closed,
            }
        })
        .collect()
}

/// A transcript's speaker label at the start of the quoted words:
/// `"SMITH: We will…"`, `"MARY ANN LEE: …"`. Labels are one to three words in
/// capitals, and not a heading ("UPDATE:", "NOTE:").
fn transcript_label(text: &str, pairing: &Pairing) -> Option<String> {
    transcript_label_of(text.get(pairing.parts.first()?.range())?)
}

/// [`transcript_label`] of quoted words.
fn transcript_label_of(quoted: &str) -> Option<String> {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| compile(r"^\s*(\p{Lu}[\p{Lu}'’.\-]+(?:\s\p{Lu}[\p{Lu}'’.\-]+){0,2}):\s"));
    const HEADINGS: [&str; 9] =
        ["UPDATE", "NOTE", "EDITOR'S NOTE", "BREAKING", "WATCH", "READ", "RELATED", "PHOTOS", "VIDEO"];
    let label = LABEL.captures(quoted)?.get(1)?.as_str();
    if HEADINGS.contains(&label) {
        return None;
    }
    // "PENCE" is "Pence": the text names people in capitals only here.
    let words: Vec<String> = label
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_string() + &chars.as_str().to_lowercase()).unwrap_or_default()
        })
        .collect();
    Some(words.join(" "))
}

/// Where the sentence that ends `before` starts: after the last `.`, `!` or
/// `?` that ends a sentence (not "Mr." or "U.S."), followed by a space.
fn sentence_start(before: &str) -> usize {
    static END: LazyLock<Regex> = LazyLock::new(|| compile(r#"[.!?]["”’]?\s+"#));
    let mut start = 0;
    for m in END.find_iter(before) {
        let word = before[..m.start()].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let abbreviation = HONORIFICS.iter().any(|h| h.trim_end_matches('.').eq_ignore_ascii_case(word))
            || word.chars().count() == 1
            || word.contains('.')
            || matches!(word, "Jr" | "Sr" | "St" | "Gen" | "Col" | "Lt" | "Sgt" | "Capt" | "No" | "Vs" | "vs");
        if !abbreviation {
            start = m.end();
        }
    }
    start
}

/// Words that open a sentence with a phrase before its subject.
const OPENING_PHRASE_WORDS: [&str; 16] = [
    "with", "for", "from", "by", "to", "of", "in", "on", "at", "after", "before", "during", "under", "since", "amid",
    "despite",
];

/// A cue anywhere in the sentence that introduces a quotation: the sentence
/// ends in ",", ":" or "that" right before the mark, and names its speaker
/// before a speech verb (`Reyes told WXYZ, "…"`, `Ana Ruiz, who runs the
/// effort, said on Monday: "…"`, `footage of Ana Ruiz asking, "…"`), after
/// "according to", or after a verb that opens the sentence (`Said Ruiz: "…"`).
fn cue_in_sentence(before: &str) -> Option<String> {
    static INTRO: LazyLock<Regex> = LazyLock::new(|| compile(r"(?:[,:]|(?-u:\b)that)\s*$"));
    static ACCORDING: LazyLock<Regex> =
        LazyLock::new(|| compile(&format!(r"(?-u:\b)[Aa]ccording to (?P<who>(?:{NAME}\s+){{0,4}}{NAME})\s*,?\s*$")));
    static OPENING_VERB: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"^(?:Said|Says|Added|Wrote|Asked|Continued)\s+(?P<who>(?:{NAME}\s+){{0,4}}{NAME})\s*[,:]\s*$"
        ))
    });
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"(?-u:\b)(?:{VERBS}|told|tells|asked|asks|saying|telling|asking|adding|writing|tweeting|declaring|made the following \w+|had this to say)(?-u:\b)"
        ))
    });
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"(?P<who>(?-u:\b)(?:he|she|He|She|they|They)|(?:{NAME}\s+){{0,4}}{NAME})(?:\s*\([^()]{{1,40}}\))?(?P<aside>,[^,]{{1,80}},)?\s+(?:also\s+|then\s+|later\s+|previously\s+|had\s+|has\s+)?$"
        ))
    });
    let sentence = &before[sentence_start(before)..];
    if !INTRO.is_match(sentence) {
        return None;
    }
    let sentence = sentence.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”'));
    if let Some(c) = ACCORDING.captures(sentence).or_else(|| OPENING_VERB.captures(sentence)) {
        return c.name("who").map(|m| m.as_str().to_owned());
    }
    // A participle ("…, saying,") has the sentence's subject, which an
    // aside before it would only guess at: there the name must stand right
    // before the verb.
    let by_verb = VERB
        .find(sentence)
        .and_then(|verb| {
            let participle = verb.as_str().ends_with("ing");
            SUBJECT.captures(&sentence[..verb.start()]).filter(|c| !participle || c.name("aside").is_none())
        })
        .and_then(|c| c.name("who"))
        .map(|m| m.as_str().to_owned());
    by_verb.or_else(|| floor_subject(sentence))
}

/// A colon after a sentence about someone gives them the floor, whatever the
/// verb: `Ana Ruiz apologized for it: "…"`, `More from Ruiz: "…"`,
/// `Reporter Ana Ruiz: "…"`. The subject is the sentence's words up to its
/// first verb, function word or punctuation ("Famed fight doctor Ana Ruiz
/// recalled:" gives "Famed fight doctor Ana Ruiz", which [`clean_name`] cuts
/// to "Ana Ruiz"). A sentence that opens with a phrase ("With leaders
/// worried, Ruiz is rolling out a message:") gives no one the floor.
fn floor_subject(sentence: &str) -> Option<String> {
    if !sentence.trim_end().ends_with(':') {
        return None;
    }
    // "Signs of a shift - More from Ana Ruiz:": a headline, a dash, the floor.
    let sentence = [" - ", " — ", " – ", " -"]
        .iter()
        .filter_map(|dash| sentence.rfind(dash).map(|at| &sentence[at + dash.len()..]))
        .min_by_key(|rest| rest.len())
        .unwrap_or(sentence);
    let mut words = sentence.split_whitespace().peekable();
    // "Surveying the town, Ruiz concludes:" opens with a participle phrase.
    if words.peek().is_some_and(|w| w.ends_with("ing")) {
        return None;
    }
    match words.peek() {
        Some(&"As") => {
            words.next();
        }
        Some(&"More") => {
            words.next();
            words.next_if_eq(&"from");
        }
        _ => {}
    }
    let mut run: Vec<&str> = Vec::new();
    for word in words {
        let bare = word.trim_end_matches([',', ':', ';']);
        let lower = bare.to_lowercase();
        let capital = bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if run.is_empty() && OPENING_PHRASE_WORDS.contains(&lower.as_str()) {
            return None;
        }
        if !capital {
            let verb = lower.ends_with("ed")
                || (lower.ends_with('s') && !lower.ends_with("ss"))
                || matches!(
                    lower.as_str(),
                    "said"
                        | "told"
                        | "wrote"
                        | "put"
                        | "made"
                        | "went"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "had"
                );
            if run.is_empty() || verb || NAME_ENDERS.contains(&lower.as_str()) {
                break;
            }
        }
        run.push(bare);
        if bare.len() != word.len() {
            break;
        }
    }
    while run.last().is_some_and(|w| !w.starts_with(char::is_uppercase)) {
        run.pop();
    }
    (!run.is_empty()).then(|| run.join(" "))
}

/// `"…," Ana Ruiz shot back.`: after a quotation that ends in a comma, a
/// question or an exclamation mark, a name and any verb in the past or
/// present tense are a speech cue, whatever the verb ("barked", "echoed",
/// "concludes", "an angry Ruiz retaliated", "reacted Ruiz"), when the
/// sentence ends there or goes on with a phrase.
fn cue_any_verb(quoted: &str, after: &str) -> Option<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"^[\s,]*(?:(?P<who>(?-u:\b)(?:he|she|He|She)(?-u:\b)|(?:(?:an?|the)\s+)?(?:[a-z]+\s+){{0,2}}(?:{NAME}\s+){{0,4}}{NAME})(?:\s*\([^()]{{1,40}}\))?(?:,[^,]{{1,60}},)?\s+(?:[a-z]+ed|[a-z]+[^s]s|shot back|went on|fired back)(?:\s+(?:back|on|in|at|to|of|from|during|after|before|with|by)\b[^.]{{0,80}})?|(?:[a-z]+ed|[a-z]+[^s]s)\s+(?P<who2>(?:{NAME}\s+){{0,4}}{NAME}))(?:[.,;]|\s+(?:of|from|for|in|at|who)\s)"
        ))
    });
    let ends_open = quoted.trim_end().ends_with([',', '?', '!', '—']);
    if !ends_open {
        return None;
    }
    RE.captures(after).and_then(|c| c.name("who").or(c.name("who2"))).map(|m| m.as_str().to_owned())
}

/// Whether a speech verb stands right before a quotation, with at most an
/// object between: `chanted "What curfew?"`, `saying, "…"`, `calls people
/// "losers"`, `likened the rules to "…"`, or a colon. "called" right before the mark
/// names something instead (`a group called "…"`), see [`title_cue`].
fn speech_verb_before(before: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"(?-u:\b)(?:(?:{VERBS}|saying|chanting|chanted|chants|singing|sang|sings|shouting|yelling|telling|asking|adding|writing|tweeting)\s*[,:]?|(?:calls?|called|calling|likened|likens|compared)\s+(?:[\w'’]+\s+){{1,4}}(?:to|as)?)\s*$"
        ))
    });
    // A colon introduces a quotation whatever comes before it ("a new
    // message: "It's about me.""), unless a title cue says otherwise.
    before.trim_end().ends_with(':') || RE.is_match(before)
}

/// A short quotation in title case after a possessive or a preposition is
/// the name of a show, a paper or a book, not speech: `on CBS's "Face the
/// Nation,"`, `an episode of "Shark Tank."`, `as "The Daily Star" wrote`.
fn is_named_work(quoted: &str, before: &str) -> bool {
    const SMALL: [&str; 12] = ["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with", "or"];
    const LEAD_INS: [&str; 9] = ["on", "of", "as", "in", "into", "from", "at", "the", "watching"];
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let title_case = !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| SMALL.contains(w) || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let previous = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let possessive = previous.ends_with("'s") || previous.ends_with("’s") || previous.ends_with("s'");
    title_case && (possessive || LEAD_INS.contains(&previous.to_lowercase().as_str()))
}

/// A quotation that is only a parenthesis, as transcripts mark noise:
/// `"(CROSSTALK.)"`, `"(Applause)"`.
fn is_stage_direction(quoted: &str) -> bool {
    let quoted = quoted.trim();
    (quoted.starts_with('(') && quoted.ends_with([')', '.']) && quoted.matches('(').count() == 1)
        || (quoted.starts_with('[') && quoted.ends_with([']', '.']) && quoted.matches('[').count() == 1)
}

/// Decides which pairings are real quotations and attributes them.
/// `paragraphs` are the body paragraphs the pairings index.
pub fn attribute(text: &str, paragraphs: &[Span], blocks: &[Span], pairings: Vec<Pairing>) -> Vec<Attributed> {
    let names = NameIndex::new(full_names(text, blocks));
    // People named as speaking, directly or not, by position: pronouns resolve
    // to the last of them.
    let mut speaking: BTreeMap<usize, Rc<str>> = BTreeMap::new();
    let mut cleaned: HashMap<&str, Option<String>> = HashMap::new();
    for &paragraph in paragraphs {
        let Some(part) = text.get(paragraph.range()) else { continue };
        for caps in named_speech().captures_iter(part) {
            let Some(m) = caps.name("who").or(caps.name("who2")) else { continue };
            // "the Investment Coalition said": an organisation.
            let preceding = part[..m.start()].trim_end();
            if preceding.ends_with(" the") || preceding.ends_with(" The") || preceding == "the" || preceding == "The" {
                continue;
            }
            if let Some(name) = cleaned.entry(m.as_str()).or_insert_with(|| clean_name(m.as_str())) {
                let at = paragraph.start as usize + m.start();
                speaking.insert(at, names.resolve(name, at));
            }
        }
    }
    let genders = Genders::read(text, &names.names, &speaking);
    // The last person named as speaking, skipping up to a few whose gender the
    // text gives as the other one ("she said" after a man spoke last).
    let last_speaker = |at: usize, gender: Option<Gender>, speaking: &BTreeMap<usize, Rc<str>>| {
        let mut recent = speaking.range(..at).rev().take(4).map(|(_, name)| name);
        let nearest = speaking.range(..at).next_back().map(|(_, name)| name);
        let fits = |name: &&Rc<str>| gender.is_none_or(|g| genders.of(name) != Some(g.other()));
        recent.find(fits).or(nearest).map(|name| name.to_string())
    };
    let mut out: Vec<Attributed> = Vec::new();
    for pairing in pairings.into_iter().flat_map(|p| split_at_labels(text, paragraphs, p)) {
        let first = paragraphs[pairing.first_paragraph];
        let last = paragraphs[pairing.last_paragraph];
        let before = tail(text.get(first.start as usize..pairing.span.start as usize).unwrap_or(""), CUE_WINDOW);
        let after = head(text.get(pairing.span.end as usize..last.end as usize).unwrap_or(""), CUE_WINDOW);
        let words: usize = pairing.parts.iter().map(|&p| word_count(text.get(p.range()).unwrap_or(""))).sum();
        let quoted = pairing.parts.first().and_then(|p| text.get(p.range())).unwrap_or("");
        if pairing.parts.len() == 1 && (is_named_work(quoted, before) || is_stage_direction(quoted)) {
            continue;
        }

        let last_words = text.get(pairing.parts.last().map_or(0..0, |p| p.range())).unwrap_or("");
        // `"… here." Russia insisted`: a quotation that ends its sentence
        // takes no subject from the next one.
        let ends_sentence = last_words.trim_end().ends_with('.') && !after.trim_start().starts_with(',');
        let cue = cue_after()
            .captures(after)
            .and_then(|c| {
                let dashed = c.name("who3").map(|m| up_to_sentence_end(m.as_str()).to_owned());
                let subject = c.name("who").filter(|_| !ends_sentence);
                subject.or(c.name("who2")).map(|m| m.as_str().to_owned()).or(dashed)
            })
            .or_else(|| cue_any_verb(last_words, after))
            .or_else(|| transcript_label(text, &pairing))
            .or_else(|| {
                cue_before()
                    .captures(before)
                    .and_then(|c| c.name("who").or(c.name("who2")).map(|m| m.as_str().to_owned()))
            })
            .or_else(|| cue_in_sentence(before));
        let at = pairing.span.start as usize;
        let speaker = match cue.as_deref().map(cue_subject) {
            Some(Cue::Person(name)) => {
                let full = names.resolve(&name, at);
                speaking.insert(at, full.clone());
                Some(Some(full.to_string()))
            }
            Some(Cue::Pronoun(gender)) => Some(last_speaker(at, gender, &speaking)),
            Some(Cue::Other) => Some(None),
            None => None,
        };
        let speaker = match speaker {
            Some(speaker) => speaker,
            None => {
                // No cue of its own: it continues the previous quotation when
                // that one was attributed and sits in the same paragraph,
                // where this one starts a sentence or a clause (a scare quote
                // after a word is no continued speech), or in the paragraph just
                // before when this paragraph is wholly the quotation.
                // Otherwise it must read as speech: six words or more, or
                // words a speech verb introduces ("chanted “What curfew?”").
                let whole_paragraph = pairing.span.start == first.start
                    && text
                        .get(pairing.span.end as usize..last.end as usize)
                        .is_some_and(|rest| rest.trim().is_empty());
                let starts_sentence = before.trim_end().is_empty()
                    || before.trim_end().ends_with(['.', '!', '?', '"', '“', '”', ':', ',', ';', '—', '–']);
                let continues = out.last().filter(|prev| {
                    prev.speaker.is_some()
                        && ((prev.pairing.last_paragraph == pairing.first_paragraph && starts_sentence)
                            || (prev.pairing.last_paragraph + 1 == pairing.first_paragraph && whole_paragraph))
                });
                match continues {
                    Some(prev) => prev.speaker.clone(),
                    None if (words >= 6 || speech_verb_before(before)) && !title_cue().is_match(before) => None,
                    None => continue, // a title, theme or scare quote
                }
            }
        };
        out.push(Attributed { pairing, speaker });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::pair_quotes;
    use crate::structure::lines;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let paragraphs = lines(text);
        let pairings = pair_quotes(text, &paragraphs);
        attribute(text, &paragraphs, &paragraphs, pairings)
            .into_iter()
            .map(|a| (text[a.pairing.parts[0].range()].to_owned(), a.speaker))
            .collect()
    }

    fn who(text: &str) -> Vec<Option<String>> {
        speakers(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn a_lowercase_role_before_a_name_is_a_role_not_part_of_the_name() {
        // Invented sentences; the name is the capitalised run after the role.
        let text = "\"We will win this state by a wide margin,\" said TV host Dana Reyes.";
        assert_eq!(who(text), [Some("Dana Reyes".into())]);
        let text = "\"The numbers are moving our way every single week,\" Reyes campaign manager Omar Vale said.";
        assert_eq!(who(text), [Some("Omar Vale".into())]);
        let text =
            "\"The plan will cost far more than anyone has said,\" Harlow Institute economist Mira Sandoval said.";
        assert_eq!(who(text), [Some("Mira Sandoval".into())]);
    }

    #[test]
    fn a_parenthesis_or_an_aside_between_name_and_verb_keeps_the_speaker() {
        for (text, name) in [
            ("\"We cannot pass this bill as it stands today,\" Senator Ana Ruiz, D-Ore., said.", "Ana Ruiz"),
            ("\"We cannot pass this bill as it stands today,\" Rep. Tom Ellery (R-Texas) said.", "Tom Ellery"),
            (
                "\"It is the best plan we have seen in years,\" said conservative activist Bo Klaus, who chairs it.",
                "Bo Klaus",
            ),
            ("\"I have lived on this street for thirty years now,\" Mara Quinn, 57, said.", "Mara Quinn"),
            ("\"I have lived on this street for thirty years now,\" Mara Quinn, a local teacher, said.", "Mara Quinn"),
        ] {
            assert_eq!(who(text), [Some(name.into())], "{text}");
        }
    }

    #[test]
    fn the_one_told_or_asked_is_the_listener_not_the_speaker() {
        let text =
            "\"We have looked at every number twice this week,\" Dev Shah told Radio Nine. \"We found nothing wrong.\"";
        assert_eq!(who(text), [Some("Dev Shah".into()), Some("Dev Shah".into())]);
    }

    #[test]
    fn speech_continues_into_the_next_paragraph_only_when_it_is_wholly_a_quotation() {
        let text = "\"We will build the bridge before the winter comes,\" said Ana Ruiz.\n\n\"And we will finish it on time, every single part of it.\"\n\nThe plan drew \"a very mixed response from everyone who read it closely\" in town.";
        assert_eq!(who(text), [Some("Ana Ruiz".into()), Some("Ana Ruiz".into()), None]);
    }

    #[test]
    fn a_day_after_the_verb_is_not_the_speaker() {
        let text =
            "\"We are ready for whatever comes next, all of us,\" Lena Ortiz said Monday. \"Nothing will stop this.\"";
        assert_eq!(who(text), [Some("Lena Ortiz".into()), Some("Lena Ortiz".into())]);
    }

    #[test]
    fn cue_after_with_name_first_or_verb_first() {
        assert_eq!(who("Ana Lima spoke. \"We will go to the Moon together,\" Lima said."), [Some("Ana Lima".into())]);
        assert_eq!(
            who("\"We will build it,\" said Karl Berg, acting director of the agency."),
            [Some("Karl Berg".into())]
        );
    }

    #[test]
    fn cue_before_with_comma_or_colon() {
        assert_eq!(who("In a letter, Xi said, \"The landing left a mark.\""), [Some("Xi".into())]);
        assert_eq!(who("Premier Li Qiang wrote: \"Space belongs to all of us.\""), [Some("Li Qiang".into())]);
    }

    #[test]
    fn pronouns_and_roles_resolve_to_the_last_named_speaker() {
        let text = "Wang Wenbin spoke.\n\n“We are inspired by the landing today,” Wang said.\n\nHe said that it was good.\n\n“It signed many deals with partners,” he added.\n\n“More to come,” the spokesperson said.";
        assert_eq!(who(text), vec![Some("Wang Wenbin".to_owned()); 3]);
    }

    #[test]
    fn surnames_resolve_to_the_full_name_given_earlier() {
        let text = "Niklas Hedman, acting director of UNOOSA, said that all was well.\n\n\"Cooperation is the best practice for success,\" said Hedman.";
        assert_eq!(who(text), [Some("Niklas Hedman".into())]);
        let text = "Chinese President Xi Jinping wrote back.\n\n\"Space is our common dream,\" Xi wrote.";
        assert_eq!(who(text), [Some("Xi Jinping".into())]);
    }

    #[test]
    fn unattributed_quotes_after_an_attributed_one_take_its_speaker() {
        let text = "\"First part of it all,\" said Hedman. \"Working together is crucial.\"\n\n\"And so is this, in the next paragraph of the text.\"";
        assert_eq!(who(text), vec![Some("Hedman".to_owned()); 3]);
    }

    #[test]
    fn titles_themes_and_scare_quotes_are_not_quotations() {
        assert!(speakers("It focuses on the theme of \"building new space exploration partnership.\"").is_empty());
        assert!(speakers("It aims at narrowing the “outer space gap” through cooperation.").is_empty());
        assert!(speakers("A report titled “China’s Space Program: A 2021 Perspective” came out.").is_empty());
    }

    #[test]
    fn real_quotations_without_a_speaker_stay_with_none() {
        assert_eq!(who("A banner read on: “We will explore the universe together for all humankind.”"), [None]);
    }

    #[test]
    fn a_dash_and_a_name_under_a_quotation_name_its_speaker() {
        let text = "“We will open the library again next spring.” ― Maria Okafor “It cannot come soon enough for us.” ― Tom Reyes. Photo: City Archive.";
        assert_eq!(who(text), [Some("Maria Okafor".into()), Some("Tom Reyes".into())]);
    }

    #[test]
    fn transcript_turns_are_quotations_of_their_speakers() {
        let text = "\"HOLT: Do you think the plan will work for all of them?\n\n\"REYES: I think it will, and we will see it soon enough.\n\n\"And I will be there to watch it happen, every day of it.\n\n\"(CROSSTALK)\n\nThe rest of the talk was cut.";
        let turns = speakers(text);
        assert_eq!(who(text), [Some("Holt".into()), Some("Reyes".into())]);
        // Reyes's turn runs over two paragraphs; the stage direction is no one's.
        let paragraphs = lines(text);
        let pairings = pair_quotes(text, &paragraphs);
        let attributed = attribute(text, &paragraphs, &paragraphs, pairings);
        assert_eq!(attributed[1].pairing.parts.len(), 2, "{turns:?}");
    }

    #[test]
    fn a_cue_anywhere_in_the_sentence_that_introduces_the_quotation() {
        for (text, name) in [
            ("Dara Finch told Radio Nine, \"We are ready for the vote next week.\"", "Dara Finch"),
            ("According to Dara Finch, \"The vote will be close in every county.\"", "Dara Finch"),
            ("Said Finch: \"I do not get the sense that anyone wants the plan.\"", "Finch"),
            (
                "Lena Ortiz, who runs the shelter on Main Street, said on Monday: \"We are full every night.\"",
                "Lena Ortiz",
            ),
            ("The video shows Lena Ortiz asking, \"Why are we still waiting for the bus?\"", "Lena Ortiz"),
            ("Lena Ortiz apologized for the delay: \"We should have told everyone much sooner.\"", "Lena Ortiz"),
            ("Sam Cole made the following comment: \"The rate is far too high for young people.\"", "Sam Cole"),
        ] {
            assert_eq!(who(text), [Some(name.into())], "{text}");
        }
    }

    #[test]
    fn the_floor_goes_to_the_subject_not_to_an_opening_phrase_or_a_headline() {
        for (text, name) in [
            ("Famed fight doctor Ana Ruiz recalled the night: \"We all knew it was over by then.\"", Some("Ana Ruiz")),
            (
                "Signs of a shift were there all along - More from Ana Ruiz: \"The data show it plainly.\"",
                Some("Ana Ruiz"),
            ),
            ("Surveying the empty mills, Ruiz concludes: \"Nobody did this to them at all.\"", None),
            ("Here in Lisbon, Ruiz stepped up his push, saying, \"We have got to win this one.\"", None),
        ] {
            assert_eq!(who(text), [name.map(String::from)], "{text}");
        }
    }

    #[test]
    fn a_sentence_that_opens_with_a_phrase_gives_no_one_the_floor() {
        let text =
            "With city leaders worried about turnout, Mayor Ana Ruiz is rolling out a new message: \"It's about me.\"";
        assert_eq!(who(text), [None]);
    }

    #[test]
    fn a_name_and_any_verb_after_an_open_quotation_are_a_cue() {
        assert_eq!(who("\"Nobody asked us about any of this, not once,\" Ortiz shot back."), [Some("Ortiz".into())]);
        assert_eq!(who("\"Would it be fair to everyone in the town?\" Hale pressed."), [Some("Hale".into())]);
        assert_eq!(who("\"It will never give up, not ever,\" an angry Mayor Ruiz retaliated."), [Some("Ruiz".into())]);
        assert_eq!(who("\"Is this what they call fair play?\" reacted Ruiz."), [Some("Ruiz".into())]);
        assert_eq!(
            who("\"Would they vote for it, after all?\" asked Sen. Ana Ruiz of Maine, who wants a change."),
            [Some("Ana Ruiz".into())]
        );
        // A quotation that ends a sentence takes no cue from the next one.
        assert_eq!(
            who("Ruiz read it aloud: \"We will not move from here.\" Russia insisted on more."),
            [Some("Ruiz".into())]
        );
    }

    #[test]
    fn names_of_shows_papers_and_stage_directions_are_not_quotations() {
        assert!(speakers("In an interview on KTV's \"Meet the City,\" Mayor Ana Ruiz said the budget would pass.")
            .is_empty());
        assert!(speakers("She called it an episode of \"Star Kitchen.\" Then she left.").is_empty());
        assert!(speakers("\"(LAUGHTER)\"").is_empty());
    }

    #[test]
    fn a_short_quotation_after_a_speech_verb_is_speech() {
        assert_eq!(speakers("Marchers chanted \"What curfew?\" and kept going.").len(), 1);
        assert_eq!(speakers("He calls his rivals \"losers\" at every rally.").len(), 1);
        assert!(speakers("It was a \"big success\" for the town.").is_empty());
    }

    #[test]
    fn a_scare_quote_after_a_quotation_in_the_same_sentence_is_not_continued_speech() {
        let text = "\"We will win this one, all of us together,\" Ruiz said of the \"new deal.\"";
        assert_eq!(speakers(text).len(), 1);
    }

    #[test]
    fn a_pronoun_skips_a_speaker_the_text_gives_the_other_gender() {
        let text = "Mayor Ana Ruiz spoke first. \"The plan will work, I am sure of it now,\" Ruiz said. Tom Berg, the treasurer, said he had doubts. \"We will see about that, all of us will,\" she said.";
        assert_eq!(who(text), [Some("Ana Ruiz".into()), Some("Ana Ruiz".into())]);
        let text = "Mr. Berg said the bus was late. Ana Ruiz said she had waited an hour. \"It is late for all of us today,\" he said.";
        assert_eq!(who(text), [Some("Berg".into())]);
    }

    #[test]
    fn names_are_what_follows_the_last_title_and_ends_at_a_function_word() {
        assert_eq!(clean_name("Senate Minority Whip Dana Ruiz").as_deref(), Some("Dana Ruiz"));
        assert_eq!(clean_name("Mr. King").as_deref(), Some("King"));
        assert_eq!(clean_name("Secretary of State Ana Lima").as_deref(), Some("Ana Lima"));
        assert_eq!(clean_name("Dana Field for Morning Paper").as_deref(), Some("Dana Field"));
        assert_eq!(clean_name("The Daily's Joel Park").as_deref(), Some("Joel Park"));
        assert_eq!(clean_name("Erik Prince").as_deref(), Some("Erik Prince"));
        assert_eq!(clean_name("Julia R. Diaz Moreno").as_deref(), Some("Julia R Diaz Moreno"));
        assert_eq!(clean_name("the senator from Ohio"), None);
        assert_eq!(clean_name("North Korea"), None);
        assert_eq!(clean_name("TELLING OF THE STORY"), None);
    }

    #[test]
    fn clean_names_drop_titles_roles_and_country_adjectives() {
        assert_eq!(clean_name("Chinese President Xi Jinping").as_deref(), Some("Xi Jinping"));
        assert_eq!(clean_name("Vice-Premier Zhang Guoqing").as_deref(), Some("Zhang Guoqing"));
        assert_eq!(clean_name("Ambassador Shi Zhongjun").as_deref(), Some("Shi Zhongjun"));
        assert_eq!(clean_name("the China National Space Administration"), None);
        assert_eq!(clean_name("the spokesperson"), None);
    }
}
