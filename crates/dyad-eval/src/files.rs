//! Listing the gold files of a set.

use std::path::{Path, PathBuf};

use crate::error::EvalError;

/// Files under `dir` (recursively) whose extension is `ext`, sorted by path.
pub fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    let mut out = Vec::new();
    collect(dir, ext, &mut out)?;
    out.sort();
    Ok(out)
}

fn collect(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    for entry in std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))? {
        let path = entry.map_err(|e| EvalError::io(dir, e))?.path();
        if path.is_dir() {
            collect(&path, ext, out)?;
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    Ok(())
}
