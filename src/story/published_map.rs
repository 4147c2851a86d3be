//! The published figures of one period as the map's flows: one arrow per route, coloured by its goods
//! definition; a route with several ends is one arrow that forks, its value on the trunk alone.

use super::published_view::PublishedView;
use crate::format::money_in;
use crate::geo::anchor;
use crate::lang::Lang;
use crate::scene::palette::category;
use crate::scene::{FlowSpec, MapSpec};

/// Widest flow, in CSS pixels, for the largest value of the view.
const MAX_WIDTH: f64 = 26.0;
/// How far along from the origin to its ends' middle a forking arrow splits.
const FORK_AT: f64 = 0.6;

/// What the page words itself: the key's title and the goods definitions' names, in its language.
pub struct Key<'a> {
    pub title: &'a str,
    pub goods: &'a [String],
    pub lang: Lang,
}

/// The map of period `period`; flow ids are indices into the period's rows. `name` gives a country's
/// name and `numeric` its ISO 3166-1 numeric code, which the country shapes carry.
pub fn published_map_spec(
    view: &PublishedView,
    period: usize,
    size: [f64; 2],
    hover: Option<u32>,
    key: &Key,
    name: impl Fn(&str) -> String,
    numeric: impl Fn(&str) -> Option<u16>,
) -> MapSpec {
    let mut flows: Vec<FlowSpec> = Vec::new();
    let mut countries: Vec<&str> = Vec::new();
    let mut goods_shown: Vec<usize> = Vec::new();
    let rows = view.periods.get(period).map_or(&[][..], |p| &p.rows[..]);
    for (row, r) in rows.iter().enumerate() {
        let (Some(figure), Ok(id)) = (view.drawn(period, row), u32::try_from(row)) else { continue };
        let route = &view.routes[r.route];
        let (Some(from), Some(value)) = (route.from.first().and_then(|c| anchor(c)), figure.value_usd) else { continue };
        let ends: Vec<[f64; 2]> = route.to.iter().filter_map(|c| anchor(c)).collect();
        if ends.is_empty() {
            continue;
        }
        countries.extend(route.from.iter().chain(&route.to).map(String::as_str));
        if !goods_shown.contains(&figure.goods) {
            goods_shown.push(figure.goods);
        }
        let color = category(figure.goods, 255);
        let label = format!("{}{}", bound_mark(&figure.bound), money_in(value, key.lang));
        let flow = |from, to, value, label| FlowSpec { id, from, to, value, color, label, bands: Vec::new() };
        if let [to] = ends[..] {
            flows.push(flow(from, to, value, label));
            continue;
        }
        // One arrow to the fork, then a thin branch to each end: the value is never split among them.
        let n = ends.len() as f64;
        let middle = [ends.iter().map(|e| e[0]).sum::<f64>() / n, ends.iter().map(|e| e[1]).sum::<f64>() / n];
        let fork = [from[0] + FORK_AT * (middle[0] - from[0]), from[1] + FORK_AT * (middle[1] - from[1])];
        flows.push(flow(from, fork, value, label));
        flows.extend(ends.into_iter().map(|end| flow(fork, end, 0.0, String::new())));
    }
    countries.sort_unstable();
    countries.dedup();
    goods_shown.sort_unstable();
    MapSpec {
        width: size[0],
        height: size[1],
        highlight: countries.iter().filter_map(|c| numeric(c)).collect(),
        labels: countries.iter().filter_map(|c| Some((anchor(c)?, name(c)))).collect(),
        flows,
        max_value: view.max_value(),
        max_width: MAX_WIDTH,
        legend_title: key.title.to_string(),
        legend_note: String::new(),
        legend_colors: goods_shown.into_iter().map(|g| (category(g, 255), key.goods.get(g).cloned().unwrap_or_default())).collect(),
        lang: key.lang,
        hover,
    }
}

/// `~` about, `>` over, `<` under: the source's own bound, kept on the arrow's label.
fn bound_mark(bound: &str) -> &'static str {
    match bound {
        "about" => "~",
        "over" => ">",
        "under" => "<",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::published_view::build;

    const CSV: &str = "id,source_line,goods,from,to,period,kind,value,unit,bound,of,whose,publisher,url,date,about\n\
        a,1,chpl45,CHN,KAZ+KGZ,2023,flow,1.3,USD bn,,,w,p,https://a,d,x\n\
        b,2,hs8806,KAZ,RUS,2023,flow,2.7,USD m,over,,w,p,https://b,d,x\n\
        c,3,hs8806,KAZ,RUS,2023,flow,3,USD m,,,w,p,https://c,d,x\n\
        d,4,chpl45,CHN,KAZ+KGZ,2022,growth,64,%,,a,w,p,https://a,d,x\n";

    fn spec(period: usize) -> MapSpec {
        let view = build("p.csv", CSV).unwrap_or_else(|e| panic!("{e}"));
        let goods: Vec<String> = crate::story::published_view::GOODS.iter().map(|g| g.label.to_string()).collect();
        let key = Key { title: "t", goods: &goods, lang: Lang::En };
        published_map_spec(&view, period, [800.0, 500.0], None, &key, |c| c.to_string(), |_| Some(1))
    }

    #[test]
    fn a_route_of_two_ends_is_one_arrow_forking_and_its_value_is_not_split() {
        let s = spec(1);
        let a: Vec<&FlowSpec> = s.flows.iter().filter(|f| f.id == 0).collect();
        assert_eq!(a.len(), 3, "trunk and two branches");
        assert_eq!(a[0].value, 1.3e9);
        assert_eq!(a[0].label, "$1.3bn");
        assert!(a[1..].iter().all(|f| f.value == 0.0 && f.label.is_empty() && f.from == a[0].to));
        assert_eq!([a[1].to, a[2].to], [anchor("KAZ"), anchor("KGZ")].map(|x| x.unwrap_or_default()));
    }

    #[test]
    fn each_route_draws_one_figure_in_its_goods_colour_and_the_key_names_the_goods() {
        let s = spec(1);
        let b: Vec<&FlowSpec> = s.flows.iter().filter(|f| f.id == 1).collect();
        // The first figure of the route is drawn; the second (3m) is not added to it.
        assert_eq!((b.len(), b[0].value, b[0].label.as_str()), (1, 2.7e6, ">$2.7m"));
        assert_eq!(b[0].color, category(5, 255));
        let key: Vec<&str> = s.legend_colors.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(key, ["CHPL, 45 goods (the list before February 2024)", "Drones (HS 8806)"]);
        // One width scale for every period: 2022's derived value is drawn against 2023's largest.
        let s22 = spec(0);
        assert_eq!((s22.max_value, s22.flows[0].value), (1.3 * 1e9, 1.3 * 1e9 / (1.0 + 64.0 / 100.0)));
    }
}
