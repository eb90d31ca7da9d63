//! A facet is data: a URL key, a label, its values, and each document's
//! value ids. Country, year, source, speaker and place are all this one
//! type; nothing that filters, counts, parses URLs or draws the sidebar
//! knows which facet it is handling.
//!
//! Value ids are indexes into [`Facet::values`], which the build gives in a
//! fixed order (for speakers and sources, the order of the corpus's own
//! tables, so a quotation's speaker id is also its value id). The order the
//! sidebar lists them in is a separate permutation, [`Facet::order`]. Every
//! lookup is by index, or by binary search on a key; none is linear.

extern crate alloc;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

/// How many values of a facet one document can have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arity {
    /// At most one (year, source, place).
    #[default]
    One,
    /// Any number (countries, speakers).
    Many,
}

/// One value of a facet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// What the URL says: a country code, a year, a slug.
    pub key: String,
    /// What the reader sees.
    pub label: String,
}

/// One document's values of a facet, as the build gives them: value id and
/// weight (how many times the document has it: a country's mentions; 1
/// where that means nothing), in any order ([`Facet::new`] sorts them by id).
pub type DocValues = Vec<(u32, u32)>;

/// URL keys that the viewer's state uses for itself.
pub const RESERVED_KEYS: [&str; 5] = ["q", "view", "doc", "quote", "sort"];

/// A facet of the corpus. Built only by [`Facet::new`], which checks every
/// invariant the readers rely on; a decoded bundle is checked again by
/// [`Facet::check`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredFacet", into = "StoredFacet")]
pub struct Facet {
    key: String,
    label: String,
    arity: Arity,
    values: Vec<FacetValue>,
    /// Value ids in the order the sidebar lists them.
    order: Vec<u32>,
    /// Document `d`'s entries are `ids[starts[d]..starts[d + 1]]`, ascending.
    starts: Vec<u32>,
    ids: Vec<u32>,
    /// Parallel to `ids`, or empty when every weight is 1 (all facets but
    /// countries), which keeps large corpora's bundles small.
    weights: Vec<u32>,
    /// Value ids sorted by their keys in ASCII lower case, for lookups.
    by_key: Vec<u32>,
    /// Set when `values` holds only some of the values ([`Facet::trimmed`]).
    held: Option<Held>,
}

/// A facet as its file holds it. The document table is written as each
/// document's count, a byte apiece, rather than as offsets that grow to
/// several bytes and do not compress; and each document's ids, which are
/// ascending, as the differences from the one before (the first from 0):
/// small numbers that compress (a quarter less for a corpus's countries).
#[derive(Serialize, Deserialize)]
struct StoredFacet {
    key: String,
    label: String,
    arity: Arity,
    values: Vec<FacetValue>,
    order: Vec<u32>,
    #[serde(with = "counts")]
    starts: Vec<u32>,
    gaps: Vec<u32>,
    weights: Vec<u32>,
    by_key: Vec<u32>,
    held: Option<Held>,
}

impl From<Facet> for StoredFacet {
    fn from(f: Facet) -> StoredFacet {
        let mut gaps = Vec::with_capacity(f.ids.len());
        for d in 0..f.documents() as u32 {
            let mut previous = 0;
            for &id in f.of(d) {
                gaps.push(id.wrapping_sub(previous));
                previous = id;
            }
        }
        let Facet { key, label, arity, values, order, starts, ids: _, weights, by_key, held } = f;
        StoredFacet { key, label, arity, values, order, starts, gaps, weights, by_key, held }
    }
}

impl From<StoredFacet> for Facet {
    /// Adds the gaps up again, from 0 at each document's start. Wrapping
    /// arithmetic: a corrupt file gives ids that [`Facet::check`] refuses,
    /// never a panic.
    fn from(s: StoredFacet) -> Facet {
        let StoredFacet { key, label, arity, values, order, starts, gaps, weights, by_key, held } = s;
        let mut ids = Vec::with_capacity(gaps.len());
        let (mut next_start, mut previous) = (0, 0u32);
        for (i, gap) in gaps.into_iter().enumerate() {
            while starts.get(next_start).is_some_and(|&s| s as usize <= i) {
                next_start += 1;
                previous = 0;
            }
            previous = previous.wrapping_add(gap);
            ids.push(previous);
        }
        Facet { key, label, arity, values, order, starts, ids, weights, by_key, held }
    }
}

