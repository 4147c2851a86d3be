//! The real-world scene: China → Kazakhstan/Kyrgyzstan → Russia on the 110m atlas, at desktop
//! and phone sizes. Writes SVGs under the cargo target tmpdir for review by eye.

use roundabout::geo::{anchor, Projection, World};
use roundabout::scene::{build, to_svg, FlowSpec, Item, MapSpec, Rgba, Scene};

const ATLAS: &str = "node_modules/world-atlas/countries-110m.json";

fn world() -> Option<World> {
    let bytes = std::fs::read(ATLAS).ok()?;
    World::from_topojson(&bytes).ok()
}

fn flow(id: u32, from: &str, to: &str, value: f64, color: Rgba) -> FlowSpec {
    let at = |c: &str| anchor(c).unwrap_or([f64::NAN, f64::NAN]);
    FlowSpec {
        id,
        from: at(from),
        to: at(to),
        value,
        color,
        label: roundabout::format::money(value),
        bands: Vec::new(),
    }
}

pub fn route_spec(width: f64, height: f64) -> MapSpec {
    let china = Rgba(0xd9, 0x6c, 0x2b, 0xff);
    let hub = Rgba(0xb0, 0x2a, 0x30, 0xff);
    let back = Rgba(0x4f, 0x72, 0x96, 0xff);
    let at = |c: &str| anchor(c).unwrap_or([0.0, 0.0]);
    MapSpec {
        width,
        height,
        highlight: vec![156, 398, 417, 643],
        labels: vec![
            (at("CHN"), "China".into()),
            (at("KAZ"), "Kazakhstan".into()),
            (at("KGZ"), "Kyrgyzstan".into()),
            (at("RUS"), "Russia".into()),
        ],
        flows: vec![
            flow(1, "CHN", "KAZ", 15.4e9, china),
            flow(2, "CHN", "KGZ", 5.4e9, china),
            flow(3, "KAZ", "RUS", 10.2e9, hub),
            flow(4, "KGZ", "RUS", 0.8e9, hub),
            flow(5, "RUS", "KAZ", 17e9, back),
        ],
        max_value: 17e9,
        max_width: 22.0,
        legend_title: "Exports, 2023".into(),
        legend_note: String::new(),
        legend_colors: Vec::new(),
        lang: roundabout::lang::Lang::En,
        hover: None,
    }
}

fn write(name: &str, scene: &Scene) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("scenes");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(name), to_svg(scene));
}

fn check_fits(scene: &Scene, spec: &MapSpec) {
    assert_eq!(scene.flows.len(), spec.flows.len());
    for f in &spec.flows {
        for p in [f.from, f.to] {
            let Some([x, y]) = scene.projection.project(p[0], p[1]) else {
                panic!("{p:?} not visible")
            };
            assert!(
                x > 10.0 && x < spec.width - 10.0 && y > 10.0 && y < spec.height - 10.0,
                "{p:?} at {x},{y}"
            );
        }
    }
    for f in &scene.flows {
        let m = f.curve.at(0.5);
        assert!(m[0] > 0.0 && m[0] < spec.width && m[1] > 0.0 && m[1] < spec.height);
    }
}

#[test]
fn desktop_and_phone_fit_every_end_point() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing: symlink node_modules")
    };
    for (name, w, h) in [
        ("route-1280x800.svg", 1280.0, 800.0),
        ("route-375x700.svg", 375.0, 700.0),
    ] {
        let spec = route_spec(w, h);
        let scene = build(&world, &spec);
        write(name, &scene);
        check_fits(&scene, &spec);
        let land = scene.items.iter().filter(|i| matches!(i, Item::Path { stroke: Some((c, _)), .. } if *c == Rgba(255, 255, 255, 255))).count();
        assert!(land > 20, "{land} countries drawn");
    }
    let mut spec = route_spec(1280.0, 800.0);
    spec.hover = Some(3);
    write("route-hover.svg", &build(&world, &spec));
}

