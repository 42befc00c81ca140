//! Verb inflections: the forms `{lemma}` stands for in a pattern, from
//! `data/events/verbs.txt` (irregular and spelling-changing verbs) or the
//! regular English rules.

use std::collections::HashMap;

use crate::error::CodeError;

/// The embedded irregular-verb list.
pub const DEFAULT_VERBS: &str = include_str!("../../../data/events/verbs.txt");

/// Which forms of a verb a pattern element accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormSet {
    /// Every form: base, -s, past, participle, -ing.
    All,
    /// Base and -s ("meet", "meets").
    Present,
    /// Past tense and past participle ("met").
    Past,
    /// Past participle only ("attacked", "seen").
    Participle,
    /// The -ing form ("meeting").
    Ing,
}

impl FormSet {
    pub fn parse(s: &str) -> Option<FormSet> {
        Some(match s {
            "" => FormSet::All,
            "pres" => FormSet::Present,
            "past" => FormSet::Past,
            "pp" => FormSet::Participle,
            "ing" => FormSet::Ing,
            _ => return None,
        })
    }
}

/// Forms of one verb; each slot may list spelling variants.
#[derive(Debug, Clone, Default)]
struct Forms {
    third: Vec<String>,
    past: Vec<String>,
    participle: Vec<String>,
    ing: Vec<String>,
}

/// Irregular verbs plus the regular rules.
#[derive(Debug, Clone, Default)]
pub struct Inflector {
    irregular: HashMap<String, Forms>,
}

impl Inflector {
    /// The embedded list.
    pub fn embedded() -> Self {
        Inflector::parse("verbs.txt", DEFAULT_VERBS)
            .expect("embedded data/events/verbs.txt is valid (guarded by a test)")
    }

    /// Lines `lemma past participle [ing] [third]`, variants separated by `|`;
    /// `-` leaves a slot to the regular rule.
    pub fn parse(file: &str, text: &str) -> Result<Self, CodeError> {
        let mut irregular = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split_whitespace().collect();
            let [lemma, rest @ ..] = cols.as_slice() else {
                continue;
            };
            if rest.len() < 2 || rest.len() > 4 {
                return Err(CodeError::syntax(
                    file,
                    i + 1,
                    "expected: lemma past participle [ing] [third]",
                ));
            }
            let lemma = lemma.to_lowercase();
            let slot = |k: usize, default: Vec<String>| -> Vec<String> {
                match rest.get(k) {
                    Some(&"-") | None => default,
                    Some(v) => v.split('|').map(str::to_lowercase).collect(),
                }
            };
            let forms = Forms {
                past: slot(0, vec![regular_past(&lemma)]),
                participle: slot(1, vec![regular_past(&lemma)]),
                ing: slot(2, vec![regular_ing(&lemma)]),
                third: slot(3, vec![regular_third(&lemma)]),
            };
            irregular.insert(lemma, forms);
        }
        Ok(Inflector { irregular })
    }

    /// The forms of `lemma` in `set`, lowercase, without duplicates.
    pub fn forms(&self, lemma: &str, set: FormSet) -> Vec<String> {
        let lemma = lemma.to_lowercase();
        let forms = self
            .irregular
            .get(&lemma)
            .cloned()
            .unwrap_or_else(|| Forms {
                third: vec![regular_third(&lemma)],
                past: vec![regular_past(&lemma)],
                participle: vec![regular_past(&lemma)],
                ing: vec![regular_ing(&lemma)],
            });
        let mut out: Vec<String> = Vec::new();
        let mut add = |v: &[String]| {
            for f in v {
                if !out.contains(f) {
                    out.push(f.clone());
                }
            }
        };
        let base = std::slice::from_ref(&lemma);
        match set {
            FormSet::All => {
                add(base);
                add(&forms.third);
                add(&forms.past);
                add(&forms.participle);
                add(&forms.ing);
            }
            FormSet::Present => {
                add(base);
                add(&forms.third);
            }
            FormSet::Past => {
                add(&forms.past);
                add(&forms.participle);
            }
            FormSet::Participle => add(&forms.participle),
            FormSet::Ing => add(&forms.ing),
        }
        out
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// "y" after a consonant ("deny", not "play").
fn consonant_y(w: &str) -> bool {
    let mut rev = w.chars().rev();
    rev.next() == Some('y') && rev.next().is_some_and(|c| !is_vowel(c))
}

fn stem_y(w: &str) -> &str {
    w.get(..w.len().saturating_sub(1)).unwrap_or(w)
}

fn regular_third(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ies", stem_y(w))
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// One-syllable consonant–vowel–consonant verbs double the final
/// consonant ("beg" → "begged", "stab" → "stabbing").
fn doubles(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    let vowels = c.iter().filter(|x| is_vowel(**x)).count();
    match c.as_slice() {
        [.., a, b, d] => {
            vowels == 1
                && !is_vowel(*a)
                && is_vowel(*b)
                && !is_vowel(*d)
                && !matches!(d, 'w' | 'x' | 'y')
        }
        _ => false,
    }
}

fn regular_past(w: &str) -> String {
    if doubles(w) {
        let last = w.chars().last().unwrap_or('d');
        format!("{w}{last}ed")
    } else if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", stem_y(w))
    } else {
        format!("{w}ed")
    }
}

fn regular_ing(w: &str) -> String {
    if doubles(w) {
        let last = w.chars().last().unwrap_or('d');
        return format!("{w}{last}ing");
    }
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") && w.len() > 2 {
        format!("{}ing", stem_y(w))
    } else {
        format!("{w}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        let inf = Inflector::embedded();
        assert_eq!(
            inf.forms("accuse", FormSet::All),
            ["accuse", "accuses", "accused", "accusing"]
        );
        assert_eq!(
            inf.forms("deny", FormSet::All),
            ["deny", "denies", "denied", "denying"]
        );
        assert_eq!(inf.forms("meet", FormSet::Past), ["met"]);
        assert!(inf
            .forms("travel", FormSet::Past)
            .contains(&"travelled".to_string()));
        assert!(inf
            .forms("expel", FormSet::All)
            .contains(&"expelled".to_string()));
        assert_eq!(inf.forms("reach", FormSet::Present), ["reach", "reaches"]);
        assert_eq!(
            inf.forms("beg", FormSet::All),
            ["beg", "begs", "begged", "begging"]
        );
        assert_eq!(inf.forms("visit", FormSet::Past), ["visited"]);
        assert_eq!(inf.forms("slam", FormSet::Past), ["slammed"]);
    }
}
