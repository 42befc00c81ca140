//! Statistical named-entity recogniser (PER/ORG/LOC/MISC) over tokens.
//!
//! Not written yet.
