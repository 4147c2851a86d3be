//! Placing labels where they are clearest: beside dots, along flows, off the key and each other.

use super::curve::{add, dist, scale, sub, unit, Samples};
use super::flow::FlowCurve;
use super::item::Anchor;

/// Clearance (px) beyond which a position counts as fully clear.
const ENOUGH: f64 = 10.0;
/// Penalty for a box that leaves the view.
const OUTSIDE: f64 = 1000.0;

/// Two rings round a dot, each `(far, handicap)`: `far` font sizes out, a place there scored `handicap`
/// lower (the outer ring of a pair is taken only when it is clearer by that much).
pub type Rings = [(f64, f64); 2];
/// Beside the dot.
pub const BESIDE: Rings = [(0.0, 0.0), (1.0, 4.0)];
/// A little out, on a leader line.
pub const OUT: Rings = [(1.5, 0.0), (2.5, 2.0)];
/// Out in the sea round a crowd of dots, on a long leader line.
pub const FAR: [Rings; 2] = [[(3.5, 0.0), (5.0, 2.0)], [(6.5, 0.0), (8.0, 2.0)]];

/// What labels must keep clear of: flows, boxes already taken (key, dots, placed labels), the view's edge.
#[derive(Debug, Clone)]
pub struct Board<'a> {
    flows: &'a [FlowCurve],
    /// Each flow's curve sampled once, for the many distances a placement measures.
    samples: Vec<Samples>,
    boxes: Vec<[f64; 4]>,
    dots: Vec<[f64; 2]>,
    view: [f64; 2],
}

