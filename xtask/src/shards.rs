//! `cargo xtask shards`: Trunk's post-build hook. A large corpus keeps its
//! documents and word positions in static files next to the app; this writes
//! them into Trunk's staging folder.
//!
//! `build.rs` cannot: Cargo gives it no way to reach Trunk's output. So the
//! hook analyses the same folder again with the same code, which is
//! deterministic, and the shard folder is named by a hash of its contents:
//! if the two ever disagreed, the app would name a folder that is not there
//! and say so, rather than show another corpus's text.

use std::path::PathBuf;

use crate::cmd::root;

pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("xtask shards runs as Trunk's post_build hook, which sets TRUNK_STAGING_DIR")?;
    let dir = root().join(std::env::var_os("CORPUS_DIR").unwrap_or_else(|| "seeds".into()));
    let analysis = corpus::analyse::analyse_folder(&dir).map_err(|errors| corpus::read::describe_errors(&dir, &errors))?;
    let site = corpus::analyse::site(analysis.corpus, corpus::analyse::embed_limit_from_env()?);
    if site.files.is_empty() {
        return Ok(());
    }
    let bytes: usize = site.files.iter().map(|(_, b)| b.len()).sum();
    for (path, contents) in &site.files {
        let target = staging.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, contents).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    eprintln!("xtask shards: {} files, {:.1} MB, for {}", site.files.len(), bytes as f64 / 1e6, dir.display());
    Ok(())
}
