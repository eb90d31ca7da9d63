//! Orrery's browser app: a thin Leptos UI over the corpus bundled at compile time.

use orrery::app::App;

fn main() {
    // The page shows the first view's HTML until now (src/first_view.rs).
    let typed = orrery::first_view::take_over();
    leptos::mount::mount_to_body(App);
    orrery::first_view::restore(typed);
}
