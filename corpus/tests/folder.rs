//! Reading whole folders: errors that name the file, warnings, slugs, and
//! robustness to reformatted, renamed and re-dated text.

use std::path::Path;
use std::process::Command;

use corpus::analyse::analyse_folder;

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn errors(dir: &Path) -> Vec<String> {
    analyse_folder(dir).unwrap_err().iter().map(|e| e.to_string()).collect()
}

#[test]
fn empty_and_nul_files_are_errors_naming_each_file() {
    let dir = folder(&[("a.txt", b"Good title\n\nBody."), ("b.txt", b"  \n "), ("c.txt", b"T\0\0")]);
    let errors = errors(dir.path());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("b.txt") && errors[0].contains("empty"));
    assert!(errors[1].contains("c.txt") && errors[1].contains("NUL"));
}

#[test]
fn a_file_with_no_title_is_an_error_naming_it_and_a_curated_title_fixes_it() {
    let dir = folder(&[
        ("ok.txt", b"Good title\n\nBody."),
        ("stars.txt", b"* * *\n\nBody with no headline."),
        ("header.txt", b"Source: Daily\nDate: 2020-01-02\n\n"),
    ]);
    let errors = errors(dir.path());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("stars.txt") && e.contains("no title") && e.contains("* * *")));
    assert!(errors.iter().any(|e| e.contains("header.txt") && e.contains("no title")));
    std::fs::write(
        dir.path().join("corpus.toml"),
        "[\"stars.txt\"]\ntitle = \"Stars\"\n[\"header.txt\"]\ntitle = \"Header\"\n",
    )
    .unwrap();
    let corpus = analyse_folder(dir.path()).unwrap().corpus;
    let titles: Vec<&str> = corpus.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Header", "Good title", "Stars"]);
}

#[test]
fn same_title_slugs_are_told_apart_by_file_name() {
    let dir = folder(&[("one.txt", b"Same Title\n\nBody one."), ("two.txt", b"Same title!\n\nBody two.")]);
    let corpus = analyse_folder(dir.path()).unwrap().corpus;
    let slugs: Vec<&str> = corpus.documents.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["same-title-one", "same-title-two"]);
}

#[test]
fn slugs_that_cannot_be_told_apart_are_an_error() {
    // "A-b.txt" and "a b.txt" give the same file-name slug too.
    let dir = folder(&[("A-b.txt", b"Same\n\nOne."), ("a b.txt", b"Same\n\nTwo.")]);
    let errors = errors(dir.path());
    assert!(errors.iter().any(|e| e.contains("a b.txt") && e.contains("slug")), "{errors:?}");
}

#[test]
fn non_utf8_files_decode_as_windows_1252_with_a_warning() {
    let dir =
        folder(&[("old.txt", b"Caf\xE9 news\r\n\r\nHe said: \x93We will go to Paris together next year.\x94\r\n")]);
    let analysis = analyse_folder(dir.path()).unwrap();
    assert_eq!(analysis.corpus.documents[0].title, "Café news");
    assert!(analysis.warnings.iter().any(|w| w.to_string().contains("old.txt")));
    assert_eq!(analysis.corpus.documents[0].quotes.len(), 1);
}

#[test]
fn other_files_are_reported_not_silently_skipped() {
    let dir = folder(&[("a.txt", b"Title\n\nBody."), ("notes.md", b"x")]);
    let analysis = analyse_folder(dir.path()).unwrap();
    assert!(analysis.warnings.iter().any(|w| w.to_string().contains("notes.md")));
}

#[test]
fn corpus_toml_errors_stop_the_analysis() {
    let dir = folder(&[("a.txt", b"Title\n\nBody."), ("corpus.toml", b"[\"a.txt\"]\ndate = \"2024-02-30\"\n")]);
    let errors = errors(dir.path());
    assert!(errors[0].contains("corpus.toml") && errors[0].contains("2024-02-30"));
}

