//! Words in the reader's language: the story's sentences, the goods and country names.

/// What goods a table holds, in words.
pub mod goods;
/// Country names in Ukrainian and Russian.
pub mod names;
/// The story's sentences in English, Ukrainian and Russian.
pub mod words;
/// Whose reports a file's figures are, in words.
pub mod whose;
