//! The viewer's state and its URL: one query string on one page, so deep
//! links work on any static server under any subpath. Parsing validates
//! against the corpus and names every bad value; serialising is canonical
//! (defaults omitted, keys in a fixed order), so the two round-trip.

extern crate alloc;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::model::Corpus;

/// Longest search text kept from a URL, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum View {
    #[default]
    Articles,
    Countries,
    Quotes,
}

impl View {
    pub const ALL: [View; 3] = [View::Articles, View::Countries, View::Quotes];
    pub fn key(self) -> &'static str {
        match self {
            View::Articles => "articles",
            View::Countries => "countries",
            View::Quotes => "quotes",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            View::Articles => "Articles",
            View::Countries => "Countries",
            View::Quotes => "Quotes",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sort {
    Newest,
    Oldest,
    Title,
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Title];
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
            Sort::Relevance => "relevance",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Title => "Title",
            Sort::Relevance => "Relevance",
        }
    }
    fn parse(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == text)
    }
}

/// A value of the Year facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Year {
    Year(u16),
    Undated,
}

impl Year {
    pub fn key(self) -> String {
        match self {
            Year::Year(y) => y.to_string(),
            Year::Undated => "undated".into(),
        }
    }
    pub fn label(self) -> String {
        match self {
            Year::Year(y) => y.to_string(),
            Year::Undated => "Undated".into(),
        }
    }
}

/// Everything a URL can say.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State {
    pub q: String,
    /// ISO alpha-2 codes in upper case, sorted, unique.
    pub countries: Vec<String>,
    /// Sorted, unique.
    pub years: Vec<Year>,
    /// Source slugs, sorted, unique.
    pub sources: Vec<String>,
    /// Speaker slugs, sorted, unique.
    pub speakers: Vec<String>,
    pub view: View,
    pub doc: Option<String>,
    /// 1-based number of a quotation within `doc`.
    pub quote: Option<u32>,
    pub sort: Sort,
}

impl Default for State {
    fn default() -> Self {
        State {
            q: String::new(),
            countries: Vec::new(),
            years: Vec::new(),
            sources: Vec::new(),
            speakers: Vec::new(),
            view: View::Articles,
            doc: None,
            quote: None,
            sort: Sort::Newest,
        }
    }
}

impl State {
    /// Relevance when searching, newest first otherwise.
    pub fn default_sort(&self) -> Sort {
        if self.q.trim().is_empty() { Sort::Newest } else { Sort::Relevance }
    }

