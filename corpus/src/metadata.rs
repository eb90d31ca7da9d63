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

use toml::Spanned;

use crate::date::Date;
use crate::read::CorpusError;

pub const METADATA_FILE: &str = "corpus.toml";
const KEYS: [&str; 5] = ["title", "date", "source", "url", "place"];

/// What a curator says about one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Curated {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Where the article was filed from, for the place facet, over the
    /// dateline's.
    pub place: Option<String>,
}

/// Reads the curator's metadata: `dir/corpus.toml` and a table,
/// `corpus.csv` or `corpus.jsonl` (see `table.rs`), if present. `files` are
/// the corpus's relative paths: an entry for any other name is an error, as
/// are unknown keys, values that are not strings, malformed dates and a file
/// described in both places. Every problem is reported.
pub fn read_metadata(dir: &Path, files: &[String]) -> Result<BTreeMap<String, Curated>, Vec<CorpusError>> {
    let toml = read_toml(dir, files);
    let table = crate::table::read_table(dir, files);
    let (mut curated, table) = match (toml, table) {
        (Ok(toml), Ok(table)) => (toml, table),
        (toml, table) => {
            return Err(toml.err().into_iter().flatten().chain(table.err().into_iter().flatten()).collect());
        }
    };
    let table_path = crate::table::TABLE_FILES.iter().map(|name| dir.join(name)).find(|p| p.exists());
    let mut errors = Vec::new();
    for row in table {
        if curated.contains_key(&row.file) {
            let path = table_path.clone().unwrap_or_else(|| dir.to_path_buf());
            errors.push(
                CorpusError::new(
                    path,
                    format!("column \"file\": \"{}\" is described in {METADATA_FILE} too; keep one", row.file),
                )
                .at_line(row.line),
            );
            continue;
        }
        curated.insert(row.file, row.curated);
    }
    if errors.is_empty() {
        Ok(curated)
    } else {
        Err(errors)
    }
}

/// Reads `dir/corpus.toml` if present.
fn read_toml(dir: &Path, files: &[String]) -> Result<BTreeMap<String, Curated>, Vec<CorpusError>> {
    let path = dir.join(METADATA_FILE);
    match read_metadata_file(dir, METADATA_FILE).map_err(|e| vec![e])? {
        Some(text) => parse_metadata(&path, &text, files),
        None => Ok(BTreeMap::new()),
    }
}

/// The text of the metadata file `name` in `dir`, or `None` when there is
/// none. It follows the texts' rules: a regular file inside the folder, read
/// whole, never a FIFO (which would block the build) nor a link out of the
/// folder (whose first line an error message would print).
pub fn read_metadata_file(dir: &Path, name: &str) -> Result<Option<String>, CorpusError> {
    let path = dir.join(name);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(CorpusError::new(&path, format!("cannot read: {e}"))),
    };
    if meta.file_type().is_symlink() {
        let root = std::fs::canonicalize(dir).map_err(|e| CorpusError::new(dir, format!("cannot resolve: {e}")))?;
        crate::read::link_target(&root, &path)?;
    }
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return Err(CorpusError::new(&path, "is not a regular file"));
    }
    let bytes = std::fs::read(&path).map_err(|e| CorpusError::new(&path, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| CorpusError::new(&path, "is not valid UTF-8"))?;
    Ok(Some(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text)))
}

