//! The Contexts view (`view=contexts`): every hit of the search in the
//! result set, one line each with words either side (a concordance, as
//! AntConc and Voyant show it), sortable by the words next to the hit.
//!
//! The total comes from the search index (term frequencies and positions),
//! so it is exact before any text arrives; the lines come from the texts,
//! which a sharded corpus fetches for the lines on show (all of them to
//! sort by a neighbouring word).

use leptos::prelude::*;
use orrery_core::filter::Results;
use orrery_core::kwic::{hit_lines, sort_lines, HitLine, KwicSort, CONTEXT_WORDS};
use orrery_core::search::{head_words, SearchQuery};
use orrery_core::state::State;
use orrery_core::Document;

use super::articles::{date_label, plural, Paging, ShowMore};
use super::link::StateLink;
use crate::data::{fold, index, summary};
use crate::nav::Nav;
use crate::shards::{self, Loaded, LoadedPositions};

/// Lines a page holds.
const LINES_PAGE: usize = 25;

/// A row of the table: a line, or a document whose lines are on their way.
#[derive(Clone)]
enum Row {
    Line(u32, &'static Document, HitLine),
    Loading(u32),
    Failed(u32, String),
}

/// Rows are equal when they show the same thing (a document by its index).
impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        match (self, other) {
            (Row::Line(a, _, x), Row::Line(b, _, y)) => a == b && x == y,
            (Row::Loading(a), Row::Loading(b)) => a == b,
            (Row::Failed(a, x), Row::Failed(b, y)) => a == b && x == y,
            _ => false,
        }
    }
}

/// The rows on show: the first `shown` lines in the chosen order.
/// With a status while a sort waits for texts.
fn rows(counts: &[(u32, u32)], query: &SearchQuery, sort: KwicSort, shown: usize) -> (Vec<Row>, Option<String>) {
    let lines_of = |doc: &Document| hit_lines(fold(), doc, query, CONTEXT_WORDS);
    let mut out = Vec::new();
    if sort == KwicSort::Document {
        let mut left = shown;
        for &(d, n) in counts {
            if left == 0 {
                break;
            }
            match shards::document(d as usize) {
                Loaded::Ready(doc) => {
                    out.extend(lines_of(doc).into_iter().take(left).map(|l| Row::Line(d, doc, l)));
                }
                Loaded::Pending => out.push(Row::Loading(d)),
                Loaded::Failed(e) => out.push(Row::Failed(d, e)),
            }
            left = left.saturating_sub(n as usize);
        }
        return (out, None);
    }
    // A sort by a neighbouring word needs every line.
    let mut all: Vec<(u32, HitLine)> = Vec::new();
    let mut documents: Vec<&'static Document> = Vec::new();
    let mut waiting = 0;
    for (k, &(d, _)) in counts.iter().enumerate() {
        match shards::document(d as usize) {
            Loaded::Ready(doc) => {
                documents.push(doc);
                all.extend(lines_of(doc).into_iter().map(|l| (k as u32, l)));
            }
            Loaded::Pending => waiting += 1,
            Loaded::Failed(e) => return (vec![Row::Failed(d, e)], None),
        }
    }
    if waiting > 0 {
        let ready = counts.len() - waiting;
        let status = format!("Loading the articles to sort their lines: {ready} of {} loaded…", counts.len());
        return (Vec::new(), Some(status));
    }
    sort_lines(&mut all, sort);
    let rows = all.into_iter().take(shown).map(|(k, l)| Row::Line(counts[k as usize].0, documents[k as usize], l));
    (rows.collect(), None)
}

