//! `cargo xtask bench`: every figure in BENCHMARKS.md.
//!
//! 1. Native, criterion: analysis throughput and query times at the seeds,
//!    1,000 and 10,000 generated articles (`cargo bench -p xtask --bench analysis`).
//! 2. Release builds of the app for each corpus: build time and the gzipped
//!    size of what the first view loads (the page, which carries the first
//!    view's HTML, and its CSS), and of what the page needs to be
//!    interactive (with the app's JS and wasm).
//! 3. In Chromium (Playwright, Performance API in the page): first card,
//!    the app started, facet click and search keystroke, median and p95
//!    over 30 repetitions.
//! 4. Side by side with Pagefind on the 1,000- and 10,000-article corpora
//!    rendered as static HTML: bytes before the first results, and query
//!    latency.
//!
//! Results are printed and written to `target/bench/results.md`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::build::{build_site, gzip_len, Options};
use crate::cmd::{command, root, run, run_capturing};
use crate::test::{free_port, StaticServer};
use crate::tools::{ensure, Need};

const QUERIES: [&str; 10] = [
    "space",
    "cooperation agency",
    "mission",
    "research program",
    "new",
    "space cooperation",
    "agency",
    "program",
    "the mission",
    "research",
];

/// The generated corpora Pagefind indexes too, for the side-by-side run.
const PAGEFIND_SCALES: [usize; 2] = [1000, 10_000];

struct Scale {
    name: &'static str,
    corpus: PathBuf,
    site: &'static str,
}

