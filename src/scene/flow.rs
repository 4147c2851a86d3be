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
        self.band(-self.width / 2.0, self.width / 2.0)
    }

    /// The arrow cut lengthwise into side-by-side bands, one per value, each as wide as its share of
    /// the flow's width, from the left of the direction of travel to the right; the head is cut alike.
    pub fn bands(&self, values: &[f64]) -> Vec<Vec<Seg>> {
        band_edges(values, self.width).into_iter().map(|(a, b)| self.band(a, b)).collect()
    }

    /// The part of the arrow between offsets `a` and `b` across the centre line (−width/2 to width/2);
    /// its head narrows from the same share of the head's base to the tip.
    fn band(&self, a: f64, b: f64) -> Vec<Seg> {
        let widen = if self.width > 0.0 { self.head_half_width() / (self.width / 2.0) } else { 1.0 };
        let t = self.curve.t_before_end(self.head_length());
        let body = self.curve.head(t);
        let (left, right) = (body.offset(a), body.offset(b));
        let n = body.normal(1.0);
        vec![
            Seg::MoveTo(left.p0),
            Seg::QuadTo(left.c, left.p1),
            Seg::LineTo(add(body.p1, scale(n, a * widen))),
            Seg::LineTo(self.curve.p1),
            Seg::LineTo(add(body.p1, scale(n, b * widen))),
            Seg::LineTo(right.p1),
            Seg::QuadTo(right.c, right.p0),
            Seg::Close,
        ]
    }
}

/// Each value's band across a flow `width` px wide, as offsets `(from, to)` from its centre line: side by
/// side, together the whole width. Values that are not positive get no width; with none, one band is the whole.
///
/// ```
/// use roundabout::scene::flow::band_edges;
/// assert_eq!(band_edges(&[1.0, 3.0], 8.0), [(-4.0, -2.0), (-2.0, 4.0)]);
/// ```
pub fn band_edges(values: &[f64], width: f64) -> Vec<(f64, f64)> {
    let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
    let mut at = -width / 2.0;
    let mut edges = Vec::new();
    for v in values {
        let from = at;
        at += v.max(0.0) / total * width;
        edges.push((from, at));
    }
    if total > 0.0 && total.is_finite() {
        edges
    } else {
        vec![(-width / 2.0, width / 2.0)]
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
    fn bands_fill_the_width_side_by_side() {
        let edges = band_edges(&[2.0, 0.0, 5.0, 1.0, f64::NAN], 12.0);
        assert_eq!(edges.len(), 5);
        assert_eq!((edges[0].0, edges[4].1), (-6.0, 6.0));
        assert!(edges.windows(2).all(|w| w[0].1 == w[1].0), "{edges:?}");
        let widths: Vec<f64> = edges.iter().map(|(a, b)| b - a).collect();
        assert!((widths.iter().sum::<f64>() - 12.0).abs() < 1e-9);
        assert!((widths[2] - 7.5).abs() < 1e-9 && widths[1] == 0.0 && widths[4] == 0.0);
        let Some(f) = FlowCurve::layout(1, [0.0, 0.0], [200.0, 50.0], 8.0) else { panic!("no layout") };
        let bands = f.bands(&[1.0, 1.0]);
        // The outer edges are the arrow's own; both halves reach the tip.
        assert_eq!((bands[0][0], bands[1][6]), (f.arrow()[0], f.arrow()[6]));
        assert!(bands.iter().all(|b| b.contains(&Seg::LineTo(f.curve.p1))));
        assert_eq!(f.bands(&[3.0]), [f.arrow()]);
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
