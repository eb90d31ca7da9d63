//! URL slugs: lowercase ASCII words joined by hyphens.

/// Turns a title or name into a URL slug: ASCII letters and digits, lowercased,
/// runs of anything else collapsed into one hyphen. Accented Latin letters lose
/// their accent ("Nicolás" → "nicolas"); other scripts are dropped, so the
/// result may be empty and callers must handle that.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let base = crate::fold::base_letter(c);
        let mut pushed = false;
        for b in base.chars() {
            if b.is_ascii_alphanumeric() {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(b.to_ascii_lowercase());
                pushed = true;
            }
        }
        // Apostrophes join a word rather than split it: "China's" → "chinas".
        if !pushed && !matches!(c, '\'' | '’' | '‘') {
            pending_hyphen = true;
        }
    }
    out
}

/// Slugs for names, made unique with a counter in the order given; a name
/// with no slug-able letters gets `fallback`.
pub fn unique_slugs<'a>(names: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    names
        .map(|name| {
            let base = Some(slugify(name)).filter(|s| !s.is_empty()).unwrap_or_else(|| fallback.to_owned());
            let mut slug = base.clone();
            let mut n = 2;
            while !taken.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            slug
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_lowercase_hyphenated_ascii() {
        assert_eq!(slugify("Xi hails shared space progress"), "xi-hails-shared-space-progress");
        assert_eq!(slugify("  China, UN promote: new -- partnership!  "), "china-un-promote-new-partnership");
        assert_eq!(slugify("China’s Theme"), "chinas-theme");
        assert_eq!(slugify("Nicolás Maduro"), "nicolas-maduro");
        assert_eq!(slugify("टिप्पणीहरू"), "");
    }
}
