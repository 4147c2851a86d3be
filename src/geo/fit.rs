//! Choosing scale and translate so that given lon/lat points fill a viewport (d3's `fitExtent`).

use super::error::Error;
use super::projection::Projection;

/// A projection whose scale and translate can be replaced; screen = scale · raw + translate.
pub trait Fit: Projection + Sized {
    /// The same projection with this scale and translate.
    fn framed(&self, scale: f64, translate: [f64; 2]) -> Self;
}

/// `projection` with scale and translate chosen so that `points` (lon/lat degrees) fill
/// `width × height` less `padding` on every side, centred. Points that do not project are ignored.
///
/// ```
/// use roundabout::geo::{fit, NorthUp, Projection};
/// let p = fit(&NorthUp::for_points(&[]), &[[37.6, 55.8], [116.4, 39.9]], 800.0, 600.0, 20.0).unwrap();
/// let [x, _] = p.project(37.6, 55.8).unwrap();
/// assert!((x - 20.0).abs() < 1e-6);
/// ```
pub fn fit<P: Fit>(
    projection: &P,
    points: &[[f64; 2]],
    width: f64,
    height: f64,
    padding: f64,
) -> Result<P, Error> {
    let (w, h) = (width - 2.0 * padding, height - 2.0 * padding);
    if !(w > 0.0 && h > 0.0) {
        return Err(Error::NoRoom {
            width,
            height,
            padding,
        });
    }
    let unit = projection.framed(1.0, [0.0, 0.0]);
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for p in points.iter().filter_map(|p| unit.project(p[0], p[1])) {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    if !b[0].is_finite() {
        return Err(Error::NothingToFit(points.len()));
    }
    let (bw, bh) = (b[2] - b[0], b[3] - b[1]);
    // A single point (or a line) still gets a view: about 10° of arc across the smaller side.
    let k = match (bw > 1e-9, bh > 1e-9) {
        (true, true) => (w / bw).min(h / bh),
        (true, false) => w / bw,
        (false, true) => h / bh,
        (false, false) => w.min(h) / 0.17,
    };
    let t = [
        width / 2.0 - k * (b[0] + b[2]) / 2.0,
        height / 2.0 - k * (b[1] + b[3]) / 2.0,
    ];
    Ok(projection.framed(k, t))
}

/// Points along the edges of a lon/lat box, for fitting to a region rather than to points.
///
/// ```
/// use roundabout::geo::bbox_points;
/// assert_eq!(bbox_points(0.0, 0.0, 10.0, 10.0).len(), 4 * 8);
/// ```
pub fn bbox_points(west: f64, south: f64, east: f64, north: f64) -> Vec<[f64; 2]> {
    const STEPS: usize = 8;
    let mut out = Vec::with_capacity(4 * STEPS);
    for i in 0..STEPS {
        let f = i as f64 / STEPS as f64;
        out.push([west + f * (east - west), south]);
        out.push([east, south + f * (north - south)]);
        out.push([east - f * (east - west), north]);
        out.push([west, north - f * (north - south)]);
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geo::NorthUp;

    #[test]
    fn fills_viewport_and_keeps_points_inside() {
        let pts = [[37.6, 55.8], [116.4, 39.9], [71.4, 51.2], [74.6, 42.9]];
        for (w, h) in [(1280.0, 800.0), (375.0, 700.0)] {
            let p = fit(&NorthUp::for_points(&pts), &pts, w, h, 30.0)
                .unwrap_or_else(|_| NorthUp::for_points(&[]));
            let xy: Vec<[f64; 2]> = pts.iter().filter_map(|q| p.project(q[0], q[1])).collect();
            assert_eq!(xy.len(), 4);
            assert!(xy
                .iter()
                .all(|q| q[0] >= 30.0 - 1e-6 && q[0] <= w - 30.0 + 1e-6));
            assert!(xy
                .iter()
                .all(|q| q[1] >= 30.0 - 1e-6 && q[1] <= h - 30.0 + 1e-6));
            let touches = xy
                .iter()
                .any(|q| (q[0] - 30.0).abs() < 1e-6 || (q[1] - 30.0).abs() < 1e-6);
            assert!(touches);
        }
    }

    #[test]
    fn errors_name_the_problem() {
        let p = NorthUp::for_points(&[]);
        assert!(matches!(
            fit(&p, &[[1.0, 1.0]], 10.0, 10.0, 6.0),
            Err(Error::NoRoom { .. })
        ));
        assert!(matches!(
            fit(&p, &[[f64::NAN, 0.0]], 100.0, 100.0, 6.0),
            Err(Error::NothingToFit(1))
        ));
        assert!(fit(&p, &[[1.0, 1.0]], 100.0, 100.0, 6.0).is_ok());
    }
}
