//! The viewer's logic on the seeds: URL parsing and serialising, filtering,
//! disjunctive facet counts, search and snippets.

use std::path::Path;
use std::sync::OnceLock;

use corpus::analyse::analyse_folder;
use corpus::bundle::bundle;
use orrery_core::filter::{run, search_only};
use orrery_core::kwic::KwicSort;
use orrery_core::search::{snippet, SearchQuery};
use orrery_core::state::{Location, Selection, Sort, State, View};
use orrery_core::timeline::DateRange;
use orrery_core::{Bundle, Date};
use proptest::prelude::*;

fn seeds() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        bundle(analyse_folder(&dir).unwrap().corpus).unwrap()
    })
}

fn results(query: &str) -> Vec<String> {
    let b = seeds();
    let (state, notices) = State::parse(query, b);
    assert!(notices.is_empty(), "{notices:?}");
    run(b, &state.selection).documents.iter().map(|&i| b.corpus.documents[i as usize].file[..3].to_owned()).collect()
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
fn date_ranges_hold_every_article_whose_period_overlaps_them() {
    // The seeds are dated 2018-06, 2022-04-19, 2022-05-04, 2022-11-22 and 2024-04.
    assert_eq!(results("?from=2022-05&to=2022-12").len(), 2);
    assert_eq!(results("?from=2022").len(), 4);
    assert_eq!(results("?to=2021"), ["004"]);
    assert_eq!(results("?from=2024-04-30&to=2024-04-30").len(), 1, "a day in a month-dated article's month");
    // With `year`, by AND.
    assert_eq!(results("?year=2022&from=2022-05").len(), 2);
    assert_eq!(results("?year=2018&from=2022").len(), 0);
}

#[test]
fn concordance_keys_are_canonical_and_need_their_context() {
    let b = seeds();
    let (state, notices) = State::parse("?kwic=1r&view=contexts&q=space", b);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.to_query(b), "?q=space&view=contexts&kwic=1R");
    let slug = &b.corpus.documents[1].slug;
    let (state, notices) = State::parse(&format!("?q=space&doc={slug}&hit=3"), b);
    assert!(notices.is_empty());
    assert_eq!(state.location.hit, Some(3));
    assert_eq!(state.to_query(b), format!("?q=space&doc={slug}&hit=3"));
    for (bad, says) in [
        ("?view=contexts&kwic=3L", "Unknown concordance order"),
        ("?kwic=1L", "needs view=contexts"),
        ("?q=space&hit=2", "needs an article"),
        (&format!("?doc={slug}&hit=2"), "needs an article (doc) and a search"),
        (&format!("?q=x&doc={slug}&hit=0"), "not a hit number"),
    ] {
        let (state, notices) = State::parse(bad, b);
        assert_eq!(state.location.hit, None, "{bad}");
        assert_eq!(notices.len(), 1, "{bad}: {notices:?}");
        assert!(notices[0].contains(says), "{bad}: {notices:?}");
    }
}

#[test]
fn date_ranges_are_canonical_and_bad_ones_are_named() {
    let b = seeds();
    let (state, notices) = State::parse("?to=2022-12&from=2022-05&view=quotes", b);
    assert!(notices.is_empty());
    assert_eq!(state.to_query(b), "?from=2022-05&to=2022-12&view=quotes");
    for bad in ["?from=2022-13", "?to=22", "?from=2022-02-30", "?from=tomorrow"] {
        let (state, notices) = State::parse(bad, b);
        assert!(!state.selection.range.is_set(), "{bad}");
        assert_eq!(notices.len(), 1, "{bad}: {notices:?}");
        assert!(notices[0].contains("must be a year, a month or a day"), "{notices:?}");
    }
    let (state, notices) = State::parse("?from=2023&to=2022", b);
    assert!(!state.selection.range.is_set());
    assert_eq!(notices, ["The date range ends before it starts and was ignored."]);
}

#[test]
fn the_timeline_counts_under_every_filter_but_the_range() {
    let b = seeds();
    let timeline = |query: &str| {
        let (state, _) = State::parse(query, b);
        let r = run(b, &state.selection);
        orrery_core::timeline::timeline(b.filter.dates().values(), &r.dates, r.undated)
    };
    let all = timeline("");
    assert_eq!(all.unit, Some(orrery_core::timeline::Unit::Month));
    assert_eq!(all.bins.first().unwrap().period.iso(), "2018-06");
    assert_eq!(all.bins.last().unwrap().period.iso(), "2024-04");
    assert_eq!(all.bins.iter().map(|b| b.count).sum::<u32>(), 5);
    // The range does not narrow its own chart; a facet does.
    assert_eq!(timeline("?from=2022-05&to=2022-12"), all);
    let pk = timeline("?country=PK");
    assert_eq!(pk.bins.iter().map(|b| b.count).sum::<u32>(), results("?country=PK").len() as u32);
}

