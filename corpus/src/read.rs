//! Reading a corpus folder: file discovery, decoding and the errors that stop a build.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// A problem that stops the build and the report. It always names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    pub path: PathBuf,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl CorpusError {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        CorpusError { path: path.into(), line: None, message: message.into() }
    }
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "error: {}:{}: {}", shown(&self.path), line, self.message),
            None => write!(f, "error: {}: {}", shown(&self.path), self.message),
        }
    }
}

/// A path as messages show it: control characters (a newline that would
/// start a new build directive, a terminal escape) are escaped, and bytes
/// that are not UTF-8 are written as `\xNN`. A file name is data, never
/// something a terminal or Cargo should act on.
pub fn shown(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

impl std::error::Error for CorpusError {}

/// The text printed for a failed analysis, the same in the report and in the
/// app's build: one line per error, naming its file, then a summary.
pub fn describe_errors(dir: &Path, errors: &[CorpusError]) -> String {
    let mut out: String = errors.iter().map(|e| format!("{e}\n")).collect();
    out.push_str(&format!("the corpus in {} has {} error(s); fix them and try again", shown(dir), errors.len()));
    out
}

/// Something the curator should know that does not stop the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}: {}", shown(&self.path), self.message)
    }
}

/// One file's decoded text, before analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub name: String,
    pub text: String,
}

/// Files beside the texts that describe them, read by `metadata.rs`.
pub const METADATA_FILES: [&str; 3] = ["corpus.toml", "corpus.csv", "corpus.jsonl"];

/// Folders deeper than this are not read: an archive is a few levels deep
/// (`outlet/2016/10/05/`), and a deeper tree is more likely a mistake.
pub const MAX_DEPTH: usize = 16;

/// One text file found in the corpus folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its path relative to the corpus folder, with `/` between folders on
    /// every system: the document's `file`, and its key in the metadata.
    pub name: String,
}

/// The `*.txt` files of `dir` and its subfolders, sorted by relative path so
/// builds are deterministic.
///
/// Only regular files inside the folder are read:
/// - a hidden file or folder (`.name`, such as macOS's `._x.txt` or `.git`)
///   is skipped with a note;
/// - a link is followed only to a file or folder inside the corpus folder; a
///   link out of it, or one that leads nowhere, is an error, since a build
///   must not publish a file from the machine it runs on; a folder reached
///   twice (a link back up the tree) is read once;
/// - FIFOs, sockets and devices are named as what they are and skipped, and
///   never opened (a FIFO would block the build);
/// - a name that is not UTF-8 is an error: two such names could otherwise
///   collapse into one.
pub fn list_text_files(dir: &Path) -> Result<(Vec<Listed>, Vec<Warning>), Vec<CorpusError>> {
    let root = std::fs::canonicalize(dir).map_err(|e| vec![CorpusError::new(dir, format!("cannot resolve: {e}"))])?;
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut visited = std::collections::HashSet::from([root.clone()]);
    // Folders to read, with their relative path ("" for the corpus folder).
    let mut pending: Vec<(PathBuf, String)> = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = pending.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(CorpusError::new(&folder, format!("cannot read the folder: {e}")));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(CorpusError::new(&folder, format!("cannot list the folder: {e}")));
                    continue;
                }
            };
            let path = entry.path();
            let Some(file_name) = entry.file_name().to_str().map(str::to_owned) else {
                errors.push(CorpusError::new(&path, "its name is not valid UTF-8; rename it"));
                continue;
            };
            if prefix.is_empty() && METADATA_FILES.contains(&file_name.as_str()) {
                continue;
            }
            let name = format!("{prefix}{file_name}");
            let note = |message: &str| Warning { path: path.clone(), message: message.into() };
            if file_name.starts_with('.') {
                warnings.push(note("hidden; skipped"));
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                errors.push(CorpusError::new(&path, "cannot tell what kind of entry it is"));
                continue;
            };
            let (kind, target) = if kind.is_symlink() {
                let target = link_target(&root, &path).and_then(|target| {
                    std::fs::metadata(&target)
                        .map(|meta| (meta.file_type(), Some(target)))
                        .map_err(|e| CorpusError::new(&path, format!("cannot read the link's target: {e}")))
                });
                match target {
                    Ok(found) => found,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                }
            } else {
                (kind, None)
            };
            let is_txt = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("txt"));
            if kind.is_file() && is_txt {
                files.push(Listed { path, name });
            } else if kind.is_file() {
                warnings.push(note("not a .txt file; skipped"));
            } else if kind.is_dir() {
                let depth = prefix.matches('/').count() + 1;
                let real = match target {
                    Some(target) => target,
                    None => std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone()),
                };
                if depth > MAX_DEPTH {
                    warnings.push(note(&format!("a folder more than {MAX_DEPTH} levels deep; skipped")));
                } else if !visited.insert(real) {
                    warnings.push(note("a link to a folder read already; skipped"));
                } else {
                    pending.push((path, format!("{name}/")));
                }
            } else {
                warnings.push(note(&format!("{}, not a regular file; skipped", special_kind(&kind))));
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        return Err(errors);
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((files, warnings))
}

