//! Everything a large corpus keeps in static shards beside the app (see
//! `corpus::bundle::site`): its facets, index, map, slugs, chunks of
//! summaries, whole documents and chunks of word positions. Each is fetched
//! the first time something asks for it, by its path, then kept for the
//! page's life; with an embedded corpus nothing is fetched.
//!
//! Asking is reactive: a view or memo that gets `Pending` re-runs when that
//! one shard arrives (each has its own trigger), so a card or the reader
//! fills in without redrawing anything else.

use std::any::Any;
use std::cell::RefCell;
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use orrery_core::facet::FacetValue;
use orrery_core::search::{PositionChunk, Positions, TermFragment};
use orrery_core::{Document, Named};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::data::embedded;

/// What asking for a shard gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Ready(T),
    Pending,
    Failed(String),
}

impl<T> Loaded<T> {
    /// The value, if it is here.
    pub fn ready(self) -> Option<T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }

    /// The value, changed by `f` if it is here.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Loaded<U> {
        match self {
            Loaded::Ready(value) => Loaded::Ready(f(value)),
            Loaded::Pending => Loaded::Pending,
            Loaded::Failed(e) => Loaded::Failed(e),
        }
    }

    /// What `f` makes of the value, if it is here.
    pub fn and_then<U>(self, f: impl FnOnce(T) -> Loaded<U>) -> Loaded<U> {
        match self {
            Loaded::Ready(value) => f(value),
            Loaded::Pending => Loaded::Pending,
            Loaded::Failed(e) => Loaded::Failed(e),
        }
    }
}

enum State {
    Loading(ArcTrigger),
    Ready(&'static dyn Any),
    Failed(String),
}

thread_local! {
    /// Every shard asked for, by path.
    static STORE: RefCell<BTreeMap<String, State>> = const { RefCell::new(BTreeMap::new()) };
    /// How many shards are on their way (see [`fetching`]).
    static IN_FLIGHT: ArcRwSignal<usize> = ArcRwSignal::new(0);
    /// Shards not yet asked for that something watches, each with the
    /// trigger notified when it is (see [`asked_tracked`]).
    /// (A list: one or two at a time, and another map type costs the wasm
    /// 3 KB.)
    static WATCHED: RefCell<Vec<(String, ArcTrigger)>> = const { RefCell::new(Vec::new()) };
    /// The names fetched parts carry, by facet and value id.
    static NAMES: RefCell<BTreeMap<(u32, u32), &'static FacetValue>> = const { RefCell::new(BTreeMap::new()) };
}

/// Document `i` with its text, spans, quotations and mentions.
pub fn document(i: usize) -> Loaded<&'static Document> {
    match crate::data::shards() {
        None => {
            embedded().corpus.documents.get(i).map_or_else(|| Loaded::Failed(format!("no document {i}")), Loaded::Ready)
        }
        Some(shards) => ask_named::<Document>(shards.document_path(i)),
    }
}

/// Document `i` if it has been fetched already (without asking for it).
pub fn held_document(i: usize) -> Option<&'static Document> {
    held_as(&crate::data::shards()?.document_path(i))
}

/// The parts of the index a search reads besides the index itself: word
/// positions, embedded or fetched chunk by chunk, and a large corpus's
/// fragments of terms.
pub struct LoadedPositions;

impl Positions for LoadedPositions {
    fn chunk(&self, k: usize) -> Option<&PositionChunk> {
        let Some(shards) = crate::data::shards() else { return embedded().positions.get(k) };
        ask::<PositionChunk>(shards.positions_path(k)).ready()
    }

    fn fragment(&self, k: usize) -> Option<&TermFragment> {
        ask::<TermFragment>(crate::data::shards()?.terms_path(k)).ready()
    }
}

/// Why the shard at `path` could not be loaded, if it could not (without
/// asking for it).
pub fn failed(path: &str) -> Option<String> {
    STORE.with(|s| match s.borrow().get(path) {
        Some(State::Failed(e)) => Some(e.clone()),
        _ => None,
    })
}

/// Why a part a search reads (a fragment of terms, a chunk of word
/// positions) could not be loaded, if one could not.
pub fn search_error() -> Option<String> {
    STORE.with(|s| {
        s.borrow().iter().find_map(|(path, state)| match state {
            State::Failed(e) if path.contains("/pos/") || path.contains("/terms/") => Some(e.clone()),
            _ => None,
        })
    })
}

