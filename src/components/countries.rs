//! The Countries view (`view=countries`): a world map shaded by how many
//! articles of the result set mention each country, and a table of those
//! countries. The map's shading applies every filter but the country facet's
//! own selection, which is outlined instead. Clicking or pressing Enter on a
//! country, or selecting a row, toggles it in the filter; a selected row shows
//! the sentences that mention the country.

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::kwic::mention_lines;
use orrery_core::shading::Classes;
use wasm_bindgen::JsCast;

use super::articles::{plural, reader_link, Paging, ResultBar, ShowMore};
use super::link::StateLink;
use super::marked::with_hits;
use crate::data::{corpus, facet_position, facets, filter, summary, world_map};
use crate::nav::Nav;
use crate::shards::{self, Loaded};

fn country_name(code: &str) -> String {
    corpus().country(code).map_or_else(|| code.to_owned(), |c| c.name.clone())
}

/// The country facet's value id of a code, if the corpus mentions it.
fn country_id(code: &str) -> Option<u32> {
    facets().get(facet_position("country"))?.find(code)
}

fn toggle_country(code: &str) {
    let nav = Nav::get();
    if let Some(v) = country_id(code) {
        nav.go(nav.with(|s| s.selection.toggle(facet_position("country"), v)));
    }
}

#[component]
pub fn Countries(results: Memo<Results>) -> impl IntoView {
    view! {
        <h1 class="visually-hidden">"Countries"</h1>
        // A large corpus fetches its map when this view first opens.
        {move || match world_map() {
            Loaded::Ready(map) => view! { <WorldMap map=map results=results /> }.into_any(),
            Loaded::Pending => view! { <p class="loading map" role="status">"Loading the map…"</p> }.into_any(),
            Loaded::Failed(e) => view! { <p class="load-error" role="alert">{format!("The map cannot be shown: {e}.")}</p> }.into_any(),
        }}
        <CountryTable results=results />
    }
}

const SVG: &str = "http://www.w3.org/2000/svg";

/// The `data-country` of an event's target, if it is an interactive country.
fn event_country(event: &web_sys::Event) -> Option<String> {
    let element: web_sys::Element = event.target()?.dyn_into().ok()?;
    element.get_attribute("role")?;
    element.get_attribute("data-country")
}

