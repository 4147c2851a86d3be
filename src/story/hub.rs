//! A hub's re-export evidence for the page: per product, what it took in from the origin against what it
//! sent on to the destination, in a year and in the baseline year.

use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

use crate::query::{hub_evidence, Evidence};
use crate::store::Table;
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
}

/// One product at the hub.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HubRow {
    pub code: String,
    /// Origin → hub in the year, US dollars.
    pub into_usd: f64,
    /// Hub → destination in the year.
    pub onward_usd: f64,
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
    pub into_usd: f64,
    pub onward_usd: f64,
}

/// The hub's evidence: [`hub_evidence`] for the year and the baseline, one row per product.
///
/// ```
/// use roundabout::ingest::{load, Options};
/// use roundabout::story::hub::{hub_view, HubAsk};
/// let csv = "t,i,j,k,v,q\n2023,156,398,880621,5900,\n2023,398,643,880621,2700,\n";
/// let table = load("b.csv", csv.as_bytes(), &Options::default()).unwrap().table;
/// let ask = HubAsk { origin: "CHN".into(), hub: "KAZ".into(), destination: "RUS".into(),
///     products: vec!["drones".into()], year: 2023, baseline: 2021, limit: 10 };
/// let v = hub_view(&table, &ask).unwrap();
/// assert_eq!((v.rows[0].into_usd, v.rows[0].onward_usd), (5_900_000.0, 2_700_000.0));
/// ```
pub fn hub_view(table: &Table, ask: &HubAsk) -> Result<HubView, Error> {
    let years = (ask.baseline.min(ask.year), ask.baseline.max(ask.year));
    let evidence = hub_evidence(table, &ask.origin, &ask.hub, &ask.destination, &ask.products, years)?;
    // The baseline by product in a map: a hub trades thousands of products.
    let bases: FxHashMap<&str, &Evidence> = evidence.iter().filter(|b| b.year == ask.baseline).map(|b| (b.product.as_str(), b)).collect();
    let mut rows: Vec<HubRow> = evidence
        .iter()
        .filter(|e| e.year == ask.year)
        .map(|e| {
            let base = bases.get(e.product.as_str());
            HubRow {
                code: e.product.clone(),
                into_usd: e.into_hub_usd,
                onward_usd: e.onward_usd,
                ratio: e.onward_ratio,
                into_base_usd: base.map_or(0.0, |b| b.into_hub_usd),
                onward_base_usd: base.map_or(0.0, |b| b.onward_usd),
            }
        })
        .collect();
    crate::sort::sort_by(&mut rows, &|a, b| b.into_usd.total_cmp(&a.into_usd).then_with(|| b.onward_usd.total_cmp(&a.onward_usd)).then_with(|| a.code.cmp(&b.code)));
    let into_usd = rows.iter().map(|r| r.into_usd).sum();
    let onward_usd = rows.iter().map(|r| r.onward_usd).sum();
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
        let ask = HubAsk { origin: "CHN".into(), hub: "KAZ".into(), destination: "RUS".into(), products: vec![], year: 2023, baseline: 2021, limit: 2 };
        let v = hub_view(&t, &ask).unwrap_or_else(|e| panic!("{e}"));
        type Got<'a> = (&'a str, f64, f64, Option<f64>, f64, f64);
        let got: Vec<Got> = v.rows.iter().map(|r| (r.code.as_str(), r.into_usd, r.onward_usd, r.ratio, r.into_base_usd, r.onward_base_usd)).collect();
        assert_eq!(got[0], ("854231", 8_000_000.0, 0.0, Some(0.0), 0.0, 0.0));
        assert_eq!(got[1].0, "880621");
        assert_eq!((got[1].1, got[1].2, got[1].4, got[1].5), (5_900_000.0, 2_700_000.0, 1_000_000.0, 100_000.0));
        assert!((got[1].3.unwrap_or(0.0) - 27.0 / 59.0).abs() < 1e-12);
        // 847150 went out without coming in: past the limit, but in the totals.
        assert_eq!(v.more, 1);
        assert_eq!((v.into_usd, v.onward_usd), (13_900_000.0, 2_750_000.0));
    }
}
