//! The reader (`doc=` in the URL): the article with its quotations, country
//! mentions and search hits marked, and next/previous through the results.

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::search::SearchQuery;
use orrery_core::{DateSource, Document, Span};

use super::articles::{date_label, plural, source_name};
use super::link::StateLink;
use super::marked::{paragraph, string_with_hits, with_marks, Hits};
use crate::data::{fold, named, summary};
use crate::nav::Nav;
use crate::shards::{self, Loaded};

/// The reader of document `position`. Its header comes from the embedded
/// summary at once; the credits and the body wait for the whole document
/// when it is in a shard.
#[component]
pub fn Reader(position: usize, results: Memo<Results>) -> impl IntoView {
    move || match named(summary(position as u32)) {
        Loaded::Ready(doc) => view! { <SummaryReader position=position doc=doc results=results /> }.into_any(),
        Loaded::Pending => view! { <p class="loading" role="status">"Loading the article…"</p> }.into_any(),
        Loaded::Failed(e) => {
            view! { <p class="load-error" role="alert">{format!("The article cannot be shown: {e}.")}</p> }.into_any()
        }
    }
}

/// The reader, with the article's summary at hand.
#[component]
fn SummaryReader(position: usize, doc: &'static Document, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let query: SearchQuery = results.with_untracked(|r| r.query.clone());
    let position = position as u32;
    let list = results.with_untracked(|r| r.documents.clone());
    let at = list.iter().position(|&d| d == position);
    let neighbour = |offset: isize| {
        let i = at? as isize + offset;
        let d = *list.get(usize::try_from(i).ok()?)?;
        // The neighbour's summary may still be on its way; its link fills in.
        let title = summary(d).ready().map_or_else(
            || if offset < 0 { "the previous article" } else { "the next article" }.to_owned(),
            |o| o.title.clone(),
        );
        Some((
            nav.with(|s| {
                s.location.doc = Some(d);
                s.location.quote = None;
            }),
            title,
        ))
    };
    let back = nav.with(|s| {
        s.location.doc = None;
        s.location.quote = None;
    });
    let provenance = match doc.date_source {
        Some(DateSource::Text) => " (from the text)",
        Some(DateSource::Curator) => " (supplied by the curator)",
        Some(DateSource::FileName) => " (from the file name)",
        None => "",
    };
    let title_hits = query.hits(fold(), &doc.title, Span::new(0, doc.title.len()));
    let (current, hit) = nav.location.with_untracked(|l| (l.quote, l.hit));
    let credits = move || {
        let Loaded::Ready(doc) = shards::document(position as usize) else { return None };
        let credits: Vec<&str> = doc.credits.iter().map(|&c| doc.slice(c)).collect();
        (!credits.is_empty()).then(|| view! { <div><dt>"Credits"</dt><dd>{credits.join("; ")}</dd></div> })
    };
    let body = move || {
        match shards::document(position as usize) {
        Loaded::Ready(doc) => body(doc, &query, current, hit).into_any(),
        Loaded::Pending => view! { <p class="loading" role="status">"Loading the article…"</p> }.into_any(),
        Loaded::Failed(e) => {
            view! { <p class="load-error" role="alert">{format!("The article's text is missing: {e}. Reload the page to try again.")}</p> }.into_any()
        }
    }
    };
    view! {
        <article class="reader" aria-labelledby="reader-title">
            <nav class="reader-nav" aria-label="Article navigation">
                <StateLink to=back class="back">"← All results"</StateLink>
                <span class="reader-position">
                    {at.map(|i| format!("{} of {}", i + 1, list.len()))}
                </span>
                {neighbour(-1).map(|(to, title)| view! { <StateLink to=to class="prev" label=format!("Previous: {title}")>"← Previous"</StateLink> })}
                {neighbour(1).map(|(to, title)| view! { <StateLink to=to class="next" label=format!("Next: {title}")>"Next →"</StateLink> })}
            </nav>
            <header class="reader-header">
                <h1 id="reader-title" tabindex="-1">{string_with_hits(&doc.title, &title_hits)}</h1>
                {doc.subtitle.clone().map(|s| view! { <p class="deck">{s}</p> })}
                <dl class="reader-meta">
                    <div><dt>"Date"</dt><dd><time>{date_label(doc)}</time>{provenance}</dd></div>
                    {source_name(doc).map(|s| view! { <div><dt>"Source"</dt><dd>{s}</dd></div> })}
                    {doc.place.clone().map(|p| view! { <div><dt>"Dateline"</dt><dd>{p}</dd></div> })}
                    // The build accepts only http(s) links (corpus::metadata::web_link).
                    {doc.url.clone().map(|url| view! {
                        <div><dt>"Link"</dt><dd><a href=url rel="noopener noreferrer">"Original article"</a></dd></div>
                    })}
                    {(!doc.quotes.is_empty()).then(|| view! { <div><dt>"Quotes"</dt><dd>{plural(doc.quotes.len(), "quote", "quotes")}</dd></div> })}
                    {credits}
                </dl>
            </header>
            <div class="reader-body">{body}</div>
        </article>
    }
}

/// The paragraphs, with the dateline set apart and everything marked; hit
/// number `hit` (counted as the concordance counts its lines) is current.
fn body(doc: &'static Document, query: &SearchQuery, current: Option<u32>, hit: Option<u32>) -> impl IntoView {
    let hits: Vec<Vec<Span>> = doc.paragraphs.iter().map(|&p| query.hits(fold(), &doc.text, p)).collect();
    let current_hit = hit.and_then(|n| hits.iter().flatten().nth((n as usize).checked_sub(1)?)).copied();
    doc.paragraphs
        .iter()
        .zip(&hits)
        .map(|(&p, spans)| {
            let marks = Hits { spans, current: current_hit };
            let start = doc.dateline.filter(|d| p.contains(*d)).map(|d| d.end);
            view! {
                <p>
                    {start.map(|end| view! { <span class="dateline">{with_marks(doc, Span { start: p.start, end }, marks)}</span> })}
                    {paragraph(doc, Span { start: start.unwrap_or(p.start), end: p.end }, marks, current)}
                </p>
            }
        })
        .collect_view()
}
