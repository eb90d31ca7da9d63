//! The viewer's logic on the seeds: URL parsing and serialising, filtering,
//! disjunctive facet counts, search and snippets.

use std::path::Path;
use std::sync::OnceLock;

use corpus::analyse::{analyse_folder, bundle};
use corpus::filter::run;
use corpus::search::{snippet, SearchQuery};
use corpus::state::{decode, Sort, State, View, Year};
use corpus::Bundle;
use proptest::prelude::*;

fn seeds() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        bundle(analyse_folder(&dir).unwrap().corpus)
    })
}

fn results(query: &str) -> Vec<String> {
    let b = seeds();
    let (state, notices) = State::parse(query, &b.corpus);
    assert!(notices.is_empty(), "{notices:?}");
    run(b, &state).documents.iter().map(|&i| b.corpus.documents[i as usize].file[..3].to_owned()).collect()
}

#[test]
fn the_issue_examples() {
    assert_eq!(results("?country=VE"), ["000"]);
    assert_eq!(results("?year=2022").len(), 3);
    assert_eq!(results("?country=VE&country=PK").len(), 2);
    assert_eq!(results("?country=ve,pk").len(), 2);
    assert_eq!(results("?q=lunar").len(), 2);
}

#[test]
fn facets_combine_or_within_and_across() {
    assert_eq!(results("?year=2022&country=PK"), ["003"]);
    assert_eq!(results("?year=2022&year=2018"), ["002", "001", "003", "004"]);
    assert_eq!(results("?speaker=xi-jinping"), ["000", "001"]);
    assert_eq!(results("?source=xinhua&speaker=xi-jinping"), ["001"]);
}

#[test]
fn counts_are_disjunctive() {
    let b = seeds();
    let (state, _) = State::parse("?country=VE", &b.corpus);
    let r = run(b, &state);
    let count = |code: &str| r.facets.countries.iter().find(|v| v.key == code).unwrap().count;
    // Choosing Venezuela still shows what Pakistan would add.
    assert_eq!(count("PK"), 1);
    assert_eq!(count("CN"), 5);
    let ve = r.facets.countries.iter().find(|v| v.key == "VE").unwrap();
    assert!(ve.selected);
    // Other facets apply Venezuela: only 000's year (2024) has a document.
    let years: Vec<(String, u32)> = r.facets.years.iter().map(|v| (v.key.clone(), v.count)).collect();
    assert_eq!(years, [("2024".into(), 1), ("2022".into(), 0), ("2018".into(), 0)]);
}

#[test]
fn country_totals_count_articles_and_mentions_of_the_results() {
    let b = seeds();
    let (state, _) = State::parse("?year=2022", &b.corpus);
    let r = run(b, &state);
    let mut want: std::collections::BTreeMap<&str, (u32, u32)> = Default::default();
    for &d in &r.documents {
        for c in &b.corpus.documents[d as usize].countries {
            let e = want.entry(c.code.as_str()).or_default();
            e.0 += 1;
            e.1 += c.mentions;
        }
    }
    let got = b.filter.country_totals(&r.documents);
    assert_eq!(got.len(), want.len());
    for (code, articles, mentions) in got {
        assert_eq!(want[code], (articles, mentions), "{code}");
    }
    // China is in all three 2022 articles; Venezuela (2024) is not among them.
    assert_eq!(b.filter.country_totals(&r.documents).iter().find(|c| c.0 == "CN").map(|c| c.1), Some(3));
    assert!(b.filter.country_totals(&r.documents).iter().all(|c| c.0 != "VE"));
}

#[test]
fn sorting_orders() {
    assert_eq!(results(""), ["000", "002", "001", "003", "004"]);
    assert_eq!(results("?sort=oldest"), ["004", "003", "001", "002", "000"]);
    assert_eq!(results("?sort=title"), ["004", "003", "002", "000", "001"]);
}

#[test]
fn search_folds_case_accents_and_apostrophes_and_needs_every_word() {
    assert_eq!(results("?q=CHINA%E2%80%99S%20youth").len(), 1);
    assert_eq!(results("?q=china's%20youth"), results("?q=CHINA%E2%80%99S%20youth"));
    assert_eq!(results("?q=V%C3%8DENNA"), ["004"]);
    assert!(results("?q=lunar%20zebra").is_empty());
}

#[test]
fn phrases_match_as_phrases_and_the_last_word_as_a_prefix() {
    assert_eq!(results("?q=%22space%20station%22").len(), 4);
    assert_eq!(results("?q=%22station%20space%22").len(), 0);
    assert_eq!(results("?q=hedm"), ["002"]);
    assert!(results("?q=hedm%20").is_empty(), "a finished word is not a prefix");
}

