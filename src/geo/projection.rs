//! The `Projection` trait: lon/lat in degrees to screen pixels (y down) and back.

/// A map projection in screen space.
///
/// Implementors give `project` and `invert`; `project_ring` has a default that projects
/// point by point and drops what cannot be shown, which projections with a clip region
/// override to cut rings cleanly at its edge.
pub trait Projection {
    /// Screen position of a point, or `None` when it is not visible in this projection.
    fn project(&self, lon: f64, lat: f64) -> Option<[f64; 2]>;

    /// Lon/lat of a screen position, or `None` when no point of the sphere lands there.
    fn invert(&self, x: f64, y: f64) -> Option<[f64; 2]>;

    /// A ring of lon/lat points in screen space, or `None` when nothing of it is visible.
    fn project_ring(&self, ring: &[[f64; 2]]) -> Option<Vec<[f64; 2]>> {
        let out: Vec<[f64; 2]> = ring
            .iter()
            .filter_map(|p| self.project(p[0], p[1]))
            .collect();
        (out.len() >= 3).then_some(out)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    struct Plate;
    impl Projection for Plate {
        fn project(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
            (lon >= 0.0).then_some([lon, -lat])
        }
        fn invert(&self, x: f64, y: f64) -> Option<[f64; 2]> {
            Some([x, -y])
        }
    }

    #[test]
    fn default_ring_drops_invisible_points() {
        let ring = [[0.0, 0.0], [1.0, 0.0], [-1.0, 1.0], [1.0, 1.0], [0.0, 0.0]];
        assert_eq!(Plate.project_ring(&ring).map(|r| r.len()), Some(4));
        assert_eq!(Plate.project_ring(&[[-1.0, 0.0], [-2.0, 0.0]]), None);
    }
}
