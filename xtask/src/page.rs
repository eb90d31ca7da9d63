//! What the build writes into the built page besides Trunk's own: the first
//! view's HTML (`orrery::prerender`), placed by `cargo xtask shards`.

/// `page` with `html` in its one empty `#first-view` element, as written in
/// `index.html` or as Trunk's minifier writes it.
pub fn fill_first_view(page: &str, html: &str) -> Result<String, String> {
    let marks = ["<div id=\"first-view\"></div>", "<div id=first-view></div>"];
    let found: Vec<(usize, &str)> = marks.iter().flat_map(|m| page.match_indices(m)).collect();
    match found.as_slice() {
        [(at, mark)] => {
            let open = &mark[..mark.len() - "</div>".len()];
            Ok(format!("{}{open}{html}</div>{}", &page[..*at], &page[at + mark.len()..]))
        }
        [] => Err("the page has no empty <div id=\"first-view\"></div> for the first view".into()),
        _ => Err("the page has more than one <div id=\"first-view\"></div>".into()),
    }
}
