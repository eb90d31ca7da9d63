//! The generic facet loop agrees with a direct reading of the rules on a
//! generated corpus: values of one facet combine with OR, facets with AND,
//! and each facet's counts apply every other facet but not itself; the date
//! range is one more filter, and the timeline counts apply every other one.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use corpus::bundle::bundle;
use orrery_core::filter::run;
use orrery_core::search::SearchQuery;
use orrery_core::state::Selection;
use orrery_core::timeline::DateRange;
use orrery_core::{Bundle, Date, Document};
use proptest::prelude::*;

fn generated() -> &'static Bundle {
    static SYNTH: OnceLock<Bundle> = OnceLock::new();
    SYNTH.get_or_init(|| {
        let files: Vec<corpus::read::SourceFile> = xtask::synth::generate(150, 3)
            .into_iter()
            .map(|a| corpus::read::SourceFile { path: a.file.clone().into(), name: a.file, text: a.text })
            .collect();
        bundle(corpus::analyse::analyse_files(&files, &Default::default()).unwrap()).unwrap()
    })
}

/// What a document is, read from the document itself: its country codes, its
/// year ("undated" for none) and its speakers' slugs.
fn read(b: &Bundle, d: &Document) -> [BTreeSet<String>; 3] {
    let countries = d.countries.iter().map(|c| c.code.clone()).collect();
    let year = [d.date.map_or("undated".to_owned(), |x| x.year.to_string())].into_iter().collect();
    let speakers =
        d.quotes.iter().filter_map(|q| q.speaker).map(|s| b.corpus.speakers[s as usize].slug.clone()).collect();
    [countries, year, speakers]
}

const KEYS: [&str; 3] = ["country", "year", "speaker"];

/// The documents, the counts per facet and the documents the timeline
/// counts (every filter but the date range), by a direct reading of the rules.
fn naive(
    b: &Bundle,
    q: &str,
    chosen: &[BTreeSet<String>; 3],
    range: DateRange,
) -> (BTreeSet<String>, [BTreeMap<String, u32>; 3], u32) {
    let query = SearchQuery::parse(&b.index.fold, q);
    let found: Vec<u32> = if query.is_empty() {
        (0..b.corpus.documents.len() as u32).collect()
    } else {
        b.index.search(b.positions.as_slice(), &query).scores.into_iter().map(|(d, _)| d).collect()
    };
    let in_range = |d: &Document| !range.is_set() || d.date.is_some_and(|x| range.overlaps(x));
    let passes = |values: &[BTreeSet<String>; 3], d: &Document, skip: usize| {
        (0..3).all(|k| k == skip || chosen[k].is_empty() || !chosen[k].is_disjoint(&values[k]))
            && (skip == 3 || in_range(d))
    };
    let mut selected = BTreeSet::new();
    let mut counts: [BTreeMap<String, u32>; 3] = Default::default();
    let mut timeline = 0;
    for d in found.iter().map(|&i| &b.corpus.documents[i as usize]) {
        let values = read(b, d);
        if passes(&values, d, 9) {
            selected.insert(d.file.clone());
        }
        if passes(&values, d, 3) {
            timeline += 1;
        }
        for k in 0..3 {
            if passes(&values, d, k) {
                for v in &values[k] {
                    *counts[k].entry(v.clone()).or_default() += 1;
                }
            }
        }
    }
    (selected, counts, timeline)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_filter_agrees_with_a_direct_reading_of_the_rules(
        seed in 0u64..1000,
        picks in prop::collection::vec(0usize..1000, 0..4),
        q in prop_oneof![Just(String::new()), Just("space".to_owned()), Just("cooperation agency".to_owned())],
        ends in (prop::option::of((2015u16..2026, 0u8..=12)), prop::option::of((2015u16..2026, 0u8..=12))),
    ) {
        let date = |end: Option<(u16, u8)>| end.and_then(|(y, m)| Date::new(y, m, 0));
        let range = DateRange::new(date(ends.0), date(ends.1)).unwrap_or_default();
        let b = generated();
        let mut selection = Selection::default();
        selection.q = q.clone();
        selection.range = range;
        let mut chosen: [BTreeSet<String>; 3] = Default::default();
        for (k, pick) in picks.iter().enumerate() {
            let which = (seed as usize + k) % 3;
            let f = b.filter.position(KEYS[which]).unwrap();
            let facet = &b.filter.facets()[f];
            let v = (pick % facet.len()) as u32;
            selection.pick(f, v);
            chosen[which].insert(facet.value(v).unwrap().key.clone());
        }
        let results = run(b, &selection);
        let got: BTreeSet<String> = results.documents.iter().map(|&i| b.corpus.documents[i as usize].file.clone()).collect();
        let (want, counts, timeline) = naive(b, &q, &chosen, range);
        prop_assert_eq!(got, want);
        prop_assert_eq!(results.dates.iter().sum::<u32>() + results.undated, timeline);
        for (k, key) in KEYS.iter().enumerate() {
            let f = b.filter.position(key).unwrap();
            let facet = &b.filter.facets()[f];
            let got: BTreeMap<String, u32> = (0..facet.len() as u32)
                .filter(|&v| results.count(f, v) > 0)
                .map(|v| (facet.value(v).unwrap().key.clone(), results.count(f, v)))
                .collect();
            prop_assert_eq!(&got, &counts[k], "{}", key);
        }
    }
}
