//! The data model shared by the analysis (native) and the viewer (wasm).
//!
//! Every span is a byte range into [`Document::text`], the file's decoded and
//! line-ending-normalised text, so the reader can mark any part of it and
//! nothing of the original is lost.

extern crate alloc;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// A byte range `start..end` into a document's `text`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `usize` offsets (texts are capped well below 4 GiB).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start as u32, end: end as u32 }
    }
    /// The span as a range, for slicing.
    pub fn range(self) -> core::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Its length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
    /// Whether it covers nothing.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    /// Whether `other` lies within it.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the two share a byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where a publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateSource {
    /// Read from the article's own header or dateline.
    Text,
    /// Given by the curator: `corpus.toml` or the metadata table.
    Curator,
    /// Read from the file's name or folders (`2016-10-05_title.txt`), as a
    /// last resort.
    FileName,
}

/// How a country is mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MentionKind {
    /// "Venezuela"
    Name,
    /// "Venezuelan", "Chinese"
    Demonym,
    /// A capital or major city: "Wuhan", "Vienna"
    Place,
}

/// One mention of a country in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Name, demonym or place.
    pub kind: MentionKind,
    /// Where it stands in the text.
    pub span: Span,
}

/// How often a document mentions a country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Mentions in the document.
    pub mentions: u32,
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// From the opening to the closing mark, both included. A quotation that
    /// runs over several paragraphs covers the text between them too.
    pub span: Span,
    /// The quoted words: one span per paragraph, without the marks.
    pub parts: Vec<Span>,
    /// Index into [`Corpus::speakers`], or `None` when the text does not say.
    pub speaker: Option<u32>,
}

/// A date inside the body: an event, never the publication date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// Where it stands in the text.
    pub span: Span,
    /// The date it names.
    pub date: Date,
}

/// One analysed article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// File name inside the corpus folder, e.g. `000_be0666f600c29227.txt`.
    pub file: String,
    /// Stable, unique URL slug derived from the title.
    pub slug: String,
    /// The headline (or the curator's title).
    pub title: String,
    /// The deck under the headline, if any.
    pub subtitle: Option<String>,
    /// The publication date, to the precision known.
    pub date: Option<Date>,
    /// Where [`Document::date`] came from.
    pub date_source: Option<DateSource>,
    /// Index into [`Corpus::sources`].
    pub source: Option<u32>,
    /// The dateline's place, e.g. "Beijing".
    pub place: Option<String>,
    /// A link to the original, from the curator.
    pub url: Option<String>,
    /// Header metadata lines (`updatetime:…`), not body text.
    pub header: Vec<Span>,
    /// The dateline at the start of the first paragraph, e.g. `BEIJING, May 4 (Xinhua) --`.
    pub dateline: Option<Span>,
    /// The body paragraphs.
    pub paragraphs: Vec<Span>,
    /// Editor and reporter credits.
    pub credits: Vec<Span>,
    /// Trailing page chrome kept apart from the body.
    pub boilerplate: Vec<Span>,
    /// Every country mention, in text order.
    pub mentions: Vec<Mention>,
    /// Countries by number of mentions, most first.
    pub countries: Vec<CountryCount>,
    /// Direct quotations, in text order.
    pub quotes: Vec<Quote>,
    /// Dates the body names.
    pub event_dates: Vec<EventDate>,
    /// The opening of the body after the dateline, cut at a word: what a card
    /// shows, kept apart so that cards need no text.
    pub lede: String,
    /// The first quotation's words, cut at a word, for the same reason.
    pub quote_preview: String,
    /// The decoded text with `\n` line endings and no byte-order mark.
    pub text: String,
}

impl Document {
    /// The text of a span; empty if the span is not valid for this text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The quoted words of a quotation, paragraphs joined by a blank line.
    pub fn quote_text(&self, quote: &Quote) -> String {
        let parts: Vec<&str> = quote.parts.iter().map(|&p| self.slice(p)).collect();
        parts.join("\n\n")
    }
}

/// A country the corpus mentions, with what the viewer shows of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// ISO 3166-1 numeric (0 where none).
    pub numeric: u16,
    /// Its short English name.
    pub name: String,
    /// Its continent, as the UN geoscheme names it ("Asia").
    pub region: String,
    /// Its UN subregion ("Eastern Asia").
    pub subregion: String,
    /// Latitude of its centre.
    pub lat: f32,
    /// Longitude of its centre.
    pub lng: f32,
}

/// A person quoted in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The name as the corpus gives it in full.
    pub name: String,
    /// Unique in the corpus, for URLs.
    pub slug: String,
    /// Quotations attributed to them across the corpus.
    pub quotes: u32,
}

