//! `cargo xtask accuracy [--train] [--examples N]`: the analysis measured on
//! news that people annotated by hand.
//!
//! The data and the scorers live outside the project, in `../shared/eval/`
//! (or `ORRERY_EVAL_DIR`), and never enter it: PolNeAR for quotations and
//! speakers, GeoWebNews for countries. This task builds the `corpus` report
//! once, in release, runs each scorer on its dev split (and PolNeAR's train
//! split with `--train`), echoes what they print and ends with their measured
//! lines together. It measures; it asserts nothing, and the test suite never needs the
//! data.

use std::path::{Path, PathBuf};

use crate::cmd::{command, root, run, run_capturing};

/// What to measure.
pub struct Options {
    train: bool,
    examples: Option<String>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options { train: false, examples: None };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--train" => options.train = true,
                "--examples" => {
                    let n = args.next().filter(|n| n.parse::<u32>().is_ok());
                    options.examples = Some(n.ok_or("--examples needs a number")?.clone());
                }
                other => return Err(format!("accuracy: unknown argument {other:?}")),
            }
        }
        Ok(options)
    }
}

/// Where the evaluation data is: `ORRERY_EVAL_DIR`, or `../shared/eval`
/// beside the project.
fn eval_dir() -> PathBuf {
    std::env::var_os("ORRERY_EVAL_DIR").map_or_else(|| root().join("../shared/eval"), PathBuf::from)
}

pub fn run_accuracy(options: &Options) -> Result<(), String> {
    let eval = eval_dir();
    let scorer = |name: &str| eval.join(name);
    for name in ["score_quotes.py", "score_countries.py"] {
        if !scorer(name).is_file() {
            return Err(format!(
                "no scorer at {}: the annotated news lives outside the project (../shared/eval, or set ORRERY_EVAL_DIR)",
                scorer(name).display()
            ));
        }
    }
    run(command("cargo").args(["build", "-q", "--release", "-p", "corpus"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let bin = target.join("release").join(format!("corpus{}", std::env::consts::EXE_SUFFIX));

    let mut runs: Vec<(&str, PathBuf, Option<PathBuf>)> = vec![
        ("PolNeAR dev: quotations and speakers", scorer("score_quotes.py"), None),
        ("GeoWebNews dev: countries", scorer("score_countries.py"), None),
    ];
    if options.train {
        runs.insert(
            1,
            ("PolNeAR train: quotations and speakers", scorer("score_quotes.py"), Some(eval.join("polnear/train"))),
        );
    }
    let mut summaries = Vec::new();
    for (title, script, split) in runs {
        println!("\n=== {title} ===");
        let mut python = command("python3");
        python.arg(&script).args(split.as_deref().map(Path::as_os_str)).arg("--bin").arg(&bin);
        if let Some(n) = &options.examples {
            python.args(["--examples", n]);
        }
        let (ok, lines) = run_capturing(&mut python)?;
        if !ok {
            return Err(format!("{} failed", script.display()));
        }
        // The scorers' measured lines: "  quotes direct P=… R=… F1=…" and the like.
        summaries.push(title.to_owned());
        summaries.extend(lines.iter().filter(|l| l.starts_with("  ") && l.contains(" P=")).cloned());
    }
    println!("\n=== summary ===");
    for line in summaries {
        println!("{line}");
    }
    Ok(())
}
