//! `cargo xtask build`: a release build with Trunk, and the size of what it made.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use rayon::prelude::*;

use crate::bundle;
use crate::cmd::{self, command, root};
use crate::tools::{ensure, Need};

#[derive(Clone, Debug)]
pub struct Options {
    pub corpus: PathBuf,
    pub public_url: String,
    pub dist: PathBuf,
    /// Bytes of text above which the corpus is sharded (`ORRERY_EMBED_LIMIT`);
    /// `None` leaves the environment's or the default.
    pub embed_limit: Option<usize>,
    /// Whether to print every built file's size after the build (`--no-sizes`
    /// leaves it out: gzipping a large corpus's shards takes a while).
    pub sizes: bool,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        let mut options = Options {
            corpus: root().join("seeds"),
            public_url: "/".into(),
            dist: root().join("dist"),
            embed_limit: None,
            sizes: true,
        };
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().cloned().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "--corpus" => options.corpus = cwd.join(value()?),
                "--dist" => options.dist = cwd.join(value()?),
                "--public-url" => options.public_url = normalise_public_url(&value()?),
                "--embed-limit" => {
                    let v = value()?;
                    options.embed_limit =
                        Some(v.parse().map_err(|_| format!("--embed-limit needs a number of bytes, not {v:?}"))?);
                }
                "--no-sizes" => options.sizes = false,
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        if !options.corpus.is_dir() {
            return Err(format!("the corpus folder {} does not exist", options.corpus.display()));
        }
        Ok(options)
    }
}

/// Trunk wants the public URL with a leading and a trailing slash.
fn normalise_public_url(url: &str) -> String {
    let trimmed = url.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

/// Trunk with the settings every task uses: offline, no version check, and the
/// corpus folder passed to `build.rs`.
pub fn trunk(subcommand: &str, options: &Options) -> Command {
    let mut trunk = command("trunk");
    trunk
        .arg(subcommand)
        .args(["--release", "--offline", "--public-url", &options.public_url])
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("CORPUS_DIR", &options.corpus);
    if let Some(limit) = options.embed_limit {
        trunk.env("ORRERY_EMBED_LIMIT", limit.to_string());
    }
    trunk
}

pub fn run(options: &Options) -> Result<(), String> {
    ensure(Need::Build)?;
    let started = std::time::Instant::now();
    build_site(options)?;
    println!(
        "built {} from {} in {:.1} s",
        options.dist.display(),
        options.corpus.display(),
        started.elapsed().as_secs_f64()
    );
    if options.sizes {
        print_sizes(&options.dist)?;
    }
    Ok(())
}

/// Builds the site: reads the corpus, then analyses it here while Trunk
/// compiles the app, and completes Trunk's output with the analysis
/// (`bundle::finish`). Trunk's hooks, which do the same for `trunk serve`,
/// are told to do nothing ([`bundle::ANALYSED_BY_XTASK`]).
///
/// A sharded corpus's app holds nothing of the corpus (its head is a file
/// the page preloads), so the two run at once, on both cores, and Cargo
/// compiles the app once for every such corpus. An embedded corpus's app
/// holds the bundle, so Trunk starts once it is written; such a corpus is
/// small ([`corpus::bundle::DEFAULT_EMBED_LIMIT`]) and quick to analyse.
pub fn build_site(options: &Options) -> Result<(), String> {
    let limit = match options.embed_limit {
        Some(limit) => limit,
        None => bundle::parse_embed_limit(std::env::var("ORRERY_EMBED_LIMIT").ok().as_deref())?,
    };
    let folder = bundle::read(&options.corpus)?;
    let sharded = corpus::bundle::is_sharded(folder.text_bytes(), limit);
    bundle::write_sharded(sharded)?;
    let mut trunk = trunk("build", options);
    trunk.arg("--dist").arg(&options.dist).env(bundle::ANALYSED_BY_XTASK, "1");
    if sharded {
        let mut child = trunk.spawn().map_err(|e| format!("cannot run {}: {e}", cmd::describe(&trunk)))?;
        if let Err(e) = bundle::analyse(&options.corpus, folder, true) {
            // The app is of no use without its corpus.
            let _ = child.kill();
            let _ = child.wait();
            return Err(e);
        }
        let status = child.wait().map_err(|e| format!("{} did not finish: {e}", cmd::describe(&trunk)))?;
        if !status.success() {
            return Err(format!("{} failed ({status})", cmd::describe(&trunk)));
        }
    } else {
        bundle::analyse(&options.corpus, folder, false)?;
        cmd::run(&mut trunk)?;
    }
    bundle::finish(&options.dist, true)
}

/// What a built file is to the page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// The page, which carries the first view's HTML, and its stylesheet:
    /// all the first card needs.
    FirstView,
    /// The app's JS and wasm, and a sharded corpus's head, asked for at
    /// once beside the first view: searching, filtering and reading wait
    /// for them.
    App,
    /// A shard (`data-*/`, fetched on demand) or the service worker
    /// (`sw.js`, registered once the page has loaded).
    Later,
}

