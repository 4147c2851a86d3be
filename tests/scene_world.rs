//! Maps beyond Eurasia on the 110m atlas: a world-wide file (invented routes between every continent) and
//! the stories of `tests/fixtures` (Europe → the Caucasus, the Americas → the UAE). North is up everywhere,
//! each country sits where a reader looks for it, and no two labels cover each other.

use roundabout::geo::{anchor, Projection, World};
use roundabout::scene::place::text_box;
use roundabout::scene::style::CHAR_WIDTH;
use roundabout::scene::{build, FlowSpec, Item, MapSpec, Rgba, Scene};

const ATLAS: &str = "node_modules/world-atlas/countries-110m.json";

/// The routes of `tests/fixtures/analysis/baci_world_synthetic.csv`, in thousand US$ (invented).
const WORLD: &[(&str, &str, f64)] = &[
    ("CHN", "USA", 9000.0),
    ("USA", "CAN", 7000.0),
    ("DEU", "NLD", 6500.0),
    ("DEU", "BEL", 5200.0),
    ("DEU", "CHE", 4800.0),
    ("FRA", "DEU", 4600.0),
    ("CHN", "JPN", 4400.0),
    ("USA", "MEX", 4300.0),
    ("NLD", "FRA", 4000.0),
    ("CHN", "RUS", 3900.0),
    ("JPN", "USA", 3600.0),
    ("CHN", "AUS", 3400.0),
    ("AUS", "CHN", 3300.0),
    ("NOR", "DEU", 3100.0),
    ("RUS", "IND", 3000.0),
    ("BRA", "CHN", 2900.0),
    ("DNK", "SWE", 2700.0),
    ("NZL", "AUS", 2500.0),
    ("ZAF", "CHN", 2300.0),
    ("CHN", "ARE", 2200.0),
    ("ARE", "RUS", 2100.0),
    ("GBR", "FRA", 2000.0),
    ("ITA", "DEU", 1900.0),
    ("ESP", "FRA", 1800.0),
    ("KOR", "VNM", 1700.0),
    ("NGA", "IND", 1600.0),
    ("ARG", "BRA", 1500.0),
    ("EGY", "ITA", 1400.0),
    ("NZL", "CHN", 1300.0),
    ("AUT", "DEU", 1200.0),
];

fn world() -> Option<World> {
    World::from_topojson(&std::fs::read(ATLAS).ok()?).ok()
}

fn at(code: &str) -> [f64; 2] {
    anchor(code).unwrap_or([f64::NAN; 2])
}

/// A map of `routes` as the page asks for one: every country labelled, every flow labelled with its value.
fn spec(routes: &[(&str, &str, f64)], width: f64, height: f64) -> MapSpec {
    let mut countries: Vec<&str> = Vec::new();
    for (e, i, _) in routes {
        for c in [*e, *i] {
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
    }
    let name =
        |c: &str| roundabout::countries::by_alpha3(c).map_or(c.to_string(), |c| c.name.to_string());
    let flows: Vec<FlowSpec> = routes
        .iter()
        .zip(0..)
        .map(|((e, i, v), id)| FlowSpec {
            id,
            from: at(e),
            to: at(i),
            value: v * 1e3,
            color: Rgba(160, 60, 10, 255),
            label: roundabout::format::money(v * 1e3),
            bands: Vec::new(),
        })
        .collect();
    MapSpec {
        width,
        height,
        highlight: vec![],
        labels: countries.iter().map(|c| (at(c), name(c))).collect(),
        max_value: flows.iter().map(|f| f.value).fold(0.0, f64::max),
        flows,
        max_width: 26.0,
        legend_title: "Invented, US$ a year".into(),
        legend_note: String::new(),
        legend_colors: Vec::new(),
        lang: roundabout::lang::Lang::En,
        hover: None,
    }
}

/// The boxes of the texts drawn, by text (the key's own texts included).
fn text_boxes(scene: &Scene) -> Vec<(String, [f64; 4])> {
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text {
                at,
                text,
                size,
                anchor,
                bold,
                ..
            } => {
                let size = f64::from(*size);
                let w =
                    text.chars().count() as f64 * size * CHAR_WIDTH * if *bold { 1.1 } else { 1.0 };
                Some((text.clone(), text_box(*at, *anchor, w, size)))
            }
            _ => None,
        })
        .collect()
}

