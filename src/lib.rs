//! The Orrery app as a library, so that the wasm tests can mount its components.

pub mod app;
pub mod data;
