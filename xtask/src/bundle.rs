//! The analysis, once per build. Trunk's `pre_build` hook (`cargo xtask
//! bundle`) analyses the corpus folder and writes the bundle and the shards
//! into `target/orrery/` (or `ORRERY_BUNDLE_DIR`); `build.rs` only embeds
//! the bundle file, and the `post_build` hook (`cargo xtask shards`) copies
//! the shards into Trunk's output. Cargo gives `build.rs` no way to reach
//! Trunk's output, and Trunk gives its hooks no way to pass a file to
//! `build.rs`, hence the fixed folder between them.
//!
//! Trunk reruns the hook on every rebuild (`cargo xtask serve` watches the
//! corpus), and the bundle file is rewritten only when its bytes change, so
//! an unchanged corpus does not make Cargo recompile the app.

use std::path::{Path, PathBuf};

use corpus::bundle::{is_sharded, site_as, DEFAULT_EMBED_LIMIT};
use rayon::prelude::*;

use crate::cmd::root;

/// Where the bundle and the shards wait between the hooks and `build.rs`.
pub fn bundle_dir() -> PathBuf {
    std::env::var_os("ORRERY_BUNDLE_DIR").map_or_else(|| root().join("target/orrery"), PathBuf::from)
}

/// The embed limit from the variable's value, if it is set.
pub fn parse_embed_limit(value: Option<&str>) -> Result<usize, String> {
    match value {
        None => Ok(DEFAULT_EMBED_LIMIT),
        Some(v) => v.trim().parse().map_err(|_| format!("ORRERY_EMBED_LIMIT must be a number of bytes, not {v:?}")),
    }
}

/// Folders with fewer files than this analyse too fast for a progress bar.
const PROGRESS_FROM: usize = 200;

/// A progress bar over the files being analysed: count, rate and time left.
/// Drawn on standard error only when it is a terminal (Trunk passes its own
/// on to the hook), so logs and CI stay quiet.
fn progress_bar() -> impl FnMut(usize, usize) {
    let mut bar: Option<indicatif::ProgressBar> = None;
    move |done, total| {
        if total < PROGRESS_FROM {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr_with_hz(10),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("analysing {bar:30} {pos}/{len} files, {rate}, {eta} left")
            {
                bar.set_style(style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0} files/s", state.per_sec());
                    },
                ));
            }
            bar
        });
        bar.set_position(done as u64);
        if done == total {
            bar.finish_and_clear();
        }
    }
}

/// Set for Trunk's hooks by `cargo xtask build`, which analyses the corpus
/// itself (see [`crate::build::build_site`]): the hooks then do nothing.
pub const ANALYSED_BY_XTASK: &str = "ORRERY_ANALYSED_BY_XTASK";

/// Whether the hooks are run by a `cargo xtask build` that does their work.
fn analysed_by_xtask() -> bool {
    std::env::var_os(ANALYSED_BY_XTASK).is_some()
}

/// Reads and decodes the corpus folder, naming every file that cannot be read.
pub fn read(corpus: &Path) -> Result<corpus::analyse::Folder, String> {
    corpus::analyse::Folder::read(corpus).map_err(|errors| corpus::read::describe_errors(corpus, &errors))
}

/// Writes whether the app is built for a sharded corpus (`build.rs` reads
/// it): an embedded one compiles the bundle in and no code for fetching
/// parts; a sharded one compiles nothing of the corpus. Rewritten only when
/// it changes, so Cargo rebuilds the app only then.
pub fn write_sharded(sharded: bool) -> Result<(), String> {
    let dir = bundle_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let flag = dir.join("sharded");
    let sharded: &[u8] = if sharded { b"1" } else { b"0" };
    if std::fs::read(&flag).ok().as_deref() != Some(sharded) {
        std::fs::write(&flag, sharded).map_err(|e| format!("cannot write {}: {e}", flag.display()))?;
    }
    Ok(())
}

