//! The Quotes view: every quotation in the result set, only the chosen
//! speakers' when the Speaker facet is set, each linking to its place in the
//! reader.

use leptos::prelude::*;
use orrery_core::filter::{QuoteSpeakers, Results};
use orrery_core::search::SearchQuery;
use orrery_core::state::Selection;
use orrery_core::Document;

use super::articles::{date_label, reader_link, Paging, ResultBar, ShowMore};
use super::download::{Download, Kind};
use super::link::StateLink;
use super::marked::with_hits;
use super::timeline::Timeline;
use crate::data::{facet_position, fold, name, named, quote_speakers, summary};
use crate::nav::Nav;
use crate::shards::{self, Loaded};

/// (document index, quote index) of the quotations a result set shows,
/// once every document's quotations are here (the view waits for them).
pub fn visible_quotes(results: &Results, selection: &Selection) -> Loaded<Vec<(u32, usize)>> {
    quote_speakers().map(|quotes| listed_quotes(quotes, results, selection))
}

fn listed_quotes(quotes: &QuoteSpeakers, results: &Results, selection: &Selection) -> Vec<(u32, usize)> {
    let facet = facet_position("speaker");
    let chosen: Vec<u32> = selection.picked(facet).collect();
    results
        .documents
        .iter()
        .flat_map(|&d| {
            let chosen = &chosen;
            quotes.of(d).enumerate().filter_map(move |(i, speaker)| {
                (chosen.is_empty() || speaker.is_some_and(|s| chosen.contains(&s))).then_some((d, i))
            })
        })
        .collect()
}

/// The view, once every document's quotations are here (a large corpus
/// fetches them when the view is first opened).
#[component]
pub fn Quotes(results: Memo<Results>) -> impl IntoView {
    move || match quote_speakers() {
        Loaded::Ready(quotes) => view! { <QuoteList quotes=quotes results=results /> }.into_any(),
        Loaded::Pending => view! { <p class="loading" role="status">"Loading the quotations…"</p> }.into_any(),
        Loaded::Failed(e) => view! {
            <p class="load-error" role="alert">{format!("The quotations cannot be listed: {e}.")}</p>
        }
        .into_any(),
    }
}

#[component]
fn QuoteList(quotes: &'static QuoteSpeakers, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let quotes = Memo::new(move |_| nav.selection.with(|s| results.with(|r| listed_quotes(quotes, r, s))));
    let count = Signal::derive(move || quotes.with(Vec::len));
    let paging = Paging::first_page();
    let page = move || {
        let n = paging.shown.get();
        quotes.with(|q| q.iter().take(n).copied().collect::<Vec<(u32, usize)>>())
    };
    let query = Memo::new(move |_| results.with(|r| r.query.clone()));
    view! {
        <h1 class="visually-hidden">"Quotes"</h1>
        <Timeline results=results />
        <ResultBar one="quote" many="quotes" count=count results=results>
            <Download kind=Kind::Quotes results=results />
        </ResultBar>
        <div class="quote-list">
            {move || (count.get() == 0).then(|| view! {
                <p class="empty">"No quotation matches. Remove a filter or change the search."</p>
            })}
            <For each=page key=|q| *q let:q>
                <QuoteCard doc=q.0 quote=q.1 query=query />
            </For>
        </div>
        <ShowMore paging=paging total=count many="quotes" />
    }
}

/// A quotation, once its article's summary is here.
#[component]
fn QuoteCard(doc: u32, quote: usize, query: Memo<SearchQuery>) -> impl IntoView {
    move || match named(summary(doc)) {
        Loaded::Ready(summary) => view! { <SummaryQuote doc=doc summary=summary quote=quote query=query /> }.into_any(),
        Loaded::Pending => {
            view! { <figure class="quote-card"><p class="loading">"Loading the quotation…"</p></figure> }.into_any()
        }
        Loaded::Failed(e) => view! {
            <figure class="quote-card"><p class="load-error">{format!("The quotation is missing: {e}.")}</p></figure>
        }
        .into_any(),
    }
}

#[component]
fn SummaryQuote(doc: u32, summary: &'static Document, quote: usize, query: Memo<SearchQuery>) -> impl IntoView {
    let name = summary.quotes[quote].speaker.and_then(|s| name("speaker", s)).unwrap_or_default();
    // The quoted words, once the document is there.
    let body = move || match shards::document(doc as usize) {
        Loaded::Ready(full) => query
            .with(|query| {
                full.quotes.get(quote).map(|q| {
                    q.parts
                        .iter()
                        .map(|&part| {
                            let hits = query.hits(fold(), &full.text, part);
                            view! { <p>{with_hits(full, part, &hits)}</p> }
                        })
                        .collect_view()
                })
            })
            .into_any(),
        Loaded::Pending => view! { <p class="loading">"Loading the quotation…"</p> }.into_any(),
        Loaded::Failed(e) => view! { <p class="load-error">{format!("The quotation is missing: {e}.")}</p> }.into_any(),
    };
    view! {
        <figure class="quote-card">
            <blockquote data-quote=quote + 1 data-speaker=name.clone()>{body}</blockquote>
            <figcaption>
                <span class="speaker">{if name.is_empty() { "Unattributed".to_owned() } else { name }}</span>
                " · " <time>{date_label(summary)}</time> " · "
                <StateLink to=reader_link(doc, Some(quote as u32 + 1))>{summary.title.clone()}</StateLink>
            </figcaption>
        </figure>
    }
}
