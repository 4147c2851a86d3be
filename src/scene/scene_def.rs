//! The scene: what a target draws, and what hit-testing reads.

use super::color::Rgba;
use super::flow::FlowCurve;
use super::item::Item;
use crate::geo::NorthUp;

/// A laid-out map in CSS px.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Fills the whole scene first.
    pub background: Rgba,
    /// Drawn in order, later on top; paths fill with the even-odd rule.
    pub items: Vec<Item>,
    /// The flows' curves in drawing order, for hit-testing and for the page.
    pub flows: Vec<FlowCurve>,
    /// The fitted projection (e.g. to turn the pointer back into lon/lat with `invert`).
    pub projection: NorthUp,
    /// How many of the first items are the land layer.
    pub land: usize,
    /// The rectangle `[x, y, width, height]` the land layer covers: the map, or more when it was made to
    /// be panned over.
    pub land_frame: [f64; 4],
    /// Which land layer they are ([`super::LandMemo`]'s count); 0 when no memo kept it.
    pub land_generation: u64,
}

#[cfg(test)]
impl Scene {
    /// A 400 × 300 scene holding only `flows`, for tests of hit-testing and motion.
    pub(crate) fn with_flows(flows: Vec<FlowCurve>) -> Scene {
        Scene { width: 400.0, height: 300.0, background: Rgba(0, 0, 0, 0), items: vec![], flows, projection: NorthUp::for_points(&[]), land: 0, land_frame: [0.0, 0.0, 400.0, 300.0], land_generation: 0 }
    }
}
