//! The first view's HTML, rendered natively from the app's own components
//! (`orrery::prerender`) and written into the built page
//! (`xtask::bundle::fill_first_view`): it is the app's first page, its text
//! is escaped, its links work under any path, and a large corpus's head
//! renders it as the whole bundle does (but for the downloads, which wait
//! for its facets).

use std::collections::BTreeMap;

use corpus::analyse::analyse_files;
use corpus::bundle::site;
use corpus::read::SourceFile;
use orrery_core::Corpus;
use xtask::page::fill_first_view;

fn corpus(articles: &[(&str, &str)]) -> Corpus {
    let files: Vec<SourceFile> = articles
        .iter()
        .map(|(name, text)| SourceFile { path: (*name).into(), name: (*name).to_owned(), text: (*text).to_owned() })
        .collect();
    analyse_files(&files, &BTreeMap::new()).expect("the articles analyse")
}

fn generated(n: usize) -> Corpus {
    let files: Vec<SourceFile> = xtask::synth::generate(n, 5)
        .into_iter()
        .map(|a| SourceFile { path: a.file.clone().into(), name: a.file, text: a.text })
        .collect();
    analyse_files(&files, &BTreeMap::new()).expect("generated articles analyse")
}

fn first_view(corpus: Corpus, embed_limit: usize) -> String {
    let site = site(corpus, embed_limit).expect("a site");
    orrery::prerender::first_view(&site.bundle).expect("the first view renders")
}

/// The titles of the cards, in order.
fn card_titles(html: &str) -> Vec<&str> {
    html.split("<h2 class=\"card-title\"><a ")
        .skip(1)
        .map(|s| s.split_once('>').unwrap().1.split('<').next().unwrap())
        .collect()
}

#[test]
fn the_first_view_is_the_first_page_of_cards_with_the_counts() {
    let html = first_view(generated(40), usize::MAX);
    assert_eq!(html.matches("<article class=\"card\">").count(), orrery_core::state::PAGE);
    assert!(html.contains("class=\"result-count\">40 articles</p>"), "the total");
    // Newest first: the build numbered the articles so (see `newest_first`).
    let titles = card_titles(&html);
    assert_eq!(titles.len(), orrery_core::state::PAGE);
    assert!(html.contains("<fieldset data-facet=\"country\""), "the facets are there");
    assert!(html.contains("<footer class=\"site-footer\">"));
}

#[test]
fn a_large_corpus_head_renders_the_first_view_of_the_whole_bundle_but_its_downloads() {
    let corpus = generated(60);
    let whole = first_view(corpus.clone(), usize::MAX);
    let head = first_view(corpus, 0);
    assert_eq!(card_titles(&head), card_titles(&whole));
    // Except for the download menu: a large corpus offers it once its
    // facets are here, which they are not at the first instant.
    let menu = whole.find("<details class=\"download\">").expect("a whole bundle offers downloads");
    let status = "<p role=\"status\" class=\"download-status\"><!></p>";
    let end = whole[menu..].find(status).expect("the download's status line") + menu + status.len();
    assert!(!head.contains("class=\"download\""));
    let whole = format!("{}<!>{}", &whole[..menu], &whole[end..]);
    if let Some(at) = head.bytes().zip(whole.bytes()).position(|(a, b)| a != b) {
        let around = |s: &str| s[at.saturating_sub(200)..(at + 200).min(s.len())].to_owned();
        panic!("the head's first view differs:\n{}\n\nthe whole bundle's:\n{}", around(&head), around(&whole));
    }
    assert_eq!(head.len(), whole.len());
}

#[test]
fn text_from_the_corpus_is_escaped_and_links_are_relative() {
    let html = first_view(
        corpus(&[
            (
                "a.txt",
                "Markup <script>alert(\"x\")</script> & more stays text\n\nA paragraph with <img src=x onerror=\"alert(1)\"> in it, from Paris, France.\n",
            ),
            ("b.txt", "Kenya and Peru share a satellite\n\nNAIROBI (Reuters) - \"We share it,\" Amina Otieno said.\n"),
        ]),
        usize::MAX,
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("Markup &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more stays text")
            || html.contains("Markup &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more stays text"),
        "{html}"
    );
    for href in html.split("href=\"").skip(1).map(|s| s.split('"').next().unwrap()) {
        assert!(href.starts_with("./") || href.starts_with('#'), "a link that does not work under any path: {href}");
    }
}

#[test]
fn an_unreadable_bundle_is_an_error_not_a_page() {
    let error = orrery::prerender::first_view(&[0xFF; 64]).unwrap_err();
    assert!(error.contains("cannot be read"), "{error}");
}

#[test]
fn the_first_view_goes_into_the_one_empty_element_for_it() {
    let html = "<article class=\"card\">A</article>";
    for page in ["<body><p>x</p><div id=\"first-view\"></div></body>", "<body><p>x</p><div id=first-view></div>"] {
        let filled = fill_first_view(page, html).unwrap();
        assert_eq!(filled.matches(html).count(), 1);
        assert!(filled.starts_with("<body><p>x</p><div id"));
        assert!(
            filled.contains(&format!("first-view>{html}</div>"))
                || filled.contains(&format!("first-view\">{html}</div>"))
        );
    }
    assert!(fill_first_view("<body></body>", html).unwrap_err().contains("no empty"));
    let twice = "<div id=first-view></div><div id=\"first-view\"></div>";
    assert!(fill_first_view(twice, html).unwrap_err().contains("more than one"));
}