/// A news agency or publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Its name ("Xinhua").
    pub name: String,
    /// Unique in the corpus, for URLs.
    pub slug: String,
}

/// Everything the app embeds: the analysed corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Every article, in file-name order.
    pub documents: Vec<Document>,
    /// Only the countries the documents mention, sorted by code.
    pub countries: Vec<CountryInfo>,
    /// Every quoted person; [`Quote::speaker`] indexes this.
    pub speakers: Vec<Speaker>,
    /// Every source; [`Document::source`] indexes this.
    pub sources: Vec<Source>,
    /// Document indexes sorted by slug, for [`Corpus::document_by_slug`].
    pub by_slug: Vec<u32>,
}

impl Corpus {
    /// A country by its code, in any case.
    pub fn country(&self, code: &str) -> Option<&CountryInfo> {
        let code = code.to_ascii_uppercase();
        self.countries.binary_search_by(|c| c.code.as_str().cmp(&code)).ok().map(|i| &self.countries[i])
    }

    /// The index of the document with this slug.
    pub fn document_by_slug(&self, slug: &str) -> Option<u32> {
        let slug_of = |d: u32| self.documents.get(d as usize).map_or("", |doc| doc.slug.as_str());
        let i = self.by_slug.binary_search_by(|&d| slug_of(d).cmp(slug)).ok()?;
        Some(self.by_slug[i])
    }

    /// Fills [`Corpus::by_slug`] from the documents' slugs.
    pub fn index_slugs(&mut self) {
        let mut order: Vec<u32> = (0..self.documents.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.documents[a as usize].slug.cmp(&self.documents[b as usize].slug));
        self.by_slug = order;
    }
}

/// A country's shape on the world map: a compact relative SVG path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapShape {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// SVG path data.
    pub path: String,
}

/// A state too small for the map's scale, drawn as a dot at its coordinates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapDot {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// Its centre on the map.
    pub x: u16,
    /// Its centre on the map.
    pub y: u16,
}

/// The world map, projected at compile time (Equal Earth).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorldMap {
    /// The viewBox's width.
    pub width: u16,
    /// The viewBox's height.
    pub height: u16,
    /// Countries drawn as shapes.
    pub shapes: Vec<MapShape>,
    /// Countries drawn as dots.
    pub dots: Vec<MapDot>,
}

/// What the app embeds, all built at compile time: the corpus, its search
/// index and the world map, and either every document's text and word
/// positions or where to fetch them; or, for a large corpus, the head of all
/// this (see [`Bundle::first`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Whole documents, or their summaries (no text) when `shards` is set.
    pub corpus: Corpus,
    /// The full-text index.
    pub index: crate::search::SearchIndex,
    /// Facets and dates, for filtering without work at start-up.
    pub filter: crate::filter::Filter,
    /// The order by title (a head's is empty: its corpus fetches it).
    pub titles: crate::filter::Titles,
    /// Each document's quotations by speaker, for the Quotes view (a head's
    /// is empty: its corpus fetches it).
    pub quotes: crate::filter::QuoteSpeakers,
    /// The world map, only with the countries the corpus mentions.
    pub map: WorldMap,
    /// Every chunk of word positions, or none when `shards` is set.
    pub positions: Vec<crate::search::PositionChunk>,
    /// Where the texts and positions are, when they are not embedded.
    pub shards: Option<Shards>,
    /// Set in a head bundle: the one a large corpus embeds, which holds only
    /// what its unfiltered first view shows (see [`FirstView`]). The rest is
    /// in parts under [`Shards::dir`].
    pub first: Option<FirstView>,
}

/// The unfiltered first view of a large corpus, computed at build time, so
/// that the app paints it from a few kilobytes while the rest arrives.
///
/// A head bundle's documents are the summaries of that view's first page,
/// in display order ([`FirstView::ids`] says which they are); its facets
/// and dates keep every value but no document, and its speakers, sources
/// and countries are whole, so labels, URL keys and counts mean what they
/// mean in the whole corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstView {
    /// Documents in the whole corpus.
    pub documents: u32,
    /// The page's documents, as the whole corpus numbers them: the head's
    /// document `i` is the corpus's `ids[i]`.
    pub ids: Vec<u32>,
    /// Per facet, per value the head's facet holds (in [`Facet::held`]
    /// order): its documents in the whole corpus. A value the head does not
    /// hold is in none of the first view's rows.
    ///
    /// [`Facet::held`]: crate::facet::Facet::held
    pub counts: Vec<Vec<u32>>,
    /// Per distinct date: the documents with it.
    pub dates: Vec<u32>,
    /// Undated documents.
    pub undated: u32,
    /// The timeline's bars, which the whole corpus's dates decide; the
    /// head's dates are cut to them.
    pub unit: Option<crate::timeline::Unit>,
}

