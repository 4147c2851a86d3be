use super::words::Words;
use super::RouteView;
use crate::geo::anchor;
use crate::scene::{FlowSpec, MapSpec, Rgba};

/// The colour of flows from the origin into a hub.
pub const INTO_HUB: Rgba = Rgba(0, 114, 178, 255);
/// The colour of flows from a hub on to the destination.
pub const ONWARD: Rgba = Rgba(200, 80, 30, 255);
/// Opacity of flows outside the reader's focus: there for context, out of the way.
const DIMMED_ALPHA: u8 = 60;
/// Widest flow, in CSS pixels, for the largest value of the story.
const MAX_WIDTH: f64 = 26.0;

/// A flow's colour by its leg of the route.
pub fn leg_color(onward: bool) -> Rgba {
    if onward {
        ONWARD
    } else {
        INTO_HUB
    }
}

/// The map of `routes` at `width` × `height` CSS pixels; flow ids are indices into `routes`.
/// Routes out of the reader's focus are drawn faint and unlabelled.
/// `numeric` gives a country's ISO 3166-1 numeric code, which the country shapes carry.
pub fn map_spec(
    routes: &[RouteView],
    width: f64,
    height: f64,
    max_value: f64,
    hover: Option<u32>,
    numeric: impl Fn(&str) -> Option<u16>,
    words: Words,
) -> MapSpec {
    let mut countries: Vec<(&str, &str)> = Vec::new();
    for r in routes {
        for c in [(r.figures.exporter.as_str(), r.exporter_name.as_str()), (r.figures.importer.as_str(), r.importer_name.as_str())] {
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
    }
    let flows = routes
        .iter()
        .enumerate()
        .filter_map(|(id, r)| {
            let Rgba(red, green, blue, _) = leg_color(r.onward);
            Some(FlowSpec {
                id: u32::try_from(id).ok()?,
                from: anchor(&r.figures.exporter)?,
                to: anchor(&r.figures.importer)?,
                value: r.figures.value?,
                color: Rgba(red, green, blue, if r.in_focus { 255 } else { DIMMED_ALPHA }),
                label: if r.in_focus { r.value_text.clone() } else { String::new() },
            })
        })
        .collect();
    MapSpec {
        width,
        height,
        highlight: countries.iter().filter_map(|(code, _)| numeric(code)).collect(),
        labels: countries.iter().filter_map(|&(code, name)| Some((anchor(code)?, name.to_string()))).collect(),
        flows,
        max_value,
        max_width: MAX_WIDTH,
        legend_title: words.all_goods_a_year().to_string(),
        legend_note: String::new(),
        lang: words.0,
        hover,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::focus::Focus;
    use crate::story::{route_views, RouteFigures};

    fn routes(focus: Option<&Focus>) -> Vec<RouteView> {
        let figures = |exporter: &str, importer: &str| RouteFigures::valued(exporter, importer, 1e9);
        let mut views = route_views(&[figures("CHN", "KAZ"), figures("KAZ", "RUS"), figures("CHN", "KGZ")], "RUS", 2021, |c| c.into(), crate::story::words::Words(crate::lang::Lang::En));
        crate::story::focus::mark_focus(&mut views, focus);
        views
    }

    #[test]
    fn legs_have_their_colours_and_labels() {
        let spec = map_spec(&routes(None), 800.0, 500.0, 2e9, None, |_| Some(1), Words(crate::lang::Lang::En));
        let colours: Vec<Rgba> = spec.flows.iter().map(|f| f.color).collect();
        assert_eq!(colours, [INTO_HUB, ONWARD, INTO_HUB]);
        assert!(spec.flows.iter().all(|f| f.label == "$1bn"));
    }

    #[test]
    fn flows_out_of_focus_are_faint_and_unlabelled() {
        let focus = Focus { country: "KAZ".into(), direction: crate::story::focus::Direction::Outgoing };
        let spec = map_spec(&routes(Some(&focus)), 800.0, 500.0, 2e9, None, |_| Some(1), Words(crate::lang::Lang::En));
        let alphas: Vec<u8> = spec.flows.iter().map(|f| f.color.3).collect();
        assert_eq!(alphas, [DIMMED_ALPHA, 255, DIMMED_ALPHA]);
        let labelled: Vec<bool> = spec.flows.iter().map(|f| !f.label.is_empty()).collect();
        assert_eq!(labelled, [false, true, false]);
    }
}
