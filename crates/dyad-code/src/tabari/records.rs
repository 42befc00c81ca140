//! TABARI text records and validation records (manual §4.3, §10.1):
//! `YYMMDD ID [DOC]` header, the text, then a `/* … */` comment holding the
//! expected events `{ SRC / TGT / CODE } [date]`, the specials `{---}` (no
//! events), `{###}` (discard), `{+++}` (complex), `-{…}` (stop checking) and
//! `{ OPTION: <.options line> }`.

use chrono::NaiveDate;

/// What coding one record gave (compared with its expectations).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coded {
    /// (source, target, code, date YYMMDD or YYYYMMDD).
    pub events: Vec<(String, String, String, String)>,
    /// A `###` code or actor was met.
    pub discard: bool,
    /// A `+++` code or a `COMPLEX:` condition was met.
    pub complex: bool,
    /// Why the record was complex or discarded, for `--failures`.
    pub note: String,
}

/// Parse a record date (`YYMMDD`, or `YYYYMMDD` with `SET: YYYY`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    dyad_actors::dates::parse_tabari_date(s)
}

/// `d` written like the record date `like` (`YYMMDD` or `YYYYMMDD`).
pub fn format_date(d: NaiveDate, like: &str) -> String {
    if like.len() == 8 {
        d.format("%Y%m%d").to_string()
    } else {
        d.format("%y%m%d").to_string()
    }
}

/// One expected event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub source: String,
    pub target: String,
    pub code: String,
    /// `YYMMDD` written after the `}` (checked when time shifting is on).
    pub date: Option<String>,
    /// False for `-{…}` events, which are listed but not checked.
    pub checked: bool,
}

/// One record of a TABARI text file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Date as written (`950103` or `19950103`).
    pub date: String,
    pub id: String,
    /// `DEMO` for `DEMO-04`.
    pub category: String,
    pub text: String,
    pub expected: Vec<Expected>,
    /// `{---}`.
    pub expect_none: bool,
    /// `{###}`.
    pub expect_discard: bool,
    /// `{+++}`.
    pub expect_complex: bool,
    /// A `-{` record: further events are not checked.
    pub unchecked_extra: bool,
    /// `{ OPTION: … }` lines, in order.
    pub options: Vec<String>,
    /// Line of the header.
    pub line: usize,
}

impl Record {
    /// A record with its header's date and id, starting at `line`; its
    /// category is the id up to the first `-`.
    fn new(date: String, id: String, line: usize) -> Record {
        let category = id.split('-').next().unwrap_or(&id).to_string();
        Record {
            date,
            id,
            category,
            line,
            ..Record::default()
        }
    }
}

/// `DATE ID`; a repeated date (`950101  950101  ID`) is skipped. Dates of
/// 6 to 8 digits are headers (a 7-digit one is reported and its record skipped).
fn header(line: &str) -> Option<(String, String)> {
    let mut parts = line.split_whitespace();
    let date = parts.next()?;
    let mut id = parts.next()?;
    let is_date = |d: &str| d.len() >= 6 && d.bytes().all(|b| b.is_ascii_digit());
    if id == date {
        id = parts.next()?;
    }
    (is_date(date) && !line.starts_with(char::is_whitespace))
        .then(|| (date.to_string(), id.to_string()))
}