impl Bundle {
    /// Documents in the whole corpus (a head bundle holds only a page).
    pub fn total(&self) -> usize {
        self.first.as_ref().map_or(self.corpus.documents.len(), |f| f.documents as usize)
    }

    /// A head bundle's first view as results of the unfiltered selection:
    /// its page in display order, and the whole corpus's counts.
    pub fn first_results(&self) -> Option<crate::filter::Results> {
        let first = self.first.as_ref()?;
        let listed = self.corpus.documents.len() as u32;
        Some(crate::filter::Results {
            documents: first.ids.clone(),
            counts: first
                .counts
                .iter()
                .zip(self.filter.facets())
                .map(|(counts, facet)| {
                    let mut dense = alloc::vec![0; facet.len()];
                    for (id, &n) in facet.held().zip(counts) {
                        dense[id as usize] = n;
                    }
                    dense
                })
                .collect(),
            dates: first.dates.clone(),
            undated: first.undated,
            unlisted: first.documents.saturating_sub(listed),
            bars: first.unit,
            ..Default::default()
        })
    }

    /// The summary of document `doc` of the whole corpus, if this bundle
    /// holds it (a head holds its first page's).
    pub fn summary(&self, doc: u32) -> Option<&Document> {
        match &self.first {
            None => self.corpus.documents.get(doc as usize),
            Some(first) => self.corpus.documents.get(first.ids.iter().position(|&d| d == doc)?),
        }
    }

    /// The document of the whole corpus with this slug, if this bundle
    /// holds it.
    pub fn document_by_slug(&self, slug: &str) -> Option<u32> {
        let d = self.corpus.document_by_slug(slug)?;
        match &self.first {
            None => Some(d),
            Some(first) => first.ids.get(d as usize).copied(),
        }
    }

    /// Checks what the app relies on in a decoded bundle, so that a corrupt
    /// or mismatched one is reported by name rather than shown as an empty
    /// or wrong corpus.
    pub fn check(&self) -> Result<(), alloc::string::String> {
        let n = self.corpus.documents.len();
        if n == 0 {
            return Err("the bundle holds no article".into());
        }
        // A head's facets and dates hold values but no document, and it has
        // no order by title or quotation column.
        let covered = if self.first.is_some() { 0 } else { n };
        self.filter.check(covered)?;
        self.titles.check(covered)?;
        self.quotes.check(covered)?;
        if self.index.lengths.len() != n {
            return Err(alloc::format!("the search index covers {} documents, not {n}", self.index.lengths.len()));
        }
        if self.corpus.by_slug.len() != n {
            return Err("the slug index does not cover the documents".into());
        }
        if let Some(first) = &self.first {
            let fits = first.counts.len() == self.filter.facets().len()
                && first.counts.iter().zip(self.filter.facets()).all(|(c, f)| c.len() == f.held().count())
                && first.dates.len() == self.filter.dates().values().len()
                && first.documents as usize >= n
                && first.ids.len() == n
                && first.ids.iter().all(|&d| d < first.documents);
            if !fits {
                return Err("the first view's counts do not fit its facets".into());
            }
        }
        // A sharded corpus's speakers and sources are named by its facets
        // (a head's hold its first page's); an embedded one has the
        // corpus's tables too.
        let facet = |key| self.filter.facet(key).filter(|_| self.shards.is_some() || self.first.is_some());
        let (speaker, source) = (facet("speaker"), facet("source"));
        let has_speaker = |s: u32| speaker.map_or((s as usize) < self.corpus.speakers.len(), |f| f.value(s).is_some());
        let has_source = |s: u32| source.map_or((s as usize) < self.corpus.sources.len(), |f| f.value(s).is_some());
        for doc in &self.corpus.documents {
            if doc.quotes.iter().filter_map(|q| q.speaker).any(|s| !has_speaker(s))
                || doc.source.is_some_and(|s| !has_source(s))
            {
                return Err(alloc::format!("article {} names a speaker or source the bundle lacks", doc.slug));
            }
        }
        Ok(())
    }
}

/// A part of a large corpus (a document, a chunk of summaries) with the
/// names it shows that the head may not hold: its documents' values of
/// the facets a head trims (speakers, sources). A card can then be drawn
/// from its part alone, before the filter, which has every name, arrives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named<T> {
    /// The part.
    pub value: T,
    /// Its names, each once.
    pub names: Vec<Name>,
}

/// One value of one facet, by the facet's position and the value's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The facet's position in [`crate::filter::Filter::facets`].
    pub facet: u32,
    /// The value's id in that facet.
    pub id: u32,
    /// Its key and label.
    pub value: crate::facet::FacetValue,
}

