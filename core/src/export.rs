//! Downloads of a result set: one [`Table`] written as CSV (RFC 4180) or
//! as JSON, and the file name that says what it holds.
//!
//! CSV is for spreadsheets, so it starts with a byte-order mark (or Excel
//! reads UTF-8 as a legacy code page) and defuses formula injection: a cell
//! of corpus text that starts with `=`, `+`, `-` or `@` (or a tab or a
//! carriage return) gets a leading apostrophe, so a spreadsheet shows it as
//! text instead of running it. JSON keeps every value as it is, with lists
//! as arrays and missing values as `null`, and names the URL of the state
//! it was made from.

extern crate alloc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::facet::Facet;
use crate::model::{Corpus, DateSource, Document};

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A count.
    Number(u32),
    /// Several values: `; `-separated in CSV, an array in JSON.
    List(Vec<String>),
    /// Nothing known: an empty cell, or `null`.
    Missing,
}

impl From<Option<String>> for Value {
    fn from(value: Option<String>) -> Value {
        value.map_or(Value::Missing, Value::Text)
    }
}

/// Rows under named columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// What the rows are: `articles` or `quotes`.
    pub kind: &'static str,
    /// The column names, in order.
    pub columns: &'static [&'static str],
    /// The rows; each has one value per column.
    pub rows: Vec<Vec<Value>>,
}

/// Appends `text` as a JSON string (RFC 8259): quotation marks, backslashes
/// and control characters escaped, everything else as it is.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                out.push(char::from(HEX[(u32::from(c) & 15) as usize]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether a spreadsheet would read a cell starting with this as a formula.
fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Appends one CSV field: neutralised if it looks like a formula, quoted if
/// it holds a comma, a quotation mark or a line break.
fn push_field(out: &mut String, text: &str) {
    let prefix = if is_formula(text) { "'" } else { "" };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(prefix);
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(prefix);
        out.push_str(text);
    }
}

impl Table {
    /// RFC 4180 CSV: a byte-order mark, a header row, CRLF line ends.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
            for (i, cell) in cells.enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_field(out, &cell);
            }
            out.push_str("\r\n");
        };
        line(&mut out, &mut self.columns.iter().map(|c| c.to_string()));
        for row in &self.rows {
            line(
                &mut out,
                &mut row.iter().map(|v| match v {
                    Value::Text(t) => t.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::List(items) => items.join("; "),
                    Value::Missing => String::new(),
                }),
            );
        }
        out
    }

    /// JSON: `{"url": …, "kind": …, "count": …, "rows": [{column: value}]}`,
    /// a row to a line. Written by hand rather than with serde_json, whose
    /// serializer the app would carry for a flat table of strings and
    /// numbers; the tests read it back with serde_json.
    pub fn to_json(&self, url: &str) -> String {
        let mut out = String::from("{\n  \"url\": ");
        push_json_string(&mut out, url);
        out.push_str(",\n  \"kind\": ");
        push_json_string(&mut out, self.kind);
        out.push_str(",\n  \"count\": ");
        out.push_str(&self.rows.len().to_string());
        out.push_str(",\n  \"rows\": [");
        for (i, row) in self.rows.iter().enumerate() {
            out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
            for (j, (column, value)) in self.columns.iter().zip(row).enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                push_json_string(&mut out, column);
                out.push_str(": ");
                match value {
                    Value::Text(t) => push_json_string(&mut out, t),
                    Value::Number(n) => out.push_str(&n.to_string()),
                    Value::List(items) => {
                        out.push('[');
                        for (k, item) in items.iter().enumerate() {
                            if k > 0 {
                                out.push_str(", ");
                            }
                            push_json_string(&mut out, item);
                        }
                        out.push(']');
                    }
                    Value::Missing => out.push_str("null"),
                }
            }
            out.push('}');
        }
        out.push_str(if self.rows.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }

    /// `orrery-articles-2022-3.csv`: what the rows are, the filters that
    /// chose them (`about`, each cut to lowercase letters and digits
    /// joined by dashes), how many there are, and the extension.
    pub fn file_name(&self, about: &[&str], extension: &str) -> String {
        let mut name = String::from("orrery-");
        name.push_str(self.kind);
        let mut filters = String::new();
        for part in about {
            let mut dash = !filters.is_empty();
            for c in part.chars().flat_map(char::to_lowercase) {
                if c.is_alphanumeric() {
                    if dash {
                        filters.push('-');
                        dash = false;
                    }
                    filters.push(c);
                } else {
                    dash = !filters.is_empty();
                }
            }
        }
        // Long enough to tell downloads apart, short enough for any disk.
        let cut = filters.char_indices().nth(60).map_or(filters.len(), |(i, _)| i);
        let filters = filters[..cut].trim_end_matches('-');
        if !filters.is_empty() {
            name.push('-');
            name.push_str(filters);
        }
        name.push('-');
        name.push_str(&self.rows.len().to_string());
        name.push('.');
        name.push_str(extension);
        name
    }
}

