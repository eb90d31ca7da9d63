//! Whole documents and chunks of word positions, for a corpus that keeps them
//! in static shards (see `build.rs`): fetched the first time something asks,
//! then kept for the page's life. With an embedded corpus every answer is
//! immediate and nothing is fetched.
//!
//! Asking is reactive: a view or memo that gets `Pending` re-runs when that
//! one shard arrives (each has its own trigger), so a card's snippet or the
//! reader fills in without redrawing anything else.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use orrery_core::search::{PositionChunk, Positions};
use orrery_core::Document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::data::{bundle, corpus};

/// What asking for a shard gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Ready(T),
    Pending,
    Failed(String),
}

enum State<T: 'static> {
    Absent,
    Loading(ArcTrigger),
    Ready(&'static T),
    Failed(String),
}

struct Store {
    documents: Vec<State<Document>>,
    chunks: Vec<State<PositionChunk>>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store {
        documents: (0..corpus().documents.len()).map(|_| State::Absent).collect(),
        chunks: (0..bundle().index.chunk_starts.len()).map(|_| State::Absent).collect(),
    });
}

/// Document `i` with its text, spans, quotations and mentions. A head's
/// documents are numbered by its first page, not the corpus: texts wait for
/// the whole bundle.
pub fn document(i: usize) -> Loaded<&'static Document> {
    if crate::data::is_head() {
        return Loaded::Pending;
    }
    match &bundle().shards {
        None => corpus().documents.get(i).map_or_else(|| Loaded::Failed(format!("no document {i}")), Loaded::Ready),
        Some(shards) => ask::<Document>(i, || shards.document_path(i)),
    }
}

/// The word positions the search reads: embedded, or fetched chunk by chunk.
pub struct LoadedPositions;

impl Positions for LoadedPositions {
    fn chunk(&self, k: usize) -> Option<&PositionChunk> {
        let Some(shards) = bundle().shards.as_ref().filter(|_| !crate::data::is_head()) else {
            return bundle().positions.get(k);
        };
        match ask::<PositionChunk>(k, || shards.positions_path(k)) {
            Loaded::Ready(chunk) => Some(chunk),
            Loaded::Pending | Loaded::Failed(_) => None,
        }
    }
}

/// Why a chunk of word positions could not be loaded, if one could not.
pub fn chunk_error() -> Option<String> {
    STORE.with(|s| {
        s.borrow().chunks.iter().find_map(|c| match c {
            State::Failed(e) => Some(e.clone()),
            _ => None,
        })
    })
}

/// Answers from the store, starting a fetch the first time, and tracks the
/// shard's trigger while it is on its way.
fn ask<T>(i: usize, path: impl FnOnce() -> String) -> Loaded<&'static T>
where
    T: serde::de::DeserializeOwned + 'static,
    Store: Holds<T>,
{
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        let Some(state) = store.list().get_mut(i) else { return Loaded::Failed(format!("no shard {i}")) };
        match state {
            State::Ready(value) => Loaded::Ready(*value),
            State::Failed(e) => Loaded::Failed(e.clone()),
            State::Loading(trigger) => {
                trigger.track();
                Loaded::Pending
            }
            State::Absent => {
                let trigger = ArcTrigger::new();
                trigger.track();
                *state = State::Loading(trigger);
                let path = path();
                spawn_local(async move {
                    let _ = load::<T>(i, &path).await;
                });
                Loaded::Pending
            }
        }
    })
}

/// Fetches and decodes shard `i` of one type, and keeps it: the store
/// holds it from then on, and whatever waited for it re-runs.
async fn load<T>(i: usize, path: &str) -> Result<&'static T, String>
where
    T: serde::de::DeserializeOwned + 'static,
    Store: Holds<T>,
{
    let url = url_of(path);
    let result = fetch_bytes(&url)
        .await
        .and_then(|bytes| postcard::from_bytes::<T>(&bytes).map_err(|e| format!("{url}: {e}")))
        // Kept for the page's life, like the embedded corpus.
        .map(|value| &*Box::leak(Box::new(value)))
        .map_err(|e| format!("could not load {e}"));
    let done = match &result {
        Ok(value) => State::Ready(*value),
        Err(e) => State::Failed(e.clone()),
    };
    let previous = STORE.with(|s| {
        let mut store = s.borrow_mut();
        let slot = Holds::<T>::list(&mut *store).get_mut(i)?;
        Some(std::mem::replace(slot, done))
    });
    if let Some(State::Loading(trigger)) = previous {
        trigger.notify();
    }
    result
}

/// Whole documents, in the order asked, fetching those not yet here a few
/// at a time; `progress(ready, wanted)` hears how many are ready. The first
/// that cannot be loaded ends it, named in the error.
pub async fn documents(wanted: &[u32], progress: impl Fn(usize, usize)) -> Result<Vec<&'static Document>, String> {
    let mut out = Vec::with_capacity(wanted.len());
    for batch in wanted.chunks(8) {
        // The batch's fetches run at once (a JavaScript Promise.all: the
        // futures crate's join cost 13 KB of wasm).
        let loads = js_sys::Array::new();
        for &i in batch {
            if let Some(path) =
                bundle().shards.as_ref().filter(|_| held(i as usize).is_none()).map(|s| s.document_path(i as usize))
            {
                loads.push(&wasm_bindgen_futures::future_to_promise(async move {
                    load::<Document>(i as usize, &path)
                        .await
                        .map(|_| wasm_bindgen::JsValue::UNDEFINED)
                        .map_err(Into::into)
                }));
            }
        }
        let _ = JsFuture::from(js_sys::Promise::all(&loads)).await;
        for &i in batch {
            out.push(held(i as usize).unwrap_or_else(|| Err(format!("document {i} did not arrive")))?);
        }
        progress(out.len(), wanted.len());
    }
    Ok(out)
}

/// Document `i` if it is here (embedded, or fetched), or why it cannot be.
fn held(i: usize) -> Option<Result<&'static Document, String>> {
    if bundle().shards.is_none() {
        return Some(corpus().documents.get(i).ok_or_else(|| format!("no document {i}")));
    }
    STORE.with(|s| match s.borrow().documents.get(i) {
        Some(State::Ready(doc)) => Some(Ok(*doc)),
        Some(State::Failed(e)) => Some(Err(e.clone())),
        None => Some(Err(format!("no document {i}"))),
        _ => None,
    })
}

/// The store's list of shards of one type.
trait Holds<T: 'static> {
    fn list(&mut self) -> &mut Vec<State<T>>;
}

impl Holds<Document> for Store {
    fn list(&mut self) -> &mut Vec<State<Document>> {
        &mut self.documents
    }
}

impl Holds<PositionChunk> for Store {
    fn list(&mut self) -> &mut Vec<State<PositionChunk>> {
        &mut self.chunks
    }
}

/// The URL of a file in the shard folder, which sits in the page's folder:
/// `/orrery/` for both `/orrery/` and `/orrery/index.html`.
pub fn url_of(path: &str) -> String {
    let page = crate::url::page_path();
    format!("{}{path}", &page[..page.rfind('/').map_or(0, |i| i + 1)])
}

/// The bytes at `url`; an error names the URL and the problem.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let error = |e: wasm_bindgen::JsValue| format!("{url}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let window = web_sys::window().ok_or_else(|| format!("{url}: no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(error)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(error)?).await.map_err(error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
