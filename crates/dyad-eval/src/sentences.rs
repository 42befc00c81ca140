//! Evaluation of the sentences stage on MEANTIME (NewsReader, Wikinews).
//!
//! MEANTIME ships tokens with gold sentence numbers but no raw text, so the
//! text is rebuilt from the tokens ([`detokenize`]) and each token's byte
//! offset is kept. dyad's segmenter runs on that text; each predicted
//! sentence start is mapped to the first token at or after it.
//!
//! **Metric**: sentence-boundary precision, recall and F1, where a boundary
//! is the index of a token that starts a sentence (the document's first
//! token excluded), micro-averaged over all documents.
//!
//! **Scope**: every English MEANTIME article is a Wikinews page whose gold
//! sentence 0 is the title and sentence 1 the date line ("March 01, 2008");
//! [`read_doc`] checks this for each file (title = the page name in the URL,
//! date = `Month DD, YYYY`). In dyad those two lines are article structure,
//! removed before segmentation, so the headline score (`scope: "body"`) is on
//! the body only: sentences 2 onwards, rebuilt as one paragraph. The report
//! also scores the whole page (`full`), laid out as it is published: title on
//! its own line, date on its own line, then the body (`"\n"` between them).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use regex::Regex;
use serde::Serialize;

use crate::error::EvalError;

/// Where the English intra-document annotation sits under the shared folder.
pub const MEANTIME_DIR: &str =
    "eval/meantime/meantime_newsreader_english_oct15/intra-doc_annotation";

/// One gold token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldToken {
    pub text: String,
    pub sentence: u32,
}

/// One MEANTIME document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub path: PathBuf,
    pub url: Option<String>,
    pub tokens: Vec<GoldToken>,
    /// Sentence 0 is the page title and sentence 1 a date line.
    pub title_and_date: bool,
}

/// Precision / recall / F1 over boundaries.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub gold_boundaries: usize,
    pub predicted_boundaries: usize,
    pub tp: usize,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<usize>, predicted: &BTreeSet<usize>) {
        self.gold_boundaries += gold.len();
        self.predicted_boundaries += predicted.len();
        self.tp += gold.intersection(predicted).count();
    }

    fn finish(&mut self) {
        self.p = ratio(self.tp, self.predicted_boundaries);
        self.r = ratio(self.tp, self.gold_boundaries);
        self.f1 = if self.p + self.r > 0.0 {
            2.0 * self.p * self.r / (self.p + self.r)
        } else {
            0.0
        };
        self.p = round4(self.p);
        self.r = round4(self.r);
        self.f1 = round4(self.f1);
    }
}

/// The `dyad eval sentences` report (one JSON line).
#[derive(Debug, Clone, Serialize)]
pub struct SentenceReport {
    pub task: &'static str,
    pub set: &'static str,
    /// What the headline figures cover: `"body"` (title and date lines left
    /// to the structure stage) when every document has them, else `"full"`.
    pub scope: &'static str,
    pub docs: usize,
    /// Documents whose sentence 0 is the title and sentence 1 the date.
    pub title_date_docs: usize,
    pub tokens: usize,
    pub gold_boundaries: usize,
    pub predicted_boundaries: usize,
    pub tp: usize,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    /// The whole page: title line, date line, body.
    pub full: Score,
    /// Bytes of rebuilt body text segmented.
    pub bytes: usize,
    /// Segmentation throughput on the rebuilt body text (MB/s, one core;
    /// a debug build is much slower than a release build).
    pub mb_per_s: f64,
    /// Boundary errors of the headline scope, for inspection (not printed).
    #[serde(skip)]
    pub errors: Vec<BoundaryError>,
}

/// A missed or spurious boundary, with the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundaryError {
    pub doc: String,
    /// `"missed"` (false negative) or `"spurious"` (false positive).
    pub kind: &'static str,
    /// Text before and after the boundary, joined by ` ‖ `.
    pub context: String,
}

/// Text rebuilt from tokens, with each token's byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detokenized {
    pub text: String,
    pub starts: Vec<usize>,
}