#[test]
fn crlf_bom_seeds_analyse_like_the_originals() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let original = analyse_folder(&seeds).unwrap().corpus;
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let converted =
            if path.extension().unwrap() == "txt" { format!("\u{feff}{}", text.replace('\n', "\r\n")) } else { text };
        std::fs::write(dir.path().join(path.file_name().unwrap()), converted).unwrap();
    }
    let converted = analyse_folder(dir.path()).unwrap().corpus;
    for (a, b) in original.documents.iter().zip(&converted.documents) {
        assert_eq!(
            (&a.title, &a.date, &a.countries, a.quotes.len()),
            (&b.title, &b.date, &b.countries, b.quotes.len())
        );
    }
}

#[test]
fn results_follow_the_text_when_people_countries_and_dates_change() {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds/003_e5ac82d5fb791998.txt"))
        .unwrap();
    let changed = seed
        .replace("Wang Wenbin", "Maria Okafor")
        .replace("Wang said", "Okafor said")
        .replace("France, Germany, Italy, Russia, Pakistan", "Kenya, Peru, Norway, Nigeria, Niger")
        .replace("updatetime:2022-04-19", "updatetime:2019-11-03");
    let dir = folder(&[("x.txt", changed.as_bytes())]);
    let corpus = analyse_folder(dir.path()).unwrap().corpus;
    let d = &corpus.documents[0];
    assert_eq!(d.date.unwrap().iso(), "2019-11-03");
    let mut codes: Vec<&str> = d.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort();
    assert_eq!(codes, ["CN", "KE", "NE", "NG", "NO", "PE"]);
    assert_eq!(corpus.speakers.len(), 1);
    assert_eq!((corpus.speakers[0].name.as_str(), corpus.speakers[0].quotes), ("Maria Okafor", 4));
}

#[test]
fn the_report_prints_json_and_fails_with_the_file_named() {
    let bin = env!("CARGO_BIN_EXE_corpus");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let out = Command::new(bin).arg(&seeds).output().unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][1]["date"], "2022-05-04");
    assert_eq!(report["documents"][0]["date_source"], "curator");
    assert_eq!(report["documents"][3]["quotes"][0]["speaker"], "Wang Wenbin");
    assert_eq!(report["speakers"][0]["slug"], "wang-wenbin");
    assert_eq!(report["documents"][0]["countries"][1]["name"], "Venezuela");

    let dir = folder(&[("bad.txt", b"")]);
    let out = Command::new(bin).arg(dir.path()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt"));
}

/// What the analysis says about each entry of a folder, as text.
fn warnings(dir: &Path) -> Vec<String> {
    analyse_folder(dir).unwrap().warnings.iter().map(|w| w.to_string()).collect()
}

#[test]
fn hidden_files_are_skipped_with_a_note() {
    // A macOS resource fork: binary, with NUL bytes, next to its article.
    let dir = folder(&[("x.txt", b"Title\n\nBody."), ("._x.txt", b"\0\x05\x16\x07\0\x02\0\0Mac OS X")]);
    let notes = warnings(dir.path());
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("._x.txt") && notes[0].contains("hidden"));
}

#[cfg(unix)]
#[test]
fn links_are_followed_only_to_files_inside_the_folder() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "Secret title\n\nDo not publish.").unwrap();
    let dir = folder(&[("a.txt", b"Title\n\nBody.")]);
    // Inside: read as the file it names.
    symlink(dir.path().join("a.txt"), dir.path().join("alias.txt")).unwrap();
    let (files, _) = corpus::read::read_folder(dir.path()).unwrap();
    assert_eq!(files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["a.txt", "alias.txt"]);
    // Out of the folder, nowhere, or in a loop: named errors.
    symlink(outside.path().join("secret.txt"), dir.path().join("leak.txt")).unwrap();
    symlink(dir.path().join("missing.txt"), dir.path().join("dangling.txt")).unwrap();
    symlink(dir.path().join("loop.txt"), dir.path().join("loop.txt")).unwrap();
    let found = errors(dir.path());
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().any(|e| e.contains("leak.txt") && e.contains("outside the corpus folder")));
    assert!(found.iter().any(|e| e.contains("dangling.txt") && e.contains("leads nowhere")));
    assert!(found.iter().any(|e| e.contains("loop.txt") && e.contains("in a loop")));
    assert!(found.iter().all(|e| !e.contains("Do not publish")));
}

