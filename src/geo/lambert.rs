//! Lambert azimuthal equal-area: the raw function on the unit sphere, its inverse, and
//! [`Lambert`], which adds a centre (rotation), scale, translate and a clip angle.

use super::clip::clip_ring_to_disc;
use super::fit::Fit;
use super::projection::Projection;
use super::rotation::Rotation;

/// Raw forward projection of `(lambda, phi)` in radians, centred on (0, 0); y points north.
/// `None` only at the antipode, where the projection is a whole circle.
///
/// ```
/// use roundabout::geo::lambert::raw;
/// let [x, y] = raw(std::f64::consts::FRAC_PI_2, 0.0).unwrap();
/// assert!((x - 2f64.sqrt()).abs() < 1e-12 && y.abs() < 1e-12);
/// ```
pub fn raw(lambda: f64, phi: f64) -> Option<[f64; 2]> {
    let cos_phi = phi.cos();
    let cos_c = lambda.cos() * cos_phi;
    if 1.0 + cos_c < 1e-12 {
        return None;
    }
    let k = (2.0 / (1.0 + cos_c)).sqrt();
    Some([k * cos_phi * lambda.sin(), k * phi.sin()])
}

/// Inverse of [`raw`]: `(lambda, phi)` in radians, or `None` outside the disc of radius 2.
pub fn raw_invert(x: f64, y: f64) -> Option<[f64; 2]> {
    let z = x.hypot(y);
    if z > 2.0 + 1e-12 {
        return None;
    }
    let c = 2.0 * (z / 2.0).min(1.0).asin();
    let (sin_c, cos_c) = c.sin_cos();
    let phi = if z == 0.0 {
        0.0
    } else {
        (y * sin_c / z).clamp(-1.0, 1.0).asin()
    };
    Some([(x * sin_c).atan2(z * cos_c), phi])
}

/// Radius in the raw plane of the small circle `angle` degrees from the centre.
fn raw_radius(angle: f64) -> f64 {
    2.0 * (angle.to_radians() / 2.0).sin()
}

/// The Lambert azimuthal equal-area projection centred on a lon/lat, in screen pixels (y down).
///
/// Points farther than `clip_angle` degrees from the centre are not shown: the far
/// hemisphere would otherwise wrap around the rim.
#[derive(Debug, Clone, PartialEq)]
pub struct Lambert {
    centre: [f64; 2],
    rotation: Rotation,
    scale: f64,
    translate: [f64; 2],
    clip_angle: f64,
}

impl Lambert {
    /// Default clip angle in degrees: a little beyond the hemisphere.
    pub const CLIP_ANGLE: f64 = 105.0;

    /// Centred on `(lon, lat)` degrees, scale 1, translate (0, 0), clip at [`Lambert::CLIP_ANGLE`].
    ///
    /// ```
    /// use roundabout::geo::{Lambert, Projection};
    /// let p = Lambert::centred(70.0, 45.0).with_scale(100.0).with_translate([400.0, 300.0]);
    /// let [x, y] = p.project(70.0, 45.0).unwrap();
    /// assert!((x - 400.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9);
    /// ```
    pub fn centred(lon: f64, lat: f64) -> Lambert {
        Lambert {
            centre: [lon, lat],
            rotation: Rotation::to_origin(lon, lat),
            scale: 1.0,
            translate: [0.0, 0.0],
            clip_angle: Self::CLIP_ANGLE,
        }
    }

    /// The same projection with another scale (pixels per unit of the raw plane).
    pub fn with_scale(mut self, scale: f64) -> Lambert {
        self.scale = scale;
        self
    }

    /// The same projection with another translate: the screen position of the centre.
    pub fn with_translate(mut self, translate: [f64; 2]) -> Lambert {
        self.translate = translate;
        self
    }

