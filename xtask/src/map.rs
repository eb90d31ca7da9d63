//! `cargo xtask map`: regenerates `corpus/data/map.tsv` from npm `world-atlas`
//! (installed in e2e/node_modules by the lockfile) with `xtask::geo`.

use crate::cmd::root;
use crate::tools::{ensure, Need};

pub fn run() -> Result<(), String> {
    ensure(Need::Build)?;
    let atlas = root().join("e2e/node_modules/world-atlas");
    let text = std::fs::read_to_string(atlas.join("countries-110m.json"))
        .map_err(|e| format!("cannot read world-atlas: {e}"))?;
    let tsv = xtask::geo::map_tsv(&text)?;
    let out = root().join("corpus/data/map.tsv");
    std::fs::write(&out, &tsv).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let licences = root().join("corpus/data/LICENSES/world-atlas-ISC.txt");
    std::fs::copy(atlas.join("LICENSE"), &licences).map_err(|e| format!("cannot copy the licence: {e}"))?;
    println!("wrote {} ({} bytes, {} gzipped)", out.display(), tsv.len(), crate::build::gzip_len(tsv.as_bytes()));
    Ok(())
}
