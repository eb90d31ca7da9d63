//! Generated corpora for scale tests and benchmarks (`cargo xtask synth`).
//! Articles look like the seeds (messy headers, wire datelines, credits,
//! quotations with cues) and are fully determined by the seed. Each comes
//! with the truth the analysis should recover: its date, countries, and
//! quotations with their speakers.

use std::collections::BTreeSet;

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

use corpus::gazetteer::{gazetteer, Entry};
use orrery_core::date::{Date, MONTHS};
use orrery_core::model::MentionKind;

/// What the generator put into one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Truth {
    pub file: String,
    pub title: String,
    pub date: Option<Date>,
    pub countries: BTreeSet<String>,
    /// (quoted words, speaker's full name)
    pub quotes: Vec<(String, String)>,
}

/// One generated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub file: String,
    pub text: String,
    pub truth: Truth,
}

struct Gen {
    rng: ChaCha8Rng,
    words: Vec<String>,
    countries: Vec<CountryTerms>,
}

/// The unambiguous ways to mention one country.
struct CountryTerms {
    code: String,
    name: String,
    demonym: Option<String>,
    place: Option<String>,
}

const FIRST: [&str; 24] = [
    "Maria", "Ahmed", "Olga", "Kenji", "Amara", "Lucas", "Ingrid", "Tomas", "Priya", "Samuel", "Elena", "Kwame",
    "Sofia", "Rafael", "Leila", "Daniel", "Hana", "Mateo", "Nadia", "Victor", "Aisha", "Pavel", "Chloe", "Omar",
];
const LAST: [&str; 24] = [
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Mendes",
    "Novak",
    "Achebe",
    "Castillo",
    "Brenner",
    "Ivanova",
    "Nakamura",
    "Ferreira",
    "Osei",
    "Halvorsen",
    "Rahman",
    "Duarte",
    "Kaplan",
    "Quist",
    "Varga",
    "Sorensen",
    "Abara",
    "Whitlock",
];
const ROLES: [&str; 8] =
    ["Foreign Minister", "President", "Ambassador", "Director", "Minister", "Secretary", "Deputy Director", "Chairman"];
const AGENCIES: [&str; 5] = ["Xinhua", "Reuters", "AFP", "AP", "Kyodo"];
const SYLLABLES: [&str; 40] = [
    "ka", "lo", "mer", "tin", "sa", "vel", "dor", "pra", "qui", "ne", "ru", "bal", "cen", "fo", "gri", "hal", "jun",
    "kes", "lum", "mo", "nor", "pel", "ras", "sil", "tor", "ul", "van", "wes", "zen", "bri", "cal", "den", "fer",
    "gol", "hir", "lan", "mis", "ost", "par", "sen",
];
const FUNCTION_WORDS: [&str; 24] = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "on",
    "with",
    "that",
    "by",
    "as",
    "at",
    "from",
    "its",
    "their",
    "more",
    "new",
    "space",
    "cooperation",
    "program",
    "mission",
    "research",
    "agency",
];

