//! Finding the country under a point on the real Natural Earth shapes, through the map's projection.

use roundabout::geo::{anchor, World};
use roundabout::scene::{build, MapSpec};

fn world() -> World {
    let bytes = std::fs::read("node_modules/world-atlas/countries-110m.json").unwrap_or_else(|e| panic!("{e} (run ./build.sh setup)"));
    World::from_topojson(&bytes).unwrap_or_default()
}

#[test]
fn anchors_fall_in_their_own_countries() {
    let w = world();
    for (iso3, id) in [("KAZ", 398), ("KGZ", 417), ("RUS", 643), ("CHN", 156), ("ARM", 51), ("TUR", 792), ("USA", 840)] {
        let p = anchor(iso3).unwrap_or([f64::NAN; 2]);
        assert_eq!(w.country_at(p).map(|c| c.id), Some(id), "{iso3} at {p:?}");
    }
    assert!(w.country_at([51.0, 42.0]).is_none(), "the Caspian Sea is nobody's");
}

#[test]
fn every_country_with_shapes_has_an_anchor_inside_them() {
    let w = world();
    let mut checked = 0;
    for c in &w.countries {
        // Shapes without an ISO code (Kosovo, Somaliland, Northern Cyprus) belong to no trade partner.
        let Some(iso3) = roundabout::countries::by_numeric(c.id).map(|k| k.alpha3) else { continue };
        let p = anchor(iso3).unwrap_or_else(|| panic!("{iso3} ({}) has shapes but no anchor", c.name));
        assert_eq!(w.country_at(p).map(|c| c.id), Some(c.id), "{iso3} at {p:?}");
        checked += 1;
    }
    assert!(checked > 170, "{checked} countries checked");
    for iso3 in ["MOZ", "BWA", "NAM"] {
        assert!(anchor(iso3).is_some(), "{iso3}");
    }
}

#[test]
fn a_screen_point_turns_back_into_its_country() {
    let w = world();
    let spec = MapSpec {
        width: 800.0,
        height: 500.0,
        highlight: vec![],
        labels: vec![],
        flows: vec![],
        max_value: 0.0,
        max_width: 10.0,
        legend_title: String::new(),
        legend_note: String::new(),
        legend_colors: Vec::new(),
        lang: roundabout::lang::Lang::En,
        hover: None,
    };
    let scene = build(&w, &spec);
    use roundabout::geo::Projection;
    let astana = anchor("KAZ").unwrap_or_default();
    let [x, y] = scene.projection.project(astana[0], astana[1]).unwrap_or_default();
    let back = scene.projection.invert(x, y).unwrap_or([f64::NAN; 2]);
    assert_eq!(w.country_at(back).map(|c| c.id), Some(398));
}
