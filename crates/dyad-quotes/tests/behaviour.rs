//! Behaviour of the quotes stage on short news-style texts written for
//! these tests (PolNeAR span conventions: contents keep "that" and their
//! quote marks, drop the sentence's final period; sources are whole noun
//! phrases).

use dyad_core::{Document, Entity, EntityKind, Mention, Quote};
use dyad_quotes::{Attribution, QuoteTagger};

fn attrs(text: &str) -> (Document, Vec<Attribution>) {
    let doc = Document::from_body("t", text);
    let found = QuoteTagger::new().attributions(&doc);
    (doc, found)
}

fn texts(doc: &Document, a: &Attribution) -> (String, String, Vec<String>) {
    let part =
        |s: Option<dyad_core::Span>| s.map_or(String::new(), |s| doc.span_text(s).to_string());
    (
        part(a.source),
        part(a.cue),
        a.content
            .iter()
            .map(|c| doc.span_text(*c).to_string())
            .collect(),
    )
}

#[test]
fn direct_quote_with_cue_after() {
    let (doc, found) =
        attrs("“It is too early,” Foreign Minister Anna Berg told reporters on Monday.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Foreign Minister Anna Berg");
    assert_eq!(cue, "told");
    assert_eq!(content, vec!["“It is too early,”"]);
    assert!(found[0].direct);
}

#[test]
fn quote_after_colon_and_pronoun_speaker() {
    let text =
        "“It is too early,” Foreign Minister Anna Berg said. But she added: “Talks will go on.”";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 2);
    let (src, cue, content) = texts(&doc, &found[1]);
    // PolNeAR counts the colon with the cue
    assert_eq!((src.as_str(), cue.as_str()), ("she", "added:"));
    assert_eq!(content, vec!["“Talks will go on.”"]);
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("Foreign Minister Anna Berg")
    );
}

#[test]
fn split_and_multi_paragraph_quotes() {
    let text = "“We will not give up,” the mayor said, “not now.”\n\n\
                “The city has been through worse.\n\n\
                “And it will recover,” he said.";
    let (doc, found) = attrs(text);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "the mayor");
    assert_eq!(content, vec!["“We will not give up,”", "“not now.”"]);
    let last = found.last().expect("an attribution");
    let (_, _, content) = texts(&doc, last);
    assert_eq!(
        content,
        vec![
            "“The city has been through worse.",
            "“And it will recover,”"
        ]
    );
    assert_eq!(last.speaker.as_deref(), Some("the mayor"));
}

#[test]
fn cueless_quote_paragraph_inherits_the_speaker() {
    let text =
        "“Prices will fall,” central bank governor Lee Tan said.\n\n“We are confident of that.”";
    let (_, found) = attrs(text);
    assert_eq!(found.len(), 2);
    assert!(found[1].inherited && found[1].cue.is_none());
    assert_eq!(
        found[1].speaker.as_deref(),
        Some("central bank governor Lee Tan")
    );
}

#[test]
fn indirect_speech_frames() {
    let (doc, found) = attrs("The ministry said on Tuesday that exports rose.");
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("The ministry", "said"));
    assert_eq!(content, vec!["that exports rose"]);

    let (doc, found) = attrs("Exports rose sharply last year, the ministry has said.");
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("the ministry", "has said"));
    assert_eq!(content, vec!["Exports rose sharply last year"]);

    let (doc, found) = attrs("According to the ministry, exports rose in May.");
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("the ministry", "According to")
    );
    assert_eq!(content, vec!["exports rose in May"]);

    let (doc, found) =
        attrs("Tad Devine, a top adviser to the senator, warned that the race was close.");
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Tad Devine, a top adviser to the senator,");
    assert_eq!(content, vec!["that the race was close"]);
}

#[test]
fn participle_takes_the_subject() {
    let (doc, found) =
        attrs("Mr Lavrov met the envoy in Washington, saying the talks were useful.");
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("Mr Lavrov", "saying"));
    assert_eq!(content, vec!["the talks were useful"]);
}

#[test]
fn partial_quotes_inside_indirect_speech_become_direct_quotes() {
    let mut doc = Document::from_body(
        "t",
        "Mr Tan deplored the “low level of trust” between the two sides.",
    );
    QuoteTagger::new().annotate(&mut doc);
    let direct: Vec<&Quote> = doc.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].text, "“low level of trust”");
    assert_eq!(direct[0].speaker.as_deref(), Some("Mr Tan"));
    assert!(doc
        .quotes
        .iter()
        .any(|q| !q.direct && q.text.starts_with("the “low level")));
}