/// Analyses `corpus` once and writes `bundle.bin` and `shards/` into
/// [`bundle_dir`], then prints a summary of what was found.
pub fn prepare(corpus: &Path, embed_limit: usize) -> Result<(), String> {
    let folder = read(corpus)?;
    let sharded = is_sharded(folder.text_bytes(), embed_limit);
    write_sharded(sharded)?;
    analyse(corpus, folder, sharded)
}

/// Analyses the `folder` read from `corpus` and writes `bundle.bin` and
/// `shards/` into [`bundle_dir`], sharded or not as [`write_sharded`] said,
/// then prints a summary of what was found.
pub fn analyse(corpus: &Path, folder: corpus::analyse::Folder, sharded: bool) -> Result<(), String> {
    // The last build's shards (a hundred thousand files for a large corpus)
    // are moved aside and removed while this one is analysed.
    let dir = bundle_dir();
    let shards = dir.join("shards");
    let old = dir.join(format!("shards-old-{}", std::process::id()));
    let removal =
        std::fs::rename(&shards, &old).ok().map(|()| std::thread::spawn(move || std::fs::remove_dir_all(old)));
    let analysis = folder
        .analyse_observed(&mut progress_bar())
        .map_err(|errors| corpus::read::describe_errors(corpus, &errors))?;
    for warning in &analysis.warnings {
        eprintln!("{warning}");
    }
    let summary = corpus::summary::Summary::of(&analysis);
    let site = site_as(analysis.corpus, sharded)?;
    let _ = std::fs::remove_dir_all(&shards);
    std::fs::create_dir_all(&shards).map_err(|e| format!("cannot create {}: {e}", shards.display()))?;
    let bundle = dir.join("bundle.bin");
    // Unchanged bytes keep the file's time, so Cargo does not rebuild the app.
    if std::fs::read(&bundle).ok().as_deref() != Some(site.bundle.as_slice()) {
        std::fs::write(&bundle, &site.bundle).map_err(|e| format!("cannot write {}: {e}", bundle.display()))?;
    }
    // The folders first, then the files on every core.
    let folders: std::collections::BTreeSet<&Path> =
        site.files.iter().filter_map(|(path, _)| Path::new(path).parent()).collect();
    for folder in folders {
        let target = shards.join(folder);
        std::fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    }
    site.files.par_iter().try_for_each(|(path, contents)| {
        let target = shards.join(path);
        std::fs::write(&target, contents).map_err(|e| format!("cannot write {}: {e}", target.display()))
    })?;
    if let Some(removal) = removal {
        let _ = removal.join();
    }
    let bytes: usize = site.files.iter().map(|(_, b)| b.len()).sum();
    eprintln!("{summary}");
    eprintln!(
        "xtask bundle: {} ({} KB){}",
        corpus.display(),
        site.bundle.len() / 1024,
        if site.files.is_empty() {
            String::new()
        } else {
            format!(", {} shards, {:.1} MB", site.files.len(), bytes as f64 / 1e6)
        }
    );
    Ok(())
}

/// Trunk's `pre_build` hook: the corpus is `CORPUS_DIR` (default `seeds`),
/// the limit `ORRERY_EMBED_LIMIT`. (Under `cargo xtask build`, which
/// analyses the corpus itself, it does nothing.)
pub fn hook() -> Result<(), String> {
    if analysed_by_xtask() {
        return Ok(());
    }
    let corpus = root().join(std::env::var_os("CORPUS_DIR").unwrap_or_else(|| "seeds".into()));
    let limit = parse_embed_limit(std::env::var("ORRERY_EMBED_LIMIT").ok().as_deref())?;
    prepare(&corpus, limit)
}

/// Trunk's `post_build` hook: [`finish`] in Trunk's staging folder. (Under
/// `cargo xtask build` it does nothing: the build finishes the site once
/// Trunk and its own analysis are done.)
pub fn copy_shards() -> Result<(), String> {
    if analysed_by_xtask() {
        return Ok(());
    }
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("xtask shards runs as Trunk's post_build hook, which sets TRUNK_STAGING_DIR")?;
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    finish(&staging, release)
}

