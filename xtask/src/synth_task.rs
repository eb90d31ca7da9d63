//! `cargo xtask synth --docs N --out DIR [--seed S]`: writes N generated
//! articles (see `xtask::synth`), deterministically from the seed, plus
//! `truth.json` with what each article contains.

use std::path::PathBuf;

pub struct Options {
    pub docs: usize,
    pub out: PathBuf,
    pub seed: u64,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        let (mut docs, mut out, mut seed) = (None, None, 1);
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or(format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--docs" => docs = Some(value.parse().map_err(|_| format!("--docs {value}: not a number"))?),
                "--out" => out = Some(cwd.join(value)),
                "--seed" => seed = value.parse().map_err(|_| format!("--seed {value}: not a number"))?,
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(Options { docs: docs.ok_or("--docs N is required")?, out: out.ok_or("--out DIR is required")?, seed })
    }
}

pub fn run(options: &Options) -> Result<(), String> {
    write(options.docs, options.seed, &options.out)?;
    println!("wrote {} articles to {}", options.docs, options.out.display());
    Ok(())
}

/// Writes the articles and their truth; an existing folder is replaced.
pub fn write(docs: usize, seed: u64, out: &std::path::Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let articles = xtask::synth::generate(docs, seed);
    let mut truth = Vec::new();
    for article in &articles {
        std::fs::write(out.join(&article.file), &article.text)
            .map_err(|e| format!("cannot write {}: {e}", article.file))?;
        let t = &article.truth;
        truth.push(serde_json::json!({
            "file": t.file,
            "title": t.title,
            "date": t.date.map(|d| d.iso()),
            "countries": t.countries,
            "quotes": t.quotes.iter().map(|(text, speaker)| serde_json::json!({"text": text, "speaker": speaker})).collect::<Vec<_>>(),
        }));
    }
    let json = serde_json::to_string_pretty(&truth).unwrap_or_default();
    // Not a .txt file, so the corpus reader reports it rather than reading it.
    std::fs::write(out.join("truth.json"), json).map_err(|e| format!("cannot write truth.json: {e}"))
}