pub fn run_all(quick: bool) -> Result<(), String> {
    ensure(Need::Browser)?;
    let bench = root().join("target/bench");
    std::fs::create_dir_all(&bench).map_err(|e| e.to_string())?;
    let mut report = String::from("# Benchmark results\n\n");

    let mut scales = vec![Scale { name: "5 seeds", corpus: root().join("seeds"), site: "seeds" }];
    for (n, site) in [(1000usize, "s1000"), (10_000, "s10000")] {
        let dir = bench.join(format!("corpus-{n}"));
        crate::synth_task::write(n, 1, &dir)?;
        // truth.json is for tests; the corpus folder holds only articles.
        let _ = std::fs::remove_file(dir.join("truth.json"));
        scales.push(Scale { name: if n == 1000 { "1,000" } else { "10,000" }, corpus: dir, site });
    }

    println!("\n=== analysis throughput ===");
    report.push_str("## Analysis throughput (reading, decoding and analysing a folder)\n\n");
    report.push_str(&throughput(&scales[2].corpus)?);
    report.push('\n');

    if !quick {
        println!("\n=== native benchmarks (criterion) ===");
        let (ok, lines) = run_capturing(command("cargo").args(["bench", "-q", "-p", "xtask", "--bench", "analysis"]))?;
        if !ok {
            return Err("cargo bench failed".into());
        }
        report.push_str("## Native (criterion)\n\n```\n");
        for line in lines
            .iter()
            .filter(|l| l.contains("time:") || l.contains("thrpt:") || (!l.starts_with(' ') && l.contains('/')))
        {
            let _ = writeln!(report, "{line}");
        }
        report.push_str("```\n\n");
    }

    println!("\n=== adversarial texts ===");
    report.push_str("## Adversarial texts (analysis of one article)\n\n");
    report.push_str(&adversarial()?);
    report.push('\n');

    println!("\n=== builds ===");
    let site = bench.join("site");
    let _ = std::fs::remove_dir_all(&site);
    report.push_str("## Builds\n\n| corpus | build time | first view (page and CSS), gzipped | interactive (with JS and wasm), gzipped | of which wasm | shards (fetched on demand), gzipped |\n|---|---|---|---|---|---|\n");
    for scale in &scales {
        let options = Options {
            corpus: scale.corpus.clone(),
            public_url: format!("/{}/", scale.site),
            dist: site.join(scale.site),
            embed_limit: None,
            sizes: false,
        };
        let started = Instant::now();
        build_site(&options)?;
        let seconds = started.elapsed().as_secs_f64();
        let size = page_size(&options.dist)?;
        let (files, shards) = shard_size(&options.dist)?;
        let shards = if files == 0 {
            "none (embedded)".to_owned()
        } else {
            format!("{:.1} MB in {files} files", shards as f64 / 1e6)
        };
        let _ = writeln!(
            report,
            "| {} | {seconds:.1} s | {:.1} KB | {:.1} KB | {:.1} KB | {shards} |",
            scale.name,
            size.first_view as f64 / 1024.0,
            size.interactive as f64 / 1024.0,
            size.wasm as f64 / 1024.0
        );
    }

    // Pagefind indexes the same generated corpora, rendered as static HTML.
    let pagefind = ensure_pagefind(&bench)?;
    let mut pagefind_seconds = Vec::new();
    for n in PAGEFIND_SCALES {
        println!("\n=== Pagefind index of the {n}-article corpus ===");
        let pagefind_site = site.join(format!("pagefind-{n}"));
        render_html(&bench.join(format!("corpus-{n}")), &pagefind_site)?;
        let started = Instant::now();
        run(command(&pagefind.to_string_lossy()).arg("--site").arg(&pagefind_site))?;
        pagefind_seconds.push(started.elapsed().as_secs_f64());
    }

    let port = free_port()?;
    let _server = StaticServer::start_gzip(&site, port)?;
    let base = format!("http://127.0.0.1:{port}");

    println!("\n=== in Chromium ===");
    report.push_str("\n## In Chromium (ms; median / p95: first card over 30 navigations, clicks and keystrokes over 100, first interactions over 10 fresh pages)\n\n| corpus | first card | interactive | facet click → DOM | facet click → next task | keystroke → DOM | keystroke → next task | bytes before first card | bytes before interactive | DOM elements |\n|---|---|---|---|---|---|---|---|---|---|\n");
    let mut cold_table = String::from("\n## The first interaction of a fresh page, with its fetches (ms; median / p95 over 10 pages)\n\n| corpus | facet click | one-word search | phrase | opening an article |\n|---|---|---|---|---|\n");
    for scale in &scales {
        let url = format!("{base}/{}/", scale.site);
        let json = perf(&url, 30, 100)?;
        let cell = |k: &str| format!("{} / {}", json[k]["median"], json[k]["p95"]);
        let _ = writeln!(
            report,
            "| {} | {} | {} | {} | {} | {} | {} | {:.1} KB | {:.1} KB | {} |",
            scale.name,
            cell("first_card"),
            cell("interactive"),
            cell("facet"),
            cell("facet_task"),
            cell("keystroke"),
            cell("keystroke_task"),
            json["bytes"].as_f64().unwrap_or(0.0) / 1024.0,
            json["bytes_interactive"].as_f64().unwrap_or(0.0) / 1024.0,
            json["dom_elements"]
        );
        let _ = writeln!(
            cold_table,
            "| {} | {} | {} | {} | {} |",
            scale.name,
            cell("cold_facet"),
            cell("cold_word"),
            cell("cold_phrase"),
            cell("cold_open")
        );
    }
    report.push_str(&cold_table);

    for (n, seconds) in PAGEFIND_SCALES.into_iter().zip(pagefind_seconds) {
        println!("\n=== Orrery and Pagefind, same queries, {n} articles ===");
        let (ok, lines) = run_capturing(
            command("node")
                .arg("scripts/pagefind.mjs")
                .arg(format!("{base}/s{n}/"))
                .arg(format!("{base}/pagefind-{n}/"))
                .arg(QUERIES.join("|"))
                .current_dir(root().join("e2e")),
        )?;
        let json: serde_json::Value =
            lines.last().filter(|_| ok).and_then(|l| serde_json::from_str(l).ok()).ok_or("pagefind.mjs failed")?;
        let kb = |side: &str, key: &str| json[side][key].as_f64().unwrap_or(0.0) / 1024.0;
        let bytes_row = |label: &str, key: &str| {
            let (orrery, pagefind) = (kb("orrery", key), kb("pagefind", key));
            let ratio = orrery / pagefind.max(f64::MIN_POSITIVE);
            format!("| {label} | — | {orrery:.1} KB ({ratio:.1}× Pagefind's) | {pagefind:.1} KB |\n")
        };
        let _ = write!(
            report,
            "\n## Orrery and Pagefind, {n} articles\n\nPagefind indexed the rendered site in {seconds:.1} s.\n\n| | Orrery: results | Orrery: with excerpts | Pagefind |\n|---|---|---|---|\n{}{}",
            bytes_row("bytes of the requests made before the first results", "bytes"),
            bytes_row("bytes of every request done 200 ms after them", "bytes_all"),
        );
        for q in QUERIES {
            let orrery = &json["orrery"]["latency"][q];
            let _ = writeln!(
                report,
                "| `{q}` latency | {} ms | {} ms | {} ms |",
                orrery["results"], orrery["excerpts"], json["pagefind"]["latency"][q]
            );
        }
    }

    let out = bench.join("results.md");
    std::fs::write(&out, &report).map_err(|e| e.to_string())?;
    println!("\n{report}\nwritten to {}", out.display());
    Ok(())
}

