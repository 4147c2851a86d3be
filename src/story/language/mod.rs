//! Words in the reader's language: the story's sentences and country names.

/// Country names in Ukrainian and Russian.
pub mod names;
/// The story's sentences in English, Ukrainian and Russian.
pub mod words;
