//! Golden tests: the analysis of the five seed articles.

use std::path::Path;

use corpus::analyse::analyse_folder;
use orrery_core::{Corpus, DateSource, Document};

fn seeds() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    analyse_folder(&dir).expect("the seeds analyse without errors").corpus
}

fn doc<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Document {
    corpus.documents.iter().find(|d| d.file.starts_with(prefix)).expect("seed present")
}

fn codes(d: &Document) -> Vec<&str> {
    d.countries.iter().map(|c| c.code.as_str()).collect()
}

fn speakers(corpus: &Corpus, d: &Document) -> Vec<Option<String>> {
    d.quotes.iter().map(|q| q.speaker.map(|i| corpus.speakers[i as usize].name.clone())).collect()
}

#[test]
fn titles_without_header_noise_and_decks() {
    let c = seeds();
    let titles: Vec<&str> = c.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Xi hails shared space progress",
            "Xiplomacy: Xi promotes exploration of outer space, advances global cooperation",
            "China, UN promote new space exploration partnership",
            "China Space Station welcomes foreign astronauts: FM Spokesperson",
            "China Hosted the Publicizing Conference to Introduce China’s Theme of Space Cooperation in Vienna",
        ]
    );
    assert_eq!(
        doc(&c, "000").subtitle.as_deref(),
        Some("Beijing willing to boost partnership with Latin America and Caribbean, he says")
    );
    assert!(c.documents[1..].iter().all(|d| d.subtitle.is_none()));
}

#[test]
fn dates_with_precision_and_provenance() {
    let c = seeds();
    let dates: Vec<(Option<String>, Option<DateSource>)> =
        c.documents.iter().map(|d| (d.date.map(|x| x.iso()), d.date_source)).collect();
    assert_eq!(
        dates,
        [
            (Some("2024-04".into()), Some(DateSource::Curator)),
            (Some("2022-05-04".into()), Some(DateSource::Text)),
            (Some("2022-11-22".into()), Some(DateSource::Text)),
            (Some("2022-04-19".into()), Some(DateSource::Text)),
            (Some("2018-06".into()), Some(DateSource::Curator)),
        ]
    );
}

#[test]
fn body_dates_are_events_not_the_publication_date() {
    let c = seeds();
    let events: Vec<String> = doc(&c, "001").event_dates.iter().map(|e| e.date.iso()).collect();
    assert_eq!(events.first().map(String::as_str), Some("2017-06-06"));
    assert_eq!(events.last().map(String::as_str), Some("2022-04-12"));
    assert_eq!(events.len(), 9);
}

#[test]
fn header_lines_datelines_credits_and_boilerplate_are_kept_apart() {
    let c = seeds();
    let d2 = doc(&c, "002");
    let header: Vec<&str> = d2.header.iter().map(|&s| d2.slice(s)).collect();
    assert_eq!(header, ["date 2022-11-22", "Xinhua) 08:44, November 22, 2022"]);
    assert_eq!(d2.slice(d2.dateline.unwrap()), "HAIKOU, Nov. 21 (Xinhua) --");
    assert_eq!(d2.place.as_deref(), Some("Haikou"));
    assert_eq!(d2.credits.iter().map(|&s| d2.slice(s)).collect::<Vec<_>>(), ["(Web editor: Cai Hairuo, Liang Jun)"]);
    assert!(d2.paragraphs.iter().all(|&p| !d2.slice(p).contains("08:44") && !d2.slice(p).contains("Web editor")));

    let d3 = doc(&c, "003");
    assert!(d3.slice(d3.header[0]).starts_with("updatetime:2022-04-19"));
    assert_eq!(d3.credits.iter().map(|&s| d3.slice(s)).collect::<Vec<_>>(), ["Web Editor:MXJ"]);

    let d0 = doc(&c, "000");
    assert_eq!(d0.boilerplate.iter().map(|&s| d0.slice(s)).collect::<Vec<_>>(), ["टिप्पणीहरू"]);
    assert!(d0.paragraphs.iter().all(|&p| !d0.slice(p).contains('ट')));
    assert_eq!(doc(&c, "001").place.as_deref(), Some("Beijing"));
}

#[test]
fn sources_from_datelines_and_headers() {
    let c = seeds();
    let sources: Vec<Option<&str>> =
        c.documents.iter().map(|d| d.source.map(|i| c.sources[i as usize].name.as_str())).collect();
    assert_eq!(sources, [None, Some("Xinhua"), Some("Xinhua"), None, None]);
}

