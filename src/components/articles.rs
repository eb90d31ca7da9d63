//! The Articles view: the result count, the sort, and a card per document,
//! a page at a time.

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::search::{snippet, SearchQuery};
use orrery_core::state::{Selection, Sort, State};
use orrery_core::{DateSource, Document};
use wasm_bindgen::JsCast;

use super::download::{Download, Kind};
use super::marked::marked_markup;
use super::timeline::Timeline;
use crate::data::{anticipate, card_document, corpus, facet_position, facets, fold, name, named};
use crate::markup::Markup;
use crate::nav::Nav;
use crate::shards::{self, Loaded};
use crate::url;

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
/// the current selection.
fn reader_state(nav: Nav, doc: u32, quote: Option<u32>) -> State {
    nav.with(|s| {
        s.location.doc = Some(doc);
        s.location.quote = quote;
    })
}

/// [`reader_state`], following the selection as it changes.
pub fn reader_link(doc: u32, quote: Option<u32>) -> Signal<State> {
    let nav = Nav::get();
    Signal::derive(move || {
        nav.selection.track();
        reader_state(nav, doc, quote)
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

/// A card's content is written as HTML and set at once (see
/// [`crate::markup`]). It is written again when the selection changes (every
/// link keeps it) or the search does (the excerpt); a link that had the focus
/// gets it back. Its links are followed by the one listener of
/// `link::follow_state_links`, as every [`super::link::StateLink`] is.
#[component]
fn SummaryCard(position: u32, doc: &'static Document, query: Memo<SearchQuery>) -> impl IntoView {
    let nav = Nav::get();
    let card = NodeRef::<leptos::html::Article>::new();
    let html = move || {
        nav.selection.track();
        keep_focus(card);
        query.with(|q| card_html(position, doc, q))
    };
    view! { <article class="card" node_ref=card inner_html=html></article> }
}

/// If a link inside `card` has the focus (a country chip chosen from the
/// keyboard), gives it back to the link in the same place once the card has
/// been written again. (Rendering the first view natively, the card is never
/// mounted, so this stops before asking for the document.)
fn keep_focus(card: NodeRef<leptos::html::Article>) {
    let Some(article) = card.get_untracked() else { return };
    let Some(active) = document().active_element() else { return };
    if !article.contains(Some(&active)) {
        return;
    }
    let links = article.get_elements_by_tag_name("a");
    let Some(place) = (0..links.length()).find(|&i| links.item(i).as_ref() == Some(&active)) else { return };
    queue_microtask(move || {
        let link = article.get_elements_by_tag_name("a").item(place);
        if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    });
}

/// The inside of a card: its title, date, source, excerpt, country chips and
/// first quotation, with links to the reader and to filters that keep the
/// current selection.
fn card_html(position: u32, doc: &'static Document, query: &SearchQuery) -> String {
    let nav = Nav::get();
    let reader = |quote: Option<u32>| url::href(&reader_state(nav, position, quote));
    let mut html = Markup::default();
    html.open("h2", &[("class", Some("card-title"))])
        .element("a", &[("href", Some(&reader(None))), ("data-nav", Some(""))], &doc.title)
        .close("h2");

    let date_note = match doc.date_source {
        Some(DateSource::Curator) => " (curator)",
        Some(DateSource::FileName) => " (file name)",
        _ => "",
    };
    html.open("p", &[("class", Some("card-meta"))]).element("time", &[], &date_label(doc)).text(date_note);
    if let Some(source) = source_name(doc) {
        html.text(" · ").element("span", &[("class", Some("card-source"))], &source);
    }
    if !doc.quotes.is_empty() {
        html.text(" · ").text(&plural(doc.quotes.len(), "quote", "quotes"));
    }
    html.close("p");

    excerpt(&mut html, position, doc, query);
    country_chips(&mut html, doc);

    if let Some(quote) = doc.quotes.first() {
        let speaker = quote.speaker.and_then(|s| name("speaker", s));
        let attributes = [
            ("class", Some("card-quote")),
            ("data-quote", Some("1")),
            ("data-speaker", Some(speaker.as_deref().unwrap_or(""))),
        ];
        html.open("blockquote", &attributes).element("p", &[], &format!("“{}”", doc.quote_preview));
        html.open("footer", &[]).text("— ").text(speaker.as_deref().unwrap_or("Unattributed"));
        if doc.quotes.len() > 1 {
            html.text(&format!(" · {} quotes", doc.quotes.len()));
        }
        html.text(" · ")
            .element("a", &[("href", Some(&reader(Some(1)))), ("data-nav", Some(""))], "Read in context")
            .close("footer")
            .close("blockquote");
    }
    html.into_string()
}

/// The best hit in context when searching (once the text is there, if it is
/// in a shard), else the lede.
fn excerpt(html: &mut Markup, position: u32, doc: &'static Document, query: &SearchQuery) {
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
            html.open("p", &[("class", Some("snippet"))]);
            if window.start > paragraph.start {
                html.text("…");
            }
            marked_markup(html, &full.text, window, &hits);
            if window.end < paragraph.end {
                html.text("…");
            }
            html.close("p");
        }
        None if doc.lede.is_empty() => {}
        None => {
            html.element("p", &[("class", Some("snippet"))], &doc.lede);
        }
    }
}

/// A card's most mentioned countries, and any in the filter: a card is a
/// summary, and the reader lists them all.
fn country_chips(html: &mut Markup, doc: &'static Document) {
    let nav = Nav::get();
    let facet = facet_position("country");
    let Some(countries) = facets().get(facet) else { return };
    let ids: Vec<u32> = doc.countries.iter().filter_map(|c| countries.find(&c.code)).collect();
    if ids.is_empty() {
        return;
    }
    let picked = |v: u32| nav.selection.with_untracked(|s| s.is_picked(facet, v));
    let shown: Vec<u32> =
        ids.iter().enumerate().filter(|&(i, &v)| i < CARD_CHIPS || picked(v)).map(|(_, &v)| v).collect();
    let more = ids.len() - shown.len();
    html.open("ul", &[("class", Some("chips")), ("aria-label", Some("Countries"))]);
    for (v, country) in shown.into_iter().filter_map(|v| Some((v, corpus().country(&countries.value(v)?.key)?))) {
        let selected = picked(v);
        let to = url::href(&nav.with(|s| s.selection.toggle(facet, v)));
        let (class, label) = if selected {
            ("country-chip selected", format!("Remove the filter {}", country.name))
        } else {
            ("country-chip", format!("Filter by {}", country.name))
        };
        let attributes =
            [("href", Some(to.as_str())), ("class", Some(class)), ("data-nav", Some("")), ("aria-label", Some(&label))];
        html.open("li", &[]).element("a", &attributes, &country.name).close("li");
    }
    if more > 0 {
        html.element("li", &[("class", Some("chip-more"))], &format!("+{more} more"));
    }
    html.close("ul");
}
