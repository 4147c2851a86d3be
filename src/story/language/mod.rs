//! Words in the reader's language: the story's sentences, the goods and country names.

/// What "all goods" and "to the world" read in a file with aggregate rows.
pub mod basis;
/// The published figures beside a reader's file, in words.
pub mod beside;
/// The page's texts in Ukrainian and Russian, as data.
pub mod dictionary;
/// The evidence view's sentences.
pub mod evidence;
/// The HS nomenclature's labels: a section's title, the button choosing a code.
pub mod hs;
/// What goods a table holds, in words.
pub mod goods;
/// The line under the file input once a file is shown.
pub mod loaded;
/// Our figure beside a published one, in words.
pub mod ours;
/// The products table's sentences.
pub mod products;
/// Country names in Ukrainian and Russian.
pub mod names;
/// Whether two names are the same as a reader types them: any case, any accents.
pub mod same_name;
/// The country search's answers.
pub mod search;
/// The story's sentences in English, Ukrainian and Russian.
pub mod words;
/// Countries as a reader types a list of them, read as codes.
pub mod typed_countries;
/// Whose reports a file's figures are, in words.
pub mod whose;
/// A zip's tables offered to the reader before reading: their rows, about, and whether they fit.
pub mod zip_offer;
