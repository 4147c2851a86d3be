use rustc_hash::FxHashMap;

use super::answer::Answer;
use super::key::{Key, KeyValue};
use crate::Error;

/// A group's value in one year against its value in the baseline year.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Growth {
    /// The group's keys other than the year, in the answer's order.
    pub keys: Vec<KeyValue>,
    /// The year.
    pub year: u16,
    /// The value that year, US dollars.
    pub value_usd: f64,
    /// The value in the baseline year, US dollars (0 when absent).
    pub baseline_usd: f64,
    /// `value / baseline − 1`; `None` when the baseline is zero.
    pub growth: Option<f64>,
}

/// Growth of each group against `baseline`; the answer must be grouped by [`Key::Year`] among others.
///
/// ```
/// use roundabout::query::{growth::growth, Answer, Key, KeyValue, Row};
/// let row = |y, c| Row { keys: vec![KeyValue::Number(y)], value_usd: c as f64 / 100.0, value_cents: c, quantity: 0.0, rows: 1 };
/// let a = Answer { keys: vec![Key::Year], rows: vec![row(2021, 100_00), row(2023, 164_00)] };
/// let g = growth(&a, 2021).unwrap();
/// assert_eq!(g[1].growth.map(|x| (x * 100.0).round()), Some(64.0));
/// ```
pub fn growth(answer: &Answer, baseline: u16) -> Result<Vec<Growth>, Error> {
    let y = answer
        .keys
        .iter()
        .position(|k| *k == Key::Year)
        .ok_or_else(|| Error::Query("growth needs the answer grouped by year".to_string()))?;
    let others = |keys: &[KeyValue]| -> Vec<KeyValue> {
        keys.iter().enumerate().filter(|(i, _)| *i != y).map(|(_, k)| k.clone()).collect()
    };
    // A map, not a scan per row: a route's thousands of HS6 codes would make this quadratic.
    let base: FxHashMap<Vec<KeyValue>, i64> = answer
        .rows
        .iter()
        .filter(|r| r.keys.get(y) == Some(&KeyValue::Number(u32::from(baseline))))
        .map(|r| (others(&r.keys), r.value_cents))
        .collect();
    let mut out = Vec::with_capacity(answer.rows.len());
    for r in &answer.rows {
        let KeyValue::Number(year) = r.keys.get(y).cloned().unwrap_or(KeyValue::Empty) else { continue };
        let keys = others(&r.keys);
        let b = base.get(&keys).copied().unwrap_or(0);
        out.push(Growth {
            keys,
            year: u16::try_from(year).unwrap_or(u16::MAX),
            value_usd: r.value_usd,
            baseline_usd: b as f64 / 100.0,
            // None in the baseline year itself: growth against itself is no figure.
            growth: (b != 0 && year != u32::from(baseline)).then(|| r.value_cents as f64 / b as f64 - 1.0),
        });
    }
    Ok(out)
}
