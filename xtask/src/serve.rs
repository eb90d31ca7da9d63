//! `cargo xtask serve`: Trunk's server at http://127.0.0.1:8080/, rebuilding on change.

use crate::build::{trunk, Options};
use crate::cmd;
use crate::tools::{ensure, Need};

pub fn run(options: &Options) -> Result<(), String> {
    ensure(Need::Build)?;
    println!("xtask: serving {} at http://127.0.0.1:8080{}", options.corpus.display(), options.public_url);
    let mut trunk = trunk("serve", options);
    trunk.args(["--address", "127.0.0.1", "--port", "8080"]);
    trunk.arg("--dist").arg(&options.dist);
    // Trunk watches the project; also watch the corpus when it lives elsewhere.
    let root = crate::cmd::root();
    trunk.arg("--watch").arg(&root).arg("--ignore").arg(root.join("e2e"));
    if !options.corpus.starts_with(&root) {
        trunk.arg("--watch").arg(&options.corpus);
    }
    cmd::run(&mut trunk)
}
