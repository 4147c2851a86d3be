//! What the page shows after an action, in one value: the controls' settings, the routes for the panel,
//! the table and the tooltip, the chart's table, the country list, the links, and what changed. Data only:
//! the page ([`super::page::Page`]) fills it.

use serde::Serialize;

use crate::story::view::focus::Direction;
use crate::story::{RouteView, Side};

/// Everything the shell must show after an action.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub year: u16,
    /// The years the data holds, oldest first.
    pub years: Vec<u16>,
    pub side: Side,
    /// Whether the "reported by" menu can change anything: some route has both sides' reports in a year.
    pub side_choice: bool,
    /// The focused country (ISO alpha-3), its name and which of its flows are kept.
    pub focus: Option<String>,
    pub focus_name: Option<String>,
    pub direction: Direction,
    pub top: u16,
    /// Whether the "largest routes shown" menu can change anything (a file with many routes).
    pub top_choice: bool,
    /// The published figures' period on show, or `None` when the map shows all goods.
    pub period: Option<usize>,
    /// The routes on show, ranked; those out of the reader's focus have `in_focus` false.
    pub routes: Vec<RouteView>,
    /// The routes left off the map, summed, e.g. "183 other routes: $4.2bn".
    pub other: Option<String>,
    /// The panel's title ("Routes in 2023"), an embed's credit line ("2023, all goods.") and what screen
    /// readers hear instead of the map: each route and its value, then the other routes.
    pub title: String,
    pub embed_title: String,
    pub summary: String,
    /// The caption of the table of flows on the map ("Flows on the map in 2023"), the products table's
    /// growth column ("Growth on 2021") and the chart's note on its dashed line, the baseline year.
    pub table_caption: String,
    pub growth_head: String,
    pub baseline_note: String,
    /// The countries of the routes, `[code, name, English name, alpha-2]` sorted by name, for the search box.
    pub countries: Vec<(String, String, String, &'static str)>,
    pub chart: ChartTable,
    /// The view as a link's query string (empty when all is default), as an embed and as the full page.
    pub link: String,
    pub embed_link: String,
    pub page_link: String,
    /// The language the link names, whether the page is an embed, the story step from 1.
    pub lang: Option<String>,
    pub embed: bool,
    pub step: Option<u32>,
    /// The story bar's counter in the page's language ("Step 2 of 6"), while a story step is on show.
    pub step_counter: Option<String>,
    /// The view is close enough for the finer country shapes, which the page has not handed yet.
    pub detail: bool,
    pub changed: Changed,
}

/// What the action changed, so that the shell redraws only what it must.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changed {
    /// Other data: the years, the countries and the number of routes may differ.
    pub data: bool,
    /// The year or side changed: the map slides from what was on screen, a frame at a time; without a
    /// slide, the action's answer has drawn the map already.
    pub slide: bool,
    /// The routes on show or the view (year, side, focus, number, period, language).
    pub routes: bool,
    /// The chart beside the map: its routes, or its colours.
    pub chart: bool,
}

/// The chart's lines as a table, its text equivalent: a row per year, a column per line.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ChartTable {
    /// Each line's label, a route.
    pub lines: Vec<String>,
    /// The year, then each line's value in words ("–" where no one reported).
    pub rows: Vec<Vec<String>>,
    /// Each line's note naming the reports it joins, for lines that join two.
    pub notes: Vec<String>,
    /// Under the chart: what a hollow point means, then the notes; empty when no line joins reports.
    pub caption: String,
}
