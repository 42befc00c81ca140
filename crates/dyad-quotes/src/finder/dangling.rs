//! A content never ends on a coordinator. When a later attribution takes
//! the second conjunct ("…called on her to resign and said, “…”", "…asked
//! for a photo and Lee said …"), the first content is cut just before the
//! later cue and keeps a dangling "and"/"or"/"but"; the coordinator and the
//! comma before it leave the content.
//!
//! On PolNeAR train 25 predicted contents ended on such a word; without it
//! 12 of them match their gold content exactly (dev: 1 more exact content).

use dyad_core::Span;

use super::trim_content_end;
use crate::attribution::Attribution;

/// Coordinators that cannot end a content.
const COORDINATORS: &[&str] = &["and", "or", "but"];

/// Drops a final coordinator from every content of `a`.
pub(super) fn drop_final_coordinator(text: &str, a: &mut Attribution) {
    for c in &mut a.content {
        if let Some(end) = end_before_coordinator(text, *c) {
            *c = Span::new(c.start, end);
        }
    }
}

/// The end of `span` without its final coordinator, when it has one and
/// some content stays before it.
fn end_before_coordinator(text: &str, span: Span) -> Option<usize> {
    let slice = span.slice(text)?;
    let body = slice.trim_end();
    let cut = body.rfind(char::is_whitespace)?;
    let last = body.get(cut..)?.trim_start();
    if !COORDINATORS.contains(&last) {
        return None;
    }
    let end = trim_content_end(text, span.start, span.start + cut);
    (end > span.start).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_and_leaves_the_content() {
        let text = "her to resign from her post and";
        let end = end_before_coordinator(text, Span::new(0, text.len()));
        assert_eq!(end, Some("her to resign from her post".len()));
        let text = "a photo, and ";
        let end = end_before_coordinator(text, Span::new(0, text.len()));
        assert_eq!(end, Some("a photo".len()));
        let text = "law and order";
        assert_eq!(end_before_coordinator(text, Span::new(0, text.len())), None);
        let text = "and";
        assert_eq!(end_before_coordinator(text, Span::new(0, text.len())), None);
    }
}