#[test]
fn relevance_ranks_the_densest_match_first() {
    assert_eq!(results("?q=hainan")[0], "002");
}

#[test]
fn snippets_centre_on_the_first_hit() {
    let b = seeds();
    let q = SearchQuery::parse(&b.index.fold, "nicaragua");
    let doc = &b.corpus.documents[0];
    let (window, hits) = snippet(&b.index.fold, doc, &q, 8).unwrap();
    assert!(doc.slice(window).contains("Nicaragua"));
    assert_eq!(hits.iter().map(|h| doc.slice(*h)).collect::<Vec<_>>(), ["Nicaragua"]);
}

#[test]
fn bad_parameters_are_ignored_and_named() {
    let b = seeds();
    let long = "x".repeat(5000);
    let (state, notices) =
        State::parse(&format!("?country=XX&year=abc&speaker=nobody&doc=nope&quote=7&view=map&q={long}&zzz=1"), &b.corpus);
    assert_eq!(state.countries, Vec::<String>::new());
    assert_eq!(state.q.chars().count(), 200);
    let all = notices.join("\n");
    for name in ["XX", "abc", "nobody", "nope", "map", "200", "zzz", "quote"] {
        assert!(all.contains(name), "no notice names {name}: {all}");
    }
}

#[test]
fn quote_numbers_must_exist_in_their_document() {
    let b = seeds();
    let slug = &b.corpus.documents[3].slug;
    let (state, notices) = State::parse(&format!("?doc={slug}&quote=4"), &b.corpus);
    assert_eq!((state.quote, notices.len()), (Some(4), 0));
    let (state, notices) = State::parse(&format!("?doc={slug}&quote=5"), &b.corpus);
    assert_eq!((state.quote, notices.len()), (None, 1));
}

#[test]
fn serialisation_is_canonical() {
    let b = seeds();
    let (state, _) = State::parse("?sort=newest&country=pk&view=articles&country=VE,PK&year=undated&year=2022", &b.corpus);
    assert_eq!(state.to_query(), "?country=PK&country=VE&year=2022&year=undated");
    assert_eq!(State::default().to_query(), "");
    let (state, _) = State::parse("?q=lunar&sort=relevance", &b.corpus);
    assert_eq!(state.to_query(), "?q=lunar");
}

fn arbitrary_state() -> impl Strategy<Value = State> {
    let b = seeds();
    let codes: Vec<String> = b.corpus.countries.iter().map(|c| c.code.clone()).collect();
    let speakers: Vec<String> = b.corpus.speakers.iter().map(|s| s.slug.clone()).collect();
    let sources: Vec<String> = b.corpus.sources.iter().map(|s| s.slug.clone()).collect();
    let docs: Vec<(String, usize)> = b.corpus.documents.iter().map(|d| (d.slug.clone(), d.quotes.len())).collect();
    let years = vec![Year::Year(2022), Year::Year(2024), Year::Year(2018), Year::Undated];
    (
        "\\PC{0,30}",
        prop::sample::subsequence(codes.clone(), 0..=codes.len()),
        prop::sample::subsequence(years.clone(), 0..=years.len()),
        prop::sample::subsequence(sources.clone(), 0..=sources.len()),
        prop::sample::subsequence(speakers.clone(), 0..=speakers.len()),
        prop::sample::select(View::ALL.to_vec()),
        prop::option::of(prop::sample::select(docs)),
        any::<u32>(),
        prop::sample::select(Sort::ALL.to_vec()),
    )
        .prop_map(|(q, countries, years, sources, speakers, view, doc, n, sort)| {
            let quote = doc.as_ref().and_then(|(_, count)| (*count > 0).then(|| n % *count as u32 + 1));
            let mut state = State { q, countries, years, sources, speakers, view, doc: doc.map(|(s, _)| s), quote, sort };
            state.normalise();
            state
        })
}

