//! Segmenter tests on news-style text written for dyad (no third-party text).

use super::split_sentences;

fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|s| s.slice(text).unwrap_or("<bad span>"))
        .collect()
}

#[test]
fn plain_sentences() {
    assert_eq!(
        sentences("The ministers met on Monday. They agreed on a ceasefire! Will it hold?"),
        [
            "The ministers met on Monday.",
            "They agreed on a ceasefire!",
            "Will it hold?"
        ]
    );
}

#[test]
fn empty_and_blank_text() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\n\t ").is_empty());
    assert_eq!(sentences("  Rain fell.  "), ["Rain fell."]);
}

#[test]
fn titles_never_end_a_sentence() {
    let text = "Mr. Lavrov met Dr. Chen and Gen. Petraeus. Sen. Warren, Rep. Cole and Gov. \
                Hochul spoke later. Lt. Col. Adams stayed in St. Petersburg.";
    assert_eq!(
        sentences(text),
        [
            "Mr. Lavrov met Dr. Chen and Gen. Petraeus.",
            "Sen. Warren, Rep. Cole and Gov. Hochul spoke later.",
            "Lt. Col. Adams stayed in St. Petersburg."
        ]
    );
}

#[test]
fn acronyms_inside_a_sentence() {
    let text = "The U.S. Air Force and the U.N. Security Council met U.K. officials. \
                They disagreed.";
    assert_eq!(
        sentences(text),
        [
            "The U.S. Air Force and the U.N. Security Council met U.K. officials.",
            "They disagreed."
        ]
    );
}

#[test]
fn abbreviation_that_also_ends_the_sentence() {
    let text = "The envoy arrived in the U.S. The talks begin on Friday. \
                Shares of Acme Inc. But the board had doubts. \
                He flew on to the U.K. He returns on Sunday.";
    assert_eq!(
        sentences(text),
        [
            "The envoy arrived in the U.S.",
            "The talks begin on Friday.",
            "Shares of Acme Inc.",
            "But the board had doubts.",
            "He flew on to the U.K.",
            "He returns on Sunday."
        ]
    );
}

#[test]
fn company_suffixes_and_dates() {
    let text = "Acme Corp. and Globex Ltd. signed a deal with Initech Co. on Jan. 5. \
                The deal, dated Feb. 12, covers No. 2 plants. Talks resume in Sept. \
                Both sides agreed.";
    assert_eq!(
        sentences(text),
        [
            "Acme Corp. and Globex Ltd. signed a deal with Initech Co. on Jan. 5.",
            "The deal, dated Feb. 12, covers No. 2 plants.",
            "Talks resume in Sept.",
            "Both sides agreed."
        ]
    );
}

#[test]
fn number_abbreviations() {
    let text = "The No. 2 seed lost. Asked if he would run again, he replied: \"No. Never.\" \
                See pp. 4-6 of Vol. 3 for details.";
    assert_eq!(
        sentences(text),
        [
            "The No. 2 seed lost.",
            "Asked if he would run again, he replied: \"No.",
            "Never.\"",
            "See pp. 4-6 of Vol. 3 for details."
        ]
    );
}

#[test]
fn states_after_towns() {
    let text = "The donor lives in Mount Prospect, Ill. Records show he gave $5,000. \
                Officials in Everett, Wash., agreed. Calif. Gov. Brown signed it.";
    assert_eq!(
        sentences(text),
        [
            "The donor lives in Mount Prospect, Ill.",
            "Records show he gave $5,000.",
            "Officials in Everett, Wash., agreed.",
            "Calif. Gov. Brown signed it."
        ]
    );
    let text = "RENO, Nev. (AP) — The senator spoke. DECATUR, Ill. — Mr. Cruz did too.";
    assert_eq!(
        sentences(text),
        [
            "RENO, Nev. (AP) — The senator spoke.",
            "DECATUR, Ill. — Mr. Cruz did too."
        ]
    );
}

#[test]
fn vs_and_etc() {
    let text = "The case of Smith vs. Jones went on. Fuel, food, etc. were scarce. \
                They sent tents, blankets, etc. The convoy left at dawn.";
    assert_eq!(
        sentences(text),
        [
            "The case of Smith vs. Jones went on.",
            "Fuel, food, etc. were scarce.",
            "They sent tents, blankets, etc.",
            "The convoy left at dawn."
        ]
    );
}

#[test]
fn initials() {
    let text = "George W. Bush met bankers from J.P. Morgan. Analyst Maria T. Ruiz \
                agreed, said spokesman J. Allard. Officials had no Plan B. The markets fell. \
                Rep. Robert C. \"Bobby\" Scott spoke.";
    assert_eq!(
        sentences(text),
        [
            "George W. Bush met bankers from J.P. Morgan.",
            "Analyst Maria T. Ruiz agreed, said spokesman J. Allard.",
            "Officials had no Plan B.",
            "The markets fell.",
            "Rep. Robert C. \"Bobby\" Scott spoke."
        ]
    );
}

