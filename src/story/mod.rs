//! The default story: the routes China → Kazakhstan, Kyrgyzstan → Russia, year by year.
//!
//! This is the layer between the query engine and the map: it picks, for each route, the value to draw,
//! both sides' reports, the growth against the baseline year and the mirror gap.

/// Each route's figures for one year.
pub mod figures;
/// The routes' figures turned into the map's flows.
pub mod map;
/// The routes over time, as a plotters line chart.
pub mod chart;
/// Every year's figures for the routes of one table.
pub mod timeline;
/// Routes with names and sentences for the panel and the tooltip.
pub mod view;
/// The published headline figures shown beside the map, read and checked.
pub mod headlines;
/// A guided story's steps, read and checked.
pub mod steps;

pub use figures::{route_figures, RouteFigures, Side};
pub use timeline::Timeline;
pub use view::{route_views, RouteView};
pub use headlines::{parse_headlines, Headline};
pub use steps::{parse_steps, Period, Step, Steps};

/// The default routes: origin → hubs and hubs → destination.
pub const DEFAULT_ROUTES: [(&str, &str); 4] = [("CHN", "KAZ"), ("CHN", "KGZ"), ("KAZ", "RUS"), ("KGZ", "RUS")];

/// Where the routes lead.
pub const DESTINATION: &str = "RUS";

/// The year before the invasion: growth is measured against it.
pub const BASELINE_YEAR: u16 = 2021;
