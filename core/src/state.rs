//! The viewer's state and its URL: one query string on one page, so deep
//! links work on any static server under any subpath.
//!
//! A state is two parts that change for different reasons: the
//! [`Selection`] (search, facet values, sort), which decides the results,
//! and the [`Location`] (view, article, quotation), which decides what of
//! them is on screen. The app keys its results on the selection alone, so
//! opening an article does not filter again.
//!
//! Parsing validates against the bundle and names every bad value;
//! serialising is canonical (defaults omitted, keys in a fixed order, facet
//! values sorted by key), so the two round-trip. Facet keys come from the
//! bundle's facet list: the codec knows no facet by name.

extern crate alloc;
use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::date::Date;
use crate::facet::Facet;
use crate::kwic::KwicSort;
use crate::model::Bundle;
use crate::timeline::DateRange;

/// Longest search text kept from a URL, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// A page of the viewer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum View {
    /// Article cards.
    #[default]
    Articles,
    /// The map and the country table.
    Countries,
    /// Every quotation of the results.
    Quotes,
    /// Every hit of the search, in context (a concordance).
    Contexts,
}

impl View {
    /// Every view, in the order the tabs show them.
    pub const ALL: [View; 4] = [View::Articles, View::Countries, View::Quotes, View::Contexts];

    /// The value of `view=` in the URL.
    pub fn key(self) -> &'static str {
        match self {
            View::Articles => "articles",
            View::Countries => "countries",
            View::Quotes => "quotes",
            View::Contexts => "contexts",
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            View::Articles => "Articles",
            View::Countries => "Countries",
            View::Quotes => "Quotes",
            View::Contexts => "Contexts",
        }
    }
}

/// What reading and writing a URL needs of the corpus. A [`Bundle`] has it
/// all; the app, with a large corpus, has it as parts arrive.
pub trait Catalog {
    /// The facets, whose values a URL names by key.
    fn facets(&self) -> &[Facet];
    /// Document `doc`'s slug, if known.
    fn slug(&self, doc: u32) -> Option<String>;
    /// The document with this slug.
    fn find(&self, slug: &str) -> Option<u32>;
    /// How many quotations document `doc` has, if known.
    fn quotes(&self, doc: u32) -> Option<usize>;
    /// The id of the value of facet `facet` whose key is `key`. A catalog
    /// whose facets are trimmed ([`Facet::trimmed`]) looks further for one
    /// they do not hold.
    fn find_value(&self, facet: usize, key: &str) -> Option<u32> {
        self.facets().get(facet)?.find(key)
    }
    /// Value `id` of facet `facet`, which a catalog whose facets are
    /// trimmed may know from elsewhere.
    fn value_of(&self, facet: usize, id: u32) -> Option<&crate::facet::FacetValue> {
        self.facets().get(facet)?.value(id)
    }
}

impl Catalog for Bundle {
    fn facets(&self) -> &[Facet] {
        self.filter.facets()
    }
    fn slug(&self, doc: u32) -> Option<String> {
        self.summary(doc).map(|d| d.slug.clone())
    }
    fn find(&self, slug: &str) -> Option<u32> {
        self.document_by_slug(slug)
    }
    fn quotes(&self, doc: u32) -> Option<usize> {
        // A document the bundle does not hold has none to point at.
        Some(self.summary(doc).map_or(0, |d| d.quotes.len()))
    }
}

/// How many values a facet lists before "Show all": a large corpus's first
/// view carries these, and the values of its first page.
pub const SHORT_LIST: usize = 8;

/// Cards or quotes rendered at a time: the DOM holds a page, not the
/// corpus, and a large corpus's first view carries one page of cards.
pub const PAGE: usize = 15;

/// The order of the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sort {
    /// By date, newest first; undated last.
    Newest,
    /// By date, oldest first; undated last.
    Oldest,
    /// By title.
    Title,
    /// By search score (only with a search).
    Relevance,
}

