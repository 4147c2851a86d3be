use rustc_hash::FxHashMap;

use super::answer::Answer;
use super::key::Key;
use crate::Error;

/// Each row's share (0..=1) of the total over rows that agree on the `within` keys, in row order.
///
/// `within = []` gives shares of the grand total; `within = [Year]` gives each group's share of its year.
pub fn shares(answer: &Answer, within: &[Key]) -> Result<Vec<f64>, Error> {
    let idx: Vec<usize> = within
        .iter()
        .map(|k| {
            answer.keys.iter().position(|a| a == k).ok_or_else(|| Error::Query(format!("share within `{k}`: the answer is not grouped by it")))
        })
        .collect::<Result<_, _>>()?;
    let part = |r: &super::Row| idx.iter().map(|&i| r.keys.get(i).cloned()).collect::<Vec<_>>();
    // A map, not a scan per row: thousands of groups would make this quadratic.
    let mut totals: FxHashMap<Vec<_>, i64> = FxHashMap::default();
    for r in &answer.rows {
        *totals.entry(part(r)).or_insert(0) += r.value_cents;
    }
    Ok(answer
        .rows
        .iter()
        .map(|r| {
            let p = part(r);
            let t = totals.get(&p).copied().unwrap_or(0);
            if t == 0 {
                0.0
            } else {
                r.value_cents as f64 / t as f64
            }
        })
        .collect())
}
