//! Orrery's build side: from a folder of plain-text articles to the bundle
//! the app embeds and the shards it fetches.
//!
//! The key design choice: **everything that needs regexes, gazetteers,
//! encodings or whole-corpus passes happens here, once, at build time**, and
//! its results are plain data in `orrery_core`'s types. The browser never
//! analyses text, sorts the corpus or builds a table; it reads what this
//! crate wrote.
//!
//! The stages, one module each: [`read`] (files, decoding, errors),
//! [`metadata`] (`corpus.toml`), [`structure`] (title, deck, header,
//! dateline, credits, boilerplate), [`dates`], [`countries`] with
//! [`gazetteer`], [`quotes`] (pairing marks) and [`speakers`] (attribution),
//! [`analyse`] (all of them for a folder), then [`facets`] (the facet
//! registry), [`index`] (the search index), [`map`] and [`bundle`] (the
//! bundle and shards), and [`report`] (the JSON report of the `corpus`
//! binary).

#![forbid(unsafe_code)]

pub mod analyse;
pub mod bundle;
pub mod countries;
pub mod dates;
pub mod facets;
pub mod fold;
pub mod gazetteer;
pub mod index;
pub mod map;
pub mod metadata;
pub mod quotes;
pub mod read;
pub mod report;
pub mod slug;
pub mod speakers;
pub mod structure;
pub mod summary;
pub mod table;

// The runtime model, under the names the analysis modules use.
use orrery_core::{date, model, search};