/// Score dyad's segmenter on every `*.xml` under `dir` (searched
/// recursively).
pub fn evaluate(dir: &Path) -> Result<SentenceReport, EvalError> {
    let docs = load_dir(dir)?;
    if docs.is_empty() {
        return Err(EvalError::Other(format!(
            "{}: no MEANTIME .xml files found",
            dir.display()
        )));
    }
    Ok(score_docs(&docs, dyad_annotate::split_sentences))
}

/// The default gold folder under the shared data, if present.
pub fn default_gold_dir() -> Option<PathBuf> {
    crate::shared::shared_path(MEANTIME_DIR)
}

/// Score a segmenter on parsed documents.
pub fn score_docs(
    docs: &[GoldDoc],
    segment: impl Fn(&str) -> Vec<dyad_core::Span>,
) -> SentenceReport {
    let title_date_docs = docs.iter().filter(|d| d.title_and_date).count();
    let all_have_title = title_date_docs == docs.len();
    let mut body = Score::default();
    let mut full = Score::default();
    let mut errors = Vec::new();
    let mut bodies = Vec::with_capacity(docs.len());
    let mut tokens = 0;
    for doc in docs {
        tokens += doc.tokens.len();
        // body: drop title and date when the document has them
        let skip = if doc.title_and_date {
            doc.tokens.iter().take_while(|t| t.sentence < 2).count()
        } else {
            0
        };
        let body_tokens = doc.tokens.get(skip..).unwrap_or(&[]);
        let body_text = detokenize(body_tokens.iter().map(|t| t.text.as_str()));
        let gold = gold_boundaries(body_tokens);
        let predicted = predicted_boundaries(&body_text, &segment(&body_text.text));
        body.add(&gold, &predicted);
        collect_errors(doc, &body_text, &gold, &predicted, &mut errors);

        let page = page_layout(doc);
        let gold = gold_boundaries(&doc.tokens);
        let predicted = predicted_boundaries(&page, &segment(&page.text));
        full.add(&gold, &predicted);
        bodies.push(body_text.text);
    }
    body.finish();
    full.finish();

    let bytes: usize = bodies.iter().map(String::len).sum();
    let mb_per_s = throughput(&bodies, bytes, &segment);
    let headline = if all_have_title { &body } else { &full };
    SentenceReport {
        task: "sentences",
        set: "meantime",
        scope: if all_have_title { "body" } else { "full" },
        docs: docs.len(),
        title_date_docs,
        tokens,
        gold_boundaries: headline.gold_boundaries,
        predicted_boundaries: headline.predicted_boundaries,
        tp: headline.tp,
        p: headline.p,
        r: headline.r,
        f1: headline.f1,
        full,
        bytes,
        mb_per_s,
        errors,
    }
}

/// MB/s of `segment` over `texts`, repeated until at least 0.2 s passed.
fn throughput(
    texts: &[String],
    bytes: usize,
    segment: &impl Fn(&str) -> Vec<dyad_core::Span>,
) -> f64 {
    if bytes == 0 {
        return 0.0;
    }
    let started = Instant::now();
    let mut rounds = 0usize;
    let mut sink = 0usize;
    while rounds < 1000 && (rounds < 3 || started.elapsed().as_secs_f64() < 0.2) {
        for t in texts {
            sink = sink.wrapping_add(segment(t).len());
        }
        rounds += 1;
    }
    std::hint::black_box(sink);
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    round4((bytes * rounds) as f64 / secs / 1e6)
}

