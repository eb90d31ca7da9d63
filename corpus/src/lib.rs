//! Orrery's core: the document model, the compile-time analysis that fills it,
//! and the filtering and search logic the viewer runs.
//!
//! The crate has no web dependencies. With the default `analysis` feature it
//! reads and analyses a folder of articles (used by the app's `build.rs` and by
//! the `corpus` report binary). Without it, only the model and the query-time
//! logic are compiled, which is what the wasm app links.

#![forbid(unsafe_code)]

pub mod date;
pub mod filter;
pub mod kwic;
pub mod marks;
pub mod model;
pub mod search;
pub mod state;

#[cfg(feature = "analysis")]
pub mod analyse;
#[cfg(feature = "analysis")]
pub mod countries;
#[cfg(feature = "analysis")]
pub mod dates;
#[cfg(feature = "analysis")]
pub mod gazetteer;
#[cfg(feature = "analysis")]
pub mod geo;
#[cfg(feature = "analysis")]
pub mod quotes;
#[cfg(feature = "analysis")]
pub mod speakers;
#[cfg(feature = "analysis")]
pub mod structure;
#[cfg(feature = "analysis")]
pub mod synth;
#[cfg(feature = "analysis")]
pub mod fold;
#[cfg(feature = "analysis")]
pub mod metadata;
#[cfg(feature = "analysis")]
pub mod read;
#[cfg(feature = "analysis")]
pub mod report;
#[cfg(feature = "analysis")]
pub mod slug;

pub use date::{Date, Precision};
pub use model::*;
