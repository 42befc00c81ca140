//! TABARI `.options` commands (manual ch. 8): `COMPLEX:`, `SET:`, `DEFAULT:`,
//! `COMMA:`, `LABEL:`, `OUTPUT:`, `FORWARD:`, `NONEVENTS:`; the same lines
//! also arrive mid-file as `{ OPTION: … }` validation records.

use std::collections::HashMap;

use crate::conventions::Conventions;
pub use crate::conventions::{CodeBy, CommaLimits, Complex, DefaultCode};

/// Every setting that changes coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub complex: Complex,
    pub code_by: CodeBy,
    /// `None`: on when the verbs file has `<TIME>` phrases.
    pub time_shift: Option<bool>,
    pub convert_agents: bool,
    pub yyyy: bool,
    pub fbis: bool,
    pub minimum_words: usize,
    pub default_source: Option<DefaultCode>,
    pub default_target: Option<DefaultCode>,
    /// `None` after `COMMA: OFF`.
    pub comma: Option<CommaLimits>,
    pub labels: HashMap<String, String>,
    /// `FORWARD:` sequence format (`^^*****NNN*SSS`); `None` when off.
    pub forward: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            complex: Complex::default(),
            code_by: CodeBy::Clause,
            time_shift: None,
            convert_agents: false,
            yyyy: false,
            fbis: false,
            minimum_words: 8,
            default_source: None,
            default_target: None,
            comma: Some(CommaLimits::default()),
            labels: HashMap::new(),
            forward: None,
        }
    }
}

fn logical(v: &str) -> Option<bool> {
    match v.trim().to_ascii_uppercase().as_str() {
        "TRUE" | "T" | "ON" => Some(true),
        "FALSE" | "F" | "OFF" => Some(false),
        _ => None,
    }
}

/// `[CODE]` inside a command.
fn bracketed(s: &str) -> Option<(String, &str)> {
    let open = s.find('[')?;
    let close = open + s.get(open..)?.find(']')?;
    let code = s.get(open + 1..close)?.trim().to_ascii_uppercase();
    Some((code, s.get(close + 1..)?))
}

