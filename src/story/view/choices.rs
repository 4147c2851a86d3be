use crate::format_list::and_list;
use crate::lang::Lang;

/// The hubs the evidence offers beyond the story's own: those the EBRD's "Eurasian Roundabout" papers name.
const KNOWN_HUBS: [&str; 7] = ["KAZ", "KGZ", "ARM", "GEO", "TUR", "ARE", "UZB"];

/// The analysis views' choices, each `(label, value)`: the routes whose products can be ranked (the value
/// `CHN>KAZ,KGZ`), and the hubs whose evidence can be read (the value an alpha-3 code).
#[derive(Debug, PartialEq)]
pub struct Choices {
    pub routes: Vec<(String, String)>,
    pub hubs: Vec<(String, String)>,
}

/// The choices of a story whose `legs` run from its origin to each hub, then from each hub to
/// `destination`: the origin to every hub at once where there are several, to each hub, and each hub to
/// the destination; the story's hubs, then the known ones. `name` names a country in `lang`.
///
/// ```
/// use roundabout::lang::Lang;
/// use roundabout::story::view::choices::route_choices;
/// let legs = [("CHN", "KAZ"), ("CHN", "KGZ"), ("KAZ", "RUS"), ("KGZ", "RUS")].map(|(e, i)| (e.to_string(), i.to_string()));
/// let c = route_choices(&legs, "RUS", |c| c.to_string(), Lang::En);
/// assert_eq!(c.routes[0], ("CHN → KAZ and KGZ".to_string(), "CHN>KAZ,KGZ".to_string()));
/// ```
pub fn route_choices(legs: &[(String, String)], destination: &str, name: impl Fn(&str) -> String, lang: Lang) -> Choices {
    let mut origin = "";
    let mut hubs: Vec<&str> = Vec::new();
    for (from, to) in legs {
        if to != destination {
            origin = from;
            hubs.push(to);
        }
    }
    let route = |from: &str, to: &[&str]| {
        let mut names = Vec::new();
        for c in to {
            names.push(name(c));
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        (format!("{} → {}", name(from), and_list(&names, lang)), format!("{from}>{}", to.join(",")))
    };
    let mut routes = Vec::new();
    if hubs.len() > 1 {
        routes.push(route(origin, &hubs));
    }
    for hub in &hubs {
        routes.push(route(origin, &[hub]));
    }
    for hub in &hubs {
        routes.push(route(hub, &[destination]));
    }
    for known in KNOWN_HUBS {
        if !hubs.contains(&known) {
            hubs.push(known);
        }
    }
    let mut offered = Vec::new();
    for hub in hubs {
        offered.push((name(hub), hub.to_string()));
    }
    Choices { routes, hubs: offered }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn legs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(e, i)| (e.to_string(), i.to_string())).collect()
    }

    #[test]
    fn every_leg_and_the_origin_to_all_hubs_then_the_known_hubs() {
        let c = route_choices(&legs(&[("CHN", "KAZ"), ("CHN", "KGZ"), ("KAZ", "RUS"), ("KGZ", "RUS")]), "RUS", |c| format!("<{c}>"), Lang::Uk);
        let values: Vec<&str> = c.routes.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["CHN>KAZ,KGZ", "CHN>KAZ", "CHN>KGZ", "KAZ>RUS", "KGZ>RUS"]);
        assert_eq!(c.routes[0].0, "<CHN> → <KAZ> і <KGZ>");
        assert_eq!(c.routes[4].0, "<KGZ> → <RUS>");
        let hubs: Vec<&str> = c.hubs.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(hubs, ["KAZ", "KGZ", "ARM", "GEO", "TUR", "ARE", "UZB"]);
        assert_eq!(c.hubs[0].0, "<KAZ>");
    }

    #[test]
    fn a_story_of_one_hub_has_no_route_to_all_hubs_and_its_hub_first() {
        let c = route_choices(&legs(&[("CHN", "ARM"), ("ARM", "RUS")]), "RUS", str::to_string, Lang::En);
        let values: Vec<&str> = c.routes.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["CHN>ARM", "ARM>RUS"]);
        assert_eq!(c.hubs.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>(), ["ARM", "KAZ", "KGZ", "GEO", "TUR", "ARE", "UZB"]);
    }
}
