//! The data model shared by the analysis (native) and the viewer (wasm).
//!
//! Every span is a byte range into [`Document::text`], the file's decoded and
//! line-ending-normalised text, so the reader can mark any part of it and
//! nothing of the original is lost.

use serde::{Deserialize, Serialize};

extern crate alloc;
use alloc::string::String;
use alloc::vec::Vec;

/// A byte range `start..end` into a document's `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One analysed article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// File name inside the corpus folder, e.g. `000_be0666f600c29227.txt`.
    pub file: String,
    /// Stable, unique URL slug derived from the title.
    pub slug: String,
    pub title: String,
    /// The body paragraphs, as spans into `text`.
    pub paragraphs: Vec<Span>,
    /// The decoded text with `\n` line endings and no byte-order mark.
    pub text: String,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Everything the app embeds: the analysed corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
}
