//! Photo captions: paragraphs that end in a photo credit (`PHOTO: AGENCE
//! FRANCE-PRESSE`, `(Photo: Reuters)`), or open with `Image caption`. Scrapers
//! often repeat a caption truncated and then in full: only the full one is kept.

use dyad_core::Caption;
use once_cell::sync::Lazy;
use regex::Regex;

/// A credit at the end of a caption: `PHOTO: AFP`, `PHOTOS: REUTERS, EPA`,
/// `ST PHOTO: JANE DOE`, `(Photo: Getty Images)`.
static CREDIT_END: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:^|[\s.])(?:\(\s*)?(?P<label>(?:[A-Z]{2,5} )?(?:FILE )?(?:PHOTO|PHOTOS|PICTURE|PICTURES|IMAGE|VIDEO|Photo|Photos|Picture|Image)(?: ILLUSTRATION)?)\s*:\s*(?P<credit>[A-Za-z0-9][A-Za-z0-9 .,'’&/\-]{1,80}?)\s*\)?\s*$",
    )
    .expect("caption credit pattern")
});

static CAPTION_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Image caption|Photo caption|Caption)\s*[:\-]?\s*")
        .expect("caption start pattern")
});

/// How far from the end of a paragraph a credit label may start.
const CREDIT_TAIL: usize = 140;

/// When `paragraph` is a caption, its text and credit.
pub fn parse_caption(paragraph: &str) -> Option<Caption> {
    // The credit sits at the very end: search only the tail.
    let mut tail_start = paragraph.len().saturating_sub(CREDIT_TAIL);
    while !paragraph.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &paragraph[tail_start..];
    let has_label = [
        "PHOTO", "Photo", "PICTURE", "Picture", "IMAGE", "Image", "VIDEO",
    ]
    .iter()
    .any(|label| tail.contains(label));
    if let Some(caps) = has_label.then(|| CREDIT_END.captures(tail)).flatten() {
        let whole = caps.get(0)?;
        let credit = caps.name("credit")?.as_str().trim();
        let label = caps.name("label")?.as_str();
        // Lower-case credits need the parenthesised or title-case label form.
        let upper_credit = credit
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let title_label = label.chars().nth(1).is_some_and(char::is_lowercase);
        if upper_credit || title_label {
            let text = paragraph[..tail_start + whole.start()].trim().to_string();
            return Some(Caption {
                text,
                credit: Some(credit.to_string()),
            });
        }
    }
    if !(paragraph.starts_with("Image")
        || paragraph.starts_with("Photo")
        || paragraph.starts_with("Caption"))
    {
        return None;
    }
    let m = CAPTION_START.find(paragraph)?;
    Some(Caption {
        text: paragraph[m.end()..].trim().to_string(),
        credit: None,
    })
}

/// True when `shorter` is a truncated copy of `longer` (a prefix of at least
/// 20 characters, compared with whitespace folded).
pub fn is_truncated_copy(shorter: &str, longer: &str) -> bool {
    if shorter.len() < 20
        || shorter.len() >= longer.len()
        || shorter.as_bytes()[..20] != longer.as_bytes()[..20]
    {
        return false;
    }
    let a: Vec<&str> = shorter.split_whitespace().collect();
    let b: Vec<&str> = longer.split_whitespace().collect();
    if a.len() >= b.len() || shorter.len() < 20 {
        return false;
    }
    let Some((last, init)) = a.split_last() else {
        return false;
    };
    init.iter().zip(b.iter()).all(|(x, y)| x == y)
        && b.get(init.len()).is_some_and(|w| w.starts_with(last))
}

/// Add a caption unless it repeats one already kept; a fuller version
/// replaces a truncated one.
pub fn push_caption(captions: &mut Vec<Caption>, caption: Caption) {
    for kept in captions.iter_mut() {
        if kept.text == caption.text || is_truncated_copy(&caption.text, &kept.text) {
            if kept.credit.is_none() {
                kept.credit = caption.credit;
            }
            return;
        }
        if is_truncated_copy(&kept.text, &caption.text) {
            let credit = caption.credit.or(kept.credit.take());
            *kept = Caption {
                text: caption.text,
                credit,
            };
            return;
        }
    }
    captions.push(caption);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_in_their_usual_forms() {
        let c =
            parse_caption("Delegates arrive for the talks in Geneva. PHOTO: AGENCE FRANCE-PRESSE")
                .expect("caption");
        assert_eq!(c.text, "Delegates arrive for the talks in Geneva.");
        assert_eq!(c.credit.as_deref(), Some("AGENCE FRANCE-PRESSE"));
        let c = parse_caption("The minister at a briefing on Monday. (Photo: Getty Images)")
            .expect("caption");
        assert_eq!(c.credit.as_deref(), Some("Getty Images"));
        let c = parse_caption("Crowds outside the court. ST PHOTO: KEVIN LIM").expect("caption");
        assert_eq!(c.credit.as_deref(), Some("KEVIN LIM"));
        assert!(parse_caption("The minister said the photo: it was fake news").is_none());
        assert!(parse_caption("He spoke to reporters on Tuesday.").is_none());
    }

    #[test]
    fn truncated_copy_is_replaced_by_the_full_caption() {
        let mut captions = Vec::new();
        push_caption(
            &mut captions,
            Caption {
                text: "Officials denied reporters permission to witness the meet".into(),
                credit: None,
            },
        );
        push_caption(
            &mut captions,
            Caption {
                text: "Officials denied reporters permission to witness the meeting or take photographs.".into(),
                credit: Some("REUTERS".into()),
            },
        );
        assert_eq!(captions.len(), 1);
        assert!(captions[0].text.ends_with("photographs."));
        assert_eq!(captions[0].credit.as_deref(), Some("REUTERS"));
    }
}
