//! Orrery's browser app: a thin Leptos UI over the corpus bundled at compile time.

use orrery::app::App;

fn main() {
    // A sharded corpus's app starts from the head its page preloads;
    // without it, the page keeps its first view and says why.
    #[cfg(orrery_sharded)]
    wasm_bindgen_futures::spawn_local(async {
        match orrery::data::fetch_head().await {
            Ok(()) => start(),
            Err(error) => orrery::first_view::cannot_start(&error),
        }
    });
    #[cfg(not(orrery_sharded))]
    start();
}

/// Mounts the app. The page shows the first view's HTML until now
/// (src/first_view.rs).
fn start() {
    let typed = orrery::first_view::take_over();
    leptos::mount::mount_to_body(App);
    orrery::first_view::restore(typed);
}
