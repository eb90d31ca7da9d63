//! The Quotes view: every quotation in the result set, by speaker when the
//! Speaker facet is set, each linking to its place in the reader.

use corpus::filter::Results;
use corpus::Document;
use leptos::prelude::*;

use super::articles::{date_label, paging, ResultBar, ShowMore};
use super::link::StateLink;
use super::marked::with_hits;
use crate::data::{corpus, index};
use crate::nav::Nav;
use crate::shards::{self, Loaded};

/// (document index, quote index) of the quotations a result set shows.
pub fn visible_quotes(results: &Results, speakers: &[String]) -> Vec<(u32, usize)> {
    let c = corpus();
    results
        .documents
        .iter()
        .flat_map(|&d| {
            c.documents[d as usize].quotes.iter().enumerate().filter_map(move |(i, q)| {
                let slug = q.speaker.and_then(|s| c.speakers.get(s as usize)).map(|s| s.slug.as_str());
                (speakers.is_empty() || slug.is_some_and(|s| speakers.iter().any(|x| x == s))).then_some((d, i))
            })
        })
        .collect()
}

#[component]
pub fn Quotes(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let quotes = Memo::new(move |_| {
        let speakers = nav.state.with(|s| s.speakers.clone());
        results.with(|r| visible_quotes(r, &speakers))
    });
    let count = Signal::derive(move || quotes.with(Vec::len));
    let shown = paging(results);
    view! {
        <h1 class="visually-hidden">"Quotes"</h1>
        <ResultBar one="quote" many="quotes" count=count results=results />
        <div class="quote-list">
            {move || {
                let list: Vec<(u32, usize)> = quotes.with(|q| q.iter().take(shown.get()).copied().collect());
                if list.is_empty() {
                    return view! { <p class="empty">"No quotation matches. Remove a filter or change the search."</p> }.into_any();
                }
                let query = results.with_untracked(|r| r.query.clone());
                list.into_iter()
                    .map(|(d, i)| {
                        let doc: &'static Document = &corpus().documents[d as usize];
                        let q = &doc.quotes[i];
                        let speaker = q.speaker.and_then(|s| corpus().speakers.get(s as usize));
                        let name = speaker.map(|s| s.name.clone()).unwrap_or_default();
                        let to = nav.with(|s| {
                            s.doc = Some(doc.slug.clone());
                            s.quote = Some(i as u32 + 1);
                        });
                        let query = query.clone();
                        // The quoted words, once the document is there.
                        let body = move || match shards::document(d as usize) {
                            Loaded::Ready(full) => full.quotes.get(i).map(|q| {
                                q.parts
                                    .iter()
                                    .map(|&part| {
                                        let hits = query.hits(&index().fold, &full.text, part);
                                        view! { <p>{with_hits(full, part, &hits)}</p> }
                                    })
                                    .collect_view()
                            }).into_any(),
                            Loaded::Pending => view! { <p class="loading">"Loading the quotation…"</p> }.into_any(),
                            Loaded::Failed(e) => view! { <p class="load-error">{format!("The quotation is missing: {e}.")}</p> }.into_any(),
                        };
                        view! {
                            <figure class="quote-card">
                                <blockquote data-quote=i + 1 data-speaker=name.clone()>{body}</blockquote>
                                <figcaption>
                                    <span class="speaker">{if name.is_empty() { "Unattributed".to_owned() } else { name }}</span>
                                    " · " <time>{date_label(doc)}</time> " · "
                                    <StateLink to=to>{doc.title.clone()}</StateLink>
                                </figcaption>
                            </figure>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
        <ShowMore shown=shown total=count many="quotes" />
    }
}
