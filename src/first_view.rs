//! The first view's HTML in the page, which the build renders from these
//! same components (`prerender`, written in by `cargo xtask shards`): the
//! first card shows with the page, before this code arrives. The app
//! replaces it when it starts, keeping what the reader did meanwhile: the
//! search typed and the facet values ticked.

use orrery_core::state::{Catalog, State};
use wasm_bindgen::JsCast;

use crate::data::{facet_position, AppCatalog};

/// The element the build writes the first view into (see `index.html`).
pub const ID: &str = "first-view";

/// What the reader typed into the first view's search box before the app
/// started, and whether the box had the focus.
pub struct Typed {
    text: String,
    focused: bool,
}

/// Removes the first view from the page, before the app mounts in its
/// place. A search typed into it and the values ticked in its sidebar
/// become the address's, so the app starts on them. (An address with a
/// query hid the first view: it was not this page, and nothing done in it
/// counts.)
pub fn take_over() -> Option<Typed> {
    let document = crate::url::window()?.document()?;
    let view = document.get_element_by_id(ID)?;
    let typed = read(&document, &view);
    view.remove();
    typed
}

/// What the reader did in the first view `view`, written into the address.
fn read(document: &web_sys::Document, view: &web_sys::Element) -> Option<Typed> {
    if !crate::url::search().is_empty() {
        return None;
    }
    let input = view.query_selector("#search").ok().flatten()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let typed =
        Typed { text: input.value(), focused: document.active_element().is_some_and(|active| active == **input) };
    let mut state = State::default();
    state.selection.set_query(typed.text.clone());
    let catalog = AppCatalog::default();
    for (facet, key) in ticked(view) {
        let facet = facet_position(&facet);
        if let Some(value) = catalog.find_value(facet, &key) {
            state.selection.toggle(facet, value);
        }
    }
    if state != State::default() {
        crate::url::replace(&state);
    }
    Some(typed)
}

/// The facet values ticked in the first view: each facet's key and the
/// value's.
fn ticked(view: &web_sys::Element) -> Vec<(String, String)> {
    let Ok(boxes) = view.query_selector_all("fieldset[data-facet] input[type=checkbox]:checked") else {
        return Vec::new();
    };
    (0..boxes.length())
        .filter_map(|i| boxes.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter_map(|input| {
            let facet = input.closest("fieldset[data-facet]").ok().flatten()?.get_attribute("data-facet")?;
            Some((facet, input.value()))
        })
        .collect()
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

/// Says on the page, above the first view, why the app cannot start
/// (`error`, as text): the first view stays, to read and follow its links.
pub fn cannot_start(error: &str) {
    let Some(document) = crate::url::window().and_then(|w| w.document()) else { return };
    let (Ok(alert), Some(body)) = (document.create_element("p"), document.body()) else { return };
    alert.set_class_name("load-error cannot-start");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(error));
    let view = document.get_element_by_id(ID);
    let _ = body.insert_before(&alert, view.as_ref().map(|v| v as &web_sys::Node));
}