/// The values a trimmed facet holds: which of how many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Held {
    /// How many values the whole facet has.
    of: u32,
    /// The ids of those held, ascending, parallel to `values`.
    ids: Vec<u32>,
}

impl Facet {
    /// A facet over `documents` (one entry per document, in corpus order).
    /// `order` lists every value id once, in display order. Fails, naming
    /// the problem, when a key is not a lower-case ASCII word or is reserved,
    /// when two value keys differ only in case, when a value id is out of
    /// range or repeated in a document, or when a one-value facet gives a
    /// document two values.
    pub fn new(
        key: &str,
        label: &str,
        arity: Arity,
        values: Vec<FacetValue>,
        order: Vec<u32>,
        documents: &[DocValues],
    ) -> Result<Facet, String> {
        let mut starts = Vec::with_capacity(documents.len() + 1);
        let (mut ids, mut weights) = (Vec::new(), Vec::<u32>::new());
        starts.push(0);
        for doc in documents {
            let mut doc = doc.clone();
            doc.sort_unstable();
            for (id, weight) in doc {
                ids.push(id);
                weights.push(weight);
            }
            starts.push(u32::try_from(ids.len()).map_err(|_| format!("facet {key}: more than 2^32 document values"))?);
        }
        let mut by_key: Vec<u32> = (0..values.len() as u32).collect();
        by_key.sort_unstable_by(|&a, &b| folded_cmp(&values[a as usize].key, &values[b as usize].key));
        if weights.iter().all(|&w| w == 1) {
            weights = Vec::new();
        }
        let facet = Facet {
            key: key.into(),
            label: label.into(),
            arity,
            values,
            order,
            starts,
            ids,
            weights,
            by_key,
            held: None,
        };
        facet.check(documents.len())?;
        Ok(facet)
    }

    /// Checks the invariants [`Facet::new`] establishes, for a facet decoded
    /// from bytes: a corrupt or mismatched bundle is an error, not a panic.
    pub fn check(&self, documents: usize) -> Result<(), String> {
        match self.problem(documents) {
            None => Ok(()),
            Some(problem) => Err(format!("facet “{}”: {problem}", self.key)),
        }
    }