/// The columns of an articles download.
pub const ARTICLE_COLUMNS: &[&str] =
    &["file", "title", "date", "date_source", "source", "place", "countries", "speakers", "quotes", "link"];

/// The columns of a quotes download.
pub const QUOTE_COLUMNS: &[&str] = &["article", "file", "date", "speaker", "quote", "link"];

/// "text", "curator" or "file name".
fn date_source(source: Option<DateSource>) -> Value {
    Value::from(source.map(|s| {
        match s {
            DateSource::Text => "text",
            DateSource::Curator => "curator",
            DateSource::FileName => "file name",
        }
        .to_string()
    }))
}

/// A speaker's or source's name: its value's label in the facet `key` of
/// `facets`, which must be whole (a large corpus's filter, not its head).
fn name(facets: &[Facet], key: &str, id: Option<u32>) -> Option<String> {
    let facet = facets.iter().find(|f| f.key() == key)?;
    facet.value(id?).map(|v| v.label.clone())
}

/// The articles table: one row per document, in the order given, each with
/// its whole text's analysis (`documents` are whole documents, with their
/// index in the corpus). Countries are named from `corpus`, speakers and
/// sources from `facets`. `link(doc, quote)` is the deep link of a reader.
pub fn articles(
    corpus: &Corpus,
    facets: &[Facet],
    documents: &[(u32, &Document)],
    link: impl Fn(u32, Option<u32>) -> String,
) -> Table {
    let rows = documents
        .iter()
        .map(|&(i, doc)| {
            let countries = doc
                .countries
                .iter()
                .map(|c| corpus.country(&c.code).map_or_else(|| c.code.clone(), |c| c.name.clone()));
            let mut speakers: Vec<String> = Vec::new();
            for name in doc.quotes.iter().filter_map(|q| name(facets, "speaker", q.speaker)) {
                if !speakers.contains(&name) {
                    speakers.push(name);
                }
            }
            let source = name(facets, "source", doc.source);
            alloc::vec![
                Value::Text(doc.file.clone()),
                Value::Text(doc.title.clone()),
                Value::from(doc.date.map(|d| d.iso())),
                date_source(doc.date_source),
                Value::from(source),
                Value::from(doc.place.clone()),
                Value::List(countries.collect()),
                Value::List(speakers),
                Value::Number(doc.quotes.len() as u32),
                Value::Text(link(i, None)),
            ]
        })
        .collect();
    Table { kind: "articles", columns: ARTICLE_COLUMNS, rows }
}

