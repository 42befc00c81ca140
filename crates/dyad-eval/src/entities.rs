//! Evaluation of the entities stage (not written yet).