/// Where the link `path` leads, if that is inside the corpus folder `root`
/// (canonical). A link out of it, nowhere, or in a loop is an error: a build
/// must not publish, or print in a message, a file from the machine it runs
/// on.
pub fn link_target(root: &Path, path: &Path) -> Result<PathBuf, CorpusError> {
    match std::fs::canonicalize(path) {
        Err(_) => Err(CorpusError::new(path, "a link that leads nowhere, or in a loop")),
        Ok(target) if !target.starts_with(root) => {
            Err(CorpusError::new(path, "a link to a file outside the corpus folder; copy the file in instead"))
        }
        Ok(target) => Ok(target),
    }
}

/// What a special file is, for a message.
#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

/// What a special file is, for a message.
#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// A file's text, with a warning when its decoding changed something.
pub type Decoded = (String, Option<Warning>);

/// Decodes a file's bytes: strips a UTF-8 byte-order mark, falls back to
/// Windows-1252 for text that is not UTF-8 (with a warning), and normalises
/// CRLF and CR line endings to LF. Empty or whitespace-only text and NUL bytes
/// are errors.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, CorpusError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(CorpusError::new(
            path,
            format!("contains a NUL byte at offset {pos}; is it binary or UTF-16? Save it as UTF-8 text"),
        ));
    }
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(e) => match few_bad_bytes(bytes) {
            // UTF-8 but for a few stray bytes: keep it UTF-8, with U+FFFD for
            // each, rather than read the whole file as mojibake.
            Some(offsets) => {
                let shown: Vec<String> = offsets.iter().map(usize::to_string).collect();
                let warning = Warning {
                    path: path.to_owned(),
                    message: format!(
                        "not valid UTF-8 at byte offset{} {}; those bytes show as U+FFFD",
                        if offsets.len() == 1 { "" } else { "s" },
                        shown.join(", ")
                    ),
                };
                (String::from_utf8_lossy(bytes).into_owned(), Some(warning))
            }
            None => {
                let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                let warning = Warning {
                    path: path.to_owned(),
                    message: format!(
                        "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                        e.valid_up_to()
                    ),
                };
                (decoded.into_owned(), Some(warning))
            }
        },
    };
    let text = clean_text(&normalise_line_endings(&text));
    if text.trim().is_empty() {
        return Err(CorpusError::new(path, "the file is empty or contains only whitespace"));
    }
    Ok((text, warning))
}

/// The offsets of the invalid bytes of text that is otherwise UTF-8: at most
/// eight of them, in a file that has valid multi-byte UTF-8 too (without
/// that, Windows-1252 is the better guess).
fn few_bad_bytes(bytes: &[u8]) -> Option<Vec<usize>> {
    let mut offsets = Vec::new();
    let mut multibyte = false;
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte |= chunk.valid().bytes().any(|b| b >= 0x80);
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            offsets.push(at);
            if offsets.len() > 8 {
                return None;
            }
        }
        at += chunk.invalid().len();
    }
    (multibyte && !offsets.is_empty()).then_some(offsets)
}

/// Text as the rules should see it: Unicode NFC (a decomposed "Nicolás" is
/// one name, not "Nicola" and an accent), no zero-width spaces, word joiners
/// or byte-order marks inside it, and U+2028, U+2029, form feed and NEL as the
/// line breaks they are.
pub fn clean_text(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2028}' | '\u{000C}' | '\u{0085}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            c => out.push(c),
        }
    }
    out
}

