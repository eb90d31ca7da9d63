//! The filter sidebar and the active-filter chips, for every facet the
//! bundle has: real checkboxes with live disjunctive counts, and chips that
//! remove themselves. Nothing here knows which facet it is drawing.
//!
//! Rows are keyed by value id, so a facet click updates counts in place and
//! keyboard focus survives; a row shows whenever its value is chosen, however
//! it was chosen (a card's chip, the map, the country table, the URL).

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::state::SHORT_LIST;

use crate::data::{anticipate, facet as facet_here, facets, value as value_of, whole_facet};
use crate::nav::Nav;
use crate::shards::Loaded;

#[component]
pub fn FacetPanel(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    // On narrow screens the filters fold away behind a button; on wide ones
    // the button is hidden and the panel always shows.
    let open = RwSignal::new(false);
    let active = move || nav.selection.with(|s| s.picks().len() + usize::from(s.range.is_set()));
    view! {
        <button type="button" class="filters-toggle" aria-controls="filters" aria-expanded=move || open.get().to_string()
            on:click=move |_| {
                anticipate();
                open.update(|o| *o = !*o);
            }>
            {move || match active() {
                0 => "Filters".to_owned(),
                n => format!("Filters ({n} active)"),
            }}
        </button>
        <nav id="filters" class="facets" class:folded=move || !open.get() aria-label="Filters"
            on:pointerenter=|_| anticipate() on:focusin=|_| anticipate()>
            <h2 class="panel-title">"Filter"</h2>
            // A facet with no values (no subfolders, no datelines) has nothing to offer.
            {(0..facets().len())
                .filter(|&facet| !facets()[facet].is_empty())
                .map(|facet| view! { <FacetGroup facet=facet results=results /> })
                .collect_view()}
        </nav>
    }
}

/// One facet: its first values by count, every chosen value, or all of them.
/// A row the reader toggled here stays, so unchecking it does not take it
/// (and the keyboard focus) away. A large corpus's first view holds only
/// the first values of a large facet: "Show all" waits for the rest.
#[component]
fn FacetGroup(facet: usize, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let f = &facets()[facet];
    let total = f.len();
    let expanded = RwSignal::new(false);
    let kept = RwSignal::new(Vec::<u32>::new());
    // Every value once "Show all" asked for them and they are here.
    let all = move || expanded.get().then(|| whole_facet(facet));
    let shown = move || {
        let (all, here) = (all(), facet_here(facet).unwrap_or(f));
        let (all, f) = match all {
            Some(Loaded::Ready(whole)) => (true, whole),
            _ => (false, here),
        };
        kept.with(|kept| {
            nav.selection.with(|s| {
                f.order()
                    .iter()
                    .enumerate()
                    .filter(|&(i, &v)| all || i < SHORT_LIST || s.is_picked(facet, v) || kept.contains(&v))
                    .map(|(_, &v)| v)
                    .collect::<Vec<u32>>()
            })
        })
    };
    let status = move || match all() {
        Some(Loaded::Pending) => {
            Some(view! { <p class="loading" role="status">{format!("Loading all {total}…")}</p> }.into_any())
        }
        Some(Loaded::Failed(e)) => Some(
            view! { <p class="load-error" role="alert">{format!("The other values cannot be shown: {e}.")}</p> }
                .into_any(),
        ),
        _ => None,
    };
    view! {
        <fieldset class="facet" data-facet=f.key()>
            <legend>{f.label()}</legend>
            <ul>
                <For each=shown key=|v| *v let:value>
                    <FacetRow facet=facet value=value results=results kept=kept />
                </For>
            </ul>
            {status}
            {(total > SHORT_LIST).then(|| view! {
                <button type="button" class="show-all" aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "Show fewer".to_owned() } else { format!("Show all {total}") }}
                </button>
            })}
        </fieldset>
    }
}

#[component]
fn FacetRow(facet: usize, value: u32, results: Memo<Results>, kept: RwSignal<Vec<u32>>) -> impl IntoView {
    let nav = Nav::get();
    let (key, label) = value_of(facet, value).map(|v| (v.key.clone(), v.label.clone())).unwrap_or_default();
    let count = move || results.with(|r| r.count(facet, value));
    let checked = move || nav.selection.with(|s| s.is_picked(facet, value));
    let empty = move || count() == 0 && !checked();
    view! {
        <li>
            <label class="facet-value">
                // The value's key: a box ticked in the first view's HTML,
                // before the app started, is carried over by it.
                <input
                    type="checkbox"
                    value=key
                    prop:checked=checked
                    disabled=empty
                    on:change=move |_| {
                        if !kept.with_untracked(|k| k.contains(&value)) {
                            kept.update(|k| k.push(value));
                        }
                        nav.go(nav.with(|s| s.selection.toggle(facet, value)))
                    }
                />
                <span class="facet-name">{label}</span>
                " "
                <span class="facet-count">{count}</span>
            </label>
        </li>
    }
}

/// The active filters as chips that remove themselves, and "Clear all".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let nav = Nav::get();
    move || {
        let (q, picks, range) = nav.selection.with(|s| (s.q.trim().to_owned(), s.picks().to_vec(), s.range));
        (!picks.is_empty() || !q.is_empty() || range.is_set()).then(|| {
            let search = (!q.is_empty()).then(|| {
                view! {
                    <button type="button" class="chip" aria-label=format!("Remove search {q}")
                        on:click=move |_| nav.go(nav.with(|s| s.selection.q.clear()))>
                        <span class="chip-facet">"Search: "</span>{q.clone()} " " <span aria-hidden="true">"×"</span>
                    </button>
                }
            });
            view! {
                <div class="active-filters" aria-label="Active filters" role="group">
                    {search}
                    {picks.into_iter().map(|(facet, value)| chip(facet as usize, value)).collect_view()}
                    {range.is_set().then(|| {
                        let label = range.label();
                        view! {
                            <button type="button" class="chip" data-facet="dates" aria-label=format!("Remove dates: {label}")
                                on:click=move |_| nav.go(nav.with(|s| s.selection.range = Default::default()))>
                                <span class="chip-facet">"Dates: "</span>{label.clone()} " "
                                <span aria-hidden="true">"×"</span>
                            </button>
                        }
                    })}
                    <button type="button" class="clear-all" on:click=move |_| {
                        nav.go(nav.with(|s| {
                            s.selection.q.clear();
                            s.selection.clear_picks();
                            s.selection.range = Default::default();
                        }))
                    }>"Clear all"</button>
                </div>
            }
        })
    }
}

fn chip(facet: usize, value: u32) -> impl IntoView {
    let nav = Nav::get();
    let f = &facets()[facet];
    let label = value_of(facet, value).map(|v| v.label.clone()).unwrap_or_default();
    view! {
        <button type="button" class="chip" data-facet=f.key() aria-label=format!("Remove {}: {label}", f.label())
            on:click=move |_| nav.go(nav.with(|s| s.selection.toggle(facet, value)))>
            <span class="chip-facet">{f.label()}": "</span>{label.clone()} " "
            <span aria-hidden="true">"×"</span>
        </button>
    }
}