#[test]
fn nouns_that_look_like_cues_are_not_cues() {
    let (_, found) =
        attrs("The states voted on the remarks of the Secretary of State in the report.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn speaker_resolves_to_the_actors_entity() {
    let text =
        "Kremlin spokesman Dmitry Peskov said talks were useful. He added that more would follow.";
    let mut doc = Document::from_body("t", text);
    let start = text.find("Dmitry").expect("name");
    doc.entities.push(Entity {
        id: "e1".into(),
        name: "Dmitry Peskov".into(),
        kind: EntityKind::Person,
        title: Some("Kremlin spokesman".into()),
        actor: None,
        mentions: vec![Mention {
            start,
            end: start + "Dmitry Peskov".len(),
        }],
    });
    QuoteTagger::new().annotate(&mut doc);
    assert_eq!(doc.quotes.len(), 2);
    for q in &doc.quotes {
        assert_eq!(q.speaker.as_deref(), Some("Dmitry Peskov"));
        assert_eq!(q.speaker_entity.as_deref(), Some("e1"));
    }
}

#[test]
fn cue_after_exclamation_in_its_own_sentence() {
    let (doc, found) = attrs("“We will never surrender this city!” Governor Ruth Hale said.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("Governor Ruth Hale", "said"));
    assert_eq!(content, vec!["“We will never surrender this city!”"]);
    assert!(!found[0].inherited);
}

#[test]
fn cue_before_colon_belongs_to_the_next_quote() {
    let text = "After the senator called the bill “a disgrace,” the mayor said: “I disagree.”";
    let (doc, found) = attrs(text);
    let mayor = found
        .iter()
        .find(|a| a.source.is_some_and(|s| doc.span_text(s) == "the mayor"))
        .expect("the mayor's quote");
    let (_, cue, content) = texts(&doc, mayor);
    assert_eq!(cue, "said:");
    assert_eq!(content, vec!["“I disagree.”"]);
}

#[test]
fn finding_noun_takes_a_bare_clause() {
    let (doc, found) = attrs("A new state poll shows the governor trails her rival by six points.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert!(src.ends_with("poll"), "{src}");
    assert_eq!(cue, "shows");
    assert_eq!(content, vec!["the governor trails her rival by six points"]);
    // without a finding noun, "shows" still needs "that"
    let (_, found) = attrs("The mayor shows the visitors around the old harbour.");
    assert!(found.is_empty());
}

#[test]
fn time_phrase_after_cue_stays_out_of_the_content() {
    let (doc, found) = attrs("The port authority said Thursday night it had closed two terminals.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("The port authority", "said"));
    assert_eq!(content, vec!["it had closed two terminals"]);
}

#[test]
fn interview_transcript_letters_are_not_speakers() {
    let (_, found) = attrs("Q: What will you do about the budget next year?");
    assert!(found.is_empty());
}

#[test]
fn inverted_cue_with_long_appositive_source() {
    let text = "The port will reopen within weeks, and the shipping lines have agreed to return, \
                said Maria Okafor, a transport economist at the University of Lagos in Nigeria.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        src,
        "Maria Okafor, a transport economist at the University of Lagos in Nigeria"
    );
    assert_eq!(cue, "said");
    assert_eq!(
        content,
        vec!["The port will reopen within weeks, and the shipping lines have agreed to return"]
    );
}

#[test]
fn nested_cue_belongs_to_the_outer_attribution() {
    let text = "Even as the council meets in May, a month the mayor hoped to avoid, \
                the vote will be close, said Tom Reyes, a city planner.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Tom Reyes, a city planner");
    assert!(content[0].starts_with("Even as the council"), "{content:?}");
}

#[test]
fn contrast_clause_ends_the_content() {
    let (doc, found) =
        attrs("Most residents say they support the new bridge, while a third want a tunnel.");
    assert_eq!(found.len(), 1);
    let (_, _, content) = texts(&doc, &found[0]);
    assert_eq!(content, vec!["they support the new bridge"]);
}

#[test]
fn participle_cue_is_not_inverted() {
    let (doc, found) =
        attrs("The minister praised the deal as historic, adding that talks would resume in June.");
    let adding = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "adding"))
        .expect("the adding attribution");
    let (src, _, content) = texts(&doc, adding);
    assert_eq!(src, "The minister");
    assert_eq!(content, vec!["that talks would resume in June"]);
    // after a quote, the words after "telling" are its hearer, not a source
    let (doc, found) =
        attrs("The mayor called the vote “fantastic,” telling reporters the result was good.");
    assert!(found.iter().all(|a| a
        .source
        .is_none_or(|s| !doc.span_text(s).starts_with("reporters"))));
}

#[test]
fn sentence_opening_poll_is_a_source() {
    let (doc, found) =
        attrs("In a Gazette poll released Monday, 52 percent of voters backed the new tax.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("a Gazette poll released Monday", "In")
    );
    assert_eq!(content, vec!["52 percent of voters backed the new tax"]);
    // "in" before something else is no cue
    let (_, found) = attrs("In a quiet village near the coast, farmers gathered for the harvest.");
    assert!(found.is_empty());
}

#[test]
fn progressive_cue_keeps_its_be() {
    let (doc, found) = attrs("Senator Ruth Hale is telling voters that the count was fair.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Senator Ruth Hale");
    assert_eq!(cue, "is telling");
    assert_eq!(content, vec!["that the count was fair"]);
}

#[test]
fn coordinated_subject_is_one_source() {
    let (doc, found) = attrs("Attorneys and legal experts said the charge was unlikely to stick.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Attorneys and legal experts");
    assert_eq!(cue, "said");
    assert_eq!(content, vec!["the charge was unlikely to stick"]);
}