#[test]
fn numbers_and_versions() {
    let text = "Growth slowed to 3.5 percent, or $3.5 billion, in 2008. 60 percent of \
                firms upgraded to version 10.4.2 by 9 a.m. Tuesday. Sales rose 1,400 units.";
    assert_eq!(
        sentences(text),
        [
            "Growth slowed to 3.5 percent, or $3.5 billion, in 2008.",
            "60 percent of firms upgraded to version 10.4.2 by 9 a.m. Tuesday.",
            "Sales rose 1,400 units."
        ]
    );
}

#[test]
fn time_abbreviation_ending_a_sentence() {
    let text = "The vote closed at 8 p.m. The count began at once.";
    assert_eq!(
        sentences(text),
        ["The vote closed at 8 p.m.", "The count began at once."]
    );
}

#[test]
fn quotes_that_close_a_sentence() {
    let text = "\"The outlook is positive.\" Analysts were less sure. \
                \u{201c}We will not give up,\u{201d} she said. \u{201c}Never.\u{201d} \
                The crowd cheered. He called it 'a disgrace.' Others agreed.";
    assert_eq!(
        sentences(text),
        [
            "\"The outlook is positive.\"",
            "Analysts were less sure.",
            "\u{201c}We will not give up,\u{201d} she said.",
            "\u{201c}Never.\u{201d}",
            "The crowd cheered.",
            "He called it 'a disgrace.'",
            "Others agreed."
        ]
    );
}

#[test]
fn question_inside_quotes_before_a_speech_verb() {
    let text = "\"Why now?\" asked the senator. \"Because we must!\" replied the minister.";
    assert_eq!(
        sentences(text),
        [
            "\"Why now?\" asked the senator.",
            "\"Because we must!\" replied the minister."
        ]
    );
}

#[test]
fn quote_after_an_abbreviation() {
    let text = "He said the rules came from the U.S. \"We did not write them.\"";
    assert_eq!(
        sentences(text),
        [
            "He said the rules came from the U.S.",
            "\"We did not write them.\""
        ]
    );
    let text = "\"Most of it goes to the U.S.\" The rest stays home.";
    assert_eq!(
        sentences(text),
        ["\"Most of it goes to the U.S.\"", "The rest stays home."]
    );
}

#[test]
fn brackets() {
    let text = "Acme N.V. (Acme) cut jobs. (The union objected.) Talks failed.";
    assert_eq!(
        sentences(text),
        [
            "Acme N.V. (Acme) cut jobs.",
            "(The union objected.)",
            "Talks failed."
        ]
    );
}

#[test]
fn ellipses() {
    let text = "\"We are disappointed ... Once we review it, we will decide.\" \
                The talks went on and on… until dawn. She paused... \"Enough...\" \
                He left.";
    assert_eq!(
        sentences(text),
        [
            "\"We are disappointed ... Once we review it, we will decide.\"",
            "The talks went on and on… until dawn.",
            "She paused... \"Enough...\"",
            "He left."
        ]
    );
}

#[test]
fn full_stop_before_an_ellipsis() {
    let text = "\"He should have been much tougher. ... What they did was wrong,\" she said.";
    assert_eq!(
        sentences(text),
        [
            "\"He should have been much tougher.",
            "... What they did was wrong,\" she said."
        ]
    );
}

#[test]
fn ellipsis_at_a_line_end() {
    let text = "The minister hesitated...\nThen he signed.";
    assert_eq!(
        sentences(text),
        ["The minister hesitated...", "Then he signed."]
    );
}

#[test]
fn blank_lines_always_end_a_sentence() {
    let text = "Oil prices rose\n\nGold fell on Monday\n \nTalks with Mr.\n\nSmith failed.";
    assert_eq!(
        sentences(text),
        [
            "Oil prices rose",
            "Gold fell on Monday",
            "Talks with Mr.",
            "Smith failed."
        ]
    );
}

#[test]
fn wrapped_lines_do_not_end_a_sentence() {
    let text = "The Kremlin said on Thursday it was too early to judge relations with\n\
                Washington, where President Smith met the foreign minister\n\
                Sergei Ivanov for talks that lasted two hours. The meeting was\n\
                described as frank.";
    assert_eq!(
        sentences(text),
        [
            "The Kremlin said on Thursday it was too early to judge relations with\n\
             Washington, where President Smith met the foreign minister\n\
             Sergei Ivanov for talks that lasted two hours.",
            "The meeting was\ndescribed as frank."
        ]
    );
}

