//! Article structure from scraped text: the raw page text becomes a
//! [`Document`] with headline, standfirst, dateline, authors, credits,
//! captions, publisher, publication date and a clean body.
//!
//! The text is cut into paragraph units ([`units`]); units are then claimed,
//! in this order, by: boilerplate (dropped), the print-edition note, trailing
//! credit lines, the headline, captions (deduplicated), bylines, the
//! standfirst, and the dateline of the first body paragraph. What remains is
//! the body, paragraphs joined by a blank line.

pub mod captions;
pub mod credits;
pub mod dateline;
pub mod dates;
pub mod lexicon;
pub mod print_edition;
pub mod units;

use chrono::NaiveDate;
use dyad_core::{content_id, Caption, Document};

use crate::error::IngestError;
use crate::record::RawArticle;
use captions::{is_truncated_copy, parse_caption, push_caption};
use credits::{parse_byline, parse_credit_line, strip_trailing_signature};
use dateline::find_dateline;
use lexicon::BOILERPLATE_LEXICON;
use print_edition::parse_print_edition;
use units::{split_units, Unit};

/// How many leading units may precede the dateline paragraph (headline,
/// standfirst, captions, bylines).
const HEADER_WINDOW: usize = 8;
/// Longest headline and standfirst, in words.
const HEADLINE_MAX_WORDS: usize = 30;
const STANDFIRST_MAX_WORDS: usize = 45;

/// Settings for the structure stage.
#[derive(Debug, Clone, Default)]
pub struct StructureOptions {
    /// Publication date to assume when the article gives none (resolves a
    /// dateline's month-day).
    pub fallback_published: Option<NaiveDate>,
}

/// Build a structured document from a raw article.
pub fn build_document(
    raw: RawArticle,
    options: &StructureOptions,
) -> Result<Document, IngestError> {
    let normalised = normalise_newlines(&raw.text);
    let mut units = split_units(&normalised);
    let mut doc = Document {
        source: Some(raw.url.clone().unwrap_or_else(|| raw.origin.to_string())),
        meta: raw.meta,
        ..Document::default()
    };
    if raw.lossy {
        doc.warnings
            .push("invalid UTF-8 replaced while decoding".into());
    }
    if let Some(publisher) = doc
        .meta
        .remove("publisher")
        .and_then(|v| v.as_str().map(str::to_string))
    {
        doc.publisher = Some(publisher);
    }
    doc.published = raw.published.as_deref().and_then(dates::parse_date);
    if let (Some(text), None) = (&raw.published, doc.published) {
        doc.warnings
            .push(format!("unparsed publication date {text:?}"));
        doc.meta.insert("published_raw".into(), text.clone().into());
    }

    take_footer(&mut units, &mut doc);
    take_headline(&mut units, raw.title, &mut doc);
    let reference = doc.published.or(options.fallback_published);
    take_header_and_dateline(&mut units, reference, &mut doc);
    take_body_captions(&mut units, &mut doc);

    let mut text = String::new();
    for unit in &units {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&unit.text);
    }
    if text.trim().is_empty() {
        return Err(IngestError::NoText {
            origin: raw.origin,
            detail: "no body paragraphs after structure was removed".into(),
        });
    }
    doc.id = raw.id.unwrap_or_else(|| content_id(&text));
    doc.paragraphs = dyad_core::document::paragraph_spans(&text);
    doc.text = text;
    Ok(doc)
}

fn normalise_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// Boilerplate anywhere, then from the end: print-edition note, credit lines,
/// a trailing wire signature.
fn take_footer(units: &mut Vec<Unit>, doc: &mut Document) {
    units.retain_mut(|unit| {
        if let Some(stripped) = unit.text.strip_suffix(" Subscribe") {
            if parse_print_edition(stripped).is_some() {
                unit.text = stripped.to_string();
            }
        }
        !BOILERPLATE_LEXICON.is_boilerplate(&unit.text)
    });
    let mut footer_credits: Vec<String> = Vec::new();
    while let Some(last) = units.last() {
        if let Some(edition) = parse_print_edition(&last.text) {
            doc.publisher = doc.publisher.take().or(edition.publisher);
            doc.published = doc.published.or(edition.date);
            if let Some(headline) = edition.headline {
                doc.meta.entry("print_headline").or_insert(headline.into());
            }
        } else if let Some(credits) = parse_credit_line(&last.text) {
            footer_credits.splice(0..0, credits);
        } else {
            break;
        }
        units.pop();
    }
    if let Some(last) = units.last_mut() {
        if let Some((head, agency)) = strip_trailing_signature(&last.text) {
            last.text = head;
            footer_credits.push(agency);
        }
    }
    for credit in footer_credits {
        add_credit(doc, credit);
    }
}

/// The input's title, or the first unit when it reads like a headline.
fn take_headline(units: &mut Vec<Unit>, title: Option<String>, doc: &mut Document) {
    if let Some(title) = title.map(|t| fold_whitespace(&t)).filter(|t| !t.is_empty()) {
        if units
            .first()
            .is_some_and(|u| fold_whitespace(&u.text).eq_ignore_ascii_case(&title))
        {
            units.remove(0);
        }
        doc.headline = Some(title);
        return;
    }
    let Some(first) = units.first() else { return };
    let words = first.text.split_whitespace().count();
    // All-capital headlines may end in an abbreviation ("… TO U.S.").
    let shouting = !first.text.chars().any(char::is_lowercase);
    let ends_sentence = first.text.ends_with('.') && !first.text.ends_with("..") && !shouting;
    if units.len() > 1
        && first.single_line
        && words <= HEADLINE_MAX_WORDS
        && !ends_sentence
        && find_dateline(&first.text, None).is_none()
        && parse_caption(&first.text).is_none()
        && dates::parse_date_line(&first.text).is_none()
    {
        doc.headline = Some(units.remove(0).text);
    }
}