/// The in-browser timings of `e2e/scripts/perf.mjs` for the page at `url`:
/// first card over `pages` fresh pages, clicks and keystrokes over `actions`.
fn perf(url: &str, pages: u32, actions: u32) -> Result<serde_json::Value, String> {
    let (ok, lines) = run_capturing(
        command("node")
            .arg("scripts/perf.mjs")
            .arg(url)
            .arg(pages.to_string())
            .arg(actions.to_string())
            .current_dir(root().join("e2e")),
    )?;
    lines.last().filter(|_| ok).and_then(|l| serde_json::from_str(l).ok()).ok_or(format!("perf.mjs failed for {url}"))
}

/// CPU time and the largest resident size of this process's finished
/// children (and theirs): what a build cost, read before and after it.
struct ChildUsage {
    cpu_seconds: f64,
    peak_bytes: u64,
}

fn child_usage() -> ChildUsage {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole `rusage` into the pointer it is given,
    // which points to one; RUSAGE_CHILDREN is a valid `who`.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    ChildUsage {
        cpu_seconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        // Kilobytes on Linux.
        peak_bytes: usage.ru_maxrss.max(0) as u64 * 1024,
    }
}

/// Removes Cargo's fingerprints of the app's release wasm build (its crate
/// and build script run), so the next build compiles the app's crate again.
fn forget_app_build() -> Result<(), String> {
    let dir = root().join("target/wasm32-unknown-unknown/release/.fingerprint");
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(()) };
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        // `orrery-<hash>`, not `orrery-core-<hash>`.
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.strip_prefix("orrery-").is_some_and(|hash| hash.bytes().all(|b| b.is_ascii_hexdigit())) {
            std::fs::remove_dir_all(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// `cargo xtask bench --scale N`: N generated articles (seed 1, kept in
/// `target/bench/corpus-N` for the next run), built once and opened in
/// Chromium: build time, CPU time over wall time (2.0 is both cores busy the
/// whole build), the largest process's peak memory, the first view, and the
/// first card, a facet click and a keystroke (median / p95 over 10 pages and
/// 30 actions: the pages are slow at this size).
pub fn scale(n: usize) -> Result<(), String> {
    ensure(Need::Browser)?;
    let bench = root().join("target/bench");
    let dir = bench.join(format!("corpus-{n}"));
    // Written last, beside the folder: a run stopped halfway writes it anew.
    let complete = bench.join(format!("corpus-{n}.complete"));
    if !complete.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        crate::synth_task::write(n, 1, &dir)?;
        let _ = std::fs::remove_file(dir.join("truth.json"));
        std::fs::write(&complete, "").map_err(|e| e.to_string())?;
    }
    let site = bench.join("scale-site");
    let dist = site.join("scale");
    // The build as a curator runs it, in a process of its own, so that what
    // it costs is all in this process's children's usage: wall time and CPU
    // time over it.
    // A copy of this program: Trunk's hooks run `cargo run -p xtask`, which
    // may relink the original.
    let exe = bench.join("xtask-build");
    std::fs::copy(std::env::current_exe().map_err(|e| e.to_string())?, &exe)
        .map_err(|e| format!("cannot copy xtask to {}: {e}", exe.display()))?;
    let build = || -> Result<(f64, f64), String> {
        let _ = std::fs::remove_dir_all(&site);
        let mut build = std::process::Command::new(&exe);
        build.args(["build", "--no-sizes", "--public-url", "/scale/", "--corpus"]).arg(&dir).arg("--dist").arg(&dist);
        let before = child_usage();
        let started = Instant::now();
        run(&mut build)?;
        let wall = started.elapsed().as_secs_f64();
        Ok((wall, (child_usage().cpu_seconds - before.cpu_seconds) / wall))
    };
    // First with the app's own crate compiled anew for the browser (not its
    // dependencies, nor the native tools), as a first corpus's build is, and
    // as every build was while the app embedded its corpus's head; then
    // again, as every later corpus's build is: a sharded corpus's app does
    // not change with the corpus. Cargo's record of the app's wasm build is
    // removed, so it compiles it again.
    forget_app_build()?;
    let (wall, cores) = build()?;
    let (again, cores_again) = build()?;
    let after = child_usage();
    println!(
        "\nBuilds of {n} articles: {wall:.1} s, CPU ÷ wall {cores:.2}, compiling the app; {again:.1} s, \
         {cores_again:.2}, with the app compiled; peak memory {:.2} GB.",
        after.peak_bytes as f64 / 1e9
    );
    let size = page_size(&dist)?;
    let port = free_port()?;
    let _server = StaticServer::start_gzip(&site, port)?;
    let url = format!("http://127.0.0.1:{port}/scale/");
    let json = perf(&url, 10, 30)?;
    let cell = |k: &str| format!("{} / {}", json[k]["median"], json[k]["p95"]);
    println!("{}", composition()?);
    println!(
        "\n| articles | build | CPU ÷ wall | peak memory | first view, gzipped | interactive, gzipped | of which wasm | first card | interactive | facet click → DOM | keystroke → DOM |\n|---|---|---|---|---|---|---|---|---|---|---|\n| {n} | {wall:.1} s | {:.2} | {:.2} GB | {:.1} KB | {:.1} KB | {:.1} KB | {} ms | {} ms | {} ms | {} ms |",
        cores,
        after.peak_bytes as f64 / 1e9,
        size.first_view as f64 / 1024.0,
        size.interactive as f64 / 1024.0,
        size.wasm as f64 / 1024.0,
        cell("first_card"),
        cell("interactive"),
        cell("facet"),
        cell("keystroke"),
    );
    println!(
        "\nOn a throttled network (10 Mbit/s, 40 ms round trip; ms, median / p95 over 5 pages):\n\n| articles | first card | interactive |\n|---|---|---|\n| {n} | {} | {} |",
        cell("first_card_10mbit"),
        cell("interactive_10mbit"),
    );
    println!(
        "\nThe first interaction of a fresh page, with its fetches (ms, median / p95 over 10 pages):\n\n| articles | facet click | one-word search | phrase | opening an article |\n|---|---|---|---|---|\n| {n} | {} | {} | {} | {} |",
        cell("cold_facet"),
        cell("cold_word"),
        cell("cold_phrase"),
        cell("cold_open"),
    );
    Ok(())
}

/// What the bundles of the last build carry, part by part, gzipped each on
/// its own: the embedded one (a head, for a sharded corpus: where the first
/// view's data bytes go) and the whole one it fetches, if any.
fn composition() -> Result<String, String> {
    let dir = crate::bundle::bundle_dir();
    let mut out = describe(&dir.join("bundle.bin"), "embedded bundle")?;
    for entry in std::fs::read_dir(dir.join("shards")).into_iter().flatten().flatten() {
        let body = entry.path().join("bundle.bin");
        if body.is_file() {
            out += &describe(&body, "whole bundle, fetched after the first view")?;
        }
    }
    Ok(out)
}

/// One bundle file, part by part.
fn describe(path: &Path, name: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bundle: orrery_core::Bundle =
        postcard::from_bytes(&bytes).map_err(|e| format!("cannot decode {}: {e}", path.display()))?;
    let part = |name: &str, raw: Vec<u8>| {
        format!("| {name} | {:.1} KB | {:.1} KB |\n", raw.len() as f64 / 1024.0, gzip_len(&raw) as f64 / 1024.0)
    };
    let c = &bundle.corpus;
    let mut out = format!("\n| {name}: part | raw | gzipped |\n|---|---|---|\n");
    out += &part("documents (summaries when sharded)", corpus::bundle::serialise(&c.documents));
    out += &part(
        "countries (and an embedded corpus's speakers, sources)",
        corpus::bundle::serialise(&(&c.speakers, &c.sources, &c.countries)),
    );
    out += &part("search index: terms, postings, lengths", corpus::bundle::serialise(&bundle.index));
    out += &part("word positions (embedded only)", corpus::bundle::serialise(&bundle.positions));
    out += &part("filter: facets, dates", corpus::bundle::serialise(&bundle.filter));
    out += &part("world map", corpus::bundle::serialise(&bundle.map));
    out += &part("all of it", bytes);
    Ok(out)
}

/// npm `pagefind` (which ships its binary in a platform package), installed
/// for the benchmark only, beside its results: the registry here has only the
/// Linux binaries, so it cannot sit in e2e's lockfile, which `npm ci` checks
/// for every platform.
fn ensure_pagefind(bench: &Path) -> Result<PathBuf, String> {
    let tools = bench.join("tools");
    let binary = tools.join("node_modules/.bin/pagefind");
    let version = crate::cmd::output(command(&binary.to_string_lossy()).arg("--version")).unwrap_or_default();
    if version.trim() == format!("pagefind {PAGEFIND_VERSION}") {
        return Ok(binary);
    }
    std::fs::create_dir_all(&tools).map_err(|e| e.to_string())?;
    println!("xtask: installing npm pagefind {PAGEFIND_VERSION} for the benchmark");
    run(command("npm")
        .args(["install", "--no-audit", "--no-fund", "--no-save", "--prefix"])
        .arg(&tools)
        .arg(format!("pagefind@{PAGEFIND_VERSION}")))?;
    Ok(binary)
}

const PAGEFIND_VERSION: &str = "1.6.0";

/// Gzipped sizes of a build's page: what its first view loads, what it
/// loads to be interactive (with the app), and the wasm alone.
struct PageSize {
    first_view: u64,
    interactive: u64,
    wasm: u64,
}

fn page_size(dist: &Path) -> Result<PageSize, String> {
    use crate::build::Part;
    let mut size = PageSize { first_view: 0, interactive: 0, wasm: 0 };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        // A sharded corpus's head is the one file in its folder the app needs.
        let head = path.join(orrery_core::model::HEAD_FILE);
        files.push(if path.is_dir() { head } else { path });
    }
    for path in files {
        let name = path.strip_prefix(dist).unwrap_or(&path);
        let part = crate::build::part(name);
        if !path.is_file() || part == Part::Later {
            continue;
        }
        let gz = gzip_len(&std::fs::read(&path).map_err(|e| e.to_string())?);
        size.interactive += gz;
        if part == Part::FirstView {
            size.first_view += gz;
        }
        if path.extension().is_some_and(|e| e == "wasm") {
            size.wasm += gz;
        }
    }
    Ok(size)
}