/// As the page builds it: "A → B" labels, two leg colours, wider flows.
#[test]
fn page_like_spec_renders_with_long_labels() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing")
    };
    for (name, w, h) in [
        ("page-960x600.svg", 960.0, 600.0),
        ("page-375x560.svg", 375.0, 560.0),
        ("page-300x380.svg", 300.0, 380.0),
    ] {
        let mut spec = route_spec(w, h);
        spec.max_width = 26.0;
        let names = [
            ("CHN", "People's Republic of China"),
            ("KAZ", "Kazakhstan"),
            ("KGZ", "Kyrgyzstan"),
            ("RUS", "Russian Federation"),
        ];
        let name_of = |p: [f64; 2]| {
            names
                .iter()
                .find(|n| anchor(n.0) == Some(p))
                .map_or("?", |n| n.1)
        };
        spec.labels = names
            .iter()
            .filter_map(|n| Some((anchor(n.0)?, n.1.to_string())))
            .collect();
        for f in &mut spec.flows {
            f.color = if f.to == anchor("RUS").unwrap_or_default() {
                Rgba(200, 80, 30, 255)
            } else {
                Rgba(0, 114, 178, 255)
            };
            f.label = format!("{} → {}", name_of(f.from), name_of(f.to));
        }
        let scene = build(&world, &spec);
        write(name, &scene);
        check_fits(&scene, &spec);
    }
}

/// Far-flung partners pull the view around the globe; the far side must clip cleanly.
#[test]
fn far_flung_flows_fit_and_clip() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing")
    };
    let mut spec = route_spec(1280.0, 800.0);
    let red = Rgba(0xb0, 0x2a, 0x30, 0xff);
    spec.flows = vec![
        flow(1, "USA", "RUS", 3e9, red),
        flow(2, "BRA", "CHN", 8e9, red),
        flow(3, "JPN", "TUR", 2e9, red),
        flow(4, "GBR", "ARE", 5e9, red),
    ];
    spec.labels.clear();
    let scene = build(&world, &spec);
    write("far-1280x800.svg", &scene);
    check_fits(&scene, &spec);
}

#[test]
fn hit_testing_on_the_real_map() {
    let Some(world) = world() else {
        panic!("{ATLAS} missing")
    };
    let scene = build(&world, &route_spec(1280.0, 800.0));
    for f in &scene.flows {
        let m = f.curve.at(0.5);
        assert_eq!(scene.hit_flow(m[0], m[1]), Some(f.id), "flow {}", f.id);
    }
    assert_eq!(scene.hit_flow(2.0, 2.0), None);
}

#[test]
fn the_land_layer_is_kept_while_only_the_flows_change() {
    use roundabout::scene::{build_in_view, build_with_memo, LandMemo, View};
    let Some(world) = world() else { panic!("{ATLAS} missing: run ./build.sh setup") };
    let spec = route_spec(1280.0, 800.0);
    let mut memo = LandMemo::default();
    let first = build_with_memo(&world, &spec, View::default(), &mut memo);
    assert!(first.land > 20 && first.land_generation > 0, "{} land items", first.land);
    // The same map with another flow hovered: the same land, not made again.
    let hovered = build_with_memo(&world, &MapSpec { hover: Some(1), ..spec.clone() }, View::default(), &mut memo);
    assert_eq!(hovered.land_generation, first.land_generation);
    assert_eq!(hovered.items[..hovered.land], first.items[..first.land]);
    // And exactly what a map built from scratch holds.
    let fresh = build_in_view(&world, &MapSpec { hover: Some(1), ..spec.clone() }, View::default());
    assert_eq!(hovered.items, fresh.items);
    assert_eq!(fresh.land_generation, 0);
    // A pan or another highlight makes a new layer.
    let panned = build_with_memo(&world, &spec, View::default().pan_by([5.0, 0.0], [1280.0, 800.0]), &mut memo);
    assert!(panned.land_generation > first.land_generation);
    let focused = build_with_memo(&world, &MapSpec { highlight: vec![398], ..spec.clone() }, View::default(), &mut memo);
    assert!(focused.land_generation > panned.land_generation);
}

