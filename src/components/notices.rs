//! Notices naming the URL values that were ignored, dismissible.

use leptos::prelude::*;

use crate::nav::Nav;

#[component]
pub fn Notices() -> impl IntoView {
    let nav = Nav::get();
    move || {
        let notices = nav.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notices" role="status">
                    <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" class="dismiss" on:click=move |_| nav.notices.set(Vec::new())>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
