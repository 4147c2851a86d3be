//! The default story: the routes China → Kazakhstan, Kyrgyzstan → Russia, year by year.
//!
//! This is the layer between the query engine and the map: it picks, for each route, the value to draw,
//! both sides' reports, the growth against the baseline year and the mirror gap.

/// What the page's questions are answered with: each route's figures, the timeline, products, hubs, cuts.
pub mod answers;
/// The charts beside the map, on any plotters backend: lines over time and paired bars.
pub mod charts;
/// Words in the reader's language: the story's sentences and country names.
pub mod language;
/// A story as a folder: `story.json` and its data, checked.
pub mod folder;
/// The published headline figures, and ours beside them.
pub mod published;
/// What the map shows: the routes on show, the focus, the link's state, story steps, colours.
pub mod view;

pub use answers::figures::{RouteFigures, Side};
pub use answers::timeline::Timeline;
pub use published::headlines::{parse_headlines, Headline};
pub use view::routes::{route_views, RouteView};

/// The default routes: origin → hubs and hubs → destination.
pub const DEFAULT_ROUTES: [(&str, &str); 4] = [("CHN", "KAZ"), ("CHN", "KGZ"), ("KAZ", "RUS"), ("KGZ", "RUS")];

/// Where the routes lead.
pub const DESTINATION: &str = "RUS";

/// The year before the invasion: growth is measured against it.
pub const BASELINE_YEAR: u16 = 2021;

/// Russia's full-scale invasion of Ukraine, 24 February 2022, on the chart's time axis.
pub const INVASION_AT: f64 = 2022.0 + 54.0 / 365.0;