#[test]
fn plural_noun_before_a_base_form_is_a_subject() {
    let (doc, found) = attrs("Many farmers fear that the new tariffs will close their markets.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("Many farmers", "fear"));
    assert_eq!(
        content,
        vec!["that the new tariffs will close their markets"]
    );
    // a plural noun before a noun is no subject
    let (_, found) = attrs("The senator ignored the voters' fears about the plant.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn blocking_phrases_hide_their_cue() {
    let (_, found) = attrs("Ms. Lee won the Ohio primary, adding to her lead in delegates.");
    assert!(found.is_empty(), "{found:?}");
    let (_, found) =
        attrs("He worked for a think tank in Washington before he joined the campaign.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn possessive_noun_cue_in_object_position() {
    let (doc, found) = attrs("The delay followed his unwillingness to release the tax returns.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("his", "unwillingness"));
    assert_eq!(content, vec!["to release the tax returns"]);
    // as a subject its complement has no clear end: no attribution
    let (_, found) = attrs("His unwillingness to release the tax returns angered party leaders.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn clause_verb_next_to_a_quote_is_a_cue() {
    let (doc, found) = attrs("“We need a plan for the border,” Mr. Ortiz continued.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("Mr. Ortiz", "continued"));
    assert_eq!(content, vec!["“We need a plan for the border,”"]);
}

#[test]
fn according_to_keeps_a_fronted_phrase_and_drops_a_subordinate_clause() {
    let (doc, found) =
        attrs("Over the long term, according to the budget office, the deficit will keep growing.");
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "the budget office");
    assert_eq!(
        content,
        vec!["Over the long term", "the deficit will keep growing"]
    );
    let (doc, found) = attrs(
        "Though he has no path to a majority, Mr. Hale has the best odds against the governor, according to a new poll.",
    );
    assert_eq!(found.len(), 1);
    let (_, _, content) = texts(&doc, &found[0]);
    assert_eq!(
        content,
        vec!["Mr. Hale has the best odds against the governor"]
    );
}

#[test]
fn contracted_auxiliary_joins_the_cue() {
    let (doc, found) = attrs("He’s argued that the plan will fail.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("He", "’s argued"));
    assert_eq!(content, vec!["that the plan will fail"]);
}

#[test]
fn preposition_after_the_cue_joins_it() {
    let (doc, found) = attrs("The governor wrote about the flooding in the north.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("The governor", "wrote about")
    );
    assert_eq!(content, vec!["the flooding in the north"]);
}

#[test]
fn sources_with_a_party_tag_an_aside_or_a_share() {
    let (doc, found) = attrs("After the vote, Sen. Ann Lee (D-Ore.), said, “We will be back.”");
    assert_eq!(found.len(), 1);
    let (src, _, _) = texts(&doc, &found[0]);
    assert_eq!(src, "Sen. Ann Lee (D-Ore.)");
    let (doc, found) = attrs("Mr. Ruiz, in Denver, said Tuesday that the count was fair.");
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Mr. Ruiz");
    assert_eq!(content, vec!["that the count was fair"]);
    let (doc, found) = attrs("About 4 in 10 say they want a new leader.");
    assert_eq!(found.len(), 1);
    let (src, cue, _) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("About 4 in 10", "say"));
}

#[test]
fn relative_clause_with_its_own_cue_stays_out_of_the_source() {
    let text = "Mr. Cruz, who says the polls have tightened, said voters should choose him.";
    let (doc, found) = attrs(text);
    let outer = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "said"))
        .expect("the outer attribution");
    assert_eq!(texts(&doc, outer).0, "Mr. Cruz");
    // without a cue in it, the relative clause is part of the source
    let (doc, found) = attrs("Mr. Cruz, who represents Texas, said voters should choose him.");
    assert_eq!(found.len(), 1);
    assert_eq!(texts(&doc, &found[0]).0, "Mr. Cruz, who represents Texas,");
}

#[test]
fn content_runs_on_past_including_but_stops_before_but_he() {
    let (doc, found) = attrs(
        "The governor said the storm damaged dozens of towns, including several on the coast.",
    );
    assert_eq!(found.len(), 1);
    let (_, _, content) = texts(&doc, &found[0]);
    assert_eq!(
        content,
        vec!["the storm damaged dozens of towns, including several on the coast"]
    );
    let (doc, found) = attrs(
        "The senator said the bill would pass next month, but he refused to name its supporters.",
    );
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "The senator");
    assert_eq!(content, vec!["the bill would pass next month"]);
}

#[test]
fn clause_after_said_is_content_not_an_inverted_source() {
    let (doc, found) =
        attrs("Ms. Lane, who represents a rural district, said Mr. Cole had misled the voters.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(cue, "said");
    assert!(src.starts_with("Ms. Lane"), "source {src:?}");
    assert_eq!(content, vec!["Mr. Cole had misled the voters"]);
}

#[test]
fn subject_relative_clause_stays_in_the_source() {
    let (doc, found) =
        attrs("Farmers who watched the debate said they were worried about the drought.");
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Farmers who watched the debate");
    assert_eq!(content, vec!["they were worried about the drought"]);
}

#[test]
fn fronted_adverbial_is_not_part_of_an_appositive_source() {
    let (doc, found) = attrs(
        "In his reply, Tom Ward, the head of the teachers union, said the strike would go on.",
    );
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Tom Ward, the head of the teachers union,");
    assert_eq!(content, vec!["the strike would go on"]);
}

#[test]
fn content_drops_the_close_of_a_parenthesis_opened_before_it() {
    let (doc, found) =
        attrs("The talks ended early. (A spokesman said that the timing was unrelated.)");
    let (_, _, content) = texts(&doc, found.last().expect("one attribution"));
    assert_eq!(content, vec!["that the timing was unrelated"]);
}

#[test]
fn coordinated_cue_before_quote_leaves_first_cue_free() {
    // the second cue borrows the subject of the first; the first cue's
    // indirect content is an attribution of its own
    let text = "Mayor Ann Lee said the council will meet again next week, but added, \
                “We are not going to rush this.”";
    let (doc, found) = attrs(text);
    let all: Vec<_> = found.iter().map(|a| texts(&doc, a)).collect();
    assert!(
        all.iter().any(|(s, c, t)| s == "Mayor Ann Lee"
            && c == "said"
            && t == &vec!["the council will meet again next week".to_string()]),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|(_, c, t)| c == "added"
                && t == &vec!["“We are not going to rush this.”".to_string()]),
        "{all:?}"
    );
}

#[test]
fn quote_lead_with_its_own_frame_is_not_content() {
    // the words before the quote hold an indirect frame: they are not a
    // lead-in of the quote's content
    let text = "Lee said the budget was balanced but warned, “The cuts will hurt,” Lee said.";
    let (doc, found) = attrs(text);
    let all: Vec<_> = found.iter().map(|a| texts(&doc, a)).collect();
    assert!(
        all.iter().any(|(s, c, t)| s == "Lee"
            && c == "said"
            && t == &vec!["the budget was balanced".to_string()]),
        "{all:?}"
    );
    assert!(
        !all.iter()
            .any(|(_, _, t)| t.iter().any(|x| x.starts_with("Lee said"))),
        "{all:?}"
    );
}

#[test]
fn writers_appositive_after_content_is_left_out() {
    // ", an admission that …" is the writer's comment on the content
    let text = "The minister said that taxes would rise next year, an admission that \
                surprised many in her party.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("The minister", "said"));
    assert_eq!(content, vec!["that taxes would rise next year"]);
}

#[test]
fn source_keeps_its_prepositional_modifier() {
    // "to", "by", "from", "with" after a noun modify it: the whole phrase
    // is the source
    for (text, source) in [
        (
            "A senior adviser to the governor said the plan would work.",
            "A senior adviser to the governor",
        ),
        (
            "A report by the agency said the plan would work.",
            "A report by the agency",
        ),
        (
            "Officials from both parties said the plan would work.",
            "Officials from both parties",
        ),
        (
            "The author of that report, Ari Lane, said the plan would work.",
            "The author of that report, Ari Lane,",
        ),
    ] {
        let (doc, found) = attrs(text);
        assert_eq!(found.len(), 1, "{text}");
        let (src, cue, content) = texts(&doc, &found[0]);
        assert_eq!((src.as_str(), cue.as_str()), (source, "said"), "{text}");
        assert_eq!(content, vec!["the plan would work"], "{text}");
    }
}

#[test]
fn when_asked_frames_a_question_without_source() {
    let text = "When asked about the new tax, the senator said she would vote against it.";
    let (doc, found) = attrs(text);
    let all: Vec<_> = found.iter().map(|a| texts(&doc, a)).collect();
    assert!(
        all.iter().any(|(s, c, t)| s.is_empty()
            && c == "asked about"
            && t == &vec!["the new tax".to_string()]),
        "{all:?}"
    );
    let text = "The mayor smiled when asked whether she would run again.";
    let (doc, found) = attrs(text);
    let all: Vec<_> = found.iter().map(|a| texts(&doc, a)).collect();
    assert!(
        all.iter().any(|(s, c, t)| s.is_empty()
            && c == "asked"
            && t == &vec!["whether she would run again".to_string()]),
        "{all:?}"
    );
}

#[test]
fn quote_frames_with_nested_close_or_no_comma() {
    for (text, source) in [
        (
            "\"They read it and say, 'Oh, this matters,' \" Lee said at the rally.",
            "Lee",
        ),
        (
            "\"We have waited for months for an answer\" said Tom Reed, a spokesman.",
            "Tom Reed, a spokesman",
        ),
    ] {
        let (doc, found) = attrs(text);
        assert_eq!(found.len(), 1, "{text}");
        let (src, cue, _) = texts(&doc, &found[0]);
        assert_eq!((src.as_str(), cue.as_str()), (source, "said"), "{text}");
        assert!(found[0].direct);
    }
}

#[test]
fn sentence_adverb_and_participle_aside_stay_out_of_the_source() {
    let text = "Even Reed, a loyal party member, said the tax would have to rise.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, _) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Reed, a loyal party member,", "said")
    );
    let text = "Sen. Ann Lee, appearing on television after the vote, said the bill was flawed.";
    let (doc, found) = attrs(text);
    let all: Vec<_> = found.iter().map(|a| texts(&doc, a)).collect();
    assert!(
        all.iter().any(|(s, c, t)| s == "Sen. Ann Lee"
            && c == "said"
            && t == &vec!["the bill was flawed".to_string()]),
        "{all:?}"
    );
}