    /// The same projection showing only points within `degrees` of the centre (clamped to (0, 180]).
    pub fn with_clip_angle(mut self, degrees: f64) -> Lambert {
        self.clip_angle = if degrees.is_finite() {
            degrees.clamp(1e-6, 180.0)
        } else {
            180.0
        };
        self
    }

    /// The centre as lon/lat degrees.
    pub fn centre(&self) -> [f64; 2] {
        self.centre
    }

    /// Pixels per unit of the raw plane.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Screen position of the centre.
    pub fn translate(&self) -> [f64; 2] {
        self.translate
    }

    /// The clip angle in degrees.
    pub fn clip_angle(&self) -> f64 {
        self.clip_angle
    }

    fn raw_of(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
        let [l, p] = self.rotation.forward(lon.to_radians(), lat.to_radians());
        raw(l, p)
    }

    fn to_screen(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [
            self.translate[0] + self.scale * x,
            self.translate[1] - self.scale * y,
        ]
    }
}

impl Projection for Lambert {
    fn project(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
        if !(lon.is_finite() && lat.is_finite()) {
            return None;
        }
        let p = self.raw_of(lon, lat)?;
        (p[0].hypot(p[1]) <= raw_radius(self.clip_angle) + 1e-12).then(|| self.to_screen(p))
    }

    fn invert(&self, x: f64, y: f64) -> Option<[f64; 2]> {
        if self.scale == 0.0 || !self.scale.is_finite() {
            return None;
        }
        let rx = (x - self.translate[0]) / self.scale;
        let ry = (self.translate[1] - y) / self.scale;
        if rx.hypot(ry) > raw_radius(self.clip_angle) + 1e-9 {
            return None;
        }
        let [l, p] = raw_invert(rx, ry)?;
        let [lon, lat] = self.rotation.invert(l, p);
        Some([lon.to_degrees(), lat.to_degrees()])
    }

    /// Projects the ring in the raw plane, where the visible cap is a disc (azimuth is kept),
    /// cuts it at that disc and follows the rim between exit and entry.
    fn project_ring(&self, ring: &[[f64; 2]]) -> Option<Vec<[f64; 2]>> {
        let raw: Vec<[f64; 2]> = ring
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .filter_map(|p| self.raw_of(p[0], p[1]))
            .collect();
        let clipped = clip_ring_to_disc(&raw, raw_radius(self.clip_angle))?;
        Some(clipped.into_iter().map(|p| self.to_screen(p)).collect())
    }
}