/// Token indices (excluding 0) where a new gold sentence starts.
fn gold_boundaries(tokens: &[GoldToken]) -> BTreeSet<usize> {
    tokens
        .windows(2)
        .enumerate()
        .filter(|(_, w)| matches!(w, [a, b] if a.sentence != b.sentence))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Token indices (excluding 0) where a predicted sentence starts: each span
/// start maps to the first token starting at or after it.
fn predicted_boundaries(text: &Detokenized, spans: &[dyad_core::Span]) -> BTreeSet<usize> {
    spans
        .iter()
        .skip(1)
        .map(|s| text.starts.partition_point(|&t| t < s.start))
        .filter(|&i| i > 0 && i < text.starts.len())
        .collect()
}

/// The page as published: title line, date line, body.
fn page_layout(doc: &GoldDoc) -> Detokenized {
    if !doc.title_and_date {
        return detokenize(doc.tokens.iter().map(|t| t.text.as_str()));
    }
    let mut text = String::new();
    let mut starts = Vec::with_capacity(doc.tokens.len());
    for sentence in 0..3u32 {
        let part: Vec<&str> = doc
            .tokens
            .iter()
            .filter(|t| {
                if sentence < 2 {
                    t.sentence == sentence
                } else {
                    t.sentence >= 2
                }
            })
            .map(|t| t.text.as_str())
            .collect();
        if part.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let d = detokenize(part);
        let base = text.len();
        starts.extend(d.starts.iter().map(|s| s + base));
        text.push_str(&d.text);
    }
    Detokenized { text, starts }
}

fn collect_errors(
    doc: &GoldDoc,
    text: &Detokenized,
    gold: &BTreeSet<usize>,
    predicted: &BTreeSet<usize>,
    out: &mut Vec<BoundaryError>,
) {
    let name = doc
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut push = |kind, i: usize| {
        let at = text.starts.get(i).copied().unwrap_or(text.text.len());
        let before = tail(text.text.get(..at).unwrap_or(""), 60);
        let after = head(text.text.get(at..).unwrap_or(""), 60);
        out.push(BoundaryError {
            doc: name.clone(),
            kind,
            context: format!("{before} ‖ {after}"),
        });
    };
    for &i in gold.difference(predicted) {
        push("missed", i);
    }
    for &i in predicted.difference(gold) {
        push("spurious", i);
    }
}

fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    s.get(start..).unwrap_or("")
}

fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// Rebuild running text from MEANTIME tokens (PTB-style), keeping each
/// token's byte offset. Tokens are joined by one space, except:
/// - no space before `, . ; : ! ? % ) ] }`, `...`, closing quotes (`''`, `”`,
///   `’`), clitics (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`) and a lone
///   `'` (possessive "Airbus'");
/// - no space after `( [ {`, opening quotes (` `` `, `“`, `‘`, `` ` ``),
///   currency signs (`$`, `US$`, `€`, `£`, and `#`, which MEANTIME uses for
///   `£`), and a token ending in an apostrophe ("O'" + "Leary", "I'" + "m");
/// - a lone `'` before a clitic body (`we ' re`) joins both sides;
/// - a plain `"` alternates between opening and closing within a document.
///
/// PTB quotes become straight quotes: ` `` ` and `''` → `"`, `` ` `` → `'`.
pub fn detokenize<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Detokenized {
    let tokens: Vec<&str> = tokens.into_iter().collect();
    let mut text = String::new();
    let mut starts = Vec::with_capacity(tokens.len());
    let mut glue_next = true; // no space before the first token
    let mut quote_open = false;
    for (i, &tok) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).copied();
        let (out, no_space_before, no_space_after) = match tok {
            "``" | "“" => (if tok == "``" { "\"" } else { tok }, false, true),
            "''" | "”" => (if tok == "''" { "\"" } else { tok }, true, false),
            "`" | "‘" => (if tok == "`" { "'" } else { tok }, false, true),
            "\"" => {
                quote_open = !quote_open;
                ("\"", !quote_open, quote_open)
            }
            "'" | "’" => (tok, true, next.is_some_and(is_clitic_body)),
            "(" | "[" | "{" => (tok, false, true),
            "$" | "US$" | "USD$" | "€" | "£" | "#" | "C$" | "A$" => (tok, false, true),
            "," | "." | ";" | ":" | "!" | "?" | "%" | ")" | "]" | "}" | "..." => (tok, true, false),
            t if is_clitic(t) => (t, true, false),
            t if t.len() > 1 && (t.ends_with('\'') || t.ends_with('’')) => (t, false, true),
            t => (t, false, false),
        };
        if !(glue_next || no_space_before || text.is_empty()) {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(out);
        glue_next = no_space_after;
    }
    Detokenized { text, starts }
}

fn is_clitic(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    let lower = lower.replace('’', "'");
    matches!(
        lower.as_str(),
        "'s" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m"
    )
}