#[test]
fn post_quote_source_with_party_tag_or_possessive() {
    for (text, source) in [
        (
            "“We will hold the vote next week,” Senate Majority Leader Ann Lee, R-Ky., said.",
            "Senate Majority Leader Ann Lee, R-Ky.,",
        ),
        (
            "“The campaign is growing,” Tom Reed, Sanders' campaign manager, said in a statement.",
            "Tom Reed, Sanders' campaign manager,",
        ),
    ] {
        let (doc, found) = attrs(text);
        assert_eq!(found.len(), 1, "{text}");
        let (src, _, _) = texts(&doc, &found[0]);
        assert_eq!(src, source, "{text}");
    }
}

#[test]
fn final_tell_with_a_hearer() {
    let text = "The talks would resume in March, the minister told reporters.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("the minister", "told"));
    assert_eq!(content, vec!["The talks would resume in March"]);
}

#[test]
fn finding_noun_before_a_final_clause_verb() {
    // "analysis" is a finding noun (and a label word in "Analysis: …")
    let text = "Most of the money went to allies of the governor, a new analysis shows.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("a new analysis", "shows"));
    assert_eq!(
        content,
        vec!["Most of the money went to allies of the governor"]
    );
}

#[test]
fn share_with_a_number_word_is_one_source() {
    // (the number before "in" is a word: no time phrase "in 10")
    let text = "Among Democrats, six in 10 say the economy is the most important issue.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, _) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("six in 10", "say"));
}

#[test]
fn connective_aside_is_not_part_of_the_source() {
    for text in [
        "Lee, for her part, said the plan would work.",
        "Lee, for example, said the plan would work.",
    ] {
        let (doc, found) = attrs(text);
        assert_eq!(found.len(), 1, "{text}");
        let (src, cue, _) = texts(&doc, &found[0]);
        assert_eq!((src.as_str(), cue.as_str()), ("Lee", "said"), "{text}");
    }
}

#[test]
fn dash_aside_stays_in_the_source_unless_it_holds_a_cue() {
    let text = "Jim Sims — a teacher from Ames — says the schools need more money.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (src, cue, _) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Jim Sims — a teacher from Ames —", "says")
    );
    let text = "Jim Sims — who once said the schools were fine — says they need more money.";
    let (doc, found) = attrs(text);
    let all: Vec<_> = found.iter().map(|a| texts(&doc, a)).collect();
    assert!(
        all.iter().any(|(s, c, _)| s == "Jim Sims" && c == "says"),
        "{all:?}"
    );
}

#[test]
fn relative_clause_about_a_person_ends_the_content() {
    let text = "Lee said the deal was approved by Tom Reed, who leads the committee.";
    let (doc, found) = attrs(text);
    assert_eq!(found.len(), 1);
    let (_, _, content) = texts(&doc, &found[0]);
    assert_eq!(content, vec!["the deal was approved by Tom Reed"]);
}

