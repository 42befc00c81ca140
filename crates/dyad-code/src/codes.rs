//! The CAMEO code table (`data/events/cameo.txt`): name, Goldstein score,
//! QuadClass and PLOVER event type and mode for every CAMEO event code.

use std::collections::HashMap;

use crate::error::CodeError;

/// The embedded default table.
pub const DEFAULT_TABLE: &str = include_str!("../../../data/events/cameo.txt");

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    /// "042".
    pub code: String,
    /// "Make a visit".
    pub name: String,
    pub goldstein: f32,
    /// GDELT QuadClass 1–4.
    pub quad_class: u8,
    /// PLOVER event type ("CONSULT"), none for the 01 statement codes.
    pub plover: Option<String>,
    /// PLOVER mode ("visit"), when the code has one.
    pub plover_mode: Option<String>,
}

impl CodeInfo {
    /// The two-digit CAMEO root ("04").
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// GDELT's QuadClass convention for a two-digit root: 01–05 verbal
/// cooperation (1), 06–09 material cooperation (2), 10–14 verbal conflict
/// (3), 15–20 material conflict (4).
pub fn quad_class_of_root(root: u8) -> Option<u8> {
    match root {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

/// All codes, looked up by code string.
#[derive(Debug, Clone)]
pub struct CodeTable {
    codes: HashMap<String, CodeInfo>,
    order: Vec<String>,
}

impl CodeTable {
    /// The embedded table.
    pub fn embedded() -> Self {
        CodeTable::parse("cameo.txt", DEFAULT_TABLE)
            .expect("embedded data/events/cameo.txt is valid (guarded by a test)")
    }

    /// Parse the table format documented in `data/events/README.md`.
    pub fn parse(file: &str, text: &str) -> Result<Self, CodeError> {
        let mut codes = HashMap::new();
        let mut order = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let info = parse_line(line).map_err(|m| CodeError::syntax(file, i + 1, m))?;
            if codes.contains_key(&info.code) {
                return Err(CodeError::syntax(
                    file,
                    i + 1,
                    format!("duplicate code {}", info.code),
                ));
            }
            order.push(info.code.clone());
            codes.insert(info.code.clone(), info);
        }
        Ok(CodeTable { codes, order })
    }

    /// The entry for a code ("042", "0231", "19").
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        self.codes.get(code)
    }

    /// Every code in table order.
    pub fn iter(&self) -> impl Iterator<Item = &CodeInfo> {
        self.order.iter().filter_map(|c| self.codes.get(c))
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

fn parse_line(line: &str) -> Result<CodeInfo, String> {
    let mut rest = line;
    let mut field = || -> Result<&str, String> {
        let t = rest.trim_start();
        let end = t.find(char::is_whitespace).ok_or("missing columns")?;
        let (f, r) = t.split_at(end);
        rest = r;
        Ok(f)
    };
    let code = field()?.to_string();
    let goldstein: f32 = field()?.parse().map_err(|_| "bad Goldstein score")?;
    let quad_class: u8 = field()?.parse().map_err(|_| "bad QuadClass")?;
    let plover = field()?;
    let mode = field()?;
    let name = rest.trim().to_string();
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad CAMEO code {code:?}"));
    }
    let root: u8 = code
        .get(..2)
        .and_then(|r| r.parse().ok())
        .ok_or("bad root")?;
    if quad_class_of_root(root) != Some(quad_class) {
        return Err(format!(
            "QuadClass {quad_class} does not follow the GDELT convention for root {root:02}"
        ));
    }
    if !(-10.0..=10.0).contains(&goldstein) {
        return Err("Goldstein score out of -10..10".into());
    }
    if name.is_empty() {
        return Err("missing name".into());
    }
    let opt = |s: &str| (s != "-").then(|| s.to_string());
    Ok(CodeInfo {
        code,
        name,
        goldstein,
        quad_class,
        plover: opt(plover),
        plover_mode: opt(mode),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_has_every_root_and_known_values() {
        let t = CodeTable::embedded();
        assert!(t.len() > 300, "{} codes", t.len());
        for r in 1..=20 {
            assert!(t.get(&format!("{r:02}")).is_some(), "root {r:02}");
        }
        let visit = t.get("042").expect("042");
        assert_eq!(visit.plover.as_deref(), Some("CONSULT"));
        assert_eq!(visit.plover_mode.as_deref(), Some("visit"));
        assert_eq!(visit.quad_class, 1);
        assert_eq!(t.get("190").map(|c| c.goldstein), Some(-10.0));
        assert_eq!(t.get("173").map(|c| c.quad_class), Some(4));
        assert_eq!(t.get("012").map(|c| c.goldstein), Some(-0.4));
        assert_eq!(t.get("012").and_then(|c| c.plover.clone()), None);
    }

    #[test]
    fn bad_lines_are_reported_with_position() {
        let err = CodeTable::parse("x.txt", "# c\n042  1.9  3  CONSULT visit Make a visit\n");
        assert!(
            matches!(err, Err(CodeError::Syntax { line: 2, .. })),
            "{err:?}"
        );
        assert!(CodeTable::parse("x.txt", "04x 1.0 1 - - Bad").is_err());
    }
}
