//! The map's projection, north up at every extent: an Albers equal-area conic for a region (standard
//! parallels at a sixth of its latitudes from either edge, its central meridian through the region's
//! middle), Equal Earth for the world or a region astride the equator. So do Datawrapper's and the FT's maps.

use super::conic::Conic;
use super::equal_earth;
use super::fit::Fit;
use super::projection::Projection;

/// Points spread over more longitude than this (degrees) get the world map.
const WORLD_SPAN: f64 = 150.0;
/// A cone flatter than this (the sine of the mean standard parallel) is nearly a cylinder: Equal Earth.
const FLAT_CONE: f64 = 0.1;
/// Standard parallels stay clear of the poles.
const MAX_PARALLEL: f64 = 75.0;

/// How the sphere is unrolled.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Conic(Conic),
    EqualEarth,
}

/// A north-up projection with a central meridian, a scale (px per unit of the raw plane) and a translate.
#[derive(Debug, Clone, PartialEq)]
pub struct NorthUp {
    shape: Shape,
    lon0: f64,
    scale: f64,
    translate: [f64; 2],
}

impl NorthUp {
    /// The projection for a map of `points` (lon/lat degrees), scale 1 and translate (0, 0).
    ///
    /// ```
    /// use roundabout::geo::NorthUp;
    /// assert!(NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9]]).is_conic());
    /// assert!(!NorthUp::for_points(&[[-77.0, 38.9], [116.4, 39.9], [151.2, -33.9]]).is_conic());
    /// ```
    pub fn for_points(points: &[[f64; 2]]) -> NorthUp {
        let points: Vec<[f64; 2]> = points
            .iter()
            .copied()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .collect();
        let (span, middle) = longitude_arc(&points);
        let south = points.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
        let north = points
            .iter()
            .map(|p| p[1])
            .fold(f64::NEG_INFINITY, f64::max);
        let world = NorthUp {
            shape: Shape::EqualEarth,
            lon0: 0.0,
            scale: 1.0,
            translate: [0.0, 0.0],
        };
        // No points at all (south stays +∞): the world.
        if span > WORLD_SPAN || south > north {
            return world;
        }
        let sixth = (north - south) / 6.0;
        let [p1, p2] = [south + sixth, north - sixth]
            .map(|p| p.clamp(-MAX_PARALLEL, MAX_PARALLEL).to_radians());
        let shape = match Conic::new(p1, p2) {
            Some(c) if (p1.sin() + p2.sin()).abs() / 2.0 >= FLAT_CONE => Shape::Conic(c),
            _ => Shape::EqualEarth,
        };
        NorthUp {
            shape,
            lon0: middle,
            ..world
        }
    }

    /// Whether this is a conic (a regional map) rather than Equal Earth.
    pub fn is_conic(&self) -> bool {
        matches!(self.shape, Shape::Conic(_))
    }

    /// The central meridian, degrees.
    pub fn lon0(&self) -> f64 {
        self.lon0
    }

    /// The same projection with another scale.
    pub fn with_scale(mut self, scale: f64) -> NorthUp {
        self.scale = scale;
        self
    }

    /// The same projection with another translate: where the raw plane's origin lands on screen.
    pub fn with_translate(mut self, translate: [f64; 2]) -> NorthUp {
        self.translate = translate;
        self
    }

    /// Pixels per unit of the raw plane.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Screen position of the raw plane's origin.
    pub fn translate(&self) -> [f64; 2] {
        self.translate
    }

    /// The raw plane's point for a longitude already taken from the central meridian, in degrees.
    /// Kept out of line, so that its two projections are not copied into each caller.
    #[inline(never)]
    fn raw(&self, lambda: f64, lat: f64) -> [f64; 2] {
        let (l, p) = (lambda.to_radians(), lat.clamp(-90.0, 90.0).to_radians());
        match &self.shape {
            Shape::Conic(c) => c.forward(l, p),
            Shape::EqualEarth => equal_earth::forward(l, p),
        }
    }

    fn to_screen(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [
            self.translate[0] + self.scale * x,
            self.translate[1] - self.scale * y,
        ]
    }
}

impl Projection for NorthUp {
    fn project(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
        (lon.is_finite() && lat.is_finite())
            .then(|| self.to_screen(self.raw(wrap(lon - self.lon0), lat)))
    }

    fn invert(&self, x: f64, y: f64) -> Option<[f64; 2]> {
        if self.scale == 0.0 || !self.scale.is_finite() {
            return None;
        }
        let (rx, ry) = (
            (x - self.translate[0]) / self.scale,
            (self.translate[1] - y) / self.scale,
        );
        let [l, p] = match &self.shape {
            Shape::Conic(c) => c.invert(rx, ry)?,
            Shape::EqualEarth => equal_earth::invert(rx, ry)?,
        };
        Some([wrap(l.to_degrees() + self.lon0), p.to_degrees()])
    }

    /// A ring that crosses the meridian opposite the central one (Fiji's, at 180°, on a world map; the
    /// Americas' on a cone over Eurasia) is drawn whole, its longitudes unwrapped, a little beyond the map's
    /// edge rather than as a band across it. One round a pole (Antarctica) keeps its own longitudes on a
    /// map centred on Greenwich, where its shape is already cut at ±180°, and is left out on any other.
    fn project_ring(&self, ring: &[[f64; 2]]) -> Option<Vec<[f64; 2]>> {
        let points = ring.iter().filter(|p| p[0].is_finite() && p[1].is_finite());
        let mut unwrapped: Vec<[f64; 3]> = Vec::with_capacity(ring.len());
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for p in points {
            let lambda = match unwrapped.last() {
                None => wrap(p[0] - self.lon0),
                Some(q) => q[0] + wrap(p[0] - q[2]),
            };
            (low, high) = (low.min(lambda), high.max(lambda));
            unwrapped.push([lambda, p[1], p[0]]);
        }
        let round_a_pole = high - low >= 359.0;
        if round_a_pole && self.lon0 != 0.0 {
            return None;
        }
        let out: Vec<[f64; 2]> = unwrapped
            .iter()
            .map(|&[l, lat, lon]| self.to_screen(self.raw(if round_a_pole { lon } else { l }, lat)))
            .collect();
        (out.len() >= 3).then_some(out)
    }
}

