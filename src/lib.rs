//! The Orrery app: a thin Leptos UI over what the `corpus` crate computes.
//! The corpus, its analysis and its search index are built at compile time
//! (`build.rs`) and embedded; this crate only renders them and keeps the URL.

pub mod app;
pub mod components;
pub mod data;
pub mod nav;
pub mod shards;
pub mod url;