fn assert_no_overlap(scene: &Scene, what: &str) {
    let boxes = text_boxes(scene);
    for (i, (a, p)) in boxes.iter().enumerate() {
        assert!(
            p[0] >= -0.5 && p[1] >= -0.5 && p[2] <= scene.width + 0.5 && p[3] <= scene.height + 0.5,
            "{what}: {a} leaves the map"
        );
        for (b, q) in &boxes[i + 1..] {
            let apart = p[2] <= q[0] || q[2] <= p[0] || p[3] <= q[1] || q[3] <= p[1];
            assert!(apart, "{what}: \"{a}\" {p:?} covers \"{b}\" {q:?}");
        }
    }
}

fn labelled(scene: &Scene, name: &str) -> bool {
    text_boxes(scene).iter().any(|(t, _)| t == name)
}

#[test]
fn a_world_wide_file_is_north_up_with_countries_where_readers_look_and_no_label_over_another() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing: run ./build.sh setup")
    };
    for (w, h) in [(1280.0, 800.0), (856.0, 536.0), (390.0, 520.0)] {
        let scene = build(&world, &spec(WORLD, w, h));
        let p = &scene.projection;
        // Every route is drawn but those whose ends lie too close for an arrow (Germany → the Netherlands).
        for ((e, i, _), id) in WORLD.iter().zip(0..) {
            let (Some(a), Some(b)) = (p.project(at(e)[0], at(e)[1]), p.project(at(i)[0], at(i)[1]))
            else {
                panic!("{e} → {i} not on the map")
            };
            let drawn = scene.flows.iter().any(|f| f.id == id);
            assert!(
                drawn || (a[0] - b[0]).hypot(a[1] - b[1]) < 20.0,
                "{w}: {e} → {i} left off"
            );
        }
        // North up: a step north from any anchor goes straight up the screen.
        for (e, i, _) in WORLD {
            for c in [e, i] {
                let [lon, lat] = at(c);
                let (Some(a), Some(b)) = (p.project(lon, lat), p.project(lon, lat + 1.0)) else {
                    panic!("{c} not on the map")
                };
                // Equal Earth: parallels straight across, meridians bending less than 45° even at the edge.
                let east = p.project(lon + 1.0, lat).map_or(f64::NAN, |e| e[1]);
                assert!(
                    (east - a[1]).abs() < 1e-6,
                    "{w}: the parallel through {c} is not level"
                );
                assert!(
                    a[1] - b[1] > (a[0] - b[0]).abs(),
                    "{w}: north is not up at {c}: {a:?} → {b:?}"
                );
            }
        }
        // West to east and north to south as on any world map: the dots where readers look for them.
        let x = |c: &str| p.project(at(c)[0], at(c)[1]).map_or(f64::NAN, |q| q[0]);
        let y = |c: &str| p.project(at(c)[0], at(c)[1]).map_or(f64::NAN, |q| q[1]);
        assert!(
            x("USA") < x("BRA")
                && x("BRA") < x("FRA")
                && x("FRA") < x("RUS")
                && x("RUS") < x("CHN")
                && x("CHN") < x("JPN"),
            "{w}"
        );
        assert!(
            x("AUS") < x("NZL")
                && y("AUS") < y("NZL")
                && y("CAN") < y("USA")
                && y("USA") < y("MEX")
                && y("MEX") < y("BRA"),
            "{w}"
        );
        assert!(
            x("USA") > x("MEX"),
            "{w}: Washington lies east of Mexico City, not out by Alaska"
        );
        assert_no_overlap(&scene, &format!("{w}×{h}"));
        // The lesser give way, not the busiest (on a phone, Europe's routes are too short to draw).
        let busiest: &[&str] = if w > 800.0 {
            &["China", "United States", "Germany"]
        } else {
            &["China", "United States"]
        };
        for name in busiest {
            assert!(labelled(&scene, name), "{w}: {name} unlabelled");
        }
    }
}