/// Where a large corpus keeps what the first view does not need: static
/// files written next to the app at build time, fetched when needed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shards {
    /// The folder, relative to the page: `data-` and a hash of its contents,
    /// so that a rebuilt corpus never meets a cached shard of an old one.
    pub dir: String,
    /// Documents per chunk of summaries.
    pub chunk: u32,
}

/// Every document's slug, sorted, for a large corpus's addresses: what
/// `doc=` in a URL needs without the documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slugs {
    /// Slugs in ascending order.
    pub slugs: Vec<String>,
    /// The document of each.
    pub ids: Vec<u32>,
}

impl Slugs {
    /// The documents' slugs, sorted.
    pub fn new(documents: &[Document]) -> Slugs {
        let mut pairs: Vec<(&str, u32)> =
            documents.iter().enumerate().map(|(i, d)| (d.slug.as_str(), i as u32)).collect();
        pairs.sort_unstable();
        Slugs { slugs: pairs.iter().map(|p| p.0.into()).collect(), ids: pairs.iter().map(|p| p.1).collect() }
    }

    /// The document with this slug.
    pub fn find(&self, slug: &str) -> Option<u32> {
        let i = self.slugs.binary_search_by(|s| s.as_str().cmp(slug)).ok()?;
        self.ids.get(i).copied()
    }
}

/// The file a large corpus's head is kept in, inside its shard folder.
pub const HEAD_FILE: &str = "head.bin";

/// Whether `path` names a head the way a build writes it: `data-`, sixteen
/// lowercase hex digits, `/head.bin`. The app reads the path from its page,
/// and fetches nothing else from there.
pub fn is_head_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("data-") else { return false };
    let Some((hash, file)) = rest.split_once('/') else { return false };
    file == HEAD_FILE && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Shards {
    /// The head: the first view, the facets' first values, and this
    /// [`Shards`] itself ([`crate::Bundle`] without its parts).
    pub fn head_path(&self) -> String {
        alloc::format!("{}/{HEAD_FILE}", self.dir)
    }
    /// The whole document `i`, as postcard bytes.
    pub fn document_path(&self, i: usize) -> String {
        alloc::format!("{}/doc/{i}.bin", self.dir)
    }
    /// The facets and dates ([`crate::filter::Filter`]).
    pub fn filter_path(&self) -> String {
        alloc::format!("{}/filter.bin", self.dir)
    }
    /// The order by title ([`crate::filter::Titles`]).
    pub fn titles_path(&self) -> String {
        alloc::format!("{}/titles.bin", self.dir)
    }
    /// The quotations by speaker ([`crate::filter::QuoteSpeakers`]).
    pub fn quotes_path(&self) -> String {
        alloc::format!("{}/quotes.bin", self.dir)
    }
    /// The search index without its terms ([`crate::search::SearchIndex`]).
    pub fn index_path(&self) -> String {
        alloc::format!("{}/index.bin", self.dir)
    }
    /// Fragment `k` of the index's terms ([`crate::search::TermFragment`]).
    pub fn terms_path(&self, k: usize) -> String {
        alloc::format!("{}/terms/{k}.bin", self.dir)
    }
    /// The world map ([`WorldMap`]).
    pub fn map_path(&self) -> String {
        alloc::format!("{}/map.bin", self.dir)
    }
    /// Every slug ([`Slugs`]).
    pub fn slugs_path(&self) -> String {
        alloc::format!("{}/slugs.bin", self.dir)
    }
    /// The chunk of summaries that holds document `doc` (a `Vec<Document>`).
    pub fn summaries_path(&self, doc: u32) -> String {
        alloc::format!("{}/sum/{}.bin", self.dir, doc / self.chunk.max(1))
    }
    /// Chunk `k` of the word positions, as postcard bytes.
    pub fn positions_path(&self, k: usize) -> String {
        alloc::format!("{}/pos/{k}.bin", self.dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_path_is_the_one_a_build_writes_and_nothing_else() {
        let shards = Shards { dir: "data-0123456789abcdef".into(), chunk: 64 };
        assert!(is_head_path(&shards.head_path()));
        for path in [
            "",
            "head.bin",
            "data-0123456789abcdef/filter.bin",
            "data-0123456789abcdef/head.bin/",
            "data-0123456789ABCDEF/head.bin",
            "data-0123456789abcde/head.bin",
            "data-0123456789abcdef0/head.bin",
            "data-0123456789abcdeg/head.bin",
            "data-../../../head.bin",
            "/data-0123456789abcdef/head.bin",
            "https://example.com/data-0123456789abcdef/head.bin",
            "data-0123456789abcdef/../head.bin",
        ] {
            assert!(!is_head_path(path), "{path:?}");
        }
    }
}
