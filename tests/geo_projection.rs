//! The Lambert azimuthal equal-area projection: forward and inverse with tolerances, known
//! values, the equal-area property, clipping, and fitting.

use roundabout::geo::{anchor, bbox_points, fit, Lambert, Projection, World};

fn lambert() -> Lambert {
    Lambert::centred(70.0, 45.0)
        .with_scale(600.0)
        .with_translate([640.0, 400.0])
}

fn close(a: [f64; 2], b: [f64; 2], tol: f64) -> bool {
    (a[0] - b[0]).abs() <= tol && (a[1] - b[1]).abs() <= tol
}

#[test]
fn centre_maps_to_translate() {
    let p = lambert();
    assert!(close(
        p.project(70.0, 45.0).unwrap_or([0.0; 2]),
        [640.0, 400.0],
        1e-9
    ));
    assert!(close(
        p.invert(640.0, 400.0).unwrap_or([0.0; 2]),
        [70.0, 45.0],
        1e-9
    ));
}

#[test]
fn known_values_on_the_equator_centre() {
    // Centred on 0/0: 90° east lands at √2 and the north pole at √2 up, on the unit sphere.
    let p = Lambert::centred(0.0, 0.0).with_scale(100.0);
    let s2 = 100.0 * 2f64.sqrt();
    assert!(close(
        p.project(90.0, 0.0).unwrap_or([0.0; 2]),
        [s2, 0.0],
        1e-9
    ));
    assert!(close(
        p.project(0.0, 90.0).unwrap_or([0.0; 2]),
        [0.0, -s2],
        1e-9
    ));
    // 60° from the centre: radius 2·sin(30°) = 1.
    assert!(close(
        p.project(-60.0, 0.0).unwrap_or([0.0; 2]),
        [-100.0, 0.0],
        1e-9
    ));
}

#[test]
fn oblique_matches_snyder() {
    // Snyder, Map Projections — A Working Manual, eq. 24-2..24-4.
    let (l0, p0) = (70f64.to_radians(), 45f64.to_radians());
    let p = Lambert::centred(70.0, 45.0);
    for (lon, lat) in [
        (37.62, 55.76),
        (116.41, 39.9),
        (-0.13, 51.51),
        (74.59, 42.87),
        (139.69, 35.69),
    ] {
        let (l, f) = (f64::to_radians(lon), f64::to_radians(lat));
        let k = (2.0 / (1.0 + p0.sin() * f.sin() + p0.cos() * f.cos() * (l - l0).cos())).sqrt();
        let x = k * f.cos() * (l - l0).sin();
        let y = k * (p0.cos() * f.sin() - p0.sin() * f.cos() * (l - l0).cos());
        assert!(
            close(p.project(lon, lat).unwrap_or([9.0; 2]), [x, -y], 1e-12),
            "{lon} {lat}"
        );
    }
}

#[test]
fn round_trip_everywhere_visible() {
    let p = lambert();
    let mut n = 0;
    for i in 0..72 {
        for j in 0..35 {
            let (lon, lat) = (-180.0 + 5.0 * i as f64 + 0.37, -85.0 + 5.0 * j as f64);
            let Some([x, y]) = p.project(lon, lat) else {
                continue;
            };
            let back = p.invert(x, y).unwrap_or([f64::NAN; 2]);
            let dlon = (back[0] - lon + 540.0).rem_euclid(360.0) - 180.0;
            assert!(
                dlon.abs() < 1e-8 && (back[1] - lat).abs() < 1e-8,
                "{lon} {lat} → {back:?}"
            );
            n += 1;
        }
    }
    assert!(n > 1000, "{n} points visible");
}

#[test]
fn equal_area_spot_check() {
    // Small cells of equal spherical area have equal area on the map, near and far from the centre.
    let p = lambert();
    let area = |lon: f64, lat: f64| {
        let d = 0.05;
        let c: Vec<[f64; 2]> = [
            [lon, lat],
            [lon + d, lat],
            [lon + d, lat + d],
            [lon, lat + d],
        ]
        .iter()
        .filter_map(|q| p.project(q[0], q[1]))
        .collect();
        let twice: f64 = (0..4)
            .map(|i| c[i][0] * c[(i + 1) % 4][1] - c[(i + 1) % 4][0] * c[i][1])
            .sum();
        let sphere = d.to_radians() * ((lat + d).to_radians().sin() - lat.to_radians().sin());
        twice.abs() / 2.0 / sphere
    };
    let at_centre = area(70.0, 45.0);
    for (lon, lat) in [
        (37.6, 55.8),
        (116.4, 39.9),
        (-9.1, 38.7),
        (150.0, 70.0),
        (20.0, -20.0),
        (70.0, -30.0),
    ] {
        let r = area(lon, lat) / at_centre;
        assert!((r - 1.0).abs() < 0.01, "{lon} {lat}: {r}");
    }
}

#[test]
fn far_side_is_clipped_without_strays() {
    let bytes = std::fs::read("node_modules/world-atlas/countries-110m.json").unwrap_or_default();
    let world = World::from_topojson(&bytes).unwrap_or_default();
    assert!(!world.countries.is_empty(), "symlink node_modules");
    let p = lambert();
    let rim = 600.0 * 2.0 * (Lambert::CLIP_ANGLE.to_radians() / 2.0).sin();
    let mut dropped = 0;
    for c in &world.countries {
        for ring in c.polygons.iter().flatten() {
            match p.project_ring(ring) {
                None => dropped += 1,
                Some(pts) => {
                    for w in pts.windows(2) {
                        for q in w {
                            assert!(
                                (q[0] - 640.0).hypot(q[1] - 400.0) <= rim + 1e-6,
                                "{}",
                                c.name
                            );
                        }
                        // No chord across the map: neighbours stay close even along the rim.
                        let step = (w[0][0] - w[1][0]).hypot(w[0][1] - w[1][1]);
                        assert!(step < rim * 0.2, "{}: jump of {step}", c.name);
                    }
                }
            }
        }
    }
    assert!(dropped > 10, "far rings dropped: {dropped}");
}

#[test]
fn fit_includes_every_point_at_desktop_and_phone_sizes() {
    let pts: Vec<[f64; 2]> = ["RUS", "CHN", "KAZ", "KGZ"]
        .iter()
        .filter_map(|c| anchor(c))
        .collect();
    assert_eq!(pts.len(), 4);
    for (w, h) in [(1280.0, 800.0), (375.0, 700.0)] {
        let p =
            fit(&Lambert::centred(75.0, 48.0), &pts, w, h, 20.0).unwrap_or_else(|e| panic!("{e}"));
        for q in &pts {
            let [x, y] = p.project(q[0], q[1]).unwrap_or([-1.0; 2]);
            assert!(
                (20.0 - 1e-6..=w - 20.0 + 1e-6).contains(&x)
                    && (20.0 - 1e-6..=h - 20.0 + 1e-6).contains(&y)
            );
        }
    }
    let europe = bbox_points(-10.0, 35.0, 40.0, 70.0);
    let p = fit(&Lambert::centred(15.0, 52.0), &europe, 800.0, 600.0, 0.0)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(p
        .project(2.35, 48.86)
        .is_some_and(|[x, y]| x > 0.0 && x < 800.0 && y > 0.0 && y < 600.0));
}
