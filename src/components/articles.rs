//! The Articles view: the result count, the sort, and a card per document,
//! a page at a time.

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::search::{snippet, SearchQuery};
use orrery_core::state::{Selection, Sort, State};
use orrery_core::{DateSource, Document};

use super::download::{Download, Kind};
use super::link::StateLink;
use super::marked::with_hits;
use super::timeline::Timeline;
use crate::data::{anticipate, card_document, corpus, facet_position, facets, fold, name, named};
use crate::nav::Nav;
use crate::shards::{self, Loaded};

/// "19 April 2022", "April 2024" or "Undated".
pub fn date_label(doc: &Document) -> String {
    doc.date.map_or_else(|| "Undated".to_owned(), |d| d.human())
}

/// The name of a document's source.
pub fn source_name(doc: &Document) -> Option<String> {
    doc.source.and_then(|i| name("source", i))
}

/// "1 article", "2 articles".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The state of the reader at document `doc` (and quotation `quote`), with
/// the current selection, following it as it changes.
pub fn reader_link(doc: u32, quote: Option<u32>) -> Signal<State> {
    let nav = Nav::get();
    Signal::derive(move || {
        nav.selection.track();
        nav.with(|s| {
            s.location.doc = Some(doc);
            s.location.quote = quote;
        })
    })
}

