//! The top-level component: the state store, the URL, and the views.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use orrery_core::filter::Results;
use orrery_core::state::{Location, Selection, State, View};

use crate::components::articles::Articles;
use crate::components::contexts::Contexts;
use crate::components::countries::Countries;
use crate::components::facets::{ActiveFilters, FacetPanel};
use crate::components::link::follow_state_links;
use crate::components::masthead::Masthead;
use crate::components::notices::Notices;
use crate::components::quotes::Quotes;
use crate::components::reader::Reader;
use crate::data::{self, bundle, filter, index};
use crate::nav::Nav;
use crate::shards::{self, Loaded, LoadedPositions};
use crate::url;

#[component]
pub fn App() -> impl IntoView {
    if let Some(error) = crate::data::error() {
        return view! {
            <main id="main" class="load-failure">
                <h1>"Orrery"</h1>
                <p class="load-error" role="alert">{error}</p>
            </main>
        }
        .into_any();
    }
    let loading =
        Loading { whole: RwSignal::new(!data::is_head()), deferred: RwSignal::new(None), failed: RwSignal::new(None) };
    let (state, notices) = loading.read(&url::search());
    let nav = Nav::new(state, notices);
    provide_context(nav);
    follow_state_links(nav);
    url::track_scroll();

    // A large corpus: fetch the whole bundle once the first view is painted.
    if data::is_head() {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    spawn_local(async move {
                        match data::load_body().await {
                            Ok(_) => loading.arrive(nav),
                            Err(e) => loading.failed.set(Some(e)),
                        }
                    })
                },
                Duration::ZERO,
            )
        });
    }

    // Back and Forward: restore the state and the scroll.
    url::on_history_change(move |search, scroll| {
        let (state, notices) = loading.read(&search);
        nav.notices.set(notices);
        nav.set(state);
        let y = scroll.unwrap_or(0.0);
        request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, y);
            }
        });
    });

    // The results depend on the selection alone: opening an article or
    // changing the view does not filter again. A phrase over a sharded
    // corpus reads chunks of word positions; the memo re-runs when one it
    // asked for arrives.
    // A head shows its first view and nothing else.
    let results: Memo<Results> = Memo::new(move |_| {
        if !loading.whole.get() {
            return bundle().first_results().unwrap_or_default();
        }
        nav.selection.with(|s| filter().run(index(), &LoadedPositions, s))
    });
    let waiting = Memo::new(move |_| {
        !loading.whole.get()
            && (loading.deferred.with(Option::is_some)
                || !nav.selection.with(|s| *s == Selection::default())
                || !nav.location.with(|l| *l == Location::default()))
    });
    let view = Memo::new(move |_| nav.location.with(|l| l.view));
    let doc = Memo::new(move |_| nav.location.with(|l| l.doc.map(|d| d as usize)));
    // The reader opens only with the whole bundle (a head numbers its own
    // page of articles); the sidebar stays while the rest loads.
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
                    <div class="browse">
                        <FacetPanel results=results />
                        <main id="main" tabindex="-1">
                            <ActiveFilters />
                            {move || loading.failed.get().map(|e| view! {
                                <p class="load-error" role="alert">
                                    {format!("The corpus could not be loaded: {e}. Only its first page can be shown; reload to try again.")}
                                </p>
                            })}
                            // Made again when the whole bundle arrives: its
                            // articles are numbered differently from the head's.
                            {move || {
                                loading.whole.track();
                                if waiting.get() {
                                    return loading.failed.with(Option::is_none).then(|| view! {
                                        <p class="load-status" role="status">
                                            {format!("Loading all {} articles…", bundle().total())}
                                        </p>
                                    }).into_any();
                                }
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

/// Whether the whole bundle of a large corpus is here, and what waits for
/// it. A small corpus embeds it whole, and nothing ever waits.
#[derive(Clone, Copy)]
struct Loading {
    /// Whether [`bundle`] is the whole bundle.
    whole: RwSignal<bool>,
    /// An address the head cannot read (anything but the first view), kept
    /// until the whole bundle can.
    deferred: RwSignal<Option<String>>,
    /// Why the whole bundle could not be loaded.
    failed: RwSignal<Option<String>>,
}

impl Loading {
    /// The state a query string says. A head reads only the first view's
    /// (an empty query): it numbers just its own page of articles, so any
    /// other address waits for the whole bundle.
    fn read(self, search: &str) -> (State, Vec<String>) {
        if !self.whole.get_untracked() && !search.trim_start_matches('?').is_empty() {
            self.deferred.set(Some(search.to_owned()));
            return (State::default(), Vec::new());
        }
        self.deferred.set(None);
        url::parse(search)
    }

    /// The whole bundle is here: the state so far, written with the head's
    /// names, is read again with the whole bundle's numbers.
    fn arrive(self, nav: Nav) {
        let deferred = self.deferred.get_untracked();
        let query = deferred.clone().unwrap_or_else(|| nav.state().to_query(data::embedded()));
        let (state, notices) = url::parse(&query);
        if deferred.is_some() {
            nav.notices.set(notices);
        }
        self.deferred.set(None);
        nav.set(state);
        self.whole.set(true);
    }
}
