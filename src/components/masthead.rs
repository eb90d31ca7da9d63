//! The header: the name, the search field, the views and "Copy link".

use corpus::state::{State, View};
use leptos::html::Input;
use leptos::prelude::*;

use super::link::{absolute_url, copy_to_clipboard, StateLink};
use crate::data::corpus;
use crate::nav::Nav;

#[component]
pub fn Masthead(search_input: NodeRef<Input>) -> impl IntoView {
    let nav = Nav::get();
    let count = corpus().documents.len();
    let copied = RwSignal::new(false);
    let copy = move |_| copied.set(copy_to_clipboard(&absolute_url(&nav.state.get_untracked())));
    let initial_q = nav.state.get_untracked().q;
    view! {
        <header class="masthead">
            <div class="masthead-row">
                <StateLink to=State::default() class="brand" label="Orrery, all articles">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Orrery"
                </StateLink>
                <p class="tagline">{count} {if count == 1 { " article" } else { " articles" }} " · news corpus viewer"</p>
                <form class="search" role="search" on:submit=|e| e.prevent_default()>
                    <label for="search" class="visually-hidden">"Search"</label>
                    <input
                        id="search"
                        type="search"
                        node_ref=search_input
                        placeholder="Search articles and quotes"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=initial_q
                        on:input=move |e| nav.set_query(event_target_value(&e))
                    />
                </form>
                <button type="button" class="copy-link" on:click=copy>
                    {move || if copied.get() { "Link copied" } else { "Copy link" }}
                </button>
            </div>
            <nav class="views" aria-label="Views">
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        move || {
                            let state = nav.state.get();
                            let current = state.view == view && state.doc.is_none();
                            let to = nav.with(|s| {
                                s.view = view;
                                s.doc = None;
                                s.quote = None;
                            });
                            view! {
                                <StateLink to=to class="view-tab" current=current>
                                    {view.label()}
                                </StateLink>
                            }
                        }
                    })
                    .collect_view()}
            </nav>
        </header>
    }
}
