//! The BILOU tag set (O, then Begin/Inside/Last/Unit for each of PER, ORG,
//! LOC, MISC), the transitions a well-formed sequence allows, and the
//! conversion between entity spans and tag sequences.

use super::NerLabel;

/// Number of tags: O plus four positions for each of four labels.
pub(crate) const N_TAGS: usize = 17;

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// Tag number of the outside tag.
pub(crate) const O: u8 = 0;

/// Tag number of `pos` inside an entity labelled `label`.
pub(crate) fn tag(label: NerLabel, pos: Pos) -> u8 {
    1 + (label as u8) * 4 + pos as u8
}

/// Label and position of a tag (`None` for O).
pub(crate) fn parts(tag: u8) -> Option<(NerLabel, Pos)> {
    if tag == O || usize::from(tag) >= N_TAGS {
        return None;
    }
    let t = tag - 1;
    let label = NerLabel::ALL.get(usize::from(t / 4)).copied()?;
    let pos = match t % 4 {
        0 => Pos::Begin,
        1 => Pos::Inside,
        2 => Pos::Last,
        _ => Pos::Unit,
    };
    Some((label, pos))
}

/// May `cur` follow `prev` (`None`: sentence start)? `last` says `cur` ends
/// the sentence, so it may not open an entity it cannot close.
pub(crate) fn allowed(prev: Option<u8>, cur: u8, last: bool) -> bool {
    let open = prev.and_then(parts).and_then(|(l, p)| match p {
        Pos::Begin | Pos::Inside => Some(l),
        Pos::Last | Pos::Unit => None,
    });
    match (open, parts(cur)) {
        (Some(l), Some((cl, Pos::Inside))) => cl == l && !last,
        (Some(l), Some((cl, Pos::Last))) => cl == l,
        (Some(_), _) => false,
        (None, None) => true,
        (None, Some((_, Pos::Unit))) => true,
        (None, Some((_, Pos::Begin))) => !last,
        (None, Some(_)) => false,
    }
}

/// Bit set of the tags allowed after `prev` (`None`: sentence start),
/// indexed by `last` (does the tag end the sentence?).
pub(crate) fn allowed_mask(prev: Option<u8>, last: bool) -> u32 {
    (0..N_TAGS as u8)
        .filter(|&t| allowed(prev, t, last))
        .fold(0, |m, t| m | 1 << t)
}

/// [`allowed_mask`] for every previous tag (index `N_TAGS`: sentence start)
/// and both values of `last`.
pub(crate) fn allowed_table() -> [[u32; 2]; N_TAGS + 1] {
    let mut table = [[0u32; 2]; N_TAGS + 1];
    for (p, row) in table.iter_mut().enumerate() {
        let prev = (p < N_TAGS).then_some(p as u8);
        *row = [allowed_mask(prev, false), allowed_mask(prev, true)];
    }
    table
}

/// BILOU tags of a sentence of `len` tokens holding `entities`
/// (token ranges `start..end`, labels); overlapping entities are skipped.
pub(crate) fn encode(len: usize, entities: &[(usize, usize, NerLabel)]) -> Vec<u8> {
    let mut tags = vec![O; len];
    for &(start, end, label) in entities {
        if start >= end || end > len || tags[start..end].iter().any(|&t| t != O) {
            continue;
        }
        if end - start == 1 {
            tags[start] = tag(label, Pos::Unit);
        } else {
            tags[start] = tag(label, Pos::Begin);
            for t in &mut tags[start + 1..end - 1] {
                *t = tag(label, Pos::Inside);
            }
            tags[end - 1] = tag(label, Pos::Last);
        }
    }
    tags
}

/// Entities (token ranges and labels) of a well-formed BILOU sequence; a
/// malformed run is closed where it breaks.
pub(crate) fn decode(tags: &[u8]) -> Vec<(usize, usize, NerLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let p = parts(t);
        if let Some((start, label)) = open {
            match p {
                Some((l, Pos::Inside)) if l == label => continue,
                Some((l, Pos::Last)) if l == label => {
                    out.push((start, i + 1, label));
                    open = None;
                    continue;
                }
                _ => {
                    out.push((start, i, label));
                    open = None;
                }
            }
        }
        match p {
            Some((l, Pos::Unit)) | Some((l, Pos::Last)) => out.push((i, i + 1, l)),
            Some((l, Pos::Begin)) | Some((l, Pos::Inside)) => open = Some((i, l)),
            None => {}
        }
    }
    if let Some((start, label)) = open {
        out.push((start, tags.len(), label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let ents = vec![
            (0, 2, NerLabel::Per),
            (3, 4, NerLabel::Loc),
            (5, 8, NerLabel::Org),
        ];
        let tags = encode(9, &ents);
        assert_eq!(tags.len(), 9);
        assert_eq!(decode(&tags), ents);
        for w in tags.windows(2) {
            assert!(allowed(Some(w[0]), w[1], false));
        }
    }

    #[test]
    fn transitions_follow_bilou() {
        let b_per = tag(NerLabel::Per, Pos::Begin);
        let l_per = tag(NerLabel::Per, Pos::Last);
        let l_org = tag(NerLabel::Org, Pos::Last);
        let u_loc = tag(NerLabel::Loc, Pos::Unit);
        assert!(allowed(None, b_per, false));
        assert!(!allowed(None, b_per, true));
        assert!(allowed(Some(b_per), l_per, true));
        assert!(!allowed(Some(b_per), l_org, false));
        assert!(!allowed(Some(b_per), O, false));
        assert!(allowed(Some(l_per), u_loc, false));
        assert!(!allowed(None, l_per, false));
        let valid: usize = (0..N_TAGS as u8)
            .filter(|&t| allowed(None, t, false))
            .count();
        assert_eq!(valid, 9);
    }
}
