//! The core draws into a real canvas in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use roundabout::geo::World;
use roundabout::scene::{self, FlowSpec, MapSpec, Rgba};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const FLOW: Rgba = Rgba(200, 80, 30, 255);
/// Two square countries, one arc each, quantized at one degree a step (so that the page's baked shapes can be
/// made of them).
const WORLD: &str = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
  "arcs":[[[60,40],[20,0],[0,15],[-20,0],[0,-15]],[[30,50],[15,0],[0,10],[-15,0],[0,-10]]],
  "objects":{"countries":{"type":"GeometryCollection","geometries":[
    {"type":"Polygon","id":"398","properties":{"name":"Kazakhstan"},"arcs":[[0]]},
    {"type":"Polygon","id":"643","properties":{"name":"Russia"},"arcs":[[1]]}]}}}"#;

fn canvas(width: u32, height: u32) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    (canvas, ctx)
}

fn pixels_near(ctx: &CanvasRenderingContext2d, w: u32, h: u32, c: Rgba) -> usize {
    let data = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).unwrap().data();
    data.chunks_exact(4)
        .filter(|p| p[0].abs_diff(c.0) as u32 + p[1].abs_diff(c.1) as u32 + p[2].abs_diff(c.2) as u32 <= 30)
        .count()
}

fn spec(width: f64, height: f64) -> MapSpec {
    MapSpec {
        width,
        height,
        highlight: vec![398],
        labels: vec![([71.4, 51.2], "Kazakhstan".into())],
        flows: vec![FlowSpec { id: 0, from: [71.4, 51.2], to: [37.6, 55.8], value: 10e9, color: FLOW, label: "KAZ → RUS".into(), bands: Vec::new() }],
        max_value: 10e9,
        max_width: 20.0,
        legend_title: "US$".into(),
        legend_note: String::new(),
        legend_colors: Vec::new(),
        lang: roundabout::lang::Lang::En,
        hover: None,
    }
}

#[wasm_bindgen_test]
fn the_scene_draws_its_flow_into_a_canvas() {
    let world = World::from_topojson(WORLD.as_bytes()).unwrap();
    let (_canvas, ctx) = canvas(400, 300);
    assert_eq!(pixels_near(&ctx, 400, 300, FLOW), 0);
    let scene = scene::build(&world, &spec(400.0, 300.0));
    roundabout::wasm::canvas::draw(&ctx, &scene, 1.0).unwrap();
    assert!(pixels_near(&ctx, 400, 300, FLOW) > 300, "the flow is drawn");
}

#[wasm_bindgen_test]
fn a_pixel_ratio_of_two_fills_a_canvas_twice_the_size() {
    let world = World::from_topojson(WORLD.as_bytes()).unwrap();
    let scene = scene::build(&world, &spec(200.0, 150.0));
    let (_small, ctx1) = canvas(200, 150);
    roundabout::wasm::canvas::draw(&ctx1, &scene, 1.0).unwrap();
    let (_big, ctx2) = canvas(400, 300);
    roundabout::wasm::canvas::draw(&ctx2, &scene, 2.0).unwrap();
    let (one, two) = (pixels_near(&ctx1, 200, 150, FLOW), pixels_near(&ctx2, 400, 300, FLOW));
    assert!(two > one * 3 && two < one * 5, "four times the pixels: {one} and {two}");
}