/// The quotes table: one row per `(document, quote index)`, in the order
/// given, from whole documents, with speakers named from `facets`.
pub fn quotes(
    facets: &[Facet],
    quotes: &[(u32, &Document, usize)],
    link: impl Fn(u32, Option<u32>) -> String,
) -> Table {
    let rows = quotes
        .iter()
        .filter_map(|&(i, doc, q)| {
            let quote = doc.quotes.get(q)?;
            let speaker = name(facets, "speaker", quote.speaker);
            Some(alloc::vec![
                Value::Text(doc.title.clone()),
                Value::Text(doc.file.clone()),
                Value::from(doc.date.map(|d| d.iso())),
                Value::from(speaker),
                Value::Text(doc.quote_text(quote)),
                Value::Text(link(i, Some(q as u32 + 1))),
            ])
        })
        .collect();
    Table { kind: "quotes", columns: QUOTE_COLUMNS, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn table() -> Table {
        Table {
            kind: "articles",
            columns: &["title", "countries", "quotes", "place"],
            rows: vec![
                vec![
                    Value::Text("Talks resume, \"cautiously\"\nin Lisbon".into()),
                    Value::List(vec!["Portugal".into(), "Côte d’Ivoire".into()]),
                    Value::Number(3),
                    Value::Missing,
                ],
                vec![
                    Value::Text("=HYPERLINK(\"http://x\")".into()),
                    Value::List(vec![]),
                    Value::Number(0),
                    Value::Text("@home".into()),
                ],
                vec![
                    Value::Text("-5 degrees, +2".into()),
                    Value::List(vec![]),
                    Value::Number(0),
                    Value::Text("Oslo".into()),
                ],
            ],
        }
    }

    #[test]
    fn csv_follows_rfc_4180_with_a_byte_order_mark() {
        let csv = table().to_csv();
        assert!(csv.starts_with("\u{feff}title,countries,quotes,place\r\n"));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[1], "\"Talks resume, \"\"cautiously\"\"\nin Lisbon\",Portugal; Côte d’Ivoire,3,");
        assert_eq!(lines.len(), 5, "a header, three rows and the empty end after the last CRLF");
        assert_eq!(lines[4], "");
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
        let csv = table().to_csv();
        assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\")\",,0,'@home\r\n"), "{csv}");
        assert!(csv.contains("\r\n\"'-5 degrees, +2\",,0,Oslo\r\n"), "{csv}");
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(is_formula(bad), "{bad:?}");
        }
        assert!(!is_formula("2022-04-19") && !is_formula("A = B"));
    }

    #[test]
    fn json_keeps_types_and_names_its_url() {
        let json = table().to_json("https://example.org/orrery/?year=2022");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["url"], "https://example.org/orrery/?year=2022");
        assert_eq!(value["kind"], "articles");
        assert_eq!(value["count"], 3);
        assert_eq!(value["rows"][0]["countries"][1], "Côte d’Ivoire");
        assert_eq!(value["rows"][0]["quotes"], 3);
        assert!(value["rows"][0]["place"].is_null());
        assert_eq!(value["rows"][1]["title"], "=HYPERLINK(\"http://x\")", "JSON is data: nothing is changed");
    }

    #[test]
    fn json_strings_survive_every_character() {
        let nasty: String = (0u32..0x80).filter_map(char::from_u32).chain("“quoted” — \u{2028} 😀".chars()).collect();
        let t = Table { kind: "quotes", columns: &["quote"], rows: vec![vec![Value::Text(nasty.clone())]] };
        let value: serde_json::Value = serde_json::from_str(&t.to_json("u")).unwrap();
        assert_eq!(value["rows"][0]["quote"], nasty.as_str());
        let empty = Table { kind: "quotes", columns: &["quote"], rows: vec![] };
        let value: serde_json::Value = serde_json::from_str(&empty.to_json("u")).unwrap();
        assert_eq!(value["rows"], serde_json::json!([]));
    }

    #[test]
    fn file_names_say_what_and_how_many() {
        let t = table();
        assert_eq!(t.file_name(&["2022"], "csv"), "orrery-articles-2022-3.csv");
        assert_eq!(t.file_name(&[], "json"), "orrery-articles-3.json");
        assert_eq!(
            t.file_name(&["VE", "Côte d’Ivoire", "../../etc"], "csv"),
            "orrery-articles-ve-côte-d-ivoire-etc-3.csv"
        );
        let long = "x".repeat(500);
        assert!(t.file_name(&[&long], "csv").len() < 90);
    }
}
