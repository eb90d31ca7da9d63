//! Text that once made the analysis slow, as a hostile or careless folder
//! would hold it: each generator writes one article of about `bytes` bytes,
//! a title line, a blank line and the pattern. `cargo xtask bench` times
//! them against news-like text of the same size, and the test suite analyses
//! each at about 200 KB, so that a return to quadratic time shows as a
//! timeout.

/// Writes an article of about the given number of bytes.
pub type Generator = fn(usize) -> String;

/// The generators, by name.
pub const GENERATORS: [(&str, Generator); 5] = [
    ("quote marks (\"“a \")", quote_marks),
    ("\"Georgia \" repeated", georgia),
    ("\"Ana Lima said it.\" paragraphs", said_it),
    ("nested quotation marks", nested),
    ("one long line", one_line),
];

fn article(pattern: &str, bytes: usize) -> String {
    let mut text = String::from("T\n\n");
    while text.len() < bytes {
        text.push_str(pattern);
    }
    text
}

/// `"“a "` over and over in one paragraph: a quotation at every turn.
pub fn quote_marks(bytes: usize) -> String {
    article("\"“a \"", bytes)
}

/// One word the gazetteer must judge again and again.
pub fn georgia(bytes: usize) -> String {
    article("Georgia ", bytes)
}

/// A short paragraph naming the same person, thousands of times.
pub fn said_it(bytes: usize) -> String {
    article("Ana Lima said it.\n\n", bytes)
}

/// Opening marks nested thousands deep, then their closing marks.
pub fn nested(bytes: usize) -> String {
    let depth = bytes.saturating_sub(4) / 7;
    format!("T\n\n{}x{}", "“".repeat(depth), "”".repeat(depth))
}

/// No line break at all: the whole file is its title line.
pub fn one_line(bytes: usize) -> String {
    "word ".repeat(bytes / 5)
}

/// News-like text of about `bytes` bytes: generated articles' bodies run
/// together as one article.
pub fn news(bytes: usize) -> String {
    let mut text = String::from("A long report\n\n");
    let mut seed = 0;
    while text.len() < bytes {
        for article in crate::synth::generate(50, seed) {
            // Everything after the article's own title line.
            let body = article.text.split_once("\n\n").map_or("", |(_, body)| body);
            text.push_str(body);
            text.push_str("\n\n");
            if text.len() >= bytes {
                break;
            }
        }
        seed += 1;
    }
    text
}
