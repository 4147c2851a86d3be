//! The page's chart beside the map: the routes on show over the years, with the baseline dashed and the
//! invasion marked, in the page's language and theme, on any backend; sized for the page.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};

use crate::story::charts::lines::{self, Event, Series};
use crate::story::view::page::Page;
use crate::story::INVASION_AT;

/// The chart's width in CSS px before the page has laid it out.
const UNLAID_WIDTH: u32 = 320;

impl Page {
    /// Draws `series` (the chart's lines, [`Page::chart_lines`]) into `root`, any plotters backend.
    pub fn draw_chart<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        series: &[Series],
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let invasion = Event {
            at: INVASION_AT,
            label: self.words.invasion(),
        };
        lines::draw(
            root,
            series,
            self.baseline,
            Some(&invasion),
            self.theme,
            self.words.0,
        )
    }

    /// The chart's size in CSS px where the page lays it out `width` px wide (none yet: 320): 16:9, or
    /// taller where its lines' labels need rows.
    pub fn chart_size(&self, series: &[Series], width: Option<u32>) -> (u32, u32) {
        let width = width.filter(|w| *w > 0).unwrap_or(UNLAID_WIDTH);
        (width, self.chart_height(series, width * 9 / 16))
    }

    /// The chart's height in px, `base` or more: as tall as its lines' labels and the invasion's need.
    pub fn chart_height(&self, series: &[Series], base: u32) -> u32 {
        lines::height(series, base, true)
    }
}
