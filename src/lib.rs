//! The Orrery app: a thin Leptos UI over what the `corpus` crate computes.
//! The corpus, its analysis and its search index are built at compile time
//! (`build.rs`) and embedded, with a large corpus's texts in static shards
//! beside the app; this crate renders them, fetches shards and keeps the URL.

pub mod app;
pub mod components;
pub mod data;
pub mod nav;
pub mod shards;
pub mod url;
