//! Evaluation of the sentences stage (not written yet).
