//! Scraped text → paragraph units.
//!
//! Blank lines separate blocks. Inside a block, an indented line starts a new
//! paragraph (wire copy such as Reuters indents paragraphs without blank
//! lines). A block of short lines is one paragraph hard-wrapped by the
//! source, and its lines are joined with spaces; a block of long lines holds
//! one paragraph per line (pages scraped line by line).

/// Longest line (in characters) still taken as a hard-wrapped line.
const WRAP_WIDTH: usize = 100;

/// One paragraph candidate: its text (lines joined) and whether it was a
/// single physical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub text: String,
    pub single_line: bool,
}

/// Split normalised text (only `\n` newlines) into units.
pub fn split_units(text: &str) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            flush_block(&mut block, &mut units);
        } else {
            block.push(line.trim_end());
        }
    }
    flush_block(&mut block, &mut units);
    units
}

fn flush_block(block: &mut Vec<&str>, units: &mut Vec<Unit>) {
    if block.is_empty() {
        return;
    }
    let wrapped = block.len() > 1 && block.iter().all(|l| l.chars().count() <= WRAP_WIDTH);
    if wrapped {
        // Indented lines start paragraphs; other lines continue the current one.
        let mut current: Vec<&str> = Vec::new();
        for (i, line) in block.iter().enumerate() {
            let indented = line.starts_with("  ") || line.starts_with('\t');
            if i > 0 && indented && !current.is_empty() {
                push_unit(&current, units);
                current.clear();
            }
            current.push(line.trim());
        }
        push_unit(&current, units);
    } else {
        for line in block.iter() {
            push_unit(&[line.trim()], units);
        }
    }
    block.clear();
}

fn push_unit(lines: &[&str], units: &mut Vec<Unit>) {
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    if !text.is_empty() {
        units.push(Unit {
            text,
            single_line: lines.len() == 1,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_copy_indents_paragraphs() {
        let text = "TITLE LINE\n    LONDON, March 2 - Talks went on\nall day.\n    A second paragraph\nfollows here.";
        let units = split_units(text);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "TITLE LINE",
                "LONDON, March 2 - Talks went on all day.",
                "A second paragraph follows here."
            ]
        );
    }

    #[test]
    fn long_lines_stay_separate() {
        let long = "x".repeat(150);
        let text = format!("{long}\n{long} more");
        assert_eq!(split_units(&text).len(), 2);
    }
}