/// The map's shapes are built once with plain DOM calls and updated in place
/// by one effect, with one delegated listener per event: 175 countries as
/// Leptos views would cost far more wasm than the map data itself, and
/// updating in place keeps a focused country focused when it is toggled.
#[component]
fn WorldMap(map: &'static orrery_core::WorldMap, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let facet = facet_position("country");
    // Articles per country under every filter but the country facet, by
    // value id.
    let counts = Memo::new(move |_| results.with(|r| r.counts.get(facet).cloned().unwrap_or_default()));
    // Shading classes over the distinct counts (see `orrery_core::shading`).
    let classes = Memo::new(move |_| counts.with(|c| Classes::new(c)));
    let count_in = |counts: &[u32], id: Option<u32>| id.and_then(|v| counts.get(v as usize)).copied().unwrap_or(0);
    let hovered = RwSignal::new(None::<String>);
    let count_of = move |code: &str| counts.with_untracked(|c| count_in(c, country_id(code)));
    let label =
        move |code: &str| format!("{}: {}", country_name(code), plural(count_of(code) as usize, "article", "articles"));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();

    // Build the shapes once, then restyle them whenever the counts or the
    // selection change.
    type Shape = (String, Option<u32>, web_sys::Element);
    let elements: StoredValue<Vec<Shape>, LocalStorage> = StoredValue::new_local(Vec::new());
    // The map is drawn outside Leptos's views, so this effect keeps it in
    // step with the counts and the selection.
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let counts = counts.get();
        let classes = classes.get();
        let selection = nav.selection.get();
        if elements.with_value(Vec::is_empty) {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            let mut built = Vec::new();
            for shape in &map.shapes {
                if let Ok(path) = document.create_element_ns(Some(SVG), "path") {
                    let _ = path.set_attribute("d", &shape.path);
                    built.push((shape.code.clone(), path));
                }
            }
            for dot in &map.dots {
                if let Ok(circle) = document.create_element_ns(Some(SVG), "circle") {
                    let _ = circle.set_attribute("cx", &dot.x.to_string());
                    let _ = circle.set_attribute("cy", &dot.y.to_string());
                    let _ = circle.set_attribute("r", "5");
                    built.push((dot.code.clone(), circle));
                }
            }
            for (code, element) in &built {
                let _ = element.set_attribute("data-country", code);
                let _ = svg.append_child(element);
            }
            elements.set_value(
                built
                    .into_iter()
                    .map(|(code, element)| {
                        let id = country_id(&code);
                        (code, id, element)
                    })
                    .collect(),
            );
        }
        elements.with_value(|all| {
            for (code, id, element) in all {
                let n = count_in(&counts, *id);
                let is_dot = element.tag_name() == "circle";
                let class = format!(
                    "country c{}{}{}",
                    classes.of(n),
                    if id.is_some_and(|v| selection.is_picked(facet, v)) { " selected" } else { "" },
                    if is_dot { " dot" } else { "" }
                );
                let _ = element.set_attribute("class", &class);
                if n > 0 {
                    let _ = element.set_attribute("tabindex", "0");
                    let _ = element.set_attribute("role", "button");
                    let _ = element.set_attribute("aria-label", &label(code));
                    let _ = element.remove_attribute("aria-hidden");
                    let _ = element.remove_attribute("visibility");
                } else {
                    let _ = element.remove_attribute("tabindex");
                    let _ = element.remove_attribute("role");
                    let _ = element.remove_attribute("aria-label");
                    let _ = element.set_attribute("aria-hidden", "true");
                    if is_dot {
                        let _ = element.set_attribute("visibility", "hidden");
                    }
                }
            }
        });
    });

    let on_click = move |event: web_sys::MouseEvent| {
        if let Some(code) = event_country(&event) {
            toggle_country(&code);
        }
    };
    let on_key = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            if let Some(code) = event_country(&event) {
                event.prevent_default();
                toggle_country(&code);
            }
        }
    };
    let on_hover = move |event: web_sys::MouseEvent| hovered.set(event_country(&event));
    let on_focus = move |event: web_sys::FocusEvent| hovered.set(event_country(&event));
    let legend = move || {
        let steps = classes.with(Classes::legend);
        (!steps.is_empty()).then(|| {
            let steps: Vec<(u32, String)> = steps
                .into_iter()
                .map(|(b, low, high)| (b, if low == high { low.to_string() } else { format!("{low}–{high}") }))
                .collect();
            view! {
                <ul class="legend" aria-label="Articles per country, in five classes by rank">
                    <li class="legend-title">"Articles, by rank:"</li>
                    <li><span class="swatch c0" aria-hidden="true"></span>"0"</li>
                    {steps.into_iter().map(|(b, text)| view! {
                        <li><span class=format!("swatch c{b}") aria-hidden="true"></span>{text}</li>
                    }).collect_view()}
                    <li><span class="swatch outlined" aria-hidden="true"></span>"In the filter"</li>
                </ul>
            }
        })
    };
    view! {
        <figure class="map">
            <svg
                node_ref=svg_ref
                viewBox=format!("0 0 {} {}", map.width, map.height)
                role="group"
                aria-label="World map: articles per country. Select a country to filter by it."
                on:click=on_click
                on:keydown=on_key
                on:mouseover=on_hover
                on:focusin=on_focus
                on:mouseleave=move |_| hovered.set(None)
            ></svg>
            <figcaption>
                <p class="map-caption" aria-live="polite">
                    {move || match hovered.get() {
                        Some(code) => label(&code),
                        None => "Hover over or focus a country to see its articles; click or press Enter to filter.".to_owned(),
                    }}
                </p>
                {legend}
            </figcaption>
        </figure>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Articles,
    Mentions,
    Region,
}

/// One country of the table.
#[derive(Clone, PartialEq, Eq)]
struct Row {
    id: u32,
    code: String,
    name: String,
    articles: u32,
    mentions: u32,
    region: String,
}

#[component]
fn CountryTable(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let sort = RwSignal::new((Column::Articles, true));
    let grouped = RwSignal::new(false);
    let facet = facet_position("country");
    let rows = Memo::new(move |_| {
        let Some(countries) = filter().ready().and_then(|f| f.facets().get(facet)) else { return Vec::new() };
        let mut rows: Vec<Row> = results.with(|r| {
            countries
                .totals(&r.documents)
                .into_iter()
                .filter_map(|(id, articles, mentions)| {
                    let info = corpus().country(&countries.value(id)?.key)?;
                    let (code, name, region) = (info.code.clone(), info.name.clone(), info.region.clone());
                    Some(Row { id, code, name, articles, mentions, region })
                })
                .collect()
        });
        let (column, descending) = sort.get();
        let grouped = grouped.get();
        // Names break ties, so the order is total and an unstable sort (less
        // code in the wasm than a stable one) gives the same rows.
        rows.sort_unstable_by(|a, b| {
            let region = if grouped { a.region.cmp(&b.region) } else { core::cmp::Ordering::Equal };
            let order = match column {
                Column::Name => a.name.cmp(&b.name),
                Column::Articles => a.articles.cmp(&b.articles).then(a.mentions.cmp(&b.mentions)),
                Column::Mentions => a.mentions.cmp(&b.mentions).then(a.articles.cmp(&b.articles)),
                Column::Region => a.region.cmp(&b.region).then(b.articles.cmp(&a.articles)),
            };
            let order = if descending { order.reverse() } else { order };
            region.then(order).then_with(|| a.name.cmp(&b.name)).then_with(|| a.code.cmp(&b.code))
        });
        rows
    });
    // Rows carry their counts, which change with every filter, so they are
    // drawn afresh rather than keyed.
    let lines = move || {
        // Choosing a country need not change the results (one every article
        // mentions), so the rows follow the selection too.
        nav.selection.track();
        let grouped = grouped.get();
        let mut last_region = None;
        let mut lines = Vec::new();
        for row in rows.get() {
            if grouped && last_region.as_ref() != Some(&row.region) {
                last_region = Some(row.region.clone());
                let region = row.region.clone();
                lines.push(view! { <tr class="group"><th colspan="5" scope="rowgroup">{region}</th></tr> }.into_any());
            }
            lines.push(view! { <CountryRow row=row results=results /> }.into_any());
        }
        lines
    };
    let count = Signal::derive(move || rows.with(Vec::len));
    let header = move |column: Column, title: &'static str, numeric: bool| {
        let aria_sort = move || match sort.get() {
            (c, true) if c == column => "descending",
            (c, false) if c == column => "ascending",
            _ => "none",
        };
        view! {
            <th scope="col" class:num=numeric class:region=column == Column::Region aria-sort=aria_sort>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|(c, d)| {
                    if *c == column { *d = !*d } else { *c = column; *d = numeric }
                })>
                    {title}
                    <span aria-hidden="true">{move || match sort.get() {
                        (c, true) if c == column => " ↓",
                        (c, false) if c == column => " ↑",
                        _ => "",
                    }}</span>
                </button>
            </th>
        }
    };
    view! {
        <div class="table-tools">
            <ResultBar one="country" many="countries" count=count results=results no_sort=true />
            <label class="group-toggle">
                <input type="checkbox" prop:checked=move || grouped.get() on:change=move |_| grouped.update(|g| *g = !*g) />
                " Group by region"
            </label>
        </div>
        <table class="country-table">
            <caption class="visually-hidden">"Countries mentioned in the current articles. Select a country to filter by it and see the sentences that mention it."</caption>
            <thead>
                <tr>
                    {header(Column::Name, "Country", false)}
                    {header(Column::Articles, "Articles", true)}
                    {header(Column::Mentions, "Mentions", true)}
                    {header(Column::Region, "Region", false)}
                </tr>
            </thead>
            <tbody>
                {lines}
            </tbody>
        </table>
    }
}

