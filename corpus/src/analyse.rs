//! From a folder of files to an analysed [`Corpus`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::countries::{count as count_mentions, find_mentions};
use crate::date::Date;
use crate::dates::{find_dates, find_year};
use crate::gazetteer::gazetteer;
use crate::metadata::{read_metadata, Curated};
use crate::model::{Bundle, Corpus, DateSource, Document, EventDate, Quote, Shards, Source, Span, Speaker};
use crate::quotes::pair_quotes;
use crate::read::{read_folder, CorpusError, SourceFile, Warning};
use crate::slug::slugify;
use crate::speakers::attribute;
use crate::structure::{header_agency, layout};

/// The result of analysing a folder: the corpus and the warnings to print.
#[derive(Debug)]
pub struct Analysis {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
}

/// Reads, decodes and analyses every `*.txt` file in `dir`, in file-name order.
pub fn analyse_folder(dir: &Path) -> Result<Analysis, Vec<CorpusError>> {
    let (files, warnings) = read_folder(dir)?;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let curated = read_metadata(dir, &names)?;
    let corpus = analyse_files(&files, &curated)?;
    Ok(Analysis { corpus, warnings })
}

/// The corpus with its search index, word positions and map, all in one
/// bundle (nothing sharded).
pub fn bundle(corpus: Corpus) -> Bundle {
    let fold = crate::fold::fold_table(corpus.documents.iter().flat_map(|d| [d.text.as_str(), d.title.as_str()]));
    let (index, positions) = crate::search::SearchIndex::build(&corpus.documents, fold);
    let codes: BTreeSet<&str> = corpus.countries.iter().map(|c| c.code.as_str()).collect();
    let map = crate::geo::read_map(crate::geo::MAP_TSV, &codes);
    let filter = crate::filter::Filter::new(&corpus);
    Bundle { corpus, index, filter, map, positions, shards: None }
}

/// Corpora with more text than this (in bytes) keep their texts and word
/// positions in shards; smaller ones are embedded whole. Set by the
/// `ORRERY_EMBED_LIMIT` environment variable.
pub const DEFAULT_EMBED_LIMIT: usize = 256 * 1024;

/// What a build writes: the bundle the app embeds, and the files to put
/// next to it (none when everything is embedded).
pub struct Site {
    pub bundle: Vec<u8>,
    /// Paths relative to the page, and their contents.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The embed limit from `ORRERY_EMBED_LIMIT`, or an error naming the bad value.
pub fn embed_limit_from_env() -> Result<usize, String> {
    parse_embed_limit(std::env::var("ORRERY_EMBED_LIMIT").ok().as_deref())
}

/// The embed limit from the variable's value, if it is set.
pub fn parse_embed_limit(value: Option<&str>) -> Result<usize, String> {
    match value {
        None => Ok(DEFAULT_EMBED_LIMIT),
        Some(v) => v.trim().parse().map_err(|_| format!("ORRERY_EMBED_LIMIT must be a number of bytes, not {v:?}")),
    }
}

/// Bundles a corpus for the app: whole when its text is at most `embed_limit`
/// bytes; otherwise document summaries and the index are embedded, and every
/// document and chunk of word positions becomes a shard, fetched when a
/// document opens or a phrase needs it.
pub fn site(corpus: Corpus, embed_limit: usize) -> Site {
    let text: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let mut bundle = bundle(corpus);
    if text <= embed_limit {
        return Site { bundle: serialise(&bundle), files: Vec::new() };
    }
    let documents: Vec<Vec<u8>> = bundle.corpus.documents.iter().map(serialise).collect();
    let chunks: Vec<Vec<u8>> = bundle.positions.iter().map(serialise).collect();
    bundle.corpus.documents = bundle.corpus.documents.iter().map(Document::summary).collect();
    bundle.positions = Vec::new();
    // The folder is named by a hash of everything in it and of the bundle.
    let mut hash = Fnv::default();
    for bytes in documents.iter().chain(&chunks) {
        hash.write(bytes);
    }
    hash.write(&serialise(&bundle));
    let shards = Shards { dir: format!("data-{:016x}", hash.0) };
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, bytes) in documents.into_iter().enumerate() {
        out.push((shards.document_path(i), bytes));
    }
    for (k, bytes) in chunks.into_iter().enumerate() {
        out.push((shards.positions_path(k), bytes));
    }
    bundle.shards = Some(shards);
    Site { bundle: serialise(&bundle), files: out }
}

