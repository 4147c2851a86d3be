//! What lies under a screen point: a flow, else a country. An arrow is what the reader points at, so it
//! wins over the land beneath it.

use super::scene_def::Scene;
use crate::geo::{Projection, World};

/// What a click or tap on the map picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The flow of this id: its route is selected.
    Flow(u32),
    /// The country of this ISO 3166-1 numeric code, with no flow over it there: it is focused.
    Country(u16),
}

/// Slack in px beyond half a flow's width that still counts as a hit.
pub const SLACK: f64 = 3.0;

impl Scene {
    /// The id of the flow under `(x, y)` (CSS px): on its arrow, head included, give or take
    /// [`SLACK`]. Where several are, the thinnest wins (it is drawn on top), then the topmost.
    ///
    /// ```
    /// use roundabout::geo::World;
    /// use roundabout::scene::{build, FlowSpec, MapSpec, Rgba};
    /// let flow = FlowSpec { id: 7, from: [37.6, 55.8], to: [71.4, 51.2], value: 1e9, color: Rgba(200, 0, 0, 255), label: String::new(), bands: Vec::new() };
    /// let spec = MapSpec { width: 600.0, height: 400.0, highlight: vec![], labels: vec![], flows: vec![flow],
    ///     max_value: 1e9, max_width: 10.0, legend_title: String::new(), legend_note: String::new(), legend_colors: Vec::new(), hover: None, lang: roundabout::lang::Lang::En };
    /// let scene = build(&World::default(), &spec);
    /// let mid = scene.flows[0].curve.at(0.5);
    /// assert_eq!(scene.hit_flow(mid[0], mid[1]), Some(7));
    /// assert_eq!(scene.hit_flow(-50.0, -50.0), None);
    /// ```
    pub fn hit_flow(&self, x: f64, y: f64) -> Option<u32> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let mut best: Option<(f64, usize, u32)> = None;
        for (order, f) in self.flows.iter().enumerate() {
            if f.covers([x, y], SLACK) {
                let better = match best {
                    None => true,
                    Some((w, _, _)) => f.width <= w,
                };
                if better {
                    best = Some((f.width, order, f.id));
                }
            }
        }
        best.map(|b| b.2)
    }

    /// The flow under `(x, y)` (see [`Scene::hit_flow`]), else the country of `world` there.
    pub fn pick(&self, world: &World, x: f64, y: f64) -> Option<Pick> {
        if let Some(id) = self.hit_flow(x, y) {
            return Some(Pick::Flow(id));
        }
        let lonlat = self.projection.invert(x, y)?;
        world.country_at(lonlat).map(|c| Pick::Country(c.id))
    }

    /// The ISO alpha-3 code of the country of `world` under `(x, y)`; none under an arrow.
    pub fn country_code_at(&self, world: &World, x: f64, y: f64) -> Option<&'static str> {
        let Some(Pick::Country(id)) = self.pick(world, x, y) else { return None };
        crate::countries::by_numeric(id).map(|c| c.alpha3)
    }
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::FlowCurve;

    fn scene(flows: Vec<FlowCurve>) -> Scene {
        Scene::with_flows(flows)
    }

    #[test]
    fn thinnest_wins_where_flows_cross() {
        let a = FlowCurve::layout(1, [0.0, 150.0], [400.0, 150.0], 20.0);
        let b = FlowCurve::layout(2, [200.0, 0.0], [200.0, 300.0], 2.0);
        let (Some(a), Some(b)) = (a, b) else {
            panic!("no layout")
        };
        let s = scene(vec![a, b]);
        let cross = (0..=200)
            .map(|i| b.curve.at(i as f64 / 200.0))
            .min_by(|p, q| a.curve.distance(*p).total_cmp(&a.curve.distance(*q)));
        let Some(cross) = cross else {
            panic!("no samples")
        };
        assert!(a.curve.distance(cross) < 1.0);
        assert_eq!(s.hit_flow(cross[0], cross[1]), Some(2));
        let on_a = a.curve.at(0.15);
        assert_eq!(s.hit_flow(on_a[0], on_a[1]), Some(1));
        assert_eq!(s.hit_flow(f64::NAN, 0.0), None);
    }
}