impl Fit for NorthUp {
    fn framed(&self, scale: f64, translate: [f64; 2]) -> Self {
        self.clone().with_scale(scale).with_translate(translate)
    }
}

/// Degrees into [-180, 180].
fn wrap(d: f64) -> f64 {
    if (-180.0..=180.0).contains(&d) {
        d
    } else {
        (d + 180.0).rem_euclid(360.0) - 180.0
    }
}

/// The shortest arc of longitude holding every point: its span and its middle, degrees.
fn longitude_arc(points: &[[f64; 2]]) -> (f64, f64) {
    let mut lons: Vec<f64> = points.iter().map(|p| wrap(p[0])).collect();
    crate::sort::sort_by(&mut lons, &|a, b| a.total_cmp(b));
    let (Some(&first), Some(&end)) = (lons.first(), lons.last()) else {
        return (0.0, 0.0);
    };
    // The widest gap between neighbours (the last back round to the first included) is what the arc leaves out.
    let mut gap = (first + 360.0 - end, end);
    for w in lons.windows(2) {
        if w[1] - w[0] > gap.0 {
            gap = (w[1] - w[0], w[0]);
        }
    }
    let span = 360.0 - gap.0;
    (span, wrap(gap.1 + gap.0 + span / 2.0))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_arc_of_longitudes_may_cross_the_date_line() {
        let (span, middle) = longitude_arc(&[[170.0, 0.0], [-170.0, 0.0], [175.0, 0.0]]);
        assert!(
            (span - 20.0).abs() < 1e-9 && (middle.abs() - 180.0).abs() < 1e-9,
            "{span} {middle}"
        );
        let (span, middle) = longitude_arc(&[[37.6, 0.0], [116.4, 0.0], [71.4, 0.0]]);
        assert!((span - 78.8).abs() < 1e-9 && (middle - 77.0).abs() < 1e-9);
        assert_eq!(longitude_arc(&[]), (0.0, 0.0));
    }

    #[test]
    fn regions_get_a_cone_the_world_and_the_equator_equal_earth() {
        let eurasia = NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9], [71.4, 51.2]]);
        assert!(eurasia.is_conic() && (eurasia.lon0() - 77.0).abs() < 1e-9);
        let world =
            NorthUp::for_points(&[[-77.0, 38.9], [116.4, 39.9], [2.35, 48.9], [174.8, -41.3]]);
        assert!(!world.is_conic() && world.lon0() == 0.0);
        let astride = NorthUp::for_points(&[[28.2, -25.7], [31.2, 30.0]]);
        assert!(!astride.is_conic() && astride.lon0() != 0.0);
    }

    #[test]
    fn north_is_up_across_the_whole_map() {
        // Over the region the cone was chosen for, and over the whole world.
        for (p, lons) in [
            (
                NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9]]),
                30..=120,
            ),
            (
                NorthUp::for_points(&[[-77.0, 38.9], [116.4, 39.9], [174.8, -41.3]]),
                -170..=170,
            ),
        ] {
            let p = p.with_scale(100.0);
            for lon in lons.step_by(10) {
                let lon = f64::from(lon);
                let (Some(a), Some(b)) = (p.project(lon, 40.0), p.project(lon, 41.0)) else {
                    panic!("{lon} does not project")
                };
                // A step north goes up the screen, never mostly sideways.
                assert!(a[1] - b[1] > (a[0] - b[0]).abs(), "{lon}: {a:?} {b:?}");
                let back = p.invert(a[0], a[1]).unwrap_or([999.0; 2]);
                assert!(
                    (back[0] - lon).abs() < 1e-6 && (back[1] - 40.0).abs() < 1e-6,
                    "{lon}: {back:?}"
                );
            }
        }
    }

    #[test]
    fn rings_across_the_far_meridian_stay_whole() {
        let p = NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9]]).with_scale(100.0);
        // A box astride 180°, 77° + 180° from the middle: unwrapped, its points stay within a few degrees' width.
        let ring = [
            [-105.0, 40.0],
            [-100.0, 40.0],
            [-100.0, 45.0],
            [-105.0, 45.0],
        ];
        let Some(xy) = p.project_ring(&ring) else {
            panic!("no ring")
        };
        let width = xy.iter().map(|q| q[0]).fold(f64::NEG_INFINITY, f64::max)
            - xy.iter().map(|q| q[0]).fold(f64::INFINITY, f64::min);
        assert!(width < 30.0, "{width}");
        let pole = [
            [-180.0, -80.0],
            [-60.0, -80.0],
            [60.0, -80.0],
            [180.0, -80.0],
            [180.0, -90.0],
            [-180.0, -90.0],
        ];
        assert!(p.project_ring(&pole).is_none());
        assert!(
            NorthUp::for_points(&[[-77.0, 38.9], [116.4, 39.9], [174.8, -41.3]])
                .project_ring(&pole)
                .is_some()
        );
    }
}
