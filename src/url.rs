//! The one module that owns the URL. All state lives in the query string of
//! the one page (no path routes), so deep links work on any static server
//! under any subpath. Parsing and serialising are `orrery_core::state`, tested
//! natively with a property-tested round trip; this is only the browser glue:
//! reading `location.search`, writing history entries, and Back/Forward.

use leptos::prelude::*;
use orrery_core::state::{Catalog, State};
use wasm_bindgen::JsValue;

use crate::data::AppCatalog;

/// The browser's window: none natively, where the build renders the first
/// view's HTML (`crate::prerender`) and there is no page.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The path of the page itself, e.g. `/orrery/` or `/orrery/index.html`.
/// Every state lives in the query string, so the path never changes and is
/// read once (cards build many links on every update).
pub fn page_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    // The first view's HTML is rendered with no page: its links are
    // relative to wherever the site is served.
    PATH.get_or_init(|| window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "./".into()))
}

/// The href of a state: the page's path and the state's canonical query.
pub fn href(state: &State) -> String {
    href_in(state, &AppCatalog::default())
}

/// The href of a state, naming its article with `catalog`'s slugs.
pub fn href_in(state: &State, catalog: &dyn Catalog) -> String {
    format!("{}{}", page_path(), state.to_query(catalog))
}

/// The query string in the address bar.
pub fn search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The state a query string says, and notices naming its bad values; or
/// `None` while what it names is on its way (a large corpus's slugs, or
/// its filter for a value the head does not hold).
pub fn parse(search: &str) -> Option<(State, Vec<String>)> {
    let catalog = AppCatalog::default();
    let (state, mut notices) = State::parse(search, &catalog);
    if catalog.waits() {
        return None;
    }
    notices.extend(catalog.failures().into_iter().map(|e| format!("The address could not be read whole: {e}.")));
    Some((state, notices))
}

fn history() -> Option<web_sys::History> {
    window().and_then(|w| w.history().ok())
}

thread_local! {
    static SCROLL_Y: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// The page's scroll position as of its last scroll event. Reading
/// `window.scrollY` forces the browser to lay out any pending change first;
/// a facet click that did so spent up to 20 ms on it.
fn scroll_y() -> f64 {
    SCROLL_Y.with(std::cell::Cell::get)
}

/// Keeps [`scroll_y`] current while the calling component lives.
pub fn track_scroll() {
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        if let Some(y) = window().and_then(|w| w.scroll_y().ok()) {
            SCROLL_Y.with(|s| s.set(y));
        }
    });
    on_cleanup(move || handle.remove());
}

/// Adds a history entry for `to` (facets, views, documents). The entry being
/// left is rewritten as `from` with its scroll position, for Back: `from` and
/// not the address bar, which lags while typing (see `Nav::set_query`).
///
/// The address bar follows once the change has been painted: each history
/// call is a round trip to the browser process, and on a busy machine the two
/// took up to 20 ms, which a click's update should not wait for. Entries are
/// still written in order, and the scroll position is read now.
pub fn push(from: &State, to: &State) {
    let scroll = scroll_y();
    let (here, target) = (href(from), href(to));
    request_animation_frame(move || {
        set_timeout(
            move || {
                let Some(history) = history() else { return };
                let _ = history.replace_state_with_url(&JsValue::from_f64(scroll), "", Some(&here));
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&target));
            },
            std::time::Duration::ZERO,
        );
    });
}

/// Replaces the current entry (typing in search).
pub fn replace(state: &State) {
    if let Some(history) = history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href(state)));
    }
}

/// Calls `on_change` with the query string and saved scroll position
/// whenever Back or Forward changes the URL, while the calling component
/// lives (`in_page`: there is a page to listen to).
pub fn on_history_change(in_page: bool, on_change: impl Fn(String, Option<f64>) + 'static) {
    if !in_page {
        return;
    }
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        on_change(search(), event.state().as_f64());
    });
    on_cleanup(move || handle.remove());
}
