use super::chart::Series;
use super::map::leg_color;
use super::{route_figures, RouteFigures, Side, BASELINE_YEAR, DEFAULT_ROUTES, DESTINATION};
use crate::query::{self, Key, Query};
use crate::store::Table;
use crate::Error;

/// Every year's figures for a set of routes, from one loaded table.
pub struct Timeline {
    table: Table,
    routes: Vec<(String, String)>,
    years: Vec<u16>,
    side: Side,
    by_year: Vec<Vec<RouteFigures>>,
}

impl Timeline {
    /// The routes' figures for every year the table holds, drawing `side`'s reports first.
    pub fn new(table: Table, routes: &[(&str, &str)], side: Side) -> Result<Timeline, Error> {
        let routes = routes.iter().map(|&(e, i)| (e.to_string(), i.to_string())).collect();
        Timeline::of(table, routes, side)
    }

    /// The story's routes, then every other country pair of `table`: for a reader's file, which may
    /// hold hundreds of pairs.
    pub fn every_pair(table: Table, side: Side) -> Result<Timeline, Error> {
        let mut routes: Vec<(String, String)> = DEFAULT_ROUTES.iter().map(|&(e, i)| (e.to_string(), i.to_string())).collect();
        for row in query::run(&table, &Query { group_by: vec![Key::Exporter, Key::Importer], ..Query::default() })?.rows {
            let [exporter, importer] = &row.keys[..] else { continue };
            let pair = (exporter.to_string(), importer.to_string());
            // Group keys are unique: only the story's routes can repeat.
            if !routes[..DEFAULT_ROUTES.len()].contains(&pair) {
                routes.push(pair);
            }
        }
        Timeline::of(table, routes, side)
    }

    fn of(table: Table, routes: Vec<(String, String)>, side: Side) -> Result<Timeline, Error> {
        let answer = query::run(&table, &Query { group_by: vec![Key::Year], ..Query::default() })?;
        // In order: a query's groups come sorted by their keys.
        let years: Vec<u16> = answer.rows.iter().filter_map(|r| r.keys.first()?.to_string().parse().ok()).collect();
        let mut timeline = Timeline { table, routes, years, side, by_year: Vec::new() };
        timeline.set_side(side)?;
        Ok(timeline)
    }

    /// Recomputes every year for the other side's reports.
    pub fn set_side(&mut self, side: Side) -> Result<(), Error> {
        let routes: Vec<(&str, &str)> = self.routes.iter().map(|(e, i)| (e.as_str(), i.as_str())).collect();
        self.by_year = self
            .years
            .iter()
            .map(|&year| route_figures(&self.table, &routes, year, BASELINE_YEAR, side))
            .collect::<Result<_, _>>()?;
        self.side = side;
        Ok(())
    }

    pub fn side(&self) -> Side {
        self.side
    }

    pub fn years(&self) -> &[u16] {
        &self.years
    }

    /// The figures of `year`, empty when the table has no such year.
    pub fn figures(&self, year: u16) -> &[RouteFigures] {
        self.years.iter().position(|&y| y == year).map_or(&[], |i| &self.by_year[i])
    }

    /// The largest value drawn in any year: one width scale for all years, so years compare.
    pub fn max_value(&self) -> f64 {
        self.by_year.iter().flatten().filter_map(|f| f.value).fold(0.0, f64::max)
    }

    /// The routes, exporter → importer, in their order.
    pub fn routes(&self) -> &[(String, String)] {
        &self.routes
    }

    /// One chart line per route that `keep` keeps, coloured by its leg and labelled with `name`s of its countries.
    pub fn series(&self, name: impl Fn(&str) -> String, keep: impl Fn(&str, &str) -> bool) -> Vec<Series> {
        (0..self.routes.len())
            .filter(|&r| keep(&self.routes[r].0, &self.routes[r].1))
            .map(|r| Series {
                label: format!("{} → {}", name(&self.routes[r].0), name(&self.routes[r].1)),
                color: {
                    let c = leg_color(self.routes[r].1 == DESTINATION);
                    (c.0, c.1, c.2)
                },
                points: self.years.iter().zip(&self.by_year).map(|(&y, figures)| (y, figures[r].value)).collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    const CSV: &str = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2021,,CHN,KAZ,TOTAL,100,,,importer,a\n\
        2022,,CHN,KAZ,TOTAL,300,,,importer,a\n\
        2022,,KAZ,RUS,TOTAL,50,,,exporter,b\n\
        2022,,KAZ,RUS,TOTAL,40,,,importer,c\n";

    fn timeline() -> Timeline {
        let table = load("t.csv", CSV.as_bytes(), &Options::default()).unwrap().table;
        Timeline::new(table, &[("CHN", "KAZ"), ("KAZ", "RUS")], Side::Importer).unwrap()
    }

    #[test]
    fn holds_every_year_of_the_table() {
        let t = timeline();
        assert_eq!(t.years(), &[2021, 2022]);
        assert_eq!(t.figures(2022)[0].value, Some(300.0));
        assert!(t.figures(2030).is_empty());
        assert_eq!(t.max_value(), 300.0);
    }

    #[test]
    fn every_pair_puts_the_story_first_then_the_file_pairs() {
        let csv = format!("{CSV}2022,,DEU,FRA,TOTAL,7,,,importer,d\n2022,,USA,CAN,TOTAL,9,,,importer,d\n");
        let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        let t = Timeline::every_pair(table, Side::Importer).unwrap();
        let routes: Vec<String> = t.routes().iter().map(|(e, i)| format!("{e}>{i}")).collect();
        assert_eq!(routes, ["CHN>KAZ", "CHN>KGZ", "KAZ>RUS", "KGZ>RUS", "DEU>FRA", "USA>CAN"]);
        assert_eq!(t.figures(2022)[5].value, Some(9.0));
    }

    #[test]
    fn switching_side_recomputes() {
        let mut t = timeline();
        assert_eq!(t.figures(2022)[1].value, Some(40.0));
        t.set_side(Side::Exporter).unwrap();
        assert_eq!(t.figures(2022)[1].value, Some(50.0));
        assert_eq!(t.side(), Side::Exporter);
    }

    #[test]
    fn series_follow_routes_and_years() {
        let s = timeline().series(|code| code.to_lowercase(), |_, _| true);
        assert_eq!(s.len(), 2);
        assert_eq!(timeline().series(|c| c.into(), |e, _| e == "KAZ").len(), 1);
        assert_eq!(s[1].label, "kaz → rus");
        assert_eq!(s[0].points, vec![(2021, Some(100.0)), (2022, Some(300.0))]);
        assert_eq!(s[1].points, vec![(2021, None), (2022, Some(40.0))]);
        assert_ne!(s[0].color, s[1].color);
    }
}
