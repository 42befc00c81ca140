//! Bylines (`by Janie Gabbett, Reuters`) and trailing agency credit lines
//! (`AGENCE FRANCE-PRESSE, NY TIMES`, a final `REUTER`).

use once_cell::sync::Lazy;
use regex::Regex;

use super::lexicon::AGENCY_LEXICON;

static BYLINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?i:by)\s+(?P<rest>[A-Z].{1,150})$").expect("byline pattern"));

/// Job descriptions that follow a name in a byline ("Associated Press Writer").
static BYLINE_ROLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:senior|chief|staff|political|foreign|diplomatic|special)\s+)*(?:writer|reporter|correspondent|editor|staff|in\s+[A-Z][a-z]+.*|.*\s+(?:writer|correspondent|reporter|staff|bureau))$")
        .expect("byline role pattern")
});

/// Authors and agency credits from a byline.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub credits: Vec<String>,
}

/// Parse `paragraph` as a byline: "By NAME[, NAME][ and NAME][, AGENCY]".
pub fn parse_byline(paragraph: &str) -> Option<Byline> {
    let caps = BYLINE.captures(paragraph.trim())?;
    let rest = caps.name("rest")?.as_str();
    if rest.split_whitespace().count() > 14 || rest.ends_with('.') && !rest.ends_with("Jr.") {
        return None;
    }
    let mut byline = Byline::default();
    for part in rest
        .split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if AGENCY_LEXICON.canonical(part).is_some() {
            byline.credits.push(part.to_string());
        } else if let Some(agency) = agency_with_role(part) {
            byline.credits.push(agency);
        } else if BYLINE_ROLE.is_match(part) {
            continue;
        } else if looks_like_name(part) {
            byline.authors.push(title_case_if_shouting(part));
        } else {
            return None;
        }
    }
    (!byline.authors.is_empty() || !byline.credits.is_empty()).then_some(byline)
}

/// "Associated Press Writer" → the agency as written ("Associated Press").
fn agency_with_role(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..words.len())
        .rev()
        .map(|n| words[..n].join(" "))
        .find(|name| AGENCY_LEXICON.canonical(name).is_some())
}

fn looks_like_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    *w,
                    "de" | "van" | "von" | "der" | "da" | "bin" | "al" | "el" | "la"
                )
        })
}

/// "JANE DOE" → "Jane Doe"; mixed-case names are kept as written.
fn title_case_if_shouting(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// When the whole paragraph is a list of credits ("AGENCE FRANCE-PRESSE, NY
/// TIMES", "Reuters", "- AFP"), the credits.
pub fn parse_credit_line(paragraph: &str) -> Option<Vec<String>> {
    let line = paragraph
        .trim()
        .trim_start_matches(['-', '–', '—', '('])
        .trim_end_matches([')', '.'])
        .trim();
    if line.is_empty() || line.len() > 120 || line.split_whitespace().count() > 12 {
        return None;
    }
    let parts: Vec<&str> = line
        .split([',', '/', ';'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let known = parts.iter().all(|p| AGENCY_LEXICON.canonical(p).is_some());
    let shouting = line.chars().any(char::is_alphabetic)
        && line.chars().all(|c| !c.is_lowercase())
        && line
            .chars()
            .all(|c| c.is_alphanumeric() || " ,.'’&/;-".contains(c));
    if !(known || shouting) {
        return None;
    }
    Some(parts.into_iter().map(|p| p.to_string()).collect())
}

/// Split a trailing wire signature off the last paragraph: "… (33.7).  REUTER",
/// "… 1.19 dlrs Reuter". An agency named in the sentence stays: "…, said the
/// AP", "according to AFP", "founded by Paul Julius Reuter".
pub fn strip_trailing_signature(paragraph: &str) -> Option<(String, String)> {
    let trimmed = paragraph.trim_end();
    let (head, last) = trimmed.rsplit_once(char::is_whitespace)?;
    AGENCY_LEXICON.canonical(last)?;
    let is_wire_sig = last.chars().all(|c| c.is_uppercase()) || last == "Reuter";
    let head = head.trim_end();
    let after_sentence = head.ends_with(['.', '!', '?', '"', '”', ')', '\'', '’']);
    let prev = head.split_whitespace().last().unwrap_or("");
    let governed = matches!(
        prev.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "to"
            | "by"
            | "from"
            | "of"
            | "for"
            | "with"
            | "and"
            | "or"
            | "at"
            | "on"
            | "in"
            | "said"
            | "says"
            | "told"
            | "according"
            | "via"
    );
    let part_of_name =
        prev.chars().next().is_some_and(char::is_uppercase) && !prev.ends_with(['.', ')']);
    if !is_wire_sig || !(after_sentence || !governed && !part_of_name) {
        return None;
    }
    Some((head.to_string(), last.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let b = parse_byline("by Janie Gabbett, Reuters").expect("byline");
        assert_eq!(b.authors, vec!["Janie Gabbett"]);
        assert_eq!(b.credits, vec!["Reuters"]);
        let b =
            parse_byline("By JOHN SMITH and Mary Jones, Associated Press Writer").expect("byline");
        assert_eq!(b.authors, vec!["John Smith", "Mary Jones"]);
        assert_eq!(b.credits, vec!["Associated Press"]);
        assert!(parse_byline("By the end of the week, prices had fallen sharply.").is_none());
    }

    #[test]
    fn credit_lines() {
        assert_eq!(
            parse_credit_line("AGENCE FRANCE-PRESSE, NY TIMES"),
            Some(vec![
                "AGENCE FRANCE-PRESSE".to_string(),
                "NY TIMES".to_string()
            ])
        );
        assert_eq!(
            parse_credit_line("Reuters"),
            Some(vec!["Reuters".to_string()])
        );
        assert_eq!(parse_credit_line("The talks will resume on Monday."), None);
        assert_eq!(
            strip_trailing_signature("total 55.8 (33.7).        REUTER"),
            Some(("total 55.8 (33.7).".to_string(), "REUTER".to_string()))
        );
        assert_eq!(
            strip_trailing_signature("He met officials from Reuters"),
            None
        );
    }
}