impl Sort {
    /// Every sort, in the order the menu lists them.
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Title];

    /// The value of `sort=` in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
            Sort::Relevance => "relevance",
        }
    }

    /// The menu's label.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Title => "Title",
            Sort::Relevance => "Relevance",
        }
    }

    /// The sort a URL value names.
    pub fn parse(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == text)
    }
}

/// What the reader chose: the search, the facet values and the order. The
/// results depend on this and nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Selection {
    /// The search text, as typed.
    pub q: String,
    /// Chosen `(facet, value)` pairs: facet indexes into the bundle's facet
    /// list, value ids into that facet. Sorted and unique.
    picks: Vec<(u32, u32)>,
    /// The order of the results.
    pub sort: Sort,
    /// The dates chosen on the timeline (`from` and `to`).
    pub range: DateRange,
}

impl Default for Selection {
    fn default() -> Self {
        Selection { q: String::new(), picks: Vec::new(), sort: Sort::Newest, range: DateRange::default() }
    }
}

impl Selection {
    /// Relevance when searching, newest first otherwise.
    pub fn default_sort(&self) -> Sort {
        if self.q.trim().is_empty() {
            Sort::Newest
        } else {
            Sort::Relevance
        }
    }

    /// Whether a search, a facet value or a date range narrows the results.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty() || !self.picks.is_empty() || self.range.is_set()
    }

    /// Whether the selection is a search alone, in its order of relevance:
    /// no facet value, no date range. The index answers it without the
    /// facets ([`crate::filter::search_only`]).
    pub fn is_plain_search(&self) -> bool {
        !self.q.trim().is_empty() && self.picks.is_empty() && !self.range.is_set() && self.sort == Sort::Relevance
    }

    /// Every chosen `(facet, value)`, sorted.
    pub fn picks(&self) -> &[(u32, u32)] {
        &self.picks
    }

    /// The chosen values of one facet, by id.
    pub fn picked(&self, facet: usize) -> impl Iterator<Item = u32> + '_ {
        self.picks.iter().filter(move |(f, _)| *f as usize == facet).map(|&(_, v)| v)
    }

    /// Whether a value is chosen.
    pub fn is_picked(&self, facet: usize, value: u32) -> bool {
        self.picks.binary_search(&(facet as u32, value)).is_ok()
    }

    /// Chooses a value, or unchooses it if it was chosen.
    pub fn toggle(&mut self, facet: usize, value: u32) {
        match self.picks.binary_search(&(facet as u32, value)) {
            Ok(i) => {
                self.picks.remove(i);
            }
            Err(i) => self.picks.insert(i, (facet as u32, value)),
        }
    }

    /// Chooses a value (no change if it is chosen).
    pub fn pick(&mut self, facet: usize, value: u32) {
        if let Err(i) = self.picks.binary_search(&(facet as u32, value)) {
            self.picks.insert(i, (facet as u32, value));
        }
    }

    /// Unchooses every value of one facet.
    pub fn clear(&mut self, facet: usize) {
        self.picks.retain(|(f, _)| *f as usize != facet);
    }

    /// Unchooses every value of every facet.
    pub fn clear_picks(&mut self) {
        self.picks.clear();
    }

    /// Sets the search text. The order follows relevance while searching,
    /// unless the reader chose another.
    pub fn set_query(&mut self, q: String) {
        let was_default = self.sort == self.default_sort();
        self.q = q;
        if was_default {
            self.sort = self.default_sort();
        }
        self.normalise();
    }

    /// Relevance without a search becomes the default order: the one form
    /// of each selection.
    pub fn normalise(&mut self) {
        if self.sort == Sort::Relevance && self.q.trim().is_empty() {
            self.sort = Sort::Newest;
        }
    }
}

