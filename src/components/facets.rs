//! The filter sidebar: Country, Year, Source and Speaker as real checkboxes
//! with live disjunctive counts, and the active filters as removable chips.
//! Rows are rendered once and update in place, so keyboard focus survives.

use corpus::filter::{FacetValue, Facets, Results};
use corpus::state::{State, Year};
use leptos::prelude::*;

use crate::nav::Nav;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Country,
    Year,
    Source,
    Speaker,
}

impl Facet {
    fn title(self) -> &'static str {
        match self {
            Facet::Country => "Country",
            Facet::Year => "Year",
            Facet::Source => "Source",
            Facet::Speaker => "Speaker",
        }
    }
    fn values(self, facets: &Facets) -> &[FacetValue] {
        match self {
            Facet::Country => &facets.countries,
            Facet::Year => &facets.years,
            Facet::Source => &facets.sources,
            Facet::Speaker => &facets.speakers,
        }
    }
}

/// Toggles a facet value in a state.
pub fn toggled(state: &mut State, facet: Facet, key: &str) {
    match facet {
        Facet::Country => State::toggle(&mut state.countries, key.to_owned()),
        Facet::Source => State::toggle(&mut state.sources, key.to_owned()),
        Facet::Speaker => State::toggle(&mut state.speakers, key.to_owned()),
        Facet::Year => {
            let year = if key == "undated" { Some(Year::Undated) } else { key.parse().ok().map(Year::Year) };
            if let Some(year) = year {
                State::toggle(&mut state.years, year);
            }
        }
    }
}

/// How many values a facet shows before "Show all".
const SHORT_LIST: usize = 8;

#[component]
pub fn FacetGroup(facet: Facet, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let values: Vec<FacetValue> = results.with_untracked(|r| facet.values(&r.facets).to_vec());
    let total = values.len();
    let expanded = RwSignal::new(false);
    let value = move |key: &str| {
        results.with(|r| facet.values(&r.facets).iter().find(|v| v.key == key).cloned())
    };
    // Only the rows on show are in the DOM: the first few, the selected ones,
    // or all of them once expanded. Rows update in place as counts change.
    let row = move |v: &FacetValue| {
        let key = v.key.clone();
        let key_checked = key.clone();
        let key_disabled = key.clone();
        let key_count = key.clone();
        let key_toggle = key.clone();
        view! {
            <li>
                <label class="facet-value" class:empty=move || value(&key_disabled).is_some_and(|v| v.count == 0 && !v.selected)>
                    <input
                        type="checkbox"
                        prop:checked=move || value(&key_checked).is_some_and(|v| v.selected)
                        disabled=move || value(&key).is_some_and(|v| v.count == 0 && !v.selected)
                        on:change=move |_| nav.go(nav.with(|s| toggled(s, facet, &key_toggle)))
                    />
                    <span class="facet-name">{v.label.clone()}</span>
                    " "
                    <span class="facet-count">{move || value(&key_count).map_or(0, |v| v.count)}</span>
                </label>
            </li>
        }
    };
    let rows = move || {
        let all = expanded.get();
        let selected: Vec<String> =
            results.with_untracked(|r| facet.values(&r.facets).iter().filter(|v| v.selected).map(|v| v.key.clone()).collect());
        values
            .iter()
            .enumerate()
            .filter(|(i, v)| all || *i < SHORT_LIST || selected.contains(&v.key))
            .map(|(_, v)| row(v))
            .collect_view()
    };
    view! {
        <fieldset class="facet">
            <legend>{facet.title()}</legend>
            <ul>{rows}</ul>
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
pub fn FacetPanel(results: Memo<Results>) -> impl IntoView {
    // On narrow screens the filters fold away behind a button; on wide ones
    // the button is hidden and the panel always shows.
    let open = RwSignal::new(false);
    let active = move || results.with(|r| {
        [Facet::Country, Facet::Year, Facet::Source, Facet::Speaker]
            .iter()
            .map(|f| f.values(&r.facets).iter().filter(|v| v.selected).count())
            .sum::<usize>()
    });
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
            <FacetGroup facet=Facet::Country results=results />
            <FacetGroup facet=Facet::Year results=results />
            <FacetGroup facet=Facet::Source results=results />
            <FacetGroup facet=Facet::Speaker results=results />
        </nav>
    }
}

/// The active filters as chips that remove themselves, and "Clear all".
#[component]
pub fn ActiveFilters(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    move || {
        let chips: Vec<(Facet, FacetValue)> = results.with(|r| {
            [Facet::Country, Facet::Year, Facet::Source, Facet::Speaker]
                .into_iter()
                .flat_map(|f| f.values(&r.facets).iter().filter(|v| v.selected).cloned().map(move |v| (f, v)))
                .collect()
        });
        let q = nav.state.with(|s| s.q.clone());
        (!chips.is_empty() || !q.trim().is_empty()).then(|| {
            view! {
                <div class="active-filters" aria-label="Active filters" role="group">
                    {(!q.trim().is_empty()).then(|| {
                        let q2 = q.clone();
                        view! {
                            <button type="button" class="chip" aria-label=format!("Remove search {q2}")
                                on:click=move |_| { clear_search(); nav.go(nav.with(|s| s.q.clear())) }>
                                <span class="chip-facet">"Search: "</span>{q} " " <span aria-hidden="true">"×"</span>
                            </button>
                        }
                    })}
                    {chips.into_iter().map(|(facet, v)| {
                        let key = v.key.clone();
                        view! {
                            <button type="button" class="chip" aria-label=format!("Remove {}: {}", facet.title(), v.label)
                                on:click=move |_| nav.go(nav.with(|s| toggled(s, facet, &key)))>
                                <span class="chip-facet">{facet.title()}": "</span>{v.label.clone()} " "
                                <span aria-hidden="true">"×"</span>
                            </button>
                        }
                    }).collect_view()}
                    <button type="button" class="clear-all" on:click=move |_| {
                        clear_search();
                        nav.go(nav.with(|s| {
                            s.q.clear();
                            s.countries.clear();
                            s.years.clear();
                            s.sources.clear();
                            s.speakers.clear();
                        }))
                    }>"Clear all"</button>
                </div>
            }
        })
    }
}

/// Empties the search field when the search is removed by a button.
fn clear_search() {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("search"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok());
    if let Some(input) = input {
        input.set_value("");
    }
}
