//! Links between states: real `<a href>`s (so they open in new tabs and can
//! be copied) that navigate in place on a plain click.
//!
//! One listener on the window follows them all, reading the state back from
//! the href: a page of cards holds a hundred such links, and a closure for
//! each cost more than the rest of a facet click's rendering.

use leptos::prelude::*;
use orrery_core::state::State;
use wasm_bindgen::JsCast;
use web_sys::MouseEvent;

use crate::nav::Nav;
use crate::url;

/// Whether a click should open the link elsewhere (new tab, window, download).
fn is_modified(event: &MouseEvent) -> bool {
    event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()
}

/// A link to `to`, navigated in place with a new history entry. `to` may be
/// a signal: a link that keeps the reader's filters follows them.
#[component]
pub fn StateLink(
    #[prop(into)] to: Signal<State>,
    children: Children,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] current: bool,
) -> impl IntoView {
    view! {
        <a href=move || to.with(url::href) class=class data-nav="" aria-label=label aria-current=current.then_some("page")>
            {children()}
        </a>
    }
}

/// Follows a plain click on any [`StateLink`] in place, with a history
/// entry, while the calling component lives.
pub fn follow_state_links(nav: Nav) {
    let handle = window_event_listener(leptos::ev::click, move |event: MouseEvent| {
        if event.default_prevented() || is_modified(&event) {
            return;
        }
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[data-nav]").ok().flatten());
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else { return };
        // The href is a state this app serialised, so it parses back whole
        // (or, while what it names is on its way, the page loads it).
        let query = href.find('?').map_or("", |i| &href[i..]);
        if let Some((state, _)) = url::parse(query) {
            event.prevent_default();
            nav.go(state);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Copies `text` with the Clipboard API and calls `copied` once the browser
/// has really taken it. Where the API is missing (plain-http hosts) or
/// refuses, the browser's own prompt shows the link selected in a field,
/// with "Press Ctrl+C to copy".
fn copy(text: String, copied: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let by_hand = |window: &web_sys::Window, text: &str| {
        let _ = window.prompt_with_message_and_default("Press Ctrl+C (⌘C on a Mac) to copy the link:", text);
    };
    // `navigator.clipboard` is undefined outside secure contexts.
    let navigator = window.navigator();
    if js_sys::Reflect::get(&navigator, &"clipboard".into()).map_or(true, |c| c.is_undefined()) {
        return by_hand(&window, &text);
    }
    let promise = navigator.clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => copied(),
            Err(_) => by_hand(&window, &text),
        }
    });
}

/// A "Copy link" button for the URL `url` gives when pressed; it says
/// "Link copied" only once the browser has taken it.
pub fn copy_link(url: impl Fn() -> String + 'static, label: Option<String>, class: &'static str) -> impl IntoView {
    let done = RwSignal::new(false);
    view! {
        <button type="button" class=class aria-label=label on:click=move |_| copy(url(), move || done.set(true))>
            {move || if done.get() { "Link copied" } else { "Copy link" }}
        </button>
    }
}

/// The absolute URL of a state, for sharing.
pub fn absolute_url(state: &State) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", url::href(state))
}