#[component]
pub fn Contexts(results: Memo<Results>) -> impl IntoView {
    let nav = Nav::get();
    let searching = Memo::new(move |_| results.with(|r| !r.query.is_empty()));
    // Lines per document with any, in the results' order, from the index
    // less the title's and deck's words (from the summaries, which a large
    // corpus fetches in chunks: until all are here, how many are).
    let tally = Memo::new(move |_| {
        let Some(index) = index().ready() else { return (Vec::new(), 0) };
        let mut waiting = 0;
        let counts = results.with(|r| {
            r.documents
                .iter()
                .filter_map(|&d| {
                    let Loaded::Ready(summary) = summary(d) else {
                        waiting += 1;
                        return None;
                    };
                    let n = index.body_hits(&LoadedPositions, &r.query, d, &head_words(fold(), summary))?;
                    (n > 0).then_some((d, n))
                })
                .collect::<Vec<(u32, u32)>>()
        });
        (counts, waiting)
    });
    let counts = Memo::new(move |_| tally.with(|t| t.0.clone()));
    let counting = Memo::new(move |_| tally.with(|t| t.1));
    let total = Signal::derive(move || counts.with(|c| c.iter().map(|&(_, n)| n as usize).sum::<usize>()));
    let sort = Memo::new(move |_| nav.location.with(|l| l.kwic));
    let paging = Paging::of(LINES_PAGE);
    let shown = Memo::new(move |_| {
        let n = paging.shown.get();
        results.with(|r| counts.with(|c| rows(c, &r.query, sort.get(), n)))
    });
    let status = move || {
        if results.with(|r| !r.missing.is_empty()) {
            return "Searching…".to_owned();
        }
        let waiting = counting.get();
        if waiting > 0 {
            return format!("Counting the lines: {waiting} articles still loading…");
        }
        let articles = counts.with(Vec::len);
        format!("{} in {}", plural(total.get(), "line", "lines"), plural(articles, "article", "articles"))
    };
    let choose = move |e: leptos::ev::Event| {
        let key = event_target_value(&e);
        let kwic = KwicSort::parse(&key).unwrap_or_default();
        nav.go(nav.with(|s| s.location.kwic = kwic));
    };
    let guide = || {
        view! {
            <div class="contexts-guide">
                <p>"Contexts lists every place the search words occur in the results, one line each, with six words either side."</p>
                <p>"Type a word or a \"quoted phrase\" in the search box above to see its lines."</p>
            </div>
        }
    };
    view! {
        <h1 class="visually-hidden">"Contexts"</h1>
        {move || if !searching.get() {
            guide().into_any()
        } else {
            view! {
                <div class="result-bar">
                    <p class="result-count" role="status" aria-live="polite">{status}</p>
                    <label class="sort">
                        "Sort lines by "
                        <select on:change=choose>
                            {move || {
                                let current = sort.get();
                                KwicSort::ALL
                                    .into_iter()
                                    .map(|k| view! { <option value=k.key() selected=current == k>{k.label()}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                </div>
                {move || shown.with(|(_, s)| s.clone()).map(|s| view! { <p class="loading" role="status">{s}</p> })}
                <table class="kwic">
                    <caption class="visually-hidden">"Every hit of the search with its context"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="kwic-doc">"Article"</th>
                            <th scope="col" class="kwic-left">"Left context"</th>
                            <th scope="col" class="kwic-hit">"Hit"</th>
                            <th scope="col" class="kwic-right">"Right context"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || shown.with(|(rows, _)| rows.iter().map(row).collect_view())}
                    </tbody>
                </table>
                <ShowMore paging=paging total=total many="lines" />
            }
            .into_any()
        }}
    }
}

/// The reader at hit `number` of document `doc`, keeping the selection.
fn reader_at(doc: u32, number: u32) -> State {
    Nav::get().with(|s| {
        s.location.doc = Some(doc);
        s.location.quote = None;
        s.location.hit = Some(number);
    })
}

fn row(row: &Row) -> AnyView {
    let title = |d: u32| summary(d).ready().map_or_else(|| format!("article {}", d + 1), |s| s.title.clone());
    match row {
        Row::Line(d, doc, line) => {
            let (d, doc) = (*d, *doc);
            let (left, hit, right) = (doc.slice(line.left).to_owned(), doc.slice(line.hit).to_owned(), doc.slice(line.right).to_owned());
            let label = format!("{} · {}", doc.title, date_label(doc));
            view! {
                <tr>
                    <td class="kwic-doc" title=label.clone()>{doc.title.clone()}</td>
                    <td class="kwic-left"><span>{left}</span></td>
                    <td class="kwic-hit"><StateLink to=reader_at(d, line.number)><mark>{hit}</mark></StateLink></td>
                    <td class="kwic-right"><span>{right}</span></td>
                </tr>
            }
            .into_any()
        }
        Row::Loading(d) => view! {
            <tr class="kwic-pending"><td colspan="4" class="loading">{format!("Loading the lines of “{}”…", title(*d))}</td></tr>
        }
        .into_any(),
        Row::Failed(d, e) => view! {
            <tr><td colspan="4" class="load-error">{format!("The lines of “{}” are missing: {e}.", title(*d))}</td></tr>
        }
        .into_any(),
    }
}
