//! Property tests: projection round trips and ring clipping on random input.

use proptest::prelude::*;
use roundabout::geo::clip::clip_ring_to_disc;
use roundabout::geo::{Lambert, Projection};

proptest! {
    #[test]
    fn invert_undoes_project(c_lon in -180.0..180.0f64, c_lat in -89.0..89.0f64, lon in -180.0..180.0f64, lat in -89.9..89.9f64) {
        let p = Lambert::centred(c_lon, c_lat).with_scale(300.0).with_translate([400.0, 300.0]);
        if let Some([x, y]) = p.project(lon, lat) {
            let back = p.invert(x, y);
            prop_assert!(back.is_some());
            let [l2, p2] = back.unwrap_or([f64::NAN; 2]);
            let dlon = (l2 - lon + 540.0).rem_euclid(360.0) - 180.0;
            // Longitude is ill-defined at the poles: compare on the sphere instead.
            prop_assert!((p2 - lat).abs() < 1e-7 && (dlon * lat.to_radians().cos()).abs() < 1e-7, "{lon} {lat} → {l2} {p2}");
        }
    }

    #[test]
    fn clipped_rings_stay_in_the_disc(pts in prop::collection::vec((-3.0..3.0f64, -3.0..3.0f64), 3..40), r in 0.2..2.0f64) {
        let ring: Vec<[f64; 2]> = pts.iter().map(|&(x, y)| [x, y]).collect();
        if let Some(out) = clip_ring_to_disc(&ring, r) {
            prop_assert!(out.len() >= 3);
            for q in &out {
                prop_assert!(q[0].hypot(q[1]) <= r * (1.0 + 1e-9), "{q:?} outside {r}");
            }
        }
        if ring.iter().all(|q| q[0].hypot(q[1]) <= r) {
            prop_assert_eq!(clip_ring_to_disc(&ring, r).map(|o| o.len()), Some(ring.len()));
        }
    }
}
