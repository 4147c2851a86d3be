//! The charts beside the map, on any plotters backend.

/// Paired bars (in against out, one side against the other).
pub mod bars;
/// The routes over time, as a plotters line chart.
pub mod lines;
