//! The first view as HTML, rendered natively at build time from the same
//! components the app mounts (`cargo xtask shards` writes it into
//! `index.html`). The first card then shows with the page itself, before the
//! app's code arrives; the app replaces it when it starts (`main.rs`).
//!
//! It is the app's view at its first instant, rendered once: no effect runs
//! (the executor below drops every task), nothing is fetched (a large
//! corpus's parts stay on their way), and there is no window (`url::window`
//! is `None`). Its text and attributes are escaped by Leptos's renderer.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;

use crate::app::App;

/// An executor that runs nothing: the first view is what renders before any
/// task does.
struct Inert;

impl CustomExecutor for Inert {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The first view of the corpus in `bundle` (a whole bundle, or a large
/// corpus's head), as the HTML of the page's body; or why the bundle
/// cannot be read.
pub fn first_view(bundle: &[u8]) -> Result<String, String> {
    // Set once per process; a second call finds it set, which is as good.
    let _ = Executor::init_custom_executor(Inert);
    crate::data::use_bundle(bundle)?;
    let owner = Owner::new();
    let html = owner.with(|| view! { <App /> }.to_html());
    owner.unset();
    Ok(html)
}
