//! What the build writes into the built page besides Trunk's own: the first
//! view's HTML (`orrery::prerender`), and for a sharded corpus the link to
//! its head, which the app starts from.

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

/// The element's id by which the app finds its head (`src/data.rs`).
pub const HEAD_LINK_ID: &str = "orrery-head";

/// `page` with a link to the head at `path` (a sharded corpus's, see
/// `orrery_core::model::is_head_path`) at the end of its one `<head>`: the
/// browser fetches it beside the app's code, and the app reads its path.
pub fn preload_head(page: &str, path: &str) -> Result<String, String> {
    if !orrery_core::model::is_head_path(path) {
        return Err(format!("{path:?} is not a head's path"));
    }
    let found: Vec<usize> = page.match_indices("</head>").map(|(at, _)| at).collect();
    match found.as_slice() {
        [at] => Ok(format!(
            "{}<link rel=\"preload\" id=\"{HEAD_LINK_ID}\" href=\"{path}\" as=\"fetch\" crossorigin=\"anonymous\">{}",
            &page[..*at],
            &page[*at..]
        )),
        [] => Err("the page has no </head> to link the corpus's head in".into()),
        _ => Err("the page has more than one </head>".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_is_linked_once_at_the_end_of_the_head_and_only_by_a_heads_path() {
        let page = "<html><head><title>x</title></head><body></body></html>";
        let linked = preload_head(page, "data-00000000000000ff/head.bin").unwrap();
        assert_eq!(
            linked,
            "<html><head><title>x</title><link rel=\"preload\" id=\"orrery-head\" \
             href=\"data-00000000000000ff/head.bin\" as=\"fetch\" crossorigin=\"anonymous\"></head><body></body></html>"
        );
        for path in ["data-00000000000000ff/head.bin\"><script>", "../head.bin", "data-x/head.bin"] {
            let error = preload_head(page, path).unwrap_err();
            assert!(error.contains("is not a head's path"), "{error}");
        }
        assert!(preload_head("<body></body>", "data-00000000000000ff/head.bin").unwrap_err().contains("no </head>"));
        let twice = "<head></head><head></head>";
        assert!(preload_head(twice, "data-00000000000000ff/head.bin").unwrap_err().contains("more than one"));
    }
}
