//! The reader's pan and zoom, applied on top of the projection fitted to the flows.

use crate::geo::NorthUp;

/// Closest the reader can zoom out, relative to the fitted map.
pub const MIN_ZOOM: f64 = 0.5;
/// Furthest the reader can zoom in.
pub const MAX_ZOOM: f64 = 24.0;

/// Zoom about the middle of the map and a pan in CSS px, both relative to the fitted view.
/// The default is the fitted view itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// 1 is the fitted map; 2 shows half as much in each direction.
    pub zoom: f64,
    /// Screen offset in CSS px, applied after zooming.
    pub pan: [f64; 2],
}

impl Default for View {
    fn default() -> View {
        View {
            zoom: 1.0,
            pan: [0.0, 0.0],
        }
    }
}

impl View {
    /// Zooms by `factor` keeping the point under `at` (CSS px) where it is, in a map of `size`.
    ///
    /// ```
    /// use roundabout::scene::View;
    /// let size = [800.0, 500.0];
    /// let v = View::default().zoom_at([600.0, 100.0], 2.0, size);
    /// assert_eq!(v.zoom, 2.0);
    /// assert_eq!(v.to_screen([600.0, 100.0], size), [600.0, 100.0]);
    /// ```
    pub fn zoom_at(self, at: [f64; 2], factor: f64, size: [f64; 2]) -> View {
        if !(factor.is_finite() && factor > 0.0 && at.iter().all(|v| v.is_finite())) {
            return self;
        }
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let c = centre(size);
        // The fitted point now under `at` stays under it.
        let fixed = [0, 1].map(|i| c[i] + (at[i] - c[i] - self.pan[i]) / self.zoom);
        View {
            zoom,
            pan: [0, 1].map(|i| at[i] - c[i] - (fixed[i] - c[i]) * zoom),
        }
    }

    /// Moves the map by `by` CSS px, keeping part of the fitted map in view.
    pub fn pan_by(self, by: [f64; 2], size: [f64; 2]) -> View {
        if !by.iter().all(|v| v.is_finite()) {
            return self;
        }
        // The fitted map's middle may travel at most half the zoomed map's extent past the edge.
        let limit = [0, 1].map(|i| size[i] * (0.5 + self.zoom * 0.5));
        View {
            zoom: self.zoom,
            pan: [0, 1].map(|i| (self.pan[i] + by[i]).clamp(-limit[i], limit[i])),
        }
    }

    /// Where a point of the fitted map lands on screen.
    pub fn to_screen(&self, p: [f64; 2], size: [f64; 2]) -> [f64; 2] {
        let c = centre(size);
        [0, 1].map(|i| c[i] + (p[i] - c[i]) * self.zoom + self.pan[i])
    }

    /// The fitted projection with this view applied.
    pub fn apply(&self, fitted: NorthUp, size: [f64; 2]) -> NorthUp {
        let t = self.to_screen(fitted.translate(), size);
        let k = fitted.scale() * self.zoom;
        fitted.with_scale(k).with_translate(t)
    }

    /// Whether this is the fitted view.
    pub fn is_fitted(&self) -> bool {
        *self == View::default()
    }
}

fn centre(size: [f64; 2]) -> [f64; 2] {
    [size[0] / 2.0, size[1] / 2.0]
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::geo::Projection;

    const SIZE: [f64; 2] = [800.0, 500.0];

    #[test]
    fn zooming_in_and_out_again_returns_to_the_fitted_view() {
        let v = View::default().zoom_at([123.0, 321.0], 3.0, SIZE).zoom_at(
            [123.0, 321.0],
            1.0 / 3.0,
            SIZE,
        );
        assert!((v.zoom - 1.0).abs() < 1e-12);
        assert!(v.pan.iter().all(|p| p.abs() < 1e-9), "{v:?}");
    }

    #[test]
    fn zoom_is_bounded_and_bad_input_changes_nothing() {
        let v = View::default().zoom_at([0.0, 0.0], 1e9, SIZE);
        assert_eq!(v.zoom, MAX_ZOOM);
        assert_eq!(
            View::default().zoom_at([0.0, 0.0], 1e-9, SIZE).zoom,
            MIN_ZOOM
        );
        assert_eq!(v.zoom_at([f64::NAN, 0.0], 2.0, SIZE), v);
        assert_eq!(v.zoom_at([0.0, 0.0], -2.0, SIZE), v);
        assert_eq!(v.pan_by([f64::INFINITY, 0.0], SIZE), v);
    }

    #[test]
    fn panning_is_bounded() {
        let v = View::default().pan_by([1e6, -1e6], SIZE);
        assert_eq!(v.pan, [800.0, -500.0]);
    }

    #[test]
    fn the_projection_follows_the_view() {
        let fitted = NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9]])
            .with_scale(400.0)
            .with_translate([400.0, 250.0]);
        let view = View::default()
            .zoom_at([500.0, 200.0], 2.5, SIZE)
            .pan_by([-40.0, 15.0], SIZE);
        let moved = view.apply(fitted.clone(), SIZE);
        for (lon, lat) in [(37.6, 55.8), (71.4, 51.2), (116.4, 39.9)] {
            let (Some(a), Some(b)) = (fitted.project(lon, lat), moved.project(lon, lat)) else {
                panic!("unprojected")
            };
            let want = view.to_screen(a, SIZE);
            assert!(
                (b[0] - want[0]).abs() < 1e-9 && (b[1] - want[1]).abs() < 1e-9,
                "{b:?} {want:?}"
            );
        }
    }
}
