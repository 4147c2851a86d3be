//! Clipping a closed planar ring to a disc centred on the origin.
//!
//! In an azimuthal projection the visible cap is such a disc and azimuth is kept, so a
//! ring that leaves the cap is cut where it crosses the rim and the part outside is
//! replaced by the rim arc it sweeps — no chords across the map.

/// Largest step, in radians, between points emitted along the rim.
const RIM_STEP: f64 = 0.05;

/// The part of `ring` inside the disc of `radius` about the origin, or `None` when none is.
/// The ring may repeat its first point at the end; the result does not.
///
/// ```
/// use roundabout::geo::clip::clip_ring_to_disc;
/// let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
/// let cut = clip_ring_to_disc(&square, 1.0).unwrap();
/// assert!(cut.iter().all(|p| p[0].hypot(p[1]) <= 1.0 + 1e-9));
/// ```
pub fn clip_ring_to_disc(ring: &[[f64; 2]], radius: f64) -> Option<Vec<[f64; 2]>> {
    let mut pts: Vec<[f64; 2]> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 || radius.is_nan() || radius <= 0.0 {
        return None;
    }
    let inside = |p: &[f64; 2]| p[0].hypot(p[1]) <= radius;
    let start = match pts.iter().position(inside) {
        Some(i) => i,
        None => {
            // No vertex inside, but an edge may still cut across the disc: start at its middle.
            let n = pts.len();
            let (i, t) = (0..n).find_map(|i| {
                let (a, b) = (pts[i], pts[(i + 1) % n]);
                match crossings(a, b, radius).as_slice() {
                    [(t1, true), (t2, false)] => Some((i, (t1 + t2) / 2.0)),
                    _ => None,
                }
            })?;
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            pts.insert(i + 1, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
            i + 1
        }
    };
    if pts.iter().all(inside) {
        return Some(pts);
    }
    pts.rotate_left(start);
    let n = pts.len();
    let mut out = Vec::with_capacity(n + 16);
    out.push(pts[0]);
    // While outside: the azimuth where we left, the last azimuth seen, and the net sweep.
    let mut run: Option<(f64, f64, f64)> = None;
    for i in 0..n {
        let (a, b) = (pts[i], pts[(i + 1) % n]);
        let crossings = crossings(a, b, radius);
        for (t, entering) in crossings {
            let c = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
            let az = c[1].atan2(c[0]);
            if entering {
                if let Some((from, last, sweep)) = run.take() {
                    rim(&mut out, radius, from, sweep + wrap(az - last));
                }
                out.push(c);
            } else {
                out.push(c);
                run = Some((az, az, 0.0));
            }
        }
        match run.as_mut() {
            Some((_, last, sweep)) => {
                let az = b[1].atan2(b[0]);
                *sweep += wrap(az - *last);
                *last = az;
            }
            None if i + 1 < n => out.push(b),
            None => {}
        }
    }
    (out.len() >= 3).then_some(out)
}

/// Where segment `a→b` crosses the circle, as (t in [0, 1], entering), in order.
fn crossings(a: [f64; 2], b: [f64; 2], r: f64) -> Vec<(f64, bool)> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let qa = d[0] * d[0] + d[1] * d[1];
    if qa == 0.0 {
        return Vec::new();
    }
    let qb = 2.0 * (a[0] * d[0] + a[1] * d[1]);
    let qc = a[0] * a[0] + a[1] * a[1] - r * r;
    let disc = qb * qb - 4.0 * qa * qc;
    if disc <= 0.0 {
        return Vec::new();
    }
    let s = disc.sqrt();
    let (t1, t2) = ((-qb - s) / (2.0 * qa), (-qb + s) / (2.0 * qa));
    let a_in = qc <= 0.0;
    let b_in = b[0].hypot(b[1]) <= r;
    match (a_in, b_in) {
        (true, true) => Vec::new(),
        (true, false) => vec![(t2.clamp(0.0, 1.0), false)],
        (false, true) => vec![(t1.clamp(0.0, 1.0), true)],
        (false, false) if t1 > 0.0 && t2 < 1.0 => vec![(t1, true), (t2, false)],
        (false, false) => Vec::new(),
    }
}

/// Appends points along the rim from azimuth `from` through `sweep` radians (end excluded).
fn rim(out: &mut Vec<[f64; 2]>, r: f64, from: f64, sweep: f64) {
    let steps = (sweep.abs() / RIM_STEP).ceil() as usize;
    for k in 1..steps {
        let az = from + sweep * k as f64 / steps as f64;
        out.push([r * az.cos(), r * az.sin()]);
    }
}

/// An angle difference brought into (-π, π].
fn wrap(a: f64) -> f64 {
    use std::f64::consts::PI;
    let w = (a + PI).rem_euclid(2.0 * PI) - PI;
    if w == -PI {
        PI
    } else {
        w
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn area(r: &[[f64; 2]]) -> f64 {
        let mut s = 0.0;
        for i in 0..r.len() {
            let (a, b) = (r[i], r[(i + 1) % r.len()]);
            s += a[0] * b[1] - b[0] * a[1];
        }
        s / 2.0
    }

    #[test]
    fn inside_kept_outside_dropped() {
        let small = [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.1]];
        assert_eq!(clip_ring_to_disc(&small, 1.0).map(|r| r.len()), Some(3));
        let far = [[5.0, 5.0], [6.0, 5.0], [6.0, 6.0]];
        assert_eq!(clip_ring_to_disc(&far, 1.0), None);
    }

    #[test]
    fn square_over_quarter_disc_follows_rim() {
        let square = [[0.0, 0.0], [3.0, 0.0], [3.0, 3.0], [0.0, 3.0], [0.0, 0.0]];
        let cut = clip_ring_to_disc(&square, 1.0).unwrap_or_default();
        let quarter = std::f64::consts::PI / 4.0;
        assert!((area(&cut) - quarter).abs() < 0.01, "{}", area(&cut));
        assert!(cut.iter().all(|p| p[0].hypot(p[1]) <= 1.0 + 1e-9));
    }

    #[test]
    fn ring_starting_outside_and_chord_through_disc() {
        // A thin band crossing the whole disc, starting outside: a chord both ways.
        let band = [[-2.0, -0.1], [2.0, -0.1], [2.0, 0.1], [-2.0, 0.1]];
        let cut = clip_ring_to_disc(&band, 1.0).unwrap_or_default();
        assert!((area(&cut) - 0.4).abs() < 0.01, "{}", area(&cut));
    }
}