impl<'a> Board<'a> {
    /// A board over `flows` in a `view` of width × height, with `taken` boxes `[x0, y0, x1, y1]`.
    pub fn new(
        flows: &'a [FlowCurve],
        view: [f64; 2],
        taken: impl IntoIterator<Item = [f64; 4]>,
    ) -> Board<'a> {
        Board {
            flows,
            samples: flows.iter().map(|f| f.curve.samples()).collect(),
            boxes: taken.into_iter().collect(),
            dots: Vec::new(),
            view,
        }
    }

    /// The same board with dots of radius `r`: labels keep off them, and a dot's label stays
    /// nearer its own dot than any other.
    pub fn with_dots(mut self, dots: &[[f64; 2]], r: f64) -> Board<'a> {
        self.boxes.extend(
            dots.iter()
                .map(|d| [d[0] - r, d[1] - r, d[0] + r, d[1] + r]),
        );
        self.dots.extend_from_slice(dots);
        self
    }

    /// Places a label `text_w × size` px beside the dot at `dot` of radius `r`, trying `rings` in turn:
    /// in each, the first of eight positions around it (right first) with the most room, or of eight a
    /// little farther out when those are much clearer; takes its box. Where each would cover a box already
    /// taken (another label, a dot, the key) or leave the view, `None`: the label is left off. The `true`
    /// says the label sits out from the dot (from [`OUT`] on), and wants a leader line.
    pub fn beside_dot(
        &mut self,
        dot: [f64; 2],
        r: f64,
        text_w: f64,
        size: f64,
        rings: &[Rings],
    ) -> Option<([f64; 2], Anchor, bool)> {
        rings.iter().find_map(|pair| {
            let (at, anchor, b) = self.around(dot, r, text_w, size, pair.map(|(far, handicap)| (far * size, handicap)));
            self.take(b).then_some((at, anchor, pair[0].0 >= OUT[0].0))
        })
    }

    /// The clearest of eight positions round `dot` on each of two rings (`far` px out, less a handicap):
    /// where the text goes, its anchor and its box.
    fn around(
        &self,
        dot: [f64; 2],
        r: f64,
        text_w: f64,
        size: f64,
        rings: [(f64, f64); 2],
    ) -> ([f64; 2], Anchor, [f64; 4]) {
        let ring = |far: f64| {
            let (dx, dy) = (r + 4.0 + far, r + size / 2.0 + 3.0 + far);
            [
                ([dx, 0.0], Anchor::Start),
                ([-dx, 0.0], Anchor::End),
                ([dx - 2.0, -dy], Anchor::Start),
                ([2.0 - dx, -dy], Anchor::End),
                ([dx - 2.0, dy], Anchor::Start),
                ([2.0 - dx, dy], Anchor::End),
                ([0.0, -dy - 2.0], Anchor::Middle),
                ([0.0, dy + 2.0], Anchor::Middle),
            ]
        };
        let candidates = rings
            .into_iter()
            .flat_map(|(far, handicap)| ring(far).into_iter().map(move |c| (c, handicap)));
        let first = [dot[0] + r + 4.0 + rings[0].0, dot[1]];
        let mut best = (
            first,
            Anchor::Start,
            f64::NEG_INFINITY,
            text_box(first, Anchor::Start, text_w, size),
        );
        let (lo, hi) = (2.0 + text_w / 2.0, self.view[0] - 2.0 - text_w / 2.0);
        for ((off, anchor), handicap) in candidates {
            let mut at = add(dot, off);
            // Centred labels above or below slide sideways to stay in view.
            if anchor == Anchor::Middle && lo <= hi {
                at[0] = at[0].clamp(lo, hi);
            }
            let b = text_box(at, anchor, text_w, size);
            let own = point_box_gap(dot, b);
            let misleading = self
                .dots
                .iter()
                .any(|d| dist(*d, dot) > 0.5 && point_box_gap(*d, b) < own);
            // A place on another label or dot is worse than one across a flow.
            let taken = if self.free(b) { 0.0 } else { OUTSIDE };
            let score =
                self.score(b, None) - handicap - taken - if misleading { 30.0 } else { 0.0 };
            if score > best.2 + 1e-9 {
                best = (at, anchor, score, b);
            }
        }
        (best.0, best.1, best.3)
    }

    /// Takes box `b` when it stays in the view and clear of every box taken so far; whether it did.
    pub fn take(&mut self, b: [f64; 4]) -> bool {
        let free = self.free(b);
        if free {
            self.boxes.push(b);
        }
        free
    }

    /// Whether box `b` stays in the view and clear of every box taken.
    fn free(&self, b: [f64; 4]) -> bool {
        let inside = b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= self.view[0] && b[3] <= self.view[1];
        inside && self.boxes.iter().all(|t| box_gap(b, *t) >= 0.0)
    }

    /// Places a label `text_w × size` px beside `flow` on its outer side, sliding along it to
    /// find room, and takes its box. `None` when no position is clear enough, unless `always`.
    pub fn along_flow(
        &mut self,
        flow: &FlowCurve,
        text_w: f64,
        size: f64,
        always: bool,
    ) -> Option<[f64; 2]> {
        let mut best: Option<([f64; 2], f64, [f64; 4])> = None;
        for t in [0.5, 0.4, 0.6, 0.32, 0.68] {
            let at = label_point(flow, t, text_w, size);
            let b = text_box(at, Anchor::Middle, text_w, size);
            let score = self.score(b, Some(flow.id));
            if best.is_none_or(|(_, s, _)| score > s + 1e-9) {
                best = Some((at, score, b));
            }
            if score >= ENOUGH {
                break;
            }
        }
        let (at, score, b) = best?;
        if score < 0.0 && !always {
            return None;
        }
        self.boxes.push(b);
        Some(at)
    }

    /// Least clearance of box `b` from the flows (but `skip`) and the boxes taken, capped at
    /// [`ENOUGH`]; heavily negative when `b` leaves the view.
    fn score(&self, b: [f64; 4], skip: Option<u32>) -> f64 {
        let inside =
            b[0] >= 2.0 && b[1] >= 2.0 && b[2] <= self.view[0] - 2.0 && b[3] <= self.view[1] - 2.0;
        let mut least = ENOUGH;
        let xs = [b[0], (b[0] + b[2]) / 2.0, b[2]];
        let ys = [b[1], (b[1] + b[3]) / 2.0, b[3]];
        for (f, samples) in self.flows.iter().zip(&self.samples).filter(|(f, _)| Some(f.id) != skip) {
            // The curve lies in its control triangle: when even the triangle's box is farther than the
            // least clearance so far, the flow cannot lower it (and measuring it is the costly part).
            // The larger axis gap bounds the true gap from below, without a square root.
            let q = f.curve;
            let gap_x = (b[0] - q.p0[0].max(q.c[0]).max(q.p1[0]))
                .max(q.p0[0].min(q.c[0]).min(q.p1[0]) - b[2]);
            let gap_y = (b[1] - q.p0[1].max(q.c[1]).max(q.p1[1]))
                .max(q.p0[1].min(q.c[1]).min(q.p1[1]) - b[3]);
            if gap_x.max(gap_y) - f.head_half_width() >= least {
                continue;
            }
            for &x in &xs {
                for &y in &ys {
                    least = least.min(samples.distance([x, y]) - f.head_half_width());
                }
            }
        }
        for t in &self.boxes {
            least = least.min(box_gap(b, *t));
        }
        least - if inside { 0.0 } else { OUTSIDE }
    }
}

