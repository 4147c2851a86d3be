use crate::story::language::words::Words;
use crate::story::view::routes::reported_text;
use crate::story::RouteView;

/// How many routes the page shows when the link does not say.
pub const DEFAULT_TOP: u16 = 10;

/// The routes left off the map, summed: one entry for the panel and the table, never a flow.
#[derive(Clone, Debug, PartialEq)]
pub struct Other {
    pub count: usize,
    pub value: f64,
    /// e.g. "183 other routes: $4.2bn".
    pub text: String,
}

/// The `n` largest of `views` (those in the reader's focus first), each with its share of the total on
/// show; the rest with a value summed into [`Other`]. A route the map cannot draw (`can_draw` false: an
/// area such as "Other Asia, nes", or a country without a place on the map) is ranked like any other and
/// its value says it is not on the map. `pinned` routes (the story's own) keep their given
/// order ahead of the others and stay even without a value, since a missing figure there is news.
pub fn on_show(
    views: Vec<RouteView>,
    n: usize,
    pinned: impl Fn(&RouteView) -> bool,
    can_draw: impl Fn(&RouteView) -> bool,
    words: Words,
) -> (Vec<RouteView>, Option<Other>) {
    let key = |v: &RouteView| (v.in_focus, v.figures.value.unwrap_or(f64::NEG_INFINITY));
    let mut open: Vec<bool> = views.iter().map(|v| v.figures.value.is_some() || pinned(v)).collect();
    // Picking the largest n times instead of sorting: a generic sort costs kilobytes of wasm, and n is small.
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < n {
        let mut best: Option<usize> = None;
        for i in (0..views.len()).filter(|&i| open[i]) {
            let better = best.is_none_or(|b| {
                let (k, kb) = (key(&views[i]), key(&views[b]));
                (k.0 && !kb.0) || (k.0 == kb.0 && k.1 > kb.1)
            });
            if better {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        open[b] = false;
        picked.push(b);
    }
    // The story's own routes keep their places; the others follow, largest first.
    let mut order: Vec<usize> = (0..views.len()).filter(|i| picked.contains(i) && pinned(&views[*i])).collect();
    order.extend(picked.iter().filter(|&&i| !pinned(&views[i])));
    let rest: Vec<f64> = (0..views.len()).filter(|i| !picked.contains(i)).filter_map(|i| views[i].figures.value).collect();
    let total: f64 = picked.iter().filter_map(|&i| views[i].figures.value).sum();
    let shown: Vec<RouteView> = order
        .iter()
        .map(|&i| {
            let share = views[i].figures.value.filter(|_| total > 0.0).map(|value| value / total);
            let v = &views[i];
            let value_text = if can_draw(v) { v.value_text.clone() } else { format!("{} ({})", v.value_text, words.not_drawn()) };
            let mut view = RouteView { share, share_text: share.map(|s| words.share(s)).unwrap_or_default(), value_text, ..v.clone() };
            view.reported_text = reported_text(&view, words);
            view
        })
        .collect();
    let value: f64 = rest.iter().sum();
    let other = (!rest.is_empty()).then(|| Other { count: rest.len(), value, text: words.other_routes(rest.len(), value) });
    (shown, other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::story::view::focus::{mark_focus, Direction, Focus};
    use crate::story::{route_views, RouteFigures};

    fn views(values: &[(&str, &str, Option<f64>)]) -> Vec<RouteView> {
        let figures: Vec<RouteFigures> = values
            .iter()
            .map(|&(e, i, v)| RouteFigures { value: v, ..RouteFigures::valued(e, i, 0.0) })
            .collect();
        route_views(&figures, "RUS", 2021, |c| c.into(), Words(Lang::En))
    }

    fn pairs(shown: &[RouteView]) -> Vec<String> {
        shown.iter().map(|v| format!("{}>{}", v.figures.exporter, v.figures.importer)).collect()
    }

    #[test]
    fn the_largest_stay_in_order_and_the_rest_are_summed() {
        let all = views(&[("CHN", "KAZ", Some(5.0)), ("CHN", "KGZ", Some(1.0)), ("KAZ", "RUS", Some(3.0)), ("DEU", "FRA", Some(2.0)), ("USA", "CAN", None)]);
        let (shown, other) = on_show(all.clone(), 2, |_| false, |_| true, Words(Lang::En));
        assert_eq!(pairs(&shown), ["CHN>KAZ", "KAZ>RUS"]);
        let (pinned, _) = on_show(all, 3, |v| v.figures.exporter != "CHN", |_| true, Words(Lang::En));
        assert_eq!(pairs(&pinned), ["KAZ>RUS", "DEU>FRA", "CHN>KAZ"], "pinned first in their order, then by value");
        let other = other.unwrap_or_else(|| panic!("two routes left over"));
        assert_eq!((other.count, other.value, other.text.as_str()), (2, 3.0, "2 other routes: $3"));
        assert_eq!(shown[0].share, Some(5.0 / 8.0));
        assert_eq!(shown[1].share_text, "38% of the flows shown");
    }

    #[test]
    fn pinned_routes_without_figures_stay_and_nothing_is_left_over() {
        let all = views(&[("CHN", "KAZ", Some(5.0)), ("KGZ", "RUS", None), ("USA", "CAN", None)]);
        let (shown, other) = on_show(all, 10, |v| v.figures.importer == "RUS", |_| true, Words(Lang::En));
        assert_eq!(pairs(&shown), ["KGZ>RUS", "CHN>KAZ"]);
        assert_eq!((shown[0].share, shown[1].share), (None, Some(1.0)));
        assert_eq!(other, None);
    }

    #[test]
    fn the_focus_fills_the_map_first() {
        let mut all = views(&[("CHN", "KAZ", Some(5.0)), ("KAZ", "RUS", Some(1.0)), ("DEU", "FRA", Some(9.0))]);
        mark_focus(&mut all, Some(&Focus { country: "KAZ".into(), direction: Direction::All }));
        let (shown, other) = on_show(all, 2, |_| false, |_| true, Words(Lang::En));
        assert_eq!(pairs(&shown), ["CHN>KAZ", "KAZ>RUS"]);
        assert_eq!(other.map(|o| o.value), Some(9.0));
    }

    #[test]
    fn routes_the_map_cannot_draw_are_ranked_and_say_so() {
        // "Other Asia, nes" (S19) has no place on the map but is the largest route: it ranks first, its share
        // counts (9 of 5 + 9 shown), and its value says it is not drawn; with two shown, KGZ → KAZ is other.
        let all = views(&[("CHN", "KAZ", Some(5.0)), ("S19", "KAZ", Some(9.0)), ("KGZ", "KAZ", Some(1.0))]);
        let drawable = |v: &RouteView| v.figures.exporter != "S19";
        let (shown, other) = on_show(all, 2, |_| false, drawable, Words(Lang::En));
        assert_eq!(pairs(&shown), ["S19>KAZ", "CHN>KAZ"]);
        assert_eq!(shown[0].share, Some(9.0 / 14.0));
        assert!(shown[0].value_text.ends_with("(not drawn on the map)"), "{}", shown[0].value_text);
        assert!(!shown[1].value_text.contains("not drawn"));
        assert_eq!(other.map(|o| (o.count, o.value)), Some((1, 1.0)));
    }
}
