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
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn range(self) -> core::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where a publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateSource {
    /// Read from the article's own header or dateline.
    Text,
    /// Given in the corpus folder's `corpus.toml`.
    Curator,
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
    pub kind: MentionKind,
    pub span: Span,
}

/// How often a document mentions a country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    pub code: String,
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
    pub span: Span,
    pub date: Date,
}

/// One analysed article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// File name inside the corpus folder, e.g. `000_be0666f600c29227.txt`.
    pub file: String,
    /// Stable, unique URL slug derived from the title.
    pub slug: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub date: Option<Date>,
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
    pub mentions: Vec<Mention>,
    /// Countries by number of mentions, most first.
    pub countries: Vec<CountryCount>,
    pub quotes: Vec<Quote>,
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

    /// The body after the dateline, as the start of the first paragraph.
    pub fn lede_span(&self) -> Option<Span> {
        let first = *self.paragraphs.first()?;
        let start = self.dateline.filter(|d| first.contains(*d)).map_or(first.start, |d| d.end);
        Some(Span { start, end: first.end })
    }

    /// Fills [`Document::lede`] and [`Document::quote_preview`] from the text.
    pub fn fill_previews(&mut self) {
        self.lede = self.lede_span().map(|s| truncate(self.slice(s).trim_start(), LEDE_CHARS)).unwrap_or_default();
        self.quote_preview = self.quotes.first().map(|q| truncate(&self.quote_text(q), QUOTE_PREVIEW_CHARS)).unwrap_or_default();
    }

    /// What the app embeds of a document whose text is in a shard: everything
    /// the cards, facets and filters read, without the text and the spans
    /// into it (and the file name, which the app never shows). Quotations
    /// keep only their speakers, which the filters need.
    pub fn summary(&self) -> Document {
        Document {
            file: String::new(),
            header: Vec::new(),
            dateline: None,
            paragraphs: Vec::new(),
            credits: Vec::new(),
            boilerplate: Vec::new(),
            mentions: Vec::new(),
            quotes: self.quotes.iter().map(|q| Quote { span: Span::default(), parts: Vec::new(), speaker: q.speaker }).collect(),
            event_dates: Vec::new(),
            text: String::new(),
            ..self.clone()
        }
    }
}

/// Characters of a card's lede and of its quotation preview.
pub const LEDE_CHARS: usize = 240;
pub const QUOTE_PREVIEW_CHARS: usize = 160;

/// At most `max` characters, cut at a word with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.into();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    alloc::format!("{cut}…")
}

/// A country the corpus mentions, with what the viewer shows of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// ISO 3166-1 numeric (0 where none).
    pub numeric: u16,
    pub name: String,
    pub region: String,
    pub subregion: String,
    pub lat: f32,
    pub lng: f32,
}

impl CountryInfo {
    /// The flag emoji, from the code's regional indicator symbols.
    pub fn flag(&self) -> String {
        self.code
            .bytes()
            .filter(u8::is_ascii_uppercase)
            .filter_map(|b| char::from_u32(0x1F1E6 + u32::from(b - b'A')))
            .collect()
    }
}

/// A person quoted in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub slug: String,
    /// Quotations attributed to them across the corpus.
    pub quotes: u32,
}

/// A news agency or publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub slug: String,
}

/// Everything the app embeds: the analysed corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Only the countries the documents mention, by code.
    pub countries: Vec<CountryInfo>,
    pub speakers: Vec<Speaker>,
    pub sources: Vec<Source>,
}

impl Corpus {
    pub fn country(&self, code: &str) -> Option<&CountryInfo> {
        self.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code))
    }
}

/// A country's shape on the world map: a compact relative SVG path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapShape {
    pub code: String,
    pub path: String,
}

/// A state too small for the map's scale, drawn as a dot at its coordinates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapDot {
    pub code: String,
    pub x: u16,
    pub y: u16,
}

/// The world map, projected at compile time (Equal Earth).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorldMap {
    pub width: u16,
    pub height: u16,
    pub shapes: Vec<MapShape>,
    pub dots: Vec<MapDot>,
}

/// What the app embeds, all built at compile time: the corpus, its search
/// index and the world map, and either every document's text and word
/// positions or where to fetch them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Whole documents, or their [`Document::summary`] when `shards` is set.
    pub corpus: Corpus,
    pub index: crate::search::SearchIndex,
    /// Facet values and orders, for filtering without work at start-up.
    pub filter: crate::filter::Filter,
    pub map: WorldMap,
    /// Every chunk of word positions, or none when `shards` is set.
    pub positions: Vec<crate::search::PositionChunk>,
    pub shards: Option<Shards>,
}

/// Where a large corpus keeps what the first view does not need: static
/// files written next to the app at build time, fetched when needed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shards {
    /// The folder, relative to the page: `data-` and a hash of its contents,
    /// so that a rebuilt corpus never meets a cached shard of an old one.
    pub dir: String,
}

impl Shards {
    /// The whole document `i`, as postcard bytes.
    pub fn document_path(&self, i: usize) -> String {
        alloc::format!("{}/doc/{i}.bin", self.dir)
    }
    /// Chunk `k` of the word positions, as postcard bytes.
    pub fn positions_path(&self, k: usize) -> String {
        alloc::format!("{}/pos/{k}.bin", self.dir)
    }
}
