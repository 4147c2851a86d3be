//! Placing a label beside a dot where it is clearest of the flows and inside the view.

use super::flow::FlowCurve;
use super::item::Anchor;

/// Clearance (px) beyond which a position counts as fully clear.
const ENOUGH: f64 = 10.0;

/// Where a label `text_w × size` px goes beside the dot at `dot` of radius `r`: the first of
/// eight positions around it (right first) with the most room from `flows` that stays in the
/// view and off the `keep_out` box (the key).
pub fn beside_dot(
    dot: [f64; 2],
    r: f64,
    text_w: f64,
    size: f64,
    flows: &[FlowCurve],
    view: [f64; 2],
    keep_out: Option<[f64; 4]>,
) -> ([f64; 2], Anchor) {
    let (dx, dy) = (r + 4.0, r + size / 2.0 + 3.0);
    let candidates = [
        ([dx, 0.0], Anchor::Start),
        ([-dx, 0.0], Anchor::End),
        ([dx - 2.0, -dy], Anchor::Start),
        ([2.0 - dx, -dy], Anchor::End),
        ([dx - 2.0, dy], Anchor::Start),
        ([2.0 - dx, dy], Anchor::End),
        ([0.0, -dy - 2.0], Anchor::Middle),
        ([0.0, dy + 2.0], Anchor::Middle),
    ];
    let mut best = ([dot[0] + dx, dot[1]], Anchor::Start);
    let mut best_score = f64::NEG_INFINITY;
    for (off, anchor) in candidates {
        let at = [dot[0] + off[0], dot[1] + off[1]];
        let x0 = match anchor {
            Anchor::Start => at[0],
            Anchor::Middle => at[0] - text_w / 2.0,
            Anchor::End => at[0] - text_w,
        };
        let (y0, x1, y1) = (at[1] - size / 2.0, x0 + text_w, at[1] + size / 2.0);
        let inside = x0 >= 2.0 && y0 >= 2.0 && x1 <= view[0] - 2.0 && y1 <= view[1] - 2.0;
        let covered = keep_out.is_some_and(|k| x1 > k[0] && x0 < k[2] && y1 > k[1] && y0 < k[3]);
        let inside = inside && !covered;
        let score =
            clearance([x0, y0, x1, y1], flows).min(ENOUGH) - if inside { 0.0 } else { 1000.0 };
        if score > best_score + 1e-9 {
            best = (at, anchor);
            best_score = score;
        }
    }
    best
}

/// Least distance from sample points of the box to the edge of any flow band.
fn clearance(b: [f64; 4], flows: &[FlowCurve]) -> f64 {
    let xs = [b[0], (b[0] + b[2]) / 2.0, b[2]];
    let ys = [b[1], (b[1] + b[3]) / 2.0, b[3]];
    let mut least = f64::INFINITY;
    for f in flows {
        for &x in &xs {
            for &y in &ys {
                least = least.min(f.curve.distance([x, y]) - f.head_half_width());
            }
        }
    }
    least
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn avoids_a_flow_to_the_right_and_the_edge() {
        let f = FlowCurve::layout(1, [100.0, 100.0], [300.0, 100.0], 10.0);
        let Some(f) = f else { panic!("no layout") };
        let (_, anchor) = beside_dot([100.0, 100.0], 3.5, 50.0, 12.0, &[f], [400.0, 400.0], None);
        assert_ne!(anchor, Anchor::Start);
        let (at, _) = beside_dot([395.0, 200.0], 3.5, 50.0, 12.0, &[], [400.0, 400.0], None);
        assert!(at[0] < 395.0);
        let (at, _) = beside_dot(
            [100.0, 100.0],
            3.5,
            50.0,
            12.0,
            &[],
            [400.0, 400.0],
            Some([100.0, 80.0, 200.0, 120.0]),
        );
        assert!(at[0] < 100.0);
    }
}
