//! The app's wasm tests, run in headless Chromium by `cargo xtask test`
//! (wasm-bindgen-test-runner with ChromeDriver).
#![cfg(target_arch = "wasm32")]

use orrery::app::App;
use orrery::data::corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn embedded_corpus_decodes_with_every_document() {
    let corpus = corpus();
    assert!(!corpus.documents.is_empty(), "the embedded corpus is empty");
    for doc in &corpus.documents {
        assert!(!doc.title.is_empty(), "{} has no title", doc.file);
        assert!(!doc.slug.is_empty(), "{} has no slug", doc.file);
    }
}

#[wasm_bindgen_test]
fn app_renders_one_article_per_document_inside_main() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    let articles = host.query_selector_all("main article h2").unwrap();
    assert_eq!(articles.length() as usize, corpus().documents.len());
    let first = articles.item(0).unwrap().text_content().unwrap();
    assert_eq!(first, corpus().documents[0].title);
}
