//! The map's zoom and pan, from a reader's gesture rather than an action: no snapshot, only a frame to draw.
//! Close up, the finer country shapes replace the coarse ones; the page fetches them when first wanted.

use crate::scene::View;
use crate::story::view::page::Page;

/// Zoom from which the 50m shapes replace the 110m ones.
pub const DETAIL_ZOOM: f64 = 2.0;

impl Page {
    /// Zooms by `factor` about `at` in a map of `size` CSS px; true when the page should now fetch the
    /// finer shapes.
    pub fn zoom_at(&mut self, at: [f64; 2], factor: f64, size: [f64; 2]) -> bool {
        self.view = self.view.zoom_at(at, factor, size);
        self.wants_detail()
    }

    /// Moves the map by `by` CSS px in a map of `size` CSS px.
    pub fn pan_by(&mut self, by: [f64; 2], size: [f64; 2]) {
        self.view = self.view.pan_by(by, size);
    }

    /// Back to the map fitted to the flows.
    pub fn reset_view(&mut self) {
        self.view = View::default();
    }

    /// Whether the view is close enough for the finer shapes (when the page has them).
    pub fn uses_detail(&self) -> bool {
        self.view.zoom >= DETAIL_ZOOM
    }

    /// Whether the view is close enough for the finer shapes and the page has not handed them yet.
    pub fn wants_detail(&self) -> bool {
        self.uses_detail() && !self.detail_ready
    }

    /// The finer shapes are in hand: drawn from now on at [`DETAIL_ZOOM`] and closer.
    pub fn set_detail_ready(&mut self) {
        self.detail_ready = true;
    }
}
