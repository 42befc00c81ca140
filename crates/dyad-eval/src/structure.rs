//! Evaluation of the structure stage (not written yet).
