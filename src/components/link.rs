//! Links between states: real `<a href>`s (so they open in new tabs and can
//! be copied) that navigate in place on a plain click.

use corpus::state::State;
use leptos::prelude::*;
use web_sys::MouseEvent;

use crate::nav::Nav;
use crate::url;

/// Whether a click should open the link elsewhere (new tab, window, download).
fn is_modified(event: &MouseEvent) -> bool {
    event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()
}

/// A link to `to`, navigated in place with a new history entry.
#[component]
pub fn StateLink(
    to: State,
    children: Children,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] current: bool,
) -> impl IntoView {
    let href = url::href(&to);
    let on_click = move |event: MouseEvent| {
        if is_modified(&event) {
            return;
        }
        event.prevent_default();
        Nav::get().go(to.clone());
    };
    view! {
        <a href=href class=class on:click=on_click aria-label=label aria-current=current.then_some("page")>
            {children()}
        </a>
    }
}

/// Copies text to the clipboard; returns whether the browser accepted.
pub fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let _ = window.navigator().clipboard().write_text(text);
    true
}

/// The absolute URL of a state, for sharing.
pub fn absolute_url(state: &State) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", url::href(state))
}
