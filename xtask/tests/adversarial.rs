//! Each adversarial text of about 200 KB is analysed, with valid spans. The
//! analysis is linear in the text, so this takes well under a second each; a
//! return to quadratic time (minutes at this size) shows as a CI timeout, not
//! as a timed assertion. `cargo xtask bench` has the times.

use corpus::analyse::analyse_text;
use corpus::metadata::Curated;

#[test]
fn every_adversarial_text_is_analysed_with_valid_spans() {
    for (name, generate) in xtask::adversarial::GENERATORS {
        let text = generate(200_000);
        let a = analyse_text("x.txt", &text, &Curated::default());
        let d = &a.document;
        for span in
            d.paragraphs.iter().chain(d.quotes.iter().map(|q| &q.span)).chain(d.mentions.iter().map(|m| &m.span))
        {
            assert!(text.get(span.range()).is_some(), "{name}: bad span {span:?}");
        }
        assert!(!d.title.is_empty(), "{name}: no title");
    }
}
