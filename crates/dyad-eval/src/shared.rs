//! Locating the third-party data folder: see [`dyad_core::shared`].

pub use dyad_core::shared::{shared_dir, shared_or_skip, shared_path};
