//! What a drawing target can do: the few calls the scene's items need.

use std::borrow::Cow;

use super::color::Rgba;
use super::item::Anchor;

/// How a filled shape decides what is inside where its outlines cross.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillRule {
    /// Crossings alternate in and out: a country's holes stay holes.
    EvenOdd,
    /// Anything inside any outline is filled: overlapping dots stay whole.
    NonZero,
}

/// A line of text as the walker hands it over (borrowed), or as a recording keeps it (owned); see
/// [`super::Item::Text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Label<'a> {
    /// Where the text's vertical middle meets its anchor.
    pub at: [f64; 2],
    /// The text, unescaped.
    pub text: Cow<'a, str>,
    /// Font size in px.
    pub size: f32,
    /// Colour.
    pub color: Rgba,
    /// Horizontal alignment.
    pub anchor: Anchor,
    /// A 3 px halo under the text.
    pub halo: Option<Rgba>,
    /// Bold weight.
    pub bold: bool,
}

/// A drawing target: SVG text, a canvas, or a recording for tests. A shape is begun, outlined,
/// then painted; text is drawn in one call. Calls do not fail: a target that can keeps its first
/// error for its caller.
pub trait Target {
    /// Starts a new shape, filled by `rule` when painted.
    fn begin(&mut self, rule: FillRule);
    /// Starts a new outline at `p`.
    fn move_to(&mut self, p: [f64; 2]);
    /// A straight line to `p`.
    fn line_to(&mut self, p: [f64; 2]);
    /// A quadratic Bézier pulled towards `c`, ending at `p`.
    fn quad_to(&mut self, c: [f64; 2], p: [f64; 2]);
    /// Closes the outline.
    fn close(&mut self);
    /// Adds a circle of radius `r` round `at` to the shape.
    fn circle(&mut self, at: [f64; 2], r: f64);
    /// Paints the shape begun last: its fill first, then its stroke (colour and width in px).
    fn paint(&mut self, fill: Option<Rgba>, stroke: Option<(Rgba, f32)>);
    /// Draws a line of text.
    fn text(&mut self, label: &Label);
}