/// Decodes a shard's bytes into a value kept for the page's life, like the
/// embedded corpus. The one generic step: fetching and keeping are not, so
/// each kind of shard costs the wasm its decoder alone.
type Decode = fn(&[u8]) -> Result<&'static dyn Any, String>;

fn decode<T: serde::de::DeserializeOwned + 'static>(bytes: &[u8]) -> Result<&'static dyn Any, String> {
    postcard::from_bytes::<T>(bytes)
        .map(|value| &*Box::leak(Box::new(value)) as &'static dyn Any)
        .map_err(|e| e.to_string())
}

/// Decodes a part that carries its names ([`Named`]): the names are kept
/// for [`known_name`], and the part is what the store holds.
fn decode_named<T: serde::de::DeserializeOwned + 'static>(bytes: &[u8]) -> Result<&'static dyn Any, String> {
    let named: &'static Named<T> = Box::leak(Box::new(postcard::from_bytes(bytes).map_err(|e| e.to_string())?));
    NAMES.with(|known| {
        let mut known = known.borrow_mut();
        for name in &named.names {
            known.insert((name.facet, name.id), &name.value);
        }
    });
    Ok(&named.value)
}

/// A value of facet `facet` that a fetched part named (see [`Named`]).
pub fn known_name(facet: usize, id: u32) -> Option<&'static FacetValue> {
    NAMES.with(|known| known.borrow().get(&(u32::try_from(facet).ok()?, id)).copied())
}

/// A part that carries its names, as [`ask`] answers.
pub fn ask_named<T: serde::de::DeserializeOwned + 'static>(path: String) -> Loaded<&'static T> {
    ask_as(path, decode_named::<T>)
}

/// A shard read as the kind it is.
fn as_kind<T: 'static>(path: &str, value: &'static dyn Any) -> Result<&'static T, String> {
    value.downcast_ref::<T>().ok_or_else(|| format!("{path} was read as another kind of shard"))
}

/// Answers from the store, starting a fetch the first time, and tracks the
/// shard's trigger while it is on its way.
pub fn ask<T: serde::de::DeserializeOwned + 'static>(path: String) -> Loaded<&'static T> {
    ask_as(path, decode::<T>)
}

fn ask_as<T: 'static>(path: String, decode: Decode) -> Loaded<&'static T> {
    ask_any(&path, decode).and_then(|value| as_kind(&path, value).map_or_else(Loaded::Failed, Loaded::Ready))
}

fn ask_any(path: &str, decode: Decode) -> Loaded<&'static dyn Any> {
    let state = STORE.with(|store| {
        let mut store = store.borrow_mut();
        match store.get(path) {
            Some(State::Ready(value)) => Some(Loaded::Ready(*value)),
            Some(State::Failed(e)) => Some(Loaded::Failed(e.clone())),
            Some(State::Loading(trigger)) => {
                trigger.track();
                Some(Loaded::Pending)
            }
            None => {
                let trigger = ArcTrigger::new();
                trigger.track();
                store.insert(path.to_owned(), State::Loading(trigger));
                None
            }
        }
    });
    state.unwrap_or_else(|| {
        first_asked(path);
        let path = path.to_owned();
        spawn_local(async move {
            let _ = load(&path, decode).await;
        });
        Loaded::Pending
    })
}

/// Fetches and decodes the shard at `path`, and keeps it: the store holds
/// it from then on, and whatever waited for it re-runs.
async fn load(path: &str, decode: Decode) -> Result<&'static dyn Any, String> {
    let url = url_of(path);
    IN_FLIGHT.with(|n| n.update(|n| *n += 1));
    let fetched = fetch_bytes(&url).await;
    IN_FLIGHT.with(|n| n.update(|n| *n -= 1));
    let result = fetched
        .and_then(|bytes| decode(&bytes).map_err(|e| format!("{url}: {e}")))
        .map_err(|e| format!("could not load {e}"));
    let done = match &result {
        Ok(value) => State::Ready(*value),
        Err(e) => State::Failed(e.clone()),
    };
    let previous = STORE.with(|s| s.borrow_mut().insert(path.to_owned(), done));
    if let Some(State::Loading(trigger)) = previous {
        trigger.notify();
    }
    result
}

