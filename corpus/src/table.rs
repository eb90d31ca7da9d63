//! The curator's metadata table: `corpus.csv` (RFC 4180, a header row) or
//! `corpus.jsonl` (one JSON object a line) beside the texts, one row a file,
//! for the metadata a scraper or a newsroom export already has.
//!
//! Columns: `file` (required: the path relative to the corpus folder, with
//! `/` between folders), `title`, `date`, `source`, `url` and `place`. A
//! column the table does not know is an error naming it, unless its name
//! starts with `extra.` (CSV) or it is the object `extra` (JSONL): those are
//! the curator's own and are ignored. Every error names the table, the line
//! and the column.

use std::collections::BTreeMap;
use std::path::Path;

use crate::date::Date;
use crate::metadata::{web_link, Curated};
use crate::read::CorpusError;

/// The table's file names, in the order they are looked for.
pub const TABLE_FILES: [&str; 2] = ["corpus.csv", "corpus.jsonl"];

/// Columns a table may have.
pub const COLUMNS: [&str; 6] = ["file", "title", "date", "source", "url", "place"];

/// One row: the file it is about, the line it stands on, what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    pub line: usize,
    pub curated: Curated,
}

/// Reads `dir/corpus.csv` or `dir/corpus.jsonl`, if one is there (both is an
/// error). `files` are the corpus's relative paths.
pub fn read_table(dir: &Path, files: &[String]) -> Result<Vec<Row>, Vec<CorpusError>> {
    let present: Vec<&str> =
        TABLE_FILES.iter().copied().filter(|name| std::fs::symlink_metadata(dir.join(name)).is_ok()).collect();
    match present.as_slice() {
        [] => Ok(Vec::new()),
        [name] => {
            let path = dir.join(name);
            let Some(text) = crate::metadata::read_metadata_file(dir, name).map_err(|e| vec![e])? else {
                return Ok(Vec::new());
            };
            let rows = if name.ends_with(".csv") { parse_csv(&path, &text)? } else { parse_jsonl(&path, &text)? };
            check_rows(&path, rows, files)
        }
        _ => Err(vec![CorpusError::new(
            dir.join(TABLE_FILES[1]),
            "the folder has both corpus.csv and corpus.jsonl; keep one table",
        )]),
    }
}

/// A cell as read, before it is checked: its column and text.
type Cells = Vec<(String, String)>;

