//! What the map draws, read from the recording target: the default story's map walked as the page's
//! canvas and the SVG download walk it, without a browser.

use roundabout::countries::by_alpha3;
use roundabout::geo::World;
use roundabout::ingest::{load, Options};
use roundabout::lang::Lang;
use roundabout::scene::record::{Call, Recording, Shape};
use roundabout::scene::style::{FLOW_EDGE, LAND, LAND_HIGHLIGHT};
use roundabout::scene::{build, to_svg, walk, walk_dots, FillRule, MapSpec, Scene};
use roundabout::story::language::words::Words;
use roundabout::story::view::map::map_spec;
use roundabout::story::{self, route_views, Side, Timeline};

const ATLAS: &str = "node_modules/world-atlas/countries-110m.json";
const STORY: &str = "www/data/story.csv";

/// The default story's map in its last year, 960 × 600, as `roundabout render --story` and the page lay it out.
fn story_map() -> (MapSpec, Scene) {
    let shapes = std::fs::read(ATLAS).unwrap_or_else(|e| panic!("{ATLAS}: {e} (run ./build.sh setup)"));
    let world = World::from_topojson(&shapes).unwrap_or_else(|e| panic!("{ATLAS}: {e}"));
    let bytes = std::fs::read(STORY).unwrap_or_else(|e| panic!("{STORY}: {e}"));
    let table = load("story.csv", &bytes, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .table;
    let timeline = Timeline::new(table, &story::DEFAULT_ROUTES, Side::Importer).unwrap_or_else(|e| panic!("{e}"));
    let Some(&year) = timeline.years().last() else {
        panic!("{STORY}: no years")
    };
    let name = |code: &str| by_alpha3(code).map_or_else(|| code.to_string(), |c| c.name.to_string());
    let numeric = |code: &str| by_alpha3(code).map(|c| c.numeric);
    let views = route_views(
        timeline.figures(year),
        story::DESTINATION,
        story::BASELINE_YEAR,
        name,
        Words(Lang::En),
    );
    let spec = map_spec(&views, 960.0, 600.0, timeline.max_value(), None, numeric, Words(Lang::En));
    let scene = build(&world, &spec);
    (spec, scene)
}

fn record(scene: &Scene) -> Recording {
    let mut rec = Recording::default();
    walk(&scene.items, &mut rec);
    rec
}

/// An arrow's body width, read off its outline: from the left edge's start to the right edge's end.
fn body_width(outline: &[Call]) -> Option<f64> {
    let (Some(Call::MoveTo(a)), Some(Call::QuadTo(_, b))) = (outline.first(), outline.iter().rev().find(|c| matches!(c, Call::QuadTo(..))))
    else {
        return None;
    };
    Some(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt())
}

#[test]
fn the_story_map_draws_land_then_one_arrow_a_route_then_dots_then_labels() {
    let (spec, scene) = story_map();
    let rec = record(&scene);
    let shapes = rec.shapes();
    let flow_colors: Vec<_> = spec.flows.iter().map(|f| f.color).collect();
    let land: Vec<usize> = shapes
        .iter()
        .filter(|s| matches!(s.fill, Some(c) if c == LAND || c == LAND_HIGHLIGHT))
        .map(|s| s.at)
        .collect();
    let arrows: Vec<&Shape> = shapes
        .iter()
        .filter(|s| matches!(s.fill, Some(c) if flow_colors.contains(&c)))
        .collect();
    let dots: Vec<usize> = rec
        .calls
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Call::Circle(..)))
        .map(|(i, _)| i)
        .collect();
    let texts: Vec<usize> = rec
        .calls
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Call::Text(_)))
        .map(|(i, _)| i)
        .collect();

    assert_eq!(spec.flows.len(), story::DEFAULT_ROUTES.len(), "every default route has a value");
    assert_eq!(arrows.len(), spec.flows.len(), "one arrow a route");
    assert!(land.len() > 10, "the atlas's countries are drawn: {}", land.len());
    // China, Kazakhstan, Kyrgyzstan and Russia: one dot each.
    assert_eq!(dots.len(), 4);
    let (Some(last_land), Some(first_arrow), Some(last_arrow)) = (land.last(), arrows.first(), arrows.last()) else {
        panic!("layers missing")
    };
    assert!(*last_land < first_arrow.at, "land under the arrows");
    assert!(last_arrow.at < dots[0], "arrows under the dots");
    assert!(dots[dots.len() - 1] < texts[0], "dots under the labels");
    assert!(
        arrows.iter().all(|a| matches!(a.stroke, Some((c, _)) if c == FLOW_EDGE)),
        "arrows are edged"
    );
}

