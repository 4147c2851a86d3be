//! SVG snapshots of small fixed scenes. Writes `tests/snapshots/*.svg` when missing or
//! when `UPDATE_SNAPSHOTS=1`; otherwise fails on any difference. Review changes by eye.

use roundabout::geo::World;
use roundabout::scene::palette::category;
use roundabout::scene::{build, to_svg, FlowSpec, MapSpec, Rgba};

const FIXTURE: &str = "tests/fixtures/geo/tiny.topojson";
const SNAPSHOT: &str = "tests/snapshots/small.svg";
const TWO_GROUPS: &str = "tests/snapshots/two_groups.svg";

fn world() -> World {
    let bytes = std::fs::read(FIXTURE).unwrap_or_default();
    World::from_topojson(&bytes).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"))
}

/// Two opposite flows, one of two product groups cut into bands, the other of one; the key names both groups.
fn two_groups_svg() -> String {
    let (tier, other) = (category(0, 255), category(6, 255));
    let flow = |id, from, to, value, bands: Vec<(f64, Rgba)>| FlowSpec {
        id,
        from,
        to,
        value,
        color: bands[0].1,
        label: String::new(),
        bands,
    };
    let spec = MapSpec {
        width: 480.0,
        height: 300.0,
        highlight: vec![],
        labels: vec![
            ([9.0, 20.5], "Alpha".into()),
            ([26.5, 21.5], "Gamma".into()),
        ],
        flows: vec![
            flow(
                1,
                [9.0, 20.5],
                [26.5, 21.0],
                4e9,
                vec![(1e9, tier), (3e9, other)],
            ),
            flow(2, [26.5, 21.0], [9.0, 20.5], 2e9, vec![(2e9, tier)]),
        ],
        max_value: 4e9,
        max_width: 24.0,
        legend_title: "All goods, US$ a year".into(),
        legend_note: String::new(),
        legend_colors: vec![(tier, "CHPL tier 1".into()), (other, "Other goods".into())],
        lang: roundabout::lang::Lang::En,
        hover: None,
    };
    to_svg(&build(&world(), &spec))
}

fn small_svg() -> String {
    let world = world();
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

fn matches_snapshot(path: &str, svg: &str) {
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    match std::fs::read_to_string(path) {
        Ok(old) if !update => assert!(
            old == svg,
            "{path} differs; review and rerun with UPDATE_SNAPSHOTS=1\n--- new ---\n{svg}"
        ),
        _ => std::fs::write(path, svg).unwrap_or_else(|e| panic!("{path}: {e}")),
    }
}

#[test]
fn small_scene_matches_snapshot() {
    matches_snapshot(SNAPSHOT, &small_svg());
}

#[test]
fn two_group_scene_matches_snapshot() {
    let svg = two_groups_svg();
    matches_snapshot(TWO_GROUPS, &svg);
    // Three bands (two, then one), each flow outlined once, two swatches with their names.
    assert_eq!(
        svg.matches(&category(0, 255).hex()).count(),
        3,
        "two tier bands and a swatch"
    );
    assert!(svg.contains(">CHPL tier 1<") && svg.contains(">Other goods<"));
}

#[test]
fn snapshot_is_a_standalone_escaped_document() {
    let svg = small_svg();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("Alpha &amp; &lt;Beta&gt;"));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
}
