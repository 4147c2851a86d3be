//! One route's two readings over two years: the difference in differences (did its treated goods grow
//! faster than the rest?) and the mirror gap (do the two sides report the same?). The evidence view words them.

use serde::{Deserialize, Serialize};

use crate::query::{diff_in_diff, mirror, run, DiffInDiff, Key, KeyValue, Mirror, Query};
use crate::store::{Flow, Side, Table};
use crate::story::answers::imf::imf_estimate;
use crate::story::answers::products::{importer, side_order};
use crate::Error;

/// A route, a product set and two years: what the difference in differences and the mirror gap read.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteAsk {
    pub exporters: Vec<String>,
    pub importers: Vec<String>,
    /// The treated goods (difference in differences) or the goods compared (mirror; empty = all).
    #[serde(default)]
    pub products: Vec<String>,
    pub year: u16,
    pub baseline: u16,
    #[serde(default = "importer")]
    pub side: Side,
    /// The flows counted (`["re-export"]`, …); none given: those the file was cut to (`Ask::counting`).
    #[serde(default)]
    pub flows: Option<Vec<Flow>>,
}

/// The difference in differences, with whose reports it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DidView {
    #[serde(flatten)]
    pub did: DiffInDiff,
    /// `None` when the route has no rows in those years.
    pub side: Option<Side>,
}

/// Both sides' reports of the route's goods in the year, summed over its country pairs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MirrorView {
    pub pairs: Vec<MirrorPair>,
    /// False when the table holds one figure per flow (BACI's reconciled ones): there is no gap to show.
    pub two_sides: bool,
}

/// One country pair's two reports, and whether either is the IMF's estimate (Russia after 2021).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MirrorPair {
    #[serde(flatten)]
    pub mirror: Mirror,
    pub exporter_imf: bool,
    pub importer_imf: bool,
}

fn route(a: &RouteAsk, years: (u16, u16)) -> Query {
    Query {
        exporters: Some(a.exporters.clone()),
        importers: Some(a.importers.clone()),
        products: None,
        years: Some(years),
        reported_by: None,
        flows: a.flows.clone(),
        group_by: vec![],
    }
}

/// [`diff_in_diff`] on one side's reports (the preferred side where the route has any, so that two
/// reports of a flow are never added); `products` are the treated goods.
pub(crate) fn did_view(table: &Table, a: &RouteAsk) -> Result<DidView, Error> {
    let years = (a.baseline.min(a.year), a.baseline.max(a.year));
    let sides = run(table, &Query { group_by: vec![Key::ReportedBy], ..route(a, years) })?;
    let has = |s: Side| sides.rows.iter().any(|r| r.keys.first() == Some(&KeyValue::Text(s.as_str().to_string())));
    let side = side_order(a.side).into_iter().find(|s| has(*s));
    let q = Query { reported_by: Some(side.into_iter().collect()), ..route(a, years) };
    let did = diff_in_diff(table, &q, &a.products, a.baseline, a.year)?;
    Ok(DidView { did, side })
}

