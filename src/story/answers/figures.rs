use serde::Serialize;

use crate::hs::{Group, HsCode};
use crate::query::{self, Key, KeyValue, Query};
use crate::store::Table;
use crate::Error;

/// Which side's report of a flow to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The importing country's customs: the usual choice, since importers record origin more closely.
    Importer,
    /// The exporting country's customs.
    Exporter,
}

impl Side {
    /// `"importer"` or `"exporter"`, as in links and in the page.
    pub fn name(self) -> &'static str {
        match self {
            Side::Importer => "importer",
            Side::Exporter => "exporter",
        }
    }

    /// The side called `name`.
    pub fn parse(name: &str) -> Option<Side> {
        [Side::Importer, Side::Exporter].into_iter().find(|s| s.name() == name)
    }
}

/// One route in one year, as both sides report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteFigures {
    pub exporter: String,
    pub importer: String,
    pub year: u16,
    /// The value drawn: the chosen side's report, or the other side's when the chosen one is missing.
    pub value: Option<f64>,
    /// Whose report `value` is.
    pub shown_side: Option<Side>,
    pub importer_reported: Option<f64>,
    pub exporter_reported: Option<f64>,
    pub importer_source: Option<String>,
    pub exporter_source: Option<String>,
    /// The source of a figure that reconciles both sides (BACI), used when neither side's is there.
    pub reconciled_source: Option<String>,
    /// The same side's value in the baseline year.
    pub baseline: Option<f64>,
    /// `value / baseline - 1`, when both exist.
    pub growth: Option<f64>,
    /// `exporter_reported / importer_reported - 1`, when both sides report.
    pub mirror_gap: Option<f64>,
    /// `value` by product group, in drawing order; they add up to `value`.
    #[serde(skip)]
    pub groups: Vec<(Group, f64)>,
}

/// One route's reports in one year, each side's at its index in [`REPORTERS`].
#[derive(Default)]
struct Reports {
    value: [Option<f64>; 3],
    sources: [Vec<String>; 3],
    /// Side, group, value, in the rows' order: a few entries, so a list (maps cost more wasm than they save).
    groups: Vec<(usize, Group, f64)>,
}

/// Who reports a figure, as the tables name them: BACI's reconciles both sides.
const REPORTERS: [&str; 3] = ["exporter", "importer", "reconciled"];
const EXPORTER: usize = 0;
const IMPORTER: usize = 1;
const RECONCILED: usize = 2;

/// Figures for each route in `year`, with growth against `baseline`, drawing `side`'s reports first, read
/// by a query of that year and the baseline's alone: the reference the timeline's one query is tested against.
#[cfg(test)]
pub fn route_figures(
    table: &Table,
    routes: &[(&str, &str)],
    year: u16,
    baseline: u16,
    side: Side,
) -> Result<Vec<RouteFigures>, Error> {
    let reports = RouteReports::of(table, routes, Some((year.min(baseline), year.max(baseline))))?;
    Ok(reports.figures(routes, year, baseline, side))
}

/// The routes' reports by exporter, importer and year, read in one query: every year's figures come from
/// them, so a file of many pairs and years is read once, not once a year. In the query's order, which is
/// the keys' order, looked up by halving (a sorted list costs the page's module less than a map).
pub struct RouteReports(Vec<(String, String, u16, Reports)>);

impl RouteReports {
    /// The reports of `routes` in the years `years` (first, last), or in every year.
    pub fn of(table: &Table, routes: &[(&str, &str)], years: Option<(u16, u16)>) -> Result<RouteReports, Error> {
        // Each country once: a file's every pair names each many times.
        let distinct = |codes: Vec<&str>| {
            let mut codes: Vec<String> = codes.into_iter().map(str::to_string).collect();
            codes.sort_unstable();
            codes.dedup();
            codes
        };
        let query = Query {
            exporters: Some(distinct(routes.iter().map(|r| r.0).collect())),
            importers: Some(distinct(routes.iter().map(|r| r.1).collect())),
            years,
            // Groups before sources: one side's rows come in the groups' order, a group's sources together.
            group_by: vec![Key::Exporter, Key::Importer, Key::Year, Key::ReportedBy, Key::ProductGroup, Key::Source],
            ..Query::default()
        };
        let groups = query::aggregate(table, &query)?;
        groups.fits()?;
        let mut reports: Vec<(String, String, u16, Reports)> = Vec::new();
        // Each key's values made once, not once a group: a reader's file of every pair has some 100,000
        // groups, whose keys as strings took about half of the page's load of it.
        groups.each_group(&mut |keys, row| {
            let value = row.value_usd;
            let &[exporter, importer, &KeyValue::Number(row_year), reported_by, group, source] = keys else {
                return;
            };
            let reporter = REPORTERS.iter().position(|r| *r == reported_by.text());
            let (Ok(row_year), Some(side)) = (u16::try_from(row_year), reporter) else {
                return;
            };
            let group = HsCode::parse(group.text().as_bytes()).map_or(Group::Other, Group::of);
            // The first three keys are these: a route's year comes in consecutive groups.
            let same = matches!(reports.last(), Some(last) if (last.0.as_str(), last.1.as_str(), last.2) == (exporter.text(), importer.text(), row_year));
            if !same {
                reports.push((exporter.text().to_string(), importer.text().to_string(), row_year, Reports::default()));
            }
            let Some((.., entry)) = reports.last_mut() else { return };
            *entry.value[side].get_or_insert(0.0) += value;
            match entry.groups.last_mut() {
                Some(g) if g.0 == side && g.1 == group => g.2 += value,
                _ => entry.groups.push((side, group, value)),
            }
            // A source's groups come together: name it once.
            let sources = &mut entry.sources[side];
            if !sources.iter().any(|s| s == source.text()) {
                sources.push(source.text().to_string());
            }
        });
        // A query's groups come sorted by their keys as printed: no sort here.
        debug_assert!(reports.is_sorted_by(|a, b| (&a.0, &a.1, a.2) < (&b.0, &b.1, b.2)));
        Ok(RouteReports(reports))
    }