/// CRLF and lone CR become LF.
pub fn normalise_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Reads and decodes every `*.txt` file of `dir` and its subfolders. All errors are collected, so
/// a curator sees every bad file at once.
pub fn read_folder(dir: &Path) -> Result<(Vec<SourceFile>, Vec<Warning>), Vec<CorpusError>> {
    let (listed, mut warnings) = list_text_files(dir)?;
    // Read and decoded on every core; the results keep the listing's order.
    let read: Vec<(Listed, Result<Decoded, CorpusError>)> = listed
        .into_par_iter()
        .map(|listed| {
            let result = std::fs::read(&listed.path)
                .map_err(|e| CorpusError::new(&listed.path, format!("cannot read: {e}")))
                .and_then(|bytes| decode(&listed.path, &bytes));
            (listed, result)
        })
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (Listed { path, name }, result) in read {
        match result {
            Ok((text, warning)) => {
                warnings.extend(warning);
                files.push(SourceFile { path, name, text });
            }
            Err(e) => errors.push(e),
        }
    }
    if files.is_empty() && errors.is_empty() {
        errors.push(CorpusError::new(dir, "the corpus folder has no .txt files"));
    }
    if errors.is_empty() {
        Ok((files, warnings))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_descriptions_name_every_file_and_count_them() {
        let errors = vec![CorpusError::new("c/a.txt", "empty"), CorpusError::new("c/b.txt", "NUL").at_line(3)];
        let text = describe_errors(Path::new("c"), &errors);
        assert_eq!(
            text,
            "error: c/a.txt: empty\nerror: c/b.txt:3: NUL\nthe corpus in c has 2 error(s); fix them and try again"
        );
    }

    #[test]
    fn text_is_nfc_without_zero_width_characters_and_with_every_line_break() {
        let (text, _) = decode(
            Path::new("a.txt"),
            "Nicola\u{301}s\u{200B} Maduro\u{FEFF}\u{2029}Body\u{2028}more\u{0C}end\u{85}x".as_bytes(),
        )
        .unwrap();
        assert_eq!(text, "Nicolás Maduro\n\nBody\nmore\nend\nx");
    }

    #[test]
    fn utf8_with_a_few_stray_bytes_stays_utf8_with_their_offsets() {
        let bytes = b"Caf\xC3\xA9 \xFF society \xFE done";
        let (text, warning) = decode(Path::new("a.txt"), bytes).unwrap();
        assert_eq!(text, "Café \u{FFFD} society \u{FFFD} done");
        let warning = warning.unwrap().message;
        assert!(warning.contains("offsets 6, 16"), "{warning}");
        // Without any valid multi-byte character it is Windows-1252 text.
        let (text, warning) = decode(Path::new("b.txt"), b"Caf\xE9 society").unwrap();
        assert_eq!(text, "Café society");
        assert!(warning.unwrap().message.contains("Windows-1252"));
    }

    #[test]
    fn strips_bom_and_normalises_line_endings() {
        let (text, warning) = decode(Path::new("a.txt"), b"\xEF\xBB\xBFTitle\r\n\r\nBody\rMore\n").unwrap();
        assert_eq!(text, "Title\n\nBody\nMore\n");
        assert!(warning.is_none());
    }

    #[test]
    fn falls_back_to_windows_1252_with_a_warning_naming_the_file() {
        let (text, warning) = decode(Path::new("old.txt"), b"Caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(text, "Café “quoted”");
        let warning = warning.unwrap();
        assert!(warning.to_string().contains("old.txt"));
        assert!(warning.message.contains("Windows-1252"));
    }

    #[test]
    fn empty_whitespace_and_nul_files_are_errors_naming_the_file() {
        for bytes in [&b""[..], b"  \n\t\r\n", b"\xEF\xBB\xBF \n"] {
            let err = decode(Path::new("blank.txt"), bytes).unwrap_err();
            assert!(err.to_string().contains("blank.txt"), "{err}");
            assert!(err.message.contains("empty"));
        }
        let err = decode(Path::new("bin.txt"), b"Title\0\0").unwrap_err();
        assert!(err.to_string().contains("bin.txt") && err.message.contains("NUL"));
    }
}
