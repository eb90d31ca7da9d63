//! The views, each rendering what `corpus` computed.

pub mod articles;
pub mod contexts;
pub mod countries;
pub mod download;
pub mod facets;
pub mod link;
pub mod marked;
pub mod masthead;
pub mod notices;
pub mod quotes;
pub mod reader;
pub mod timeline;