/// Read a text file of records; syntax errors as `file:line: message`.
pub fn read_records(file: &str, text: &str) -> (Vec<Record>, Vec<String>) {
    #[derive(PartialEq)]
    enum State {
        Between,
        Text,
        Comment,
    }
    let mut out: Vec<Record> = Vec::new();
    let mut errors = Vec::new();
    let mut state = State::Between;
    let mut cur: Option<Record> = None;
    let mut comment = String::new();
    let mut prev_blank = true;
    let mut stray = false;
    let mut nested = false;
    let mut finish = |cur: &mut Option<Record>, comment: &mut String, errors: &mut Vec<String>| {
        if let Some(mut r) = cur.take() {
            parse_comment(file, r.line, comment, &mut r, errors);
            r.text = r.text.trim().to_string();
            if r.date.len() != 6 && r.date.len() != 8 {
                errors.push(format!(
                    "{file}:{}: bad date {:?}: record {} skipped",
                    r.line, r.date, r.id
                ));
            } else {
                out.push(r);
            }
        }
        comment.clear();
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        let blank = line.trim().is_empty();
        match state {
            State::Between | State::Text => {
                let starts = (state == State::Between || prev_blank) && !line.starts_with('#');
                if let (true, Some((date, id))) = (starts, header(line)) {
                    finish(&mut cur, &mut comment, &mut errors);
                    cur = Some(Record::new(date, id, n));
                    state = State::Text;
                } else if state == State::Text {
                    let (before, after) = match line.find("/*") {
                        Some(k) => (
                            line.get(..k).unwrap_or(""),
                            Some(line.get(k + 2..).unwrap_or("")),
                        ),
                        None => (line, None),
                    };
                    if let Some(r) = cur.as_mut() {
                        r.text.push(' ');
                        r.text.push_str(before.trim());
                    }
                    if let Some(rest) = after {
                        match rest.find("*/") {
                            Some(k) => {
                                comment.push_str(rest.get(..k).unwrap_or(""));
                                comment.push('\n');
                                if cur.as_ref().is_some_and(|r| !r.text.trim().is_empty()) {
                                    finish(&mut cur, &mut comment, &mut errors);
                                    state = State::Between;
                                }
                            }
                            None => {
                                comment.push_str(rest);
                                comment.push('\n');
                                state = State::Comment;
                            }
                        }
                    }
                } else if !blank && !line.starts_with('#') {
                    if !stray {
                        errors.push(format!("{file}:{n}: text outside a record"));
                    }
                    stray = true;
                } else {
                    stray = false;
                }
            }
            State::Comment if prev_blank && header(line).is_some() => {
                // a record header inside a comment that was never closed
                errors.push(format!(
                    "{file}:{n}: previous record's /* comment is not closed"
                ));
                nested = false;
                finish(&mut cur, &mut comment, &mut errors);
                if let Some((date, id)) = header(line) {
                    cur = Some(Record::new(date, id, n));
                }
                state = State::Text;
            }
            State::Comment if nested => {
                if line.contains("*/") {
                    nested = false;
                    finish(&mut cur, &mut comment, &mut errors);
                    state = State::Between;
                }
            }
            State::Comment if line.contains("/*") && !line.contains("*/") => {
                // a second /* inside the comment: everything up to the next */ is skipped
                comment.push_str(line.split("/*").next().unwrap_or(""));
                comment.push('\n');
                nested = true;
            }
            State::Comment => match line.find("*/") {
                Some(k) => {
                    comment.push_str(line.get(..k).unwrap_or(""));
                    comment.push('\n');
                    if cur.as_ref().is_some_and(|r| !r.text.trim().is_empty()) {
                        finish(&mut cur, &mut comment, &mut errors);
                        state = State::Between;
                    } else {
                        // a comment before the text (the text follows it)
                        state = State::Text;
                    }
                }
                None => {
                    comment.push_str(line);
                    comment.push('\n');
                }
            },
        }
        prev_blank = blank;
    }
    if state == State::Comment {
        errors.push(format!("{file}: unclosed /* comment at the end"));
    }
    finish(&mut cur, &mut comment, &mut errors);
    (out, errors)
}

fn parse_comment(file: &str, line: usize, c: &str, r: &mut Record, errors: &mut Vec<String>) {
    let mut rest = c;
    while let Some(open) = rest.find('{') {
        if rest
            .get(..open)
            .is_some_and(|b| b.trim_end().ends_with('-'))
        {
            r.unchecked_extra = true;
        }
        let after = rest.get(open + 1..).unwrap_or("");
        let (body, next) = match after.find('}') {
            Some(close) => (
                after.get(..close).unwrap_or(""),
                after.get(close + 1..).unwrap_or(""),
            ),
            None => {
                errors.push(format!(
                    "{file}:{line}: unclosed {{ in the validation comment"
                ));
                (after.lines().next().unwrap_or(""), "")
            }
        };
        let body = body.trim();
        rest = next;
        if body.is_empty() {
            continue;
        }
        let squeezed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(opt) = body.strip_prefix("OPTION:") {
            r.options.push(opt.trim().to_string());
            continue;
        }
        match squeezed.as_str() {
            "---" => r.expect_none = true,
            "###" => r.expect_discard = true,
            "+++" => r.expect_complex = true,
            _ => {
                let parts: Vec<&str> = body.split('/').map(str::trim).collect();
                let [s, t, code] = parts.as_slice() else {
                    errors.push(format!(
                        "{file}:{line}: expected {{ SRC / TGT / CODE }}, found {{{body}}}"
                    ));
                    continue;
                };
                // a date may follow the closing brace
                let date = rest
                    .split_whitespace()
                    .next()
                    .filter(|w| w.len() >= 6 && w.bytes().take(6).all(|b| b.is_ascii_digit()))
                    .map(|w| w.chars().take_while(char::is_ascii_digit).collect());
                r.expected.push(Expected {
                    source: s.to_string(),
                    target: t.to_string(),
                    code: code.to_string(),
                    date,
                    checked: !r.unchecked_extra,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_expected_events_and_options() {
        let text = "# header\n\n990101  NEWS-01\nNorland protested to Southmark \non Monday.\n\
                    /*\\n------\n\\n[comment]\n\\n{ NRL / STH / 130 } 981231\n\\n{ OPTION: SET: CODE ALL } */\n\n\
                    990102  NEWS-02\nThe match was played.\n/* \\n{###}\n\\n-{ A / B / 1 } */\n\n\
                    990103  BARE-01\nNo comment here.\n\n990104  BAD-01\nText\n/* { A / B } */\n";
        let (r, e) = read_records("t.text", text);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].id, "NEWS-01");
        assert_eq!(r[0].category, "NEWS");
        assert_eq!(r[0].text, "Norland protested to Southmark on Monday.");
        assert_eq!(r[0].expected.len(), 1);
        assert_eq!(r[0].expected[0].code, "130");
        assert_eq!(r[0].expected[0].date.as_deref(), Some("981231"));
        assert_eq!(r[0].options, vec!["SET: CODE ALL".to_string()]);
        assert!(r[1].expect_discard && r[1].unchecked_extra);
        assert!(r[1].expected.len() == 1 && !r[1].expected[0].checked);
        assert_eq!(r[2].text, "No comment here.");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("t.text:19:"), "{e:?}");
    }
}
