//! Property tests: the map's projection, chosen for random points, inverts what it projects.

use proptest::prelude::*;
use roundabout::geo::{NorthUp, Projection};

proptest! {
    #[test]
    fn invert_undoes_project(a_lon in -180.0..180.0f64, a_lat in -80.0..80.0f64, b_lon in -180.0..180.0f64, b_lat in -80.0..80.0f64, lon in -179.9..179.9f64, lat in -89.0..89.0f64) {
        let p = NorthUp::for_points(&[[a_lon, a_lat], [b_lon, b_lat]]).with_scale(300.0).with_translate([400.0, 300.0]);
        if let Some([x, y]) = p.project(lon, lat) {
            let back = p.invert(x, y);
            prop_assert!(back.is_some(), "{lon} {lat} → {x} {y} does not invert");
            let [l2, p2] = back.unwrap_or([f64::NAN; 2]);
            let dlon = (l2 - lon + 540.0).rem_euclid(360.0) - 180.0;
            prop_assert!((p2 - lat).abs() < 1e-6 && dlon.abs() < 1e-6, "{lon} {lat} → {l2} {p2}");
        }
    }
}