/// [`mirror`] per country pair in the year.
pub(crate) fn mirror_view(table: &Table, a: &RouteAsk) -> Result<MirrorView, Error> {
    let q = Query {
        products: (!a.products.is_empty()).then(|| a.products.clone()),
        group_by: vec![Key::Exporter, Key::Importer],
        ..route(a, (a.year, a.year))
    };
    let estimates = run(table, &Query { group_by: vec![Key::Exporter, Key::Importer, Key::ReportedBy, Key::Source], ..q.clone() })?;
    // Whether the pair's report by `side` rests on the IMF's estimates.
    let imf = |keys: &[KeyValue], side: Side| {
        let country = if side == Side::Exporter { keys.first() } else { keys.get(1) };
        estimates.rows.iter().any(|r| {
            let [e, i, by, source] = &r.keys[..] else { return false };
            keys.first() == Some(e)
                && keys.get(1) == Some(i)
                && *by == KeyValue::Text(side.as_str().to_string())
                && country.is_some_and(|c| imf_estimate(&c.to_string(), a.year, &source.to_string()))
        })
    };
    let pairs: Vec<MirrorPair> = mirror(table, &q)?
        .into_iter()
        .map(|m| MirrorPair { exporter_imf: imf(&m.keys, Side::Exporter), importer_imf: imf(&m.keys, Side::Importer), mirror: m })
        .collect();
    let two_sides = pairs.iter().any(|p| p.mirror.exporter_usd != 0.0 && p.mirror.importer_usd != 0.0);
    Ok(MirrorView { pairs, two_sides })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    const TIDY: &str = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2021,,CHN,KAZ,854231,100.00,,,importer,x\n\
        2021,,CHN,KAZ,854231,120.00,,,exporter,x\n\
        2023,,CHN,KAZ,854231,300.00,,,importer,x\n\
        2023,,CHN,KAZ,854231,450.00,,,exporter,x\n\
        2021,,CHN,KAZ,854290,200.00,,,importer,x\n\
        2023,,CHN,KAZ,854290,300.00,,,importer,x\n\
        2023,,CHN,KAZ,010121,900.00,,,importer,x\n";

    pub(crate) fn table() -> Table {
        load("t.csv", TIDY.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"))
    }

    fn route(json: &str) -> RouteAsk {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn difference_in_differences_on_the_preferred_side() {
        let a = route(r#"{"exporters":["CHN"],"importers":["KAZ"],"products":["tier1"],"year":2023,"baseline":2021}"#);
        let v = did_view(&table(), &a).unwrap_or_else(|e| panic!("{e}"));
        // Importer's reports: tier 1 (854231) 100 → 300 (+200%); the rest of chapter 85 (854290) 200 → 300
        // (+50%); chapter 01 is not comparable. DiD = 2.0 − 0.5 = 1.5; log form ln 3 − ln 1.5 = ln 2.
        assert_eq!(v.side, Some(Side::Importer));
        assert_eq!((v.did.treated_base_usd, v.did.treated_usd, v.did.control_base_usd, v.did.control_usd), (100.0, 300.0, 200.0, 300.0));
        assert!((v.did.difference.unwrap_or(0.0) - 1.5).abs() < 1e-12);
        assert!((v.did.log_difference.unwrap_or(0.0) - 2f64.ln()).abs() < 1e-12);
        assert_eq!(v.did.chapters, ["85"]);
    }

    #[test]
    fn mirror_gap_per_pair_and_one_sided_files_say_so() {
        let a = route(r#"{"exporters":["CHN"],"importers":["KAZ"],"products":["8542"],"year":2023,"baseline":2021}"#);
        let v = mirror_view(&table(), &a).unwrap_or_else(|e| panic!("{e}"));
        assert!(v.two_sides);
        let m = &v.pairs[0].mirror;
        assert_eq!((m.exporter_usd, m.importer_usd, m.gap_usd), (450.0, 600.0, -150.0));
        assert!(!v.pairs[0].importer_imf && !v.pairs[0].exporter_imf);
        let baci = load("b.csv", "t,i,j,k,v,q\n2023,156,398,854231,1,\n".as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let v = mirror_view(&baci, &a).unwrap_or_else(|e| panic!("{e}"));
        assert!(!v.two_sides);
    }

    #[test]
    fn the_imfs_figures_for_russia_after_2021_are_named_in_the_mirror_gap() {
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2021,,KAZ,RUS,TOTAL,80,,,importer,IMF DOTS\n\
            2021,,KAZ,RUS,TOTAL,90,,,exporter,UN Comtrade\n\
            2023,,KAZ,RUS,TOTAL,100,,,importer,IMF DOTS\n\
            2023,,KAZ,RUS,TOTAL,120,,,exporter,UN Comtrade\n\
            2023,,CHN,KAZ,TOTAL,300,,,importer,IMF DOTS\n\
            2023,,CHN,KAZ,TOTAL,310,,,exporter,IMF DOTS\n";
        let t = load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let pairs = |year: u16| {
            let a = route(&format!(r#"{{"exporters":["CHN","KAZ"],"importers":["KAZ","RUS"],"year":{year},"baseline":2021}}"#));
            let v = mirror_view(&t, &a).unwrap_or_else(|e| panic!("{e}"));
            v.pairs.iter().map(|p| (p.mirror.keys[1].to_string(), p.exporter_imf, p.importer_imf)).collect::<Vec<_>>()
        };
        // Russia's 2023 imports are the IMF's estimate; Kazakhstan's own IMF figures and Russia's 2021 are reports.
        assert_eq!(pairs(2023), [("KAZ".to_string(), false, false), ("RUS".to_string(), false, true)]);
        assert_eq!(pairs(2021), [("RUS".to_string(), false, false)]);
    }
}
