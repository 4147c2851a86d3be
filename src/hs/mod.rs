//! HS nomenclature: product codes, the CHPL tiers and product presets.

/// One product code: an HS code of 2, 4 or 6 digits, or `TOTAL` for all goods.
pub mod code;
/// The Common High Priority List (Feb 2024): 50 HS6 codes with their tiers.
pub mod chpl;
/// Product groups for the map's colours: the CHPL tiers, other goods, all goods.
pub mod group;
/// Product filters: named presets, chapters, codes and prefixes.
pub mod preset;
/// The codes box's suggestions ordered for the word typed.
pub mod suggest;

pub use chpl::{Tier, CHPL};
pub use code::HsCode;
pub use group::Group;
pub use preset::ProductFilter;