/// The files under the build's shard folders (`data-*/`) and their gzipped
/// total: what a sharded corpus fetches on demand.
fn shard_size(dist: &Path) -> Result<(usize, u64), String> {
    fn walk(dir: &Path, out: &mut (usize, u64)) -> Result<(), String> {
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                walk(&path, out)?;
            } else {
                out.0 += 1;
                out.1 += gzip_len(&std::fs::read(&path).map_err(|e| e.to_string())?);
            }
        }
        Ok(())
    }
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() && path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("data-")) {
            walk(&path, &mut total)?;
        }
    }
    Ok(total)
}

/// Renders a corpus as static HTML pages, one per article, for Pagefind.
fn render_html(corpus: &Path, out: &Path) -> Result<(), String> {
    let analysis =
        corpus::analyse::analyse_folder(corpus).map_err(|errors| format!("{} corpus errors", errors.len()))?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    for doc in &analysis.corpus.documents {
        let body: String = doc.paragraphs.iter().map(|&p| format!("<p>{}</p>\n", escape(doc.slice(p)))).collect();
        let html = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main data-pagefind-body><h1>{}</h1>\n{body}</main></body></html>\n",
            escape(&doc.title),
            escape(&doc.title)
        );
        std::fs::write(out.join(format!("{}.html", doc.slug)), html).map_err(|e| e.to_string())?;
    }
    std::fs::write(out.join("index.html"), "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Search</title></head><body></body></html>\n")
        .map_err(|e| e.to_string())
}

