//! Markup written as one string, for a view the browser parses at once
//! (`innerHTML`) rather than building node by node: a page of cards built
//! with a call per element, attribute and text cost more than the rest of a
//! facet click (`components::articles`).
//!
//! The type keeps corpus text from becoming markup: tag and attribute names
//! are `&'static str`, written in the app's code, and every text and
//! attribute value is escaped (with `html-escape`), so `<script>` in a title
//! shows as text, as it does in views Leptos builds.

/// An HTML fragment being written. Elements are closed in the order they
/// were opened ([`Markup::close`] takes the tag again, for the reader).
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag name="value" …>`. An attribute whose value is `None` is left out.
    /// No attribute may be an event handler (`on…`): escaping keeps a value
    /// inside its quotes, but a handler's value is code.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, Option<&str>)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            debug_assert!(!name.to_ascii_lowercase().starts_with("on"), "an event handler in markup: {name}");
            let Some(value) = value else { continue };
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            html_escape::encode_double_quoted_attribute_to_string(value, &mut self.0);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        html_escape::encode_text_to_string(text, &mut self.0);
        self
    }

    /// An element holding only `text`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, Option<&str>)],
        text: &str,
    ) -> &mut Markup {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// The HTML written.
    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Markup;

    #[test]
    fn text_and_attribute_values_cannot_become_markup() {
        let mut html = Markup::default();
        html.open("a", &[("href", Some("/?q=\"><script>")), ("title", None), ("class", Some("x"))])
            .text("<img src=x onerror=alert(1)> & more")
            .close("a");
        assert_eq!(
            html.into_string(),
            "<a href=\"/?q=&quot;&gt;&lt;script&gt;\" class=\"x\">&lt;img src=x onerror=alert(1)&gt; &amp; more</a>"
        );
    }

    #[test]
    #[should_panic(expected = "an event handler in markup")]
    #[cfg(debug_assertions)]
    fn an_event_handler_is_refused() {
        Markup::default().open("img", &[("onerror", Some("x"))]);
    }

    #[test]
    fn elements_nest_in_order() {
        let mut html = Markup::default();
        html.open("p", &[]).element("time", &[], "April 2024").text(" · ").close("p");
        assert_eq!(html.into_string(), "<p><time>April 2024</time> · </p>");
    }
}