    /// Whether some route has both the exporter's and the importer's report in a year: only then does the
    /// side drawn first change a figure (BACI's reconciled figures are nobody's side).
    pub fn both_sides(&self) -> bool {
        self.0.iter().any(|r| r.3.value[EXPORTER].is_some() && r.3.value[IMPORTER].is_some())
    }

    /// Figures for each of `routes` in `year`, with growth against `baseline`, drawing `side`'s reports first.
    pub fn figures(&self, routes: &[(&str, &str)], year: u16, baseline: u16, side: Side) -> Vec<RouteFigures> {
        let (first, second) = match side {
            Side::Importer => ((IMPORTER, Side::Importer), (EXPORTER, Side::Exporter)),
            Side::Exporter => ((EXPORTER, Side::Exporter), (IMPORTER, Side::Importer)),
        };
        routes
            .iter()
            .map(|&(exporter, importer)| {
                // The route's years lie together, in order: one search finds them.
                let from = self.0.partition_point(|r| (r.0.as_str(), r.1.as_str()) < (exporter, importer));
                let years = self.0.get(from..).unwrap_or_default().iter().take_while(|r| (r.0.as_str(), r.1.as_str()) == (exporter, importer));
                let mut found = (None, None);
                for r in years {
                    if r.2 == year {
                        found.0 = Some(&r.3);
                    }
                    if r.2 == baseline {
                        found.1 = Some(&r.3);
                    }
                }
                let (now, then) = found;
                let reported = |i: usize| now.and_then(|r| r.value[i]);
                // BACI reconciles both sides into one figure: the last resort, shown as nobody's report.
                let (value, shown_side, drawn) = match (reported(first.0), reported(second.0)) {
                    (Some(v), _) => (Some(v), Some(first.1), first.0),
                    (None, Some(v)) => (Some(v), Some(second.1), second.0),
                    (None, None) => (reported(RECONCILED), None, RECONCILED),
                };
                let baseline_value = then.and_then(|r| r.value[drawn]);
                let source = |i: usize| now.map(|r| &r.sources[i]).filter(|v| !v.is_empty()).map(|v| v.join("; "));
                let (imp, exp) = (reported(IMPORTER), reported(EXPORTER));
                let groups = now.map_or_else(Vec::new, |r| r.groups.iter().filter(|g| g.0 == drawn).map(|g| (g.1, g.2)).collect());
                RouteFigures {
                    exporter: exporter.to_string(),
                    importer: importer.to_string(),
                    year,
                    value,
                    shown_side,
                    importer_reported: imp,
                    exporter_reported: exp,
                    importer_source: source(IMPORTER),
                    exporter_source: source(EXPORTER),
                    reconciled_source: source(RECONCILED),
                    baseline: baseline_value,
                    // Growth against itself is no figure: none in the baseline year's own view.
                    growth: if year == baseline { None } else { ratio(value, baseline_value) },
                    mirror_gap: ratio(exp, imp),
                    groups,
                }
            })
            .collect()
    }
}

#[cfg(test)]
impl RouteFigures {
    /// A 2023 route with only a drawn value, for tests of what is built on the figures.
    pub(crate) fn valued(exporter: &str, importer: &str, value: f64) -> RouteFigures {
        RouteFigures {
            exporter: exporter.into(),
            importer: importer.into(),
            year: 2023,
            value: Some(value),
            shown_side: None,
            importer_reported: None,
            exporter_reported: None,
            importer_source: None,
            exporter_source: None,
            reconciled_source: None,
            baseline: None,
            growth: None,
            mirror_gap: None,
            groups: Vec::new(),
        }
    }
}