/// Postcard bytes: the format the app decodes.
fn serialise<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("the model has no types postcard cannot write")
}

/// FNV-1a, 64 bits: a stable name for a shard folder, not a security hash.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Analyses decoded files (in the given order) with the curator's metadata.
pub fn analyse_files(files: &[SourceFile], curated: &BTreeMap<String, Curated>) -> Result<Corpus, Vec<CorpusError>> {
    let none = Curated::default();
    let analysed: Vec<Analysed> =
        files.iter().map(|f| analyse_text(&f.name, &f.text, curated.get(&f.name).unwrap_or(&none))).collect();
    let mut corpus = Corpus::default();
    let speakers = speaker_table(&analysed);
    let sources = source_table(&analysed);
    for a in analysed {
        let mut doc = a.document;
        doc.source = a.source.and_then(|name| sources.iter().position(|s| s.name == name)).map(|i| i as u32);
        doc.quotes = a
            .quotes
            .into_iter()
            .map(|(mut quote, speaker)| {
                quote.speaker = speaker.and_then(|name| speakers.iter().position(|s| s.name == name)).map(|i| i as u32);
                quote
            })
            .collect();
        doc.fill_previews();
        corpus.documents.push(doc);
    }
    let codes: BTreeSet<&str> = corpus.documents.iter().flat_map(|d| d.countries.iter().map(|c| c.code.as_str())).collect();
    let g = gazetteer();
    corpus.countries = codes.iter().filter_map(|code| g.countries.get(*code).cloned()).collect();
    corpus.speakers = speakers;
    corpus.sources = sources;
    assign_slugs(files, &mut corpus.documents)?;
    Ok(corpus)
}

/// One document's analysis before corpus-wide tables exist: speakers and the
/// source are still names.
pub struct Analysed {
    pub document: Document,
    pub source: Option<String>,
    pub quotes: Vec<(Quote, Option<String>)>,
}

/// Analyses one document's text. Never panics, whatever the text.
pub fn analyse_text(file: &str, text: &str, curated: &Curated) -> Analysed {
    let layout = layout(text);
    let slice = |span: Span| text.get(span.range()).unwrap_or("").to_owned();

    // Publication date: the first full date in the header, else a dateline's
    // month and day with the year from the header. Body dates are events.
    let mut date = layout.header.iter().find_map(|&h| find_dates(text, h).into_iter().next().map(|(_, d)| d));
    if date.is_none() {
        if let Some((month, day)) = layout.dateline.as_ref().and_then(|d| d.month_day) {
            let year = layout.header.iter().find_map(|&h| find_year(text.get(h.range()).unwrap_or("")));
            date = year.and_then(|y| Date::new(y, month, day));
        }
    }
    let mut date_source = date.map(|_| DateSource::Text);
    if let Some(curated_date) = curated.date {
        date = Some(curated_date);
        date_source = Some(DateSource::Curator);
    }

    // The curator's word overrides the text's.
    let source = curated
        .source
        .clone()
        .or_else(|| layout.dateline.as_ref().and_then(|d| d.agency.clone()))
        .or_else(|| layout.header.iter().find_map(|&h| header_agency(text.get(h.range()).unwrap_or(""))));

    let mut blocks = vec![layout.title];
    blocks.extend(layout.subtitle);
    blocks.extend(layout.paragraphs.iter().copied());
    let mentions = find_mentions(text, &blocks);
    let countries = count_mentions(&mentions);

    let pairings = pair_quotes(text, &layout.paragraphs);
    let quotes = attribute(text, &layout.paragraphs, &blocks, pairings)
        .into_iter()
        .map(|a| (Quote { span: a.pairing.span, parts: a.pairing.parts, speaker: None }, a.speaker))
        .collect();

    let event_dates = layout
        .paragraphs
        .iter()
        .flat_map(|&p| find_dates(text, p))
        .map(|(span, date)| EventDate { span, date })
        .collect();

    let title = curated.title.clone().unwrap_or_else(|| slice(layout.title));
    let document = Document {
        file: file.to_owned(),
        slug: String::new(),
        title,
        subtitle: layout.subtitle.map(slice),
        date,
        date_source,
        source: None,
        place: layout.dateline.as_ref().map(|d| d.place.clone()),
        url: curated.url.clone(),
        header: layout.header.clone(),
        dateline: layout.dateline.as_ref().map(|d| d.span),
        paragraphs: layout.paragraphs.clone(),
        credits: layout.credits.clone(),
        boilerplate: layout.boilerplate.clone(),
        mentions,
        countries,
        quotes: Vec::new(),
        event_dates,
        lede: String::new(),
        quote_preview: String::new(),
        text: text.to_owned(),
    };
    Analysed { document, source, quotes }
}

