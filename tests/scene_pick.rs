//! A click on the map picks the arrow under it over the country beneath, and the country away from arrows.

use roundabout::geo::{Projection, World};
use roundabout::scene::build;
use roundabout::scene::hit::Pick;

#[test]
fn an_arrow_wins_over_the_land_under_it_and_land_away_from_arrows_is_its_country() {
    let Ok(bytes) = std::fs::read("node_modules/world-atlas/countries-110m.json") else {
        panic!("the atlas is missing: run ./build.sh setup")
    };
    let Ok(world) = World::from_topojson(&bytes) else {
        panic!("atlas")
    };
    for (w, h) in [(1280.0, 800.0), (390.0, 520.0)] {
        let spec = crate::scene_render::route_spec(w, h);
        let scene = build(&world, &spec);
        let mut over_land = 0;
        for f in &scene.flows {
            for t in [0.3, 0.5, 0.7] {
                let [x, y] = f.curve.at(t);
                // Every point along an arrow picks that arrow (or a thinner one drawn over it), never the land.
                let picked = scene.pick(&world, x, y);
                assert!(
                    matches!(picked, Some(Pick::Flow(_))),
                    "{w}: flow {} at {t}: {picked:?}",
                    f.id
                );
                let land = scene
                    .projection
                    .invert(x, y)
                    .and_then(|p| world.country_at(p));
                over_land += usize::from(land.is_some());
            }
        }
        assert!(
            over_land > 5,
            "{w}: the arrows lie over land ({over_land} points)"
        );
        // Away from the arrows, on land in view: the country there (Mongolia, Tibet or Siberia).
        let away = [(103.0, 47.0, 496), (88.0, 32.0, 156), (95.0, 62.0, 643)]
            .into_iter()
            .find_map(|(lon, lat, id)| {
                let [x, y] = scene.projection.project(lon, lat)?;
                let inside = x > 0.0 && x < w && y > 0.0 && y < h;
                (inside && scene.hit_flow(x, y).is_none()).then_some((x, y, id))
            });
        let Some((x, y, id)) = away else {
            panic!("{w}: no land in view away from the arrows")
        };
        assert_eq!(scene.pick(&world, x, y), Some(Pick::Country(id)), "{w}");
    }
}
