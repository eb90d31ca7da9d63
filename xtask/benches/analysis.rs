//! `cargo bench -p xtask --bench analysis` (run by `cargo xtask bench`):
//! analysis throughput, and filter, facet-count and search times, at the
//! five seeds and generated corpora of 1,000 and 10,000 articles.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use corpus::analyse::analyse_files;
use corpus::bundle::bundle;
use corpus::read::{read_folder, SourceFile};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use orrery_core::state::State;
use xtask::synth::generate;

fn seeds() -> Vec<SourceFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    read_folder(&dir).expect("seeds read").0
}

fn synthetic(n: usize) -> Vec<SourceFile> {
    generate(n, 1).into_iter().map(|a| SourceFile { path: a.file.clone().into(), name: a.file, text: a.text }).collect()
}

fn corpora() -> Vec<(&'static str, Vec<SourceFile>)> {
    vec![("5 seeds", seeds()), ("1,000", synthetic(1000)), ("10,000", synthetic(10_000))]
}

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    for (name, files) in corpora() {
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &files, |b, files| {
            b.iter(|| analyse_files(black_box(files), &BTreeMap::new()).expect("analyses"))
        });
    }
    group.finish();
}

fn queries(c: &mut Criterion) {
    for (name, files) in corpora() {
        let corpus = analyse_files(&files, &BTreeMap::new()).expect("analyses");
        let b = bundle(corpus).expect("bundles");
        // Real values of this corpus, so that every query selects something.
        let country = b.corpus.documents[0].countries.first().map(|c| c.code.clone()).unwrap_or_default();
        let speaker = b.corpus.speakers.first().map(|s| s.slug.clone()).unwrap_or_default();
        let word = b.index.terms.iter().find(|t| t.len() > 5).cloned().unwrap_or_default();
        let year = b.corpus.documents[0].date.map(|d| d.year).unwrap_or(2022);
        let filter = &b.filter;
        let mut group = c.benchmark_group(format!("query/{name}"));
        for (label, query) in [
            ("no filter", String::new()),
            ("country facet", format!("?country={country}")),
            ("year and speaker", format!("?year={year}&speaker={speaker}")),
            ("search word", format!("?q={word}")),
            ("search prefix", format!("?q={}", &word[..3])),
            ("search first letter", "?q=s".to_owned()),
            ("search phrase", "?q=%22space%20cooperation%22".to_owned()),
        ] {
            let (state, _) = State::parse(&query, &b);
            let selection = state.selection;
            group.bench_function(label, |bench| {
                bench.iter(|| filter.run(&b.index, b.positions.as_slice(), black_box(&selection), Some(&b.titles)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, analysis, queries);
criterion_main!(benches);
