//! The top-level component.

use leptos::prelude::*;

use crate::data::corpus;

#[component]
pub fn App() -> impl IntoView {
    let documents = &corpus().documents;
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="masthead">
            <p class="brand">"Orrery"</p>
        </header>
        <main id="main" tabindex="-1">
            <h1>"Articles"</h1>
            <p class="count">{documents.len()} " articles"</p>
            {documents
                .iter()
                .map(|doc| {
                    view! {
                        <article class="card">
                            <h2>{doc.title.clone()}</h2>
                        </article>
                    }
                })
                .collect_view()}
        </main>
    }
}
