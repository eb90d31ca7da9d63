//! The JSON report printed by `cargo run -p corpus -- DIR`.

use serde_json::{json, Value};

use crate::model::{Corpus, DateSource, Document, MentionKind};

fn kind(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Name => "name",
        MentionKind::Demonym => "demonym",
        MentionKind::Place => "place",
    }
}

fn document(corpus: &Corpus, d: &Document) -> Value {
    let span = |s: crate::Span| json!([s.start, s.end]);
    let countries: Vec<Value> = d
        .countries
        .iter()
        .map(|c| {
            let name = corpus.country(&c.code).map(|i| i.name.clone());
            json!({ "code": c.code, "name": name, "mentions": c.mentions })
        })
        .collect();
    let quotes: Vec<Value> = d
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.and_then(|i| corpus.speakers.get(i as usize)).map(|s| s.name.clone());
            json!({ "text": d.quote_text(q), "speaker": speaker, "span": span(q.span) })
        })
        .collect();
    json!({
        "file": d.file,
        "slug": d.slug,
        "title": d.title,
        "subtitle": d.subtitle,
        "date": d.date.map(|date| date.iso()),
        "date_source": d.date_source.map(|s| match s { DateSource::Text => "text", DateSource::Curator => "curator" }),
        "source": d.source.and_then(|i| corpus.sources.get(i as usize)).map(|s| s.name.clone()),
        "place": d.place,
        "url": d.url,
        "countries": countries,
        "quotes": quotes,
        "header": d.header.iter().map(|&s| d.slice(s)).collect::<Vec<_>>(),
        "dateline": d.dateline.map(|s| d.slice(s)),
        "paragraphs": d.paragraphs.len(),
        "credits": d.credits.iter().map(|&s| d.slice(s)).collect::<Vec<_>>(),
        "boilerplate": d.boilerplate.iter().map(|&s| d.slice(s)).collect::<Vec<_>>(),
        "mentions": d.mentions.iter().map(|m| json!({ "code": m.code, "kind": kind(m.kind), "text": d.slice(m.span), "span": span(m.span) })).collect::<Vec<_>>(),
        "event_dates": d.event_dates.iter().map(|e| json!({ "date": e.date.iso(), "text": d.slice(e.span), "span": span(e.span) })).collect::<Vec<_>>(),
    })
}

pub fn to_value(corpus: &Corpus) -> Value {
    let documents: Vec<Value> = corpus.documents.iter().map(|d| document(corpus, d)).collect();
    let speakers: Vec<Value> =
        corpus.speakers.iter().map(|s| json!({ "name": s.name, "slug": s.slug, "quotes": s.quotes })).collect();
    let sources: Vec<Value> = corpus.sources.iter().map(|s| json!({ "name": s.name, "slug": s.slug })).collect();
    json!({ "documents": documents, "speakers": speakers, "sources": sources })
}

pub fn to_json(corpus: &Corpus) -> String {
    serde_json::to_string_pretty(&to_value(corpus)).unwrap_or_default()
}