#[test]
fn facets_combine_or_within_and_across() {
    assert_eq!(results("?year=2022&country=PK"), ["003"]);
    assert_eq!(results("?year=2022&year=2018"), ["002", "001", "003", "004"]);
    assert_eq!(results("?speaker=xi-jinping"), ["000", "001"]);
    assert_eq!(results("?source=xinhua&speaker=xi-jinping"), ["001"]);
}

/// A facet's counts by value key, in display order.
fn counts(b: &Bundle, r: &orrery_core::filter::Results, key: &str) -> Vec<(String, u32)> {
    let f = b.filter.position(key).unwrap();
    let facet = &b.filter.facets()[f];
    facet.order().iter().map(|&v| (facet.value(v).unwrap().key.clone(), r.count(f, v))).collect()
}

#[test]
fn counts_are_disjunctive() {
    let b = seeds();
    let (state, _) = State::parse("?country=VE", b);
    let r = run(b, &state.selection);
    let countries = counts(b, &r, "country");
    let count = |code: &str| countries.iter().find(|(k, _)| k == code).unwrap().1;
    // Choosing Venezuela still shows what Pakistan would add.
    assert_eq!(count("PK"), 1);
    assert_eq!(count("CN"), 5);
    let country = b.filter.position("country").unwrap();
    assert!(state.selection.is_picked(country, b.filter.facets()[country].find("VE").unwrap()));
    // Other facets apply Venezuela: only 000's year (2024) has a document.
    assert_eq!(counts(b, &r, "year"), [("2024".into(), 1), ("2022".into(), 0), ("2018".into(), 0)]);
}

#[test]
fn country_totals_count_articles_and_mentions_of_the_results() {
    let b = seeds();
    let (state, _) = State::parse("?year=2022", b);
    let r = run(b, &state.selection);
    let mut want: std::collections::BTreeMap<&str, (u32, u32)> = Default::default();
    for &d in &r.documents {
        for c in &b.corpus.documents[d as usize].countries {
            let e = want.entry(c.code.as_str()).or_default();
            e.0 += 1;
            e.1 += c.mentions;
        }
    }
    let facet = b.filter.facet("country").unwrap();
    let got: Vec<(&str, u32, u32)> =
        facet.totals(&r.documents).into_iter().map(|(v, a, m)| (facet.value(v).unwrap().key.as_str(), a, m)).collect();
    assert_eq!(got.len(), want.len());
    for &(code, articles, mentions) in &got {
        assert_eq!(want[code], (articles, mentions), "{code}");
    }
    // China is in all three 2022 articles; Venezuela (2024) is not among them.
    assert_eq!(got.iter().find(|c| c.0 == "CN").map(|c| c.1), Some(3));
    assert!(got.iter().all(|c| c.0 != "VE"));
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
        State::parse(&format!("?country=XX&year=abc&speaker=nobody&doc=nope&quote=7&view=map&q={long}&zzz=1"), b);
    assert!(state.selection.picks().is_empty());
    assert_eq!(state.selection.q.chars().count(), 200);
    let all = notices.join("\n");
    for name in ["XX", "abc", "nobody", "nope", "map", "200", "zzz", "quote"] {
        assert!(all.contains(name), "no notice names {name}: {all}");
    }
}

#[test]
fn quote_numbers_must_exist_in_their_document() {
    let b = seeds();
    let slug = &b.corpus.documents[3].slug;
    let (state, notices) = State::parse(&format!("?doc={slug}&quote=4"), b);
    assert_eq!((state.location.quote, notices.len()), (Some(4), 0));
    let (state, notices) = State::parse(&format!("?doc={slug}&quote=5"), b);
    assert_eq!((state.location.quote, notices.len()), (None, 1));
}

#[test]
fn serialisation_is_canonical() {
    let b = seeds();
    let (state, _) = State::parse("?sort=newest&country=pk&view=articles&country=VE,PK&year=2024&year=2022", b);
    assert_eq!(state.to_query(b), "?country=PK&country=VE&year=2022&year=2024");
    assert_eq!(State::default().to_query(b), "");
    let (state, _) = State::parse("?q=lunar&sort=relevance", b);
    assert_eq!(state.to_query(b), "?q=lunar");
    // Spaces and reserved characters are percent-encoded, never `+`.
    let (state, _) = State::parse("?q=space+station%26more", b);
    assert_eq!(state.to_query(b), "?q=space%20station%26more");
    // A year no article has is named, like any value the corpus lacks
    // (every seed is dated, so "undated" is one).
    let (state, notices) = State::parse("?year=undated&year=1999", b);
    assert!(state.selection.picks().is_empty());
    assert_eq!(notices.len(), 2, "{notices:?}");
}