/// Where a label of `text_w × size` px sits beside `flow` at parameter `t`, on its outer side.
pub fn label_point(flow: &FlowCurve, t: f64, text_w: f64, size: f64) -> [f64; 2] {
    let chord = unit(sub(flow.to, flow.from)).unwrap_or([1.0, 0.0]);
    let out = [-chord[1], chord[0]];
    let gap = flow.width / 2.0 + 4.0 + out[0].abs() * text_w / 2.0 + out[1].abs() * size / 2.0;
    add(flow.curve.at(t), scale(out, gap))
}

/// The box `[x0, y0, x1, y1]` of text at `at` (vertical middle) with `anchor`: as tall as a line of it
/// (the font's ascent and descent, about 1.2 times its size), as browsers measure it.
pub fn text_box(at: [f64; 2], anchor: Anchor, text_w: f64, size: f64) -> [f64; 4] {
    let x0 = match anchor {
        Anchor::Start => at[0],
        Anchor::Middle => at[0] - text_w / 2.0,
        Anchor::End => at[0] - text_w,
    };
    let half = 0.6 * size;
    [x0, at[1] - half, x0 + text_w, at[1] + half]
}

/// Distance from a point to a box; 0 inside.
fn point_box_gap(p: [f64; 2], b: [f64; 4]) -> f64 {
    let dx = (b[0] - p[0]).max(p[0] - b[2]).max(0.0);
    let dy = (b[1] - p[1]).max(p[1] - b[3]).max(0.0);
    dx.hypot(dy)
}

