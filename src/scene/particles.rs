//! Dots travelling along the flows, so direction reads without the arrowheads.

use super::color::Rgba;
use super::flow::FlowCurve;
use super::scene_def::Scene;

/// Dots are white over the coloured arrows, a little see-through.
pub const COLOR: Rgba = Rgba(255, 255, 255, 217);

/// Travel speed in CSS px per second.
pub const SPEED: f64 = 60.0;
/// Distance between two dots on one flow, in CSS px.
pub const SPACING: f64 = 36.0;

/// One dot: centre and radius in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    pub at: [f64; 2],
    pub r: f64,
}

impl Scene {
    /// The dots on every flow at `seconds` since the motion started: evenly spaced along each
    /// curve, moving from origin to destination, sized to sit inside the arrow's body. Faint
    /// flows, out of the reader's focus, have none.
    pub fn particles(&self, seconds: f64) -> Vec<Particle> {
        let mut out = Vec::new();
        if !seconds.is_finite() {
            return out;
        }
        for flow in self.flows.iter().filter(|f| !f.faint) {
            along(flow, seconds, &mut out);
        }
        out
    }
}

fn along(flow: &FlowCurve, seconds: f64, out: &mut Vec<Particle>) {
    let length = flow.curve.length();
    // Stop before the head, where the body ends.
    let body = length - flow.head_length();
    if body <= SPACING / 2.0 {
        return;
    }
    let r = (flow.width * 0.3).clamp(1.0, 3.0);
    let offset = (seconds * SPEED).rem_euclid(SPACING);
    let mut s = offset;
    while s < body {
        // Parameter by arc length: these bows are gentle enough for the chord-length share.
        out.push(Particle { at: flow.curve.at(s / length), r });
        s += SPACING;
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::curve::dist;

    fn scene(flows: Vec<FlowCurve>) -> Scene {
        Scene::with_flows(flows)
    }

    #[test]
    fn dots_are_spaced_along_the_body_and_move_towards_the_tip() {
        let Some(f) = FlowCurve::layout(1, [0.0, 100.0], [360.0, 100.0], 8.0) else { panic!("no layout") };
        let s = scene(vec![f]);
        let now = s.particles(0.0);
        let expected = ((f.curve.length() - f.head_length()) / SPACING).ceil() as usize;
        assert!(now.len().abs_diff(expected) <= 1, "{} dots, about {expected} expected", now.len());
        assert!(now.iter().all(|p| f.curve.distance(p.at) < 0.5 && p.r <= 3.0), "dots sit on the curve");
        let later = s.particles(0.1);
        // Each dot moved about SPEED × 0.1 px further from the origin.
        let step = dist(f.curve.p0, later[0].at) - dist(f.curve.p0, now[0].at);
        assert!((step - SPEED * 0.1).abs() < 2.0, "{step}");
    }

    #[test]
    fn faint_flows_have_no_dots() {
        let Some(f) = FlowCurve::layout(1, [0.0, 100.0], [360.0, 100.0], 8.0) else { panic!("no layout") };
        assert!(scene(vec![FlowCurve { faint: true, ..f }]).particles(0.0).is_empty());
    }

    #[test]
    fn the_pattern_repeats_and_bad_time_draws_nothing() {
        let Some(f) = FlowCurve::layout(1, [0.0, 0.0], [300.0, 200.0], 3.0) else { panic!("no layout") };
        let s = scene(vec![f]);
        let period = SPACING / SPEED;
        let (a, b) = (s.particles(0.25), s.particles(0.25 + 3.0 * period));
        assert_eq!(a.len(), b.len());
        assert!(a.iter().zip(&b).all(|(p, q)| dist(p.at, q.at) < 1e-6));
        assert!(s.particles(f64::NAN).is_empty());
    }
}
