//! Flow geometry on a built scene: ends at the anchors, widths by value, opposite flows
//! side by side, hit-testing.

use roundabout::geo::{anchor, Projection, World};
use roundabout::scene::{build, FlowSpec, MapSpec, Rgba, Scene};

fn at(iso3: &str) -> [f64; 2] {
    anchor(iso3).unwrap_or([f64::NAN; 2])
}

fn spec() -> MapSpec {
    let flow = |id, from: &str, to: &str, value: f64| FlowSpec {
        id,
        from: at(from),
        to: at(to),
        value,
        color: Rgba(180, 40, 40, 255),
        label: String::new(),
        bands: Vec::new(),
    };
    MapSpec {
        width: 1000.0,
        height: 700.0,
        highlight: vec![],
        labels: vec![],
        flows: vec![
            flow(1, "KAZ", "RUS", 10e9),
            flow(2, "RUS", "KAZ", 5e9),
            flow(3, "CHN", "KGZ", 20e9),
            flow(4, "KGZ", "RUS", 1e6),
        ],
        max_value: 20e9,
        max_width: 20.0,
        legend_title: "Exports".into(),
        legend_note: String::new(),
        legend_colors: Vec::new(),
        lang: roundabout::lang::Lang::En,
        hover: None,
    }
}

fn scene() -> Scene {
    build(&World::default(), &spec())
}

fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn curve_ends_sit_just_short_of_the_projected_anchors() {
    let s = scene();
    for f in &spec().flows {
        let c = s
            .flows
            .iter()
            .find(|c| c.id == f.id)
            .unwrap_or_else(|| panic!("flow {} missing", f.id));
        let a = s
            .projection
            .project(f.from[0], f.from[1])
            .unwrap_or([f64::NAN; 2]);
        let b = s
            .projection
            .project(f.to[0], f.to[1])
            .unwrap_or([f64::NAN; 2]);
        assert!(dist(c.from, a) < 1e-9 && dist(c.to, b) < 1e-9);
        for (end, anchor) in [(c.curve.p0, a), (c.curve.p1, b)] {
            let d = dist(end, anchor);
            assert!(
                d > 3.0 && d < 10.0,
                "flow {}: end {d} px from its anchor",
                f.id
            );
        }
    }
}

#[test]
fn width_is_proportional_to_value_with_a_floor() {
    let s = scene();
    let w = |id| {
        s.flows
            .iter()
            .find(|f| f.id == id)
            .map_or(f64::NAN, |f| f.width)
    };
    assert!((w(3) - 20.0).abs() < 1e-9);
    assert!((w(1) - 10.0).abs() < 1e-9);
    assert!((w(2) - 5.0).abs() < 1e-9);
    assert!((w(1) / w(2) - 2.0).abs() < 1e-9);
    assert_eq!(w(4), 1.0);
}

#[test]
fn opposite_flows_sit_side_by_side() {
    let s = scene();
    let (Some(there), Some(back)) = (
        s.flows.iter().find(|f| f.id == 1),
        s.flows.iter().find(|f| f.id == 2),
    ) else {
        panic!("flows missing")
    };
    let gap = dist(there.curve.at(0.5), back.curve.at(0.5));
    assert!(
        gap > (there.width + back.width) / 2.0 + 4.0,
        "midpoints {gap} px apart"
    );
    // Each midpoint is clear of the other band, not just apart.
    assert!(back.curve.distance(there.curve.at(0.5)) > (there.width + back.width) / 2.0);
}

#[test]
fn larger_flows_are_drawn_first() {
    let order: Vec<u32> = scene().flows.iter().map(|f| f.id).collect();
    assert_eq!(order, vec![3, 1, 2, 4]);
}

#[test]
fn hit_flow_finds_midpoints_and_nothing_far_away() {
    let s = scene();
    for f in &s.flows {
        let m = f.curve.at(0.5);
        assert_eq!(s.hit_flow(m[0], m[1]), Some(f.id));
        let n = f.curve.normal(0.5);
        let edge = f.width / 2.0 + 2.0;
        assert_eq!(
            s.hit_flow(m[0] + n[0] * edge, m[1] + n[1] * edge),
            Some(f.id),
            "just off the edge of {}",
            f.id
        );
    }
    assert_eq!(s.hit_flow(5.0, 5.0), None);
    assert_eq!(s.hit_flow(995.0, 5.0), None);
}

#[test]
fn every_end_point_is_in_view_on_a_phone() {
    let mut sp = spec();
    sp.width = 375.0;
    sp.height = 700.0;
    let s = build(&World::default(), &sp);
    assert_eq!(s.flows.len(), 4);
    for f in &s.flows {
        for p in [f.from, f.to, f.curve.at(0.5)] {
            assert!(
                p[0] > 0.0 && p[0] < 375.0 && p[1] > 0.0 && p[1] < 700.0,
                "{p:?}"
            );
        }
    }
}
