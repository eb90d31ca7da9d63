//! `cargo run -q -p corpus -- DIR [--summary]`: analyse a corpus folder and
//! print a JSON report, or with `--summary` what was found, in a few lines.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: corpus DIR [--summary]

Analyses the *.txt articles in DIR and its subfolders and prints a JSON report
to stdout; with --summary, a summary of what was found instead.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, summary) = match args.as_slice() {
        [dir] if !dir.starts_with('-') => (PathBuf::from(dir), false),
        [dir, flag] | [flag, dir] if flag == "--summary" && !dir.starts_with('-') => (PathBuf::from(dir), true),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match corpus::analyse::analyse_folder(&dir) {
        Ok(analysis) => {
            for warning in &analysis.warnings {
                eprintln!("{warning}");
            }
            if summary {
                println!("{}", corpus::summary::Summary::of(&analysis));
            } else {
                println!("{}", corpus::report::to_json(&analysis.corpus));
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{}", corpus::read::describe_errors(&dir, &errors));
            ExitCode::FAILURE
        }
    }
}
