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
fn fifos_are_named_for_what_they_are_and_never_opened_at_any_depth() {
    let dir = folder(&[("a.txt", b"Title\n\nBody.")]);
    std::fs::create_dir(dir.path().join("2016")).unwrap();
    for fifo in ["pipe.txt", "2016/pipe.txt"] {
        let status = Command::new("mkfifo").arg(dir.path().join(fifo)).status().unwrap();
        assert!(status.success());
    }
    // Opening a FIFO would block this test forever.
    let notes = warnings(dir.path());
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().all(|n| n.contains("pipe.txt") && n.contains("FIFO")));
    assert!(notes.iter().any(|n| n.contains("2016/pipe.txt")));
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

/// Files at any depth, with their paths.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn subfolders_are_read_with_relative_paths_and_their_first_folder_is_a_collection() {
    let dir = tree(&[
        ("top.txt", "Top story\n\nBody."),
        ("nyt/2016/10/05/debate.txt", "Debate night\n\nBody."),
        ("wapo/rally.txt", "Rally in town\n\nBody."),
        ("wapo/.drafts/secret.txt", "Secret\n\nBody."),
        ("wapo/notes.md", "not a text"),
    ]);
    let analysis = analyse_folder(dir.path()).unwrap();
    let files: Vec<&str> = analysis.corpus.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["nyt/2016/10/05/debate.txt", "top.txt", "wapo/rally.txt"]);
    let notes: Vec<String> = analysis.warnings.iter().map(|w| w.to_string()).collect();
    assert!(notes.iter().any(|n| n.contains(".drafts") && n.contains("hidden")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("notes.md") && n.contains("not a .txt")), "{notes:?}");
    let facets = corpus::facets::build(&analysis.corpus).unwrap();
    let collection = facets.iter().find(|f| f.key() == "collection").unwrap();
    let labels: Vec<&str> = collection.held().filter_map(|v| collection.value(v)).map(|v| v.label.as_str()).collect();
    assert_eq!(labels, ["nyt", "wapo"]);
    // The file-name date, marked as such.
    let debate = &analysis.corpus.documents[0];
    assert_eq!(debate.date.map(|d| d.iso()).as_deref(), Some("2016-10-05"));
    assert_eq!(debate.date_source, Some(orrery_core::model::DateSource::FileName));
    let report = corpus::report::to_value(&analysis.corpus);
    assert_eq!(report["documents"][0]["date_source"], "file name");
    assert_eq!(report["documents"][0]["facets"]["collection"][0], "nyt");
    // Slugs come from titles and stay unique.
    let slugs: Vec<&str> = analysis.corpus.documents.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["debate-night", "top-story", "rally-in-town"]);
}

#[cfg(unix)]
#[test]
fn links_between_subfolders_are_read_once_and_links_out_are_errors() {
    let dir = tree(&[("a/one.txt", "One\n\nBody.")]);
    std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/loop")).unwrap();
    let analysis = analyse_folder(dir.path()).unwrap();
    assert_eq!(analysis.corpus.documents.len(), 1);
    assert!(analysis.warnings.iter().any(|w| w.to_string().contains("read already")));
    let outside = tree(&[("private.txt", "Private\n\nDo not publish.")]);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("a/out")).unwrap();
    let found = errors(dir.path());
    assert!(found.iter().any(|e| e.contains("a/out") && e.contains("outside")), "{found:?}");
}

#[test]
fn a_metadata_table_gives_titles_dates_sources_urls_and_places() {
    let dir = tree(&[("nyt/a.txt", "A\n\nBody."), ("b.txt", "B\n\nBody."), ("c.txt", "C\n\nBody.")]);
    std::fs::write(
        dir.path().join("corpus.csv"),
        "file,title,date,source,url,place,extra.section\n\
         nyt/a.txt,\"Title, with a comma\",2016-10-05T14:03:00Z,The Times,https://example.org/a,Boston,politics\n\
         b.txt,,2016-10,,,,\n",
    )
    .unwrap();
    let corpus = analyse_folder(dir.path()).unwrap().corpus;
    let a = corpus.documents.iter().find(|d| d.file == "nyt/a.txt").unwrap();
    assert_eq!(a.title, "Title, with a comma");
    assert_eq!(a.date.map(|d| d.iso()).as_deref(), Some("2016-10-05"));
    assert_eq!(a.date_source, Some(orrery_core::model::DateSource::Curator));
    assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(a.place.as_deref(), Some("Boston"));
    let b = corpus.documents.iter().find(|d| d.file == "b.txt").unwrap();
    assert_eq!(b.date.map(|d| d.iso()).as_deref(), Some("2016-10"));
    let c = corpus.documents.iter().find(|d| d.file == "c.txt").unwrap();
    assert_eq!(c.date, None);
}

#[test]
fn a_jsonl_table_reads_the_same() {
    let dir = tree(&[("a.txt", "A\n\nBody.")]);
    std::fs::write(
        dir.path().join("corpus.jsonl"),
        "{\"file\": \"a.txt\", \"date\": \"2016\", \"source\": \"Wire\", \"extra\": {\"id\": 7}}\n\n",
    )
    .unwrap();
    let corpus = analyse_folder(dir.path()).unwrap().corpus;
    assert_eq!(corpus.documents[0].date.map(|d| d.iso()).as_deref(), Some("2016"));
    assert_eq!(corpus.sources[0].name, "Wire");
}

