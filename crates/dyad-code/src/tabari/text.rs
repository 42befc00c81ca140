//! TABARI's input filter (manual §7.3): periods after lowercase letters,
//! `? ! -` become blanks, commas inside numbers go, `;` becomes a comma,
//! commas stand alone; words are lowercased, remembering which were
//! capitalised (a capitalised verb inside a sentence is a noun, §7.4).

/// One word of the filtered text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Lowercase.
    pub w: String,
    /// First letter written uppercase.
    pub cap: bool,
}

impl Tok {
    pub fn is_comma(&self) -> bool {
        self.w == ","
    }
}

/// Filter and split a record's text. `fbis` drops `[bracketed]` material and
/// leading non-alphabetic material (§8.2.11).
pub fn tokenize(text: &str, fbis: bool) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut s = String::with_capacity(text.len() + 16);
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 {
            chars.get(i - 1).copied()
        } else {
            None
        };
        let next = chars.get(i + 1).copied();
        if fbis {
            if c == '[' {
                depth += 1;
                continue;
            }
            if c == ']' {
                depth = depth.saturating_sub(1);
                s.push(' ');
                continue;
            }
            if depth > 0 {
                continue;
            }
        }
        match c {
            '.' if prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || next.is_none_or(char::is_whitespace)
                    && prev.is_some_and(|p| p.is_lowercase()) =>
            {
                s.push(' ')
            }
            '?' | '!' | '-' | '_' | '(' | ')' | ':' => s.push(' '),
            ',' if prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()) => {}
            ',' | ';' => s.push_str(" , "),
            '"' | '\u{201c}' | '\u{201d}' => s.push(' '),
            '\u{2019}' => s.push('\''),
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    let mut out: Vec<Tok> = s
        .split_whitespace()
        .filter(|w| *w == "," || w.chars().any(char::is_alphanumeric))
        .map(|w| {
            let w = w.trim_matches(|c: char| c == '\'' || c == '`');
            Tok {
                w: w.to_lowercase(),
                cap: w.chars().next().is_some_and(char::is_uppercase),
            }
        })
        .filter(|t| !t.w.is_empty())
        .collect();
    if fbis {
        let first = out
            .iter()
            .position(|t| t.w.chars().next().is_some_and(char::is_alphabetic))
            .unwrap_or(out.len());
        out.drain(..first);
    }
    out
}

/// True when the text has no lowercase letter (the capitalisation rule is off).
pub fn all_caps(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_like_tabari() {
        let t = tokenize(
            "Norland's envoy, at the U.N. on Monday, paid 1,500 pounds; al-Khor said.",
            false,
        );
        let words: Vec<&str> = t.iter().map(|t| t.w.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "norland's",
                "envoy",
                ",",
                "at",
                "the",
                "u.n.",
                "on",
                "monday",
                ",",
                "paid",
                "1500",
                "pounds",
                ",",
                "al",
                "khor",
                "said"
            ]
        );
        assert!(t[0].cap && !t[1].cap);
        let f = tokenize("2. -- [Speaker] Norland [protested] loudly", true);
        let words: Vec<&str> = f.iter().map(|t| t.w.as_str()).collect();
        assert_eq!(words, vec!["norland", "loudly"]);
        assert!(all_caps("NORLAND PROTESTED") && !all_caps("Norland"));
    }
}
