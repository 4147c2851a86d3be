//! Spherical rotation that brings a chosen centre to lon/lat 0/0 (as d3-geo's `rotate([-λ0, -φ0])`).

/// A rotation of the sphere: first about the polar axis by `-lon0`, then about the new
/// y axis by `-lat0`, so that `(lon0, lat0)` lands on `(0, 0)`. Angles in radians.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rotation {
    lambda0: f64,
    cos_phi0: f64,
    sin_phi0: f64,
}

impl Rotation {
    /// The rotation that moves `(lon0, lat0)` (degrees) to the origin.
    ///
    /// ```
    /// use roundabout::geo::Rotation;
    /// let r = Rotation::to_origin(70.0, 45.0);
    /// let [l, p] = r.forward(70f64.to_radians(), 45f64.to_radians());
    /// assert!(l.abs() < 1e-12 && p.abs() < 1e-12);
    /// ```
    pub fn to_origin(lon0: f64, lat0: f64) -> Rotation {
        let phi0 = lat0.to_radians();
        Rotation {
            lambda0: lon0.to_radians(),
            cos_phi0: phi0.cos(),
            sin_phi0: phi0.sin(),
        }
    }

    /// Rotates `(lambda, phi)` in radians.
    pub fn forward(&self, lambda: f64, phi: f64) -> [f64; 2] {
        let lambda = lambda - self.lambda0;
        let cos_phi = phi.cos();
        let x = lambda.cos() * cos_phi;
        let y = lambda.sin() * cos_phi;
        let z = phi.sin();
        let x2 = x * self.cos_phi0 + z * self.sin_phi0;
        let z2 = z * self.cos_phi0 - x * self.sin_phi0;
        [y.atan2(x2), z2.clamp(-1.0, 1.0).asin()]
    }

    /// Undoes [`Rotation::forward`].
    pub fn invert(&self, lambda: f64, phi: f64) -> [f64; 2] {
        let cos_phi = phi.cos();
        let x = lambda.cos() * cos_phi;
        let y = lambda.sin() * cos_phi;
        let z = phi.sin();
        let x2 = x * self.cos_phi0 - z * self.sin_phi0;
        let z2 = z * self.cos_phi0 + x * self.sin_phi0;
        let lambda = y.atan2(x2) + self.lambda0;
        [wrap_pi(lambda), z2.clamp(-1.0, 1.0).asin()]
    }
}

/// Brings an angle in radians into [-π, π).
fn wrap_pi(a: f64) -> f64 {
    use std::f64::consts::PI;
    (a + PI).rem_euclid(2.0 * PI) - PI
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn round_trips() {
        let r = Rotation::to_origin(70.0, 45.0);
        for lon in (-170..=170).step_by(20) {
            for lat in (-80..=80).step_by(20) {
                let (l, p) = ((lon as f64).to_radians(), (lat as f64).to_radians());
                let [a, b] = r.forward(l, p);
                let [l2, p2] = r.invert(a, b);
                assert!(
                    (wrap_pi(l2 - l)).abs() < 1e-9 && (p2 - p).abs() < 1e-9,
                    "{lon} {lat}"
                );
            }
        }
    }

    #[test]
    fn pole_moves_by_colatitude() {
        let r = Rotation::to_origin(70.0, 45.0);
        let [_, p] = r.forward(0.0, 90f64.to_radians());
        assert!((p.to_degrees() - 45.0).abs() < 1e-9);
    }
}
