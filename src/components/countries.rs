//! The Countries view: the countries of the current result set, with how many
//! articles and mentions each has. Selecting a row toggles its filter.

use std::collections::BTreeMap;

use corpus::filter::Results;
use corpus::state::State;
use leptos::prelude::*;

use super::articles::{plural, ResultBar};
use super::link::StateLink;
use crate::data::corpus;
use crate::nav::Nav;

#[component]
pub fn Countries(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    // (code, articles, mentions) over the result set, most articles first.
    let rows = Memo::new(move |_| {
        let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        results.with(|r| {
            for &d in &r.documents {
                for c in &corpus().documents[d as usize].countries {
                    let entry = counts.entry(c.code.clone()).or_default();
                    entry.0 += 1;
                    entry.1 += c.mentions;
                }
            }
        });
        let mut rows: Vec<(String, u32, u32)> = counts.into_iter().map(|(c, (a, m))| (c, a, m)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        rows
    });
    let count = Signal::derive(move || rows.with(Vec::len));
    view! {
        <h1 class="visually-hidden">"Countries"</h1>
        <ResultBar results=results one="country" many="countries" count=count />
        <table class="country-table">
            <caption class="visually-hidden">"Countries mentioned in the current articles"</caption>
            <thead>
                <tr>
                    <th scope="col">"Country"</th>
                    <th scope="col" class="num">"Articles"</th>
                    <th scope="col" class="num">"Mentions"</th>
                    <th scope="col" class="region">"Region"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    rows.get()
                        .into_iter()
                        .filter_map(|(code, articles, mentions)| {
                            let info = corpus().country(&code)?;
                            let selected = nav.state.with(|s| s.countries.contains(&code));
                            let to = nav.with(|s| State::toggle(&mut s.countries, code.clone()));
                            let label = format!(
                                "{}: {}{}",
                                info.name,
                                plural(articles as usize, "article", "articles"),
                                if selected { ", selected" } else { "" }
                            );
                            Some(view! {
                                <tr class:selected=selected data-country=code.clone()>
                                    <th scope="row">
                                        <StateLink to=to label=label>
                                            <span aria-hidden="true">{info.flag()}" "</span>{info.name.clone()}
                                        </StateLink>
                                    </th>
                                    <td class="num">{articles}</td>
                                    <td class="num">{mentions}</td>
                                    <td class="region">{info.subregion.clone()}</td>
                                </tr>
                            })
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}
