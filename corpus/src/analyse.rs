//! From a folder of files to an analysed [`Corpus`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use crate::countries::{count as count_mentions, find_mentions};
use crate::date::Date;
use crate::dates::{find_dates, find_year};
use crate::gazetteer::gazetteer;
use crate::metadata::{read_metadata, Curated};
use crate::model::{Corpus, DateSource, Document, EventDate, Quote, Source, Span, Speaker};
use crate::quotes::pair_quotes;
use crate::read::{read_folder, CorpusError, SourceFile, Warning};
use crate::slug::{slugify, unique_slugs};
use crate::speakers::attribute;
use crate::structure::{header_agency, layout};

/// The result of analysing a folder: the corpus and the warnings to print.
#[derive(Debug)]
pub struct Analysis {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
}

/// Reads, decodes and analyses every `*.txt` file in `dir` and its
/// subfolders, in path order.
pub fn analyse_folder(dir: &Path) -> Result<Analysis, Vec<CorpusError>> {
    analyse_folder_observed(dir, &mut |_, _| {})
}

/// [`analyse_folder`], telling `observe(done, total)` after each file is
/// analysed, for a progress bar.
pub fn analyse_folder_observed(
    dir: &Path,
    observe: &mut dyn FnMut(usize, usize),
) -> Result<Analysis, Vec<CorpusError>> {
    Folder::read(dir)?.analyse_observed(observe)
}

/// A corpus folder read and decoded, with its curator's metadata: all the
/// analysis reads. Reading comes apart from analysing so that a build can
/// decide, from the text's size, how the app is built, and compile it while
/// the folder is analysed.
#[derive(Debug)]
pub struct Folder {
    /// Every text file, decoded, in path order.
    pub files: Vec<SourceFile>,
    /// The curator's metadata, by file name.
    pub curated: BTreeMap<String, Curated>,
    /// What reading found and the curator should know.
    pub warnings: Vec<Warning>,
}

impl Folder {
    /// Reads and decodes every `*.txt` file in `dir` and its subfolders, and
    /// the metadata beside them; every error names its file.
    pub fn read(dir: &Path) -> Result<Folder, Vec<CorpusError>> {
        let (files, warnings) = read_folder(dir)?;
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let curated = read_metadata(dir, &names)?;
        Ok(Folder { files, curated, warnings })
    }

    /// Bytes of text in the files, as decoded: what decides whether a
    /// corpus is embedded or sharded (`corpus::bundle::is_sharded`).
    pub fn text_bytes(&self) -> usize {
        self.files.iter().map(|f| f.text.len()).sum()
    }

    /// Analyses the files, telling `observe(done, total)` after each.
    pub fn analyse_observed(self, observe: &mut dyn FnMut(usize, usize)) -> Result<Analysis, Vec<CorpusError>> {
        let Folder { files, curated, mut warnings } = self;
        let (corpus, notes) = analyse_files_observed(&files, &curated, observe)?;
        warnings.extend(notes);
        Ok(Analysis { corpus, warnings })
    }
}

/// Analyses decoded files (in the given order) with the curator's metadata.
pub fn analyse_files(files: &[SourceFile], curated: &BTreeMap<String, Curated>) -> Result<Corpus, Vec<CorpusError>> {
    analyse_files_with_notes(files, curated).map(|(corpus, _)| corpus)
}

/// [`analyse_files`], with what the analysis changed and the curator should
/// know (a title cut to length), as warnings naming the file.
pub fn analyse_files_with_notes(
    files: &[SourceFile],
    curated: &BTreeMap<String, Curated>,
) -> Result<(Corpus, Vec<Warning>), Vec<CorpusError>> {
    analyse_files_observed(files, curated, &mut |_, _| {})
}

