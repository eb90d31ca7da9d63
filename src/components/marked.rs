//! Document text with its quotations, country mentions and search hits
//! marked, built as DOM nodes from spans (or, for a card's excerpt, written
//! as escaped markup): corpus text never becomes HTML, so `<script>` in an
//! article shows as text.

use leptos::prelude::*;
use orrery_core::marks::segments;
use orrery_core::state::View;
use orrery_core::{Document, Span};

use super::link::{absolute_url, copy_link, StateLink};
use crate::data::{corpus, facet_position, facets, name};
use crate::markup::Markup;
use crate::nav::Nav;

/// The search hits to mark in a text, and the one a concordance line
/// opened the reader at (`hit=`), which is marked as current.
#[derive(Clone, Copy, Default)]
pub struct Hits<'a> {
    /// Every hit.
    pub spans: &'a [Span],
    /// The current hit, if any.
    pub current: Option<Span>,
}

impl<'a> From<&'a [Span]> for Hits<'a> {
    fn from(spans: &'a [Span]) -> Self {
        Hits { spans, current: None }
    }
}

/// The innermost layer: `text[span]` with search hits in `<mark>`; the
/// current one has the id `current-hit` (on its first piece, should a
/// mention split it).
fn text_with_hits(text: &str, span: Span, hits: Hits) -> AnyView {
    segments(span, hits.spans)
        .into_iter()
        .map(|(piece, hit)| {
            let part = text.get(piece.range()).unwrap_or("").to_owned();
            let current = hit.and_then(|i| hits.spans.get(i)).is_some_and(|h| hits.current == Some(*h));
            let id = (current && hits.current.is_some_and(|h| h.start == piece.start)).then_some("current-hit");
            match hit {
                Some(_) => view! { <mark class:current=current id=id>{part}</mark> }.into_any(),
                None => part.into_any(),
            }
        })
        .collect_view()
        .into_any()
}

/// `text[span]` with search hits in `<mark>`, written as markup (for a card,
/// [`crate::markup`]).
pub fn marked_markup(html: &mut Markup, text: &str, span: Span, hits: &[Span]) {
    for (piece, hit) in segments(span, hits) {
        let part = text.get(piece.range()).unwrap_or("");
        match hit {
            Some(_) => html.element("mark", &[], part),
            None => html.text(part),
        };
    }
}

/// Document text with search hits marked.
pub fn with_hits(doc: &'static Document, span: Span, hits: &[Span]) -> AnyView {
    text_with_hits(&doc.text, span, hits.into())
}

/// Document text with search hits marked, and the current one.
pub fn with_marks(doc: &'static Document, span: Span, hits: Hits) -> AnyView {
    text_with_hits(&doc.text, span, hits)
}

/// A string that is not part of the document text (a title a curator may have
/// changed) with its search hits marked.
pub fn string_with_hits(text: &str, hits: &[Span]) -> AnyView {
    text_with_hits(text, Span::new(0, text.len()), hits.into())
}

/// Country mentions as links that filter by the country, over [`with_hits`].
fn with_mentions(doc: &'static Document, span: Span, hits: Hits) -> AnyView {
    let mentions: Vec<Span> = doc.mentions.iter().map(|m| m.span).collect();
    segments(span, &mentions)
        .into_iter()
        .map(|(piece, mention)| match mention {
            Some(i) => {
                let code = doc.mentions[i].code.clone();
                let name = corpus().country(&code).map(|c| c.name.clone()).unwrap_or_else(|| code.clone());
                let facet = facet_position("country");
                let to = Nav::get().with(|s| {
                    s.location.doc = None;
                    s.location.quote = None;
                    if let Some(v) = facets().get(facet).and_then(|f| f.find(&code)) {
                        s.selection.pick(facet, v);
                    }
                });
                let inner = with_marks(doc, piece, hits);
                view! {
                    <StateLink to=to class="mention" label=format!("{} — show articles about {name}", doc.slice(piece))>
                        <span data-country=code.clone() title=name.clone()>{inner}</span>
                    </StateLink>
                }
                .into_any()
            }
            None => with_marks(doc, piece, hits),
        })
        .collect_view()
        .into_any()
}

/// A paragraph with every layer: quotations (with their speaker shown after
/// the last part, and a copy-link button), mentions and hits.
pub fn paragraph(doc: &'static Document, span: Span, hits: Hits, current_quote: Option<u32>) -> AnyView {
    let mut parts: Vec<(Span, usize, bool)> = Vec::new();
    for (i, quote) in doc.quotes.iter().enumerate() {
        let last = quote.parts.len().saturating_sub(1);
        for (j, &part) in quote.parts.iter().enumerate() {
            // Include the marks: the quoted words sit inside the quotation's span.
            let from = if j == 0 { quote.span.start } else { part.start.saturating_sub(quote_mark_len(doc, part)) };
            let to = if j == last { quote.span.end } else { part.end };
            parts.push((Span { start: from, end: to }, i, j == last));
        }
    }
    let spans: Vec<Span> = parts.iter().map(|p| p.0).collect();
    segments(span, &spans)
        .into_iter()
        .map(|(piece, part)| match part {
            Some(k) => {
                let (_, i, is_last) = parts[k];
                quote_part(doc, piece, i, is_last, hits, current_quote)
            }
            None => with_mentions(doc, piece, hits),
        })
        .collect_view()
        .into_any()
}

/// The reopening mark before a continued paragraph's part, if there is one.
fn quote_mark_len(doc: &Document, part: Span) -> u32 {
    let before = doc.text.get(..part.start as usize).unwrap_or("");
    match before.chars().next_back() {
        Some(c @ ('"' | '“' | '„' | '«')) => c.len_utf8() as u32,
        _ => 0,
    }
}

fn quote_part(
    doc: &'static Document,
    piece: Span,
    index: usize,
    is_last: bool,
    hits: Hits,
    current_quote: Option<u32>,
) -> AnyView {
    let number = index as u32 + 1;
    let quote = &doc.quotes[index];
    let speaker = quote.speaker.and_then(|s| name("speaker", s));
    let name = speaker.clone().unwrap_or_default();
    let current = current_quote == Some(number);
    let label = view! {
        <span class="quote-meta">
            {match speaker {
                Some(s) => {
                    let facet = facet_position("speaker");
                    let id = quote.speaker.unwrap_or_default();
                    let to = Nav::get().with(|st| {
                        st.location.doc = None;
                        st.location.quote = None;
                        st.location.view = View::Quotes;
                        st.selection.clear(facet);
                        st.selection.pick(facet, id);
                    });
                    view! { <StateLink to=to class="speaker">{s}</StateLink> }.into_any()
                }
                None => view! { <span class="speaker unknown">"Unattributed"</span> }.into_any(),
            }}
            {copy_quote_link(number)}
        </span>
    };
    view! {
        <span class="quote" class:current=current data-quote=number data-speaker=name id=format!("quote-{number}")>
            {with_mentions(doc, piece, hits)}
        </span>
        {is_last.then_some(label)}
    }
    .into_any()
}

/// "Copy link" for one quotation. Its accessible name starts with its
/// visible text, so voice control users can say it (WCAG 2.5.3).
/// (The reader is showing the quotation's article: the link keeps it.)
fn copy_quote_link(number: u32) -> impl IntoView {
    let nav = Nav::get();
    let url = move || {
        absolute_url(&nav.with(|s| {
            s.location.quote = Some(number);
        }))
    };
    copy_link(url, Some(format!("Copy link to quote {number}")), "copy-quote")
}
