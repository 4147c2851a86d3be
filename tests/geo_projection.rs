//! The map's projection (`NorthUp`): published values of the Albers conic and Equal Earth, round trips, the
//! equal-area property, whole rings without chords across the map, and fitting.

use roundabout::geo::{anchor, bbox_points, fit, NorthUp, Projection, World};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// Snyder's conic: standard parallels 29.5° and 45.5°, central meridian 96° W (his points span 25.5°–49.5°).
fn snyder() -> NorthUp {
    NorthUp::for_points(&[[-110.0, 25.5], [-82.0, 49.5]]).with_scale(1.0)
}

fn world() -> NorthUp {
    NorthUp::for_points(&[[-77.0, 38.9], [116.4, 39.9], [174.8, -41.3]]).with_scale(1.0)
}

fn at(p: &NorthUp, lon: f64, lat: f64) -> [f64; 2] {
    p.project(lon, lat).unwrap_or([f64::NAN; 2])
}

#[test]
fn the_conic_matches_snyder() {
    // Snyder, Map Projections — A Working Manual (1987), p. 292: on the unit sphere, with the origin at
    // 23° N, 96° W, the point 35° N, 75° W lies at x = 0.2952720, y = 0.2416774 (y north; the screen's is down).
    let p = snyder();
    assert!(p.is_conic() && close(p.lon0(), -96.0, 1e-9));
    let (o, q) = (at(&p, -96.0, 23.0), at(&p, -75.0, 35.0));
    assert!(close(q[0] - o[0], 0.2952720, 1e-7), "{}", q[0] - o[0]);
    assert!(close(o[1] - q[1], 0.2416774, 1e-7), "{}", o[1] - q[1]);
}

#[test]
fn equal_earth_matches_its_published_extent() {
    // Šavrič, Patterson and Jenny (2018): the unit sphere's map is 2 × 2.706629 wide and 2 × 1.317363 tall.
    let p = world();
    assert!(!p.is_conic() && p.lon0() == 0.0);
    assert!(close(at(&p, 180.0, 0.0)[0], 2.706629, 1e-6));
    assert!(close(-at(&p, 0.0, 90.0)[1], 1.317363, 1e-6));
    assert!(close(at(&p, 0.0, 0.0)[0], 0.0, 1e-12) && close(at(&p, 0.0, 0.0)[1], 0.0, 1e-12));
}

#[test]
fn round_trips_everywhere_on_the_map() {
    for p in [
        snyder().with_scale(300.0).with_translate([400.0, 300.0]),
        world().with_scale(150.0).with_translate([420.0, 220.0]),
    ] {
        for lon in (-175..=175).step_by(5) {
            for lat in (-85..=85).step_by(5) {
                let (lon, lat) = (f64::from(lon), f64::from(lat));
                let [x, y] = at(&p, lon, lat);
                let back = p.invert(x, y).unwrap_or([f64::NAN; 2]);
                assert!(
                    close(back[0], lon, 1e-7) && close(back[1], lat, 1e-7),
                    "{lon} {lat} → {back:?}"
                );
            }
        }
    }
    // Off the world's outline nothing inverts.
    assert_eq!(world().invert(2.75, 0.0), None);
}

#[test]
fn equal_area_near_and_far() {
    let area = |p: &NorthUp, lon: f64, lat: f64| {
        let d = 0.05;
        let c: Vec<[f64; 2]> = [
            [lon, lat],
            [lon + d, lat],
            [lon + d, lat + d],
            [lon, lat + d],
        ]
        .iter()
        .map(|q| at(p, q[0], q[1]))
        .collect();
        let twice: f64 = (0..4)
            .map(|i| c[i][0] * c[(i + 1) % 4][1] - c[(i + 1) % 4][0] * c[i][1])
            .sum();
        twice.abs()
            / 2.0
            / (d.to_radians() * ((lat + d).to_radians().sin() - lat.to_radians().sin()))
    };
    for p in [snyder(), world()] {
        for (lon, lat) in [
            (-96.0, 40.0),
            (37.6, 55.8),
            (116.4, 39.9),
            (-9.1, 38.7),
            (150.0, 70.0),
            (20.0, -20.0),
        ] {
            assert!(
                close(area(&p, lon, lat), 1.0, 1e-3),
                "{lon} {lat}: {}",
                area(&p, lon, lat)
            );
        }
    }
}

#[test]
fn country_rings_are_drawn_whole_without_chords_across_the_map() {
    let bytes = std::fs::read("node_modules/world-atlas/countries-110m.json").unwrap_or_default();
    let world_shapes = World::from_topojson(&bytes).unwrap_or_default();
    assert!(!world_shapes.countries.is_empty(), "symlink node_modules");
    // The world centred on Greenwich, and a cone over Eurasia whose far meridian cuts the Americas.
    let eurasia = NorthUp::for_points(&[[37.6, 55.8], [116.4, 39.9]]).with_scale(500.0);
    for (p, name) in [(world().with_scale(150.0), "world"), (eurasia, "Eurasia")] {
        let width = at(&p, 180.0, 0.0)[0] - at(&p, -180.0, 0.0)[0];
        let mut drawn = 0;
        for c in &world_shapes.countries {
            for ring in c.polygons.iter().flatten() {
                let Some(pts) = p.project_ring(ring) else {
                    continue;
                };
                drawn += 1;
                assert_eq!(pts.len(), ring.len(), "{name}: {}", c.name);
                for (w, lonlat) in pts.windows(2).zip(ring.windows(2)) {
                    let step = (w[0][0] - w[1][0]).hypot(w[0][1] - w[1][1]);
                    // Antarctica's shape closes from 180° back to -180° along its southern edge (84.7° S).
                    let pole_line = lonlat.iter().all(|q| q[0].abs() == 180.0 && q[1] < -80.0);
                    assert!(
                        pole_line || step < 0.1 * width.abs().max(500.0),
                        "{name}: {}: a jump of {step} px",
                        c.name
                    );
                }
            }
        }
        assert!(drawn > 200, "{name}: {drawn} rings");
    }
}

#[test]
fn fit_includes_every_point_at_desktop_and_phone_sizes() {
    let pts: Vec<[f64; 2]> = ["RUS", "CHN", "KAZ", "KGZ"]
        .iter()
        .filter_map(|c| anchor(c))
        .collect();
    assert_eq!(pts.len(), 4);
    for (w, h) in [(1280.0, 800.0), (375.0, 700.0)] {
        let p = fit(&NorthUp::for_points(&pts), &pts, w, h, 20.0).unwrap_or_else(|e| panic!("{e}"));
        for q in &pts {
            let [x, y] = at(&p, q[0], q[1]);
            assert!(
                (20.0 - 1e-6..=w - 20.0 + 1e-6).contains(&x)
                    && (20.0 - 1e-6..=h - 20.0 + 1e-6).contains(&y)
            );
        }
    }
    let europe = bbox_points(-10.0, 35.0, 40.0, 70.0);
    let p = fit(&NorthUp::for_points(&europe), &europe, 800.0, 600.0, 0.0)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(p
        .project(2.35, 48.86)
        .is_some_and(|[x, y]| x > 0.0 && x < 800.0 && y > 0.0 && y < 600.0));
}
