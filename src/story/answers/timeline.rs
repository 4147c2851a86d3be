use crate::story::charts::lines::Series;
use crate::story::view::map::leg_color;
use crate::story::language::words::Words;
use crate::story::answers::figures::RouteReports;
use crate::story::{RouteFigures, Side, BASELINE_YEAR, DESTINATION};
use crate::query::{self, Key, Query};
use crate::store::Table;
use crate::countries::is_area_code;
use crate::Error;

/// Every year's figures for a set of routes, from one loaded table.
pub struct Timeline {
    /// The routes' reports, read once: a change of side picks from them again without another query.
    reports: RouteReports,
    routes: Vec<(String, String)>,
    years: Vec<u16>,
    side: Side,
    /// Growth is measured against this year, and legs into this country are onward: the story's.
    baseline: u16,
    destination: String,
    by_year: Vec<Vec<RouteFigures>>,
}

impl Timeline {
    /// The routes' figures for every year the table holds, drawing `side`'s reports first, for the default
    /// story (its destination and baseline year).
    pub fn new(table: Table, routes: &[(&str, &str)], side: Side) -> Result<Timeline, Error> {
        Timeline::of_story(table, routes, side, DESTINATION, BASELINE_YEAR)
    }

    /// The same for a story with its own destination and baseline year.
    pub fn of_story(table: Table, routes: &[(&str, &str)], side: Side, destination: &str, baseline: u16) -> Result<Timeline, Error> {
        let routes = routes.iter().map(|&(e, i)| (e.to_string(), i.to_string())).collect();
        Timeline::of(table, routes, side, destination, baseline)
    }

    /// The story's routes the table has rows for, then every other country pair of `table`: for a reader's
    /// file, which may hold hundreds of pairs. A story's route the file lacks in every year is left out, not
    /// listed first as "no data" (the load's summary names it).
    pub fn every_pair(table: Table, story: &[(&str, &str)], side: Side, destination: &str, baseline: u16) -> Result<Timeline, Error> {
        // Plain loops: iterator adapters here weighed 1.3 KB in the page's module.
        let mut has = vec![false; story.len()];
        let mut others = Vec::new();
        for row in query::run(&table, &Query { group_by: vec![Key::Exporter, Key::Importer], ..Query::default() })?.rows {
            let [exporter, importer] = &row.keys[..] else { continue };
            let pair = (exporter.to_string(), importer.to_string());
            match story.iter().position(|&(e, i)| pair.0 == e && pair.1 == i) {
                Some(leg) => has[leg] = true,
                None => others.push(pair),
            }
        }
        let mut routes = Vec::new();
        for (&(e, i), has) in story.iter().zip(has) {
            if has {
                routes.push((e.to_string(), i.to_string()));
            }
        }
        routes.append(&mut others);
        Timeline::of(table, routes, side, destination, baseline)
    }

    fn of(table: Table, routes: Vec<(String, String)>, side: Side, destination: &str, baseline: u16) -> Result<Timeline, Error> {
        let answer = query::run(&table, &Query { group_by: vec![Key::Year], ..Query::default() })?;
        // In order: a query's groups come sorted by their keys.
        let years: Vec<u16> = answer.rows.iter().filter_map(|r| r.keys.first()?.to_string().parse().ok()).collect();
        let destination = destination.to_string();
        let reports = {
            let routes: Vec<(&str, &str)> = routes.iter().map(|(e, i)| (e.as_str(), i.as_str())).collect();
            RouteReports::of(&table, &routes, None)?
        };
        let mut timeline = Timeline { reports, routes, years, side, baseline, destination, by_year: Vec::new() };
        timeline.set_side(side);
        Ok(timeline)
    }

    /// Picks every year's figures again, drawing `side`'s reports first.
    pub fn set_side(&mut self, side: Side) {
        let routes: Vec<(&str, &str)> = self.routes.iter().map(|(e, i)| (e.as_str(), i.as_str())).collect();
        self.by_year = self.years.iter().map(|&year| self.reports.figures(&routes, year, self.baseline, side)).collect();
        self.side = side;
    }

    pub fn side(&self) -> Side {
        self.side
    }

