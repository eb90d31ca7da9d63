//! The header: the name, the search field, the views and "Copy link".

use leptos::prelude::*;
use orrery_core::state::{State, View};

use super::link::{absolute_url, copy_link, StateLink};
use crate::data::total;
use crate::nav::Nav;

#[component]
pub fn Masthead() -> impl IntoView {
    let nav = Nav::get();
    let count = total();
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
                    // The field shows the selection's search, whether typed,
                    // cleared by a chip or restored by Back.
                    <input
                        id="search"
                        type="search"
                        placeholder="Search articles and quotes"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || nav.selection.with(|s| s.q.clone())
                        on:input=move |e| nav.set_query(event_target_value(&e))
                    />
                </form>
                {copy_link(move || absolute_url(&nav.state()), None, "copy-link")}
            </div>
            <nav class="views" aria-label="Views">
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        move || {
                            let current = nav.location.with(|l| l.view == view && l.doc.is_none());
                            // The link keeps the selection, so it follows it.
                            nav.selection.track();
                            let to = nav.with(|s| {
                                s.location.view = view;
                                s.location.doc = None;
                                s.location.quote = None;
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