/// Rows of a CSV table, with their lines. The `csv` crate reads the quoting;
/// a quoted field that holds a line break is an error, since no column of
/// this table is a paragraph and the break is more likely a broken quote.
pub fn parse_csv(path: &Path, text: &str) -> Result<Vec<(usize, Cells)>, Vec<CorpusError>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_owned()).collect(),
        Err(e) => return Err(vec![csv_error(path, &e)]),
    };
    check_columns(path, &headers, |h| h.starts_with("extra."))?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                errors.push(csv_error(path, &e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let mut cells = Vec::new();
        for (column, value) in headers.iter().zip(record.iter()) {
            if column.starts_with("extra.") {
                continue;
            }
            if value.contains(['\n', '\r']) {
                errors.push(
                    CorpusError::new(path, format!("column \"{column}\": a quoted field holds a line break"))
                        .at_line(line),
                );
                continue;
            }
            cells.push((column.clone(), value.to_owned()));
        }
        rows.push((line, cells));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn csv_error(path: &Path, e: &csv::Error) -> CorpusError {
    let error = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => CorpusError::new(
            path,
            format!("this row has {len} fields and the header {expected_len}; is a comma or a quote out of place?"),
        ),
        csv::ErrorKind::Utf8 { .. } => CorpusError::new(path, "a field is not valid UTF-8"),
        _ => CorpusError::new(path, format!("is not valid CSV: {e}")),
    };
    match e.position() {
        Some(position) => error.at_line(position.line() as usize),
        None => error,
    }
}

/// Unknown columns are an error naming them; `extra` ones are the curator's.
fn check_columns(path: &Path, columns: &[String], extra: impl Fn(&str) -> bool) -> Result<(), Vec<CorpusError>> {
    let mut errors = Vec::new();
    let unknown: Vec<&str> = columns.iter().map(String::as_str).filter(|c| !COLUMNS.contains(c) && !extra(c)).collect();
    if !unknown.is_empty() {
        errors.push(
            CorpusError::new(
                path,
                format!(
                    "unknown column{} {} (known: {}; name your own \"extra.…\" to keep them)",
                    if unknown.len() == 1 { "" } else { "s" },
                    unknown.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", "),
                    COLUMNS.join(", ")
                ),
            )
            .at_line(1),
        );
    }
    if !columns.iter().any(|c| c == "file") {
        errors.push(CorpusError::new(path, "has no \"file\" column, which names each row's text").at_line(1));
    }
    let mut seen = std::collections::BTreeSet::new();
    for column in columns {
        if !seen.insert(column) {
            errors.push(CorpusError::new(path, format!("column \"{column}\" comes twice")).at_line(1));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Rows of a JSON Lines table: one object a line, string or null values,
/// an `extra` key for the curator's own.
pub fn parse_jsonl(path: &Path, text: &str) -> Result<Vec<(usize, Cells)>, Vec<CorpusError>> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (index, line_text) in text.lines().enumerate() {
        let line = index + 1;
        if line_text.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<serde_json::Value>(line_text) {
            Ok(serde_json::Value::Object(object)) => object,
            Ok(_) => {
                errors.push(CorpusError::new(path, "each line must be a JSON object").at_line(line));
                continue;
            }
            Err(e) => {
                errors.push(CorpusError::new(path, format!("is not valid JSON: {e}")).at_line(line));
                continue;
            }
        };
        let columns: Vec<String> = object.keys().cloned().collect();
        if let Err(more) = check_columns(path, &columns, |c| c == "extra") {
            errors.extend(more.into_iter().map(|e| CorpusError { line: Some(line), ..e }));
            continue;
        }
        let mut cells = Vec::new();
        for (column, value) in object {
            match value {
                _ if column == "extra" => {}
                serde_json::Value::Null => {}
                serde_json::Value::String(s) if s.contains(['\n', '\r']) => errors.push(
                    CorpusError::new(path, format!("column \"{column}\": the value holds a line break")).at_line(line),
                ),
                serde_json::Value::String(s) => cells.push((column, s)),
                _ => errors.push(
                    CorpusError::new(path, format!("column \"{column}\": the value must be a string")).at_line(line),
                ),
            }
        }
        rows.push((line, cells));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// A table's date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an ISO timestamp
/// whose date part is used (`2016-10-05T14:03:00Z`, `2016-10-05 14:03`).
pub fn parse_date(text: &str) -> Option<Date> {
    let date_part = match text.char_indices().nth(10) {
        Some((at, 'T' | 't' | ' ')) if text.len() > 11 => &text[..at],
        _ => text,
    };
    Date::parse_iso(date_part)
}

/// Checks every row: its file is in the corpus and listed once, and each
/// value is well formed.
fn check_rows(path: &Path, rows: Vec<(usize, Cells)>, files: &[String]) -> Result<Vec<Row>, Vec<CorpusError>> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for (line, cells) in rows {
        let error = |column: &str, message: String| {
            CorpusError::new(path, format!("column \"{column}\": {message}")).at_line(line)
        };
        let file = cells.iter().find(|(c, _)| c == "file").map(|(_, v)| v.trim().replace('\\', "/"));
        let Some(file) = file.filter(|f| !f.is_empty()) else {
            errors.push(error("file", "is empty; each row names its text".into()));
            continue;
        };
        if !files.contains(&file) {
            errors.push(error("file", format!("\"{file}\" is not a text in the corpus folder")));
            continue;
        }
        if let Some(first) = lines.insert(file.clone(), line) {
            errors.push(error("file", format!("\"{file}\" is listed twice, on lines {first} and {line}")));
            continue;
        }
        let mut curated = Curated::default();
        for (column, value) in &cells {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match column.as_str() {
                "title" => curated.title = Some(value.to_owned()),
                "date" => match parse_date(value) {
                    Some(date) => curated.date = Some(date),
                    None => errors.push(error(
                        column,
                        format!("\"{value}\" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp)"),
                    )),
                },
                "source" => curated.source = Some(value.to_owned()),
                "url" => match web_link(value) {
                    Ok(()) => curated.url = Some(value.to_owned()),
                    Err(why) => errors.push(error(column, format!("\"{value}\" {why}"))),
                },
                "place" => curated.place = Some(value.to_owned()),
                _ => {}
            }
        }
        out.push(Row { file, line, curated });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
