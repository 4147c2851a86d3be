//! SVG snapshot of a small fixed scene. Writes `tests/snapshots/small.svg` when missing or
//! when `UPDATE_SNAPSHOTS=1`; otherwise fails on any difference. Review changes by eye.

use roundabout::geo::World;
use roundabout::scene::{build, to_svg, FlowSpec, MapSpec, Rgba};

const FIXTURE: &str = "tests/fixtures/geo/tiny.topojson";
const SNAPSHOT: &str = "tests/snapshots/small.svg";

fn small_svg() -> String {
    let bytes = std::fs::read(FIXTURE).unwrap_or_default();
    let world = World::from_topojson(&bytes).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"));
    let spec = MapSpec {
        width: 480.0,
        height: 300.0,
        highlight: vec![398],
        labels: vec![
            ([9.0, 20.5], "Alpha & <Beta>".into()),
            ([26.5, 21.5], "Gamma".into()),
        ],
        flows: vec![
            FlowSpec {
                id: 1,
                from: [9.0, 20.5],
                to: [26.5, 21.0],
                value: 4e9,
                color: Rgba(0xd9, 0x6c, 0x2b, 255),
                label: "$4bn".into(),
                bands: Vec::new(),
            },
            FlowSpec {
                id: 2,
                from: [26.5, 21.0],
                to: [9.0, 20.5],
                value: 1.5e9,
                color: Rgba(0x4f, 0x72, 0x96, 200),
                label: "$1.5bn".into(),
                bands: Vec::new(),
            },
            FlowSpec {
                id: 3,
                from: [20.5, 20.2],
                to: [11.0, 20.5],
                value: 1e6,
                color: Rgba(0xb0, 0x2a, 0x30, 255),
                label: String::new(),
                bands: Vec::new(),
            },
        ],
        max_value: 5e9,
        max_width: 16.0,
        legend_title: "Exports".into(),
        legend_note: String::new(),
        legend_colors: Vec::new(),
        lang: roundabout::lang::Lang::En,
        hover: Some(2),
    };
    to_svg(&build(&world, &spec))
}

#[test]
fn small_scene_matches_snapshot() {
    let svg = small_svg();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    match std::fs::read_to_string(SNAPSHOT) {
        Ok(old) if !update => assert!(
            old == svg,
            "{SNAPSHOT} differs; review and rerun with UPDATE_SNAPSHOTS=1\n--- new ---\n{svg}"
        ),
        _ => std::fs::write(SNAPSHOT, &svg).unwrap_or_else(|e| panic!("{SNAPSHOT}: {e}")),
    }
}

#[test]
fn snapshot_is_a_standalone_escaped_document() {
    let svg = small_svg();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("Alpha &amp; &lt;Beta&gt;"));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
}