#[test]
fn countries_per_seed() {
    let c = seeds();
    let mut got: Vec<Vec<&str>> = c.documents.iter().map(codes).collect();
    for codes in &mut got {
        codes[1..].sort();
    }
    assert_eq!(
        got,
        [
            vec!["CN", "BO", "BR", "HN", "NI", "VE"],
            vec!["CN"],
            vec!["CN"],
            vec!["CN", "DE", "FR", "IT", "PK", "RU"],
            vec!["CN", "AT"],
        ]
    );
    // Most mentioned first.
    for d in &c.documents {
        assert!(d.countries.windows(2).all(|w| w[0].mentions >= w[1].mentions), "{}", d.file);
    }
}

#[test]
fn mentions_keep_their_spans_and_kinds() {
    let c = seeds();
    let d0 = doc(&c, "000");
    let ve: Vec<&str> = d0.mentions.iter().filter(|m| m.code == "VE").map(|m| d0.slice(m.span)).collect();
    assert_eq!(ve, ["Venezuelan", "Venezuela"]);
    assert!(d0.mentions.iter().any(|m| d0.slice(m.span) == "Wuhan" && m.kind == orrery_core::MentionKind::Place));
    let d4 = doc(&c, "004");
    assert!(d4.mentions.iter().any(|m| d4.slice(m.span) == "Vienna" && m.code == "AT"));
}

#[test]
fn quotes_and_speakers_per_seed() {
    let c = seeds();
    let xi = Some("Xi Jinping".to_owned());
    let hedman = Some("Niklas Hedman".to_owned());
    let wang = Some("Wang Wenbin".to_owned());
    assert_eq!(speakers(&c, doc(&c, "000")), std::slice::from_ref(&xi));
    assert_eq!(speakers(&c, doc(&c, "001")), [xi.clone(), xi]);
    assert_eq!(speakers(&c, doc(&c, "002")), [hedman.clone(), hedman]);
    assert_eq!(speakers(&c, doc(&c, "003")), vec![wang; 4]);
    assert!(doc(&c, "004").quotes.is_empty(), "a scare quote is not a quotation");
    let d2 = doc(&c, "002");
    assert!(d2.quotes.iter().all(|q| !d2.quote_text(q).contains("building new space exploration")));
}

#[test]
fn corpus_wide_speaker_list_has_slugs_and_counts() {
    let c = seeds();
    let list: Vec<(&str, &str, u32)> =
        c.speakers.iter().map(|s| (s.name.as_str(), s.slug.as_str(), s.quotes)).collect();
    assert_eq!(
        list,
        [("Wang Wenbin", "wang-wenbin", 4), ("Xi Jinping", "xi-jinping", 3), ("Niklas Hedman", "niklas-hedman", 2)]
    );
}

#[test]
fn slugs_are_unique_and_stable() {
    let c = seeds();
    assert_eq!(c.documents[0].slug, "xi-hails-shared-space-progress");
    let mut slugs: Vec<&str> = c.documents.iter().map(|d| d.slug.as_str()).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), 5);
}

#[test]
fn analysis_is_byte_for_byte_deterministic() {
    let a = postcard::to_allocvec(&seeds()).unwrap();
    let b = postcard::to_allocvec(&seeds()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn the_report_lists_every_facet_with_the_place_of_each_dateline() {
    let c = seeds();
    let report = corpus::report::to_value(&c);
    let facets: Vec<&str> = report["facets"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(facets, ["country", "year", "source", "speaker", "place", "collection"]);
    // The seeds lie in one flat folder: no collections.
    assert!(report["facets"][5]["values"].as_array().unwrap().is_empty());
    let place = &report["facets"][4];
    assert_eq!(place["label"], "Place");
    let haikou: Vec<&serde_json::Value> =
        place["values"].as_array().unwrap().iter().filter(|v| v["label"] == "Haikou").collect();
    assert_eq!(haikou.len(), 1, "{place}");
    assert_eq!((haikou[0]["key"].as_str(), haikou[0]["articles"].as_u64()), (Some("haikou"), Some(1)));
    // Each document names its values, and the place is its dateline's.
    for d in report["documents"].as_array().unwrap() {
        let places: Vec<&str> = d["facets"]["place"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        match d["place"].as_str() {
            Some(name) => assert_eq!(places, [corpus::slug::slugify(name)]),
            None => assert!(places.is_empty()),
        }
    }
}

#[test]
fn speakers_are_listed_in_the_order_of_the_article_counts_shown() {
    let c = seeds();
    let report = corpus::report::to_value(&c);
    for facet in report["facets"].as_array().unwrap().iter().filter(|f| f["key"] != "year") {
        let counts: Vec<u64> =
            facet["values"].as_array().unwrap().iter().map(|v| v["articles"].as_u64().unwrap()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{}: {counts:?}", facet["key"]);
    }
}