    /// Whether any facet or search narrows the result set.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.countries.is_empty()
            || !self.years.is_empty()
            || !self.sources.is_empty()
            || !self.speakers.is_empty()
    }

    /// Sorts and deduplicates the repeatable values and drops a quote without
    /// a document and relevance without a search: the one form of each state.
    pub fn normalise(&mut self) {
        for list in [&mut self.countries, &mut self.sources, &mut self.speakers] {
            list.sort_unstable();
            list.dedup();
        }
        self.years.sort_unstable();
        self.years.dedup();
        if self.doc.is_none() {
            self.quote = None;
        }
        if self.sort == Sort::Relevance && self.q.trim().is_empty() {
            self.sort = Sort::Newest;
        }
    }

    /// Toggles a value in a list, keeping it sorted.
    pub fn toggle<T: Ord + Clone>(list: &mut Vec<T>, value: T) {
        match list.binary_search(&value) {
            Ok(i) => {
                list.remove(i);
            }
            Err(i) => list.insert(i, value),
        }
    }

    /// The canonical query string, with a leading `?`, or empty for the default state.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        pairs.extend(self.countries.iter().map(|c| ("country", c.clone())));
        pairs.extend(self.years.iter().map(|y| ("year", y.key())));
        pairs.extend(self.sources.iter().map(|s| ("source", s.clone())));
        pairs.extend(self.speakers.iter().map(|s| ("speaker", s.clone())));
        if self.view != View::Articles {
            pairs.push(("view", self.view.key().into()));
        }
        if let Some(doc) = &self.doc {
            pairs.push(("doc", doc.clone()));
            if let Some(quote) = self.quote {
                pairs.push(("quote", quote.to_string()));
            }
        }
        if self.sort != self.default_sort() {
            pairs.push(("sort", self.sort.key().into()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("?{}", encoded.join("&"))
    }

    /// Parses a query string (with or without `?`) against the corpus. Bad
    /// values are left out and named in the returned notices.
    pub fn parse(query: &str, corpus: &Corpus) -> (State, Vec<String>) {
        let mut state = State::default();
        let mut notices = Vec::new();
        let mut sort = None;
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key);
            let value = decode(value);
            let values = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key.as_str() {
                "q" => {
                    let mut q: String = value.chars().take(MAX_QUERY_CHARS).collect();
                    if q.len() < value.len() {
                        notices.push(format!("The search text was cut to {MAX_QUERY_CHARS} characters."));
                    }
                    if !state.q.is_empty() {
                        q = format!("{} {q}", state.q);
                    }
                    state.q = q;
                }
                "country" => {
                    for v in values() {
                        match corpus.country(v) {
                            Some(c) => state.countries.push(c.code.clone()),
                            None => notices.push(format!("Unknown country code “{}” was ignored.", short(v))),
                        }
                    }
                }
                "year" => {
                    for v in values() {
                        match parse_year(v, corpus) {
                            Some(y) => state.years.push(y),
                            None => notices.push(format!("Year “{}” is not in this corpus and was ignored.", short(v))),
                        }
                    }
                }
                "source" => {
                    for v in values() {
                        match corpus.sources.iter().find(|s| s.slug == v) {
                            Some(s) => state.sources.push(s.slug.clone()),
                            None => notices.push(format!("Unknown source “{}” was ignored.", short(v))),
                        }
                    }
                }
                "speaker" => {
                    for v in values() {
                        match corpus.speakers.iter().find(|s| s.slug == v) {
                            Some(s) => state.speakers.push(s.slug.clone()),
                            None => notices.push(format!("Unknown speaker “{}” was ignored.", short(v))),
                        }
                    }
                }
                "view" => match View::ALL.into_iter().find(|v| v.key() == value) {
                    Some(v) => state.view = v,
                    None => notices.push(format!("Unknown view “{}” was ignored.", short(&value))),
                },
                "doc" => match corpus.documents.iter().find(|d| d.slug == value) {
                    Some(d) => state.doc = Some(d.slug.clone()),
                    None => notices.push(format!("No article “{}” in this corpus.", short(&value))),
                },
                "quote" => match value.parse::<u32>() {
                    Ok(n) if n >= 1 => state.quote = Some(n),
                    _ => notices.push(format!("Quote “{}” is not a quote number and was ignored.", short(&value))),
                },
                "sort" => match Sort::parse(&value) {
                    Some(s) => sort = Some(s),
                    None => notices.push(format!("Unknown sort “{}” was ignored.", short(&value))),
                },
                _ => notices.push(format!("Unknown parameter “{}” was ignored.", short(&key))),
            }
        }
        // A quote number must exist in its document.
        if let (Some(n), Some(slug)) = (state.quote, &state.doc) {
            let count = corpus.documents.iter().find(|d| &d.slug == slug).map_or(0, |d| d.quotes.len());
            if n as usize > count {
                notices.push(format!("Quote {n} does not exist in this article and was ignored."));
                state.quote = None;
            }
        } else if state.quote.is_some() {
            notices.push("A quote number needs an article (doc) and was ignored.".into());
        }
        state.sort = sort.unwrap_or_else(|| state.default_sort());
        if state.sort == Sort::Relevance && state.q.trim().is_empty() {
            notices.push("Sorting by relevance needs a search; showing newest first.".into());
        }
        state.normalise();
        (state, notices)
    }
}

fn parse_year(text: &str, corpus: &Corpus) -> Option<Year> {
    if text.eq_ignore_ascii_case("undated") {
        return Some(Year::Undated);
    }
    let year: u16 = text.parse().ok()?;
    corpus.documents.iter().any(|d| d.date.is_some_and(|date| date.year == year)).then_some(Year::Year(year))
}

/// A bad value as shown in a notice: at most 40 characters.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as space; invalid escapes stay as written and
/// invalid UTF-8 becomes U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = core::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