fn arbitrary_date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 0u8..=12, 0u8..=31).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d))
}

fn arbitrary_state() -> impl Strategy<Value = State> {
    let b = seeds();
    let picks: Vec<(usize, u32)> = b
        .filter
        .facets()
        .iter()
        .enumerate()
        .flat_map(|(f, facet)| (0..facet.len() as u32).map(move |v| (f, v)))
        .collect();
    let docs: Vec<(u32, usize)> =
        b.corpus.documents.iter().enumerate().map(|(i, d)| (i as u32, d.quotes.len())).collect();
    (
        "\\PC{0,30}",
        prop::sample::subsequence(picks.clone(), 0..=picks.len()),
        prop::sample::select(View::ALL.to_vec()),
        prop::option::of(prop::sample::select(docs)),
        any::<u32>(),
        prop::sample::select(Sort::ALL.to_vec()),
        (prop::option::of(arbitrary_date()), prop::option::of(arbitrary_date())),
        (prop::sample::select(KwicSort::ALL.to_vec()), prop::option::of(1u32..40)),
    )
        .prop_map(|(q, picks, view, doc, n, sort, (from, to), (kwic, hit))| {
            let quote = doc.as_ref().and_then(|(_, count)| (*count > 0).then(|| n % *count as u32 + 1));
            let mut selection = Selection::default();
            (selection.q, selection.sort) = (q, sort);
            selection.range = DateRange::new(from, to).unwrap_or_default();
            for (f, v) in picks {
                selection.pick(f, v);
            }
            let location = Location { view, doc: doc.map(|(d, _)| d), quote, hit, kwic };
            let mut state = State { selection, location };
            state.normalise();
            state
        })
}

