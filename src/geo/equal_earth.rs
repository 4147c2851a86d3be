//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018) on the unit sphere, as d3-geo's
//! `geoEqualEarthRaw`: the world map of Datawrapper and many newsrooms, equal-area and north up.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// `(lambda, phi)` in radians to the raw plane, y north.
///
/// ```
/// let [x, y] = roundabout::geo::equal_earth::forward(0.0, 0.0);
/// assert!(x == 0.0 && y == 0.0);
/// ```
pub fn forward(lambda: f64, phi: f64) -> [f64; 2] {
    let l = (M * phi.sin()).asin();
    let (l2, l6) = (l * l, l.powi(6));
    [
        lambda * l.cos() / (M * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2))),
        l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)),
    ]
}

/// Undoes [`forward`] by Newton's method; `None` outside the world's outline.
pub fn invert(x: f64, y: f64) -> Option<[f64; 2]> {
    let mut l = y;
    for _ in 0..12 {
        let (l2, l6) = (l * l, l.powi(6));
        let fy = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - y;
        let fpy = A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2);
        let delta = fy / fpy;
        l -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let (l2, l6) = (l * l, l.powi(6));
    let lambda = M * x * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)) / l.cos();
    let sin_phi = l.sin() / M;
    (lambda.abs() <= std::f64::consts::PI + 1e-9 && sin_phi.abs() <= 1.0 + 1e-9)
        .then(|| [lambda, sin_phi.clamp(-1.0, 1.0).asin()])
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn round_trips_and_bounds() {
        for lon in (-180..=180).step_by(15) {
            for lat in (-85..=85).step_by(5) {
                let (l, p) = (f64::from(lon).to_radians(), f64::from(lat).to_radians());
                let [x, y] = forward(l, p);
                let back = invert(x, y).unwrap_or([9.0; 2]);
                assert!(
                    (back[0] - l).abs() < 1e-7 && (back[1] - p).abs() < 1e-7,
                    "{lon} {lat}"
                );
            }
        }
        // A parallel is a straight line: north is up everywhere.
        assert!((forward(-2.0, 0.7)[1] - forward(2.5, 0.7)[1]).abs() < 1e-12);
        assert_eq!(invert(4.0, 0.0), None);
    }
}
