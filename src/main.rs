//! Orrery's browser app: a thin Leptos UI over the corpus bundled at compile time.

use orrery::app::App;

fn main() {
    leptos::mount::mount_to_body(App);
}
