//! A source does not run across a line break: words on an earlier line (a
//! list number, a time stamp, a headline) are no part of the speaker
//! ("3\nThe mayor Says …" → "The mayor").

use dyad_core::Span;

use super::Finder;
use crate::attribution::Attribution;

impl Finder<'_> {
    /// Start the source of `a` after the last line break inside it.
    pub(super) fn source_on_one_line(&self, a: &mut Attribution) {
        if let Some(src) = a.source {
            a.source = Some(last_line(self.text, src));
        }
    }
}

/// The part of `span` after its last line break, when that part holds a
/// word; otherwise `span` itself.
fn last_line(text: &str, span: Span) -> Span {
    let Some(t) = text.get(span.start..span.end) else {
        return span;
    };
    let Some(nl) = t.trim_end().rfind('\n') else {
        return span;
    };
    let rest = t.get(nl + 1..).unwrap_or("");
    let lead = rest.len() - rest.trim_start().len();
    if !rest.chars().any(char::is_alphanumeric) {
        return span;
    }
    Span::new(span.start + nl + 1 + lead, span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> &str {
        let s = last_line(text, Span::new(0, text.len()));
        &text[s.start..s.end]
    }

    #[test]
    fn source_starts_on_its_own_line() {
        assert_eq!(cut("4\nThe harbour master"), "The harbour master");
        assert_eq!(cut("The harbour master"), "The harbour master");
        // a break with nothing after it keeps the span
        assert_eq!(cut("The harbour master\n"), "The harbour master\n");
    }
}
