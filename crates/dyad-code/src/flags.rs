//! Negation and modality of a matched event, read from the words just
//! before the pattern in the same clause: "did not meet", "denied meeting",
//! "could meet", "is expected to visit", "plans to sign".

use dyad_core::Modality;

use crate::sentence::Sentence;

/// How many tokens before the pattern are read.
const WINDOW: usize = 10;

/// What the words before a pattern say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub negated: bool,
    pub modality: Modality,
    /// A refusal ("refused to", "declined to", "failed to", "will not"):
    /// cooperation that is refused is a rejection.
    pub refusal: bool,
    /// An attempt ("tried to", "attempted to"): the act was carried out even
    /// if it failed, so an attempted attack stays an attack, not a threat.
    pub attempt: bool,
}

/// Negation and modality of the event whose pattern starts at token `start`.
pub fn flags(s: &Sentence, start: usize) -> (bool, Modality) {
    let f = read_flags(s, start);
    (f.negated, f.modality)
}

/// Negation, modality and refusal of the event whose pattern starts at `start`.
pub fn read_flags(s: &Sentence, start: usize) -> Flags {
    let mut negated = false;
    let mut refusal = false;
    let mut attempt = false;
    let (mut hypo, mut intent, mut future) = (false, false, false);
    let stop = start.saturating_sub(WINDOW);
    let mut i = start;
    while i > stop {
        i -= 1;
        let w = s.word(i);
        if matches!(w, "," | ";" | ":" | "." | "but" | "while" | "although") {
            break;
        }
        // a mention between the cue and the verb belongs to another clause
        // only when a verb follows it; keep it simple: mentions do not stop.
        match w {
            "refused" | "refuses" | "refusing" | "declined" | "declines" | "failed" | "fails"
            | "rejected" | "rejects" => {
                negated = true;
                refusal = true;
            }
            "not" | "never" | "no" | "neither" | "nor" | "denied" | "denies" | "deny"
            | "without" | "cannot" => negated = true,
            _ if w.ends_with("n't") => {
                negated = true;
                if matches!(
                    w,
                    "won't" | "wouldn't" | "couldn't" | "shouldn't" | "mightn't"
                ) {
                    if w == "won't" {
                        future = true;
                    } else {
                        hypo = true;
                    }
                }
            }
            "could" | "may" | "might" | "should" | "can" | "if" | "whether" | "unless"
            | "possible" | "possibly" | "perhaps" | "maybe" | "occasion" | "chance"
            | "opportunity" => hypo = true,
            "will" | "would" | "shall" | "'ll" | "tomorrow" | "soon" | "upcoming" | "next" => {
                future = true
            }
            "sworn" | "vowed" | "vows" | "pledged" | "pledges" | "promised" | "promises"
            | "threatened" | "threatens" => intent = true,
            "to" => {
                let prev = s.word(i.saturating_sub(1));
                if i > 0
                    && matches!(
                        prev,
                        "power"
                            | "powers"
                            | "ability"
                            | "authority"
                            | "right"
                            | "able"
                            | "capacity"
                            | "freedom"
                    )
                {
                    // ability or permission, not an act: "the power to ease sanctions"
                    hypo = true;
                } else if i > 0 && is_future_lead(prev) {
                    future = true;
                } else if i > 0 && is_attempt_lead(prev) {
                    intent = true;
                    attempt = true;
                } else if i > 0 && is_intent_lead(prev) {
                    intent = true;
                }
            }
            _ => {}
        }
    }
    let modality = if hypo {
        Modality::Hypothetical
    } else if intent {
        Modality::Intent
    } else if future {
        Modality::Future
    } else {
        Modality::Asserted
    };
    // "will not accept": a refused future is a refusal
    if negated && matches!(modality, Modality::Future | Modality::Intent) {
        refusal = true;
    }
    Flags {
        negated,
        modality,
        refusal,
        attempt,
    }
}

fn is_attempt_lead(w: &str) -> bool {
    matches!(
        w,
        "try" | "tries" | "tried" | "trying" | "attempt" | "attempted" | "attempts" | "attempting"
    )
}

fn is_future_lead(w: &str) -> bool {
    matches!(
        w,
        "expected"
            | "set"
            | "due"
            | "scheduled"
            | "going"
            | "likely"
            | "poised"
            | "slated"
            | "about"
            | "preparing"
            | "prepared"
    )
}

fn is_intent_lead(w: &str) -> bool {
    matches!(
        w,
        "plan"
            | "plans"
            | "planned"
            | "planning"
            | "intend"
            | "intends"
            | "intended"
            | "want"
            | "wants"
            | "wanted"
            | "hope"
            | "hopes"
            | "hoped"
            | "hoping"
            | "seek"
            | "seeks"
            | "sought"
            | "seeking"
            | "aim"
            | "aims"
            | "aimed"
            | "ready"
            | "willing"
            | "offered"
            | "offers"
            | "offer"
            | "agreed"
            | "agree"
            | "agrees"
            | "promised"
            | "promise"
            | "promises"
            | "pledged"
            | "pledge"
            | "pledges"
            | "vowed"
            | "vow"
            | "vows"
            | "decided"
            | "decide"
            | "decides"
            | "wish"
            | "wishes"
            | "eager"
            | "keen"
            | "proposed"
            | "proposes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Document, Span};

    fn at(text: &str, word: &str) -> (bool, Modality) {
        let doc = Document::from_body("t", text);
        let s = Sentence::new(&doc, Span::new(0, text.len()), &[]);
        let i = (0..s.len())
            .position(|k| s.word(k) == word)
            .expect("word in text");
        flags(&s, i)
    }

    #[test]
    fn attempts_are_marked() {
        let doc = Document::from_body("t", "Hackers tried to break into the ministry's servers.");
        let s = Sentence::new(&doc, Span::new(0, doc.text.len()), &[]);
        let i = (0..s.len()).position(|k| s.word(k) == "break").unwrap_or(0);
        assert!(read_flags(&s, i).attempt);
        let doc = Document::from_body("t", "Hackers plan to break into the ministry's servers.");
        let s = Sentence::new(&doc, Span::new(0, doc.text.len()), &[]);
        let i = (0..s.len()).position(|k| s.word(k) == "break").unwrap_or(0);
        assert!(!read_flags(&s, i).attempt);
    }

    #[test]
    fn negation_and_modality_cues() {
        assert_eq!(
            at("Putin did not meet Obama.", "meet"),
            (true, Modality::Asserted)
        );
        assert_eq!(
            at("Putin could meet Obama in July.", "meet"),
            (false, Modality::Hypothetical)
        );
        assert_eq!(
            at("Putin is expected to meet Obama.", "meet"),
            (false, Modality::Future)
        );
        assert_eq!(
            at("Putin plans to visit Paris.", "visit"),
            (false, Modality::Intent)
        );
        assert_eq!(
            at("Rebels tried to storm the barracks.", "storm"),
            (false, Modality::Intent)
        );
        assert_eq!(
            at("Putin won't visit Paris.", "visit"),
            (true, Modality::Future)
        );
        assert_eq!(
            at("If asked, Putin met Obama.", "met"),
            (false, Modality::Asserted)
        );
        assert_eq!(
            at(
                "The bill limits the president's power to ease sanctions.",
                "ease"
            ),
            (false, Modality::Hypothetical)
        );
    }
}
