//! Locating the third-party data folder (`../shared`) that tests and
//! evaluation commands read; nothing from it is built into dyad.
//!
//! One setting: the `DYAD_SHARED` environment variable; without it, `../shared`
//! relative to the current directory, then relative to the workspace root.

use std::path::{Path, PathBuf};

/// The shared data folder, when it exists.
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DYAD_SHARED") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    let candidates = [
        PathBuf::from("../shared"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    ];
    candidates.into_iter().find(|d| d.join("eval").is_dir())
}

/// A path inside the shared folder, when the folder and that path exist.
pub fn shared_path(relative: &str) -> Option<PathBuf> {
    let path = shared_dir()?.join(relative);
    path.exists().then_some(path)
}

/// For tests: the shared path, or `None` after printing a one-line skip
/// message naming what is missing.
pub fn shared_or_skip(relative: &str) -> Option<PathBuf> {
    let found = shared_path(relative);
    if found.is_none() {
        eprintln!("skipped: {relative} not found (set DYAD_SHARED to the shared data folder)");
    }
    found
}
