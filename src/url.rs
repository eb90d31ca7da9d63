//! The one module that owns the URL. All state lives in the query string of
//! the one page (no path routes), so deep links work on any static server
//! under any subpath. Parsing and serialising are `corpus::state`, tested
//! natively with a property-tested round trip; this is only the browser glue:
//! reading `location.search`, writing history entries, and Back/Forward.

use corpus::state::State;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::data::corpus;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The path of the page itself, e.g. `/orrery/` or `/orrery/index.html`.
/// Every state lives in the query string, so the path never changes and is
/// read once (cards build many links on every update).
pub fn page_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into()))
}

/// The href of a state: the page's path and the state's canonical query.
pub fn href(state: &State) -> String {
    format!("{}{}", page_path(), state.to_query())
}

/// The state in the address bar, and notices naming its bad values.
pub fn read() -> (State, Vec<String>) {
    let search = window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    State::parse(&search, corpus())
}

fn history() -> Option<web_sys::History> {
    window().and_then(|w| w.history().ok())
}

fn scroll_y() -> f64 {
    window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// Adds a history entry for `state` (facets, views, documents). The entry
/// being left remembers its scroll position, for Back.
pub fn push(state: &State) {
    let Some(history) = history() else { return };
    let here = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let _ = history.replace_state_with_url(&JsValue::from_f64(scroll_y()), "", Some(&here));
    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href(state)));
}

/// Replaces the current entry (typing in search).
pub fn replace(state: &State) {
    if let Some(history) = history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href(state)));
    }
}

/// Calls `on_change` with the state and saved scroll position whenever Back
/// or Forward changes the URL.
pub fn on_history_change(on_change: impl Fn(State, Vec<String>, Option<f64>) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        let scroll = event.state().as_f64();
        let (state, notices) = read();
        on_change(state, notices, scroll);
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