/// Sizes of the adversarial table.
const ADVERSARIAL_SIZES: [usize; 2] = [1 << 20, 10 << 20];

/// The hostile-text table: each generator of `xtask::adversarial` and
/// news-like text at 1 MB and 10 MB, analysed in a process of its own:
/// seconds, the ratio to news-like text of the same size, and peak memory
/// over the input's size.
/// `bench --throughput`: only the throughput line, on the 10,000-article
/// generated corpus.
pub fn throughput_only() -> Result<(), String> {
    let dir = root().join("target/bench/corpus-10000");
    crate::synth_task::write(10_000, 1, &dir)?;
    let _ = std::fs::remove_file(dir.join("truth.json"));
    throughput(&dir).map(|_| ())
}

/// Throughput the analysis must keep (issue 11): MiB of text per second.
const MIN_THROUGHPUT_MIB_S: f64 = 8.0;

/// Reads and analyses `dir` three times and reports the best run against
/// [`MIN_THROUGHPUT_MIB_S`]. A measurement, not a test: a slow machine prints
/// "below" and goes on.
fn throughput(dir: &Path) -> Result<String, String> {
    let files = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let bytes: u64 = files.filter_map(Result::ok).filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        corpus::analyse::analyse_folder(dir)
            .map_err(|errors| format!("{} does not analyse: {errors:?}", dir.display()))?;
        best = best.min(started.elapsed().as_secs_f64());
    }
    let mib = bytes as f64 / f64::from(1 << 20);
    let rate = mib / best;
    let verdict = if rate >= MIN_THROUGHPUT_MIB_S { "at or above" } else { "BELOW" };
    let line = format!(
        "{} generated articles, {mib:.1} MiB: {best:.2} s, {rate:.1} MiB/s ({verdict} the {MIN_THROUGHPUT_MIB_S} MiB/s floor)",
        dir.read_dir().map(|d| d.count()).unwrap_or(0),
    );
    println!("{line}");
    Ok(format!("{line}\n"))
}

