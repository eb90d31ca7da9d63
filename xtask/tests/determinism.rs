//! The analysis runs in parallel over documents (rayon), and its output does
//! not depend on it: the bundle's bytes are the same on one thread and on
//! many, and from one run to the next.

use corpus::bundle::{bundle, serialise};
use corpus::read::SourceFile;

fn bytes_on(threads: usize, files: &[SourceFile]) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    pool.install(|| {
        let corpus = corpus::analyse::analyse_files(files, &Default::default()).unwrap();
        serialise(&bundle(corpus).unwrap())
    })
}

#[test]
fn the_bundle_is_byte_identical_on_one_thread_and_on_many() {
    // More files than one batch of the parallel analysis.
    let files: Vec<SourceFile> = xtask::synth::generate(700, 11)
        .into_iter()
        .map(|a| SourceFile { path: a.file.clone().into(), name: a.file, text: a.text })
        .collect();
    let one = bytes_on(1, &files);
    assert_eq!(one, bytes_on(4, &files));
    assert_eq!(one, bytes_on(3, &files));
}
