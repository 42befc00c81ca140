//! Word tokens for the actors stage: alphanumeric runs (with inner
//! apostrophes as in "d'Orsay" and inner periods as in "U.S"), the
//! possessive "'s" as its own token, and single punctuation marks. Hyphens
//! split words ("US-Russian" is "US", "-", "Russian") so that dictionary
//! phrases match inside hyphenated compounds.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word; `cap` when its first character is uppercase.
    Word {
        cap: bool,
    },
    /// `'s` / `’s`.
    Possessive,
    Punct(char),
}

/// A token: absolute byte span into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenize `text`, which starts at byte `offset` of the document.
pub fn tokenize(text: &str, offset: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |&(p, _)| p);
    let mut k = 0;
    while k < n {
        let Some(c) = at(k) else { break };
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if is_apostrophe(c)
            && matches!(at(k + 1), Some('s' | 'S'))
            && !at(k + 2).is_some_and(char::is_alphanumeric)
            && k > 0
            && at(k - 1).is_some_and(char::is_alphanumeric)
        {
            out.push(Tok {
                start: offset + pos(k),
                end: offset + pos(k + 2),
                kind: TokKind::Possessive,
            });
            k += 2;
            continue;
        }
        if c.is_alphanumeric() {
            let start = k;
            let mut run = 1;
            k += 1;
            while let Some(d) = at(k) {
                if d.is_alphanumeric() {
                    k += 1;
                    run += 1;
                    continue;
                }
                let next_alnum = at(k + 1).is_some_and(char::is_alphanumeric);
                if is_apostrophe(d) && next_alnum {
                    let possessive = matches!(at(k + 1), Some('s' | 'S'))
                        && !at(k + 2).is_some_and(char::is_alphanumeric);
                    if possessive {
                        break;
                    }
                    k += 1;
                    run = 0;
                    continue;
                }
                if d == '.' && next_alnum && run <= 2 {
                    k += 1;
                    run = 0;
                    continue;
                }
                break;
            }
            out.push(Tok {
                start: offset + pos(start),
                end: offset + pos(k),
                kind: TokKind::Word {
                    cap: c.is_uppercase(),
                },
            });
            continue;
        }
        out.push(Tok {
            start: offset + pos(k),
            end: offset + pos(k + 1),
            kind: TokKind::Punct(c),
        });
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0)
            .iter()
            .map(|t| s.get(t.start..t.end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_keeps_abbreviations() {
        assert_eq!(
            texts("Mr Trump's US-Russian U.S. Quai d'Orsay, don’t Kremlin’s."),
            vec![
                "Mr", "Trump", "'s", "US", "-", "Russian", "U.S", ".", "Quai", "d'Orsay", ",",
                "don’t", "Kremlin", "’s", "."
            ]
        );
    }
}
