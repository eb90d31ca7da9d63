//! The top-level component: the state store, the URL, and the views.

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::state::View;

use crate::components::articles::Articles;
use crate::components::contexts::Contexts;
use crate::components::countries::Countries;
use crate::components::facets::{ActiveFilters, FacetPanel};
use crate::components::link::follow_state_links;
use crate::components::masthead::Masthead;
use crate::components::notices::Notices;
use crate::components::quotes::Quotes;
use crate::components::reader::Reader;
use crate::data::{filter, index};
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
    let (state, notices) = url::read();
    let nav = Nav::new(state, notices);
    provide_context(nav);
    follow_state_links(nav);
    url::track_scroll();

    // Back and Forward: restore the state and the scroll.
    url::on_history_change(move |state, notices, scroll| {
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
    let results: Memo<Results> = Memo::new(move |_| nav.selection.with(|s| filter().run(index(), &LoadedPositions, s)));
    let view = Memo::new(move |_| nav.location.with(|l| l.view));
    let doc = Memo::new(move |_| nav.location.with(|l| l.doc.map(|d| d as usize)));

    // Bring the highlighted quote into view, or the reader's title into focus,
    // once the document is there (a shard may still be on its way).
    Effect::new(move |_| {
        let (quote, hit) = nav.location.with(|l| (l.quote, l.hit));
        let Some(i) = doc.get() else { return };
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
            {move || match doc.get() {
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
                            {move || match view.get() {
                                View::Articles => view! { <Articles results=results /> }.into_any(),
                                View::Quotes => view! { <Quotes results=results /> }.into_any(),
                                View::Countries => view! { <Countries results=results /> }.into_any(),
                                View::Contexts => view! { <Contexts results=results /> }.into_any(),
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
