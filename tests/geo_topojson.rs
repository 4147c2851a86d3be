//! TopoJSON decoding: a hand-made quantized fixture, and the real world-atlas files.

use roundabout::geo::{Error, World};

const TINY: &str = "tests/fixtures/geo/tiny.topojson";

fn tiny() -> World {
    let bytes = std::fs::read(TINY).unwrap_or_default();
    World::from_topojson(&bytes).unwrap_or_else(|e| panic!("{TINY}: {e}"))
}

#[test]
fn quantized_delta_arcs_decode_to_lon_lat() {
    let w = tiny();
    assert_eq!(w.countries.len(), 4, "null geometry skipped");
    let alpha = &w.countries[0];
    assert_eq!((alpha.id, alpha.name.as_str()), (398, "Alpha"));
    assert_eq!(
        alpha.polygons,
        vec![vec![vec![
            [10.0, 20.0],
            [10.0, 21.0],
            [8.0, 21.0],
            [8.0, 20.0],
            [10.0, 20.0]
        ]]]
    );
}

#[test]
fn reversed_arc_is_walked_backwards_and_joints_kept_once() {
    let beta = &tiny().countries[1];
    assert_eq!(beta.id, 4);
    assert_eq!(
        beta.polygons[0][0],
        vec![
            [10.0, 20.0],
            [12.0, 20.0],
            [12.0, 21.0],
            [10.0, 21.0],
            [10.0, 20.0]
        ]
    );
}

#[test]
fn multipolygon_with_hole_and_missing_id() {
    let w = tiny();
    let gamma = &w.countries[2];
    assert_eq!(gamma.id, 417);
    assert_eq!(gamma.polygons.len(), 2);
    assert_eq!(
        gamma.polygons[0][0],
        vec![[20.0, 20.0], [21.0, 20.0], [21.0, 20.5], [20.0, 20.0]]
    );
    assert_eq!(gamma.polygons[1].len(), 2, "outer ring and hole");
    assert_eq!(gamma.polygons[1][1][0], [26.0, 20.5]);
    assert_eq!(gamma.polygons[1][1][2], [27.0, 21.0]);
    assert_eq!(w.countries[3].id, 0);
    assert_eq!(w.country(417).map(|c| c.name.as_str()), Some("Gamma"));
}

#[test]
fn bad_input_is_an_error_naming_it() {
    assert!(matches!(
        World::from_topojson(b"not json"),
        Err(Error::Json(_))
    ));
    let bad_id = br#"{"arcs":[[[0,0],[1,0],[0,1]]],"objects":{"countries":{"geometries":[
        {"type":"Polygon","arcs":[[0]],"id":"RUS","properties":{"name":"Russia"}}]}}}"#;
    let msg = World::from_topojson(bad_id)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(msg.contains("Russia") && msg.contains("RUS"), "{msg}");
    let bad_arcs = br#"{"arcs":[],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[0],"id":"1"}]}}}"#;
    assert!(matches!(
        World::from_topojson(bad_arcs),
        Err(Error::BadArcs { .. })
    ));
}

fn real(name: &str) -> World {
    let path = format!("node_modules/world-atlas/{name}");
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (symlink node_modules)"));
    World::from_topojson(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn real_110m_atlas() {
    let w = real("countries-110m.json");
    assert!(w.countries.len() >= 170, "{}", w.countries.len());
    assert_eq!(w.country(398).map(|c| c.name.as_str()), Some("Kazakhstan"));
    assert_eq!(w.country(417).map(|c| c.name.as_str()), Some("Kyrgyzstan"));
    let russia = w.country(643).map(|c| c.polygons.len()).unwrap_or(0);
    assert!(russia > 5, "Russia has {russia} polygons");
    for c in &w.countries {
        for ring in c.polygons.iter().flatten() {
            assert!(
                ring.len() >= 4 && ring.first() == ring.last(),
                "{}: open ring",
                c.name
            );
            assert!(
                ring.iter()
                    .all(|p| p[0].abs() <= 180.0 + 1e-9 && p[1].abs() <= 90.0 + 1e-9),
                "{}",
                c.name
            );
        }
    }
    // Astana lies inside Kazakhstan's bounding box.
    let kaz = w
        .country(398)
        .map(|c| c.polygons.concat().concat())
        .unwrap_or_default();
    let (lo, la): (Vec<f64>, Vec<f64>) = kaz.iter().map(|p| (p[0], p[1])).unzip();
    let min = |v: &[f64]| v.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64]| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    assert!(min(&lo) < 71.4 && max(&lo) > 71.4 && min(&la) < 51.2 && max(&la) > 51.2);
}

#[test]
fn real_50m_atlas() {
    let w = real("countries-50m.json");
    assert!(w.countries.len() >= 230, "{}", w.countries.len());
    assert!(w.country(398).is_some() && w.country(417).is_some());
}

/// The shapes the page reads are the atlas's, baked: the same countries, to the last bit of every point,
/// in fewer bytes.
#[test]
fn baked_atlases_read_as_their_topojson() {
    for name in ["countries-110m.json", "countries-50m.json"] {
        let path = format!("node_modules/world-atlas/{name}");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (symlink node_modules)"));
        let baked = World::bake(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let world = World::from_baked(&baked).unwrap_or_else(|e| panic!("{path}, baked: {e}"));
        assert_eq!(world, real(name), "{name}");
        assert!(baked.len() * 2 < bytes.len(), "{name}: {} baked bytes against {}", baked.len(), bytes.len());
        // Cut anywhere, the file is refused with its place named, not read in part.
        for cut in [5, baked.len() / 3, baked.len() - 1] {
            let err = World::from_baked(&baked[..cut]).map(|_| ()).unwrap_err().to_string();
            assert!(err.starts_with("country shapes: byte "), "{name} cut at {cut}: {err}");
        }
    }
}