/// Every quoted person, most quoted first, with unique slugs.
fn speaker_table(analysed: &[Analysed]) -> Vec<Speaker> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for a in analysed {
        for name in a.quotes.iter().filter_map(|(_, s)| s.as_deref()) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut speakers: Vec<Speaker> =
        counts.into_iter().map(|(name, quotes)| Speaker { name: name.to_owned(), slug: String::new(), quotes }).collect();
    speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    let slugs = unique_slugs(speakers.iter().map(|s| s.name.as_str()), "speaker");
    for (speaker, slug) in speakers.iter_mut().zip(slugs) {
        speaker.slug = slug;
    }
    speakers
}

fn source_table(analysed: &[Analysed]) -> Vec<Source> {
    let names: BTreeSet<&str> = analysed.iter().filter_map(|a| a.source.as_deref()).collect();
    let slugs = unique_slugs(names.iter().copied(), "source");
    names.into_iter().zip(slugs).map(|(name, slug)| Source { name: name.to_owned(), slug }).collect()
}

/// Slugs for names, made unique with a counter in the order given; a name
/// with no slug-able letters gets `fallback`.
fn unique_slugs<'a>(names: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut taken = BTreeSet::new();
    names
        .map(|name| {
            let base = Some(slugify(name)).filter(|s| !s.is_empty()).unwrap_or_else(|| fallback.to_owned());
            let mut slug = base.clone();
            let mut n = 2;
            while !taken.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            slug
        })
        .collect()
}

/// Gives every document a unique slug from its title. Two titles with the same
/// slug are told apart by their file names, which are unique and stable; only
/// if that still collides is it an error.
fn assign_slugs(files: &[SourceFile], documents: &mut [Document]) -> Result<(), Vec<CorpusError>> {
    let base: Vec<String> = documents
        .iter()
        .map(|d| {
            let slug = slugify(&d.title);
            if slug.is_empty() { slugify(d.file.trim_end_matches(".txt")) } else { slug }
        })
        .collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for slug in &base {
        *count.entry(slug.as_str()).or_default() += 1;
    }
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    for (i, doc) in documents.iter_mut().enumerate() {
        let mut slug = base[i].clone();
        if count[base[i].as_str()] > 1 || slug.is_empty() {
            let stem = slugify(doc.file.trim_end_matches(".txt"));
            slug = [slug.as_str(), stem.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("-");
        }
        if slug.is_empty() {
            errors.push(CorpusError::new(&files[i].path, "neither the title nor the file name gives a URL slug"));
        } else if let Some(&other) = taken.get(&slug) {
            errors.push(CorpusError::new(
                &files[i].path,
                format!("its URL slug \"{slug}\" is the same as that of {}; rename one file", files[other].name),
            ));
        } else {
            taken.insert(slug.clone(), i);
        }
        doc.slug = slug;
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}
