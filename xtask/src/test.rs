//! `cargo xtask test`: every test layer in order, then one line that totals them.
//!
//! 1. hygiene: `cargo fmt --check`, `cargo clippy -D warnings` natively and
//!    for wasm32, and `cargo tree` showing that the runtime crate and the app
//!    pull in no analysis dependency;
//! 2. `cargo test --workspace`, natively;
//! 3. the app's wasm tests in headless Chromium, then in headless Firefox
//!    ESR (wasm-bindgen-test-runner);
//! 4. end-to-end: release builds for `/orrery/` (the seeds, embedded),
//!    `/alt/` (a curator's folder) and `/big/` (400 generated articles), the
//!    last two sharded, served by a plain static file server with no rewrite
//!    rules, driven by Playwright in Debian's Chromium;
//! 5. cross-engine: the checks of `e2e/cross/checks.mjs` against the same
//!    builds in Firefox ESR and in WebKitGTK, over WebDriver.
//!
//! It exits non-zero if any test failed or if any layer ran no test.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::build::{build_site, Options};
use crate::cmd::{command, root, run_capturing};
use crate::tools::{ensure, Need};

/// A test layer: what it passed and failed.
type Layer = fn() -> Result<Tally, String>;

#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

pub fn run() -> Result<(), String> {
    let started = std::time::Instant::now();
    ensure(Need::Browser)?;
    // The native and wasm layers embed the seeds.
    crate::bundle::prepare(&root().join("seeds"), corpus::bundle::DEFAULT_EMBED_LIMIT)?;
    let layers: [(&str, Layer); 7] = [
        ("hygiene", hygiene),
        ("native", native),
        ("wasm (Chromium)", wasm),
        ("wasm (Firefox)", wasm_firefox),
        ("end-to-end (Chromium)", end_to_end),
        ("cross-engine (Firefox)", || cross_engine("firefox")),
        ("cross-engine (WebKit)", || cross_engine("webkit")),
    ];
    let mut total = Tally::default();
    let mut problems = Vec::new();
    for (name, layer) in layers {
        println!("\n=== {name} tests ===");
        let layer_started = std::time::Instant::now();
        let tally = layer().unwrap_or_else(|message| {
            eprintln!("xtask: the {name} layer could not run: {message}");
            Tally { passed: 0, failed: 1 }
        });
        println!(
            "--- {name}: {} passed, {} failed ({:.0} s)",
            tally.passed,
            tally.failed,
            layer_started.elapsed().as_secs_f64()
        );
        if tally.passed + tally.failed == 0 {
            problems.push(format!("the {name} layer ran no test"));
        }
        total.passed += tally.passed;
        total.failed += tally.failed;
    }
    println!("\nall layers took {:.0} s", started.elapsed().as_secs_f64());
    for problem in &problems {
        eprintln!("xtask: {problem}");
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 || !problems.is_empty() {
        return Err("tests failed".into());
    }
    Ok(())
}

/// Crates that must never reach the wasm: the analysis's.
const ANALYSIS_CRATES: [&str; 5] = ["regex", "aho-corasick", "toml", "encoding_rs", "unicode-normalization"];

/// Each check is one test: formatting, lints for both targets, and the
/// runtime's dependency tree.
fn hygiene() -> Result<Tally, String> {
    let wasm = "wasm32-unknown-unknown";
    let mut tally = Tally::default();
    let mut check = |name: &str, ok: bool| {
        println!("{} {name}", if ok { "ok    " } else { "FAILED" });
        if ok {
            tally.passed += 1
        } else {
            tally.failed += 1
        }
    };
    let status = |c: &mut Command| c.status().is_ok_and(|s| s.success());
    check("cargo fmt --check", status(command("cargo").args(["fmt", "--all", "--check"])));
    check(
        "cargo clippy (native) -D warnings",
        status(command("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])),
    );
    // The app with its tests, and the runtime's library (its tests use
    // proptest, which does not build for wasm32).
    for (package, targets) in [("orrery", "--all-targets"), ("orrery-core", "--lib")] {
        let args = ["clippy", "-p", package, targets, "--target", wasm, "--", "-D", "warnings"];
        check(&format!("cargo clippy -p {package} (wasm32) -D warnings"), status(command("cargo").args(args)));
    }
    // The runtime crate has no analysis crate in its tree, and the app has
    // no path to the build crate (Leptos's own config loader brings regex
    // and toml into the app's tree; nothing of ours does).
    let tree = |package: &str| {
        let args = ["tree", "-p", package, "--target", wasm, "-e", "normal", "--prefix", "none"];
        crate::cmd::output(command("cargo").args(args))
            .map(|t| t.lines().filter_map(|l| l.split_whitespace().next().map(str::to_owned)).collect::<Vec<_>>())
    };
    let runtime = tree("orrery-core");
    let found: Vec<&str> =
        ANALYSIS_CRATES.into_iter().filter(|c| runtime.as_ref().is_none_or(|t| t.iter().any(|n| n == c))).collect();
    if !found.is_empty() {
        eprintln!("xtask: orrery-core for wasm32 depends on {found:?} (or cargo tree failed)");
    }
    check("cargo tree: orrery-core for wasm32 has no analysis crate", found.is_empty());
    let app = tree("orrery");
    check(
        "cargo tree: the app for wasm32 does not depend on the build crate",
        app.is_some_and(|t| !t.iter().any(|n| n == "corpus")),
    );
    Ok(tally)
}

fn native() -> Result<Tally, String> {
    cargo_test(command("cargo").args(["test", "--workspace"]))
}

fn wasm() -> Result<Tally, String> {
    let mut cargo = command("cargo");
    cargo
        .args(["test", "-p", "orrery", "--target", "wasm32-unknown-unknown"])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    cargo_test(&mut cargo)
}

/// The same wasm tests in headless Firefox ESR: wasm-bindgen-test-runner
/// drives geckodriver, and `webdriver.json` names Debian's binary.
fn wasm_firefox() -> Result<Tally, String> {
    let mut cargo = command("cargo");
    cargo
        .args(["test", "-p", "orrery", "--target", "wasm32-unknown-unknown"])
        .env("GECKODRIVER", crate::cmd::cargo_bin().join("geckodriver"))
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    cargo_test(&mut cargo)
}

/// `e2e/cross/checks.mjs` in one engine over WebDriver, against the sites
/// the end-to-end layer built (the seeds at `/orrery/`, the sharded `/alt/`
/// and `/big/`).
fn cross_engine(engine: &str) -> Result<Tally, String> {
    let site = root().join("target/e2e-site");
    if ["orrery", "alt", "big"].iter().any(|sub| !site.join(sub).join("index.html").exists()) {
        return Err(format!("no site in {}: the end-to-end layer builds it", site.display()));
    }
    let port = free_port()?;
    let server = StaticServer::start(&site, port)?;
    let report = root().join(format!("target/cross-{engine}.json"));
    let _ = std::fs::remove_file(&report);
    let base = format!("http://127.0.0.1:{port}/orrery/");
    let (success, _) = run_capturing(command("node").arg("e2e/cross/run.mjs").arg(engine).arg(&base).arg(&report))?;
    drop(server);
    let text = std::fs::read_to_string(&report).map_err(|e| format!("no report at {}: {e}", report.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("bad report: {e}"))?;
    let mut tally =
        Tally { passed: json["passed"].as_u64().unwrap_or(0), failed: json["failed"].as_u64().unwrap_or(0) };
    if !success && tally.failed == 0 {
        tally.failed = 1;
    }
    Ok(tally)
}

/// Runs a cargo test command and adds up its `test result:` lines. A failure
/// with no failed test (a compile error, say) counts as one failure.
fn cargo_test(command: &mut Command) -> Result<Tally, String> {
    let (success, lines) = run_capturing(command)?;
    let mut tally = Tally::default();
    for line in &lines {
        if let Some(rest) = line.trim().strip_prefix("test result: ") {
            tally.passed += number_before(rest, " passed");
            tally.failed += number_before(rest, " failed");
        }
    }
    if !success && tally.failed == 0 {
        tally.failed = 1;
    }
    Ok(tally)
}

fn number_before(text: &str, word: &str) -> u64 {
    text.find(word)
        .and_then(|end| text[..end].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn end_to_end() -> Result<Tally, String> {
    let site = root().join("target/e2e-site");
    let _ = std::fs::remove_dir_all(&site);
    // The seeds are embedded whole; the second corpus is sharded, however
    // small, so that both ways of loading documents are tested. It also holds
    // a file whose name tries to inject Cargo build directives: the build
    // must show it as data (e2e/tests/shards.spec.ts reads its card).
    let alt = hostile_alt_corpus()?;
    let big = big_corpus()?;
    for (corpus, sub, embed_limit) in
        [(root().join("seeds"), "orrery", None), (alt, "alt", Some(0)), (big, "big", Some(0))]
    {
        let options =
            Options { corpus, public_url: format!("/{sub}/"), dist: site.join(sub), embed_limit, sizes: false };
        build_site(&options)?;
    }
    let port = free_port()?;
    let server = StaticServer::start(&site, port)?;
    let results = root().join("e2e/test-results/results.json");
    let _ = std::fs::remove_file(&results);
    let mut playwright = command("playwright");
    playwright
        .args(["test"])
        .current_dir(root().join("e2e"))
        .env("BASE_URL", format!("http://127.0.0.1:{port}/orrery/"));
    let (success, _) = run_capturing(&mut playwright)?;
    drop(server);
    let mut tally = playwright_tally(&results)?;
    if !success && tally.failed == 0 {
        tally.failed = 1;
    }
    Ok(tally)
}

/// A name made to start new Cargo build directives if a build printed it raw.
pub const INJECTED_NAME: &str = "injected\ncargo::error=INJECTED\ncargo::rustc-cfg=injected\n.txt";

/// `e2e/fixtures/alt-corpus` (with subfolders, a `corpus.csv` and a dated
/// file name), copied to `target/e2e-alt-corpus` with one
/// more article under [`INJECTED_NAME`]. A file name with newlines cannot
/// be committed portably, so it is made here.
fn hostile_alt_corpus() -> Result<std::path::PathBuf, String> {
    let from = root().join("e2e/fixtures/alt-corpus");
    let to = root().join("target/e2e-alt-corpus");
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    crate::bundle::copy_tree(&from, &to)?;
    let text = "A file name that tries to inject build directives\n\nIts name holds newlines and cargo directives, and the build shows it as data.\n";
    std::fs::write(to.join(INJECTED_NAME), text).map_err(|e| format!("cannot write the injected file: {e}"))?;
    Ok(to)
}

/// Articles in the `/big/` end-to-end corpus: more than a first page, and
/// more than one chunk of summaries, so that its sharded build fetches
/// facets, the index, the slugs and summaries as views need them.
pub const BIG_CORPUS: usize = 400;

/// [`BIG_CORPUS`] generated articles (`cargo xtask synth`, seed 7), in
/// `target/e2e-big-corpus`.
fn big_corpus() -> Result<std::path::PathBuf, String> {
    let to = root().join("target/e2e-big-corpus");
    crate::synth_task::write(BIG_CORPUS, 7, &to)?;
    // The generator's answers are for the accuracy tests, not an article.
    let _ = std::fs::remove_file(to.join("truth.json"));
    Ok(to)
}

/// Reads Playwright's JSON report: passed = expected + flaky, failed = unexpected.
fn playwright_tally(path: &Path) -> Result<Tally, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("no Playwright report at {}: {e}", path.display()))?;
    let report: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("bad Playwright report: {e}"))?;
    let stat = |key: &str| report["stats"][key].as_u64().unwrap_or(0);
    Ok(Tally { passed: stat("expected") + stat("flaky"), failed: stat("unexpected") })
}

pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// `python3 -m http.server`: a plain static server with no rewrite rules and
/// no fallback to index.html, stopped when dropped.
pub struct StaticServer(Child);

impl StaticServer {
    /// `python3 -m http.server` on `dir`: no rewrite rules, no compression.
    pub fn start(dir: &Path, port: u16) -> Result<StaticServer, String> {
        let mut server = command("python3");
        server.args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"]).arg(dir);
        Self::spawn(server, port)
    }

    /// The same, gzipping what compresses as static hosts do
    /// (`xtask/src/scripts/serve_gzip.py`): for the benchmarks' byte counts.
    pub fn start_gzip(dir: &Path, port: u16) -> Result<StaticServer, String> {
        let mut server = command("python3");
        server.args(["-c", include_str!("scripts/serve_gzip.py"), &port.to_string()]).arg(dir);
        Self::spawn(server, port)
    }

    fn spawn(mut server: Command, port: u16) -> Result<StaticServer, String> {
        let child = server
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start a static server with python3: {e}"))?;
        let server = StaticServer(child);
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Err(format!("the static server did not start on port {port}"))
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
