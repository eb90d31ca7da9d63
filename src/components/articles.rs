//! The Articles view: the result count, the sort, and a card per document.

use corpus::filter::Results;
use corpus::search::snippet;
use corpus::state::{Sort, State};
use corpus::{DateSource, Document};
use leptos::prelude::*;

use super::link::StateLink;
use super::marked::with_hits;
use crate::data::{corpus, index};
use crate::nav::Nav;
use crate::shards::{self, Loaded};

/// "19 April 2022", "April 2024" or "Undated".
pub fn date_label(doc: &Document) -> String {
    doc.date.map_or_else(|| "Undated".to_owned(), |d| d.human())
}

pub fn source_name(doc: &Document) -> Option<String> {
    doc.source.and_then(|i| corpus().sources.get(i as usize)).map(|s| s.name.clone())
}

/// "1 article", "2 articles".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The result count, in a live region, and the sort.
#[component]
pub fn ResultBar(
    one: &'static str,
    many: &'static str,
    count: Signal<usize>,
    results: Memo<Results>,
    #[prop(optional)] no_sort: bool,
) -> impl IntoView {
    let nav = Nav::get();
    // The options change only with these, not with every facet click.
    let choice = Memo::new(move |_| nav.state.with(|s| (!s.q.trim().is_empty(), s.sort)));
    // A phrase over a sharded corpus waits for its word positions.
    let status = move || {
        if results.with(|r| r.missing.is_empty()) {
            plural(count.get(), one, many)
        } else {
            shards::chunk_error().map_or_else(|| "Searching for the phrase…".to_owned(), |e| format!("The phrase cannot be searched: {e}"))
        }
    };
    view! {
        <div class="result-bar">
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            <label class="sort" class:hidden=no_sort>
                "Sort by "
                <select on:change=move |e| {
                    let key = event_target_value(&e);
                    if let Some(sort) = Sort::ALL.into_iter().find(|s| s.key() == key) {
                        nav.go(nav.sorted(sort));
                    }
                }>
                    {move || {
                        let (searching, sort) = choice.get();
                        Sort::ALL
                            .into_iter()
                            .filter(|s| *s != Sort::Relevance || searching)
                            .map(|s| view! { <option value=s.key() selected=sort == s>{s.label()}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
        </div>
    }
}

/// Country chips a card shows besides those in the filter.
const CARD_CHIPS: usize = 6;

/// Cards or quotes rendered at a time: the DOM holds a page, not the corpus.
pub const PAGE: usize = 15;

/// How many items of a list to show: a page, growing by "Show more", and back
/// to one page whenever the results change.
pub fn paging(results: Memo<Results>) -> RwSignal<usize> {
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        results.track();
        // Setting a signal notifies even when the value is the same, which
        // would render the list twice.
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    shown
}

/// "Show more" under a paged list, while some are hidden.
#[component]
pub fn ShowMore(shown: RwSignal<usize>, total: Signal<usize>, many: &'static str) -> impl IntoView {
    move || {
        let rest = total.get().saturating_sub(shown.get());
        (rest > 0).then(|| view! {
            <button type="button" class="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {format!("Show {} more {many} ({rest} not shown)", rest.min(PAGE))}
            </button>
        })
    }
}

#[component]
pub fn Articles(results: Memo<Results>) -> impl IntoView {
    let count = Signal::derive(move || results.with(|r| r.documents.len()));
    let shown = paging(results);
    view! {
        <h1 class="visually-hidden">"Articles"</h1>
        <ResultBar one="article" many="articles" count=count results=results />
        <div class="cards">
            {move || {
                let docs: Vec<u32> = results.with(|r| r.documents.iter().take(shown.get()).copied().collect());
                if docs.is_empty() {
                    return view! { <p class="empty">"No article matches. Remove a filter or change the search."</p> }.into_any();
                }
                docs.into_iter().map(|i| view! { <Card position=i results=results /> }).collect_view().into_any()
            }}
        </div>
        <ShowMore shown=shown total=count many="articles" />
    }
}

#[component]
fn Card(position: u32, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let doc: &'static Document = &corpus().documents[position as usize];
    let open = nav.with(|s| {
        s.doc = Some(doc.slug.clone());
        s.quote = None;
    });
    let query = results.with_untracked(|r| r.query.clone());
    // The best hit in context when searching (once the text is there, if it
    // is in a shard), else the lede.
    let lede = doc.lede.clone();
    let excerpt = move || {
        let found = if query.is_empty() {
            None
        } else if let Loaded::Ready(full) = shards::document(position as usize) {
            snippet(&index().fold, full, &query, 14).map(|found| (full, found))
        } else {
            None
        };
        match found {
            Some((full, (window, hits))) => {
                // Ellipses only where the excerpt cuts its paragraph.
                let paragraph = full.paragraphs.iter().find(|p| p.contains(window)).copied().unwrap_or(window);
                let before = (window.start > paragraph.start).then_some("…");
                let after = (window.end < paragraph.end).then_some("…");
                view! { <p class="snippet">{before} {with_hits(full, window, &hits)} {after}</p> }.into_any()
            }
            None if lede.is_empty() => ().into_any(),
            None => view! { <p class="snippet">{lede.clone()}</p> }.into_any(),
        }
    };
    let first_quote = doc.quotes.first().map(|q| {
        let speaker = q.speaker.and_then(|s| corpus().speakers.get(s as usize)).map(|s| s.name.clone());
        let to = nav.with(|s| {
            s.doc = Some(doc.slug.clone());
            s.quote = Some(1);
        });
        let data_speaker = speaker.clone().unwrap_or_default();
        view! {
            <blockquote class="card-quote" data-quote="1" data-speaker=data_speaker>
                <p>"“" {doc.quote_preview.clone()} "”"</p>
                <footer>
                    "— " {speaker.unwrap_or_else(|| "Unattributed".into())}
                    {(doc.quotes.len() > 1).then(|| format!(" · {} quotes", doc.quotes.len()))}
                    " · " <StateLink to=to>"Read in context"</StateLink>
                </footer>
            </blockquote>
        }
    });
    // The most mentioned countries, and any in the filter: a card is a
    // summary, and the reader lists them all.
    let selected = |code: &str| nav.state.with_untracked(|s| s.countries.iter().any(|c| c == code));
    let shown: Vec<&corpus::CountryInfo> = doc
        .countries
        .iter()
        .enumerate()
        .filter(|(i, c)| *i < CARD_CHIPS || selected(&c.code))
        .filter_map(|(_, c)| corpus().country(&c.code))
        .collect();
    let more = doc.countries.len().saturating_sub(shown.len());
    let chips = shown
        .into_iter()
        .map(|c| {
            let code = c.code.clone();
            let selected = selected(&code);
            let to = nav.with(|s| State::toggle(&mut s.countries, code.clone()));
            let label = if selected { format!("Remove the filter {}", c.name) } else { format!("Filter by {}", c.name) };
            view! {
                <li>
                    <StateLink to=to class=if selected { "country-chip selected" } else { "country-chip" } label=label>
                        <span aria-hidden="true">{c.flag()}" "</span>{c.name.clone()}
                    </StateLink>
                </li>
            }
        })
        .collect_view();
    let more = (more > 0).then(|| view! { <li class="chip-more">{format!("+{more} more")}</li> });
    let date_note = (doc.date_source == Some(DateSource::Curator)).then_some(" (curator)");
    view! {
        <article class="card">
            <h2 class="card-title"><StateLink to=open>{doc.title.clone()}</StateLink></h2>
            <p class="card-meta">
                <time>{date_label(doc)}</time>{date_note}
                {source_name(doc).map(|s| view! { " · " <span class="card-source">{s}</span> })}
                {(!doc.quotes.is_empty()).then(|| format!(" · {}", plural(doc.quotes.len(), "quote", "quotes")))}
            </p>
            {excerpt}
            {(!doc.countries.is_empty()).then(|| view! { <ul class="chips" aria-label="Countries">{chips}{more}</ul> })}
            {first_quote}
        </article>
    }
}