    /// Whether the side drawn first changes any figure (see [`RouteReports::both_sides`]).
    pub fn side_choice(&self) -> bool {
        self.reports.both_sides()
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

    /// One chart line per route that `keep` keeps, coloured by its leg and labelled with `name`s of its
    /// countries; where its points come from more than one report, the changes marked and named in `words`.
    pub fn series(&self, name: impl Fn(&str) -> String, keep: impl Fn(&str, &str) -> bool, words: Words) -> Vec<Series> {
        (0..self.routes.len())
            .filter(|&r| keep(&self.routes[r].0, &self.routes[r].1))
            .map(|r| {
                let (exporter, importer) = (&self.routes[r].0, &self.routes[r].1);
                let label = format!("{} → {}", name(exporter), name(importer));
                // The short form names a country by its code ("KAZ"), a trade area by its name: Comtrade's
                // area codes ("899", "S19") say nothing to a reader.
                let code_or_name = |c: &str| if is_area_code(c) { name(c) } else { c.to_string() };
                // Runs of points from one report (a year without a figure does not end a run).
                let mut runs: Vec<(Origin, u16, u16)> = Vec::new();
                let mut changes = Vec::new();
                for (&year, figures) in self.years.iter().zip(&self.by_year) {
                    let Some(f) = figures.get(r).filter(|f| f.value.is_some()) else { continue };
                    match runs.last_mut() {
                        Some(run) if run.0 == origin(f) => run.2 = year,
                        Some(_) => {
                            changes.push(year);
                            runs.push((origin(f), year, year));
                        }
                        None => runs.push((origin(f), year, year)),
                    }
                }
                let note = (runs.len() > 1).then(|| {
                    let run = |&((side, source), from, to): &(Origin, u16, u16)| {
                        let whose = side.map(|s| match s {
                            Side::Importer => (name(importer), true),
                            Side::Exporter => (name(exporter), false),
                        });
                        let years = if from == to { from.to_string() } else { format!("{from}–{to}") };
                        words.figures_from(whose.as_ref().map(|(w, i)| (w.as_str(), *i)), source, &years)
                    };
                    format!("{label}: {}", runs.iter().map(run).collect::<Vec<_>>().join("; "))
                });
                Series {
                    label,
                    short: format!("{} → {}", code_or_name(exporter), code_or_name(importer)),
                    color: {
                        let c = leg_color(*importer == self.destination);
                        (c.0, c.1, c.2)
                    },
                    points: self.years.iter().zip(&self.by_year).map(|(&y, figures)| (y, figures[r].value)).collect(),
                    changes,
                    note,
                }
            })
            .collect()
    }
}

/// Whose report a figure is (`None`: reconciling both sides), and its source.
type Origin<'a> = (Option<Side>, &'a str);

/// A figure's [`Origin`]: two points differing in either come from different reports.
fn origin(f: &RouteFigures) -> Origin<'_> {
    let source = match f.shown_side {
        Some(Side::Importer) => &f.importer_source,
        Some(Side::Exporter) => &f.exporter_source,
        None => &f.reconciled_source,
    };
    (f.shown_side, publisher(source.as_deref().unwrap_or("")))
}

