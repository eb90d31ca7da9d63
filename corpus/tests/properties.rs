//! Property tests: on arbitrary Unicode input the analyser never panics, every
//! span lies on character boundaries inside the text, and analysis is
//! deterministic. The quote pairer gets unbalanced and nested marks.

use corpus::analyse::analyse_text;
use corpus::metadata::Curated;
use corpus::quotes::pair_quotes;
use corpus::structure::lines;
use orrery_core::{Document, Span};
use proptest::prelude::*;

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && (span.end as usize) <= text.len()
        && text.is_char_boundary(span.start as usize)
        && text.is_char_boundary(span.end as usize)
}

fn all_spans(d: &Document) -> Vec<Span> {
    let mut spans = Vec::new();
    spans.extend(d.header.iter().copied());
    spans.extend(d.dateline);
    spans.extend(d.paragraphs.iter().copied());
    spans.extend(d.credits.iter().copied());
    spans.extend(d.boilerplate.iter().copied());
    spans.extend(d.mentions.iter().map(|m| m.span));
    spans.extend(d.event_dates.iter().map(|e| e.span));
    for q in &d.quotes {
        spans.push(q.span);
        spans.extend(q.parts.iter().copied());
    }
    spans
}

/// Text made of the pieces news text is made of, so that the interesting
/// paths (datelines, dates, quotes, countries) are reached often.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("’".to_owned()),
        Just("'".to_owned()),
        Just(" said Xi Jinping. ".to_owned()),
        Just(", he added.".to_owned()),
        Just("BEIJING, May 4 (Xinhua) -- ".to_owned()),
        Just("date 2022-05-04 ".to_owned()),
        Just("November 22, 2022".to_owned()),
        Just("Papua New Guinea".to_owned()),
        Just("Chinese".to_owned()),
        Just("Web editor: X".to_owned()),
        Just("टिप्पणीहरू".to_owned()),
        "\\PC{0,12}",
        "[a-zA-Z ,.]{0,20}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn analysis_never_panics_and_spans_are_valid(text in prop_oneof![newsy(), "\\PC{0,400}", any::<String>()]) {
        let a = analyse_text("x.txt", &text, &Curated::default());
        for span in all_spans(&a.document) {
            prop_assert!(valid(&text, span), "bad span {:?} in {:?}", span, text);
        }
    }

    #[test]
    fn analysis_is_deterministic(text in newsy()) {
        let a = analyse_text("x.txt", &text, &Curated::default());
        let b = analyse_text("x.txt", &text, &Curated::default());
        prop_assert_eq!(a.document, b.document);
        prop_assert_eq!(a.quotes, b.quotes);
    }

    #[test]
    fn quote_pairer_handles_unbalanced_and_nested_marks(
        marks in prop::collection::vec(prop_oneof![
            Just("\""), Just("“"), Just("”"), Just("„"), Just("«"), Just("»"), Just("'"), Just("’"),
            Just(" "), Just("word"), Just("\n\n"), Just("."), Just(","),
        ], 0..60)
    ) {
        let text = marks.concat();
        let paragraphs = lines(&text);
        let quotes = pair_quotes(&text, &paragraphs);
        let mut previous_end = 0;
        for q in &quotes {
            prop_assert!(valid(&text, q.span));
            prop_assert!(q.span.start >= previous_end, "quotations overlap in {:?}", text);
            previous_end = q.span.end;
            prop_assert!(q.first_paragraph <= q.last_paragraph);
            for part in &q.parts {
                prop_assert!(valid(&text, *part) && !part.is_empty());
                prop_assert!(q.span.contains(*part));
            }
        }
    }
}

/// Long documents made of what once made the analysis slow: runs of quote
/// marks, capitalised words and commas, the same name over and over, and
/// nesting. Up to 64 KB, so that a slow path shows as a slow test.
fn hostile() -> impl Strategy<Value = String> {
    let run = prop_oneof![
        Just("\"“a \""),
        Just("“"),
        Just("”"),
        Just("Ana Lima said it. "),
        Just("Lima, "),
        Just("Georgia "),
        Just("Foreign Ministry Spokesperson "),
        Just(", "),
        Just("\n\n"),
        Just("said "),
        Just("’s "),
    ];
    prop::collection::vec((run, 1usize..400), 1..60).prop_map(|runs| {
        let mut text = String::from("T\n\n");
        for (piece, times) in runs {
            if text.len() > 64 * 1024 {
                break;
            }
            text.push_str(&piece.repeat(times));
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn long_hostile_documents_analyse_with_valid_spans(text in hostile()) {
        let a = analyse_text("x.txt", &text, &Curated::default());
        for span in all_spans(&a.document) {
            prop_assert!(valid(&text, span), "bad span {:?}", span);
        }
    }
}

/// Table-like text: header words, commas, quotes, line breaks and braces.
fn tabular() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("file".to_owned()),
        Just("date".to_owned()),
        Just("title".to_owned()),
        Just("extra.x".to_owned()),
        Just("a.txt".to_owned()),
        Just("2016-10-05T".to_owned()),
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("{\"file\": ".to_owned()),
        Just("}".to_owned()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any table text gives rows or errors naming the table, never a panic.
    #[test]
    fn metadata_tables_never_panic(text in prop_oneof![tabular(), any::<String>()]) {
        let path = std::path::Path::new("corpus.csv");
        for parsed in [corpus::table::parse_csv(path, &text), corpus::table::parse_jsonl(path, &text)] {
            if let Err(errors) = parsed {
                prop_assert!(errors.iter().all(|e| e.path == path));
            }
        }
        let _ = corpus::table::parse_date(&text);
        let _ = corpus::dates::date_from_path(&text);
    }
}