/// What the built file `name` (relative to the site) is to the page.
pub fn part(name: &Path) -> Part {
    let first = name.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    let head = name.components().count() == 2 && name.file_name().is_some_and(|f| f == orrery_core::model::HEAD_FILE);
    if first.starts_with("data-") && head {
        Part::App
    } else if first.starts_with("data-") || name == Path::new("sw.js") {
        Part::Later
    } else if name.extension().is_some_and(|e| e == "js" || e == "wasm") {
        Part::App
    } else {
        Part::FirstView
    }
}

/// Prints every file's raw and gzipped size, with the totals of the first
/// view and of the app ([`part`]); shards are summed on one line.
pub fn print_sizes(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    files.sort();
    let (mut first, mut app) = ((0, 0), (0, 0));
    let (mut shard_files, mut shard_raw, mut shard_gz) = (0, 0, 0);
    // Compressed on every core: a large corpus has a hundred thousand shards.
    let sizes: Vec<(u64, u64)> = files
        .par_iter()
        .map(|file| {
            let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            Ok((bytes.len() as u64, gzip_len(&bytes)))
        })
        .collect::<Result<_, String>>()?;
    println!("{:>10} {:>10}  file", "raw", "gzip");
    for (file, (raw, gz)) in files.iter().zip(sizes) {
        let name = file.strip_prefix(dist).unwrap_or(file);
        let total = match part(name) {
            Part::Later if name == Path::new("sw.js") => {
                println!("{raw:>10} {gz:>10}  sw.js (once the page has loaded)");
                continue;
            }
            Part::Later => {
                (shard_files, shard_raw, shard_gz) = (shard_files + 1, shard_raw + raw, shard_gz + gz);
                continue;
            }
            Part::FirstView => &mut first,
            Part::App => &mut app,
        };
        *total = (total.0 + raw, total.1 + gz);
        println!("{raw:>10} {gz:>10}  {}", name.display());
    }
    let kb = |gz: u64| gz as f64 / 1024.0;
    println!("{:>10} {:>10}  first view: the page and its CSS ({:.1} KB gzipped)", first.0, first.1, kb(first.1));
    println!("{:>10} {:>10}  the app: JS, wasm and any head ({:.1} KB gzipped)", app.0, app.1, kb(app.1));
    println!(
        "{:>10} {:>10}  interactive: both ({:.1} KB gzipped)",
        first.0 + app.0,
        first.1 + app.1,
        kb(first.1 + app.1)
    );
    if shard_files > 0 {
        println!("{shard_raw:>10} {shard_gz:>10}  shards, fetched on demand ({shard_files} files, data-*/)");
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len() as u64).unwrap_or(0)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_its_app_and_a_head_are_told_apart_from_what_comes_later() {
        for (name, want) in [
            ("index.html", Part::FirstView),
            ("main-0f.css", Part::FirstView),
            ("orrery-0f.js", Part::App),
            ("orrery-0f_bg.wasm", Part::App),
            ("data-00000000000000ff/head.bin", Part::App),
            ("data-00000000000000ff/filter.bin", Part::Later),
            ("data-00000000000000ff/doc/head.bin", Part::Later),
            ("data-00000000000000ff/doc/7.bin", Part::Later),
            ("sw.js", Part::Later),
        ] {
            assert_eq!(part(Path::new(name)), want, "{name}");
        }
    }
}