proptest! {
    #[test]
    fn url_state_round_trips(state in arbitrary_state()) {
        let b = seeds();
        let query = state.to_query(b);
        let (parsed, notices) = State::parse(&query, b);
        // Whitespace-only search text is the one lossy case: it is no search.
        let q = &state.selection.q;
        prop_assume!(q.trim() == q || q.trim().is_empty() && q.is_empty());
        prop_assert!(notices.is_empty(), "{:?} from {}", notices, query);
        prop_assert_eq!(&parsed, &state, "{}", query);
        prop_assert_eq!(parsed.to_query(b), query);
    }

    #[test]
    fn parsing_any_query_string_never_panics_and_is_stable(raw in "\\PC{0,200}") {
        let b = seeds();
        let (state, _) = State::parse(&raw, b);
        let (again, notices) = State::parse(&state.to_query(b), b);
        prop_assert!(notices.is_empty());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn parsing_any_bytes_never_panics(raw in any::<String>()) {
        let _ = State::parse(&raw, seeds());
    }
}

/// Ids are 32 bits: with 70,000 speakers, speaker 65,546 finds its own
/// article, and speaker 10 does not find it (16-bit ids made 65,546 alias 10).
#[test]
fn more_than_65536_speakers_keep_their_own_ids() {
    let text = "A title\n\n“We will see,” said Ana Lima.\n";
    let one = corpus::analyse::analyse_files(
        &[corpus::read::SourceFile { path: "a.txt".into(), name: "a.txt".into(), text: text.into() }],
        &Default::default(),
    )
    .unwrap();
    let template = &one.documents[0];
    assert_eq!(template.quotes.len(), 1);
    let n = 70_000u32;
    let mut c = orrery_core::Corpus { countries: one.countries.clone(), ..Default::default() };
    for i in 0..n {
        let mut doc = template.clone();
        doc.slug = format!("d{i}");
        doc.file = format!("{i}.txt");
        doc.quotes[0].speaker = Some(i);
        c.documents.push(doc);
        let name = format!("Person {i}");
        c.speakers.push(orrery_core::Speaker { slug: format!("person-{i}"), name, quotes: 1 });
    }
    let b = bundle(c).unwrap();
    let speaker = b.filter.position("speaker").unwrap();
    assert_eq!(b.filter.facets()[speaker].len(), n as usize);
    let found = |picks: &[u32]| {
        let mut selection = Selection::default();
        for &p in picks {
            selection.pick(speaker, p);
        }
        run(&b, &selection).documents
    };
    assert_eq!(found(&[65_546]), [65_546]);
    assert_eq!(found(&[10]), [10]);
    assert_eq!(found(&[69_999, 0]).len(), 2);
    // And through the URL.
    let (state, notices) = State::parse("?speaker=person-65546", &b);
    assert!(notices.is_empty());
    assert_eq!(run(&b, &state.selection).documents, [65_546]);
}

/// `n` one-quote articles, whose speakers are `distinct` people in turn.
fn quoted_corpus(n: u32, distinct: u32) -> orrery_core::Corpus {
    let text = "A title\n\n“We will see,” said Ana Lima.\n";
    let one = corpus::analyse::analyse_files(
        &[corpus::read::SourceFile { path: "a.txt".into(), name: "a.txt".into(), text: text.into() }],
        &Default::default(),
    )
    .unwrap();
    let mut c = orrery_core::Corpus { countries: one.countries.clone(), ..Default::default() };
    for i in 0..n {
        let mut doc = one.documents[0].clone();
        (doc.slug, doc.file) = (format!("d{i}"), format!("{i}.txt"));
        doc.quotes[0].speaker = Some(i % distinct);
        c.documents.push(doc);
    }
    for i in 0..distinct {
        let name = format!("Person Number {i}");
        c.speakers.push(orrery_core::Speaker { slug: format!("person-number-{i}"), name, quotes: n / distinct });
    }
    c.index_slugs();
    c
}

/// A large corpus's head carries the speakers its first view shows, not
/// every speaker: real news names a new person every article or so, and a
/// head with all of them grew with the corpus (PolNeAR's 840 articles
/// quote 1,072 people). Its counts are the whole corpus's.
#[test]
fn a_head_does_not_grow_with_the_number_of_speakers() {
    let head_of = |distinct| {
        let site = corpus::bundle::site(quoted_corpus(3_000, distinct), 0).unwrap();
        (site.bundle.len(), postcard::from_bytes::<Bundle>(&site.bundle).unwrap())
    };
    let (few, _) = head_of(10);
    let (many, head) = head_of(3_000);
    assert!(many < few + 1_024, "a head with 3,000 speakers is {many} bytes, with 10 it is {few}");
    let speaker = head.filter.position("speaker").unwrap();
    let facet = &head.filter.facets()[speaker];
    assert!(!facet.is_whole());
    assert_eq!(facet.len(), 3_000, "it still counts every speaker");
    // It holds the first list's and the first page's speakers, with their counts.
    let page: Vec<u32> = head.corpus.documents.iter().map(|d| d.quotes[0].speaker.unwrap()).collect();
    let first = head.first_results().unwrap();
    for &v in facet.order().iter().take(orrery_core::state::SHORT_LIST).chain(&page) {
        assert!(facet.value(v).is_some(), "speaker {v}");
        assert_eq!(first.count(speaker, v), 1, "speaker {v}");
    }
    assert!(facet.held().count() <= orrery_core::state::SHORT_LIST + page.len());
    // A speaker it does not hold is not found in it: the app looks in the
    // whole filter (`AppCatalog`), which the head's own catalog does not.
    let absent = (0..3_000).find(|&v| facet.value(v).is_none()).unwrap();
    let (_, notices) = State::parse(&format!("?speaker=person-number-{absent}"), &head);
    assert_eq!(notices.len(), 1, "{notices:?}");
    // A small facet (countries) travels whole.
    assert!(head.filter.facets().iter().filter(|f| f.key() != "speaker").all(|f| f.is_whole()));
}

#[test]
fn downloads_hold_the_whole_result_set_with_deep_links() {
    use orrery_core::export;
    let b = seeds();
    let (state, _) = State::parse("?year=2022", b);
    let r = run(b, &state.selection);
    let docs: Vec<(u32, &orrery_core::Document)> =
        r.documents.iter().map(|&i| (i, &b.corpus.documents[i as usize])).collect();
    let link = |doc: u32, quote: Option<u32>| {
        let mut s = state.clone();
        (s.location.doc, s.location.quote) = (Some(doc), quote);
        s.to_query(b)
    };
    let articles = export::articles(&b.corpus, b.filter.facets(), &docs, link);
    assert_eq!(articles.rows.len(), 3);
    assert_eq!(articles.file_name(&["2022"], "csv"), "orrery-articles-2022-3.csv");
    let csv = articles.to_csv();
    assert_eq!(csv.matches("\r\n").count(), 4, "a header and three rows");
    for (_, doc) in &docs {
        assert!(csv.contains(&doc.file), "{}", doc.file);
        assert!(csv.contains(&format!("?year=2022&doc={}", doc.slug)), "{csv}");
    }
    let quotes: Vec<(u32, &orrery_core::Document, usize)> =
        docs.iter().flat_map(|&(i, d)| (0..d.quotes.len()).map(move |q| (i, d, q))).collect();
    let table = export::quotes(b.filter.facets(), &quotes, link);
    assert_eq!(table.rows.len(), quotes.len());
    let json: serde_json::Value = serde_json::from_str(&table.to_json("http://x/?year=2022")).unwrap();
    assert_eq!(json["count"], quotes.len());
    let first = &json["rows"][0];
    let (i, d, _) = quotes[0];
    assert_eq!(first["quote"], d.quote_text(&d.quotes[0]));
    assert_eq!(first["link"], link(i, Some(1)));
}

/// A bundle numbers its articles newest first, ties in file order, the
/// undated last (which keeps its date column small), and every order and
/// address still means what it meant.
#[test]
fn a_bundle_numbers_its_articles_newest_first() {
    let files: Vec<corpus::read::SourceFile> = [
        ("a.txt", "Old news\n\n2019-03-04\n\nSomething happened in Peru.\n"),
        ("b.txt", "No date here\n\nSomething happened in Chile.\n"),
        ("c.txt", "New news\n\n2024-01-02\n\nSomething happened in Kenya.\n"),
        ("d.txt", "Also new\n\n2024-01-02\n\nSomething happened in Ghana.\n"),
    ]
    .iter()
    .map(|(name, text)| corpus::read::SourceFile { path: (*name).into(), name: (*name).into(), text: (*text).into() })
    .collect();
    let c = corpus::analyse::analyse_files(&files, &Default::default()).unwrap();
    assert!(c.documents.iter().filter(|d| d.date.is_some()).count() == 3, "the fixture's dates are read");
    let b = bundle(c.clone()).unwrap();
    let files: Vec<&str> = b.corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["c.txt", "d.txt", "a.txt", "b.txt"]);
    // Slugs find their articles under the new numbers.
    for (i, d) in b.corpus.documents.iter().enumerate() {
        assert_eq!(b.corpus.document_by_slug(&d.slug), Some(i as u32));
    }
    let titles = |sort: &str| {
        let state = State::parse(&format!("?sort={sort}"), &b).0;
        run(&b, &state.selection)
            .documents
            .iter()
            .map(|&d| b.corpus.documents[d as usize].title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles("newest"), ["New news", "Also new", "Old news", "No date here"]);
    assert_eq!(titles("oldest"), ["Old news", "New news", "Also new", "No date here"]);
    assert_eq!(titles("title"), ["Also new", "New news", "No date here", "Old news"]);
}

#[test]
fn a_search_sorts_by_relevance_unless_the_reader_chose_an_order() {
    let mut selection = Selection::default();
    selection.set_query("lunar".into());
    assert_eq!(selection.sort, Sort::Relevance);
    selection.set_query("  ".into());
    assert_eq!(selection.sort, Sort::Newest, "relevance without a search is the default order");
    selection.sort = Sort::Title;
    selection.set_query("lunar".into());
    assert_eq!(selection.sort, Sort::Title, "an order the reader chose stays");
    let mut state = State::default();
    state.selection.set_query("lunar station".into());
    assert_eq!(state.to_query(seeds()), "?q=lunar%20station");
}

#[test]
fn a_plain_search_is_answered_from_the_index_alone_with_the_documents_the_filter_gives() {
    let b = seeds();
    for query in ["?q=space", "?q=%22prime%20minister%22", "?q=gov*", "?q=the", "?q=zzzzqx"] {
        let selection = State::parse(query, b).0.selection;
        assert!(selection.is_plain_search(), "{query}");
        let alone = search_only(&b.index, b.positions.as_slice(), &selection).expect(query);
        assert!(alone.uncounted, "{query}: its counts come with the filter");
        assert_eq!(alone.documents, run(b, &selection).documents, "{query}");
    }
    // Anything else takes the filter: a value, a date range, another order,
    // no search, or a search of no word.
    for query in ["?q=space&country=VE", "?q=space&from=2020", "?q=space&sort=newest", "?sort=oldest", "", "?q=%21%21"]
    {
        let (state, notices) = State::parse(query, b);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        let selection = state.selection;
        assert!(search_only(&b.index, b.positions.as_slice(), &selection).is_none(), "{query}");
    }
}