/// The shards at `paths`, in that order, fetching those not yet here a few
/// at a time; `progress(ready, wanted)` hears how many are ready. The first
/// that cannot be loaded ends it, named in the error.
async fn fetch_all(
    paths: &[String],
    decode: Decode,
    progress: impl Fn(usize, usize),
) -> Result<Vec<&'static dyn Any>, String> {
    let mut out = Vec::with_capacity(paths.len());
    for batch in paths.chunks(8) {
        // The batch's fetches run at once (a JavaScript Promise.all: the
        // futures crate's join cost 13 KB of wasm).
        let loads = js_sys::Array::new();
        for path in batch {
            if held(path).is_none() && !loading(path) {
                let path = path.clone();
                STORE.with(|s| s.borrow_mut().insert(path.clone(), State::Loading(ArcTrigger::new())));
                first_asked(&path);
                loads.push(&wasm_bindgen_futures::future_to_promise(async move {
                    load(&path, decode).await.map(|_| wasm_bindgen::JsValue::UNDEFINED).map_err(Into::into)
                }));
            }
        }
        let _ = JsFuture::from(js_sys::Promise::all(&loads)).await;
        for path in batch {
            // One already on its way when this began: wait for it too.
            while held(path).is_none() {
                pause().await;
            }
            out.push(held(path).unwrap_or_else(|| Err(format!("{path} did not arrive")))?);
        }
        progress(out.len(), paths.len());
    }
    Ok(out)
}

/// A short pause, for waiting on a fetch that another view started.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Whether the shard at `path` is on its way.
fn loading(path: &str) -> bool {
    STORE.with(|s| matches!(s.borrow().get(path), Some(State::Loading(_))))
}

/// Whether the shard at `path` has been asked for (it is here, on its
/// way, or failed).
pub fn asked(path: &str) -> bool {
    STORE.with(|s| s.borrow().contains_key(path))
}

/// Whether any shard is on its way (tracked: a caller re-runs as each
/// fetch starts and ends).
pub fn fetching() -> bool {
    IN_FLIGHT.with(|n| n.get() > 0)
}

/// Whether the shard at `path` has been asked for, as [`asked`] says; if it
/// has not, the caller (a memo that chose not to ask) re-runs once it is.
pub fn asked_tracked(path: &str) -> bool {
    asked(path) || {
        WATCHED.with(|w| {
            let mut watched = w.borrow_mut();
            match watched.iter().find(|(p, _)| p == path) {
                Some((_, trigger)) => trigger.track(),
                None => {
                    let trigger = ArcTrigger::new();
                    trigger.track();
                    watched.push((path.to_owned(), trigger));
                }
            }
        });
        false
    }
}

/// Tells whatever watched the shard at `path` that it has been asked for.
fn first_asked(path: &str) {
    let watched = WATCHED.with(|w| {
        let mut watched = w.borrow_mut();
        watched.iter().position(|(p, _)| p == path).map(|i| watched.swap_remove(i).1)
    });
    if let Some(trigger) = watched {
        trigger.notify();
    }
}

/// The shard at `path` once it is here, asked for if need be, or why it
/// cannot be loaded.
pub async fn arrived<T: serde::de::DeserializeOwned + 'static>(path: String) -> Result<&'static T, String> {
    let values = fetch_all(std::slice::from_ref(&path), decode::<T>, |_, _| {}).await?;
    values.first().map_or_else(|| Err(format!("{path} did not arrive")), |value| as_kind(&path, *value))
}

/// The shard at `path` if it is here, or why it cannot be.
fn held(path: &str) -> Option<Result<&'static dyn Any, String>> {
    STORE.with(|s| match s.borrow().get(path) {
        Some(State::Ready(value)) => Some(Ok(*value)),
        Some(State::Failed(e)) => Some(Err(e.clone())),
        _ => None,
    })
}

/// The shard at `path` if it is here, without asking for it or waiting.
pub fn held_as<T: 'static>(path: &str) -> Option<&'static T> {
    held(path)?.ok()?.downcast_ref::<T>()
}

/// Whole documents, in the order asked (see [`fetch_all`]).
pub async fn documents(wanted: &[u32], progress: impl Fn(usize, usize)) -> Result<Vec<&'static Document>, String> {
    let Some(shards) = crate::data::shards() else {
        let docs = &embedded().corpus.documents;
        return wanted.iter().map(|&i| docs.get(i as usize).ok_or_else(|| format!("no document {i}"))).collect();
    };
    let paths: Vec<String> = wanted.iter().map(|&i| shards.document_path(i as usize)).collect();
    let values = fetch_all(&paths, decode_named::<Document>, progress).await?;
    paths.iter().zip(values).map(|(path, value)| as_kind(path, value)).collect()
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