#[test]
fn a_layer_made_with_a_margin_is_moved_by_a_pan_within_it() {
    use roundabout::scene::{build_with_memo, Item, LandMemo, Seg, View};
    let Some(world) = world() else { panic!("{ATLAS} missing: run ./build.sh setup") };
    let spec = route_spec(800.0, 600.0);
    let mut memo = LandMemo::with_margin(0.25);
    let first = build_with_memo(&world, &spec, View::default(), &mut memo);
    assert_eq!(first.land_frame, [-200.0, -200.0, 1200.0, 1000.0], "a quarter of the longer side beyond the map");
    let start = |s: &roundabout::scene::Scene| -> Vec<[f64; 2]> {
        s.items[..s.land].iter().filter_map(|i| match i { Item::Path { d, .. } => match d.first() { Some(Seg::MoveTo(p)) => Some(*p), _ => None }, _ => None }).collect()
    };
    let view = View::default().pan_by([150.0, -40.0], [800.0, 600.0]);
    let moved = build_with_memo(&world, &spec, view, &mut memo);
    assert_eq!(moved.land_generation, first.land_generation, "a pan within the margin keeps the layer");
    assert_eq!(moved.land_frame, [-50.0, -240.0, 1200.0, 1000.0]);
    for (a, b) in start(&first).iter().zip(start(&moved)) {
        assert!((b[0] - a[0] - 150.0).abs() < 1e-9 && (b[1] - a[1] + 40.0).abs() < 1e-9, "{a:?} → {b:?}");
    }
    let far = build_with_memo(&world, &spec, view.pan_by([150.0, 0.0], [800.0, 600.0]), &mut memo);
    assert!(far.land_generation > first.land_generation, "past the margin the layer is made again");
}

#[test]
fn a_zoom_gesture_stretches_the_layer_until_it_settles() {
    use roundabout::scene::{build_with_memo, Item, LandMemo, Seg, View};
    let Some(world) = world() else { panic!("{ATLAS} missing: run ./build.sh setup") };
    let (spec, size, c) = (route_spec(800.0, 600.0), [800.0, 600.0], [300.0, 200.0]);
    let start = |s: &roundabout::scene::Scene| -> Vec<[f64; 2]> {
        s.items[..s.land].iter().filter_map(|i| match i { Item::Path { d, .. } => match d.first() { Some(Seg::MoveTo(p)) => Some(*p), _ => None }, _ => None }).collect()
    };
    let mut memo = LandMemo::with_margin(0.25);
    let two = View::default().zoom_at(c, 2.0, size);
    let first = build_with_memo(&world, &spec, two, &mut memo);
    memo.rescaling(true);
    let zooming = build_with_memo(&world, &spec, two.zoom_at(c, 1.2, size), &mut memo);
    assert_eq!(zooming.land_generation, first.land_generation, "a zoom gesture keeps the layer");
    let (a, b) = (start(&first), start(&zooming));
    assert!(a.len() > 20 && a.len() == b.len());
    for (a, b) in a.iter().zip(&b) {
        let want = [c[0] + 1.2 * (a[0] - c[0]), c[1] + 1.2 * (a[1] - c[1])];
        assert!((b[0] - want[0]).abs() < 1e-6 && (b[1] - want[1]).abs() < 1e-6, "{a:?} → {b:?}, want {want:?}");
    }
    let [x, y, w, h] = first.land_frame;
    let want = [c[0] + 1.2 * (x - c[0]), c[1] + 1.2 * (y - c[1]), 1.2 * w, 1.2 * h];
    assert!(zooming.land_frame.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-6), "{:?} against {want:?}", zooming.land_frame);
    // Zoomed out so far that the stretched layer would leave the map's edge bare: a new layer.
    let out = build_with_memo(&world, &spec, two.zoom_at(c, 1.0 / 1.5, size), &mut memo);
    assert!(out.land_generation > first.land_generation);
    // The gesture over, the next frame makes the layer at the new scale.
    memo.rescaling(false);
    let settled = build_with_memo(&world, &spec, two.zoom_at(c, 1.2, size), &mut memo);
    assert!(settled.land_generation > out.land_generation);
}
