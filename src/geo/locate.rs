//! Which country a point of the globe falls in, for clicks and hovers on the map.

use super::topojson::{Country, World};

impl World {
    /// The country whose shape holds `[lon, lat]` (degrees), tested on the lon/lat plane with the
    /// even-odd rule, so holes count. Rings that cross the antimeridian are unwrapped into one
    /// continuous run of longitudes, and the point is tried a turn either side too.
    ///
    /// ```
    /// use roundabout::geo::{Country, World};
    /// let square = vec![vec![[60.0, 40.0], [80.0, 40.0], [80.0, 50.0], [60.0, 50.0], [60.0, 40.0]]];
    /// let world = World { countries: vec![Country { id: 398, name: "Kazakhstan".into(), polygons: vec![square] }] };
    /// assert_eq!(world.country_at([71.4, 45.0]).map(|c| c.id), Some(398));
    /// assert!(world.country_at([37.6, 55.8]).is_none());
    /// ```
    pub fn country_at(&self, p: [f64; 2]) -> Option<&Country> {
        if !p.iter().all(|v| v.is_finite()) {
            return None;
        }
        self.countries.iter().find(|c| c.polygons.iter().any(|rings| inside(rings, p)))
    }
}

fn inside(rings: &[Vec<[f64; 2]>], p: [f64; 2]) -> bool {
    let unwrapped: Vec<Vec<[f64; 2]>> = rings.iter().map(|r| unwrap(r)).collect();
    [0.0, 360.0, -360.0].iter().any(|turn| {
        let q = [p[0] + turn, p[1]];
        let mut odd = false;
        for ring in &unwrapped {
            for pair in ring.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                if (a[1] > q[1]) != (b[1] > q[1]) && q[0] < a[0] + (q[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]) {
                    odd = !odd;
                }
            }
        }
        odd
    })
}

/// The ring with each longitude moved by whole turns to within half a turn of the one before.
fn unwrap(ring: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(ring.len());
    for &[lon, lat] in ring {
        let lon = match out.last() {
            Some(prev) => prev[0] + (lon - prev[0] + 540.0).rem_euclid(360.0) - 180.0,
            None => lon,
        };
        out.push([lon, lat]);
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    fn world(polygons: Vec<Vec<Vec<[f64; 2]>>>) -> World {
        World { countries: vec![Country { id: 1, name: String::new(), polygons }] }
    }

    #[test]
    fn holes_are_outside() {
        let outer = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0], [4.0, 4.0]];
        let w = world(vec![vec![outer, hole]]);
        assert!(w.country_at([2.0, 2.0]).is_some());
        assert!(w.country_at([5.0, 5.0]).is_none());
        assert!(w.country_at([f64::NAN, 5.0]).is_none());
    }

    #[test]
    fn rings_across_the_antimeridian() {
        let ring = vec![[170.0, 60.0], [-170.0, 60.0], [-170.0, 70.0], [170.0, 70.0], [170.0, 60.0]];
        let w = world(vec![vec![ring]]);
        assert!(w.country_at([179.0, 65.0]).is_some());
        assert!(w.country_at([-175.0, 65.0]).is_some());
        assert!(w.country_at([160.0, 65.0]).is_none());
    }
}
