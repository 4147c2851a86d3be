//! What the page's questions are answered with: each route's figures over the years, the products on a
//! route, a hub's evidence, the largest pairs, a reader's cut, the IMF's estimates.

/// The questions the page asks of a loaded table, and the answers.
pub mod ask;
/// A reader's file cut down to the routes, for the page.
pub mod cut;
/// The evidence view worded: a hub's legs, the difference in differences, the mirror gap.
pub mod evidence;
/// Each route's figures for one year.
pub mod figures;
/// A hub's re-export evidence per product, for the page.
pub mod hub;
/// Which figures are the IMF's estimates (Russia's after 2021), not a country's own report.
pub mod imf;
/// The products on a route, ranked, for the page's product table.
pub mod products;
/// One route's difference in differences and mirror gap.
pub mod route_views;
/// Every year's figures for the routes of one table.
pub mod timeline;
/// The largest country pairs of any query, for files beyond the default routes.
pub mod top_flows;
