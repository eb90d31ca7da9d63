//! `cargo bench -p corpus`: analysis throughput, and filter, facet-count and
//! search times, on the seeds repeated to a larger corpus.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use corpus::analyse::{analyse_files, bundle};
use corpus::filter::run;
use corpus::read::{read_folder, SourceFile};
use corpus::state::State;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn seeds() -> Vec<SourceFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    read_folder(&dir).expect("seeds read").0
}

/// The seeds repeated `times` times under distinct file names.
fn repeated(times: usize) -> Vec<SourceFile> {
    let seeds = seeds();
    (0..times)
        .flat_map(|i| {
            seeds.iter().map(move |f| SourceFile { path: f.path.clone(), name: format!("{i:05}_{}", f.name), text: f.text.clone() })
        })
        .collect()
}

fn analysis(c: &mut Criterion) {
    let files = repeated(40);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("{} documents, {} KB", files.len(), bytes / 1024), |b| {
        b.iter(|| analyse_files(black_box(&files), &BTreeMap::new()).expect("analyses"))
    });
    group.finish();
}

fn queries(c: &mut Criterion) {
    let corpus = analyse_files(&repeated(200), &BTreeMap::new()).expect("analyses");
    let n = corpus.documents.len();
    let b = bundle(corpus);
    let mut group = c.benchmark_group(format!("query over {n} documents"));
    for (name, query) in [
        ("no filter", ""),
        ("country facet", "?country=VE&country=PK"),
        ("year and speaker", "?year=2022&speaker=wang-wenbin"),
        ("search one word", "?q=lunar"),
        ("search prefix while typing", "?q=spa"),
        ("search phrase", "?q=%22space%20station%22"),
    ] {
        let (state, _) = State::parse(query, &b.corpus);
        group.bench_function(name, |bench| bench.iter(|| run(&b.corpus, &b.index, black_box(&state))));
    }
    group.finish();
}

criterion_group!(benches, analysis, queries);
criterion_main!(benches);