fn is_clitic_body(t: &str) -> bool {
    matches!(t, "s" | "re" | "ve" | "ll" | "d" | "m" | "t")
}

/// Read every `*.xml` under `dir`, recursively, sorted by path.
pub fn load_dir(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let paths = crate::files::files_with_extension(dir, "xml")?;
    let token_re = token_regex();
    paths.iter().map(|p| read_doc_with(p, &token_re)).collect()
}

fn token_regex() -> Regex {
    Regex::new(r#"<token\s+([^>]*)>([^<]*)</token>"#).expect("valid token regex")
}

/// Read one MEANTIME CAT XML file.
pub fn read_doc(path: &Path) -> Result<GoldDoc, EvalError> {
    read_doc_with(path, &token_regex())
}

fn read_doc_with(path: &Path, token_re: &Regex) -> Result<GoldDoc, EvalError> {
    let xml = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    parse_doc(&xml, path, token_re)
}

fn parse_doc(xml: &str, path: &Path, token_re: &Regex) -> Result<GoldDoc, EvalError> {
    let mut tokens = Vec::new();
    for cap in token_re.captures_iter(xml) {
        let attrs = cap.get(1).map_or("", |m| m.as_str());
        let sentence = attribute(attrs, "sentence")
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| {
                EvalError::format(path, format!("token without sentence number: {attrs}"))
            })?;
        let text = unescape(cap.get(2).map_or("", |m| m.as_str()));
        tokens.push(GoldToken { text, sentence });
    }
    if tokens.is_empty() {
        return Err(EvalError::format(path, "no <token> elements"));
    }
    let url = xml
        .find("<Document")
        .and_then(|i| xml.get(i..))
        .and_then(|d| d.split('>').next())
        .and_then(|d| attribute(d, "url"))
        .map(unescape);
    let title_and_date = has_title_and_date(&tokens, url.as_deref());
    Ok(GoldDoc {
        path: path.to_path_buf(),
        url,
        tokens,
        title_and_date,
    })
}

