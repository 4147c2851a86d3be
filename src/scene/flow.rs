//! One flow on screen: a bowed quadratic curve between two anchor dots, and the arrow drawn along it.

use super::curve::{add, dist, scale, sub, unit, Quad};
use super::item::Seg;
use super::style::{BOW, END_GAP};

/// A flow laid out on screen; kept in the scene for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowCurve {
    /// The caller's id.
    pub id: u32,
    /// The centre line, from just after the origin dot to the arrow's tip before the destination dot.
    pub curve: Quad,
    /// Body width in px.
    pub width: f64,
    /// Origin anchor on screen.
    pub from: [f64; 2],
    /// Destination anchor on screen.
    pub to: [f64; 2],
    /// Drawn see-through, out of the reader's focus: no travelling dots.
    pub faint: bool,
}

impl FlowCurve {
    /// Lays a flow of `width` px out between screen points `a` and `b`. The curve bows to
    /// the right of its direction of travel, so a→b and b→a sit side by side; its ends stop
    /// short of the dots. `None` when the points are too close to draw an arrow between.
    ///
    /// ```
    /// use roundabout::scene::FlowCurve;
    /// let f = FlowCurve::layout(1, [0.0, 0.0], [200.0, 0.0], 4.0).unwrap();
    /// assert!(f.curve.at(0.5)[1] > 0.0); // eastward flows bow south (down on screen)
    /// ```
    pub fn layout(id: u32, a: [f64; 2], b: [f64; 2], width: f64) -> Option<FlowCurve> {
        let len = dist(a, b);
        if len.is_nan() || len <= 2.0 * END_GAP + 4.0 || !width.is_finite() {
            return None;
        }
        let dir = unit(sub(b, a))?;
        let normal = [-dir[1], dir[0]];
        let c = add(scale(add(a, b), 0.5), scale(normal, BOW * len));
        let p0 = add(a, scale(unit(sub(c, a))?, END_GAP));
        let p1 = add(b, scale(unit(sub(c, b))?, END_GAP));
        Some(FlowCurve {
            id,
            curve: Quad { p0, c, p1 },
            width,
            from: a,
            to: b,
            faint: false,
        })
    }

    /// Half the width of the arrow head at its base.
    pub fn head_half_width(&self) -> f64 {
        self.width / 2.0 + (self.width * 0.45).max(3.0)
    }

    /// Length of the arrow head along the curve.
    pub fn head_length(&self) -> f64 {
        (self.head_half_width() * 1.4).min(self.curve.length() * 0.45)
    }

    /// Whether `p` lies on the drawn arrow, head included, give or take `slack` px.
    pub fn covers(&self, p: [f64; 2], slack: f64) -> bool {
        let d = self.curve.distance(p);
        d <= self.width / 2.0 + slack
            || (d <= self.head_half_width() + slack && dist(p, self.curve.p1) <= self.head_length() + slack)
    }

    /// The arrow: a band of the flow's width along the curve ending in a head at the tip.
    pub fn arrow(&self) -> Vec<Seg> {
        let half = self.head_half_width();
        let t = self.curve.t_before_end(self.head_length());
        let body = self.curve.head(t);
        let w = self.width / 2.0;
        let (left, right) = (body.offset(-w), body.offset(w));
        let n = body.normal(1.0);
        vec![
            Seg::MoveTo(left.p0),
            Seg::QuadTo(left.c, left.p1),
            Seg::LineTo(add(body.p1, scale(n, -half))),
            Seg::LineTo(self.curve.p1),
            Seg::LineTo(add(body.p1, scale(n, half))),
            Seg::LineTo(right.p1),
            Seg::QuadTo(right.c, right.p0),
            Seg::Close,
        ]
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn ends_stop_short_of_dots() {
        let f = FlowCurve::layout(1, [10.0, 10.0], [300.0, 120.0], 6.0);
        let Some(f) = f else { panic!("no layout") };
        assert!((dist(f.curve.p0, f.from) - END_GAP).abs() < 1e-9);
        assert!((dist(f.curve.p1, f.to) - END_GAP).abs() < 1e-9);
    }

    #[test]
    fn the_head_counts_as_part_of_the_arrow() {
        let Some(f) = FlowCurve::layout(1, [0.0, 0.0], [300.0, 0.0], 10.0) else { panic!("no layout") };
        let base = f.curve.at(f.curve.t_before_end(f.head_length() * 0.5));
        let n = f.curve.normal(1.0);
        let wing = add(base, scale(n, f.width / 2.0 + 2.0));
        assert!(f.covers(wing, 0.0), "beside the head, outside the body");
        let mid = f.curve.at(0.5);
        assert!(!f.covers(add(mid, scale(f.curve.normal(0.5), f.width / 2.0 + 2.0)), 0.0), "beside the body");
    }

    #[test]
    fn opposite_flows_do_not_overlap() {
        let (a, b) = ([0.0, 0.0], [300.0, 0.0]);
        let (Some(f), Some(g)) = (
            FlowCurve::layout(1, a, b, 12.0),
            FlowCurve::layout(2, b, a, 12.0),
        ) else {
            panic!("no layout");
        };
        let gap = dist(f.curve.at(0.5), g.curve.at(0.5));
        assert!(gap > (f.width + g.width) / 2.0 + 2.0, "{gap}");
    }

    #[test]
    fn arrow_is_closed_and_reaches_tip() {
        let Some(f) = FlowCurve::layout(1, [0.0, 0.0], [200.0, 50.0], 8.0) else {
            panic!("no layout")
        };
        let d = f.arrow();
        assert_eq!(d.last(), Some(&Seg::Close));
        assert!(d.contains(&Seg::LineTo(f.curve.p1)));
    }

    #[test]
    fn too_close_or_bad_width_gives_none() {
        assert_eq!(FlowCurve::layout(1, [0.0, 0.0], [5.0, 0.0], 1.0), None);
        assert_eq!(
            FlowCurve::layout(1, [0.0, 0.0], [500.0, 0.0], f64::NAN),
            None
        );
    }
}