/// Completes the site Trunk built in `site` with the last `prepare`: its
/// shards, as hard links where it can (see [`link_tree`]), the first view
/// in the page, and the service worker.
pub fn finish(site: &Path, release: bool) -> Result<(), String> {
    link_tree(&bundle_dir().join("shards"), site)?;
    write_first_view(site)?;
    write_service_worker(site, release)
}

/// Writes the first view into the built page: the HTML of the app's own
/// components at their first instant, for the bundle of the last `prepare`
/// (`orrery::prerender`). The first card then shows before the app's code
/// has arrived. A sharded corpus's page also names its head, and preloads
/// it beside the app ([`xtask::page::preload_head`]).
pub fn write_first_view(site: &Path) -> Result<(), String> {
    let bundle = bundle_dir().join("bundle.bin");
    let bytes = std::fs::read(&bundle).map_err(|e| format!("cannot read {}: {e}", bundle.display()))?;
    let html = orrery::prerender::first_view(&bytes)?;
    // A sharded corpus's app starts from its head, which the page names.
    let head = orrery::data::decode(&bytes)?.shards.map(|shards| shards.head_path());
    let page = site.join("index.html");
    let text = std::fs::read_to_string(&page).map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let mut filled = xtask::page::fill_first_view(&text, &html).map_err(|e| format!("{}: {e}", page.display()))?;
    if let Some(head) = head {
        filled = xtask::page::preload_head(&filled, &head).map_err(|e| format!("{}: {e}", page.display()))?;
    }
    std::fs::write(&page, filled).map_err(|e| format!("cannot write {}: {e}", page.display()))
}

/// The service worker's source, which the build completes.
const SERVICE_WORKER: &str = include_str!("../../src/sw.js");

/// Writes `sw.js` into the built site: the worker (`src/sw.js`) with the
/// build's hash and its app files (every file beside `index.html`; the
/// shard folders are cached as they are read). A debug build gets a worker
/// that caches nothing and removes itself, so `cargo xtask serve` always
/// shows the latest build.
pub fn write_service_worker(site: &Path, release: bool) -> Result<(), String> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let mut shell: Vec<(String, Vec<u8>)> = Vec::new();
    let mut folders: Vec<String> = Vec::new();
    let entries = std::fs::read_dir(site).map_err(|e| format!("cannot read {}: {e}", site.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", site.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            folders.push(name);
        } else if name != "sw.js" {
            shell.push((name.clone(), read(&entry.path())?));
        }
    }
    shell.sort();
    folders.sort();
    // The page is cached as the scope itself ("./"), whatever its file name.
    let paths: Vec<String> =
        shell.iter().map(|(name, _)| if name == "index.html" { String::new() } else { name.clone() }).collect();
    let hash = corpus::bundle::content_hash(
        shell
            .iter()
            .flat_map(|(name, bytes)| [name.as_bytes(), bytes.as_slice()])
            .chain(folders.iter().map(|f| f.as_bytes())),
    );
    let (build, files) = match release {
        true => (serde_json::Value::from(hash).to_string(), serde_json::Value::from(paths).to_string()),
        false => ("null".to_owned(), "[]".to_owned()),
    };
    let source = SERVICE_WORKER.replace("\"__ORRERY_BUILD__\"", &build).replace("\"__ORRERY_SHELL__\"", &files);
    let target = site.join("sw.js");
    std::fs::write(&target, source).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// Every file under `from`, with where it goes under `to`; the folders are
/// made under `to` as they are found.
fn tree_files(from: &Path, to: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let mut files = Vec::new();
    let mut folders = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((from, to)) = folders.pop() {
        std::fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        for entry in std::fs::read_dir(&from).map_err(|e| format!("cannot read {}: {e}", from.display()))? {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
            let pair = (entry.path(), to.join(entry.file_name()));
            match entry.file_type().map_err(|e| format!("cannot read {}: {e}", pair.0.display()))?.is_dir() {
                true => folders.push(pair),
                false => files.push(pair),
            }
        }
    }
    Ok(files)
}

