use super::group::run;
use super::key::{Key, KeyValue};
use super::spec::Query;
use crate::store::{Side, Table};
use crate::Error;

/// The two reports of the same flows: the exporter's against the importer's.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Mirror {
    /// The group's keys, in the query's order.
    pub keys: Vec<KeyValue>,
    /// As reported by the exporter, US dollars.
    pub exporter_usd: f64,
    /// As reported by the importer, US dollars.
    pub importer_usd: f64,
    /// `exporter − importer`.
    pub gap_usd: f64,
    /// `exporter / importer`; `None` when the importer reported nothing.
    pub ratio: Option<f64>,
}

/// Mirror gaps per group of `query` (its `reported_by` is ignored): exporter-reported against
/// importer-reported value, e.g. China's $24.7bn of exports to Kazakhstan against Kazakhstan's $15.39bn.
pub fn mirror(table: &Table, query: &Query) -> Result<Vec<Mirror>, Error> {
    let mut q = query.clone();
    q.reported_by = Some(vec![Side::Exporter, Side::Importer]);
    if q.group_by.contains(&Key::ReportedBy) {
        return Err(Error::Query("a mirror gap compares reported_by itself: leave it out of group_by".to_string()));
    }
    q.group_by.push(Key::ReportedBy);
    let answer = run(table, &q)?;
    let mut out: Vec<(Vec<KeyValue>, i64, i64)> = Vec::new();
    for r in answer.rows {
        let mut keys = r.keys;
        let side = keys.pop();
        let (e, i) = if side == Some(KeyValue::Text("exporter".into())) { (r.value_cents, 0) } else { (0, r.value_cents) };
        match out.last_mut() {
            Some((k, ex, im)) if *k == keys => {
                *ex += e;
                *im += i;
            }
            _ => out.push((keys, e, i)),
        }
    }
    Ok(out
        .into_iter()
        .map(|(keys, e, i)| Mirror {
            keys,
            exporter_usd: e as f64 / 100.0,
            importer_usd: i as f64 / 100.0,
            gap_usd: (e - i) as f64 / 100.0,
            ratio: (i != 0).then(|| e as f64 / i as f64),
        })
        .collect())
}
