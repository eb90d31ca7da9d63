//! The filter sidebar and the active-filter chips, for every facet the
//! bundle has: real checkboxes with live disjunctive counts, and chips that
//! remove themselves. Nothing here knows which facet it is drawing.
//!
//! Rows are keyed by value id, so a facet click updates counts in place and
//! keyboard focus survives; a row shows whenever its value is chosen, however
//! it was chosen (a card's chip, the map, the country table, the URL).

use leptos::prelude::*;
use orrery_core::filter::Results;

use crate::data::facets;
use crate::nav::Nav;

/// How many values a facet shows before "Show all".
const SHORT_LIST: usize = 8;

#[component]
pub fn FacetPanel(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    // On narrow screens the filters fold away behind a button; on wide ones
    // the button is hidden and the panel always shows.
    let open = RwSignal::new(false);
    let active = move || nav.selection.with(|s| s.picks().len() + usize::from(s.range.is_set()));
    view! {
        <button type="button" class="filters-toggle" aria-controls="filters" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || match active() {
                0 => "Filters".to_owned(),
                n => format!("Filters ({n} active)"),
            }}
        </button>
        <nav id="filters" class="facets" class:folded=move || !open.get() aria-label="Filters">
            <h2 class="panel-title">"Filter"</h2>
            // A facet with no values (no subfolders, no datelines) has nothing to offer.
            {(0..facets().len())
                .filter(|&facet| !facets()[facet].values().is_empty())
                .map(|facet| view! { <FacetGroup facet=facet results=results /> })
                .collect_view()}
        </nav>
    }
}

/// One facet: its first values by count, every chosen value, or all of them.
/// A row the reader toggled here stays, so unchecking it does not take it
/// (and the keyboard focus) away.
#[component]
fn FacetGroup(facet: usize, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let f = &facets()[facet];
    let total = f.values().len();
    let expanded = RwSignal::new(false);
    let kept = RwSignal::new(Vec::<u32>::new());
    let shown = move || {
        let all = expanded.get();
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
    view! {
        <fieldset class="facet" data-facet=f.key()>
            <legend>{f.label()}</legend>
            <ul>
                <For each=shown key=|v| *v let:value>
                    <FacetRow facet=facet value=value results=results kept=kept />
                </For>
            </ul>
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
    let label = facets()[facet].value(value).map(|v| v.label.clone()).unwrap_or_default();
    let count = move || results.with(|r| r.count(facet, value));
    let checked = move || nav.selection.with(|s| s.is_picked(facet, value));
    let empty = move || count() == 0 && !checked();
    view! {
        <li>
            <label class="facet-value">
                <input
                    type="checkbox"
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
    let label = f.value(value).map(|v| v.label.clone()).unwrap_or_default();
    view! {
        <button type="button" class="chip" data-facet=f.key() aria-label=format!("Remove {}: {label}", f.label())
            on:click=move |_| nav.go(nav.with(|s| s.selection.toggle(facet, value)))>
            <span class="chip-facet">{f.label()}": "</span>{label.clone()} " "
            <span aria-hidden="true">"×"</span>
        </button>
    }
}