/// Where the reader is among the results: the view, and an open article
/// with a highlighted quotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    /// The page, when no article is open.
    pub view: View,
    /// The open article's index in the corpus.
    pub doc: Option<u32>,
    /// 1-based number of a quotation within `doc`.
    pub quote: Option<u32>,
    /// 1-based number of a search hit within `doc`'s body.
    pub hit: Option<u32>,
    /// The order of the concordance's lines.
    pub kwic: KwicSort,
}

/// Everything a URL can say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct State {
    /// What decides the results.
    pub selection: Selection,
    /// What of them is on screen.
    pub location: Location,
}

/// Characters written as they are: the unreserved ones of RFC 3986.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

impl State {
    /// Drops a quotation or a hit without an article, a hit without a
    /// search, a concordance order outside the concordance and relevance
    /// without a search: the one form of each state.
    pub fn normalise(&mut self) {
        self.selection.normalise();
        let location = &mut self.location;
        if location.doc.is_none() {
            location.quote = None;
            location.hit = None;
        }
        if self.selection.q.trim().is_empty() {
            location.hit = None;
        }
        if location.view != View::Contexts {
            location.kwic = KwicSort::Document;
        }
    }

    /// The canonical query string, with a leading `?`, or empty for the
    /// default state. Facets come in the bundle's order, each one's values
    /// sorted by key.
    pub fn to_query(&self, bundle: &dyn Catalog) -> String {
        let (selection, location) = (&self.selection, &self.location);
        let mut out_pairs: Vec<(&str, Cow<str>)> = Vec::new();
        if !selection.q.is_empty() {
            out_pairs.push(("q", Cow::Borrowed(selection.q.as_str())));
        }
        for (f, facet) in bundle.facets().iter().enumerate() {
            let mut keys: Vec<&str> =
                selection.picked(f).filter_map(|v| bundle.value_of(f, v)).map(|v| v.key.as_str()).collect();
            keys.sort_unstable();
            out_pairs.extend(keys.into_iter().map(|k| (facet.key(), Cow::Borrowed(k))));
        }
        for (key, end) in [("from", selection.range.from()), ("to", selection.range.to())] {
            if let Some(date) = end {
                out_pairs.push((key, Cow::Owned(date.iso())));
            }
        }
        if location.view != View::Articles {
            out_pairs.push(("view", Cow::Borrowed(location.view.key())));
        }
        if location.kwic != KwicSort::Document {
            out_pairs.push(("kwic", Cow::Borrowed(location.kwic.key())));
        }
        if let Some(slug) = location.doc.and_then(|d| bundle.slug(d)) {
            out_pairs.push(("doc", Cow::Owned(slug)));
            if let Some(quote) = location.quote {
                out_pairs.push(("quote", Cow::Owned(quote.to_string())));
            }
            if let Some(hit) = location.hit {
                out_pairs.push(("hit", Cow::Owned(hit.to_string())));
            }
        }
        if selection.sort != selection.default_sort() {
            out_pairs.push(("sort", Cow::Borrowed(selection.sort.key())));
        }
        let mut out = String::new();
        for (i, (key, value)) in out_pairs.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            out.extend(utf8_percent_encode(value, QUERY_VALUE));
        }
        out
    }

    /// Parses a query string (with or without `?`) against the bundle. Bad
    /// values are left out and named in the returned notices; nothing panics.
    pub fn parse(query: &str, bundle: &dyn Catalog) -> (State, Vec<String>) {
        let mut state = State::default();
        let mut notices = Vec::new();
        let mut sort = None;
        let (mut from, mut to) = (None, None);
        let facets = bundle.facets();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in pairs(query) {
            let values = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key.as_str() {
                "q" => {
                    let mut q: String = value.chars().take(MAX_QUERY_CHARS).collect();
                    if q.len() < value.len() {
                        notices.push(format!("The search text was cut to {MAX_QUERY_CHARS} characters."));
                    }
                    if !state.selection.q.is_empty() {
                        q = format!("{} {q}", state.selection.q);
                    }
                    state.selection.q = q;
                }
                "view" => match View::ALL.into_iter().find(|v| v.key() == value) {
                    Some(v) => state.location.view = v,
                    None => notices.push(format!("Unknown view “{}” was ignored.", short(&value))),
                },
                "doc" => match bundle.find(&value) {
                    Some(d) => state.location.doc = Some(d),
                    None => notices.push(format!("No article “{}” in this corpus.", short(&value))),
                },
                "quote" => match value.parse::<u32>() {
                    Ok(n) if n >= 1 => state.location.quote = Some(n),
                    _ => notices.push(format!("Quote “{}” is not a quote number and was ignored.", short(&value))),
                },
                "from" | "to" => match Date::parse_iso(value.trim()) {
                    Some(date) => *(if key == "from" { &mut from } else { &mut to }) = Some(date),
                    None => notices.push(format!(
                        "“{key}” must be a year, a month or a day (2022, 2022-04 or 2022-04-19); “{}” was ignored.",
                        short(&value)
                    )),
                },
                "hit" => match value.parse::<u32>() {
                    Ok(n) if n >= 1 => state.location.hit = Some(n),
                    _ => notices.push(format!("Hit “{}” is not a hit number and was ignored.", short(&value))),
                },
                "kwic" => match KwicSort::parse(value.trim()) {
                    Some(k) => state.location.kwic = k,
                    None => notices.push(format!(
                        "Unknown concordance order “{}” was ignored (use 1L, 2L, 1R or 2R).",
                        short(&value)
                    )),
                },
                "sort" => match Sort::parse(&value) {
                    Some(s) => sort = Some(s),
                    None => notices.push(format!("Unknown sort “{}” was ignored.", short(&value))),
                },
                other => match facets.iter().position(|f| f.key() == other) {
                    Some(f) => {
                        for v in values() {
                            match bundle.find_value(f, v) {
                                Some(id) => state.selection.pick(f, id),
                                None => notices.push(format!(
                                    "{} “{}” is not in this corpus and was ignored.",
                                    facets[f].label(),
                                    short(v)
                                )),
                            }
                        }
                    }
                    None => notices.push(format!("Unknown parameter “{}” was ignored.", short(other))),
                },
            }
        }
        // A quote number must exist in its document (where that is known).
        let location = &mut state.location;
        if let (Some(n), Some(d)) = (location.quote, location.doc) {
            if bundle.quotes(d).is_some_and(|count| n as usize > count) {
                notices.push(format!("Quote {n} does not exist in this article and was ignored."));
                location.quote = None;
            }
        } else if location.quote.is_some() {
            notices.push("A quote number needs an article (doc) and was ignored.".into());
        }
        if location.hit.is_some() && (location.doc.is_none() || state.selection.q.trim().is_empty()) {
            notices.push("A hit number needs an article (doc) and a search (q) and was ignored.".into());
            location.hit = None;
        }
        if location.kwic != KwicSort::Document && location.view != View::Contexts {
            notices.push("A concordance order (kwic) needs view=contexts and was ignored.".into());
            location.kwic = KwicSort::Document;
        }
        let selection = &mut state.selection;
        match DateRange::new(from, to) {
            Some(range) => selection.range = range,
            None => notices.push("The date range ends before it starts and was ignored.".into()),
        }
        selection.sort = sort.unwrap_or_else(|| selection.default_sort());
        if selection.sort == Sort::Relevance && selection.q.trim().is_empty() {
            notices.push("Sorting by relevance needs a search; showing newest first.".into());
        }
        state.normalise();
        (state, notices)
    }
}

/// The decoded `key=value` pairs of a query string: `+` is a space, `%XX`
/// a byte, and bytes that are not UTF-8 become U+FFFD.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let decode = |text: &str| -> String {
        let spaced = text.replace('+', " ");
        percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
    };
    query.split('&').filter(|p| !p.is_empty()).map(move |pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key), decode(value))
    })
}

/// A bad value as shown in a notice: at most 40 characters.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