fn ratio(numerator: Option<f64>, denominator: Option<f64>) -> Option<f64> {
    match (numerator, denominator) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d - 1.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    const CSV: &str = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2021,,CHN,KAZ,TOTAL,100,,,importer,KZ stats\n\
        2023,,CHN,KAZ,TOTAL,150,,,importer,KZ stats\n\
        2023,,CHN,KAZ,TOTAL,240,,,exporter,China customs\n\
        2021,,KAZ,RUS,TOTAL,50,,,exporter,KZ stats\n\
        2023,,KAZ,RUS,TOTAL,80,,,exporter,KZ stats\n";

    fn figures(side: Side) -> Vec<RouteFigures> {
        let table = load("t.csv", CSV.as_bytes(), &Options::default()).map(|l| l.table);
        let table = table.unwrap_or_else(|e| panic!("fixture loads: {e}"));
        route_figures(&table, &[("CHN", "KAZ"), ("KAZ", "RUS"), ("KGZ", "RUS")], 2023, 2021, side)
            .unwrap_or_else(|e| panic!("query runs: {e}"))
    }

    #[test]
    fn a_reconciled_figure_is_the_last_resort() {
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2021,,CHN,KAZ,TOTAL,100,,,reconciled,BACI\n2023,,CHN,KAZ,TOTAL,130,,,reconciled,BACI\n2023,,KAZ,RUS,TOTAL,9,,,exporter,KZ\n2023,,KAZ,RUS,TOTAL,7,,,reconciled,BACI\n";
        let table = load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let f = route_figures(&table, &[("CHN", "KAZ"), ("KAZ", "RUS")], 2023, 2021, Side::Importer).unwrap_or_default();
        assert_eq!((f[0].value, f[0].shown_side, f[0].reconciled_source.as_deref()), (Some(130.0), None, Some("BACI")));
        assert!((f[0].growth.unwrap_or(f64::NAN) - 0.3).abs() < 1e-12, "growth on the reconciled baseline");
        assert_eq!((f[1].value, f[1].shown_side), (Some(9.0), Some(Side::Exporter)), "a side's own report comes first");
    }

    #[test]
    fn the_baseline_years_own_view_has_no_growth() {
        let table = load("t.csv", CSV.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let f = route_figures(&table, &[("CHN", "KAZ")], 2021, 2021, Side::Importer).unwrap_or_else(|e| panic!("{e}"));
        assert!(f[0].value.is_some());
        assert_eq!(f[0].growth, None, "not +0% on itself");
    }

    #[test]
    fn importer_side_is_drawn_with_growth_and_mirror_gap() {
        let f = figures(Side::Importer);
        assert_eq!(f[0].value, Some(150.0));
        assert_eq!(f[0].shown_side, Some(Side::Importer));
        assert!((f[0].growth.unwrap_or(f64::NAN) - 0.5).abs() < 1e-12);
        assert!((f[0].mirror_gap.unwrap_or(f64::NAN) - 0.6).abs() < 1e-12);
        assert_eq!(f[0].exporter_source.as_deref(), Some("China customs"));
    }

    #[test]
    fn falls_back_to_the_other_side_and_keeps_growth_on_that_side() {
        let f = figures(Side::Importer);
        assert_eq!(f[1].value, Some(80.0));
        assert_eq!(f[1].shown_side, Some(Side::Exporter));
        assert!((f[1].growth.unwrap_or(f64::NAN) - 0.6).abs() < 1e-12);
        assert_eq!(f[1].mirror_gap, None);
    }

    #[test]
    fn the_drawn_value_splits_by_product_group() {
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2023,,CHN,KAZ,CHPL-1,30,,,importer,a\n2023,,CHN,KAZ,OTHER,70,,,importer,a\n2023,,CHN,KAZ,CHPL-2,5,,,importer,b\n\
            2023,,CHN,KAZ,TOTAL,999,,,exporter,c\n";
        let table = load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let f = route_figures(&table, &[("CHN", "KAZ")], 2023, 2021, Side::Importer).unwrap_or_default();
        assert_eq!(f[0].value, Some(105.0));
        assert_eq!(f[0].groups, [(Group::Tier(crate::hs::Tier::T1), 30.0), (Group::Tier(crate::hs::Tier::T2), 5.0), (Group::Other, 70.0)]);
        assert_eq!(f[0].importer_source.as_deref(), Some("a; b"), "each source once");
        let f = route_figures(&table, &[("CHN", "KAZ")], 2023, 2021, Side::Exporter).unwrap_or_default();
        assert_eq!(f[0].groups, [(Group::All, 999.0)]);
    }

    #[test]
    fn a_route_without_data_has_no_value() {
        let f = figures(Side::Exporter);
        assert_eq!(f[2].value, None);
        assert_eq!(f[0].value, Some(240.0));
        assert_eq!(f[0].growth, None, "China reported no 2021 figure");
    }
}