/// Who publishes a source, without the file or page it came in: "Kazakhstan Bureau of National
/// Statistics, Osnovnye pokazateli … (file …_2019.xls)" → "Kazakhstan Bureau of National Statistics", so
/// a year's figures from another file of the same office are no change.
fn publisher(source: &str) -> &str {
    source.split([',', '(']).next().map_or(source, str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};
    use crate::lang::Lang;

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
    fn every_pair_puts_the_storys_routes_the_file_has_first_then_the_file_pairs() {
        let csv = format!("{CSV}2022,,DEU,FRA,TOTAL,7,,,importer,d\n2022,,USA,CAN,TOTAL,9,,,importer,d\n");
        let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        let t = Timeline::every_pair(table, &crate::story::DEFAULT_ROUTES, Side::Importer, DESTINATION, BASELINE_YEAR).unwrap();
        let routes: Vec<String> = t.routes().iter().map(|(e, i)| format!("{e}>{i}")).collect();
        // CHN → KGZ and KGZ → RUS have no row in any year: not listed as "no data".
        assert_eq!(routes, ["CHN>KAZ", "KAZ>RUS", "DEU>FRA", "USA>CAN"]);
        assert_eq!(t.figures(2022)[3].value, Some(9.0));
    }

    #[test]
    fn every_years_figures_are_those_of_that_years_own_query() {
        // Read once for all years, the figures must be what each year's own query gives: values, sides,
        // growth against the baseline, mirror gaps, sources and groups.
        let csv = format!(
            "{CSV}2021,,KAZ,RUS,CHPL-1,7,,,importer,c\n2023,,KAZ,RUS,OTHER,11,,,importer,c\n2023,,CHN,KAZ,TOTAL,250,,,exporter,e\n\
             2023,,DEU,FRA,TOTAL,3,,,reconciled,d\n2021,,DEU,FRA,TOTAL,2,,,reconciled,d\n"
        );
        let table = || load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        for side in [Side::Importer, Side::Exporter] {
            let t = Timeline::every_pair(table(), &crate::story::DEFAULT_ROUTES, side, DESTINATION, 2022).unwrap();
            let routes: Vec<(&str, &str)> = t.routes().iter().map(|(e, i)| (e.as_str(), i.as_str())).collect();
            assert_eq!(t.years(), &[2021, 2022, 2023]);
            for &year in t.years() {
                let own = crate::story::answers::figures::route_figures(&table(), &routes, year, 2022, side).unwrap();
                assert_eq!(t.figures(year), own.as_slice(), "{year}, {side:?}");
            }
        }
    }

    #[test]
    fn switching_side_recomputes() {
        let mut t = timeline();
        assert_eq!(t.figures(2022)[1].value, Some(40.0));
        t.set_side(Side::Exporter);
        assert_eq!(t.figures(2022)[1].value, Some(50.0));
        assert_eq!(t.side(), Side::Exporter);
    }

    #[test]
    fn series_follow_routes_and_years() {
        let s = timeline().series(|code| code.to_lowercase(), |_, _| true, Words(Lang::En));
        assert_eq!(s.len(), 2);
        assert_eq!(timeline().series(|c| c.into(), |e, _| e == "KAZ", Words(Lang::En)).len(), 1);
        assert_eq!(s[1].label, "kaz → rus");
        assert_eq!(s[0].points, vec![(2021, Some(100.0)), (2022, Some(300.0))]);
        assert_eq!(s[1].points, vec![(2021, None), (2022, Some(40.0))]);
        assert_ne!(s[0].color, s[1].color);
    }

    #[test]
    fn a_series_joining_two_reports_marks_and_names_the_change() {
        // Drawn as the exporter reports: China reports nothing before 2023, so 2019–2022 are Kazakhstan's
        // import figures, 2023 China's export figure; the KAZ → RUS line keeps one report throughout.
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2019,,CHN,KAZ,TOTAL,9,,,importer,Comtrade\n\
            2020,,CHN,KAZ,TOTAL,10,,,importer,Comtrade\n\
            2022,,CHN,KAZ,TOTAL,11.1,,,importer,Comtrade\n\
            2023,,CHN,KAZ,TOTAL,24.7,,,exporter,Comtrade\n\
            2023,,CHN,KAZ,TOTAL,15.4,,,importer,Comtrade\n\
            2022,,KAZ,RUS,TOTAL,5,,,exporter,Comtrade\n\
            2023,,KAZ,RUS,TOTAL,6,,,exporter,Comtrade\n";
        let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        let t = Timeline::new(table, &[("CHN", "KAZ"), ("KAZ", "RUS")], Side::Exporter).unwrap();
        let name = |c: &str| if c == "CHN" { "China".to_string() } else { c.to_string() };
        let s = t.series(name, |_, _| true, Words(Lang::En));
        assert_eq!(s[0].points.last(), Some(&(2023, Some(24.7))));
        assert_eq!(s[0].changes, [2023]);
        assert_eq!(
            s[0].note.as_deref(),
            Some("China → KAZ: KAZ's import figures (Comtrade) 2019–2022; China's export figures (Comtrade) 2023")
        );
        assert!(s[1].changes.is_empty() && s[1].note.is_none());
        // Another source on the same side is a change too (Comtrade, then the IMF's figures).
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2021,,KAZ,RUS,TOTAL,5,,,importer,Comtrade\n\
            2022,,KAZ,RUS,TOTAL,6,,,importer,IMF DOTS\n";
        let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        let t = Timeline::new(table, &[("KAZ", "RUS")], Side::Importer).unwrap();
        assert_eq!(t.series(name, |_, _| true, Words(Lang::En))[0].changes, [2022]);
        // Another file of the same office is no change.
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2021,,KAZ,RUS,TOTAL,5,,,importer,\"Stat office, tables (file a_2021.xls)\"\n\
            2022,,KAZ,RUS,TOTAL,6,,,importer,Stat office (file b_2022.xls)\n";
        let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        let t = Timeline::new(table, &[("KAZ", "RUS")], Side::Importer).unwrap();
        assert!(t.series(name, |_, _| true, Words(Lang::En))[0].changes.is_empty());
    }

    #[test]
    fn a_short_label_names_a_trade_area_rather_than_its_code() {
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2024,,KAZ,S19,TOTAL,20,,,exporter,Comtrade\n\
            2024,,KAZ,CHN,TOTAL,600,,,exporter,Comtrade\n";
        let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
        let t = Timeline::new(table, &[("KAZ", "S19"), ("KAZ", "CHN")], Side::Exporter).unwrap();
        let name = |c: &str| match c {
            "S19" => "Other Asia, nes".to_string(),
            "CHN" => "China".to_string(),
            _ => "Kazakhstan".to_string(),
        };
        let shorts: Vec<String> = t.series(name, |_, _| true, Words(Lang::En)).into_iter().map(|s| s.short).collect();
        assert_eq!(shorts, ["KAZ → Other Asia, nes", "KAZ → CHN"]);
    }
}