/// Value of `name="…"` in an attribute list.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut from = 0;
    while let Some(pos) = attrs.get(from..)?.find(&key) {
        let at = from + pos;
        let preceded_ok = at == 0
            || attrs
                .get(..at)
                .is_some_and(|a| a.ends_with(char::is_whitespace));
        let rest = attrs.get(at + key.len()..)?;
        if preceded_ok {
            return rest.split('"').next();
        }
        from = at + key.len();
    }
    None
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Sentence 0 spells the page name of the URL (letters and digits compared,
/// case-folded) and sentence 1 is `Month DD , YYYY`.
fn has_title_and_date(tokens: &[GoldToken], url: Option<&str>) -> bool {
    let words = |n: u32| -> Vec<&str> {
        tokens
            .iter()
            .filter(|t| t.sentence == n)
            .map(|t| t.text.as_str())
            .collect()
    };
    let date = words(1);
    let is_date = matches!(date.as_slice(), [m, d, ",", y]
        if MONTHS.contains(m)
            && (1..=2).contains(&d.len()) && d.bytes().all(|c| c.is_ascii_digit())
            && y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()));
    let Some(page) = url.and_then(|u| u.rsplit("/wiki/").next()) else {
        return false;
    };
    let norm = |s: &str| -> String {
        percent_decode(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let title = norm(&words(0).concat());
    is_date && !title.is_empty() && title == norm(page)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(spec: &[(&str, u32)]) -> Vec<GoldToken> {
        spec.iter()
            .map(|(t, s)| GoldToken {
                text: t.to_string(),
                sentence: *s,
            })
            .collect()
    }

    #[test]
    fn detokenize_ptb_tokens() {
        let words = [
            "He", "said", "``", "we", "ca", "n't", "pay", "US$", "3.5", "billion", "(", "GB", "#",
            "2", ")", ",", "''", "Airbus", "'", "CEO", "O'", "Leary", "'s", "aide", "we", "'",
            "re", "told", ".",
        ];
        let d = detokenize(words);
        assert_eq!(
            d.text,
            "He said \"we can't pay US$3.5 billion (GB #2),\" Airbus' CEO O'Leary's aide we're told."
        );
        assert_eq!(d.starts.len(), words.len());
        for (w, s) in words.iter().zip(&d.starts) {
            let expected = match *w {
                "``" | "''" => "\"",
                w => w,
            };
            assert!(d.text[*s..].starts_with(expected), "{w} at {s}");
        }
    }

    #[test]
    fn plain_quotes_alternate() {
        let d = detokenize(["said", "\"", "yes", ".", "\"", "Then"]);
        assert_eq!(d.text, "said \"yes.\" Then");
    }

    #[test]
    fn boundaries_and_scores() {
        let tokens = toks(&[
            ("A", 0),
            ("b", 0),
            (".", 0),
            ("C", 1),
            ("d", 1),
            (".", 1),
            ("E", 2),
        ]);
        let gold = gold_boundaries(&tokens);
        assert_eq!(gold, BTreeSet::from([3, 6]));
        let text = detokenize(tokens.iter().map(|t| t.text.as_str()));
        assert_eq!(text.text, "A b. C d. E");
        // a span starting inside token 4 maps to token 5
        let spans = [dyad_core::Span::new(0, 4), dyad_core::Span::new(5, 11)];
        assert_eq!(predicted_boundaries(&text, &spans), BTreeSet::from([3]));
        let mut s = Score::default();
        s.add(&gold, &BTreeSet::from([3, 4]));
        s.finish();
        assert_eq!((s.tp, s.p, s.r, s.f1), (1, 0.5, 0.5, 0.5));
    }

    #[test]
    fn title_and_date_check() {
        let t = toks(&[
            ("Boeing", 0),
            ("wins", 0),
            ("March", 1),
            ("01", 1),
            (",", 1),
            ("2008", 1),
        ]);
        assert!(has_title_and_date(
            &t,
            Some("http://en.wikinews.org/wiki/Boeing_wins")
        ));
        assert!(!has_title_and_date(
            &t,
            Some("http://en.wikinews.org/wiki/Airbus_wins")
        ));
        let t = toks(&[("Boeing", 0), ("wins", 0), ("It", 1), ("flew", 1), (".", 1)]);
        assert!(!has_title_and_date(
            &t,
            Some("http://en.wikinews.org/wiki/Boeing_wins")
        ));
    }

    #[test]
    fn parses_cat_xml() {
        let xml = r#"<?xml version="1.0" ?><Document doc_id="1" url="http://en.wikinews.org/wiki/Jets_%26_planes">
<token number="0" sentence="0" t_id="1">Jets</token>
<token number="1" sentence="0" t_id="2">&amp;</token>
<token number="2" sentence="0" t_id="3">planes</token>
<token number="3" sentence="1" t_id="4">May</token>
<token number="4" sentence="1" t_id="5">7</token>
<token number="5" sentence="1" t_id="6">,</token>
<token number="6" sentence="1" t_id="7">2005</token>
<token number="7" sentence="2" t_id="8">Hi</token></Document>"#;
        let doc = parse_doc(xml, Path::new("x.xml"), &token_regex()).expect("parses");
        assert_eq!(doc.tokens.len(), 8);
        assert_eq!(doc.tokens[1].text, "&");
        assert!(doc.title_and_date);
        let page = page_layout(&doc);
        assert_eq!(page.text, "Jets & planes\nMay 7, 2005\nHi");
        assert!(parse_doc("<Document/>", Path::new("y.xml"), &token_regex()).is_err());
    }

    /// The real gold set, when `../shared` is present.
    #[test]
    fn meantime_f1_goal() {
        let Some(dir) = crate::shared::shared_or_skip(MEANTIME_DIR) else {
            return;
        };
        let report = evaluate(&dir).expect("MEANTIME evaluates");
        assert_eq!(report.docs, 60);
        assert_eq!(report.title_date_docs, 60);
        assert_eq!(report.scope, "body");
        assert!(report.f1 >= 0.98, "body F1 {} below 0.98", report.f1);
        assert!(
            report.full.f1 >= 0.98,
            "full-page F1 {} below 0.98",
            report.full.f1
        );
    }
}
