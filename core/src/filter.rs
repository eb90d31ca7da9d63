//! Filtering, disjunctive facet counts and sorting: what the viewer shows for
//! a selection. Values of one facet combine with OR, facets with AND; each
//! facet's counts apply every other facet's choices but not its own. The
//! date range is one more filter in the same loop, and the timeline's counts
//! apply every other filter but the range.
//!
//! [`Filter`] holds, from the build, the corpus's facets (each document's
//! values as small integers) and its dates, so a selection costs one pass
//! over the documents with array counters: a facet click or a keystroke
//! stays within a frame at 10,000 articles, and the app neither sorts nor
//! builds tables when it starts. The pass is one generic loop over the facet
//! list, [`Filter::run`].
//!
//! What only one view or one order needs travels on its own, so that a large
//! corpus's first search does not wait for it: the order by title
//! ([`Titles`]) and each document's quotations by speaker
//! ([`QuoteSpeakers`]), together a fifth of what the filter was.

extern crate alloc;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::facet::Facet;
use crate::search::{Positions, SearchIndex, SearchQuery};
use crate::state::{Selection, Sort};
use crate::timeline::Dates;

/// The documents a selection selects, in display order, and every facet's
/// counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Document indexes, in the selection's order.
    pub documents: Vec<u32>,
    /// Per facet (in [`Filter::facets`] order), per value id: the documents
    /// that would match if this value were (also) chosen.
    pub counts: Vec<Vec<u32>>,
    /// The parsed search.
    pub query: SearchQuery,
    /// Parts of a split index the search needs (fragments of terms, chunks
    /// of word positions); until they arrive the result is empty and the
    /// app fetches them.
    pub missing: Vec<crate::search::Part>,
    /// Per distinct date of the corpus ([`Filter::dates`]): the documents
    /// that every choice but the date range selects, for the timeline.
    pub dates: Vec<u32>,
    /// Undated documents that every choice but the date range selects.
    pub undated: u32,
    /// Documents the selection selects beyond those in `documents`: a first
    /// view computed at build time lists only its first page.
    pub unlisted: u32,
    /// Set when `dates` counts a timeline's bars of this length, not every
    /// distinct date (a first view computed at build time).
    pub bars: Option<crate::timeline::Unit>,
    /// Set when only `documents` is known: a search answered from the index
    /// alone ([`search_only`]) while a large corpus's filter is on its way.
    /// `counts`, `dates` and `undated` are empty until it is here.
    pub uncounted: bool,
}

impl Results {
    /// How many documents the selection selects.
    pub fn total(&self) -> usize {
        self.documents.len() + self.unlisted as usize
    }

    /// A value's count, or 0 for an unknown facet or value.
    pub fn count(&self, facet: usize, value: u32) -> u32 {
        self.counts.get(facet).and_then(|c| c.get(value as usize)).copied().unwrap_or(0)
    }
}

/// The orders by date both ways, computed from the date column
/// ([`Dates::orders`]) when a filter is made or read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Orders {
    /// Dated documents newest first (ties in file order), then undated ones.
    newest: Vec<u32>,
    /// Dated documents oldest first, then undated ones.
    oldest: Vec<u32>,
}

/// The documents by title, case-insensitively (ties newest first),
/// computed at build time: the one order the filter's columns cannot give.
/// A large corpus fetches it when a reader first sorts by title.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Titles(Vec<u32>);

impl Titles {
    /// The order `order`; fails unless it lists `0..order.len()` once each.
    pub fn new(order: Vec<u32>) -> Result<Titles, String> {
        let titles = Titles(order);
        titles.check(titles.0.len())?;
        Ok(titles)
    }

    /// Checks that the order lists each of `documents` documents once, for
    /// one decoded from bytes.
    pub fn check(&self, documents: usize) -> Result<(), String> {
        if is_order(&self.0, documents) {
            Ok(())
        } else {
            Err("the order by title is broken".into())
        }
    }
}

/// Whether `order` lists each of `documents` documents once.
fn is_order(order: &[u32], documents: usize) -> bool {
    let mut seen = vec![false; documents];
    order.len() == documents
        && order.iter().all(|&d| seen.get_mut(d as usize).is_some_and(|s| !core::mem::replace(s, true)))
}

