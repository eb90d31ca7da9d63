//! The Orrery app: a thin Leptos UI over what `orrery_core` computes from
//! the bundle. The corpus, its analysis, facets and search index are built
//! at build time (`cargo xtask bundle`) and embedded, with a large corpus's
//! texts in static shards beside the app; this crate renders them, fetches
//! shards and keeps the URL.

// Rendering the views to HTML natively (`prerender`) nests deeper types.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod data;
pub mod first_view;
pub mod markup;
pub mod nav;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod shards;
pub mod url;