#[test]
fn heading_lines() {
    let text = "Kremlin Guarded About Ties\nMay 12, 2017\nThe Kremlin said on Thursday it was \
                too early to say whether relations would improve after the meeting in Washington.";
    assert_eq!(
        sentences(text),
        [
            "Kremlin Guarded About Ties",
            "May 12, 2017",
            "The Kremlin said on Thursday it was too early to say whether relations would \
             improve after the meeting in Washington."
        ]
    );
    // a heading in capitals above a hard-wrapped paragraph
    let text = "MARKETS\n\
                Stocks in Tokyo fell sharply on Monday as investors sold shares of\n\
                exporters, and the yen rose against the dollar for a third day.";
    assert_eq!(sentences(text).len(), 2);
}

#[test]
fn wrapped_text_with_indented_paragraphs() {
    // The first line lost its dateline: it is short but goes on below.
    let text = "Acme Holdings Co and Globex North America\n\
                Inc said they plan to form a venture to manage the cash of both\n\
                companies, with the backing of their banks\n    \
                The venture will be called Acme Globex Trading and will be run\n\
                by Acme under the oversight of a joint committee.\n\
                Net profit 1.2 mln vs 0.8 mln\n\
                Sales 12.4 mln vs 11.9 mln";
    assert_eq!(
        sentences(text),
        [
            "Acme Holdings Co and Globex North America\n\
             Inc said they plan to form a venture to manage the cash of both\n\
             companies, with the backing of their banks",
            "The venture will be called Acme Globex Trading and will be run\n\
             by Acme under the oversight of a joint committee.",
            "Net profit 1.2 mln vs 0.8 mln",
            "Sales 12.4 mln vs 11.9 mln"
        ]
    );
}

#[test]
fn bullet_lines() {
    let text = "The package includes:\n\
                • Tax cuts for small firms\n\
                • A freeze on fuel duty\n\
                - New funds for rail\n\
                1. A review in June\n\
                The vote is on Friday.";
    assert_eq!(
        sentences(text),
        [
            "The package includes:",
            "Tax cuts for small firms",
            "A freeze on fuel duty",
            "New funds for rail",
            "A review in June",
            "The vote is on Friday."
        ]
    );
}

#[test]
fn dash_inside_wrapped_text_is_not_a_bullet() {
    let text =
        "The tankers are based on the A330\n- more often called the MRTT -\nand will fly in 2010.";
    assert_eq!(sentences(text).len(), 1);
}

#[test]
fn lowercase_brands_start_sentences() {
    let text = "Apple cut prices. iPhone sales rose. eBay gained too.";
    assert_eq!(
        sentences(text),
        [
            "Apple cut prices.",
            "iPhone sales rose.",
            "eBay gained too."
        ]
    );
}

#[test]
fn web_addresses_and_unknown_lowercase_abbreviations() {
    let text = "Shares of Amazon.com rose. The site, est. 1994, sold approx. four million items.";
    assert_eq!(
        sentences(text),
        [
            "Shares of Amazon.com rose.",
            "The site, est. 1994, sold approx. four million items."
        ]
    );
}

#[test]
fn unicode_spaces_and_offsets() {
    let text = "Zürich\u{a0}rallied.\u{a0}Genève fell.\u{2009}Paris held.";
    let spans = split_sentences(text);
    let got: Vec<&str> = spans.iter().filter_map(|s| s.slice(text)).collect();
    assert_eq!(got, ["Zürich\u{a0}rallied.", "Genève fell.", "Paris held."]);
}

/// Spans are ordered, non-overlapping, trimmed and on character boundaries
/// for any input (a deterministic pseudo-random sweep over awkward characters).
#[test]
fn spans_are_well_formed_on_arbitrary_input() {
    let alphabet: Vec<char> = "aZ .?!…\"'“”‘’()[]\n\n\t •-1.2$%U.S.Mr\u{a0}é,;:"
        .chars()
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..300 {
        let len = round % 80;
        let text: String = (0..len)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                alphabet[(seed >> 33) as usize % alphabet.len()]
            })
            .collect();
        let spans = split_sentences(&text);
        let mut last_end = 0;
        for s in &spans {
            assert!(
                s.start >= last_end && s.start < s.end,
                "{text:?}: {spans:?}"
            );
            let piece = s
                .slice(&text)
                .unwrap_or_else(|| panic!("{text:?}: bad span {s:?}"));
            assert_eq!(piece, piece.trim(), "{text:?}: untrimmed {piece:?}");
            last_end = s.end;
        }
        // every non-space character outside a bullet marker is covered
        let covered: usize = spans.iter().map(|s| s.len()).sum();
        assert!(covered <= text.len());
    }
}

#[test]
fn abbreviation_before_an_indented_paragraph() {
    let text = "    The issue of 200 mln dlrs of notes due 1992 is led by Lazard\n\
                Freres and Co.\n    Acme said the proceeds would repay debt.";
    assert_eq!(
        sentences(text),
        [
            "The issue of 200 mln dlrs of notes due 1992 is led by Lazard\nFreres and Co.",
            "Acme said the proceeds would repay debt."
        ]
    );
}
