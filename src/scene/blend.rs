//! In-between maps, so a change of year or filter slides the flows instead of jumping.

use super::spec::MapSpec;

impl MapSpec {
    /// This map at `t` of the way from `from` (0) to itself (1), eased: flows present in both
    /// widen or narrow, new ones grow from nothing. Everything but the values is this map's.
    ///
    /// ```
    /// use roundabout::scene::{FlowSpec, MapSpec, Rgba};
    /// let flow = |value| FlowSpec { id: 1, from: [0.0, 0.0], to: [10.0, 0.0], value, color: Rgba(0, 0, 0, 255), label: String::new(), bands: Vec::new() };
    /// let map = |value| MapSpec { width: 100.0, height: 100.0, highlight: vec![], labels: vec![], flows: vec![flow(value)],
    ///     max_value: 10.0, max_width: 10.0, legend_title: String::new(), legend_note: String::new(), legend_colors: Vec::new(), hover: None, lang: roundabout::lang::Lang::En };
    /// assert_eq!(map(8.0).blend_from(&map(4.0), 0.5).flows[0].value, 6.0);
    /// ```
    pub fn blend_from(&self, from: &MapSpec, t: f64) -> MapSpec {
        let t = ease(t);
        let mut out = self.clone();
        for flow in &mut out.flows {
            let start = from.flows.iter().find(|f| f.id == flow.id).map_or(0.0, |f| f.value);
            flow.value = start + (flow.value - start) * t;
        }
        out
    }
}

/// Smoothstep, clamped to [0, 1]; NaN counts as done.
fn ease(t: f64) -> f64 {
    if t.is_nan() {
        return 1.0;
    }
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::scene::{FlowSpec, Rgba};

    fn map(flows: &[(u32, f64)]) -> MapSpec {
        MapSpec {
            width: 100.0,
            height: 100.0,
            highlight: vec![],
            labels: vec![],
            flows: flows
                .iter()
                .map(|&(id, value)| FlowSpec { id, from: [0.0, 0.0], to: [1.0, 1.0], value, color: Rgba(0, 0, 0, 255), label: String::new(), bands: Vec::new() })
                .collect(),
            max_value: 10.0,
            max_width: 10.0,
            legend_title: String::new(),
            legend_note: String::new(),
            legend_colors: Vec::new(),
            lang: crate::lang::Lang::En,
            hover: None,
        }
    }

    #[test]
    fn ends_are_the_two_maps_and_new_flows_grow_from_nothing() {
        let (from, to) = (map(&[(1, 2.0)]), map(&[(1, 8.0), (2, 4.0)]));
        let values = |m: MapSpec| m.flows.iter().map(|f| f.value).collect::<Vec<_>>();
        assert_eq!(values(to.blend_from(&from, 0.0)), [2.0, 0.0]);
        assert_eq!(values(to.blend_from(&from, 1.0)), [8.0, 4.0]);
        assert_eq!(values(to.blend_from(&from, 7.0)), [8.0, 4.0]);
        assert_eq!(values(to.blend_from(&from, f64::NAN)), [8.0, 4.0]);
        let mid = values(to.blend_from(&from, 0.25));
        assert!(mid[0] > 2.0 && mid[0] < 5.0 && mid[1] > 0.0 && mid[1] < 2.0, "{mid:?}");
    }
}
