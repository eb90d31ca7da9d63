//! The analysis recovers what the generator put in: recall of dates,
//! countries, quotations and speakers on 1,000 generated articles.

use std::collections::BTreeMap;

use corpus::analyse::analyse_files;
use corpus::read::SourceFile;
use xtask::synth::generate;

#[test]
fn generation_is_deterministic_and_varies_with_the_seed() {
    assert_eq!(generate(20, 7), generate(20, 7));
    assert_ne!(generate(20, 7), generate(20, 8));
}

#[test]
fn analysis_recovers_what_the_generator_put_in() {
    let articles = generate(1000, 42);
    let files: Vec<SourceFile> = articles
        .iter()
        .map(|a| SourceFile { path: a.file.clone().into(), name: a.file.clone(), text: a.text.clone() })
        .collect();
    let corpus = analyse_files(&files, &BTreeMap::new()).expect("generated articles analyse");

    let (mut dates, mut titles) = (0, 0);
    let (mut countries_expected, mut countries_found, mut countries_extra) = (0, 0, 0);
    let (mut quotes_expected, mut quotes_found, mut speakers_right) = (0, 0, 0);
    for (article, doc) in articles.iter().zip(&corpus.documents) {
        let truth = &article.truth;
        dates += usize::from(doc.date == truth.date);
        titles += usize::from(doc.title == truth.title);
        let found: Vec<&str> = doc.countries.iter().map(|c| c.code.as_str()).collect();
        countries_expected += truth.countries.len();
        countries_found += truth.countries.iter().filter(|c| found.contains(&c.as_str())).count();
        countries_extra += found.iter().filter(|c| !truth.countries.contains(**c)).count();
        quotes_expected += truth.quotes.len();
        for (text, speaker) in &truth.quotes {
            let quote = doc.quotes.iter().find(|q| doc.quote_text(q) == *text);
            if let Some(quote) = quote {
                quotes_found += 1;
                let name = quote.speaker.map(|i| corpus.speakers[i as usize].name.as_str());
                speakers_right += usize::from(name == Some(speaker.as_str()));
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let report = format!(
        "titles {:.3}, dates {:.3}, country recall {:.3} (precision {:.3}), quote recall {:.3}, speaker recall {:.3}",
        ratio(titles, articles.len()),
        ratio(dates, articles.len()),
        ratio(countries_found, countries_expected),
        ratio(countries_found, countries_found + countries_extra),
        ratio(quotes_found, quotes_expected),
        ratio(speakers_right, quotes_expected),
    );
    println!("synthetic 1,000: {report}");
    assert!(ratio(titles, articles.len()) >= 0.99, "{report}");
    assert!(ratio(dates, articles.len()) >= 0.99, "{report}");
    assert!(ratio(countries_found, countries_expected) >= 0.98, "{report}");
    assert!(ratio(countries_found, countries_found + countries_extra) >= 0.98, "{report}");
    assert!(ratio(quotes_found, quotes_expected) >= 0.98, "{report}");
    assert!(ratio(speakers_right, quotes_expected) >= 0.95, "{report}");
}