/// The result count, in a live region, and the sort.
#[component]
pub fn ResultBar(
    one: &'static str,
    many: &'static str,
    count: Signal<usize>,
    results: Memo<Results>,
    #[prop(optional)] no_sort: bool,
    /// Tools beside the sort, such as "Download".
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let nav = Nav::get();
    // The options change only with these, not with every facet click.
    let choice = Memo::new(move |_| nav.selection.with(|s| (!s.q.trim().is_empty(), s.sort)));
    // A search over a sharded corpus waits for its words' parts.
    let status = move || {
        if results.with(|r| r.missing.is_empty()) {
            plural(count.get(), one, many)
        } else {
            "Searching…".to_owned()
        }
    };
    view! {
        <div class="result-bar">
            <p class="result-count" role="status" aria-live="polite">{status}</p>
            <label class="sort" class:hidden=no_sort on:pointerenter=|_| anticipate() on:focusin=|_| anticipate()>
                "Sort by "
                <select on:change=move |e| {
                    let key = event_target_value(&e);
                    if let Some(sort) = Sort::parse(&key) {
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
            {children.map(|c| c())}
        </div>
    }
}

/// Country chips a card shows besides those in the filter.
const CARD_CHIPS: usize = 6;

pub use orrery_core::state::PAGE;

/// How many items of a list are on show: a page, growing by "Show more",
/// and one page again for any other selection. The count is kept with the
/// selection it was grown for, so nothing has to reset it.
#[derive(Clone, Copy)]
pub struct Paging {
    grown: RwSignal<(Selection, usize)>,
    /// Items on show.
    pub shown: Signal<usize>,
    /// Items a page holds.
    pub size: usize,
}

impl Paging {
    /// One page of [`PAGE`] items, for the current selection.
    pub fn first_page() -> Paging {
        Paging::of(PAGE)
    }

    /// One page of `size` items, for the current selection.
    pub fn of(size: usize) -> Paging {
        let nav = Nav::get();
        let grown = RwSignal::new((nav.selection.get_untracked(), size));
        let shown = Signal::derive(move || {
            nav.selection.with(|s| grown.with(|(for_selection, n)| if for_selection == s { *n } else { size }))
        });
        Paging { grown, shown, size }
    }

    /// One page more.
    pub fn more(self) {
        let selection = Nav::get().selection.get_untracked();
        let n = self.shown.get_untracked() + self.size;
        self.grown.set((selection, n));
    }
}

/// "Show more" under a paged list, while some are hidden.
#[component]
pub fn ShowMore(paging: Paging, total: Signal<usize>, many: &'static str) -> impl IntoView {
    move || {
        let rest = total.get().saturating_sub(paging.shown.get());
        (rest > 0).then(|| {
            view! {
                <button type="button" class="show-more" on:click=move |_| paging.more()>
                    {format!("Show {} more {many} ({rest} not shown)", rest.min(paging.size))}
                </button>
            }
        })
    }
}

#[component]
pub fn Articles(results: Memo<Results>) -> impl IntoView {
    let count = Signal::derive(move || results.with(Results::total));
    // A large corpus's first view lists one page until its facets arrive:
    // a download needs every row.
    let listed = Memo::new(move |_| results.with(|r| r.unlisted == 0));
    let paging = Paging::first_page();
    let page = move || {
        let n = paging.shown.get();
        results.with(|r| r.documents.iter().take(n).copied().collect::<Vec<u32>>())
    };
    let query = Memo::new(move |_| results.with(|r| r.query.clone()));
    view! {
        <h1 class="visually-hidden">"Articles"</h1>
        <Timeline results=results />
        <ResultBar one="article" many="articles" count=count results=results>
            {move || listed.get().then(|| view! { <Download kind=Kind::Articles results=results /> })}
        </ResultBar>
        <div class="cards">
            {move || (count.get() == 0).then(|| view! {
                <p class="empty">"No article matches. Remove a filter or change the search."</p>
            })}
            <For each=page key=|d| *d let:d>
                <Card position=d query=query />
            </For>
        </div>
        <ShowMore paging=paging total=count many="articles" />
    }
}

/// The best hit in context when searching (once the text is there, if it is
/// in a shard), else the lede.
fn excerpt(position: u32, doc: &'static Document, query: &SearchQuery) -> AnyView {
    let found = if query.is_empty() {
        None
    } else if let Loaded::Ready(full) = shards::document(position as usize) {
        snippet(fold(), full, query, 14).map(|found| (full, found))
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
        None if doc.lede.is_empty() => ().into_any(),
        None => view! { <p class="snippet">{doc.lede.clone()}</p> }.into_any(),
    }
}

/// A card, once its summary is here (a large corpus fetches summaries in
/// chunks, for the cards on show, or a search's cards' whole documents).
#[component]
fn Card(position: u32, query: Memo<SearchQuery>) -> impl IntoView {
    // Untracked: a card stays as it is while the results keep it.
    let text = query.with_untracked(|q| !q.is_empty());
    move || match named(card_document(position, text)) {
        Loaded::Ready(doc) => view! { <SummaryCard position=position doc=doc query=query /> }.into_any(),
        Loaded::Pending => pending_card(None),
        Loaded::Failed(e) => pending_card(Some(e)),
    }
}

/// A card's place while its summary is on its way, or why it cannot come.
fn pending_card(error: Option<String>) -> AnyView {
    match error {
        None => view! {
            <article class="card-pending" aria-busy="true"><p class="loading">"Loading the article…"</p></article>
        }
        .into_any(),
        Some(e) => view! {
            <article class="card-pending">
                <p class="load-error">{format!("This article cannot be shown: {e}.")}</p>
            </article>
        }
        .into_any(),
    }
}

#[component]
fn SummaryCard(position: u32, doc: &'static Document, query: Memo<SearchQuery>) -> impl IntoView {
    let first_quote = doc.quotes.first().map(|q| {
        let speaker = q.speaker.and_then(|s| name("speaker", s));
        let data_speaker = speaker.clone().unwrap_or_default();
        view! {
            <blockquote class="card-quote" data-quote="1" data-speaker=data_speaker>
                <p>"“" {doc.quote_preview.clone()} "”"</p>
                <footer>
                    "— " {speaker.unwrap_or_else(|| "Unattributed".into())}
                    {(doc.quotes.len() > 1).then(|| format!(" · {} quotes", doc.quotes.len()))}
                    " · " <StateLink to=reader_link(position, Some(1))>"Read in context"</StateLink>
                </footer>
            </blockquote>
        }
    });
    let date_note = match doc.date_source {
        Some(DateSource::Curator) => Some(" (curator)"),
        Some(DateSource::FileName) => Some(" (file name)"),
        _ => None,
    };
    view! {
        <article class="card">
            <h2 class="card-title"><StateLink to=reader_link(position, None)>{doc.title.clone()}</StateLink></h2>
            <p class="card-meta">
                <time>{date_label(doc)}</time>{date_note}
                {source_name(doc).map(|s| view! { " · " <span class="card-source">{s}</span> })}
                {(!doc.quotes.is_empty()).then(|| format!(" · {}", plural(doc.quotes.len(), "quote", "quotes")))}
            </p>
            {move || query.with(|q| excerpt(position, doc, q))}
            <CountryChips doc=doc />
            {first_quote}
        </article>
    }
}

/// A card's most mentioned countries, and any in the filter: a card is a
/// summary, and the reader lists them all.
#[component]
fn CountryChips(doc: &'static Document) -> impl IntoView {
    let nav = Nav::get();
    let facet = facet_position("country");
    let Some(countries) = facets().get(facet) else { return ().into_any() };
    let ids: Vec<u32> = doc.countries.iter().filter_map(|c| countries.find(&c.code)).collect();
    if ids.is_empty() {
        return ().into_any();
    }
    (move || {
        // Every chip's link keeps the selection, so all follow it.
        nav.selection.track();
        let picked = |v: u32| nav.selection.with_untracked(|s| s.is_picked(facet, v));
        let shown: Vec<u32> =
            ids.iter().enumerate().filter(|&(i, &v)| i < CARD_CHIPS || picked(v)).map(|(_, &v)| v).collect();
        let more = ids.len() - shown.len();
        let chips = shown
            .into_iter()
            .filter_map(|v| Some((v, corpus().country(&countries.value(v)?.key)?)))
            .map(|(v, c)| {
                let selected = picked(v);
                let to = nav.with(|s| s.selection.toggle(facet, v));
                let label = if selected { format!("Remove the filter {}", c.name) } else { format!("Filter by {}", c.name) };
                view! {
                    <li>
                        <StateLink to=to class=if selected { "country-chip selected" } else { "country-chip" } label=label>
                            {c.name.clone()}
                        </StateLink>
                    </li>
                }
            })
            .collect_view();
        let more = (more > 0).then(|| view! { <li class="chip-more">{format!("+{more} more")}</li> });
        view! { <ul class="chips" aria-label="Countries">{chips}{more}</ul> }
    })
    .into_any()
}
