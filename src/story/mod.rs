//! The default story: the routes China → Kazakhstan, Kyrgyzstan → Russia, year by year.
//!
//! This is the layer between the query engine and the map: it picks, for each route, the value to draw,
//! both sides' reports, the growth against the baseline year and the mirror gap.

/// A reader's file cut down to the routes, for the page.
pub mod cut;
/// Each route's figures for one year.
pub mod figures;
/// A country the reader picked, and what hovering one says.
pub mod focus;
/// The routes' figures turned into the map's flows.
pub mod map;
/// Flows cut into bands by product group, and the key's colours.
pub mod group_colors;
/// The routes over time, as a plotters line chart.
pub mod chart;
/// The routes on show: the largest N, the rest summed as "other", each one's share.
pub mod on_show;
/// The largest country pairs of any query, for files beyond the default routes.
pub mod top_flows;
/// Story mode: captioned views, read from JSON.
pub mod steps;
/// A story as a folder: `story.json` and its data, checked.
pub mod folder;
/// What goods a table holds, in words.
pub mod goods;
/// Country names in Ukrainian and Russian.
pub mod names;
/// Which figures are the IMF's estimates (Russia's after 2021), not a country's own report.
pub mod imf;
/// The story's sentences in English, Ukrainian and Russian.
pub mod words;
/// Every year's figures for the routes of one table.
pub mod timeline;
/// The view as a link's query string, parsed defensively.
pub mod url_state;
/// Routes with names and sentences for the panel and the tooltip.
pub mod view;
/// The published headline figures shown beside the map, read and checked.
pub mod headlines;
/// The products on a route, ranked, for the page's product table.
pub mod products;
/// A hub's re-export evidence per product, for the page.
pub mod hub;
/// Our figures beside the published headline figures.
pub mod published;
/// The published figures on the sanctioned goods, route by route and period by period.
pub mod published_view;
/// The published figures of one period as the map's flows.
pub mod published_map;
/// The questions the page asks of a loaded table, and the answers.
pub mod ask;
/// Paired bars (in against out, one side against the other), on any plotters backend.
pub mod bars;

pub use figures::{route_figures, RouteFigures, Side};
pub use timeline::Timeline;
pub use view::{route_views, RouteView};
pub use headlines::{parse_headlines, Headline};

/// The default routes: origin → hubs and hubs → destination.
pub const DEFAULT_ROUTES: [(&str, &str); 4] = [("CHN", "KAZ"), ("CHN", "KGZ"), ("KAZ", "RUS"), ("KGZ", "RUS")];

/// Where the routes lead.
pub const DESTINATION: &str = "RUS";

/// The year before the invasion: growth is measured against it.
pub const BASELINE_YEAR: u16 = 2021;

/// Russia's full-scale invasion of Ukraine, 24 February 2022, on the chart's time axis.
pub const INVASION_AT: f64 = 2022.0 + 54.0 / 365.0;