pub fn adversarial() -> Result<String, String> {
    let mut table =
        String::from("| text | size | analysis | × news-like | peak memory (× input) |\n|---|---|---|---|---|\n");
    let names: Vec<&str> =
        std::iter::once("news").chain(xtask::adversarial::GENERATORS.iter().map(|(name, _)| *name)).collect();
    for bytes in ADVERSARIAL_SIZES {
        let mut news = None;
        for (i, name) in names.iter().enumerate() {
            let out = crate::cmd::output(
                command(&std::env::current_exe().map_err(|e| e.to_string())?.to_string_lossy()).args([
                    "adversarial-case",
                    &i.to_string(),
                    &bytes.to_string(),
                ]),
            )
            .ok_or(format!("the case {name} at {bytes} bytes failed"))?;
            let mut fields = out.split_whitespace().map(|f| f.parse::<f64>().unwrap_or(f64::NAN));
            let (seconds, peak) = (fields.next().unwrap_or(f64::NAN), fields.next().unwrap_or(f64::NAN));
            let base = *news.get_or_insert(seconds);
            let _ = writeln!(
                table,
                "| {name} | {} MB | {seconds:.2} s | {:.2} | {:.1} |",
                bytes >> 20,
                seconds / base,
                peak / bytes as f64
            );
            println!("{name} at {} MB: {seconds:.2} s, peak {:.0} MB", bytes >> 20, peak / 1e6);
        }
    }
    // The issue's large file: 50 MB of news-like text.
    let bytes = 50 << 20;
    let out =
        crate::cmd::output(command(&std::env::current_exe().map_err(|e| e.to_string())?.to_string_lossy()).args([
            "adversarial-case",
            "0",
            &bytes.to_string(),
        ]))
        .ok_or("the 50 MB news-like case failed")?;
    let mut fields = out.split_whitespace().map(|f| f.parse::<f64>().unwrap_or(f64::NAN));
    let (seconds, peak) = (fields.next().unwrap_or(f64::NAN), fields.next().unwrap_or(f64::NAN));
    let _ = writeln!(table, "| news | 50 MB | {seconds:.2} s | 1.00 | {:.1} |", peak / bytes as f64);
    Ok(table)
}

/// `adversarial-case INDEX BYTES`: 0 is news-like text, then the generators
/// in order. Prints the analysis's seconds and the growth of the process's
/// peak resident memory during it, in bytes.
pub fn adversarial_case(args: &[String]) -> Result<(), String> {
    let [index, bytes] = args else { return Err("adversarial-case INDEX BYTES".into()) };
    let index: usize = index.parse().map_err(|_| "INDEX must be a number")?;
    let bytes: usize = bytes.parse().map_err(|_| "BYTES must be a number")?;
    let text = match index {
        0 => xtask::adversarial::news(bytes),
        i => (xtask::adversarial::GENERATORS.get(i - 1).ok_or("no such case")?.1)(bytes),
    };
    // The gazetteer and the patterns are built on first use: build them
    // before measuring, so that the figure is what this text costs.
    std::hint::black_box(corpus::analyse::analyse_text(
        "warm.txt",
        "Title\n\nChina said “yes” on May 4, 2022.",
        &Default::default(),
    ));
    let before = peak_resident();
    let started = Instant::now();
    let analysed = corpus::analyse::analyse_text("case.txt", &text, &Default::default());
    let seconds = started.elapsed().as_secs_f64();
    std::hint::black_box(&analysed);
    println!("{seconds} {}", peak_resident().saturating_sub(before));
    Ok(())
}

/// The process's peak resident memory in bytes (`VmHWM`, Linux), or 0.
fn peak_resident() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .map_or(0, |kb: u64| kb * 1024)
}