/// Each document's quotations, by speaker: what the Quotes view lists for
/// a result set without reading any document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredQuotes", into = "StoredQuotes")]
pub struct QuoteSpeakers {
    /// Quotations per document.
    counts: Vec<u32>,
    /// Every quotation's speaker id in document order, `u32::MAX` where
    /// unattributed.
    speakers: Vec<u32>,
    /// Where each document's quotations start, rebuilt from `counts`.
    starts: Vec<u32>,
}

/// What [`QuoteSpeakers`] writes: counts, not offsets, which compress.
#[derive(Clone, Serialize, Deserialize)]
struct StoredQuotes {
    counts: Vec<u32>,
    speakers: Vec<u32>,
}

impl From<StoredQuotes> for QuoteSpeakers {
    fn from(s: StoredQuotes) -> Self {
        QuoteSpeakers { counts: s.counts, speakers: s.speakers, starts: Vec::new() }.indexed()
    }
}

impl From<QuoteSpeakers> for StoredQuotes {
    fn from(q: QuoteSpeakers) -> Self {
        StoredQuotes { counts: q.counts, speakers: q.speakers }
    }
}

impl QuoteSpeakers {
    /// The column for documents whose quotations have these speakers.
    pub fn new(documents: &[Vec<Option<u32>>]) -> QuoteSpeakers {
        let counts = documents.iter().map(|d| d.len() as u32).collect();
        let speakers = documents.iter().flatten().map(|s| s.unwrap_or(u32::MAX)).collect();
        QuoteSpeakers { counts, speakers, starts: Vec::new() }.indexed()
    }

    /// Checks that the column covers `documents` documents, for one decoded
    /// from bytes.
    pub fn check(&self, documents: usize) -> Result<(), String> {
        if self.counts.len() != documents || self.starts.last().map_or(0, |&s| s as usize) != self.speakers.len() {
            return Err("the quotation column does not fit the documents".into());
        }
        Ok(())
    }

    /// Fills `starts` from `counts` (after decoding).
    fn indexed(mut self) -> QuoteSpeakers {
        let mut at = 0u32;
        self.starts = core::iter::once(0)
            .chain(self.counts.iter().map(|&n| {
                at = at.saturating_add(n);
                at
            }))
            .collect();
        self
    }

    /// Document `doc`'s quotations' speakers, `None` where unattributed.
    pub fn of(&self, doc: u32) -> impl Iterator<Item = Option<u32>> + '_ {
        let d = doc as usize;
        let range = match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) if a <= b && b as usize <= self.speakers.len() => a as usize..b as usize,
            _ => 0..0,
        };
        self.speakers[range].iter().map(|&s| (s != u32::MAX).then_some(s))
    }
}

/// The corpus's facets and dates: everything a selection needs besides the
/// search index (and, to sort by title, [`Titles`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredFilter", into = "StoredFilter")]
pub struct Filter {
    facets: Vec<Facet>,
    orders: Orders,
    dates: Dates,
}

/// A filter as its file holds it: the orders by date are left out, and
/// computed again from the dates when it is read.
#[derive(Serialize, Deserialize)]
struct StoredFilter {
    facets: Vec<Facet>,
    dates: Dates,
}

impl From<StoredFilter> for Filter {
    fn from(stored: StoredFilter) -> Filter {
        let (newest, oldest) = stored.dates.orders();
        Filter { facets: stored.facets, orders: Orders { newest, oldest }, dates: stored.dates }
    }
}

impl From<Filter> for StoredFilter {
    fn from(filter: Filter) -> StoredFilter {
        StoredFilter { facets: filter.facets, dates: filter.dates }
    }
}

impl Filter {
    /// A filter over the documents `dates` covers (the orders by date come
    /// from the dates); fails, naming the problem, when a facet does not
    /// cover them or two facets share a key.
    pub fn new(facets: Vec<Facet>, dates: Dates) -> Result<Filter, String> {
        let filter = Filter::from(StoredFilter { facets, dates });
        filter.check(filter.orders.newest.len())?;
        Ok(filter)
    }

    /// The same facets and dates over only `documents` (new ids `0..`, in
    /// that order): what a first view carries (with none).
    pub fn subset(&self, documents: &[u32]) -> Filter {
        Filter::from(StoredFilter {
            facets: self.facets.iter().map(|f| f.subset(documents)).collect(),
            dates: self.dates.subset(documents),
        })
    }