impl Fit for Lambert {
    fn framed(&self, scale: f64, translate: [f64; 2]) -> Self {
        self.clone().with_scale(scale).with_translate(translate)
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use std::f64::consts::{FRAC_PI_2, PI};

    fn close(a: [f64; 2], b: [f64; 2], tol: f64) -> bool {
        (a[0] - b[0]).abs() < tol && (a[1] - b[1]).abs() < tol
    }

    #[test]
    fn raw_known_values() {
        assert!(close(raw(0.0, 0.0).unwrap_or([9.0; 2]), [0.0, 0.0], 1e-12));
        assert!(close(
            raw(0.0, FRAC_PI_2).unwrap_or([9.0; 2]),
            [0.0, 2f64.sqrt()],
            1e-12
        ));
        assert!(close(
            raw(-FRAC_PI_2, 0.0).unwrap_or([9.0; 2]),
            [-(2f64.sqrt()), 0.0],
            1e-12
        ));
        // Near the antipode the whole sphere lands on the circle of radius 2.
        let [x, y] = raw(PI - 1e-4, 0.0).unwrap_or([0.0; 2]);
        assert!((x.hypot(y) - 2.0).abs() < 1e-6);
        assert_eq!(raw(PI, 0.0), None);
    }

    #[test]
    fn raw_round_trip() {
        for i in -17..=17 {
            for j in -8..=8 {
                let (l, p) = (
                    (i as f64 * 10.0).to_radians(),
                    (j as f64 * 10.0).to_radians(),
                );
                let xy = raw(l, p).unwrap_or([9.0; 2]);
                let back = raw_invert(xy[0], xy[1]).unwrap_or([9.0; 2]);
                assert!(close(back, [l, p], 1e-9), "{i} {j}: {back:?}");
            }
        }
        assert_eq!(raw_invert(2.1, 0.0), None);
    }

    #[test]
    fn wrapper_round_trip_and_centre() {
        let p = Lambert::centred(70.0, 45.0)
            .with_scale(500.0)
            .with_translate([640.0, 400.0]);
        assert!(close(
            p.project(70.0, 45.0).unwrap_or([0.0; 2]),
            [640.0, 400.0],
            1e-9
        ));
        for lon in (-180..180).step_by(15) {
            for lat in (-85..=85).step_by(5) {
                let (lon, lat) = (lon as f64, lat as f64);
                if let Some([x, y]) = p.project(lon, lat) {
                    let back = p.invert(x, y).unwrap_or([999.0; 2]);
                    let dlon = (back[0] - lon + 540.0).rem_euclid(360.0) - 180.0;
                    assert!(
                        dlon.abs() < 1e-7 && (back[1] - lat).abs() < 1e-7,
                        "{lon} {lat} {back:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let p = Lambert::centred(70.0, 45.0).with_scale(100.0);
        let [_, y_north] = p.project(70.0, 55.0).unwrap_or([0.0; 2]);
        let [x_east, _] = p.project(80.0, 45.0).unwrap_or([0.0; 2]);
        assert!(y_north < 0.0 && x_east > 0.0);
    }

    #[test]
    fn clips_far_side() {
        let p = Lambert::centred(70.0, 45.0);
        assert_eq!(p.project(-110.0, -45.0), None);
        assert!(p.project(-100.0, 40.0).is_some() == (angle(70.0, 45.0, -100.0, 40.0) <= 105.0));
        let far = p
            .clone()
            .with_scale(10.0)
            .with_translate([0.0, 0.0])
            .invert(19.9, 0.0);
        assert_eq!(far, None);
    }

    fn angle(lon0: f64, lat0: f64, lon: f64, lat: f64) -> f64 {
        let (a, b) = (lat0.to_radians(), lat.to_radians());
        (a.sin() * b.sin() + a.cos() * b.cos() * (lon - lon0).to_radians().cos())
            .acos()
            .to_degrees()
    }

    /// Area of a small lon/lat cell on screen, over its area on the unit sphere.
    fn area_ratio(p: &Lambert, lon: f64, lat: f64) -> f64 {
        let d = 0.01;
        let corners = [
            [lon, lat],
            [lon + d, lat],
            [lon + d, lat + d],
            [lon, lat + d],
        ];
        let xy: Vec<[f64; 2]> = corners
            .iter()
            .filter_map(|c| p.project(c[0], c[1]))
            .collect();
        let mut twice = 0.0;
        for i in 0..xy.len() {
            let (a, b) = (xy[i], xy[(i + 1) % xy.len()]);
            twice += a[0] * b[1] - b[0] * a[1];
        }
        let sphere = d.to_radians() * ((lat + d).to_radians().sin() - lat.to_radians().sin());
        (twice / 2.0).abs() / sphere
    }

    #[test]
    fn equal_area() {
        let p = Lambert::centred(70.0, 45.0).with_scale(1.0);
        let reference = area_ratio(&p, 70.0, 45.0);
        assert!((reference - 1.0).abs() < 1e-3, "{reference}");
        for (lon, lat) in [
            (37.6, 55.8),
            (116.4, 39.9),
            (-0.1, 51.5),
            (74.6, 42.9),
            (30.0, -10.0),
            (150.0, 60.0),
        ] {
            let r = area_ratio(&p, lon, lat);
            assert!((r / reference - 1.0).abs() < 0.01, "{lon} {lat}: {r}");
        }
    }
}
