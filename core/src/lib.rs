//! Orrery's runtime core: the bundle's data model and everything the browser
//! computes from it — facet counts, the timeline and its date range, search,
//! the URL state, text marks, keyword-in-context and concordance lines, and
//! the CSV and JSON downloads.
//!
//! The key design choice: **all the work that can be done before a reader
//! arrives is done at build time** by the `corpus` crate, which analyses the
//! articles and fills these types. This crate only reads them. It has no
//! analysis dependency (no regex, no Aho-Corasick, no TOML, no encodings), it
//! compiles to `wasm32-unknown-unknown`, and every function in it is pure, so
//! it is tested natively in seconds.
//!
//! Facets are data, not code: a [`facet::Facet`] is a key, a label, its
//! values and each document's value ids, and one generic loop in
//! [`filter::Filter::run`] computes every facet's disjunctive counts. The URL
//! codec ([`state`]) and the app's sidebar and chips read the list of facets,
//! so a new facet is its extraction and one registration at build time.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod date;
pub mod export;
pub mod facet;
pub mod filter;
pub mod kwic;
pub mod marks;
pub mod model;
pub mod search;
pub mod shading;
pub mod state;
pub mod timeline;

pub use date::{Date, Precision};
pub use model::*;
