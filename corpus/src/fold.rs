//! Text folding for matching: case, accents, and quote/apostrophe variants.
//!
//! Folding runs at compile time with full Unicode tables. The app never links
//! those tables: the build ships a small table of the folds it can need (see
//! `search::FoldTable`), which keeps the wasm small.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The letters of `c` with diacritics removed, case preserved:
/// `é` → `e`, `ﬁ` → `fi`, `ø` → `o`, `ß` → `ss`.
pub fn base_letter(c: char) -> String {
    if c.is_ascii() {
        return c.to_string();
    }
    // Letters that carry their "accent" in the base form and so have no
    // canonical decomposition.
    let special = match c {
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' => "d",
        'Đ' => "D",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        'ı' => "i",
        'þ' => "th",
        'Þ' => "TH",
        'ð' => "d",
        'Ð' => "D",
        _ => "",
    };
    if !special.is_empty() {
        return special.to_string();
    }
    let mut out = String::new();
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            out.push(d);
        }
    });
    out
}

/// Folds one character for search: lowercase, accentless, with every
/// apostrophe-like mark as `'` and every double quote mark as `"`.
pub fn fold_char(c: char) -> String {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
            "'".to_string()
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => "\"".to_string(),
        _ => base_letter(c).chars().flat_map(char::to_lowercase).collect(),
    }
}

/// Folds a whole string with [`fold_char`].
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The fold table the app ships: every non-ASCII character of the corpus, and
/// the Latin letters with diacritics (U+00C0–U+024F, U+1E00–U+1EFF) and the
/// quote marks a query may contain.
pub fn fold_table<'a>(texts: impl Iterator<Item = &'a str>) -> crate::search::FoldTable {
    let mut chars: std::collections::BTreeSet<char> = texts.flat_map(str::chars).filter(|c| !c.is_ascii()).collect();
    chars.extend(('\u{00C0}'..='\u{024F}').chain('\u{1E00}'..='\u{1EFF}').chain('\u{2018}'..='\u{201F}'));
    let entries = chars
        .into_iter()
        .filter_map(|c| {
            let folded = fold_char(c);
            // Only what differs from plain lowercase needs an entry.
            (folded != c.to_lowercase().collect::<String>()).then_some((c, folded))
        })
        .collect();
    crate::search::FoldTable { entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_quote_marks() {
        assert_eq!(fold("Nicolás MADURO"), "nicolas maduro");
        assert_eq!(fold("China’s"), fold("China's"));
        assert_eq!(fold("“Øresund”"), "\"oresund\"");
        assert_eq!(fold("ﬁne Straße"), "fine strasse");
    }
}
