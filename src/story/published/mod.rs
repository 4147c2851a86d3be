//! The published headline figures: read and checked, ours beside them, and as the map's flows.

/// The published figures on the sanctioned goods beside a reader's file's own.
pub mod beside;
/// Our figures beside the published headline figures.
pub mod compare;
/// The published headline figures shown beside the map, read and checked.
pub mod headlines;
/// The published figures of one period as the map's flows.
pub mod map;
/// The published figures on the sanctioned goods, route by route and period by period.
pub mod view;
/// The published figures in words, for the site's build.
pub mod words;