/// A country's row, and under it, while it is in the filter, the sentences
/// that mention it. The table is drawn afresh whenever the results change,
/// and choosing a country always changes them, so a row reads the selection
/// once.
#[component]
fn CountryRow(row: Row, results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let facet = facet_position("country");
    let selected = nav.selection.with_untracked(|s| s.is_picked(facet, row.id));
    let to = nav.with(|s| s.selection.toggle(facet, row.id));
    let label = format!(
        "{}: {}{}",
        row.name,
        plural(row.articles as usize, "article", "articles"),
        if selected { ", in the filter" } else { "" }
    );
    let mentions = selected.then(|| {
        view! {
            <tr class="mentions-row">
                <td colspan="4"><MentionLines code=row.code.clone() results=results /></td>
            </tr>
        }
    });
    view! {
        <tr class:selected=selected data-country=row.code.clone()>
            <th scope="row"><StateLink to=to label=label>{row.name.clone()}</StateLink></th>
            <td class="num">{row.articles}</td>
            <td class="num">{row.mentions}</td>
            <td class="region">{row.region.clone()}</td>
        </tr>
        {mentions}
    }
}

/// The sentences of the result set that mention a country, each linked to
/// its article in the reader: a page of articles at a time, each filled in
/// when its text is there.
#[component]
fn MentionLines(code: String, results: Memo<Results>) -> impl IntoView {
    let facet = facet_position("country");
    let id = country_id(&code);
    let docs: Vec<u32> = results.with_untracked(|r| {
        let Some(countries) = filter().ready().and_then(|f| f.facets().get(facet)) else { return Vec::new() };
        r.documents.iter().copied().filter(|&d| id.is_some_and(|v| countries.of(d).contains(&v))).collect()
    });
    let total = docs.len();
    let paging = Paging::first_page();
    let label = format!("Sentences mentioning {}", country_name(&code));
    let lines = {
        let code = code.clone();
        move || docs.iter().take(paging.shown.get()).map(|&d| doc_lines(d, code.clone())).collect_view()
    };
    view! {
        <ul class="kwic-lines" aria-label=label>{lines}</ul>
        <ShowMore paging=paging total=Signal::derive(move || total) many="articles" />
    }
}

/// One article's lines about a country.
fn doc_lines(d: u32, code: String) -> impl IntoView {
    let title = move || summary(d).ready().map_or_else(|| format!("article {}", d + 1), |s| s.title.clone());
    let to = reader_link(d, None);
    move || match shards::document(d as usize) {
        Loaded::Ready(doc) => mention_lines(doc, &code, 10)
            .into_iter()
            .map(|line| {
                view! {
                    <li class="kwic" data-country=code.clone()>
                        <span class="kwic-text">"… " {with_hits(doc, line.window, &[line.mention])} " …"</span>
                        " "
                        <StateLink to=to class="kwic-source">{doc.title.clone()}</StateLink>
                    </li>
                }
            })
            .collect_view()
            .into_any(),
        Loaded::Pending => view! { <li class="kwic loading">"Loading " {title()} "…"</li> }.into_any(),
        Loaded::Failed(e) => view! { <li class="kwic load-error">{format!("{}: {e}", title())}</li> }.into_any(),
    }
}
