//! Display-list items in screen pixels (CSS px, y down).

use super::color::Rgba;

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    /// Start a new subpath.
    MoveTo([f64; 2]),
    /// Straight line.
    LineTo([f64; 2]),
    /// Quadratic Bézier: control point, end point.
    QuadTo([f64; 2], [f64; 2]),
    /// Close the subpath.
    Close,
}

/// Horizontal alignment of text at its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at the point.
    Start,
    /// Text is centred on the point.
    Middle,
    /// Text ends at the point.
    End,
}

/// Something to draw; items are drawn in order, later on top.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A path, filled (nonzero rule) and/or stroked with a width in px.
    Path {
        /// The segments.
        d: Vec<Seg>,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Stroke colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// A circle.
    Circle {
        /// Centre.
        at: [f64; 2],
        /// Radius in px.
        r: f64,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Stroke colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// A line of text; `at` is where the text's vertical middle meets its anchor.
    Text {
        /// Position.
        at: [f64; 2],
        /// The text, unescaped.
        text: String,
        /// Font size in px.
        size: f32,
        /// Colour.
        color: Rgba,
        /// Horizontal alignment.
        anchor: Anchor,
        /// A halo drawn under the text (3 px wide), for legibility over land and flows.
        halo: Option<Rgba>,
        /// Bold weight.
        bold: bool,
    },
}