/// Units before the first body paragraph: captions, bylines, the standfirst;
/// then the dateline that opens the body.
fn take_header_and_dateline(
    units: &mut Vec<Unit>,
    reference: Option<NaiveDate>,
    doc: &mut Document,
) {
    let window = units.len().min(HEADER_WINDOW);
    // A date line above the dateline (published, else updated) resolves the
    // dateline's month-day.
    let reference = reference.or_else(|| {
        units[..window]
            .iter()
            .find_map(|u| match dates::parse_date_line(&u.text) {
                Some(dates::DateLine::Published(d) | dates::DateLine::Updated(d)) => Some(d),
                None => None,
            })
    });
    // The dateline opens the first body paragraph: every unit before it must
    // be header material (short lines, captions, bylines).
    let dateline_at = (0..window)
        .take_while(|&i| i == 0 || is_header_like(&units[i - 1]))
        .find_map(|i| find_dateline(&units[i].text, reference).map(|d| (i, d)));
    let header_end = dateline_at.as_ref().map_or(0, |(i, _)| *i);
    let mut standfirst_parts: Vec<String> = Vec::new();
    let mut header_captions: Vec<Caption> = Vec::new();
    // With a dateline, everything before it is header; without one, only
    // leading captions, bylines and a standfirst-like line directly after the headline.
    let mut i = 0;
    while i < units.len() && (i < header_end || dateline_at.is_none() && i < window) {
        let text = &units[i].text;
        let next_is_copy = units
            .get(i + 1)
            .is_some_and(|n| is_truncated_copy(text, &n.text));
        if next_is_copy {
            // a truncated duplicate of the next line: drop it
        } else if let Some(date_line) = dates::parse_date_line(text) {
            match date_line {
                dates::DateLine::Published(d) => doc.published = doc.published.or(Some(d)),
                dates::DateLine::Updated(d) => {
                    doc.meta.entry("updated").or_insert(d.to_string().into());
                }
            }
        } else if let Some(caption) = parse_caption(text) {
            header_captions.push(caption);
        } else if let Some(byline) = parse_byline(text) {
            doc.authors.extend(byline.authors);
            for credit in byline.credits {
                add_credit(doc, credit);
            }
        } else if dateline_at.is_some()
            || (standfirst_parts.is_empty() && looks_like_standfirst(&units[i], units.get(i + 1)))
        {
            standfirst_parts.push(text.clone());
        } else {
            break;
        }
        i += 1;
    }
    units.drain(..i);
    for caption in header_captions {
        push_caption(&mut doc.captions, caption);
    }
    if !standfirst_parts.is_empty() {
        doc.standfirst = Some(standfirst_parts.join(" "));
    }
    if let Some((_, found)) = dateline_at {
        if let Some(first) = units.first_mut() {
            first.text = first.text[found.body_start..].trim_start().to_string();
            if let Some(agency) = &found.dateline.agency {
                add_credit(doc, agency.clone());
            }
            doc.dateline = Some(found.dateline);
        }
        if units.first().is_some_and(|u| u.text.is_empty()) {
            units.remove(0);
        }
    }
}

/// Could this unit sit above the dateline: a caption, a byline, or a
/// single line no longer than a standfirst.
fn is_header_like(unit: &Unit) -> bool {
    dates::parse_date_line(&unit.text).is_some()
        || (unit.single_line && unit.text.split_whitespace().count() <= STANDFIRST_MAX_WORDS)
        || parse_caption(&unit.text).is_some()
        || parse_byline(&unit.text).is_some()
}

/// A short line without closing punctuation, followed by more text.
fn looks_like_standfirst(unit: &Unit, next: Option<&Unit>) -> bool {
    let words = unit.text.split_whitespace().count();
    let closes = unit
        .text
        .ends_with(['.', '?', '!', '"', '”', '\'', '’', ':']);
    unit.single_line && next.is_some() && (4..=STANDFIRST_MAX_WORDS).contains(&words) && !closes
}

/// Captions and truncated duplicates inside the body.
fn take_body_captions(units: &mut Vec<Unit>, doc: &mut Document) {
    let mut kept = Vec::with_capacity(units.len());
    let mut iter = std::mem::take(units).into_iter().peekable();
    while let Some(unit) = iter.next() {
        if iter
            .peek()
            .is_some_and(|n| is_truncated_copy(&unit.text, &n.text))
        {
            continue;
        }
        match parse_caption(&unit.text) {
            Some(caption) => push_caption(&mut doc.captions, caption),
            None => kept.push(unit),
        }
    }
    *units = kept;
}

fn add_credit(doc: &mut Document, credit: String) {
    if !doc.credits.iter().any(|c| c.eq_ignore_ascii_case(&credit)) {
        doc.credits.push(credit);
    }
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