#[test]
fn coordinated_sources_keep_both_conjuncts() {
    let cases = [
        (
            "On Sunday, Mr. Hale and Senator Ruth Ames urged the party to unite.",
            "Mr. Hale and Senator Ruth Ames",
        ),
        (
            "She and her aides have vowed to win the state back.",
            "She and her aides",
        ),
        (
            "But farmers and local officials say the river is too low.",
            "farmers and local officials",
        ),
    ];
    for (text, want) in cases {
        let (doc, found) = attrs(text);
        let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
        assert!(srcs.iter().any(|s| s == want), "{text}: {srcs:?}");
    }
    // a clause before the "and" is no part of the source
    let text = "Ames won the county and her aides said the vote was fair.";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(srcs.iter().any(|s| s == "her aides"), "{srcs:?}");
}

#[test]
fn appositive_after_the_cue_keeps_its_closing_comma() {
    let text = "“We will not back down,” said Mara Quinn, a spokeswoman for the union, noting that talks resume on Friday.";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(
        srcs.iter()
            .any(|s| s == "Mara Quinn, a spokeswoman for the union,"),
        "{srcs:?}"
    );
    // before the rest of a split quote too
    let text =
        "“We will not back down,” said Mara Quinn, a spokeswoman for the union, “and we will win.”";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(
        srcs.iter()
            .any(|s| s == "Mara Quinn, a spokeswoman for the union,"),
        "{srcs:?}"
    );
    // a bare name keeps no comma
    let text = "“We will not back down,” said Mara Quinn, noting that talks resume on Friday.";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(srcs.iter().any(|s| s == "Mara Quinn"), "{srcs:?}");
}

#[test]
fn medium_phrase_after_a_noun_phrase_content_is_left_out() {
    let text = "The mayor blamed local officials on Twitter for the delays.";
    let (doc, found) = attrs(text);
    let contents: Vec<Vec<String>> = found.iter().map(|a| texts(&doc, a).2).collect();
    assert!(
        contents
            .iter()
            .any(|c| c == &vec!["local officials".to_string()]),
        "{contents:?}"
    );
    let text = "The senator endorsed Ann Reyes in a statement on Monday.";
    let (doc, found) = attrs(text);
    let contents: Vec<Vec<String>> = found.iter().map(|a| texts(&doc, a).2).collect();
    assert!(
        contents.iter().any(|c| c == &vec!["Ann Reyes".to_string()]),
        "{contents:?}"
    );
}

#[test]
fn source_after_the_cue_keeps_a_closing_parenthesis_and_jr() {
    let text = "“The bill is dead,” said Sen. Ann Lee (D-Va.).";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(srcs.iter().any(|s| s == "Sen. Ann Lee (D-Va.)"), "{srcs:?}");
    let text = "“The bill is dead,” said Tom Hale Jr.";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(srcs.iter().any(|s| s == "Tom Hale Jr."), "{srcs:?}");
}

#[test]
fn dateline_dash_is_no_part_of_the_source() {
    for text in [
        "DENVER - Gov. Rita Ames said on Monday that the state would appeal.",
        "DENVER -- Gov. Rita Ames said on Monday that the state would appeal.",
    ] {
        let (doc, found) = attrs(text);
        let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
        assert!(
            srcs.iter().any(|s| s == "Gov. Rita Ames"),
            "{text}: {srcs:?}"
        );
    }
}

#[test]
fn approximate_share_in_words_opens_the_source() {
    let text = "About four in 10 voters say the economy is their top issue.";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(
        srcs.iter().any(|s| s == "About four in 10 voters"),
        "{srcs:?}"
    );
}

#[test]
fn relative_clause_with_its_own_cue_ends_a_source_after_the_cue() {
    let text = "“The numbers are bad,” said one aide who asked not to be named.";
    let (doc, found) = attrs(text);
    let srcs: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(srcs.iter().any(|s| s == "one aide"), "{srcs:?}");
}

#[test]
fn leading_connective_is_no_part_of_the_content() {
    let (doc, found) = attrs("In fact, the port will reopen next spring, the harbour master said.");
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "the harbour master");
    assert_eq!(content, vec!["the port will reopen next spring"]);
    // after the cue: "said, however, that …"
    let (doc, found) = attrs("The minister said, however, that the tax would stay in place.");
    assert_eq!(found.len(), 1);
    let (_, _, content) = texts(&doc, &found[0]);
    assert_eq!(content, vec!["that the tax would stay in place"]);
}

#[test]
fn source_does_not_run_across_a_line_break() {
    let (doc, found) =
        attrs("Five voices\n\n4\nThe harbour master said the port will reopen soon.");
    let sources: Vec<String> = found.iter().map(|a| texts(&doc, a).0).collect();
    assert!(
        sources.iter().any(|s| s == "The harbour master"),
        "{sources:?}"
    );
}

#[test]
fn day_name_after_the_cue_is_no_part_of_the_content() {
    let (doc, found) =
        attrs("The harbour master said Tuesday his crews would work through the night.");
    assert_eq!(found.len(), 1);
    let (_, cue, content) = texts(&doc, &found[0]);
    assert_eq!(cue, "said");
    assert_eq!(content, vec!["his crews would work through the night"]);
}

#[test]
fn negated_auxiliary_is_no_part_of_the_source() {
    let (doc, found) = attrs("Port officials haven’t said whether the ferry will run on Sunday.");
    assert_eq!(found.len(), 1);
    let (src, _, _) = texts(&doc, &found[0]);
    assert_eq!(src, "Port officials");
}

#[test]
fn object_relative_pronoun_is_the_first_content_fragment() {
    let (doc, found) = attrs(
        "The ferry levy, which the harbour master said would fall next year, \
         was approved on Monday.",
    );
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "said"))
        .expect("the relative clause's attribution");
    let (src, _, content) = texts(&doc, a);
    assert_eq!(src, "the harbour master");
    assert_eq!(content, vec!["which", "would fall next year"]);

    let (doc, found) = attrs("The new bus lane was what the mayor called a modest change.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "called"))
        .expect("the free relative's attribution");
    assert_eq!(texts(&doc, a).2, vec!["what", "a modest change"]);

    // "in which": the pronoun is not the reported object
    let (doc, found) = attrs("She gave a speech in which she said taxes would rise.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "said"))
        .expect("the attribution inside the relative clause");
    assert_eq!(texts(&doc, a).2, vec!["taxes would rise"]);
}

#[test]
fn comma_inside_a_closing_quote_ends_the_content() {
    let (doc, found) = attrs(
        "The senator said that the harbour plan “was reckless from the start,” \
         adding that the council would vote next week.",
    );
    let said = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "said"))
        .expect("the first attribution");
    assert_eq!(
        texts(&doc, said).2,
        vec!["that the harbour plan “was reckless from the start,”"]
    );
}