    /// What is wrong with the facet, if anything (static text keeps the
    /// wasm small; [`Facet::check`] names the facet).
    fn problem(&self, documents: usize) -> Option<&'static str> {
        let key = self.key.as_str();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase()) || RESERVED_KEYS.contains(&key) {
            return Some("its key must be a lower-case ASCII word other than q, view, doc, quote and sort");
        }
        let n = self.len();
        if let Some(held) = &self.held {
            if held.ids.len() != self.values.len()
                || held.ids.windows(2).any(|w| w[0] >= w[1])
                || held.ids.last().is_some_and(|&v| v >= held.of)
            {
                return Some("its held values do not fit it");
            }
        }
        // Each held value once in the display order and in the key index.
        for ids in [&self.order, &self.by_key] {
            let mut seen = vec![false; self.values.len()];
            for &v in ids.iter() {
                match self.slot(v).and_then(|i| seen.get_mut(i)) {
                    Some(s) if !*s => *s = true,
                    _ => return Some("its display order or key index repeats or exceeds a value"),
                }
            }
            if seen.iter().any(|s| !s) {
                return Some("its display order or key index does not cover its values");
            }
        }
        let key_of = |i: u32| self.value(i).map(|v| v.key.as_str());
        if self
            .by_key
            .windows(2)
            .any(|w| key_of(w[0]).zip(key_of(w[1])).is_none_or(|(a, b)| folded_cmp(a, b) != core::cmp::Ordering::Less))
        {
            return Some("two values have the same key");
        }
        if self.starts.len() != documents + 1
            || self.starts.first() != Some(&0)
            || self.starts.windows(2).any(|w| w[0] > w[1])
            || self.starts.last().map(|&s| s as usize) != Some(self.ids.len())
            || !(self.weights.is_empty() || self.weights.len() == self.ids.len())
        {
            return Some("its document table does not fit the documents");
        }
        for d in 0..documents as u32 {
            let ids = self.of(d);
            if self.arity == Arity::One && ids.len() > 1 {
                return Some("a document has two values of a one-value facet");
            }
            if ids.last().is_some_and(|&v| v as usize >= n) || ids.windows(2).any(|w| w[0] >= w[1]) {
                return Some("a document has a value id that is out of range, repeated or out of order");
            }
        }
        None
    }

    /// The URL key, e.g. `country`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The heading, e.g. "Country".
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether a document has at most one value or many.
    pub fn arity(&self) -> Arity {
        self.arity
    }

    /// How many values the facet has (a trimmed one too: ids run below it).
    pub fn len(&self) -> usize {
        self.held.as_ref().map_or(self.values.len(), |held| held.of as usize)
    }

    /// Whether the facet has no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every value is here: false for a trimmed facet.
    pub fn is_whole(&self) -> bool {
        self.held.is_none()
    }

    /// Where value `id` is in `values`, if it is held.
    fn slot(&self, id: u32) -> Option<usize> {
        match &self.held {
            None => ((id as usize) < self.values.len()).then_some(id as usize),
            Some(held) => held.ids.binary_search(&id).ok(),
        }
    }

    /// A value by id (`None` out of range, or not held by a trimmed facet).
    pub fn value(&self, id: u32) -> Option<&FacetValue> {
        self.values.get(self.slot(id)?)
    }

    /// The ids of the values held, ascending: every id but a trimmed
    /// facet's.
    pub fn held(&self) -> impl Iterator<Item = u32> + '_ {
        let all = self.held.is_none().then_some(0..self.values.len() as u32);
        all.into_iter().flatten().chain(self.held.iter().flat_map(|h| h.ids.iter().copied()))
    }

    /// Value ids in display order: most documents first (years newest
    /// first). A trimmed facet's lists only those it holds.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// How many documents the facet covers.
    pub fn documents(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn range(&self, doc: u32) -> core::ops::Range<usize> {
        let d = doc as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&a), Some(&b)) if a <= b && b as usize <= self.ids.len() => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// A document's value ids, ascending.
    pub fn of(&self, doc: u32) -> &[u32] {
        &self.ids[self.range(doc)]
    }

    /// A document's values with their weights, in the order of [`Facet::of`].
    pub fn entries(&self, doc: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let range = self.range(doc);
        let weights = self.weights.get(range.clone()).unwrap_or(&[]);
        self.ids[range].iter().enumerate().map(move |(i, &v)| (v, weights.get(i).copied().unwrap_or(1)))
    }

    /// The same facet, values and order, over only `documents` (in that
    /// order): what a first view's bundle carries for the cards it lists.
    pub fn subset(&self, documents: &[u32]) -> Facet {
        let mut starts = Vec::with_capacity(documents.len() + 1);
        let (mut ids, mut weights) = (Vec::new(), Vec::new());
        starts.push(0);
        for &d in documents {
            let range = self.range(d);
            ids.extend_from_slice(&self.ids[range.clone()]);
            if !self.weights.is_empty() {
                weights.extend_from_slice(&self.weights[range]);
            }
            starts.push(ids.len() as u32);
        }
        Facet { starts, ids, weights, ..self.clone_dictionary() }
    }

    /// The same facet over no document, holding only the values `keep`
    /// names (ids out of range are skipped), with their order and keys: what
    /// a first view needs of a facet whose values grow with the corpus
    /// (speakers, sources), so that its size does not. [`Facet::len`] still
    /// counts every value, and ids keep their meaning.
    pub fn trimmed(&self, keep: &[u32]) -> Facet {
        let mut ids: Vec<u32> = keep.iter().copied().filter(|&v| self.value(v).is_some()).collect();
        ids.sort_unstable();
        ids.dedup();
        let dictionary = self.subset(&[]);
        if ids.len() == self.values.len() {
            return dictionary;
        }
        let is_kept = |v: &u32| ids.binary_search(v).is_ok();
        Facet {
            values: ids.iter().filter_map(|&v| self.value(v).cloned()).collect(),
            order: self.order.iter().copied().filter(is_kept).collect(),
            by_key: self.by_key.iter().copied().filter(is_kept).collect(),
            held: Some(Held { of: self.len() as u32, ids: ids.clone() }),
            ..dictionary
        }
    }

    /// The key, label, values and their orders, without documents.
    fn clone_dictionary(&self) -> Facet {
        Facet {
            key: self.key.clone(),
            label: self.label.clone(),
            arity: self.arity,
            values: self.values.clone(),
            order: self.order.clone(),
            starts: vec![0],
            ids: Vec::new(),
            weights: Vec::new(),
            by_key: self.by_key.clone(),
            held: self.held.clone(),
        }
    }

    /// The value whose key is `key`, ignoring ASCII case (`ve` finds `VE`).
    pub fn find(&self, key: &str) -> Option<u32> {
        let key_of = |v: u32| self.value(v).map_or("", |v| v.key.as_str());
        let i = self.by_key.binary_search_by(|&v| folded_cmp(key_of(v), key)).ok()?;
        Some(self.by_key[i])
    }

    /// Per value, the documents among `documents` that have it and their
    /// summed weights: `(value, documents, weight)` in display order, for
    /// values that at least one of them has.
    pub fn totals(&self, documents: &[u32]) -> Vec<(u32, u32, u32)> {
        let mut totals = vec![(0u32, 0u32); self.len()];
        for &d in documents {
            for (v, w) in self.entries(d) {
                if let Some(t) = totals.get_mut(v as usize) {
                    t.0 += 1;
                    t.1 += w;
                }
            }
        }
        self.order
            .iter()
            .filter_map(|&v| {
                let (docs, weight) = *totals.get(v as usize)?;
                (docs > 0).then_some((v, docs, weight))
            })
            .collect()
    }
}

