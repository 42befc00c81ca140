//! CAMEO's shifts of unrealised actions (refused, promised, planned or
//! possible) by the flags read around the trigger.

use dyad_core::Modality;

use crate::flags::Flags;

/// CAMEO's coding of unrealised actions: a refused cooperation is a
/// rejection (12), a promised, planned or possible cooperation an intent to
/// cooperate (03), a promised or possible sanction, coercion or attack a
/// threat (13). Statements, appeals and verbal conflict keep their code.
pub fn shift_code(code: &str, f: Flags) -> Option<&'static str> {
    let root = code.get(..2)?;
    let sub = code.get(2..3).unwrap_or("0");
    if f.refusal {
        return Some(match root {
            "03" | "05" => "120",
            "04" => "125",
            "06" => "121",
            "07" => "122",
            "08" => "124",
            _ => return None,
        });
    }
    if f.modality == Modality::Asserted || f.negated {
        return None;
    }
    // "tried to hack": an attempted coercion or attack was carried out
    if f.attempt && matches!(root, "15" | "16" | "17" | "18" | "19" | "20") {
        return None;
    }
    Some(match (root, sub) {
        ("04", _) => "036",
        ("05", _) => "032",
        ("06", "1") => "0311",
        ("06", "2") => "0312",
        ("06", "3") => "0313",
        ("06", "4") => "0314",
        ("06", _) => "031",
        ("07", "1") => "0331",
        ("07", "2") => "0332",
        ("07", "3") => "0333",
        ("07", "4") => "0334",
        ("07", _) => "033",
        ("08", "4") => "0353",
        ("08", "5") => "0354",
        ("08", "6") => "0355",
        ("08", "7") => "0356",
        ("08", _) => "035",
        ("16", "1") => "1313",
        ("16", "2") => "1311",
        ("16", "3") => "1312",
        ("16", "4") => "134",
        ("16", "6") => "136",
        ("16", _) => "131",
        ("17", "3") | ("17", "4") => "131",
        ("17", "5") => "137",
        ("17", _) => "132",
        ("15" | "18" | "19" | "20", _) => "138",
        _ => return None,
    })
}
