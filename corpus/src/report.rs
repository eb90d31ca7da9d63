//! The JSON report printed by `cargo run -p corpus -- DIR`.

use serde_json::{json, Value};

use crate::model::Corpus;

pub fn to_value(corpus: &Corpus) -> Value {
    let documents: Vec<Value> = corpus
        .documents
        .iter()
        .map(|d| json!({ "file": d.file, "slug": d.slug, "title": d.title }))
        .collect();
    json!({ "documents": documents })
}

pub fn to_json(corpus: &Corpus) -> String {
    serde_json::to_string_pretty(&to_value(corpus)).unwrap_or_default()
}
