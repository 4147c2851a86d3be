//! The charts beside the map, on any plotters backend.

/// Text colours that read on the chart's paper (WCAG AA).
pub mod contrast;
/// Where the line chart's labels go: a column beside the plot, with leader lines.
pub mod labels;
/// Paired bars (in against out, one side against the other).
pub mod bars;
/// The routes over time, as a plotters line chart.
pub mod lines;