#[test]
fn plural_noun_after_a_possessive_takes_a_base_form_as_its_verb() {
    let (doc, found) = attrs("But his backers fear that more letters will be published.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("his backers", "fear"),
        "{content:?}"
    );
}

#[test]
fn source_keeps_a_relative_clause_with_its_own_verbs() {
    let (doc, found) =
        attrs("Residents who had lived there for years said the river had never flooded.");
    assert_eq!(found.len(), 1);
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Residents who had lived there for years");
    assert_eq!(content, vec!["the river had never flooded"]);
    // the cue of the relative clause itself is no source boundary
    let (doc, found) = attrs("A farmer who has criticized the levy was not invited.");
    assert!(
        !found.iter().any(|a| a
            .source
            .is_some_and(|s| doc.span_text(s) == "A farmer who has")),
        "{found:?}"
    );
}

#[test]
fn lone_negated_auxiliary_joins_the_cue() {
    let (doc, found) =
        attrs("The harbour master said little. She doesn't believe the dredging will help.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c).ends_with("believe")))
        .expect("the negated attribution");
    let (src, cue, content) = texts(&doc, a);
    assert_eq!((src.as_str(), cue.as_str()), ("She", "doesn't believe"));
    assert_eq!(content, vec!["the dredging will help"]);
}

#[test]
fn noun_phrase_content_ends_where_a_clause_joins() {
    let (doc, found) =
        attrs("The council condemned the new toll as Westport lorries queued at the bridge.");
    assert_eq!(found.len(), 1);
    assert_eq!(texts(&doc, &found[0]).2, vec!["the new toll"]);
    let (doc, found) =
        attrs("The dockers' union endorsed Ms. Park and pledged money for her campaign.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "endorsed"))
        .expect("the endorsement");
    assert_eq!(texts(&doc, a).2, vec!["Ms. Park"]);
}

#[test]
fn finding_source_with_a_prepositional_phrase_takes_a_bare_clause() {
    let (doc, found) = attrs(
        "The poll by the state university showed Mayor Ann Lee leading her rival by six points.",
    );
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "The poll by the state university");
    assert_eq!(cue, "showed");
    assert_eq!(
        content,
        vec!["Mayor Ann Lee leading her rival by six points"]
    );
}

#[test]
fn passive_question_has_no_source() {
    let (doc, found) =
        attrs("The harbour master was asked whether the port would reopen, and he declined.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "was asked"))
        .expect("the passive question");
    assert_eq!(a.source, None);
    assert_eq!(texts(&doc, a).2, vec!["whether the port would reopen"]);

    let (doc, found) = attrs("Ann Lee has been asked about the ferry levy on Tuesday.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "");
    assert_eq!(cue, "has been asked about");
    assert_eq!(content, vec!["the ferry levy"]);
}

#[test]
fn participle_after_a_preposition_borrows_the_subject() {
    let (doc, found) = attrs(
        "Port director Ann Lee ended the meeting by saying the levy would pay for new cranes.",
    );
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Port director Ann Lee");
    assert_eq!(cue, "saying");
    assert_eq!(content, vec!["the levy would pay for new cranes"]);

    // in a comma aside the content ends at the aside's comma
    let (doc, found) = attrs("Ann Lee, after publicly saying she would stay, left the board.");
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Ann Lee");
    assert_eq!(content, vec!["she would stay"]);
}

#[test]
fn reportedly_is_a_cue_without_source() {
    let (doc, found) = attrs("The ferry company has reportedly hired two new captains.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("", "reportedly"));
    assert_eq!(
        content,
        vec!["The ferry company has", "hired two new captains"]
    );

    let (doc, found) = attrs("Reportedly, the ferry company hired two new captains.");
    assert_eq!(
        texts(&doc, &found[0]).2,
        vec!["the ferry company hired two new captains"]
    );

    // inside a quote it is the speaker's word, not the writer's
    let (doc, found) = attrs("“The firm has reportedly hired captains,” Lee said.");
    assert!(found
        .iter()
        .all(|a| a.cue.is_none_or(|c| doc.span_text(c) != "reportedly")));
}

#[test]
fn record_with_a_participle_shows_a_bare_clause() {
    let (doc, found) = attrs(
        "A harbour survey released Sunday by the Dover Courier shows the ferry losing riders.",
    );
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "A harbour survey released Sunday by the Dover Courier");
    assert_eq!(cue, "shows");
    assert_eq!(content, vec!["the ferry losing riders"]);

    let (doc, found) = attrs("Photos showed long queues at the ferry gate.");
    let (src, _, content) = texts(&doc, &found[0]);
    assert_eq!(src, "Photos");
    assert_eq!(content, vec!["long queues at the ferry gate"]);

    // "shows" after a plain noun is a verb when a record heads the phrase
    let (doc, found) = attrs("Polling of island voters shows that the ferry levy is unpopular.");
    assert_eq!(found.len(), 1);
    let (src, cue, _) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Polling of island voters", "shows")
    );
    // … and a noun after a determiner ("a TV show") stays a noun
    let (_, found) = attrs("She hosts a talk show on the island radio.");
    assert!(found.is_empty());
}

#[test]
fn seem_with_a_bare_complement_has_two_content_fragments() {
    let (doc, found) = attrs("The harbour master seemed unconvinced by the new timetable.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("", "seemed"));
    assert_eq!(
        content,
        vec!["The harbour master", "unconvinced by the new timetable"]
    );

    // a dummy "it" is no part of the content
    let (doc, found) = attrs("It seems the ferry will run late all winter.");
    assert_eq!(
        texts(&doc, &found[0]).2,
        vec!["the ferry will run late all winter"]
    );
}

#[test]
fn fronted_question_with_an_asker_takes_the_asker_as_source() {
    let (doc, found) = attrs(
        "Asked by a reporter whether the port would reopen, the harbour master said it would.",
    );
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "Asked"))
        .expect("the fronted question");
    let (src, _, content) = texts(&doc, a);
    assert_eq!(src, "a reporter");
    assert_eq!(content, vec!["whether the port would reopen"]);

    let (doc, found) =
        attrs("Asked on Monday in Dover why the ferry was late, Ann Lee blamed the fog.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "Asked"))
        .expect("the fronted question past its setting");
    assert_eq!(a.source, None);
    assert_eq!(texts(&doc, a).2, vec!["why the ferry was late"]);
}

#[test]
fn names_after_a_dash_and_before_a_colon_are_a_source() {
    let (doc, found) = attrs(
        "FERRY NUMBERS FELL IN MAY - Ann Lee and Tom Ray: “Fewer riders took the early boat.”",
    );
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("Ann Lee and Tom Ray", ":"));
    assert_eq!(content, vec!["“Fewer riders took the early boat.”"]);
}

#[test]
fn see_with_an_object_and_as_states_a_view() {
    let (doc, found) =
        attrs("Many ferry riders see the new timetable as a step backwards, not forwards.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "see"))
        .expect("the view");
    let (src, _, content) = texts(&doc, a);
    assert_eq!(src, "Many ferry riders");
    assert_eq!(content, vec!["the new timetable as a step backwards"]);

    // without "as" it is no view ("saw the harbour")
    let (_, found) = attrs("Tourists saw the harbour from the old bridge.");
    assert!(found.is_empty());
}

#[test]
fn final_cue_after_a_coordinated_source() {
    let (doc, found) = attrs(
        "The inquiry looked at whether the ferry logs were altered, port officials and \
         harbour pilots said.",
    );
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(src, "port officials and harbour pilots");
    assert_eq!(cue, "said");
    assert_eq!(
        content,
        vec!["The inquiry looked at whether the ferry logs were altered"]
    );
}

#[test]
fn participle_after_a_quoted_comma_borrows_the_speaker() {
    let (doc, found) = attrs(
        "Ann Lee called the new timetable “a mess,” adding that the ferry board would meet soon.",
    );
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "adding"))
        .expect("the participle after the quoted comma");
    let (src, _, content) = texts(&doc, a);
    assert_eq!(src, "Ann Lee");
    assert_eq!(content, vec!["that the ferry board would meet soon"]);
}