#[test]
fn stories_beyond_eurasia_are_north_up_cones_fitted_with_margins() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing: run ./build.sh setup")
    };
    let caucasus = [
        ("CHN", "TUR", 50.0),
        ("CHN", "GEO", 30.0),
        ("CHN", "ARM", 20.0),
        ("TUR", "RUS", 40.0),
        ("GEO", "RUS", 10.0),
        ("ARM", "RUS", 15.0),
    ];
    let americas = [
        ("USA", "ARE", 5000.0),
        ("CAN", "ARE", 2000.0),
        ("MEX", "ARE", 1500.0),
        ("BRA", "ARE", 2500.0),
        ("ARG", "ARE", 800.0),
        ("ARE", "RUS", 6000.0),
    ];
    for routes in [&caucasus[..], &americas[..]] {
        for (w, h) in [(856.0, 536.0), (390.0, 520.0)] {
            let scene = build(&world, &spec(routes, w, h));
            let p = &scene.projection;
            for (e, i, _) in routes {
                for c in [e, i] {
                    let [lon, lat] = at(c);
                    let (Some(a), Some(b)) = (p.project(lon, lat), p.project(lon, lat + 1.0))
                    else {
                        panic!("{c} not on the map")
                    };
                    // Up, give or take a cone's meridians (under 35°), and inside the map with a margin.
                    assert!(
                        a[1] - b[1] > 1.4 * (a[0] - b[0]).abs(),
                        "{w}: north is not up at {c}: {a:?} → {b:?}"
                    );
                    let margin = 0.04 * w.min(h);
                    assert!(
                        a[0] > margin && a[0] < w - margin && a[1] > margin && a[1] < h - margin,
                        "{w}: {c} at {a:?}, off the map or on its edge"
                    );
                }
            }
            assert_no_overlap(&scene, &format!("{} {w}×{h}", routes[0].1));
        }
    }
    // Europe → the Caucasus is a regional map: a cone; the Americas → the UAE spans the Atlantic on a world map.
    assert!(build(&world, &spec(&caucasus, 856.0, 536.0))
        .projection
        .is_conic());
    assert!(!build(&world, &spec(&americas, 856.0, 536.0))
        .projection
        .is_conic());
}

/// Europe on a phone's world map is a crowd of dots and undrawn short routes: its lesser labels shorten to
/// ISO codes before they are left off.
#[test]
fn on_a_phone_europe_crowded_by_a_world_wide_file_is_labelled_with_iso_codes() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing: run ./build.sh setup")
    };
    let europe = ["DEU", "NLD", "BEL", "CHE", "FRA", "NOR", "DNK", "SWE", "GBR", "ITA", "ESP", "AUT"];
    for (w, h) in [(390.0, 520.0), (362.0, 452.0)] {
        let scene = build(&world, &spec(WORLD, w, h));
        let texts: Vec<String> = text_boxes(&scene).into_iter().map(|(t, _)| t).collect();
        let named = |c: &'static str| roundabout::countries::by_alpha3(c).map_or(c, |c| c.name);
        let by_code: Vec<&str> = europe.iter().copied().filter(|c| texts.iter().any(|t| t == c)).collect();
        let by_name: Vec<&str> = europe.iter().copied().filter(|c| texts.iter().any(|t| t == named(c))).collect();
        // Too crowded for their names, several take their ISO codes rather than no label at all.
        assert!(by_code.len() >= 2 && by_code.len() + by_name.len() >= 3, "{w}: Europe unlabelled: {texts:?}");
        // The busiest keep their names; and still no label over another.
        for name in ["China", "United States", "Russia"] {
            assert!(labelled(&scene, name), "{w}: {name} shortened or left off");
        }
        assert_no_overlap(&scene, &format!("{w}×{h}"));
        // None under the page's zoom buttons, top right.
        for (t, b) in text_boxes(&scene) {
            assert!(b[2] <= w - 44.0 || b[1] >= 114.0, "{w}: \"{t}\" {b:?} under the zoom buttons");
        }
    }
}
