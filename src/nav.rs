//! The app's state store: the current [`Selection`] and [`Location`] as two
//! signals (the results depend on the first alone), the notices about bad
//! URL values, and the ways to change them, each writing the URL as it
//! should: push for facets, views and documents; a debounced replace for
//! typing.

use std::time::Duration;

use leptos::prelude::*;
use orrery_core::state::{Location, Selection, Sort, State};

use crate::url;

/// Shared through Leptos context by [`crate::app::App`].
#[derive(Clone, Copy)]
pub struct Nav {
    /// What decides the results.
    pub selection: RwSignal<Selection>,
    /// What of them is on screen.
    pub location: RwSignal<Location>,
    /// Notices naming ignored URL values.
    pub notices: RwSignal<Vec<String>>,
    /// Counts keystrokes, so only the last one writes the URL.
    typing: RwSignal<u32>,
}

impl Nav {
    /// A store starting at `state`.
    pub fn new(state: State, notices: Vec<String>) -> Nav {
        Nav {
            selection: RwSignal::new(state.selection),
            location: RwSignal::new(state.location),
            notices: RwSignal::new(notices),
            typing: RwSignal::new(0),
        }
    }

    /// The store of the current app.
    pub fn get() -> Nav {
        expect_context::<Nav>()
    }

    /// The current state, untracked.
    pub fn state(self) -> State {
        State { selection: self.selection.get_untracked(), location: self.location.get_untracked() }
    }

    /// Sets the state, notifying only the parts that changed.
    pub fn set(self, state: State) {
        let State { selection, location } = state;
        self.selection.maybe_update(|s| replace_if_changed(s, selection));
        self.location.maybe_update(|l| replace_if_changed(l, location));
    }

    /// Goes to a new state with a new history entry. Opening a document or
    /// another view starts at the top of the page; a facet toggled halfway
    /// down the filters leaves the page where it is.
    pub fn go(self, mut state: State) {
        state.normalise();
        let current = self.state();
        if state == current {
            return;
        }
        let new_page = state.location.doc != current.location.doc || state.location.view != current.location.view;
        url::push(&current, &state);
        self.set(state);
        if new_page {
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    /// A state derived from the current one.
    pub fn with(self, change: impl FnOnce(&mut State)) -> State {
        let mut state = self.state();
        change(&mut state);
        state.normalise();
        state
    }

    /// Updates the search text at once and the URL after a pause, replacing
    /// the history entry so that typing does not flood Back. The sort follows
    /// relevance while searching unless the reader chose another.
    pub fn set_query(self, q: String) {
        self.selection.update(|selection| selection.set_query(q));
        let ticket = self.typing.get_untracked().wrapping_add(1);
        self.typing.set(ticket);
        set_timeout(
            move || {
                if self.typing.get_untracked() == ticket {
                    url::replace(&self.state());
                }
            },
            Duration::from_millis(300),
        );
    }

    /// The state for sorting by `sort`.
    pub fn sorted(self, sort: Sort) -> State {
        self.with(|s| s.selection.sort = sort)
    }
}

/// Replaces `slot` with `value` and says whether that changed it.
fn replace_if_changed<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}