    /// The same filter with other distinct dates: for a filter over no
    /// document, whose dates are a timeline's bars (see
    /// [`Dates::coarsened`]). Fails if a document would lose its date.
    pub fn with_dates(mut self, dates: Dates) -> Result<Filter, String> {
        dates.check(self.orders.newest.len())?;
        self.dates = dates;
        Ok(self)
    }

    /// The same filter with other facets of the same keys: for a filter over
    /// no document, whose facets are trimmed ([`Facet::trimmed`]). Fails if
    /// a facet does not fit.
    pub fn with_facets(mut self, facets: Vec<Facet>) -> Result<Filter, String> {
        let same =
            facets.len() == self.facets.len() && facets.iter().zip(&self.facets).all(|(a, b)| a.key() == b.key());
        if !same {
            return Err("the trimmed facets are not the filter's".into());
        }
        self.facets = facets;
        self.check(self.orders.newest.len())?;
        Ok(self)
    }

    /// Checks the invariants [`Filter::new`] establishes, for a filter
    /// decoded from bytes.
    pub fn check(&self, documents: usize) -> Result<(), String> {
        self.dates.check(documents)?;
        for (i, facet) in self.facets.iter().enumerate() {
            facet.check(documents)?;
            if self.facets[..i].iter().any(|f| f.key() == facet.key()) {
                return Err(format!("two facets have the key “{}”", facet.key()));
            }
        }
        let Orders { newest, oldest } = &self.orders;
        if [newest, oldest].into_iter().all(|o| is_order(o, documents)) {
            Ok(())
        } else {
            Err("an order of the documents is broken".into())
        }
    }

    /// The facets, in the order the sidebar and the URL list them.
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// Each document's date, by distinct date.
    pub fn dates(&self) -> &Dates {
        &self.dates
    }

    /// The index of the facet with this URL key.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.facets.iter().position(|f| f.key() == key)
    }

    /// The facet with this URL key.
    pub fn facet(&self, key: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.key() == key)
    }

    /// Runs a selection: search, facets, disjunctive counts and order. The
    /// order by title is `titles`: a caller without it (a large corpus's,
    /// until fetched) waits for it before running a selection sorted by
    /// title, which would otherwise list by date, newest first.
    pub fn run(
        &self,
        index: &SearchIndex,
        positions: &(impl Positions + ?Sized),
        selection: &Selection,
        titles: Option<&Titles>,
    ) -> Results {
        let n = self.orders.newest.len();
        let query = SearchQuery::parse(&index.fold, &selection.q);
        let search = index.search(positions, &query);
        // Dense, indexed by document: the relevance sort compares thousands.
        let mut scores = vec![0f32; n];
        let mut found = vec![query.is_empty(); n];
        for &(doc, score) in &search.scores {
            if let (Some(f), Some(s)) = (found.get_mut(doc as usize), scores.get_mut(doc as usize)) {
                *f = true;
                *s = score;
            }
        }
        // Choices as flags per value, and which facets have any.
        let mut on: Vec<Vec<bool>> = self.facets.iter().map(|f| vec![false; f.len()]).collect();
        let mut active = vec![false; self.facets.len()];
        for &(f, v) in selection.picks() {
            if let Some(flag) = on.get_mut(f as usize).and_then(|flags| flags.get_mut(v as usize)) {
                *flag = true;
                active[f as usize] = true;
            }
        }
        let mut counts: Vec<Vec<u32>> = self.facets.iter().map(|f| vec![0; f.len()]).collect();
        // The date range is one more filter, decided per distinct date; the
        // timeline's counts apply every other filter but not the range.
        let range = selection.range;
        let in_range: Vec<bool> = self.dates.values().iter().map(|&d| range.overlaps(d)).collect();
        let dated = self.facets.len();
        let mut dates = vec![0u32; self.dates.values().len()];
        let mut undated = 0;
        let mut selected = vec![false; n];
        for (d, is_found) in found.iter().enumerate() {
            if !is_found {
                continue;
            }
            let d32 = d as u32;
            let date = self.dates.of(d32);
            // The filters this document fails (the facets, then the range);
            // past two it counts nowhere.
            let mut failed = None;
            let mut failures = 0;
            for (k, facet) in self.facets.iter().enumerate() {
                if active[k] && !facet.of(d32).iter().any(|&v| on[k][v as usize]) {
                    failures += 1;
                    failed = Some(k);
                    if failures > 1 {
                        break;
                    }
                }
            }
            if failures < 2 && range.is_set() && !date.is_some_and(|v| in_range[v as usize]) {
                failures += 1;
                failed = Some(dated);
            }
            // A document counts for filter k when it passes every other one.
            let mut count_for = |k: usize| match self.facets.get(k) {
                Some(facet) => {
                    for &v in facet.of(d32) {
                        counts[k][v as usize] += 1;
                    }
                }
                None => match date {
                    Some(v) => dates[v as usize] += 1,
                    None => undated += 1,
                },
            };
            match (failures, failed) {
                (0, _) => {
                    selected[d] = true;
                    (0..=dated).for_each(&mut count_for);
                }
                (1, Some(k)) => count_for(k),
                _ => {}
            }
        }

        let keep = |order: &[u32]| order.iter().copied().filter(|&i| selected[i as usize]).collect();
        let documents: Vec<u32> = match selection.sort {
            Sort::Relevance => {
                let mut docs: Vec<(f32, u32)> =
                    (0..n as u32).filter(|&i| selected[i as usize]).map(|i| (scores[i as usize], i)).collect();
                docs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                docs.into_iter().map(|(_, i)| i).collect()
            }
            Sort::Newest => keep(&self.orders.newest),
            Sort::Oldest => keep(&self.orders.oldest),
            Sort::Title => keep(titles.map_or(&self.orders.newest, |t| &t.0)),
        };
        Results {
            documents,
            counts,
            query,
            missing: search.missing,
            dates,
            undated,
            unlisted: 0,
            bars: None,
            uncounted: false,
        }
    }
}

