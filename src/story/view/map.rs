use crate::story::language::words::Words;
use crate::story::RouteView;
use crate::geo::anchor;
use crate::hs::Group;
use crate::scene::{FlowSpec, MapSpec, Rgba};

use crate::story::view::group_colors::colour_by_group;

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
/// Routes out of the reader's focus are drawn faint and unlabelled; countries are labelled at the ends of
/// the arrows drawn. Where the data has products, each
/// flow is cut into bands by product group, in the groups' colours, and the key names the groups on show;
/// flows of all goods alone (national totals) keep their leg's colour and the key no colours.
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
    let mut flows: Vec<FlowSpec> = Vec::new();
    let mut groups: Vec<&[(Group, f64)]> = Vec::new();
    // Labels name the ends of the arrows drawn: a country whose routes have no figure this year has no dot.
    let mut labels: Vec<([f64; 2], String)> = Vec::new();
    for (id, r) in routes.iter().enumerate() {
        let (Ok(id), Some(from), Some(to), Some(value)) = (u32::try_from(id), anchor(&r.figures.exporter), anchor(&r.figures.importer), r.figures.value) else {
            continue;
        };
        for (at, name) in [(from, &r.exporter_name), (to, &r.importer_name)] {
            if !labels.iter().any(|l| l.0 == at) {
                labels.push((at, name.clone()));
            }
        }
        let Rgba(red, green, blue, _) = leg_color(r.onward);
        flows.push(FlowSpec {
            id,
            from,
            to,
            value,
            color: Rgba(red, green, blue, if r.in_focus { 255 } else { DIMMED_ALPHA }),
            label: if r.in_focus { r.value_text.clone() } else { String::new() },
            bands: Vec::new(),
        });
        groups.push(&r.figures.groups);
    }
    let legend_colors = colour_by_group(&mut flows, &groups, words);
    MapSpec {
        width,
        height,
        highlight: countries.iter().filter_map(|(code, _)| numeric(code)).collect(),
        labels,
        flows,
        max_value,
        max_width: MAX_WIDTH,
        legend_title: words.all_goods_a_year().to_string(),
        legend_note: String::new(),
        legend_colors,
        lang: words.0,
        hover,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::view::focus::Focus;
    use crate::story::{route_views, RouteFigures};

    fn routes(focus: Option<&Focus>) -> Vec<RouteView> {
        let figures = |exporter: &str, importer: &str| RouteFigures::valued(exporter, importer, 1e9);
        let mut views = route_views(&[figures("CHN", "KAZ"), figures("KAZ", "RUS"), figures("CHN", "KGZ")], "RUS", 2021, |c| c.into(), crate::story::language::words::Words(crate::lang::Lang::En));
        crate::story::view::focus::mark_focus(&mut views, focus);
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
    fn products_colour_the_flows_by_group_and_the_key_names_the_groups() {
        use crate::hs::Tier;
        use crate::scene::palette::category;
        let mut views = routes(None);
        views[0].figures.groups = vec![(Group::Tier(Tier::T1), 0.25e9), (Group::Other, 0.75e9)];
        views[1].figures.groups = vec![(Group::Other, 1e9)];
        views[2].in_focus = false;
        views[2].figures.groups = vec![(Group::Tier(Tier::T3B), 1e9)];
        let spec = map_spec(&views, 800.0, 500.0, 2e9, None, |_| Some(1), Words(crate::lang::Lang::En));
        let other = category(Group::Other.index(), 255);
        assert_eq!(spec.flows[0].bands, [(0.25e9, category(0, 255)), (0.75e9, other)]);
        assert_eq!(spec.flows[1].color, other, "one group: one colour, no bands drawn");
        assert_eq!(spec.flows[2].color, category(3, DIMMED_ALPHA), "out of focus: faint");
        let key: Vec<&str> = spec.legend_colors.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(key, ["CHPL tier 1", "CHPL tier 3.B", "Other goods"]);
        // National totals alone keep the legs' colours, and the key has no colours.
        let mut totals = routes(None);
        totals.iter_mut().for_each(|v| v.figures.groups = vec![(Group::All, 1e9)]);
        let spec = map_spec(&totals, 800.0, 500.0, 2e9, None, |_| Some(1), Words(crate::lang::Lang::En));
        assert_eq!(spec.flows.iter().map(|f| f.color).collect::<Vec<_>>(), [INTO_HUB, ONWARD, INTO_HUB]);
        assert!(spec.legend_colors.is_empty() && spec.flows.iter().all(|f| f.bands.is_empty()));
    }

    #[test]
    fn only_the_ends_of_arrows_drawn_are_labelled() {
        let mut views = routes(None);
        views[2].figures.value = None;
        let spec = map_spec(&views, 800.0, 500.0, 2e9, None, |_| Some(1), Words(crate::lang::Lang::En));
        let names: Vec<&str> = spec.labels.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(names.len(), 3, "{names:?}: Kyrgyzstan's only route has no figure, so no dot and no label");
        assert_eq!(spec.highlight.len(), 4, "its shape is still shaded as one of the routes' countries");
    }

    #[test]
    fn flows_out_of_focus_are_faint_and_unlabelled() {
        let focus = Focus { country: "KAZ".into(), direction: crate::story::view::focus::Direction::Outgoing };
        let spec = map_spec(&routes(Some(&focus)), 800.0, 500.0, 2e9, None, |_| Some(1), Words(crate::lang::Lang::En));
        let alphas: Vec<u8> = spec.flows.iter().map(|f| f.color.3).collect();
        assert_eq!(alphas, [DIMMED_ALPHA, 255, DIMMED_ALPHA]);
        let labelled: Vec<bool> = spec.flows.iter().map(|f| !f.label.is_empty()).collect();
        assert_eq!(labelled, [false, true, false]);
    }
}
