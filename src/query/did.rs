use super::group::run;
use super::key::{Key, KeyValue};
use super::spec::Query;
use crate::hs::{HsCode, ProductFilter};
use crate::store::Table;
use crate::Error;

/// Difference in differences: growth of the treated goods against comparable goods on one route.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DiffInDiff {
    /// Treated goods in the baseline year, US dollars.
    pub treated_base_usd: f64,
    /// Treated goods in the later year.
    pub treated_usd: f64,
    /// Comparable goods (same HS chapters, not treated) in the baseline year.
    pub control_base_usd: f64,
    /// Comparable goods in the later year.
    pub control_usd: f64,
    /// `treated / treated_base − 1`; `None` when the base is zero.
    pub treated_growth: Option<f64>,
    /// `control / control_base − 1`.
    pub control_growth: Option<f64>,
    /// `treated_growth − control_growth`.
    pub difference: Option<f64>,
    /// `ln(treated / treated_base) − ln(control / control_base)`, the log form used in the EBRD papers.
    pub log_difference: Option<f64>,
    /// The HS chapters the comparison goods were drawn from.
    pub chapters: Vec<String>,
}

/// Compares the growth from `baseline` to `year` of the `treated` goods (e.g. `["chpl"]`) with that of all
/// other goods of the same HS chapters, on the route given by `route`'s exporters, importers and sides
/// (its products and group keys are ignored). `TOTAL` rows never count.
pub fn diff_in_diff(table: &Table, route: &Query, treated: &[String], baseline: u16, year: u16) -> Result<DiffInDiff, Error> {
    let filter = ProductFilter::parse(treated)?;
    let q = Query {
        products: None,
        years: Some((baseline.min(year), baseline.max(year))),
        group_by: vec![Key::Hs6, Key::Year],
        ..route.clone()
    };
    let answer = run(table, &q)?;
    let rows: Vec<(HsCode, u32, i64)> = answer
        .rows
        .iter()
        .filter_map(|r| match r.keys.as_slice() {
            [KeyValue::Text(p), KeyValue::Number(y)] => Some((HsCode::parse(p.as_bytes())?, *y, r.value_cents)),
            _ => None,
        })
        .filter(|(p, _, _)| !p.is_total())
        .collect();
    let mut chapters: Vec<HsCode> = rows.iter().filter(|(p, _, _)| filter.matches(*p)).map(|(p, _, _)| p.truncate(2)).collect();
    crate::sort::sort_by(&mut chapters, &Ord::cmp);
    chapters.dedup();
    let sum = |treat: bool, y: u16| -> i64 {
        rows.iter()
            .filter(|(p, ry, _)| {
                *ry == u32::from(y) && if treat { filter.matches(*p) } else { !filter.matches(*p) && chapters.contains(&p.truncate(2)) }
            })
            .map(|(_, _, c)| *c)
            .sum()
    };
    let (t0, t1, c0, c1) = (sum(true, baseline), sum(true, year), sum(false, baseline), sum(false, year));
    let g = |a: i64, b: i64| (a != 0).then(|| b as f64 / a as f64 - 1.0);
    let l = |a: i64, b: i64| (a > 0 && b > 0).then(|| (b as f64 / a as f64).ln());
    let (tg, cg) = (g(t0, t1), g(c0, c1));
    Ok(DiffInDiff {
        treated_base_usd: t0 as f64 / 100.0,
        treated_usd: t1 as f64 / 100.0,
        control_base_usd: c0 as f64 / 100.0,
        control_usd: c1 as f64 / 100.0,
        treated_growth: tg,
        control_growth: cg,
        difference: tg.zip(cg).map(|(a, b)| a - b),
        log_difference: l(t0, t1).zip(l(c0, c1)).map(|(a, b)| a - b),
        chapters: chapters.iter().map(HsCode::to_string).collect(),
    })
}
