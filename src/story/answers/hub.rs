//! A hub's re-export evidence for the page: per product, what it took in from the origin against what it
//! sent on to the destination, in a year and in the baseline year.

use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

use crate::query::{hub_evidence, Evidence};
use crate::store::{Flow, Table};
use crate::Error;

/// A hub between an origin and a destination, for a product set and a year.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HubAsk {
    pub origin: String,
    pub hub: String,
    pub destination: String,
    /// [`crate::hs::ProductFilter`] terms; empty means every product.
    #[serde(default)]
    pub products: Vec<String>,
    pub year: u16,
    pub baseline: u16,
    /// How many products to list, largest inflow first; the rest are summed.
    pub limit: usize,
    /// The flows counted; none given: exports and imports.
    #[serde(default)]
    pub flows: Option<Vec<Flow>>,
}

/// One product at the hub.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HubRow {
    pub code: String,
    /// Origin → hub in the year, US dollars; `None` where the file has no row (no data, not $0).
    pub into_usd: Option<f64>,
    /// Hub → destination in the year; `None` where the file has no row.
    pub onward_usd: Option<f64>,
    /// `onward / into`; `None` when nothing came in.
    pub ratio: Option<f64>,
    pub into_base_usd: f64,
    pub onward_base_usd: f64,
}

/// The hub's products, largest inflow first, with the totals over all of them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HubView {
    pub rows: Vec<HubRow>,
    /// Products past `limit`.
    pub more: usize,
    /// Over every product; `None` where the file has no row on that leg at all.
    pub into_usd: Option<f64>,
    pub onward_usd: Option<f64>,
}

/// The hub's evidence: [`hub_evidence`] for the year and the baseline, one row per product.
///
/// ```
/// use roundabout::ingest::{load, Options};
/// use roundabout::story::answers::hub::{hub_view, HubAsk};
/// let csv = "t,i,j,k,v,q\n2023,156,398,880621,5900,\n2023,398,643,880621,2700,\n";
/// let table = load("b.csv", csv.as_bytes(), &Options::default()).unwrap().table;
/// let ask = HubAsk { origin: "CHN".into(), hub: "KAZ".into(), destination: "RUS".into(),
///     products: vec!["drones".into()], year: 2023, baseline: 2021, limit: 10, flows: None };
/// let v = hub_view(&table, &ask).unwrap();
/// assert_eq!((v.rows[0].into_usd, v.rows[0].onward_usd), (Some(5_900_000.0), Some(2_700_000.0)));
/// ```
pub fn hub_view(table: &Table, ask: &HubAsk) -> Result<HubView, Error> {
    let years = (ask.baseline.min(ask.year), ask.baseline.max(ask.year));
    let evidence = hub_evidence(table, &ask.origin, &ask.hub, &ask.destination, &ask.products, years, ask.flows.as_deref())?;
    // The baseline by product in a map: a hub trades thousands of products.
    let bases: FxHashMap<&str, &Evidence> = evidence.iter().filter(|b| b.year == ask.baseline).map(|b| (b.product.as_str(), b)).collect();
    let mut rows: Vec<HubRow> = evidence
        .iter()
        .filter(|e| e.year == ask.year)
        .map(|e| {
            let base = bases.get(e.product.as_str());
            HubRow {
                code: e.product.clone(),
                into_usd: e.into_hub_side.map(|_| e.into_hub_usd),
                onward_usd: e.onward_side.map(|_| e.onward_usd),
                ratio: e.onward_ratio,
                into_base_usd: base.map_or(0.0, |b| b.into_hub_usd),
                onward_base_usd: base.map_or(0.0, |b| b.onward_usd),
            }
        })
        .collect();
    let zero = |v: Option<f64>| v.unwrap_or(0.0);
    crate::sort::sort_by(&mut rows, &|a, b| zero(b.into_usd).total_cmp(&zero(a.into_usd)).then_with(|| zero(b.onward_usd).total_cmp(&zero(a.onward_usd))).then_with(|| a.code.cmp(&b.code)));
    // A leg with no row at all is no data; one with rows sums them.
    let total = |leg: fn(&HubRow) -> Option<f64>| rows.iter().filter_map(leg).reduce(|a, b| a + b);
    let (into_usd, onward_usd) = (total(|r| r.into_usd), total(|r| r.onward_usd));
    let more = rows.len().saturating_sub(ask.limit);
    rows.truncate(ask.limit);
    Ok(HubView { rows, more, into_usd, onward_usd })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{load, Options};

    #[test]
    fn pairs_inflow_and_outflow_per_product_with_the_baseline() {
        // BACI values are thousands of dollars.
        let csv = "t,i,j,k,v,q\n\
                   2021,156,398,880621,1000,\n2021,398,643,880621,100,\n\
                   2023,156,398,880621,5900,\n2023,398,643,880621,2700,\n\
                   2023,156,398,854231,8000,\n\
                   2023,398,643,847150,50,\n\
                   2023,156,417,880621,999,\n";
        let t = load("b.csv", csv.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
        let ask = HubAsk { origin: "CHN".into(), hub: "KAZ".into(), destination: "RUS".into(), products: vec![], year: 2023, baseline: 2021, limit: 2, flows: None };
        let v = hub_view(&t, &ask).unwrap_or_else(|e| panic!("{e}"));
        type Got<'a> = (&'a str, Option<f64>, Option<f64>, Option<f64>, f64, f64);
        let got: Vec<Got> = v.rows.iter().map(|r| (r.code.as_str(), r.into_usd, r.onward_usd, r.ratio, r.into_base_usd, r.onward_base_usd)).collect();
        // 854231 came in but the file has no row of it going on to Russia: no data, not $0.
        assert_eq!(got[0], ("854231", Some(8_000_000.0), None, Some(0.0), 0.0, 0.0));
        assert_eq!(got[1].0, "880621");
        assert_eq!((got[1].1, got[1].2, got[1].4, got[1].5), (Some(5_900_000.0), Some(2_700_000.0), 1_000_000.0, 100_000.0));
        assert!((got[1].3.unwrap_or(0.0) - 27.0 / 59.0).abs() < 1e-12);
        // 847150 went out without coming in: past the limit, but in the totals.
        assert_eq!(v.more, 1);
        assert_eq!((v.into_usd, v.onward_usd), (Some(13_900_000.0), Some(2_750_000.0)));
        // Nothing on to Russia at all in 2023 for a product set that only came in: the total is no data.
        let chips = HubAsk { products: vec!["854231".into()], ..ask };
        let v = hub_view(&t, &chips).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((v.into_usd, v.onward_usd), (Some(8_000_000.0), None));
    }
}
