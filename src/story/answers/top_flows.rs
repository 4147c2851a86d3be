use crate::geo::anchor;
use crate::hs::{Group, HsCode};
use crate::query::{self, Key, Query};
use crate::scene::{FlowSpec, MapSpec};
use crate::store::Table;
use crate::Error;

use crate::story::view::group_colors::colour_by_group;
use crate::story::view::map::INTO_HUB;
use crate::story::language::words::Words;
use crate::story::Side;

/// One country pair's total over the query's rows, as one side reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFlow {
    pub exporter: String,
    pub importer: String,
    pub value: f64,
    /// `value` by product group, in the groups' order.
    pub groups: Vec<(Group, f64)>,
}

/// The largest country pairs of a query, and what the rest adds up to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopFlows {
    /// Largest first.
    pub flows: Vec<PairFlow>,
    /// Pairs left out: how many, and their summed value.
    pub other_pairs: usize,
    pub other_value: f64,
}

/// The `n` largest exporter → importer pairs among the rows `query` keeps (its `group_by` is
/// ignored). Each pair counts one side's report: `side`'s where it has one, else the other
/// side's, else BACI's reconciled figure, so no flow is counted twice.
pub fn top_flows(table: &Table, query: &Query, n: usize, side: Side) -> Result<TopFlows, Error> {
    let q = Query { group_by: vec![Key::Exporter, Key::Importer, Key::ReportedBy, Key::ProductGroup], ..query.clone() };
    let answer = query::run(table, &q)?;
    let rank = |reported_by: &str| match (reported_by, side) {
        ("importer", Side::Importer) | ("exporter", Side::Exporter) => 0,
        ("importer", _) | ("exporter", _) => 1,
        _ => 2,
    };
    // Rows come sorted by exporter then importer: keep each pair's best-ranked side.
    let mut pairs: Vec<(PairFlow, u8)> = Vec::new();
    for row in &answer.rows {
        let [exporter, importer, reported_by, group] = &row.keys[..] else { continue };
        let (exporter, importer) = (exporter.to_string(), importer.to_string());
        let r = rank(&reported_by.to_string());
        let group = HsCode::parse(group.to_string().as_bytes()).map_or(Group::Other, Group::of);
        let flow = |exporter, importer| PairFlow { exporter, importer, value: row.value_usd, groups: vec![(group, row.value_usd)] };
        match pairs.last_mut() {
            Some((last, best)) if last.exporter == exporter && last.importer == importer => {
                if r < *best {
                    *last = flow(exporter, importer);
                    *best = r;
                } else if r == *best {
                    // One side's rows come in the groups' order, each group once.
                    last.value += row.value_usd;
                    last.groups.push((group, row.value_usd));
                }
            }
            _ => pairs.push((flow(exporter, importer), r)),
        }
    }
    let mut flows: Vec<PairFlow> = pairs.into_iter().map(|(f, _)| f).filter(|f| f.value > 0.0).collect();
    crate::sort::sort_by(&mut flows, &|a, b| b.value.total_cmp(&a.value).then_with(|| (&a.exporter, &a.importer).cmp(&(&b.exporter, &b.importer))));
    let rest = flows.split_off(n.min(flows.len()));
    Ok(TopFlows { flows, other_pairs: rest.len(), other_value: rest.iter().map(|f| f.value).sum() })
}

