//! Our figure beside a published one: for the headline figures whose flows a table covers, the same
//! sum computed from it.

use serde::{Deserialize, Serialize};

use crate::format::{change_in, money_in};
use crate::lang::Lang;
use crate::story::answers::imf::imf_estimate;
use crate::story::language::words::Words;
use crate::story::answers::products::side_order;
use crate::query::{run, Key, KeyValue, Query};
use crate::store::{Side, Table};
use crate::Error;

/// What a published figure measures, as a query: route, products, year, and whose report it rests on.
struct Recipe {
    metric: &'static str,
    exporters: &'static [&'static str],
    importers: &'static [&'static str],
    /// Product filter terms; empty means all goods.
    products: &'static [&'static str],
    year: u16,
    /// For a growth figure, the year it grew from.
    from: Option<u16>,
    side: Side,
}

/// The headline figures of `headlines.json` that a trade table can answer.
const RECIPES: [Recipe; 5] = [
    Recipe { metric: "chn_exports_45_sanctioned_goods_to_kaz_plus_kgz", exporters: &["CHN"], importers: &["KAZ", "KGZ"], products: &["chpl45"], year: 2023, from: None, side: Side::Exporter },
    Recipe { metric: "kaz_drone_imports_from_china", exporters: &["CHN"], importers: &["KAZ"], products: &["drones"], year: 2023, from: None, side: Side::Importer },
    Recipe { metric: "kaz_drone_exports_to_russia", exporters: &["KAZ"], importers: &["RUS"], products: &["drones"], year: 2023, from: None, side: Side::Exporter },
    Recipe { metric: "chn_exports_to_kaz_gacc", exporters: &["CHN"], importers: &["KAZ"], products: &[], year: 2023, from: None, side: Side::Exporter },
    Recipe { metric: "kgz_exports_to_russia_growth", exporters: &["KGZ"], importers: &["RUS"], products: &[], year: 2022, from: Some(2021), side: Side::Exporter },
];

/// Which headline figures to compute, by their `metric`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedAsk {
    pub metrics: Vec<String>,
    /// The table's file, as the sentence names it (`story.csv`: the default story).
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub lang: Lang,
}

/// Our figure for one published metric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ours {
    pub metric: String,
    /// US dollars, or for a growth figure the ratio less one; `None` when the table lacks the flows.
    pub value: Option<f64>,
    pub growth: bool,
    /// Whose reports the sum rests on, when one side's throughout.
    pub side: Option<Side>,
    /// True when it rests on the IMF's estimates for Russia (after 2021), not Russia's own reports.
    pub imf: bool,
    /// All of it in a sentence, in the question's language.
    pub text: String,
}

/// Computes each metric of `ask` that a recipe exists for; unknown metrics are left out.
pub fn published(table: &Table, ask: &PublishedAsk) -> Result<Vec<Ours>, Error> {
    let mut out = Vec::new();
    for m in &ask.metrics {
        let Some(r) = RECIPES.iter().find(|r| r.metric == m) else { continue };
        let sum = |year| route_sum(table, r, year);
        let (value, side, imf) = match r.from {
            None => sum(r.year)?.map_or((None, None, false), |(c, s, imf)| (Some(c as f64 / 100.0), s, imf)),
            Some(from) => match (sum(from)?, sum(r.year)?) {
                (Some((a, s, i)), Some((b, t, j))) if a != 0 => (Some(b as f64 / a as f64 - 1.0), s.filter(|s| Some(*s) == t), i || j),
                _ => (None, None, false),
            },
        };
        let w = Words(ask.lang);
        let text = match value {
            None => w.ours_missing(&ask.file),
            Some(v) if r.from.is_some() => w.ours(&ask.file, &change_in(v, ask.lang), side, imf),
            Some(v) => w.ours(&ask.file, &money_in(v, ask.lang), side, imf),
        };
        out.push(Ours { metric: r.metric.to_string(), value, growth: r.from.is_some(), side, imf, text });
    }
    Ok(out)
}

