//! The order in which the frames of one cue are tried: the passive
//! question ("was asked whether …") before the main indirect frame, then
//! the frames for attributions the main frame leaves out (a participle
//! after a preposition, a finding that "shows", "seem" with a bare
//! complement, a fronted question with an asker, "see X as Y"), and last
//! the fallbacks for sources the noun-phrase walk refused. The first frame
//! that fits wins.

use super::*;

impl Finder<'_> {
    /// The attribution of cue `hit` in sentence `si`, given the sentence's
    /// attributions accepted so far.
    pub(super) fn cue_frame(
        &self,
        si: usize,
        hit: CueHit,
        accepted: &[Attribution],
    ) -> Option<Attribution> {
        self.passive_ask(si, hit)
            .or_else(|| self.indirect_frame(si, hit, accepted))
            .or_else(|| self.prep_participle(si, hit, accepted))
            .or_else(|| self.finding_frame(si, hit))
            .or_else(|| self.seem_frame(si, hit))
            .or_else(|| self.asked_extended(si, hit))
            .or_else(|| self.see_as(si, hit))
            .or_else(|| self.final_fallback(si, hit))
            .or_else(|| self.coordinated_fallback(si, hit, accepted))
            .or_else(|| self.aside_fallback(si, hit))
            .or_else(|| self.inverted_fallback(si, hit))
    }
}
