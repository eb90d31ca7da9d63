//! The app's state store: the current [`State`], the notices about bad URL
//! values, and the ways to change them (each writing the URL as it should:
//! push for facets, views and documents; a debounced replace for typing).

use std::time::Duration;

use corpus::state::{Sort, State};
use leptos::prelude::*;

use crate::url;

/// Shared through Leptos context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<State>,
    pub notices: RwSignal<Vec<String>>,
    /// Counts keystrokes, so only the last one writes the URL.
    typing: RwSignal<u32>,
}

impl Nav {
    pub fn new(state: State, notices: Vec<String>) -> Nav {
        Nav { state: RwSignal::new(state), notices: RwSignal::new(notices), typing: RwSignal::new(0) }
    }

    pub fn get() -> Nav {
        expect_context::<Nav>()
    }

    /// Goes to a new state with a new history entry. Opening a document or
    /// another view starts at the top of the page; a facet toggled halfway
    /// down the filters leaves the page where it is.
    pub fn go(self, mut state: State) {
        state.normalise();
        let current = self.state.get_untracked();
        if state == current {
            return;
        }
        let new_page = state.doc != current.doc || state.view != current.view;
        url::push(&current, &state);
        self.state.set(state);
        if new_page {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    /// A state derived from the current one.
    pub fn with(self, change: impl FnOnce(&mut State)) -> State {
        let mut state = self.state.get_untracked();
        change(&mut state);
        state.normalise();
        state
    }

    /// Updates the search text at once and the URL after a pause, replacing
    /// the history entry so that typing does not flood Back. The sort follows
    /// relevance while searching unless the reader chose another.
    pub fn set_query(self, q: String) {
        self.state.update(|state| {
            let was_default = state.sort == state.default_sort();
            state.q = q;
            if was_default {
                state.sort = state.default_sort();
            }
            state.normalise();
        });
        let ticket = self.typing.get_untracked().wrapping_add(1);
        self.typing.set(ticket);
        set_timeout(
            move || {
                if self.typing.get_untracked() == ticket {
                    url::replace(&self.state.get_untracked());
                }
            },
            Duration::from_millis(300),
        );
    }

    /// The state for sorting by `sort`.
    pub fn sorted(self, sort: Sort) -> State {
        self.with(|s| s.sort = sort)
    }
}