/// Distance between two boxes; negative (the overlap's depth) when they overlap.
fn box_gap(a: [f64; 4], b: [f64; 4]) -> f64 {
    let dx = (a[0] - b[2]).max(b[0] - a[2]);
    let dy = (a[1] - b[3]).max(b[1] - a[3]);
    if dx <= 0.0 && dy <= 0.0 {
        dx.max(dy)
    } else {
        // Not `hypot`: labels measure thousands of gaps a frame, and libm's hypot is slow.
        let (dx, dy) = (dx.max(0.0), dy.max(0.0));
        (dx * dx + dy * dy).sqrt()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn avoids_a_flow_to_the_right_the_edge_and_taken_boxes() {
        let Some(f) = FlowCurve::layout(1, [100.0, 100.0], [300.0, 100.0], 10.0) else {
            panic!("no layout")
        };
        let flows = [f];
        let mut board = Board::new(&flows, [400.0, 400.0], []);
        let anchor = board
            .beside_dot([100.0, 100.0], 3.5, 50.0, 12.0, &[BESIDE, OUT])
            .map(|p| p.1);
        assert!(anchor.is_some_and(|a| a != Anchor::Start));
        let mut board = Board::new(&[], [400.0, 400.0], []);
        let at = board.beside_dot([395.0, 200.0], 3.5, 50.0, 12.0, &[BESIDE, OUT]);
        assert!(at.is_some_and(|(at, _, leader)| at[0] < 395.0 && !leader));
        let mut board = Board::new(&[], [400.0, 400.0], [[100.0, 80.0, 200.0, 120.0]]);
        let at = board.beside_dot([100.0, 100.0], 3.5, 50.0, 12.0, &[BESIDE, OUT]);
        assert!(at.is_some_and(|(at, _, _)| at[0] < 100.0));
    }

    #[test]
    fn a_label_with_no_free_place_is_left_off() {
        // Dots close all round: the label goes out on a leader line.
        let dots: Vec<[f64; 2]> = (-3..=3)
            .flat_map(|i| {
                (-4..=4).map(move |j| [200.0 + f64::from(i) * 10.0, 200.0 + f64::from(j) * 10.0])
            })
            .filter(|d| *d != [200.0, 200.0])
            .collect();
        let mut board = Board::new(&[], [400.0, 400.0], []).with_dots(&dots, 3.5);
        let placed = board.beside_dot([200.0, 200.0], 3.5, 50.0, 12.0, &[BESIDE, OUT]);
        assert!(placed.is_some_and(|p| p.2), "{placed:?}");
        // Boxes all round the dot, far out too: no free place, the label is left off.
        let walls = [
            [0.0, 0.0, 400.0, 95.0],
            [0.0, 105.0, 400.0, 400.0],
            [0.0, 0.0, 96.0, 400.0],
            [104.0, 0.0, 400.0, 400.0],
        ];
        let mut board = Board::new(&[], [400.0, 400.0], walls);
        assert_eq!(board.beside_dot([100.0, 100.0], 3.5, 50.0, 12.0, &[BESIDE, OUT]), None);
        let mut board = Board::new(&[], [400.0, 400.0], []);
        assert!(board.take([10.0, 10.0, 60.0, 22.0]));
        assert!(!board.take([50.0, 20.0, 90.0, 32.0]), "overlaps the first");
        assert!(!board.take([390.0, 20.0, 430.0, 32.0]), "leaves the view");
        assert!(
            board.take([60.0, 22.0, 90.0, 32.0]),
            "touching is not overlapping"
        );
    }

    #[test]
    fn a_label_stays_nearer_its_own_dot() {
        let dots = [[300.0, 100.0], [240.0, 112.0]];
        let mut board = Board::new(&[], [320.0, 400.0], []).with_dots(&dots, 3.5);
        let Some((at, anchor, _)) = board.beside_dot(dots[0], 3.5, 120.0, 13.0, &[BESIDE, OUT]) else {
            panic!("no place")
        };
        let b = text_box(at, anchor, 120.0, 13.0);
        assert!(
            point_box_gap(dots[0], b) <= point_box_gap(dots[1], b),
            "{at:?} {anchor:?}"
        );
        assert!(b[0] >= 2.0 && b[2] <= 318.0);
    }

    #[test]
    fn flow_labels_slide_then_give_way() {
        let Some(f) = FlowCurve::layout(1, [0.0, 100.0], [300.0, 100.0], 10.0) else {
            panic!("no layout")
        };
        let flows = [f];
        let mid = label_point(&f, 0.5, 40.0, 11.0);
        let mut board = Board::new(
            &flows,
            [400.0, 400.0],
            [text_box(mid, Anchor::Middle, 40.0, 11.0)],
        );
        let at = board.along_flow(&f, 40.0, 11.0, false);
        assert!(at.is_some_and(|p| (p[0] - mid[0]).abs() > 20.0), "{at:?}");
        let mut full = Board::new(&flows, [400.0, 400.0], [[0.0, 0.0, 400.0, 400.0]]);
        assert_eq!(full.along_flow(&f, 40.0, 11.0, false), None);
        assert!(full.along_flow(&f, 40.0, 11.0, true).is_some());
    }

    #[test]
    fn box_gaps() {
        assert_eq!(box_gap([0.0, 0.0, 1.0, 1.0], [3.0, 0.0, 4.0, 1.0]), 2.0);
        assert_eq!(box_gap([0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]), -1.0);
    }
}