proptest! {
    #[test]
    fn url_state_round_trips(state in arbitrary_state()) {
        let b = seeds();
        let query = state.to_query();
        let (parsed, notices) = State::parse(&query, &b.corpus);
        // Whitespace-only search text is the one lossy case: it is no search.
        prop_assume!(state.q.trim() == state.q || state.q.trim().is_empty() && state.q.is_empty());
        prop_assert!(notices.is_empty(), "{:?} from {}", notices, query);
        prop_assert_eq!(&parsed, &state, "{}", query);
        prop_assert_eq!(parsed.to_query(), query);
    }

    #[test]
    fn parsing_any_query_string_never_panics_and_is_stable(raw in "\\PC{0,200}") {
        let b = seeds();
        let (state, _) = State::parse(&raw, &b.corpus);
        let (again, notices) = State::parse(&state.to_query(), &b.corpus);
        prop_assert!(notices.is_empty());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn decoding_never_panics(raw in any::<String>()) {
        let _ = decode(&raw);
    }
}

/// A direct reading of the rules, to check the optimised filter against.
fn naive_counts(b: &Bundle, state: &State) -> (Vec<String>, Vec<(String, u32)>, Vec<(String, u32)>) {
    let c = &b.corpus;
    let query = SearchQuery::parse(&b.index.fold, &state.q);
    let found: Vec<u32> = if query.is_empty() {
        (0..c.documents.len() as u32).collect()
    } else {
        b.index.search(b.positions.as_slice(), &query).scores.into_iter().map(|(d, _)| d).collect()
    };
    let speaker_slugs = |d: &corpus::Document| -> Vec<String> {
        d.quotes.iter().filter_map(|q| q.speaker).map(|s| c.speakers[s as usize].slug.clone()).collect()
    };
    let passes = |d: &corpus::Document, skip: usize| {
        (skip == 0 || state.countries.is_empty() || d.countries.iter().any(|x| state.countries.contains(&x.code)))
            && (skip == 1 || state.years.is_empty() || state.years.contains(&d.date.map_or(Year::Undated, |x| Year::Year(x.year))))
            && (skip == 3 || state.speakers.is_empty() || speaker_slugs(d).iter().any(|s| state.speakers.contains(s)))
    };
    let mut selected: Vec<String> =
        found.iter().map(|&i| &c.documents[i as usize]).filter(|d| passes(d, 9)).map(|d| d.file.clone()).collect();
    selected.sort();
    let mut countries: std::collections::BTreeMap<String, u32> = Default::default();
    let mut speakers: std::collections::BTreeMap<String, u32> = Default::default();
    for d in found.iter().map(|&i| &c.documents[i as usize]) {
        if passes(d, 0) {
            for x in &d.countries {
                *countries.entry(x.code.clone()).or_default() += 1;
            }
        }
        if passes(d, 3) {
            let mut slugs = speaker_slugs(d);
            slugs.sort();
            slugs.dedup();
            for s in slugs {
                *speakers.entry(s).or_default() += 1;
            }
        }
    }
    (selected, countries.into_iter().collect(), speakers.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_filter_agrees_with_a_direct_reading_of_the_rules(seed in 0u64..1000, picks in prop::collection::vec(0usize..1000, 0..4), q in prop_oneof![Just(String::new()), Just("space".to_owned()), Just("cooperation agency".to_owned())]) {
        static SYNTH: OnceLock<Bundle> = OnceLock::new();
        let b = SYNTH.get_or_init(|| {
            let files: Vec<corpus::read::SourceFile> = corpus::synth::generate(150, 3)
                .into_iter()
                .map(|a| corpus::read::SourceFile { path: a.file.clone().into(), name: a.file, text: a.text })
                .collect();
            bundle(corpus::analyse::analyse_files(&files, &Default::default()).unwrap())
        });
        let c = &b.corpus;
        let mut state = State { q, ..State::default() };
        for (k, pick) in picks.iter().enumerate() {
            match (seed as usize + k) % 3 {
                0 => state.countries.push(c.countries[pick % c.countries.len()].code.clone()),
                1 => state.speakers.push(c.speakers[pick % c.speakers.len()].slug.clone()),
                _ => state.years.push(Year::Year(1990 + (pick % 36) as u16)),
            }
        }
        state.normalise();
        let results = run(b, &state);
        let mut got: Vec<String> = results.documents.iter().map(|&i| c.documents[i as usize].file.clone()).collect();
        got.sort();
        let (want, countries, speakers) = naive_counts(b, &state);
        prop_assert_eq!(got, want);
        let got_countries: Vec<(String, u32)> = {
            let mut v: Vec<(String, u32)> = results.facets.countries.iter().filter(|v| v.count > 0).map(|v| (v.key.clone(), v.count)).collect();
            v.sort();
            v
        };
        prop_assert_eq!(got_countries, countries);
        let got_speakers: Vec<(String, u32)> = {
            let mut v: Vec<(String, u32)> = results.facets.speakers.iter().filter(|v| v.count > 0).map(|v| (v.key.clone(), v.count)).collect();
            v.sort();
            v
        };
        prop_assert_eq!(got_speakers, speakers);
    }
}
