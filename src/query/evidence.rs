use rustc_hash::FxHashMap;

use super::group::run;
use super::key::{Key, KeyValue};
use super::spec::Query;
use crate::store::{Flow, Side, Table};
use crate::Error;

/// Re-export evidence for one product and year: what a hub takes in from the origin against what it sends
/// on to the destination.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// The HS6 code (or a coarser code the data holds).
    pub product: String,
    /// The year.
    pub year: u16,
    /// Origin → hub, US dollars.
    pub into_hub_usd: f64,
    /// Whose report `into_hub_usd` is; `None` when no flow was found.
    pub into_hub_side: Option<Side>,
    /// Hub → destination, US dollars.
    pub onward_usd: f64,
    /// Whose report `onward_usd` is.
    pub onward_side: Option<Side>,
    /// `onward / into_hub`; `None` when nothing came in.
    pub onward_ratio: Option<f64>,
}

/// Per product and year, the hub's imports from `origin` against its exports to `destination`.
///
/// Each figure is the hub's own report when the table has it (its customs saw both flows), else the
/// reconciled figure, else the partner's report, so that two reports of one flow are never added.
/// `products` uses [`crate::hs::ProductFilter`] terms; empty means every product but `TOTAL`. `flows`: none counts
/// exports and imports.
pub fn hub_evidence(
    table: &Table,
    origin: &str,
    hub: &str,
    destination: &str,
    products: &[String],
    years: (u16, u16),
    flows: Option<&[Flow]>,
) -> Result<Vec<Evidence>, Error> {
    let leg = |from: &str, to: &str| -> Result<Vec<(String, u16, Side, i64)>, Error> {
        let q = Query {
            exporters: Some(vec![from.to_string()]),
            importers: Some(vec![to.to_string()]),
            products: (!products.is_empty()).then(|| products.to_vec()),
            years: Some(years),
            reported_by: None,
            flows: flows.map(<[Flow]>::to_vec),
            group_by: vec![Key::Hs6, Key::Year, Key::ReportedBy],
        };
        Ok(run(table, &q)?
            .rows
            .into_iter()
            .filter_map(|r| match r.keys.as_slice() {
                [KeyValue::Text(p), KeyValue::Number(y), KeyValue::Text(s)] if p != "TOTAL" => {
                    Some((p.clone(), u16::try_from(*y).ok()?, Side::parse(s.as_bytes())?, r.value_cents))
                }
                _ => None,
            })
            .collect())
    };
    let into = leg(origin, hub)?;
    let onward = leg(hub, destination)?;
    let mut keys: Vec<(String, u16)> = into.iter().chain(&onward).map(|(p, y, _, _)| (p.clone(), *y)).collect();
    crate::sort::sort_by(&mut keys, &Ord::cmp);
    keys.dedup();
    // A map per leg, so that a hub's thousands of products cost one lookup each, not a scan.
    let index = |flows: &[(String, u16, Side, i64)]| -> FxHashMap<(String, u16, Side), i64> {
        flows.iter().map(|(p, y, s, c)| ((p.clone(), *y, *s), *c)).collect()
    };
    let (into, onward) = (index(&into), index(&onward));
    let pick = |flows: &FxHashMap<(String, u16, Side), i64>, p: &str, y: u16, prefer: [Side; 3]| -> (i64, Option<Side>) {
        prefer.iter().find_map(|s| flows.get(&(p.to_string(), y, *s)).map(|c| (*c, Some(*s)))).unwrap_or((0, None))
    };
    Ok(keys
        .into_iter()
        .map(|(p, y)| {
            let (i, i_side) = pick(&into, &p, y, [Side::Importer, Side::Reconciled, Side::Exporter]);
            let (o, o_side) = pick(&onward, &p, y, [Side::Exporter, Side::Reconciled, Side::Importer]);
            Evidence {
                product: p,
                year: y,
                into_hub_usd: i as f64 / 100.0,
                into_hub_side: i_side,
                onward_usd: o as f64 / 100.0,
                onward_side: o_side,
                onward_ratio: (i != 0).then(|| o as f64 / i as f64),
            }
        })
        .collect())
}