#[test]
fn each_malformed_table_gives_the_exact_error_file_and_line() {
    let texts = [("a.txt", "A\n\nBody."), ("b.txt", "B\n\nBody.")];
    let cases: [(&str, &str, &str); 7] = [
        ("corpus.csv", "file,date\na.txt,2016-13-01\n", "corpus.csv:2: column \"date\": \"2016-13-01\" is not a date"),
        ("corpus.csv", "file,author\na.txt,X\n", "corpus.csv:1: unknown column \"author\""),
        (
            "corpus.csv",
            "file,date\na.txt,2016\nb.txt,2017\na.txt,2018\n",
            "corpus.csv:4: column \"file\": \"a.txt\" is listed twice, on lines 2 and 4",
        ),
        (
            "corpus.csv",
            "file,date\nzzz.txt,2016\n",
            "corpus.csv:2: column \"file\": \"zzz.txt\" is not a text in the corpus folder",
        ),
        (
            "corpus.csv",
            "file,title\nb.txt,ok\na.txt,\"two\nlines\"\n",
            "corpus.csv:3: column \"title\": a quoted field holds a line break",
        ),
        ("corpus.csv", "file,title\na.txt,x,y\n", "corpus.csv:2: this row has 3 fields and the header 2"),
        (
            "corpus.jsonl",
            "{\"file\": \"a.txt\"}\n{\"file\": \"b.txt\", \"date\": 2016}\n",
            "corpus.jsonl:2: column \"date\": the value must be a string",
        ),
    ];
    for (table, content, expected) in cases {
        let dir = tree(&texts);
        std::fs::write(dir.path().join(table), content).unwrap();
        let found = errors(dir.path());
        assert_eq!(found.len(), 1, "{content:?}: {found:?}");
        assert!(found[0].contains(expected), "{content:?}: {} does not contain {expected}", found[0]);
    }
}

#[test]
fn a_file_in_both_the_table_and_corpus_toml_or_two_tables_are_errors() {
    let dir = tree(&[("a.txt", "A\n\nBody.")]);
    std::fs::write(dir.path().join("corpus.csv"), "file,date\na.txt,2016\n").unwrap();
    std::fs::write(dir.path().join("corpus.toml"), "[\"a.txt\"]\ndate = \"2017\"\n").unwrap();
    let found = errors(dir.path());
    assert!(found.iter().any(|e| e.contains("corpus.csv:2") && e.contains("corpus.toml too")), "{found:?}");
    std::fs::remove_file(dir.path().join("corpus.toml")).unwrap();
    std::fs::write(dir.path().join("corpus.jsonl"), "{\"file\": \"a.txt\"}\n").unwrap();
    let found = errors(dir.path());
    assert!(found.iter().any(|e| e.contains("both corpus.csv and corpus.jsonl")), "{found:?}");
}

#[test]
fn the_summary_counts_articles_date_provenance_quotations_countries_and_warnings() {
    let dir = tree(&[
        ("2016-10-05_first.txt", "First story\n\n\"We will win this one, all of us,\" said Ana Ruiz in Lisbon.\n"),
        ("nyt/second.txt", "Second story\n\nDate: 2017-03-04\n\nNothing quoted here.\n"),
        ("nyt/third.txt", "Third story\n\n\"A quotation nobody said, in six words or more.\"\n"),
        (".hidden.txt", "Hidden\n\nBody."),
    ]);
    std::fs::write(dir.path().join("corpus.csv"), "file,date\nnyt/third.txt,2018\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_corpus");
    let out = Command::new(bin).arg(dir.path()).arg("--summary").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8(out.stdout).unwrap();
    for line in [
        "3 articles\n",
        "dated: 1 from the text, 1 from the metadata, 1 from the file name; 0 undated",
        "quotations: 2 in 2 articles; 1 with a speaker (1 person), 1 without",
        "countries: 1 named, in 1 article\n",
        "warnings: 1\n    1 × hidden",
    ] {
        assert!(summary.contains(line), "{line:?} not in:\n{summary}");
    }
}

#[cfg(unix)]
#[test]
fn metadata_files_that_are_links_out_or_fifos_are_errors_never_read() {
    let outside = tree(&[("secret.csv", "file,root:secret-first-line\n")]);
    for name in ["corpus.csv", "corpus.toml", "corpus.jsonl"] {
        let dir = tree(&[("a.txt", "A\n\nBody.")]);
        std::os::unix::fs::symlink(outside.path().join("secret.csv"), dir.path().join(name)).unwrap();
        let found = errors(dir.path());
        assert!(found.iter().any(|e| e.contains(name) && e.contains("outside")), "{found:?}");
        assert!(found.iter().all(|e| !e.contains("secret-first-line")), "{found:?}");
        // A FIFO would block a build that opened it.
        let dir = tree(&[("a.txt", "A\n\nBody.")]);
        let status = Command::new("mkfifo").arg(dir.path().join(name)).status().unwrap();
        assert!(status.success());
        let found = errors(dir.path());
        assert!(found.iter().any(|e| e.contains(name) && e.contains("not a regular file")), "{found:?}");
    }
}
