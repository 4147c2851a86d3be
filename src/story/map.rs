use super::RouteView;
use crate::geo::anchor;
use crate::scene::{FlowSpec, MapSpec, Rgba};

/// The colour of flows from the origin into a hub.
pub const INTO_HUB: Rgba = Rgba(0, 114, 178, 255);
/// The colour of flows from a hub on to the destination.
pub const ONWARD: Rgba = Rgba(200, 80, 30, 255);
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
/// `numeric` gives a country's ISO 3166-1 numeric code, which the country shapes carry.
pub fn map_spec(
    routes: &[RouteView],
    width: f64,
    height: f64,
    max_value: f64,
    hover: Option<u32>,
    numeric: impl Fn(&str) -> Option<u16>,
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
            Some(FlowSpec {
                id: u32::try_from(id).ok()?,
                from: anchor(&r.figures.exporter)?,
                to: anchor(&r.figures.importer)?,
                value: r.figures.value?,
                color: leg_color(r.onward),
                label: r.value_text.clone(),
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
        legend_title: "All goods, US$ a year".to_string(),
        hover,
    }
}
