//! Albers equal-area conic on the unit sphere (as d3-geo's `conicEqualAreaRaw`): the projection of
//! mid-latitude regional maps, north up along every meridian's fan.

/// The raw conic for two standard parallels, in radians.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conic {
    n: f64,
    c: f64,
    r0: f64,
}

impl Conic {
    /// The cone through standard parallels `phi1` and `phi2` (radians); `None` when they sit
    /// symmetrically about the equator (the cone opens into a cylinder).
    ///
    /// ```
    /// use roundabout::geo::conic::Conic;
    /// assert!(Conic::new(0.7, 0.9).is_some() && Conic::new(-0.5, 0.5).is_none());
    /// ```
    pub fn new(phi1: f64, phi2: f64) -> Option<Conic> {
        let s1 = phi1.sin();
        let n = (s1 + phi2.sin()) / 2.0;
        if !(n.abs() > 1e-3 && n.is_finite()) {
            return None;
        }
        let c = 1.0 + s1 * (2.0 * n - s1);
        Some(Conic {
            n,
            c,
            r0: c.sqrt() / n,
        })
    }

    /// `(lambda, phi)` in radians (lambda from the central meridian) to the raw plane, y north.
    pub fn forward(&self, lambda: f64, phi: f64) -> [f64; 2] {
        let r = (self.c - 2.0 * self.n * phi.sin()).max(0.0).sqrt() / self.n;
        let (s, c) = (lambda * self.n).sin_cos();
        [r * s, self.r0 - r * c]
    }

    /// Undoes [`Conic::forward`]; `None` off the sphere's image.
    pub fn invert(&self, x: f64, y: f64) -> Option<[f64; 2]> {
        let r0y = self.r0 - y;
        let mut l = x.atan2(r0y.abs()) * r0y.signum();
        if r0y * self.n < 0.0 {
            l -= std::f64::consts::PI * x.signum() * r0y.signum();
        }
        let sin_phi = (self.c - (x * x + r0y * r0y) * self.n * self.n) / (2.0 * self.n);
        let lambda = l / self.n;
        (sin_phi.abs() <= 1.0 + 1e-9 && lambda.abs() <= std::f64::consts::PI + 1e-9)
            .then(|| [lambda, sin_phi.clamp(-1.0, 1.0).asin()])
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn round_trips_and_keeps_north_up() {
        let Some(c) = Conic::new(40f64.to_radians(), 55f64.to_radians()) else {
            panic!("no cone")
        };
        for lon in (-170..=170).step_by(10) {
            for lat in (-80..=80).step_by(10) {
                let (l, p) = (f64::from(lon).to_radians(), f64::from(lat).to_radians());
                let [x, y] = c.forward(l, p);
                let back = c.invert(x, y).unwrap_or([9.0; 2]);
                assert!(
                    (back[0] - l).abs() < 1e-9 && (back[1] - p).abs() < 1e-9,
                    "{lon} {lat}"
                );
            }
        }
        // On the central meridian, north is straight up; east lies to the right.
        let [x0, y0] = c.forward(0.0, 0.8);
        let [x1, y1] = c.forward(0.0, 0.9);
        assert!(x0.abs() < 1e-12 && x1.abs() < 1e-12 && y1 > y0);
        assert!(c.forward(0.1, 0.8)[0] > 0.0);
    }
}