/// Parses `corpus.toml`'s text. Every error names the line of the key or
/// table it is about, from the TOML parser's own spans.
pub fn parse_metadata(
    path: &Path,
    text: &str,
    files: &[String],
) -> Result<BTreeMap<String, Curated>, Vec<CorpusError>> {
    let at = |span: std::ops::Range<usize>, message: String| {
        CorpusError::new(path, message).at_line(line_of(text, span.start))
    };
    let parse_error = |e: toml::de::Error| {
        let error = CorpusError::new(path, format!("is not valid TOML: {}", e.message()));
        vec![match e.span() {
            Some(span) => error.at_line(line_of(text, span.start)),
            None => error,
        }]
    };
    // First every entry with its span, to say which ones are not tables.
    let entries: BTreeMap<Spanned<String>, Spanned<toml::Value>> = toml::from_str(text).map_err(parse_error)?;
    let mut errors = Vec::new();
    for (file, value) in &entries {
        let name = file.get_ref();
        if !value.get_ref().is_table() {
            errors.push(at(
                file.span(),
                format!("\"{name}\" must be a table such as [\"{name}\"] with title, date, source, url or place"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    type Entry = BTreeMap<Spanned<String>, Spanned<toml::Value>>;
    let tables: BTreeMap<Spanned<String>, Entry> = toml::from_str(text).map_err(parse_error)?;
    let mut out = BTreeMap::new();
    for (file, entry) in &tables {
        let name = file.get_ref();
        if !files.iter().any(|f| f == name) {
            errors.push(at(file.span(), format!("[\"{name}\"] names a file that is not in the corpus")));
            continue;
        }
        let mut curated = Curated::default();
        for (key, value) in entry {
            let error = |message: String| at(key.span(), format!("[\"{name}\"] {message}"));
            let key = key.get_ref().as_str();
            let Some(string) = value.get_ref().as_str() else {
                errors.push(error(format!("{key} must be a string")));
                continue;
            };
            let string = string.trim().to_owned();
            match key {
                "title" if string.is_empty() => errors.push(error("title is empty".into())),
                "title" => curated.title = Some(string),
                "date" => match crate::table::parse_date(&string) {
                    Some(date) => curated.date = Some(date),
                    None => {
                        errors.push(error(format!("date \"{string}\" is not a valid YYYY, YYYY-MM or YYYY-MM-DD date")))
                    }
                },
                "place" => curated.place = Some(string).filter(|s| !s.is_empty()),
                "source" => curated.source = Some(string).filter(|s| !s.is_empty()),
                "url" if string.is_empty() => {}
                "url" => match web_link(&string) {
                    Ok(()) => curated.url = Some(string),
                    Err(why) => errors.push(error(format!("url \"{string}\" {why}"))),
                },
                _ => errors.push(error(format!("has unknown key \"{key}\" (known keys: {})", KEYS.join(", ")))),
            }
        }
        out.insert(name.clone(), curated);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Whether a link may be shown to readers: an absolute `http` or `https`
/// address with a host and no white space or control characters. Anything
/// else (`javascript:`, `data:`, a relative path) is refused, since the
/// reader renders it as a link.
pub fn web_link(url: &str) -> Result<(), &'static str> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else { return Err("must start with http:// or https://") };
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        return Err("has no host");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains spaces or control characters");
    }
    Ok(())
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte).unwrap_or(text).matches('\n').count() + 1
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
        // The line of the key itself, from the parser's span.
        assert!(all.iter().any(|e| e.contains("unknown key \"author\"") && e.contains(":2:")));
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

    #[test]
    fn lines_come_from_the_parser_not_from_searching_the_text() {
        // "xbase.txt" contains "base.txt": the old substring search took
        // one table for the other.
        let files = vec!["base.txt".to_owned(), "xbase.txt".to_owned()];
        let text = "[\"xbase.txt\"]\ntitle = \"X\"\n\n[\"base.txt\"]\nauthor = \"Y\"\n";
        let errors = parse_metadata(Path::new("corpus.toml"), text, &files).unwrap_err();
        assert_eq!((errors.len(), errors[0].line), (1, Some(5)), "{errors:?}");
    }

    #[test]
    fn urls_must_be_web_links() {
        for good in ["https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x?y=1#z"] {
            assert_eq!(web_link(good), Ok(()), "{good}");
        }
        for bad in
            ["javascript:alert(1)", "data:text/html,x", "/relative", "ftp://x", "https://", "https:///x", "https://a b"]
        {
            assert!(web_link(bad).is_err(), "{bad}");
        }
        let text = "[\"a.txt\"]\ntitle = \"T\"\nurl = \"javascript:alert(1)\"\n";
        let errors = parse_metadata(Path::new("corpus.toml"), text, &files()).unwrap_err();
        assert_eq!(errors[0].line, Some(3));
        assert!(errors[0].message.contains("http:// or https://"), "{errors:?}");
    }
}