/// Offsets written as the differences between them, read back whole.
mod counts {
    use super::Vec;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(starts: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let counts: Vec<u32> = starts.windows(2).map(|w| w[1].saturating_sub(w[0])).collect();
        counts.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        let counts = Vec::<u32>::deserialize(d)?;
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        starts.push(0);
        for n in counts {
            at = at.saturating_add(n);
            starts.push(at);
        }
        Ok(starts)
    }
}

/// Orders keys by their ASCII-lower-case bytes.
fn folded_cmp(a: &str, b: &str) -> core::cmp::Ordering {
    a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(key: &str) -> FacetValue {
        FacetValue { key: key.into(), label: key.to_uppercase() }
    }

    fn colours() -> Facet {
        let docs = vec![vec![(0, 3), (1, 1)], vec![], vec![(1, 2)]];
        Facet::new("colour", "Colour", Arity::Many, vec![value("red"), value("Blue")], vec![1, 0], &docs).unwrap()
    }

    #[test]
    fn documents_values_and_lookups() {
        let f = colours();
        assert_eq!((f.documents(), f.of(0), f.of(1), f.of(2)), (3, &[0, 1][..], &[][..], &[1][..]));
        assert_eq!(f.entries(0).collect::<Vec<_>>(), [(0, 3), (1, 1)]);
        assert_eq!(f.entries(2).collect::<Vec<_>>(), [(1, 2)]);
        assert_eq!((f.find("RED"), f.find("blue"), f.find("green")), (Some(0), Some(1), None));
        // Out of range is empty, never a panic.
        assert!(f.of(99).is_empty());
    }

    #[test]
    fn totals_follow_display_order_and_skip_absent_values() {
        let f = colours();
        assert_eq!(f.totals(&[0, 1, 2]), [(1, 2, 3), (0, 1, 3)]);
        assert_eq!(f.totals(&[2]), [(1, 1, 2)]);
    }

    #[test]
    fn broken_facets_are_named_errors() {
        let one =
            |docs: &[DocValues]| Facet::new("year", "Year", Arity::One, vec![value("a"), value("b")], vec![0, 1], docs);
        assert!(one(&[vec![(0, 1), (1, 1)]]).unwrap_err().contains("one-value"));
        let many = Facet::new("x", "X", Arity::Many, vec![value("a"), value("b")], vec![0, 1], &[vec![(1, 1), (1, 1)]]);
        assert!(many.unwrap_err().contains("repeated"));
        assert!(one(&[vec![(7, 1)]]).unwrap_err().contains("out of range"));
        let same = Facet::new("x", "X", Arity::One, vec![value("a"), value("A")], vec![0, 1], &[]);
        assert!(same.unwrap_err().contains("same key"));
        let reserved = Facet::new("view", "View", Arity::One, vec![], vec![], &[]);
        assert!(reserved.unwrap_err().contains("lower-case"));
        let order = Facet::new("x", "X", Arity::One, vec![value("a")], vec![0, 0], &[]);
        assert!(order.unwrap_err().contains("display order"));
        // A decoded facet that does not fit the corpus is caught.
        assert!(colours().check(4).unwrap_err().contains("does not fit"));
        // A subset keeps every value and the chosen documents' entries.
        let sub = colours().subset(&[2, 0]);
        assert_eq!((sub.documents(), sub.len(), sub.of(0), sub.of(1)), (2, 2, &[1][..], &[0, 1][..]));
        assert_eq!(sub.entries(1).collect::<Vec<_>>(), [(0, 3), (1, 1)]);
        assert!(sub.check(2).is_ok());
        // Weights of 1 are not stored, and read back as 1.
        let years = one(&[vec![(1, 1)], vec![(0, 1)]]).unwrap();
        assert_eq!(years.entries(0).collect::<Vec<_>>(), [(1, 1)]);
        assert!(years.weights.is_empty());
    }

    #[test]
    fn a_trimmed_facet_holds_only_what_it_keeps_and_counts_every_value() {
        let values: Vec<FacetValue> = ["d", "c", "b", "a"].into_iter().map(value).collect();
        let docs = vec![vec![(0, 1)], vec![(1, 1)], vec![(2, 1)], vec![(3, 1)]];
        let f = Facet::new("who", "Who", Arity::Many, values, vec![3, 1, 2, 0], &docs).unwrap();
        let t = f.trimmed(&[2, 3, 3, 9]);
        assert_eq!((t.len(), t.is_whole(), t.documents(), t.order()), (4, false, 0, &[3, 2][..]));
        assert_eq!(t.held().collect::<Vec<_>>(), [2, 3]);
        // Ids keep their meaning; a value not held is not found, by id or key.
        assert_eq!(
            (t.value(3).map(|v| v.key.as_str()), t.value(1), t.find("A"), t.find("c")),
            (Some("a"), None, Some(3), None)
        );
        assert!(t.check(0).is_ok());
        // It survives the wire, and trimming to everything is the whole facet.
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Facet>(&json).unwrap(), t);
        assert!(f.trimmed(&[0, 1, 2, 3]).is_whole());
        assert_eq!(f.held().collect::<Vec<_>>(), [0, 1, 2, 3]);
        // A decoded trimmed facet whose held ids are out of order is caught.
        let mut broken = t.clone();
        broken.held.as_mut().unwrap().ids.reverse();
        assert!(broken.check(0).unwrap_err().contains("held values"));
    }

    #[test]
    fn a_documents_ids_are_ascending_and_travel_as_gaps() {
        let values: Vec<FacetValue> = ["a", "b", "c", "d", "e"].into_iter().map(value).collect();
        // Given in a card's order (most mentions first), kept by id.
        let docs = vec![vec![(4, 9), (1, 2), (3, 5)], vec![], vec![(2, 1), (0, 7)], vec![(4, 1)]];
        let f = Facet::new("x", "X", Arity::Many, values, vec![0, 1, 2, 3, 4], &docs).unwrap();
        assert_eq!((f.of(0), f.of(2), f.of(3)), (&[1, 3, 4][..], &[0, 2][..], &[4][..]));
        assert_eq!(f.entries(0).collect::<Vec<_>>(), [(1, 2), (3, 5), (4, 9)]);
        // Each document's first id from 0, then the gaps: 1 2 1 | | 0 2 | 4.
        let stored = StoredFacet::from(f.clone());
        assert_eq!(stored.gaps, [1, 2, 1, 0, 2, 4]);
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<Facet>(&json).unwrap(), f);
        // Gaps that overflow or go nowhere read back as ids the check refuses.
        for gaps in [vec![1, u32::MAX, 1, 0, 2, 4], vec![1, 0, 1, 0, 2, 4]] {
            let broken = Facet::from(StoredFacet { gaps, ..StoredFacet::from(f.clone()) });
            assert!(broken.check(4).unwrap_err().contains("out of order"), "{broken:?}");
        }
    }
}
