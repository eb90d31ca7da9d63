//! Curator metadata: an optional `corpus.toml` in the corpus folder, keyed by
//! file name, that sets or overrides `title`, `date`, `source` and `url`.
//!
//! ```toml
//! ["000_be0666f600c29227.txt"]
//! date = "2024-04"
//! source = "China Daily"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use crate::date::Date;
use crate::read::CorpusError;

pub const METADATA_FILE: &str = "corpus.toml";
const KEYS: [&str; 4] = ["title", "date", "source", "url"];

/// What a curator says about one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Curated {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Reads `dir/corpus.toml` if present. `files` are the corpus's file names:
/// an entry for any other name is an error, as are unknown keys, values that
/// are not strings and malformed dates. Every problem is reported.
pub fn read_metadata(dir: &Path, files: &[String]) -> Result<BTreeMap<String, Curated>, Vec<CorpusError>> {
    let path = dir.join(METADATA_FILE);
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return Err(vec![CorpusError::new(&path, "is not valid UTF-8")]),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(vec![CorpusError::new(&path, format!("cannot read: {e}"))]),
    };
    parse_metadata(&path, &text, files)
}

pub fn parse_metadata(
    path: &Path,
    text: &str,
    files: &[String],
) -> Result<BTreeMap<String, Curated>, Vec<CorpusError>> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map(|span| line_of(text, span.start));
        let message = format!("is not valid TOML: {}", e.message());
        let error = CorpusError::new(path, message);
        vec![match line {
            Some(line) => error.at_line(line),
            None => error,
        }]
    })?;
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (file, value) in &table {
        let at = |message: String| {
            let error = CorpusError::new(path, message);
            match find_line(text, file) {
                Some(line) => error.at_line(line),
                None => error,
            }
        };
        if !files.iter().any(|f| f == file) {
            errors.push(at(format!("[\"{file}\"] names a file that is not in the corpus")));
            continue;
        }
        let Some(entry) = value.as_table() else {
            errors.push(at(format!("\"{file}\" must be a table such as [\"{file}\"] with title, date, source or url")));
            continue;
        };
        let mut curated = Curated::default();
        for (key, value) in entry {
            let Some(string) = value.as_str() else {
                errors.push(at(format!("[\"{file}\"] {key} must be a string")));
                continue;
            };
            let string = string.trim().to_owned();
            match key.as_str() {
                "title" if string.is_empty() => errors.push(at(format!("[\"{file}\"] title is empty"))),
                "title" => curated.title = Some(string),
                "date" => match Date::parse_iso(&string) {
                    Some(date) => curated.date = Some(date),
                    None => errors.push(at(format!(
                        "[\"{file}\"] date \"{string}\" is not a valid YYYY, YYYY-MM or YYYY-MM-DD date"
                    ))),
                },
                "source" => curated.source = Some(string).filter(|s| !s.is_empty()),
                "url" => curated.url = Some(string).filter(|s| !s.is_empty()),
                _ => {
                    errors.push(at(format!("[\"{file}\"] has unknown key \"{key}\" (known keys: {})", KEYS.join(", "))))
                }
            }
        }
        out.insert(file.clone(), curated);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte).unwrap_or(text).matches('\n').count() + 1
}

/// The line of the table header that names `file`, for error messages.
fn find_line(text: &str, file: &str) -> Option<usize> {
    text.lines().position(|line| line.trim_start().starts_with('[') && line.contains(file)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<String> {
        vec!["a.txt".into(), "b.txt".into()]
    }

    #[test]
    fn reads_titles_dates_sources_and_urls() {
        let text = "[\"a.txt\"]\ndate = \"2024-04\"\nsource = \"China Daily\"\n\n[\"b.txt\"]\ntitle = \" New \"\nurl = \"https://example.org/b\"\n";
        let meta = parse_metadata(Path::new("corpus.toml"), text, &files()).unwrap();
        assert_eq!(meta["a.txt"].date, Date::parse_iso("2024-04"));
        assert_eq!(meta["a.txt"].source.as_deref(), Some("China Daily"));
        assert_eq!(meta["b.txt"].title.as_deref(), Some("New"));
        assert_eq!(meta["b.txt"].url.as_deref(), Some("https://example.org/b"));
    }

    #[test]
    fn unknown_keys_files_and_bad_dates_are_errors_naming_the_place() {
        let text = "[\"a.txt\"]\nauthor = \"X\"\ndate = \"2024-13\"\n\n[\"zzz.txt\"]\ndate = \"2020\"\n";
        let errors = parse_metadata(Path::new("seeds/corpus.toml"), text, &files()).unwrap_err();
        let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 3, "{all:?}");
        assert!(all.iter().all(|e| e.contains("seeds/corpus.toml")));
        assert!(all.iter().any(|e| e.contains("unknown key \"author\"") && e.contains(":1:")));
        assert!(all.iter().any(|e| e.contains("\"2024-13\"")));
        assert!(all.iter().any(|e| e.contains("zzz.txt") && e.contains("not in the corpus") && e.contains(":5:")));
    }

    #[test]
    fn broken_toml_and_wrong_types_are_errors() {
        let errors = parse_metadata(Path::new("corpus.toml"), "[\"a.txt\"\ndate=", &files()).unwrap_err();
        assert!(errors[0].message.contains("not valid TOML"));
        let errors = parse_metadata(Path::new("corpus.toml"), "[\"a.txt\"]\ndate = 2024\n", &files()).unwrap_err();
        assert!(errors[0].message.contains("must be a string"));
        let errors = parse_metadata(Path::new("corpus.toml"), "\"a.txt\" = 3\n", &files()).unwrap_err();
        assert!(errors[0].message.contains("must be a table"));
    }
}