/// The recipe's flows in `year`, in cents, each country pair on the side the recipe prefers where the
/// table has it, and whether any of it is the IMF's estimate for Russia. All goods are the `TOTAL` rows
/// where the table has them, else the sum of its products.
fn route_sum(table: &Table, r: &Recipe, year: u16) -> Result<Option<(i64, Option<Side>, bool)>, Error> {
    let terms: Vec<String> = if r.products.is_empty() {
        vec!["TOTAL".to_string()]
    } else {
        r.products.iter().map(|p| p.to_string()).collect()
    };
    let q = |products: Vec<String>| Query {
        exporters: Some(r.exporters.iter().map(|c| c.to_string()).collect()),
        importers: Some(r.importers.iter().map(|c| c.to_string()).collect()),
        products: Some(products),
        years: Some((year, year)),
        reported_by: None,
        flows: None,
        group_by: vec![Key::Exporter, Key::Importer, Key::ReportedBy, Key::Source],
    };
    let mut rows = run(table, &q(terms))?.rows;
    if rows.is_empty() && r.products.is_empty() {
        rows = run(table, &q((1..=99).map(|c| format!("{c:02}")).collect()))?.rows;
    }
    let order = side_order(r.side);
    let mut pairs: Vec<(String, String, usize, i64, bool)> = Vec::new();
    for row in rows {
        let [e, i, KeyValue::Text(s), source] = &row.keys[..] else { continue };
        let (e, i) = (e.to_string(), i.to_string());
        // A pair of the recipe's lists that is not one of its flows (CHN → CHN) cannot occur.
        let Some(side) = Side::parse(s.as_bytes()) else { continue };
        let Some(rank) = order.iter().position(|o| *o == side) else { continue };
        let reporter = if side == Side::Importer { &i } else { &e };
        let imf = imf_estimate(reporter, year, &source.to_string());
        match pairs.iter_mut().find(|p| p.0 == e && p.1 == i) {
            Some(p) if rank < p.2 => (p.2, p.3, p.4) = (rank, row.value_cents, imf),
            // Another source of the same side's report: one figure, summed.
            Some(p) if rank == p.2 => (p.3, p.4) = (p.3 + row.value_cents, p.4 || imf),
            Some(_) => {}
            None => pairs.push((e, i, rank, row.value_cents, imf)),
        }
    }
    if pairs.is_empty() {
        return Ok(None);
    }
    let first = pairs[0].2;
    let side = pairs.iter().all(|p| p.2 == first).then(|| order[first]);
    Ok(Some((pairs.iter().map(|p| p.3).sum(), side, pairs.iter().any(|p| p.4))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    fn ask(metrics: &[&str]) -> PublishedAsk {
        PublishedAsk { metrics: metrics.iter().map(|m| m.to_string()).collect(), file: "t.csv".into(), lang: Lang::En }
    }

    #[test]
    fn sums_the_flows_a_headline_names_on_its_side() {
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2023,,CHN,KAZ,854231,1000.00,,,exporter,x\n\
            2023,,CHN,KAZ,854231,800.00,,,importer,x\n\
            2023,,CHN,KGZ,903082,300.00,,,importer,x\n\
            2023,,CHN,KGZ,845710,5000.00,,,exporter,x\n\
            2023,,CHN,KAZ,880621,59.00,,,importer,x\n\
            2023,,CHN,KAZ,TOTAL,24700.00,,,exporter,x\n\
            2023,,CHN,KAZ,TOTAL,15390.00,,,importer,x\n\
            2021,,KGZ,RUS,TOTAL,100.00,,,exporter,x\n\
            2022,,KGZ,RUS,TOTAL,245.00,,,exporter,x\n";
        let t = load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let got = published(&t, &ask(&["chn_exports_45_sanctioned_goods_to_kaz_plus_kgz", "kaz_drone_imports_from_china", "kaz_drone_exports_to_russia", "chn_exports_to_kaz_gacc", "kgz_exports_to_russia_growth", "no_such"]))
            .unwrap_or_else(|e| panic!("{e}"));
        let v: Vec<(&str, Option<f64>, Option<Side>)> = got.iter().map(|o| (o.metric.as_str(), o.value.map(|v| (v * 100.0).round() / 100.0), o.side)).collect();
        assert_eq!(
            v,
            [
                // China's report for KAZ (1000, not 800); KGZ's only report (300); 845710 is tier 4.B, not in the 45.
                ("chn_exports_45_sanctioned_goods_to_kaz_plus_kgz", Some(1300.0), None),
                ("kaz_drone_imports_from_china", Some(59.0), Some(Side::Importer)),
                ("kaz_drone_exports_to_russia", None, None),
                ("chn_exports_to_kaz_gacc", Some(24700.0), Some(Side::Exporter)),
                ("kgz_exports_to_russia_growth", Some(1.45), Some(Side::Exporter)),
            ]
        );
        assert!(got[4].growth && !got[0].growth);
    }

    #[test]
    fn all_goods_are_the_sum_of_products_when_a_file_has_no_totals() {
        let csv = "t,i,j,k,v,q\n2023,156,398,854231,1.5,\n2023,156,398,010121,2,\n";
        let t = load("b.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let got = published(&t, &ask(&["chn_exports_to_kaz_gacc"])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((got[0].value, got[0].side), (Some(3500.0), Some(Side::Reconciled)));
    }

    #[test]
    fn a_sum_resting_on_the_imfs_estimate_for_russia_says_so() {
        // Kazakhstan reports no drone exports to Russia in 2023: the sum falls back to Russia's side, the
        // IMF's figures (two sources of one side summed: 40 + 2). KGZ → RUS rests on Kyrgyzstan's reports.
        let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
            2023,,KAZ,RUS,880621,40.00,,,importer,IMF DOTS\n\
            2023,,KAZ,RUS,880622,2.00,,,importer,UN Comtrade\n\
            2021,,KGZ,RUS,TOTAL,100.00,,,exporter,x\n\
            2022,,KGZ,RUS,TOTAL,150.00,,,exporter,x\n\
            2022,,KGZ,RUS,TOTAL,170.00,,,importer,IMF DOTS\n";
        let t = load("t.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let got = published(&t, &ask(&["kaz_drone_exports_to_russia", "kgz_exports_to_russia_growth"])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((got[0].value, got[0].side, got[0].imf), (Some(42.0), Some(Side::Importer), true));
        assert_eq!((got[1].side, got[1].imf), (Some(Side::Exporter), false));
    }
}