/// [`analyse_files_with_notes`], telling `observe(done, total)` after each file.
pub fn analyse_files_observed(
    files: &[SourceFile],
    curated: &BTreeMap<String, Curated>,
    observe: &mut dyn FnMut(usize, usize),
) -> Result<(Corpus, Vec<Warning>), Vec<CorpusError>> {
    let none = Curated::default();
    // Files are analysed in parallel, a batch at a time so that `observe`
    // runs on this thread; results keep the files' order, so the output is
    // the same on any number of cores.
    let batch = (files.len() / 100).clamp(64, 4096);
    let mut analysed: Vec<Analysed> = Vec::with_capacity(files.len());
    for chunk in files.chunks(batch) {
        let done: Vec<Analysed> =
            chunk.par_iter().map(|f| analyse_text(&f.name, &f.text, curated.get(&f.name).unwrap_or(&none))).collect();
        analysed.extend(done);
        observe(analysed.len(), files.len());
    }
    let notes: Vec<Warning> = files
        .iter()
        .zip(&analysed)
        .flat_map(|(f, a)| a.notes.iter().map(|n| Warning { path: f.path.clone(), message: n.clone() }))
        .collect();
    let mut errors: Vec<CorpusError> = files
        .iter()
        .zip(&analysed)
        .filter_map(|(f, a)| untitled(&a.document.title).map(|message| CorpusError::new(&f.path, message)))
        .collect();
    let mut corpus = Corpus::default();
    let speakers = speaker_table(&analysed);
    let sources = source_table(&analysed);
    // Ids by name: a corpus can quote tens of thousands of people.
    let ids = |names: Vec<&str>| -> BTreeMap<String, u32> {
        names.into_iter().enumerate().map(|(i, n)| (n.to_owned(), i as u32)).collect()
    };
    let speaker_ids = ids(speakers.iter().map(|s| s.name.as_str()).collect());
    let source_ids = ids(sources.iter().map(|s| s.name.as_str()).collect());
    for a in analysed {
        let mut doc = a.document;
        doc.source = a.source.and_then(|name| source_ids.get(name.as_str()).copied());
        doc.quotes = a
            .quotes
            .into_iter()
            .map(|(mut quote, speaker)| {
                quote.speaker = speaker.and_then(|name| speaker_ids.get(name.as_str()).copied());
                quote
            })
            .collect();
        fill_previews(&mut doc);
        corpus.documents.push(doc);
    }
    let codes: BTreeSet<&str> =
        corpus.documents.iter().flat_map(|d| d.countries.iter().map(|c| c.code.as_str())).collect();
    let g = gazetteer();
    corpus.countries = codes.iter().filter_map(|code| g.countries.get(*code).cloned()).collect();
    corpus.speakers = speakers;
    corpus.sources = sources;
    if let Err(slugs) = assign_slugs(files, &mut corpus.documents) {
        errors.extend(slugs);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    corpus.index_slugs();
    Ok((corpus, notes))
}

/// Why `title` is no title, if it is none: a card, a tab and a link need a
/// headline, and a row of asterisks or an empty line is not one.
fn untitled(title: &str) -> Option<String> {
    const FIX: &str = "put the headline on the first line, or give it a `title` in corpus.toml";
    if title.trim().is_empty() {
        Some(format!("it has no title: it holds header lines and no text; {FIX}"))
    } else if !title.chars().any(char::is_alphanumeric) {
        let shown: String = title.chars().take(60).collect::<String>().escape_debug().collect();
        Some(format!("it has no title: its first line \"{shown}\" has no letter or digit; {FIX}"))
    } else {
        None
    }
}

/// Characters of a card's lede.
pub const LEDE_CHARS: usize = 240;
/// Characters of a card's quotation preview.
pub const QUOTE_PREVIEW_CHARS: usize = 160;

/// The body after the dateline, as the start of the first paragraph.
pub fn lede_span(doc: &Document) -> Option<Span> {
    let first = *doc.paragraphs.first()?;
    let start = doc.dateline.filter(|d| first.contains(*d)).map_or(first.start, |d| d.end);
    Some(Span { start, end: first.end })
}

/// Fills [`Document::lede`] and [`Document::quote_preview`] from the text,
/// so that cards need no text.
fn fill_previews(doc: &mut Document) {
    doc.lede = lede_span(doc).map(|s| truncate(doc.slice(s).trim_start(), LEDE_CHARS)).unwrap_or_default();
    doc.quote_preview =
        doc.quotes.first().map(|q| truncate(&doc.quote_text(q), QUOTE_PREVIEW_CHARS)).unwrap_or_default();
}

/// At most `max` characters, cut at a word with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.into();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// One document's analysis before corpus-wide tables exist: speakers and the
/// source are still names.
pub struct Analysed {
    pub document: Document,
    pub source: Option<String>,
    pub quotes: Vec<(Quote, Option<String>)>,
    /// What the analysis changed that the curator should know.
    pub notes: Vec<String>,
}

/// Characters of a title; a longer first line (a file with no blank line,
/// say) is cut at a word, with a note.
pub const MAX_TITLE_CHARS: usize = 300;

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
    if date.is_none() {
        date = crate::dates::date_from_path(file);
        date_source = date.map(|_| DateSource::FileName);
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
    let mut notes = Vec::new();
    if mentions.len() >= crate::countries::MAX_MENTIONS {
        notes.push(format!(
            "it has {} country mentions or more; only the first {0} are marked",
            crate::countries::MAX_MENTIONS
        ));
    }
    let countries = count_mentions(&mentions);

    let pairings = pair_quotes(text, &layout.paragraphs);
    if pairings.len() >= crate::quotes::MAX_QUOTATIONS {
        notes.push(format!(
            "it has {} quotations or more; only the first {0} are marked",
            crate::quotes::MAX_QUOTATIONS
        ));
    }
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

    let mut title = curated.title.clone().unwrap_or_else(|| slice(layout.title));
    let length = title.chars().count();
    if length > MAX_TITLE_CHARS {
        title = truncate(&title, MAX_TITLE_CHARS);
        notes.push(format!(
            "its title line has {length} characters; cut to {MAX_TITLE_CHARS} (is the blank line after the title missing?)"
        ));
    }
    let document = Document {
        file: file.to_owned(),
        slug: String::new(),
        title,
        subtitle: layout.subtitle.map(slice),
        date,
        date_source,
        source: None,
        place: curated.place.clone().or_else(|| layout.dateline.as_ref().map(|d| d.place.clone())),
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
    Analysed { document, source, quotes, notes }
}

/// Every quoted person, most quoted first, with unique slugs.
fn speaker_table(analysed: &[Analysed]) -> Vec<Speaker> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for a in analysed {
        for name in a.quotes.iter().filter_map(|(_, s)| s.as_deref()) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut speakers: Vec<Speaker> = counts
        .into_iter()
        .map(|(name, quotes)| Speaker { name: name.to_owned(), slug: String::new(), quotes })
        .collect();
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

/// Gives every document a unique slug from its title. Two titles with the same
/// slug are told apart by their file names, which are unique and stable; only
/// if that still collides is it an error.
fn assign_slugs(files: &[SourceFile], documents: &mut [Document]) -> Result<(), Vec<CorpusError>> {
    let base: Vec<String> = documents
        .iter()
        .map(|d| {
            let slug = slugify(&d.title);
            if slug.is_empty() {
                slugify(d.file.trim_end_matches(".txt"))
            } else {
                slug
            }
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
            slug =
                [slug.as_str(), stem.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("-");
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
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
