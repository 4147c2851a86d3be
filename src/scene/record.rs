//! The recording target: keeps every call it receives, so host tests can say what the map draws
//! without a browser (as plotters' mocked backend does for charts).

use std::borrow::Cow;

use super::color::Rgba;
use super::target::{FillRule, Label, Target};

/// One call a target received.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// A shape begun.
    Begin(FillRule),
    /// An outline started.
    MoveTo([f64; 2]),
    /// A straight line.
    LineTo([f64; 2]),
    /// A quadratic Bézier: control point, end point.
    QuadTo([f64; 2], [f64; 2]),
    /// An outline closed.
    Close,
    /// A circle: centre, radius.
    Circle([f64; 2], f64),
    /// The shape painted.
    Paint {
        /// Fill colour.
        fill: Option<Rgba>,
        /// Stroke colour and width.
        stroke: Option<(Rgba, f32)>,
    },
    /// A line of text.
    Text(Label<'static>),
}

/// A target that draws nothing and remembers everything, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recording {
    /// The calls received.
    pub calls: Vec<Call>,
}

impl Target for Recording {
    fn begin(&mut self, rule: FillRule) {
        self.calls.push(Call::Begin(rule));
    }

    fn move_to(&mut self, p: [f64; 2]) {
        self.calls.push(Call::MoveTo(p));
    }

    fn line_to(&mut self, p: [f64; 2]) {
        self.calls.push(Call::LineTo(p));
    }

    fn quad_to(&mut self, c: [f64; 2], p: [f64; 2]) {
        self.calls.push(Call::QuadTo(c, p));
    }

    fn close(&mut self) {
        self.calls.push(Call::Close);
    }

    fn circle(&mut self, at: [f64; 2], r: f64) {
        self.calls.push(Call::Circle(at, r));
    }

    fn paint(&mut self, fill: Option<Rgba>, stroke: Option<(Rgba, f32)>) {
        self.calls.push(Call::Paint { fill, stroke });
    }

    fn text(&mut self, l: &Label) {
        self.calls.push(Call::Text(Label {
            text: Cow::Owned(l.text.to_string()),
            ..l.clone()
        }));
    }
}

/// One painted shape in a recording.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape<'a> {
    /// Where its paint call is in [`Recording::calls`].
    pub at: usize,
    /// Its outline: the calls between its begin and its paint.
    pub outline: &'a [Call],
    /// Fill colour.
    pub fill: Option<Rgba>,
    /// Stroke colour and width.
    pub stroke: Option<(Rgba, f32)>,
}

impl Recording {
    /// The painted shapes, in order.
    pub fn shapes(&self) -> Vec<Shape<'_>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (at, call) in self.calls.iter().enumerate() {
            match call {
                Call::Begin(_) => start = at + 1,
                Call::Paint { fill, stroke } => out.push(Shape {
                    at,
                    outline: self.calls.get(start..at).unwrap_or_default(),
                    fill: *fill,
                    stroke: *stroke,
                }),
                _ => {}
            }
        }
        out
    }

    /// The texts drawn, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.calls
            .iter()
            .filter_map(|c| if let Call::Text(l) = c { Some(l.text.as_ref()) } else { None })
            .collect()
    }
}