#[test]
fn appear_before_a_judgement_word_is_a_cue() {
    let (doc, found) = attrs("The ferry board appeared poised to approve the levy.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("", "appeared"));
    assert_eq!(
        content,
        vec!["The ferry board", "poised to approve the levy"]
    );

    // a physical appearance is no judgement
    let (_, found) = attrs("The harbour master appeared on the evening news.");
    assert!(found.is_empty());
}

#[test]
fn coordinated_cue_after_an_appositive_subject() {
    let (doc, found) =
        attrs("Tom Hale, a former ferry captain, joined the board and said the levy was too high.");
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "said"))
        .expect("the coordinated cue");
    let (src, _, content) = texts(&doc, a);
    assert_eq!(src, "Tom Hale");
    assert_eq!(content, vec!["the levy was too high"]);
}

#[test]
fn source_with_an_aside_holding_a_verb() {
    let (doc, found) = attrs(
        "A port official, who was not cleared to speak about the private talks, said the \
         ferry would run on Sunday.",
    );
    let a = found
        .iter()
        .find(|a| a.cue.is_some_and(|c| doc.span_text(c) == "said"))
        .expect("the outer attribution");
    let (src, _, content) = texts(&doc, a);
    assert_eq!(
        src,
        "A port official, who was not cleared to speak about the private talks,"
    );
    assert_eq!(content, vec!["the ferry would run on Sunday"]);
}

#[test]
fn inverted_cue_with_a_long_source() {
    let (doc, found) = attrs(
        "But that is not good enough, said Ann Lee, a harbour economist at the Dover \
         Institute, who has studied the port for years.",
    );
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        src,
        "Ann Lee, a harbour economist at the Dover Institute, who has studied the port for years"
    );
    assert_eq!(cue, "said");
    assert_eq!(content, vec!["that is not good enough"]);
}

#[test]
fn participle_after_a_comma_finds_a_lower_case_subject() {
    let (doc, found) =
        attrs("Both ferry captains waited by the pier, saying that the levy would hurt riders.");
    assert_eq!(found.len(), 1);
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Both ferry captains", "saying")
    );
    assert_eq!(content, vec!["that the levy would hurt riders"]);
}

/// The source and cue texts of the attribution whose cue reads `cue`.
fn source_of(text: &str, cue: &str) -> (String, String) {
    let (doc, found) = attrs(text);
    let a = found
        .iter()
        .find(|a| {
            a.cue
                .is_some_and(|c| doc.span_text(c).to_ascii_lowercase().ends_with(cue))
        })
        .unwrap_or_else(|| panic!("no attribution with the cue {cue:?} in {text:?}"));
    let (src, cue, _) = texts(&doc, a);
    (src, cue)
}

#[test]
fn relative_clause_after_a_final_source_describes_the_speaker() {
    let (src, _) = source_of("“We are ready,” said Ann Lee, who backs the mayor.", "said");
    assert_eq!(src, "Ann Lee, who backs the mayor");
    let (src, _) = source_of(
        "“The count was fair,” said a poll worker who has worked the polls since 2019.",
        "said",
    );
    assert_eq!(src, "a poll worker who has worked the polls since 2019");
    // a clause that reports speech of its own is a separate attribution
    let (src, _) = source_of(
        "“We are ready,” said Ann Lee, who added that the vote was fair.",
        "said",
    );
    assert_eq!(src, "Ann Lee");
    let (src, _) = source_of(
        "“We are ready,” said Ann Lee, who added that the vote was fair.",
        "added",
    );
    assert_eq!(src, "who");
}

