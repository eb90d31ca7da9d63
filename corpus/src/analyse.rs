//! From a folder of files to an analysed [`Corpus`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::metadata::read_metadata;
use crate::model::{Corpus, Document, Span};
use crate::read::{read_folder, CorpusError, SourceFile, Warning};
use crate::slug::slugify;

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
    let _curated = read_metadata(dir, &names)?;
    let mut documents: Vec<Document> = files.iter().map(analyse_file).collect();
    assign_slugs(&files, &mut documents)?;
    Ok(Analysis { corpus: Corpus { documents }, warnings })
}

fn analyse_file(file: &SourceFile) -> Document {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in file.text.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let offset = start + (line.len() - line.trim_start().len());
            lines.push(Span::new(offset, offset + trimmed.len()));
        }
        start += line.len() + 1;
    }
    let title = lines.first().map(|s| file.text[s.range()].to_owned()).unwrap_or_default();
    Document {
        file: file.name.clone(),
        slug: String::new(),
        title,
        paragraphs: lines.into_iter().skip(1).collect(),
        text: file.text.clone(),
    }
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