/// Puts the files and subfolders of `from` into the folder `to` as hard
/// links, on every core, copying a file only where a link cannot be made
/// (another file system). A large corpus's shards are a hundred thousand
/// files that no one writes to again (a new build writes a new folder), so
/// the site shares them with the build's rather than copying 400 MB.
pub fn link_tree(from: &Path, to: &Path) -> Result<(), String> {
    tree_files(from, to)?.par_iter().try_for_each(|(source, target)| {
        // A file left by an earlier build at the same path is replaced.
        let _ = std::fs::remove_file(target);
        std::fs::hard_link(source, target)
            .or_else(|_| std::fs::copy(source, target).map(drop))
            .map_err(|e| format!("cannot copy {} to {}: {e}", source.display(), target.display()))
    })
}

/// Copies the files and subfolders of `from` into the folder `to`.
pub fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    tree_files(from, to)?.iter().try_for_each(|(source, target)| {
        std::fs::copy(source, target)
            .map(drop)
            .map_err(|e| format!("cannot copy {} to {}: {e}", source.display(), target.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_worker_knows_its_build_and_its_files() {
        let site = std::env::temp_dir().join(format!("orrery-sw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(site.join("data-0123")).unwrap();
        std::fs::write(site.join("index.html"), "<html>").unwrap();
        std::fs::write(site.join("orrery-1a2b_bg.wasm"), "wasm").unwrap();
        write_service_worker(&site, true).unwrap();
        let first = std::fs::read_to_string(site.join("sw.js")).unwrap();
        assert!(first.contains(r#"const SHELL = ["","orrery-1a2b_bg.wasm"];"#), "{first}");
        let build = |sw: &str| sw.lines().find(|l| l.starts_with("const BUILD")).unwrap().to_owned();
        assert!(build(&first).len() > "const BUILD = \"\";".len() + 15, "{}", build(&first));
        // Another build of the app is another worker, and so an update.
        std::fs::write(site.join("orrery-1a2b_bg.wasm"), "wasm 2").unwrap();
        write_service_worker(&site, true).unwrap();
        let second = std::fs::read_to_string(site.join("sw.js")).unwrap();
        assert_ne!(build(&first), build(&second));
        // The same files give the same worker, byte for byte.
        write_service_worker(&site, true).unwrap();
        assert_eq!(std::fs::read_to_string(site.join("sw.js")).unwrap(), second);
        write_service_worker(&site, false).unwrap();
        assert!(std::fs::read_to_string(site.join("sw.js")).unwrap().contains("const BUILD = null;"));
        std::fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn a_linked_tree_has_every_file_and_folder_and_replaces_old_files() {
        let dir = std::env::temp_dir().join(format!("orrery-link-tree-{}", std::process::id()));
        let (from, to) = (dir.join("from"), dir.join("to"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(from.join("data-1/doc")).unwrap();
        std::fs::write(from.join("data-1/filter.bin"), b"facets").unwrap();
        std::fs::write(from.join("data-1/doc/0.bin"), b"text").unwrap();
        std::fs::create_dir_all(to.join("data-1")).unwrap();
        std::fs::write(to.join("data-1/filter.bin"), b"an older build's").unwrap();
        link_tree(&from, &to).unwrap();
        assert_eq!(std::fs::read(to.join("data-1/filter.bin")).unwrap(), b"facets");
        assert_eq!(std::fs::read(to.join("data-1/doc/0.bin")).unwrap(), b"text");
        // A missing source is an error that names it.
        let error = link_tree(&dir.join("nowhere"), &to).unwrap_err();
        assert!(error.contains("nowhere"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_embed_limit_is_a_number_of_bytes_or_an_error_naming_the_value() {
        assert_eq!(parse_embed_limit(None), Ok(DEFAULT_EMBED_LIMIT));
        assert_eq!(parse_embed_limit(Some(" 0 ")), Ok(0));
        let error = parse_embed_limit(Some("1MB")).unwrap_err();
        assert!(error.contains("ORRERY_EMBED_LIMIT") && error.contains("\"1MB\""), "{error}");
    }
}