#[test]
fn appositive_dated_by_now_or_then_stays_in_the_source() {
    let (src, _) = source_of(
        "“It was a mistake,” recalled Tom Hale, then ambassador to Peru.",
        "recalled",
    );
    assert_eq!(src, "Tom Hale, then ambassador to Peru");
    let (src, _) = source_of(
        "“Nobody expected it,” said Rosa Lind, now a lawyer in Ames.",
        "said",
    );
    assert_eq!(src, "Rosa Lind, now a lawyer in Ames");
}

#[test]
fn participle_and_coordinated_cues_borrow_the_subject_after_an_opening_phrase() {
    let (src, _) = source_of(
        "By the end of the day, Mayor Ruth Okafor had changed course and said the plan was dead.",
        "said",
    );
    assert_eq!(src, "Mayor Ruth Okafor");
    let (src, _) = source_of(
        "Hours later, Senator Ben Ortiz returned to the podium, telling reporters that the \
         bill would pass.",
        "telling",
    );
    assert_eq!(src, "Senator Ben Ortiz");
    let (src, _) = source_of(
        "By Sunday afternoon she had cancelled the rally, citing the weather.",
        "citing",
    );
    assert_eq!(src, "she");
}

#[test]
fn clause_before_a_participle_cue_is_no_appositive_source() {
    let (src, cue) = source_of(
        "In a speech on Monday, Governor Ana Ruiz took a cautious line, saying the state \
         would recover.",
        "saying",
    );
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Governor Ana Ruiz", "saying")
    );
}

#[test]
fn serial_comma_list_is_one_source() {
    let (src, _) = source_of(
        "Farmers, truck drivers, and local officials say the new toll is unfair.",
        "say",
    );
    assert_eq!(src, "Farmers, truck drivers, and local officials");
}

#[test]
fn floating_quantifier_and_time_adverb_join_the_cue() {
    let (src, cue) = source_of(
        "Mayor Lee and Governor Park both said the bridge would reopen.",
        "said",
    );
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Mayor Lee and Governor Park", "both said")
    );
    let (src, cue) = source_of(
        "Fact-checkers soon noted that the figure was wrong.",
        "noted",
    );
    assert_eq!(
        (src.as_str(), cue.as_str()),
        ("Fact-checkers", "soon noted")
    );
}

#[test]
fn headline_tag_before_a_colon_is_no_source() {
    let (doc, found) = attrs("Revealed: The mayor's secret budget plan for next year.");
    let sources: Vec<&str> = found
        .iter()
        .filter_map(|a| a.source.map(|s| doc.span_text(s)))
        .collect();
    assert!(!sources.contains(&"Revealed"), "{sources:?}");
}

#[test]
fn participle_after_a_quote_takes_the_quote_speaker() {
    let (src, _) = source_of(
        "“We had a good night. We will win in May,” Lee said, adding that turnout was high.",
        "adding",
    );
    assert_eq!(src, "Lee");
}

#[test]
fn opening_phrase_is_no_part_of_a_source_on_the_left() {
    let (src, _) = source_of(
        "In separate interviews, three former harbour aides said the budget was padded.",
        "said",
    );
    assert_eq!(src, "three former harbour aides");
}

#[test]
fn subject_of_a_contact_relative_clause_is_the_source() {
    let (src, _) = source_of(
        "The council passed the levy, a measure many residents believe will raise rents.",
        "believe",
    );
    assert_eq!(src, "many residents");
}

#[test]
fn noun_in_ly_before_the_cue_stays_in_the_source() {
    let (src, _) = source_of(
        "The driver was released on Friday, lawyers for the family said.",
        "said",
    );
    assert_eq!(src, "lawyers for the family");
}

#[test]
fn clause_words_before_a_source_stay_out_of_it() {
    let (src, _) = source_of(
        "The gap between what the plan promises and how economists say it would work is wide.",
        "say",
    );
    assert_eq!(src, "economists");
    let (src, _) = source_of(
        "Perhaps the moderators will demand more details on the plan.",
        "demand",
    );
    assert_eq!(src, "the moderators");
}

#[test]
fn neither_nor_conjuncts_are_one_source() {
    let (src, _) = source_of(
        "Neither Mayor Lee nor Governor Park said whether the bridge would reopen.",
        "said",
    );
    assert_eq!(src, "Neither Mayor Lee nor Governor Park");
}

#[test]
fn place_after_a_common_noun_source_on_the_right_stays_in_it() {
    let (src, _) = source_of(
        "“We were surprised,” said one official in the room.",
        "said",
    );
    assert_eq!(src, "one official in the room");
    let (src, _) = source_of(
        "“We were surprised,” said Ann Lee in the afternoon.",
        "said",
    );
    assert_eq!(src, "Ann Lee");
}

#[test]
fn content_cut_before_a_coordinated_cue_drops_the_coordinator() {
    let content_of = |text: &str, cue: &str| {
        let (doc, found) = attrs(text);
        found
            .iter()
            .map(|a| texts(&doc, a))
            .find(|(_, c, _)| c == cue)
            .map(|(_, _, content)| content)
    };
    assert_eq!(
        content_of(
            "The senator called on the minister to resign from his post and said, \"His time is up.\"",
            "called on"
        ),
        Some(vec!["the minister to resign from his post".to_string()])
    );
    assert_eq!(
        content_of(
            "At one point a voter asked for a photo and Lee said, \"Of course.\"",
            "asked for"
        ),
        Some(vec!["a photo".to_string()])
    );
}

#[test]
fn called_after_an_indefinite_noun_names_a_thing() {
    let (_, found) = attrs("She founded a small group called Parents for Parks in 2019.");
    assert!(found.is_empty());
    let (doc, found) = attrs("The group called the plan a disgrace.");
    let (src, cue, content) = texts(&doc, &found[0]);
    assert_eq!((src.as_str(), cue.as_str()), ("The group", "called"));
    assert_eq!(content, vec!["the plan a disgrace"]);
}
