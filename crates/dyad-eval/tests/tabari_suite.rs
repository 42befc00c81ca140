//! The TABARI validation suite through dyad's coder (issue 7): the reader
//! agrees with the derived JSONL conversion, and the share of records matched
//! does not fall below what was reached. Skips when ../shared is absent.

use std::collections::HashMap;

use dyad_code::tabari::Project;

/// Share reached when this test was written, minus a small margin.
const MIN_SHARE: f64 = 0.91;

#[test]
fn reader_agrees_with_the_derived_conversion() {
    let Some(project) = dyad_eval::shared::shared_or_skip("eval/events/tabari/Validate.project")
    else {
        return;
    };
    let Some(jsonl) =
        dyad_eval::shared::shared_or_skip("eval/events/derived/tabari_validate.jsonl")
    else {
        return;
    };
    let p = Project::load(&project).expect("Validate.project loads");
    let text = std::fs::read_to_string(jsonl).expect("jsonl readable");
    let mut derived: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("jsonl line");
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let n = v["expected"].as_array().map(Vec::len).unwrap_or(0);
        let none = v["expect_noevents"].as_bool().unwrap_or(false);
        derived.entry(id).or_default().push((n, none));
    }
    let total: usize = derived.values().map(Vec::len).sum();
    let mut ours: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
    // 8-digit dates are records under `SET: YYYY = TRUE` (YYYY-01 …); the
    // derived conversion reads 6-digit dates only
    for r in p.records.iter().filter(|r| r.date.len() == 6) {
        ours.entry(r.id.clone())
            .or_default()
            .push((r.expected.len(), r.expect_none));
    }
    let mut diff: Vec<String> = ours
        .iter()
        .filter(|(k, v)| derived.get(*k) != Some(*v))
        .map(|(k, v)| format!("{k}: ours {v:?}, derived {:?}", derived.get(k)))
        .collect();
    diff.extend(
        derived
            .keys()
            .filter(|k| !ours.contains_key(*k))
            .map(|k| format!("{k}: missing")),
    );
    diff.sort();
    assert!(diff.is_empty(), "records differ:\n{}", diff.join("\n"));
    assert_eq!(
        p.records.iter().filter(|r| r.date.len() == 6).count(),
        total,
        "record count"
    );
    let expected: usize = p
        .records
        .iter()
        .filter(|r| r.date.len() == 6)
        .map(|r| r.expected.len())
        .sum();
    assert_eq!(expected, 523);
}

#[test]
fn suite_share_does_not_regress() {
    let Some(project) = dyad_eval::shared::shared_or_skip("eval/events/tabari/Validate.project")
    else {
        return;
    };
    let (report, _, _) = dyad_eval::tabari::evaluate(&project).expect("suite runs");
    assert!(
        report.tally.records >= 475,
        "{} records",
        report.tally.records
    );
    assert!(
        report.tally.share >= MIN_SHARE,
        "TABARI suite share {:.3} fell below {MIN_SHARE}",
        report.tally.share
    );
}
