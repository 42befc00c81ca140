//! Evaluation of the time stage (not written yet).
