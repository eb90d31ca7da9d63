//! `cargo xtask build`: a release build with Trunk, and the size of what it made.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, command, root};
use crate::tools::{ensure, Need};

#[derive(Clone, Debug)]
pub struct Options {
    pub corpus: PathBuf,
    pub public_url: String,
    pub dist: PathBuf,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        let mut options = Options { corpus: root().join("seeds"), public_url: "/".into(), dist: root().join("dist") };
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().cloned().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "--corpus" => options.corpus = cwd.join(value()?),
                "--dist" => options.dist = cwd.join(value()?),
                "--public-url" => options.public_url = normalise_public_url(&value()?),
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
    if trimmed.is_empty() { "/".into() } else { format!("/{trimmed}/") }
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
    trunk
}

pub fn run(options: &Options) -> Result<u64, String> {
    ensure(Need::Build)?;
    let started = std::time::Instant::now();
    run_trunk_build(options)?;
    println!("built {} from {} in {:.1} s", options.dist.display(), options.corpus.display(), started.elapsed().as_secs_f64());
    print_sizes(&options.dist)
}

pub fn run_trunk_build(options: &Options) -> Result<(), String> {
    let mut trunk = trunk("build", options);
    trunk.arg("--dist").arg(&options.dist);
    cmd::run(&mut trunk)
}

/// Prints every file's raw and gzipped size, and returns the gzipped total.
pub fn print_sizes(dist: &Path) -> Result<u64, String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    files.sort();
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("{:>10} {:>10}  file", "raw", "gzip");
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len() as u64;
        gz_total += gz;
        println!("{:>10} {:>10}  {}", bytes.len(), gz, file.strip_prefix(dist).unwrap_or(file).display());
    }
    println!("{raw_total:>10} {gz_total:>10}  total ({:.1} KB gzipped)", gz_total as f64 / 1024.0);
    Ok(gz_total)
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