#[test]
fn arrow_widths_grow_with_the_value_they_carry() {
    let (spec, scene) = story_map();
    let rec = record(&scene);
    let flow_colors: Vec<_> = spec.flows.iter().map(|f| f.color).collect();
    let arrows: Vec<f64> = rec
        .shapes()
        .into_iter()
        .filter(|s| matches!(s.fill, Some(c) if flow_colors.contains(&c)))
        .filter_map(|s| body_width(s.outline))
        .collect();
    // The scene keeps its flows in drawing order, so the nth arrow is the nth flow.
    assert_eq!(arrows.len(), scene.flows.len());
    let mut by_value: Vec<(f64, f64)> = scene
        .flows
        .iter()
        .zip(&arrows)
        .map(|(f, w)| {
            let Some(s) = spec.flows.iter().find(|s| s.id == f.id) else {
                panic!("flow {} not asked for", f.id)
            };
            assert!((w - f.width).abs() < 0.01, "drawn {w} px, laid out {} px", f.width);
            (s.value, *w)
        })
        .collect();
    by_value.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(by_value.windows(2).all(|p| p[0].1 <= p[1].1), "{by_value:?}");
    assert!(by_value[0].1 < by_value[by_value.len() - 1].1, "the routes differ: {by_value:?}");
}

#[test]
fn every_country_and_the_largest_route_are_labelled() {
    let (spec, scene) = story_map();
    let rec = record(&scene);
    let texts = rec.texts();
    for (_, name) in &spec.labels {
        assert!(texts.contains(&name.as_str()), "{name} missing from {texts:?}");
    }
    let Some(largest) = spec.flows.iter().max_by(|a, b| a.value.total_cmp(&b.value)) else {
        panic!("no flows")
    };
    assert!(
        !largest.label.is_empty() && texts.contains(&largest.label.as_str()),
        "{} missing from {texts:?}",
        largest.label
    );
    assert!(texts.contains(&spec.legend_title.as_str()), "the key's title");
}

#[test]
fn the_svg_has_one_element_per_recorded_shape_and_text() {
    let (_, scene) = story_map();
    let rec = record(&scene);
    let svg = to_svg(&scene);
    let circles = rec.shapes().iter().filter(|s| matches!(s.outline, [Call::Circle(..)])).count();
    assert_eq!(svg.matches("<circle ").count(), circles);
    assert_eq!(svg.matches("<path ").count(), rec.shapes().len() - circles);
    assert_eq!(svg.matches("<text ").count(), rec.texts().len());
}

#[test]
fn travelling_dots_are_one_white_shape_of_circles() {
    let (_, scene) = story_map();
    let dots = scene.particles(1.5);
    assert!(!dots.is_empty());
    let mut rec = Recording::default();
    walk_dots(&dots, &mut rec);
    assert_eq!(
        rec.calls.first(),
        Some(&Call::Begin(FillRule::NonZero)),
        "overlapping dots stay whole"
    );
    assert_eq!(rec.calls.iter().filter(|c| matches!(c, Call::Circle(..))).count(), dots.len());
    assert!(matches!(rec.calls.last(), Some(Call::Paint { fill: Some(c), stroke: None }) if c.0 == 255 && c.1 == 255 && c.2 == 255));
}
