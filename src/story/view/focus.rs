use serde::Serialize;

use crate::story::language::words::Words;
use crate::story::RouteView;

/// Which of a focused country's flows to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Into and out of the country.
    #[default]
    All,
    /// Into the country: its imports.
    Incoming,
    /// Out of the country: its exports.
    Outgoing,
}

impl Direction {
    /// `"all"`, `"incoming"` or `"outgoing"`, as in links and in the page.
    pub fn name(self) -> &'static str {
        match self {
            Direction::All => "all",
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
        }
    }

    /// The direction called `name`.
    pub fn parse(name: &str) -> Option<Direction> {
        [Direction::All, Direction::Incoming, Direction::Outgoing].into_iter().find(|d| d.name() == name)
    }
}

/// A country the reader clicked or searched, and which of its flows to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub direction: Direction,
}

impl Focus {
    /// Whether the flow `exporter → importer` is one of the focus's.
    pub fn keeps(&self, exporter: &str, importer: &str) -> bool {
        let incoming = importer == self.country;
        let outgoing = exporter == self.country;
        match self.direction {
            Direction::All => incoming || outgoing,
            Direction::Incoming => incoming,
            Direction::Outgoing => outgoing,
        }
    }
}

/// Marks which of `views` the focus keeps (all of them without a focus).
pub fn mark_focus(views: &mut [RouteView], focus: Option<&Focus>) {
    for v in views {
        v.in_focus = focus.is_none_or(|f| f.keeps(&v.figures.exporter, &v.figures.importer));
    }
}

/// What hovering a country says: its name, then one line per route into or out of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountrySummary {
    pub name: String,
    pub lines: Vec<String>,
}

/// The summary of `country` (alpha-3) over `routes`; `None` when no route touches it.
pub fn country_summary(routes: &[RouteView], country: &str, name: impl Fn(&str) -> String, words: Words) -> Option<CountrySummary> {
    let lines: Vec<String> = routes
        .iter()
        .filter_map(|r| {
            if r.figures.importer == country {
                Some(words.imports_from(&r.exporter_name, &r.value_text))
            } else if r.figures.exporter == country {
                Some(words.exports_to(&r.importer_name, &r.value_text))
            } else {
                None
            }
        })
        .collect();
    (!lines.is_empty()).then(|| CountrySummary { name: name(country), lines })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::story::language::words::Words;
    use crate::story::{route_views, RouteFigures};

    fn routes() -> Vec<RouteView> {
        let all = [RouteFigures::valued("CHN", "KAZ", 15.4e9), RouteFigures::valued("KAZ", "RUS", 9.94e9), RouteFigures::valued("CHN", "KGZ", 5.35e9)];
        route_views(
            &all,
            "RUS",
            2021,
            |c| match c {
                "CHN" => "China".into(),
                "KAZ" => "Kazakhstan".into(),
                "KGZ" => "Kyrgyzstan".into(),
                _ => "Russia".into(),
            },
            Words(Lang::En),
        )
    }

    #[test]
    fn directions_keep_the_right_flows() {
        let kaz = |direction| Focus { country: "KAZ".into(), direction };
        let kept = |f: Focus| routes().iter().filter(|r| f.keeps(&r.figures.exporter, &r.figures.importer)).count();
        assert_eq!(kept(kaz(Direction::All)), 2);
        assert_eq!(kept(kaz(Direction::Incoming)), 1);
        assert_eq!(kept(kaz(Direction::Outgoing)), 1);
        assert_eq!(kept(Focus { country: "CHN".into(), direction: Direction::Incoming }), 0);
    }

    #[test]
    fn a_hub_reads_its_imports_and_exports() {
        let s = country_summary(&routes(), "KAZ", |_| "Kazakhstan".into(), Words(Lang::En));
        let s = s.unwrap_or(CountrySummary { name: String::new(), lines: vec![] });
        assert_eq!(s.name, "Kazakhstan");
        assert_eq!(s.lines, ["Imports from China: $15.4bn", "Exports to Russia: $9.94bn"]);
        assert!(country_summary(&routes(), "USA", |c| c.into(), Words(Lang::En)).is_none());
    }
}
