//! The JSON report printed by `cargo run -p corpus -- DIR`.

use serde_json::{json, Value};

use orrery_core::facet::Facet;

use crate::model::{Corpus, DateSource, Document, MentionKind};

fn kind(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Name => "name",
        MentionKind::Demonym => "demonym",
        MentionKind::Place => "place",
    }
}

fn document(corpus: &Corpus, facets: &[Facet], i: usize, d: &Document) -> Value {
    let span = |s: crate::model::Span| json!([s.start, s.end]);
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
        "date_source": d.date_source.map(|s| match s { DateSource::Text => "text", DateSource::Curator => "curator", DateSource::FileName => "file name" }),
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
        "facets": facets
            .iter()
            .map(|f| (f.key().to_owned(), f.of(i as u32).iter().filter_map(|&v| f.value(v)).map(|v| v.key.clone()).collect()))
            .collect::<serde_json::Map<String, Value>>(),
        "event_dates": d.event_dates.iter().map(|e| json!({ "date": e.date.iso(), "text": d.slice(e.span), "span": span(e.span) })).collect::<Vec<_>>(),
    })
}

/// Every facet, its values in the sidebar's order with their articles.
fn facet_list(facets: &[Facet]) -> Vec<Value> {
    facets
        .iter()
        .map(|f| {
            let all: Vec<u32> = (0..f.documents() as u32).collect();
            let values: Vec<Value> = f
                .totals(&all)
                .into_iter()
                .filter_map(|(v, articles, _)| {
                    let value = f.value(v)?;
                    Some(json!({ "key": value.key, "label": value.label, "articles": articles }))
                })
                .collect();
            json!({ "key": f.key(), "label": f.label(), "values": values })
        })
        .collect()
}

/// The report as JSON: documents, speakers, sources and facets.
pub fn to_value(corpus: &Corpus) -> Value {
    // The registry cannot build inconsistent facets; if it ever did, the
    // report says so rather than failing the analysis.
    let facets = crate::facets::build(corpus).unwrap_or_else(|e| {
        eprintln!("corpus: the facets could not be built: {e}");
        Vec::new()
    });
    let documents: Vec<Value> =
        corpus.documents.iter().enumerate().map(|(i, d)| document(corpus, &facets, i, d)).collect();
    let speakers: Vec<Value> =
        corpus.speakers.iter().map(|s| json!({ "name": s.name, "slug": s.slug, "quotes": s.quotes })).collect();
    let sources: Vec<Value> = corpus.sources.iter().map(|s| json!({ "name": s.name, "slug": s.slug })).collect();
    json!({ "documents": documents, "speakers": speakers, "sources": sources, "facets": facet_list(&facets) })
}

/// The report, pretty-printed.
pub fn to_json(corpus: &Corpus) -> String {
    serde_json::to_string_pretty(&to_value(corpus)).unwrap_or_default()
}
