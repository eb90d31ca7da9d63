//! What a build found, in a few lines for the curator: articles, where their
//! dates came from, quotations and speakers, countries, and warnings by kind.

use std::collections::BTreeMap;
use std::fmt;

use crate::analyse::Analysis;
use crate::model::DateSource;

/// Counts over an analysed corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub dated_from_text: usize,
    pub dated_by_curator: usize,
    pub dated_from_file_name: usize,
    pub undated: usize,
    pub with_quotes: usize,
    pub quotes_with_speaker: usize,
    pub quotes_without_speaker: usize,
    pub speakers: usize,
    pub countries: usize,
    pub with_countries: usize,
    /// Warnings by kind (see [`warning_kind`]), with how many of each.
    pub warnings: BTreeMap<String, usize>,
}

impl Summary {
    pub fn of(analysis: &Analysis) -> Summary {
        let corpus = &analysis.corpus;
        let mut summary = Summary {
            articles: corpus.documents.len(),
            speakers: corpus.speakers.len(),
            countries: corpus.countries.len(),
            ..Summary::default()
        };
        for d in &corpus.documents {
            match d.date_source {
                Some(DateSource::Text) => summary.dated_from_text += 1,
                Some(DateSource::Curator) => summary.dated_by_curator += 1,
                Some(DateSource::FileName) => summary.dated_from_file_name += 1,
                None => summary.undated += 1,
            }
            summary.with_quotes += usize::from(!d.quotes.is_empty());
            summary.with_countries += usize::from(!d.countries.is_empty());
            let with_speaker = d.quotes.iter().filter(|q| q.speaker.is_some()).count();
            summary.quotes_with_speaker += with_speaker;
            summary.quotes_without_speaker += d.quotes.len() - with_speaker;
        }
        for warning in &analysis.warnings {
            *summary.warnings.entry(warning_kind(&warning.message)).or_default() += 1;
        }
        summary
    }
}

/// A warning's kind: its message up to the first `;` or `(`, with numbers
/// and quoted names as `N` and `…`, so that "its title line has 406
/// characters; cut to 300" and "… has 512 characters …" count together.
pub fn warning_kind(message: &str) -> String {
    let head = message.split([';', '(']).next().unwrap_or(message).trim();
    let mut kind = String::with_capacity(head.len());
    let mut in_quote = false;
    for c in head.chars() {
        match c {
            '"' => {
                if !in_quote {
                    kind.push('…');
                }
                in_quote = !in_quote;
            }
            _ if in_quote => {}
            c if c.is_ascii_digit() => {
                if !kind.ends_with('N') {
                    kind.push('N');
                }
            }
            c => kind.push(c),
        }
    }
    kind
}

/// "1 article", "1,234 articles".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// "1,234".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = thousands;
        writeln!(f, "{}", counted(self.articles, "article", "articles"))?;
        writeln!(
            f,
            "  dated: {} from the text, {} from the metadata, {} from the file name; {} undated",
            n(self.dated_from_text),
            n(self.dated_by_curator),
            n(self.dated_from_file_name),
            n(self.undated)
        )?;
        writeln!(
            f,
            "  quotations: {} in {}; {} with a speaker ({}), {} without",
            n(self.quotes_with_speaker + self.quotes_without_speaker),
            counted(self.with_quotes, "article", "articles"),
            n(self.quotes_with_speaker),
            counted(self.speakers, "person", "people"),
            n(self.quotes_without_speaker)
        )?;
        writeln!(
            f,
            "  countries: {} named, in {}",
            n(self.countries),
            counted(self.with_countries, "article", "articles")
        )?;
        if self.warnings.is_empty() {
            write!(f, "  warnings: none")
        } else {
            let total: usize = self.warnings.values().sum();
            write!(f, "  warnings: {}", n(total))?;
            for (kind, count) in &self.warnings {
                write!(f, "\n    {} × {kind}", n(*count))?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_of_one_kind_count_together_whatever_their_numbers_and_names() {
        assert_eq!(
            warning_kind("its title line has 406 characters; cut to 300 (is the blank line missing?)"),
            "its title line has N characters"
        );
        assert_eq!(warning_kind("hidden; skipped"), "hidden");
        assert_eq!(warning_kind("a \"weird\" thing 12 and 3"), "a … thing N and N");
    }

    #[test]
    fn counts_read_with_thousands_separators() {
        assert_eq!(
            (thousands(0), thousands(999), thousands(1000), thousands(1234567)),
            ("0".into(), "999".into(), "1,000".into(), "1,234,567".into())
        );
    }
}