impl Gen {
    fn new(seed: u64) -> Gen {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let g = gazetteer();
        // Pseudo-words from syllables; none may be a gazetteer term in any case.
        let terms: BTreeSet<String> = g.patterns.iter().map(|p| p.to_lowercase()).collect();
        let mut words = BTreeSet::new();
        while words.len() < 6000 {
            let n = 2 + (rng.next_u64() % 3) as usize;
            let word: String = (0..n).map(|_| SYLLABLES[(rng.next_u64() % SYLLABLES.len() as u64) as usize]).collect();
            if !terms.contains(&word) {
                words.insert(word);
            }
        }
        let mut countries = Vec::new();
        for code in g.countries.keys() {
            let term = |kind: MentionKind| {
                g.patterns.iter().zip(&g.entries).find_map(|(p, e)| match e {
                    Entry::Country { code: c, kind: k, rule: None }
                        if c == code
                            && *k == kind
                            && p.chars().next().is_some_and(char::is_uppercase)
                            && p.to_uppercase() != *p =>
                    {
                        Some(p.clone())
                    }
                    _ => None,
                })
            };
            let name = g.countries.get(code).map(|c| c.name.clone()).filter(|n| g.patterns.contains(n));
            if let Some(name) = name {
                countries.push(CountryTerms {
                    code: code.clone(),
                    name,
                    demonym: term(MentionKind::Demonym),
                    place: term(MentionKind::Place),
                });
            }
        }
        // Shuffled, so that the frequent words are not all alphabetically first.
        let mut words: Vec<String> = words.into_iter().collect();
        for i in (1..words.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            words.swap(i, j);
        }
        Gen { rng, words, countries }
    }

    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A word with a roughly Zipfian frequency, so that search has common and rare terms.
    fn word(&mut self) -> String {
        if self.below(3) == 0 {
            return self.pick(&FUNCTION_WORDS).to_owned();
        }
        let r = (self.rng.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        let index = ((self.words.len() as f64).powf(r) as usize).saturating_sub(1).min(self.words.len() - 1);
        self.words[index].clone()
    }

    fn words(&mut self, n: usize) -> String {
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }

    fn sentence(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        let mut s = self.words(n);
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s
    }

    /// A phrase that mentions a country in one of its forms, the way news
    /// does ("in Vienna", "with Austrian officials", "in Austria"); records
    /// the country. A city or a demonym alone is no evidence of a country
    /// (it may be a surname, a town elsewhere or a language), so each comes
    /// with the words that make it one.
    fn country(&mut self, truth: &mut Truth) -> String {
        let i = self.below(self.countries.len());
        let c = &self.countries[i];
        let forms: Vec<String> = [
            Some(format!("in {}", c.name)),
            c.demonym.as_ref().map(|d| format!("with {d} officials")),
            c.place.as_ref().map(|p| format!("in {p}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        let form = forms[(self.rng.next_u64() % forms.len() as u64) as usize].clone();
        truth.countries.insert(c.code.clone());
        form
    }

    fn date(&mut self) -> Date {
        let year = 1990 + self.below(36) as u16;
        let month = 1 + self.below(12) as u8;
        let day = 1 + self.below(28) as u8;
        Date { year, month, day }
    }
}

fn short_month(month: u8) -> String {
    let name = MONTHS[usize::from(month - 1)];
    if name.len() <= 5 {
        name.to_owned()
    } else {
        format!("{}.", &name[..3])
    }
}

/// Generates `n` articles from `seed`.
pub fn generate(n: usize, seed: u64) -> Vec<Article> {
    let mut g = Gen::new(seed);
    (0..n).map(|i| article(&mut g, i)).collect()
}

fn article(g: &mut Gen, i: usize) -> Article {
    let mut truth = Truth { file: format!("{i:05}.txt"), ..Truth::default() };
    let date = g.date();
    truth.date = Some(date);
    let agency = g.pick(&AGENCIES).to_owned();
    let title = format!("{} {}", g.sentence(4, 9), g.words(1));
    truth.title = title.clone();

    let mut lines: Vec<String> = Vec::new();
    let month_name = MONTHS[usize::from(date.month - 1)];
    match g.below(4) {
        0 => lines.push(format!(" date {} {title}", date.iso())),
        1 => {
            lines.push(title.clone());
            lines.push(format!(
                " updatetime:{} {:02}:{:02}:{:02}   Views:{}",
                date.iso(),
                g.below(24),
                g.below(60),
                g.below(60),
                g.below(999)
            ));
        }
        2 => {
            lines.push(title.clone());
            lines.push(format!(
                "{agency}) {:02}:{:02}, {month_name} {}, {}",
                g.below(24),
                g.below(60),
                date.day,
                date.year
            ));
        }
        _ => {
            lines.push(title.clone());
            lines.push(format!("Published: {} {} {}", date.day, month_name, date.year));
        }
    }

    // The dateline's city is a country mention too.
    let dateline_country = loop {
        let k = g.below(g.countries.len());
        if g.countries[k].place.as_ref().is_some_and(|p| p.chars().count() >= 4) {
            break k;
        }
    };
    let city = g.countries[dateline_country].place.clone().unwrap_or_default();
    truth.countries.insert(g.countries[dateline_country].code.clone());
    let lead = format!(
        "{}, {} {} ({agency}) -- {}.",
        city.to_uppercase(),
        short_month(date.month),
        date.day,
        g.sentence(12, 30)
    );
    lines.push(lead);

    // People: introduced with a title and full name, then quoted by surname,
    // pronoun, or full name.
    let people = 1 + g.below(2);
    for _ in 0..people {
        let first = g.pick(&FIRST).to_owned();
        let last = g.pick(&LAST).to_owned();
        let full = format!("{first} {last}");
        let role = g.pick(&ROLES).to_owned();
        let country = g.country(&mut truth);
        lines.push(format!("{role} {full} {} {country} {}.", g.words(3), g.sentence(8, 20).to_lowercase()));
        let quotes = 1 + g.below(3);
        for q in 0..quotes {
            let words = g.sentence(8, 20);
            let text = format!("{words} {}", g.country(&mut truth));
            let (line, quoted) = match (q, g.below(4)) {
                (0, 0) | (0, 1) => (format!("\"{text},\" {last} said."), format!("{text},")),
                (0, _) => (format!("{full} said: “{text}.”"), format!("{text}.")),
                (_, 0) => (format!("“{text},” said {last}."), format!("{text},")),
                (_, 1) => (
                    format!("\"{text},\" {} added.", if first.ends_with('a') { "she" } else { "he" }),
                    format!("{text},"),
                ),
                _ => (format!("{last} said, \"{text}.\""), format!("{text}.")),
            };
            truth.quotes.push((quoted, full.clone()));
            lines.push(line);
            if g.below(2) == 0 {
                lines.push(format!("{}.", g.sentence(15, 40)));
            }
        }
    }
    for _ in 0..(1 + g.below(4)) {
        lines.push(format!("{} {} {}.", g.sentence(10, 25), g.country(&mut truth), g.words(8)));
    }
    lines.push(format!("(Web editor: {} {})", g.pick(&FIRST), g.pick(&LAST)));
    let text = lines.join("\n\n") + "\n";
    Article { file: truth.file.clone(), text, truth }
}
