//! What the map shows: the routes on show and their flows, the reader's focus, the view as a link, story
//! steps, and the colours of product groups.

/// The chart beside the map, drawn and sized.
pub mod chart;
/// The analysis views' choices of route and hub, worded.
pub mod choices;
/// A country the reader picked, and what hovering one says.
pub mod focus;
/// Zoom and pan gestures, and when the finer country shapes are wanted.
pub mod gesture;
/// Flows cut into bands by product group, and the key's colours.
pub mod group_colors;
/// The routes' figures turned into the map's flows.
pub mod map;
/// The page's state, changed one action at a time.
pub mod page;
/// What the page shows after an action, in one value.
pub mod snapshot;
/// The routes on show: the largest N, the rest summed as "other", each one's share.
pub mod on_show;
/// Routes with names and sentences for the panel and the tooltip.
pub mod routes;
/// Story mode: captioned views, read from JSON.
pub mod steps;
/// The view as a link's query string, parsed defensively.
pub mod url_state;