#[wasm_bindgen_test]
fn the_app_loads_the_default_story_and_draws_map_and_chart() {
    let story = include_bytes!("../www/data/story.csv");
    // The default story's legs, as the page passes them from stories/default/story.json, which has no view.
    let shapes = World::bake(WORLD.as_bytes()).unwrap();
    let mut app = roundabout::wasm::App::new(&shapes, "story.csv", story, "CHN>KAZ,CHN>KGZ,KAZ>RUS,KGZ>RUS", "RUS", 2021, "").unwrap();
    let (_canvas, ctx) = canvas(640, 400);
    app.render(&ctx, 640.0, 400.0, 1.0, None).unwrap();
    assert!(pixels_near(&ctx, 640, 400, Rgba(0, 114, 178, 255)) > 300, "China → hub flows drawn");
    let (chart, chart_ctx) = canvas(320, 180);
    app.draw_chart(chart, 1.0).unwrap();
    let one = pixels_near(&chart_ctx, 320, 180, Rgba(200, 80, 30, 255));
    assert!(one > 20, "onward lines in the chart");
    // At a pixel ratio of 2 (the context scaled by it, as the page does) the same chart fills a backing
    // store twice as wide and tall: about four times the pixels, not the same lines in its top left quarter.
    let (crisp, crisp_ctx) = canvas(640, 360);
    crisp_ctx.set_transform(2.0, 0.0, 0.0, 2.0, 0.0, 0.0).unwrap();
    app.draw_chart(crisp, 2.0).unwrap();
    let two = pixels_near(&crisp_ctx, 640, 360, Rgba(200, 80, 30, 255));
    let quarter = pixels_near(&crisp_ctx, 320, 180, Rgba(200, 80, 30, 255));
    assert!(two > one * 3 && two < one * 8, "a chart drawn at ratio 2: {one} and {two} pixels");
    assert!(quarter < two / 2, "most of its lines outside the top left quarter: {quarter} of {two}");
    // The page's own chart, handed once: sized and drawn by the core, and again after an action that changes it.
    let (page_chart, page_ctx) = canvas(320, 180);
    app.set_chart(page_chart, 1.0).unwrap();
    assert!(pixels_near(&page_ctx, 320, 180, Rgba(200, 80, 30, 255)) > 20, "onward lines in the page's chart");
}

#[wasm_bindgen_test]
fn a_kept_land_layer_draws_the_same_pixels() {
    use roundabout::scene::{build_with_memo, LandMemo, View};
    use roundabout::wasm::canvas::{draw, draw_with_copy, LandCopy};
    let world = World::from_topojson(WORLD.as_bytes()).unwrap();
    let pixels = |ctx: &CanvasRenderingContext2d| ctx.get_image_data(0.0, 0.0, 800.0, 600.0).unwrap().data().to_vec();
    let (mut memo, mut copy) = (LandMemo::with_margin(0.25), LandCopy::default());
    let (_a, plain) = canvas(800, 600);
    let (_b, kept) = canvas(800, 600);
    let mut view = View::default();
    for (hover, pan) in [(None, [0.0, 0.0]), (Some(0), [0.0, 0.0]), (None, [30.0, -12.0]), (Some(0), [-45.0, 20.0])] {
        view = view.pan_by(pan, [400.0, 300.0]);
        let spec = MapSpec { hover, ..spec(400.0, 300.0) };
        let scene = build_with_memo(&world, &spec, view, &mut memo);
        draw(&plain, &scene, 2.0).unwrap();
        draw_with_copy(&kept, &scene, 2.0, &mut copy, 0).unwrap();
        assert_eq!(scene.land_generation, 1, "one land layer for every hover and every pan within its margin");
        // The copy is rasterised at another offset, so edge pixels may round apart by a shade; a misplaced
        // or stale layer would differ by far more, over whole coastlines.
        let (a, b) = (pixels(&plain), pixels(&kept));
        let off = a.chunks_exact(4).zip(b.chunks_exact(4)).filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 24)).count();
        assert!(off * 2000 < a.len() / 4, "hover {hover:?}, pan {pan:?}: {off} pixels differ between the copied land and the land itself");
    }
}

#[wasm_bindgen_test]
fn a_remembered_colour_or_width_never_outlives_its_item() {
    use roundabout::wasm::canvas::{draw, walk_onto};
    let world = World::from_topojson(WORLD.as_bytes()).unwrap();
    let scene = scene::build(&world, &spec(400.0, 300.0));
    let (_a, once) = canvas(400, 300);
    draw(&once, &scene, 1.0).unwrap();
    // Each item walked with a target of its own, which sets every colour and width it uses.
    let (_b, apart) = canvas(400, 300);
    apart.set_fill_style_str(&scene.background.css());
    apart.fill_rect(0.0, 0.0, 400.0, 300.0);
    apart.set_line_join("round");
    for item in &scene.items {
        walk_onto(&apart, std::slice::from_ref(item)).unwrap();
    }
    let pixels = |ctx: &CanvasRenderingContext2d| ctx.get_image_data(0.0, 0.0, 400.0, 300.0).unwrap().data().to_vec();
    let kinds = |k: fn(&scene::Item) -> bool| scene.items.iter().filter(|i| k(i)).count();
    assert!(kinds(|i| matches!(i, scene::Item::Text { .. })) > 0 && kinds(|i| matches!(i, scene::Item::Path { .. })) > 1, "labels and paths");
    assert!(pixels(&once) == pixels(&apart), "the scene walked once draws what its items walked apart draw");
}