#[cfg(unix)]
#[test]
fn folders_and_fifos_are_named_for_what_they_are_and_never_opened() {
    let dir = folder(&[("a.txt", b"Title\n\nBody.")]);
    std::fs::create_dir(dir.path().join("2016")).unwrap();
    let status = Command::new("mkfifo").arg(dir.path().join("pipe.txt")).status().unwrap();
    assert!(status.success());
    // Opening the FIFO would block this test forever.
    let notes = warnings(dir.path());
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("2016") && n.contains("a folder")));
    assert!(notes.iter().any(|n| n.contains("pipe.txt") && n.contains("FIFO")));
}

#[cfg(unix)]
#[test]
fn names_are_data_escaped_in_every_message() {
    use std::os::unix::ffi::OsStrExt;
    let injected = "x\ncargo::error=INJECTED\x1b[31m.txt";
    let dir = folder(&[("a.txt", b"Title\n\nBody."), (injected, b"  ")]);
    let found = errors(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("x\\ncargo::error=INJECTED\\u{1b}[31m.txt"), "{found:?}");
    assert!(!found[0].contains('\n') && !found[0].contains('\x1b'));
    // A name that is not UTF-8 is an error, shown byte by byte.
    let dir = folder(&[("a.txt", b"Title\n\nBody.")]);
    std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt")), "T\n\nB").unwrap();
    let found = errors(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("caf\\xE9.txt") && found[0].contains("not valid UTF-8"), "{found:?}");
}

#[test]
fn a_file_with_no_blank_line_gets_a_title_of_sane_length_and_a_note() {
    let line = "word ".repeat(200_000);
    let dir = folder(&[("long.txt", line.as_bytes()), ("a.txt", b"Title\n\nBody.")]);
    let analysis = analyse_folder(dir.path()).unwrap();
    let doc = analysis.corpus.documents.iter().find(|d| d.file == "long.txt").unwrap();
    assert!(doc.title.chars().count() <= corpus::analyse::MAX_TITLE_CHARS + 1, "{}", doc.title.len());
    assert!(doc.title.ends_with('…') && doc.slug.len() < 400);
    let notes: Vec<String> = analysis.warnings.iter().map(|w| w.to_string()).collect();
    assert!(notes.iter().any(|n| n.contains("long.txt") && n.contains("999999 characters")), "{notes:?}");
}

#[test]
fn runaway_quotations_and_mentions_are_capped_with_a_note() {
    let quotes = format!("Title\n\n{}", "“We will see this through to the very end,” she said. ".repeat(20_500));
    let georgia = format!("Title\n\n{}", "Georgia ".repeat(50_500));
    let dir = folder(&[("q.txt", quotes.as_bytes()), ("g.txt", georgia.as_bytes())]);
    let analysis = analyse_folder(dir.path()).unwrap();
    let doc = |name: &str| analysis.corpus.documents.iter().find(|d| d.file == name).unwrap();
    assert_eq!(doc("q.txt").quotes.len(), corpus::quotes::MAX_QUOTATIONS);
    assert_eq!(doc("g.txt").mentions.len(), corpus::countries::MAX_MENTIONS);
    let notes: Vec<String> = analysis.warnings.iter().map(|w| w.to_string()).collect();
    assert!(notes.iter().any(|n| n.contains("q.txt") && n.contains("20000 quotations or more")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("g.txt") && n.contains("50000 country mentions or more")), "{notes:?}");
}

#[test]
fn the_us_virgin_islands_are_not_the_british_ones() {
    let dir = folder(&[("a.txt", b"Storm season\n\nThe storm passed over the U.S. Virgin Islands on Sunday.")]);
    let corpus = analyse_folder(dir.path()).unwrap().corpus;
    let codes: Vec<&str> = corpus.documents[0].countries.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["VI"]);
}