impl Options {
    /// Read a whole `.options` file; errors as `file:line: message`.
    pub fn read(file: &str, text: &str) -> (Options, Vec<String>) {
        let mut o = Options::default();
        let mut errors = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let t = raw.trim();
            if t.starts_with("~~") {
                break;
            }
            if let Err(m) = o.apply(t) {
                errors.push(format!("{file}:{}: {m}", i + 1));
            }
        }
        (o, errors)
    }

    /// Apply one command line (comments after `//` or `#` are ignored).
    pub fn apply(&mut self, line: &str) -> Result<(), String> {
        let line = line.split("//").next().unwrap_or("");
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return Ok(());
        }
        let Some((cmd, arg)) = line.split_once(':') else {
            return Err(format!("not a command: {line:?}"));
        };
        let cmd = cmd.trim().to_ascii_uppercase();
        let arg = arg.trim();
        let up = arg.to_ascii_uppercase();
        match cmd.get(..4).unwrap_or(&cmd) {
            "COMP" => self.complex(&up),
            "SET" => self.set(arg),
            "DEFA" => {
                if up.trim() == "OFF" {
                    self.default_source = None;
                    self.default_target = None;
                    return Ok(());
                }
                if let Some(k) = up.find("SOURCE") {
                    let rest = up.get(k..).unwrap_or("");
                    let (code, after) = bracketed(rest).ok_or("DEFAULT: SOURCE without [code]")?;
                    let upto = after.find("TARGET").unwrap_or(after.len());
                    self.default_source = Some(DefaultCode {
                        code,
                        positional: after.get(..upto).unwrap_or("").contains("PRIOR"),
                    });
                }
                if let Some(k) = up.find("TARGET") {
                    let rest = up.get(k..).unwrap_or("");
                    let (code, after) = bracketed(rest).ok_or("DEFAULT: TARGET without [code]")?;
                    self.default_target = Some(DefaultCode {
                        code,
                        positional: after.contains("AFTER"),
                    });
                }
                Ok(())
            }
            "COMM" => {
                if up.trim() == "OFF" {
                    self.comma = None;
                    return Ok(());
                }
                let mut c = self.comma.unwrap_or_default();
                let squeezed: String = up.chars().filter(|c| !c.is_whitespace()).collect();
                for (key, slot) in [
                    ("EMIN=", &mut c.emin),
                    ("EMAX=", &mut c.emax),
                    ("BMIN=", &mut c.bmin),
                    ("BMAX=", &mut c.bmax),
                ] {
                    if let Some(v) = number_after(&squeezed, key) {
                        *slot = v;
                    }
                }
                // MIN=/MAX= not preceded by E or B
                for (key, slot) in [("MIN=", &mut c.min), ("MAX=", &mut c.max)] {
                    let mut from = 0;
                    while let Some(k) = squeezed.get(from..).and_then(|s| s.find(key)) {
                        let at = from + k;
                        let prev = squeezed.get(..at).and_then(|s| s.chars().last());
                        if !matches!(prev, Some('E' | 'B')) {
                            if let Some(v) = number_after(squeezed.get(at..).unwrap_or(""), key) {
                                *slot = v;
                            }
                            break;
                        }
                        from = at + key.len();
                    }
                }
                self.comma = Some(c);
                Ok(())
            }
            "LABE" => {
                if let Some((k, v)) = arg.split_once('=') {
                    self.labels
                        .insert(k.trim().to_string(), v.trim().to_string());
                    Ok(())
                } else {
                    Err("LABEL: expected CODE=TEXT".into())
                }
            }
            "FORW" => {
                let mut parts = up.split_whitespace();
                let format = parts.next().ok_or("FORWARD: without a format")?;
                let off = parts.any(|p| p == "OFF");
                self.forward = (!off).then(|| format.to_string());
                Ok(())
            }
            "OUTP" | "NONE" | "ISSU" | "ATTR" => Ok(()),
            _ => Err(format!("unknown command {cmd:?}")),
        }
    }

    fn complex(&mut self, up: &str) -> Result<(), String> {
        let mut c = Complex::default();
        for w in up.split_whitespace() {
            let (name, n) = match w.split_once('[') {
                Some((name, rest)) => {
                    let n: usize = rest
                        .trim_end_matches(']')
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad number in {w}"))?;
                    (name, n)
                }
                None => (w, 0),
            };
            match name {
                "VERBS" => c.verbs = n,
                "ACTORS" => c.actors = n,
                "PRONOUNS" => c.pronouns = n,
                "CONJ" => c.conj = n,
                "COMMA" => c.comma = n,
                "LATEVERB" => c.lateverb = n,
                "NOACTPRIOR" => c.noactprior = true,
                "NOACTAFTER" => c.noactafter = true,
                "NOVERB" => c.noverb = true,
                "NOSOURCE" => c.nosource = true,
                "NOTARGET" => c.notarget = true,
                "NOEVENT" => c.noevent = true,
                "EXPLAIN" | "NOSAVE" => {}
                other => return Err(format!("unknown COMPLEX condition {other}")),
            }
        }
        self.complex = c;
        Ok(())
    }

    fn set(&mut self, arg: &str) -> Result<(), String> {
        let up = arg.to_ascii_uppercase();
        let (key, value) = match up.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
            None => (up.trim().to_string(), String::new()),
        };
        let squeezed: String = key.chars().filter(|c| !c.is_whitespace()).collect();
        let flag = || logical(&value).ok_or_else(|| format!("SET {key}: expected TRUE or FALSE"));
        match squeezed.as_str() {
            "CODEBYCLAUSE" => self.code_by = CodeBy::Clause,
            "CODEBYSENTENCE" => self.code_by = CodeBy::Sentence,
            "CODEALL" => self.code_by = CodeBy::All,
            k if k.starts_with("TIMESHIFT") => self.time_shift = Some(flag()?),
            k if k.starts_with("CONVERTAGENT") => self.convert_agents = flag()?,
            "YYYY" => self.yyyy = flag()?,
            "FBIS" => self.fbis = flag()?,
            "MINIMUMWORDS" => {
                self.minimum_words = value.parse().unwrap_or(0);
            }
            "SKIPRECORDS" | "VERBUSAGE" | "ACTORUSAGE" | "AGENTUSAGE" | "LABEL" | "DUPWARNING"
            | "HAIKU" | "ALLCAPS" | "CHECKDOMINANT" | "MATCH" | "CODENONRESTRICTIVE" => {}
            _ => return Err(format!("unknown SET parameter {key:?}")),
        }
        Ok(())
    }
}

