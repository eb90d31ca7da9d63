//! The first view's HTML in the page, which the build renders from these
//! same components (`prerender`, written in by `cargo xtask shards`): the
//! first card shows with the page, before this code arrives. The app
//! replaces it when it starts, keeping what the reader typed meanwhile.

use orrery_core::state::State;
use wasm_bindgen::JsCast;

/// The element the build writes the first view into (see `index.html`).
pub const ID: &str = "first-view";

/// What the reader typed into the first view's search box before the app
/// started, and whether the box had the focus.
pub struct Typed {
    text: String,
    focused: bool,
}

/// Removes the first view from the page, before the app mounts in its
/// place. A search typed into it becomes the address's, so the app starts
/// on it. (An address with a query hid the first view: it was not this
/// page, and nothing typed into it counts.)
pub fn take_over() -> Option<Typed> {
    let document = crate::url::window()?.document()?;
    let view = document.get_element_by_id(ID)?;
    let shown = crate::url::search().is_empty();
    let input = view.query_selector("#search").ok().flatten()?.dyn_into::<web_sys::HtmlInputElement>().ok();
    let typed = input.filter(|_| shown).map(|input| Typed {
        text: input.value(),
        focused: document.active_element().is_some_and(|active| active == **input),
    });
    view.remove();
    if let Some(typed) = typed.as_ref().filter(|t| !t.text.trim().is_empty()) {
        let mut state = State::default();
        state.selection.set_query(typed.text.clone());
        crate::url::replace(&state);
    }
    typed
}

/// Gives the app's search box the focus the first view's had, with the
/// caret after the text.
pub fn restore(typed: Option<Typed>) {
    let Some(typed) = typed.filter(|t| t.focused) else { return };
    let Some(document) = crate::url::window().and_then(|w| w.document()) else { return };
    if let Some(input) =
        document.get_element_by_id("search").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        let end = typed.text.encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}