/// The map of `top`: one arrow per pair whose countries have an anchor, widths on the scale of
/// `max_value` (the largest flow when `None`), countries named by `name`, shapes matched by `numeric`.
pub fn top_flows_spec(
    top: &TopFlows,
    width: f64,
    height: f64,
    max_value: Option<f64>,
    name: impl Fn(&str) -> String,
    numeric: impl Fn(&str) -> Option<u16>,
    words: Words,
) -> MapSpec {
    let mut countries: Vec<&str> = Vec::new();
    let (mut flows, groups): (Vec<FlowSpec>, Vec<_>) = top
        .flows
        .iter()
        .enumerate()
        .filter_map(|(id, f)| {
            let spec = FlowSpec {
                id: u32::try_from(id).ok()?,
                from: anchor(&f.exporter)?,
                to: anchor(&f.importer)?,
                value: f.value,
                color: INTO_HUB,
                label: String::new(),
                bands: Vec::new(),
            };
            for c in [f.exporter.as_str(), f.importer.as_str()] {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            Some((spec, &f.groups[..]))
        })
        .unzip();
    let legend_colors = colour_by_group(&mut flows, &groups, words);
    MapSpec {
        width,
        height,
        highlight: countries.iter().filter_map(|c| numeric(c)).collect(),
        labels: countries.iter().filter_map(|c| Some((anchor(c)?, name(c)))).collect(),
        max_value: max_value.unwrap_or_else(|| top.flows.first().map_or(0.0, |f| f.value)),
        flows,
        max_width: 26.0,
        legend_title: words.over_the_period().to_string(),
        legend_colors,
        legend_note: if top.other_pairs > 0 { words.other_routes(top.other_pairs, top.other_value) } else { String::new() },
        lang: words.0,
        hover: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    const CSV: &str = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2023,,CHN,KAZ,854231,100,,,importer,a\n\
        2023,,CHN,KAZ,854231,140,,,exporter,b\n\
        2023,,CHN,KAZ,880621,20,,,importer,a\n\
        2023,,KAZ,RUS,880621,50,,,exporter,c\n\
        2023,,CHN,KGZ,854231,30,,,reconciled,d\n\
        2023,,CHN,ARM,854231,5,,,importer,e\n\
        2022,,CHN,ARM,854231,500,,,importer,e\n";

    fn table() -> Table {
        load("t.csv", CSV.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_default()
    }

    #[test]
    fn one_side_per_pair_largest_first_rest_summed() {
        let q = Query { years: Some((2023, 2023)), ..Query::default() };
        let top = top_flows(&table(), &q, 2, Side::Importer).unwrap_or_default();
        let got: Vec<(&str, &str, f64)> = top.flows.iter().map(|f| (f.exporter.as_str(), f.importer.as_str(), f.value)).collect();
        // CHN→KAZ: the importer's 100 + 20, not the exporter's 140; KAZ→RUS: only the exporter reports.
        assert_eq!(got, [("CHN", "KAZ", 120.0), ("KAZ", "RUS", 50.0)]);
        assert_eq!((top.other_pairs, top.other_value), (2, 35.0));
        assert_eq!(top.flows[0].groups, [(Group::Tier(crate::hs::Tier::T1), 100.0), (Group::Other, 20.0)]);
    }

    #[test]
    fn the_exporter_side_and_filters_apply() {
        let q = Query { exporters: Some(vec!["CHN".into()]), products: Some(vec!["8542".into()]), ..Query::default() };
        let top = top_flows(&table(), &q, 10, Side::Exporter).unwrap_or_default();
        let got: Vec<(&str, f64)> = top.flows.iter().map(|f| (f.importer.as_str(), f.value)).collect();
        assert_eq!(got, [("ARM", 505.0), ("KAZ", 140.0), ("KGZ", 30.0)]);
        assert_eq!(top.other_pairs, 0);
    }

    #[test]
    fn the_spec_draws_anchored_pairs_on_the_largest_scale() {
        let top = TopFlows {
            flows: vec![
                PairFlow { exporter: "CHN".into(), importer: "KAZ".into(), value: 10.0, groups: vec![(Group::Other, 4.0), (Group::All, 6.0)] },
                PairFlow { exporter: "CHN".into(), importer: "XXX".into(), value: 5.0, groups: vec![] },
            ],
            ..TopFlows::default()
        };
        let spec = top_flows_spec(&top, 800.0, 500.0, None, |c| c.to_lowercase(), |_| Some(1), Words(crate::lang::Lang::En));
        assert_eq!(spec.flows.len(), 1, "a country without an anchor is left off the map");
        assert_eq!(spec.max_value, 10.0);
        assert_eq!(spec.flows[0].bands.len(), 2);
        assert_eq!(spec.legend_colors.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(), ["Other goods", "All goods"]);
        assert_eq!(spec.labels.iter().map(|l| l.1.as_str()).collect::<Vec<_>>(), ["chn", "kaz"]);
    }
}
