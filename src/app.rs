//! The top-level component: the state store, the URL, and the views.

use std::time::Duration;

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::state::{Location, State, View};

use crate::components::articles::Articles;
use crate::components::contexts::Contexts;
use crate::components::countries::Countries;
use crate::components::facets::{ActiveFilters, FacetPanel};
use crate::components::link::follow_state_links;
use crate::components::masthead::Masthead;
use crate::components::notices::Notices;
use crate::components::quotes::Quotes;
use crate::components::reader::Reader;
use crate::data;
use crate::nav::Nav;
use crate::shards::{self, Loaded};
use crate::url;

#[component]
pub fn App() -> impl IntoView {
    if let Some(error) = data::error() {
        return view! {
            <main id="main" class="load-failure">
                <h1>"Orrery"</h1>
                <p class="load-error" role="alert">{error}</p>
            </main>
        }
        .into_any();
    }
    // An address that names an article of a large corpus waits for its
    // slug, and one that names a value its head lacks for the filter; until
    // then it is kept here and the page says it is loading.
    let deferred = RwSignal::new(None::<String>);
    let read = move |search: String| -> (State, Vec<String>) {
        match url::parse(&search) {
            Some(parsed) => {
                deferred.set(None);
                parsed
            }
            None => {
                deferred.set(Some(search));
                (State::default(), Vec::new())
            }
        }
    };
    let (state, notices) = read(url::search());
    let nav = Nav::new(state, notices);
    provide_context(nav);
    // The browser's events. (The first view's HTML is rendered natively,
    // with no page to listen to: see `crate::prerender`.)
    let in_page = url::window().is_some();
    if in_page {
        follow_state_links(nav);
        url::track_scroll();
    }
    // Reads a deferred address again as the parts it waits for arrive.
    Effect::new(move |_| {
        let Some(search) = deferred.get() else { return };
        if let Some((state, notices)) = url::parse(&search) {
            nav.notices.set(notices);
            nav.set(state);
            deferred.set(None);
        }
    });

    // Back and Forward: restore the state and the scroll.
    url::on_history_change(in_page, move |search, scroll| {
        let (state, notices) = read(search);
        nav.notices.set(notices);
        nav.set(state);
        let y = scroll.unwrap_or(0.0);
        request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, y);
            }
        });
    });

    // A large corpus paints its first view from the embedded head. Once
    // that is on screen it asks for the index (any search). The filter
    // (every facet) is asked for by what needs it: a facet, a date, an
    // order. Otherwise it waits until nothing else is on its way, and a
    // second has passed or a search answered without it is on screen
    // (`data::run`), so that it never shares the network with what the
    // reader is waiting for.
    let counts = RwSignal::new(false);
    let due = RwSignal::new(false);
    if in_page {
        after_paint(move || {
            untrack(data::prefetch);
            set_timeout(move || due.set(true), Duration::from_secs(1));
        });
    }

    // The results depend on the selection alone: opening an article or
    // changing the view does not filter again. A part of a large corpus
    // that is on its way (facets, index, word positions) makes the memo
    // `None` and re-run when it arrives.
    let first_view = Memo::new(move |_| nav.location.with(|l| *l == Location::default()));
    let computed: Memo<Loaded<Results>> = Memo::new(move |_| {
        let (first, counts) = (first_view.get(), counts.get());
        nav.selection.with(|s| data::run(s, first, counts))
    });
    let results: Memo<Results> = Memo::new(move |previous: Option<&Results>| {
        // While a part is on its way the sidebar keeps what it showed (its
        // counts hidden), or a large corpus's first view.
        let shown = || previous.cloned().or_else(|| data::embedded().first_results()).unwrap_or_default();
        match computed.get() {
            // A search answered before the facets: its documents, and the
            // counts shown before, hidden until the facets are here.
            Loaded::Ready(results) if results.uncounted => Results {
                documents: results.documents,
                query: results.query,
                missing: results.missing,
                unlisted: 0,
                uncounted: true,
                ..shown()
            },
            Loaded::Ready(results) => results,
            _ => shown(),
        }
    });
    let view = Memo::new(move |_| nav.location.with(|l| l.view));
    // Only the Articles view shows a search before its counts.
    let counting = Memo::new(move |_| results.with(|r| r.uncounted));
    // A search answered without the filter (every word's terms here:
    // `missing` is empty), once its cards' documents are here too.
    let answered = Memo::new(move |_| results.with(|r| r.uncounted && r.missing.is_empty()));
    Effect::new(move |_| {
        if in_page && (due.get() || answered.get()) && !shards::fetching() && !counts.get_untracked() {
            // Asked again after the paint: a search's cards, painted
            // meanwhile, ask for their documents then, and the facets wait
            // for those too (this effect runs again as each arrives).
            after_paint(move || {
                if !untrack(shards::fetching) {
                    counts.set(true);
                }
            });
        }
    });
    let waiting = Memo::new(move |_| {
        deferred.with(Option::is_some)
            || !matches!(computed.get(), Loaded::Ready(_))
            || (counting.get() && view.get() != View::Articles)
    });
    let failure = Memo::new(move |_| match computed.get() {
        Loaded::Failed(e) => Some(e),
        _ => None,
    });
    let doc = Memo::new(move |_| nav.location.with(|l| l.doc.map(|d| d as usize)));
    // The article's text is fetched alongside the results, not after them.
    Effect::new(move |_| doc.get().map(crate::data::anticipate_document));
    // The sidebar stays while a part loads; the reader opens once the
    // results it steps through are there.
    let reading = Memo::new(move |_| doc.get().filter(|_| !waiting.get()));

    // Bring the highlighted quote into view, or the reader's title into focus,
    // once the document is there (a shard may still be on its way).
    Effect::new(move |_| {
        let (quote, hit) = nav.location.with(|l| (l.quote, l.hit));
        let Some(i) = reading.get() else { return };
        if !matches!(shards::document(i), Loaded::Ready(_)) {
            return;
        }
        request_animation_frame(move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            let target = match (quote, hit) {
                (Some(n), _) => document.get_element_by_id(&format!("quote-{n}")),
                (None, Some(_)) => document.get_element_by_id("current-hit"),
                (None, None) => document.get_element_by_id("reader-title"),
            };
            if let Some(element) = target {
                if quote.is_some() || hit.is_some() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                } else if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                    let _ = html.focus();
                }
            }
        });
    });

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Masthead />
        <Notices />
        <div class="page">
            {move || match reading.get() {
                Some(i) => view! {
                    <main id="main" tabindex="-1" class="reading">
                        <Reader position=i results=results />
                    </main>
                }.into_any(),
                None => view! {
                    <div class="browse" class:waiting=move || waiting.get() || counting.get()>
                        <FacetPanel results=results />
                        <main id="main" tabindex="-1">
                            <ActiveFilters />
                            {move || if waiting.get() {
                                view! { <Waiting failure=failure /> }.into_any()
                            } else {
                                match view.get() {
                                    View::Articles => view! { <Articles results=results /> }.into_any(),
                                    View::Quotes => view! { <Quotes results=results /> }.into_any(),
                                    View::Countries => view! { <Countries results=results /> }.into_any(),
                                    View::Contexts => view! { <Contexts results=results /> }.into_any(),
                                }
                            }}
                        </main>
                    </div>
                }.into_any(),
            }}
        </div>
        <footer class="site-footer">
            <p>"Orrery · analysed at build time, runs entirely in your browser · country data: world-countries (ODbL), GeoNames (CC BY)"</p>
        </footer>
    }
    .into_any()
}

/// Runs `f` once the browser has painted the current frame: in the task
/// after the next animation frame.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// What the page says while a part of a large corpus is on its way, or why
/// it cannot be loaded.
#[component]
fn Waiting(failure: Memo<Option<String>>) -> impl IntoView {
    move || match failure.get() {
        None => view! {
            <p class="load-status" role="status">{format!("Loading the data for all {} articles…", data::total())}</p>
        }
        .into_any(),
        Some(e) => view! {
            <p class="load-error" role="alert">
                {format!("The corpus cannot be searched or filtered: {e}. Reload the page to try again.")}
            </p>
        }
        .into_any(),
    }
}
