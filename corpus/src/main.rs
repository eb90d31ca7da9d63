//! `cargo run -q -p corpus -- DIR`: analyse a corpus folder and print a JSON report.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [dir] if !dir.starts_with('-') => PathBuf::from(dir),
        _ => {
            eprintln!("usage: corpus DIR\n\nAnalyses the *.txt articles in DIR and prints a JSON report to stdout.");
            return ExitCode::from(2);
        }
    };
    match corpus::analyse::analyse_folder(&dir) {
        Ok(analysis) => {
            for warning in &analysis.warnings {
                eprintln!("{warning}");
            }
            println!("{}", corpus::report::to_json(&analysis.corpus));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{}", corpus::read::describe_errors(&dir, &errors));
            ExitCode::FAILURE
        }
    }
}
