//! Orrery's task runner: `cargo xtask <task>` (an alias in `.cargo/config.toml`).
//!
//! Every task first installs whatever tool is missing (see `tools.rs`), so the
//! README's two commands work on a fresh machine with only rustup, cargo, node,
//! npm and apt.

mod accuracy;
mod bench;
mod build;
mod bundle;
mod cmd;
mod map;
mod serve;
mod synth_task;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  serve [--corpus DIR]                   build the release app and serve it at http://127.0.0.1:8080/, rebuilding on change
  build [--corpus DIR] [--public-url /sub/] [--dist DIR] [--embed-limit BYTES] [--no-sizes]
                                         a release build into dist/ (or DIR), with the size of every file
                                         (not with --no-sizes); a sharded corpus is analysed while the app compiles
  test                                   every test layer: native, wasm in Chromium, end-to-end with Playwright
  tools                                  only install what is missing
  bench [--quick | --adversarial | --throughput | --scale N]
                                         every benchmark figure (--quick skips criterion; --adversarial
                                         only the hostile-text table; --throughput only the analysis rate;
                                         --scale N only N generated articles: build time, CPU, peak memory,
                                         first view, and in Chromium first card, click and keystroke)
  accuracy [--train] [--examples N]      quotations, speakers and countries scored on hand-annotated news in
                                         ../shared/eval (PolNeAR dev, GeoWebNews dev; --train adds PolNeAR train)
  synth --docs N --out DIR [--seed S]    write N generated articles (and truth.json) to DIR
  map                                    regenerate corpus/data/map.tsv from npm world-atlas
  bundle                                 (Trunk's pre-build hook) analyse CORPUS_DIR once: the bundle and shards
  shards                                 (Trunk's post-build hook) complete Trunk's output: shards, first view, worker
                                         (under `build`, both hooks do nothing: it does their work itself)

A corpus with more than ORRERY_EMBED_LIMIT bytes of text (default 262144) keeps
its documents in static shards fetched on demand; smaller ones are embedded.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match task.as_str() {
        "serve" => build::Options::parse(rest).and_then(|o| serve::run(&o)),
        "build" => build::Options::parse(rest).and_then(|o| build::run(&o)),
        "test" if rest.is_empty() => test::run(),
        "tools" if rest.is_empty() => tools::ensure(tools::Need::Browser),
        "map" if rest.is_empty() => map::run(),
        "bundle" if rest.is_empty() => bundle::hook(),
        "shards" if rest.is_empty() => bundle::copy_shards(),
        "bench" if rest.is_empty() => bench::run_all(false),
        "bench" if rest == ["--quick"] => bench::run_all(true),
        "bench" if rest == ["--throughput"] => bench::throughput_only(),
        "bench" if rest.first().is_some_and(|a| a == "--scale") => match rest.get(1).map(|n| n.parse::<usize>()) {
            Some(Ok(n)) if n > 0 && rest.len() == 2 => bench::scale(n),
            _ => Err("bench --scale takes a number of articles, e.g. --scale 100000".into()),
        },
        "bench" if rest == ["--adversarial"] => bench::adversarial().map(|table| println!("{table}")),
        // One case of the adversarial table, in a process of its own so that
        // its peak memory is its own.
        "adversarial-case" => bench::adversarial_case(rest),
        "accuracy" => accuracy::Options::parse(rest).and_then(|o| accuracy::run_accuracy(&o)),
        "synth" => synth_task::Options::parse(rest).and_then(|o| synth_task::run(&o)),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown task or arguments: {}\n\n{USAGE}", args.join(" "))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
