//! Evaluation of the quotes stage (not written yet).