/// A search's results from the index alone: what a large corpus shows
/// before its filter (every facet's column, 2 MB at 100,000 articles) has
/// arrived, so that a first search waits for its words, not for the
/// facets. Its documents are those [`Filter::run`] gives, in the same
/// order; the counts come with the filter ([`Results::uncounted`]). `None`
/// when the selection needs the filter: no search, a choice, a date range,
/// or an order other than relevance.
pub fn search_only(
    index: &SearchIndex,
    positions: &(impl Positions + ?Sized),
    selection: &Selection,
) -> Option<Results> {
    let query = SearchQuery::parse(&index.fold, &selection.q);
    if !selection.is_plain_search() || query.is_empty() {
        return None;
    }
    let search = index.search(positions, &query);
    let mut docs: Vec<(f32, u32)> = search.scores.iter().map(|&(d, score)| (score, d)).collect();
    // As `Filter::run` orders them: by score, ties in document order.
    docs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Some(Results {
        documents: docs.into_iter().map(|(_, d)| d).collect(),
        query,
        missing: search.missing,
        uncounted: true,
        ..Results::default()
    })
}

/// Runs a selection against a bundle with its embedded positions.
pub fn run(bundle: &crate::model::Bundle, selection: &Selection) -> Results {
    bundle.filter.run(&bundle.index, bundle.positions.as_slice(), selection, Some(&bundle.titles))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_by_title_lists_each_document_once() {
        assert!(Titles::new(vec![2, 0, 1]).is_ok());
        for broken in [vec![0, 0, 1], vec![0, 1, 3], vec![]] {
            let n = broken.len().max(3);
            let titles = Titles(broken);
            assert!(titles.check(n).unwrap_err().contains("order by title"), "{titles:?}");
        }
    }

    #[test]
    fn a_quotation_column_that_does_not_fit_is_an_error() {
        let quotes = QuoteSpeakers::new(&[vec![Some(3), None], vec![]]);
        assert!(quotes.check(2).is_ok());
        assert_eq!(quotes.of(0).collect::<Vec<_>>(), [Some(3), None]);
        assert!(quotes.check(3).unwrap_err().contains("quotation column"));
        // The column of no document, decoded or made, fits no document.
        assert!(QuoteSpeakers::default().check(0).is_ok() && QuoteSpeakers::new(&[]).check(0).is_ok());
    }
}
