//! "Download" in the Articles and Quotes views: the whole result set, not
//! the page on show, as CSV or JSON. The core writes the table
//! (`orrery_core::export`); this gathers the documents (fetching a sharded
//! corpus's texts, with progress) and hands the file to the browser.

use leptos::prelude::*;
use leptos::task::spawn_local;
use orrery_core::export::{self, Table};
use orrery_core::filter::Results;
use orrery_core::state::State;
use wasm_bindgen::{JsCast, JsValue};

use std::collections::BTreeMap;

use orrery_core::facet::Facet;
use orrery_core::state::Catalog;
use orrery_core::Document;

use super::link::absolute_url;
use super::quotes::visible_quotes;
use crate::data::{corpus, value, whole_facets};
use crate::nav::Nav;
use crate::{shards, url};

/// What a download holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One row per article.
    Articles,
    /// One row per quotation.
    Quotes,
}

/// The file formats offered.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

/// The words of a selection a file name carries: the search, each chosen
/// value's key and the date range.
fn about(state: &State) -> Vec<String> {
    let s = &state.selection;
    let mut out: Vec<String> = s.q.split_whitespace().map(str::to_owned).collect();
    for &(f, v) in s.picks() {
        if let Some(value) = value(f as usize, v) {
            out.push(value.key.clone());
        }
    }
    match (s.range.from(), s.range.to()) {
        (Some(from), Some(to)) => out.extend([from.iso(), "to".into(), to.iso()]),
        (Some(from), None) => out.extend(["from".into(), from.iso()]),
        (None, Some(to)) => out.extend(["to".into(), to.iso()]),
        (None, None) => {}
    }
    out
}

/// The rows' documents, by index, and every facet: what names them in the
/// links.
struct Rows(BTreeMap<u32, &'static Document>, &'static [Facet]);

impl Catalog for Rows {
    fn facets(&self) -> &[Facet] {
        self.1
    }
    fn slug(&self, doc: u32) -> Option<String> {
        self.0.get(&doc).map(|d| d.slug.clone())
    }
    fn find(&self, _: &str) -> Option<u32> {
        None
    }
    fn quotes(&self, doc: u32) -> Option<usize> {
        self.0.get(&doc).map(|d| d.quotes.len())
    }
}

/// Builds the table for a snapshot of the state and its results.
async fn table(kind: Kind, state: &State, results: &Results, progress: impl Fn(usize, usize)) -> Result<Table, String> {
    // The Quotes view offers its download once its quotations are here.
    let quotes = match kind {
        Kind::Articles => Vec::new(),
        Kind::Quotes => visible_quotes(results, &state.selection)
            .ready()
            .ok_or_else(|| "the quotations are still loading".to_owned())?,
    };
    let wanted: Vec<u32> = match kind {
        Kind::Articles => results.documents.clone(),
        Kind::Quotes => {
            let mut wanted: Vec<u32> = quotes.iter().map(|&(d, _)| d).collect();
            wanted.dedup();
            wanted
        }
    };
    let whole = shards::documents(&wanted, progress).await?;
    let facets = whole_facets().await?;
    let rows = Rows(wanted.iter().copied().zip(whole).collect(), facets);
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let link = |doc: u32, quote: Option<u32>| {
        let mut s = state.clone();
        (s.location.doc, s.location.quote) = (Some(doc), quote);
        format!("{origin}{}", url::href_in(&s, &rows))
    };
    match kind {
        Kind::Articles => {
            let in_order: Vec<(u32, &Document)> = wanted.iter().filter_map(|&d| Some((d, *rows.0.get(&d)?))).collect();
            Ok(export::articles(corpus(), facets, &in_order, link))
        }
        Kind::Quotes => {
            let rows: Vec<_> = quotes.iter().filter_map(|&(d, q)| Some((d, *rows.0.get(&d)?, q))).collect();
            Ok(export::quotes(facets, &rows, link))
        }
    }
}

/// Hands `content` to the browser as a file download.
fn save(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has taken the file once the click has been handled.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(10));
    Ok(())
}

#[component]
pub fn Download(kind: Kind, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    // What is happening, for the live region: preparing, done, or an error.
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let menu = NodeRef::<leptos::html::Details>::new();
    let start = move |format: Format| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        // The menu closes once a format is chosen, with the focus back on
        // its summary; the status line says the rest.
        if let Some(details) = menu.get_untracked() {
            let _ = details.remove_attribute("open");
            if let Some(summary) = details.first_element_child().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }
        let state = nav.with(|s| s.location.doc = None);
        let snapshot = results.get_untracked();
        spawn_local(async move {
            let progress = move |n: usize, total: usize| {
                if n < total {
                    status.set(format!("Preparing the download: {n} of {total} articles loaded…"));
                }
            };
            let done = match table(kind, &state, &snapshot, progress).await {
                Ok(table) => {
                    let words = about(&state);
                    let words: Vec<&str> = words.iter().map(String::as_str).collect();
                    let (extension, mime, content) = match format {
                        Format::Csv => ("csv", "text/csv;charset=utf-8", table.to_csv()),
                        Format::Json => ("json", "application/json", table.to_json(&absolute_url(&state))),
                    };
                    let name = table.file_name(&words, extension);
                    match save(&name, mime, &content) {
                        Ok(()) => format!("Downloaded {name}."),
                        Err(_) => "The browser refused the download.".to_owned(),
                    }
                }
                Err(e) => format!("The download failed: {e}."),
            };
            status.set(done);
            busy.set(false);
        });
    };
    let what = if kind == Kind::Articles { "articles" } else { "quotes" };
    view! {
        <details class="download" node_ref=menu>
            <summary>"Download"</summary>
            <div class="download-menu">
                <button type="button" disabled=move || busy.get() on:click=move |_| start(Format::Csv)>
                    {format!("CSV ({what}, for spreadsheets)")}
                </button>
                <button type="button" disabled=move || busy.get() on:click=move |_| start(Format::Json)>
                    {format!("JSON ({what})")}
                </button>
            </div>
        </details>
        // Nothing at all while there is no message, so that `:empty` hides
        // it in the first view's HTML too (which writes "" as a space).
        <p class="download-status" role="status">{move || Some(status.get()).filter(|s| !s.is_empty())}</p>
    }
}
