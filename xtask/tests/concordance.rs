//! The concordance's total comes from the index (term frequencies and word
//! positions), so that a sharded corpus can give it before any text is
//! fetched; its lines come from the texts. On a generated corpus and the
//! seeds, the two agree for every document and query.

use std::path::Path;

use corpus::bundle::bundle;
use orrery_core::kwic::{hit_lines, CONTEXT_WORDS};
use orrery_core::search::{head_words, SearchQuery};
use orrery_core::Bundle;

fn generated() -> Bundle {
    let files: Vec<corpus::read::SourceFile> = xtask::synth::generate(120, 7)
        .into_iter()
        .map(|a| corpus::read::SourceFile { path: a.file.clone().into(), name: a.file, text: a.text })
        .collect();
    bundle(corpus::analyse::analyse_files(&files, &Default::default()).unwrap()).unwrap()
}

fn seeds() -> Bundle {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    bundle(corpus::analyse::analyse_folder(&dir).unwrap().corpus).unwrap()
}

/// Checks every document for each query; returns the lines found in all.
fn agree(b: &Bundle, queries: &[&str]) -> usize {
    let mut lines = 0;
    for q in queries {
        let query = SearchQuery::parse(&b.index.fold, q);
        for (i, doc) in b.corpus.documents.iter().enumerate() {
            let from_text = hit_lines(&b.index.fold, doc, &query, CONTEXT_WORDS).len() as u32;
            let head = head_words(&b.index.fold, doc);
            let from_index = b.index.body_hits(b.positions.as_slice(), &query, i as u32, &head);
            assert_eq!(from_index, Some(from_text), "{q:?} in {}", doc.file);
            lines += from_text as usize;
        }
    }
    lines
}

#[test]
fn index_counts_equal_text_lines_on_a_generated_corpus() {
    let b = generated();
    let queries = [
        "space",
        "space ",
        "coop",
        "the agency",
        "\"space agency\"",
        "said",
        "minister",
        "united states",
        "\"of the\"",
    ];
    assert!(agree(&b, &queries) > 500, "the queries find many lines");
}

#[test]
fn index_counts_equal_text_lines_on_the_seeds() {
    let b = seeds();
    let queries = ["space ", "china", "lunar", "\"space station\"", "xi jinping", "coop", "cooperation", "\"china s\""];
    assert!(agree(&b, &queries) > 50);
}