impl Options {
    /// Set the [`Conventions`] of dyad's default coder from these options:
    /// `CODE BY`, `MINIMUM WORDS`, `COMPLEX:`, `DEFAULT:`, `TIME SHIFT` (on
    /// by default when the verbs have `<TIME>` phrases), and TABARI's
    /// passive voice, verbs as nouns and coded dyads. The compiled `<TIME>`
    /// phrases are left as they are.
    pub fn set_conventions(&self, c: &mut Conventions, has_time_phrases: bool) {
        c.code_by = Some(self.code_by);
        c.minimum_words = self.minimum_words;
        c.complex = self.complex;
        c.default_source = self.default_source.clone();
        c.default_target = self.default_target.clone();
        c.require_dyad = true;
        c.passive_swap = true;
        c.verbs_as_nouns = true;
        c.clause_source = true;
        c.comma = self.comma;
        c.fbis = self.fbis;
        c.time_shift = self.time_shift.unwrap_or(has_time_phrases);
    }
}

/// (story, sentence) of a record id under a `FORWARD:` format: `N` marks
/// the story number, `S` the sentence number, `*` any character, `^` a
/// leading blank (the id is read from its first non-blank character).
pub fn sequence(format: &str, id: &str) -> Option<(String, u32)> {
    let format = format.trim_start_matches('^');
    let mut story = String::new();
    let mut sent = String::new();
    let mut chars = id.chars();
    for f in format.chars() {
        let c = chars.next()?;
        match f {
            'N' => story.push(c),
            'S' => sent.push(c),
            _ => {}
        }
    }
    Some((story, sent.parse().unwrap_or(0)))
}

fn number_after(s: &str, key: &str) -> Option<usize> {
    let k = s.find(key)?;
    let digits: String = s
        .get(k + key.len()..)?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_commands_and_reports_errors_by_line() {
        let text = "// c\nCOMPLEX: VERBS[4] NOACTPRIOR EXPLAIN\nSET: CODE BY SENTENCE\n\
                    SET: TIME SHIFT = FALSE\nLABEL: 01=TALK\nBOGUS: x\nCOMMA: MIN = 3 MAX = 7 EMIN=1\n\
                    DEFAULT: SOURCE [SRC] PRIOR TARGET [TGT]\n";
        let (o, e) = Options::read("t.options", text);
        assert_eq!(o.complex.verbs, 4);
        assert!(o.complex.noactprior);
        assert_eq!(o.code_by, CodeBy::Sentence);
        assert_eq!(o.time_shift, Some(false));
        assert_eq!(o.labels.get("01").map(String::as_str), Some("TALK"));
        let c = o.comma.expect("comma limits");
        assert_eq!((c.min, c.max, c.emin, c.emax), (3, 7, 1, 10));
        let s = o.default_source.as_ref().expect("default source");
        assert!(s.code == "SRC" && s.positional);
        let t = o.default_target.as_ref().expect("default target");
        assert!(t.code == "TGT" && !t.positional);
        assert_eq!(
            e,
            vec!["t.options:6: unknown command \"BOGUS\"".to_string()]
        );
    }
}
