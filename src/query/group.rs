use rustc_hash::FxHashMap;

use super::answer::{Answer, Row};
use super::filter::Compiled;
use super::key::{Key, KeyValue};
use super::spec::Query;
use crate::hs::HsCode;
use crate::store::table::code_str;
use crate::store::Table;
use crate::Error;

/// Where each key sits in the packed 128-bit group key.
#[derive(Clone, Copy, Debug)]
struct Slot {
    key: Key,
    shift: u32,
    bits: u32,
}

#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    cents: i64,
    quantity: f64,
    rows: u64,
}

/// Runs a query: filters, then sums value, quantity and row count per group, sorted by key values.
///
/// Each group key is packed into one `u128` (16 bits a key, 8 for month and side), so the scan hashes
/// one integer per row and allocates only per group.
pub fn run(table: &Table, query: &Query) -> Result<Answer, Error> {
    let filter = Compiled::new(table, query)?;
    let slots = layout(&query.group_by)?;
    let hs_levels = HsLevels::new(table);
    let meta_part: Vec<u128> = table
        .metas
        .iter()
        .map(|m| {
            slots.iter().fold(0u128, |acc, s| {
                let v: u128 = match s.key {
                    Key::Year => m.year.into(),
                    Key::Month => m.month.into(),
                    Key::ReportedBy => (m.side as u8).into(),
                    Key::Source => m.source.into(),
                    _ => 0,
                };
                acc | (v << s.shift)
            })
        })
        .collect();
    let product_part: Vec<u128> = (0..table.products.len())
        .map(|p| {
            slots.iter().fold(0u128, |acc, s| {
                let v: u128 = match s.key {
                    Key::Hs2 => hs_levels.ids[0][p].into(),
                    Key::Hs4 => hs_levels.ids[1][p].into(),
                    Key::Hs6 => hs_levels.ids[2][p].into(),
                    _ => 0,
                };
                acc | (v << s.shift)
            })
        })
        .collect();
    let exp_shift = slots.iter().find(|s| s.key == Key::Exporter).map(|s| s.shift);
    let imp_shift = slots.iter().find(|s| s.key == Key::Importer).map(|s| s.shift);

    let mut groups: FxHashMap<u128, Acc> = FxHashMap::default();
    for i in 0..table.len() {
        if !filter.keeps(table, i) {
            continue;
        }
        let (m, p, e, im) = (table.meta[i], table.product[i], table.exporter[i], table.importer[i]);
        let mut key = meta_part[usize::from(m)] | product_part[usize::from(p)];
        if let Some(s) = exp_shift {
            key |= u128::from(e) << s;
        }
        if let Some(s) = imp_shift {
            key |= u128::from(im) << s;
        }
        let acc = groups.entry(key).or_default();
        acc.cents += table.value_cents[i];
        let q = table.quantity[i];
        if !q.is_nan() {
            acc.quantity += q;
        }
        acc.rows += 1;
    }

    let ranks: Vec<Vec<u32>> = slots.iter().map(|s| ranks(table, &hs_levels, s.key)).collect();
    let mut sorted: Vec<(u128, u128, Acc)> = groups
        .into_iter()
        .map(|(key, acc)| {
            let order = slots.iter().zip(&ranks).fold(0u128, |o, (s, r)| {
                let id = ((key >> s.shift) & ((1u128 << s.bits) - 1)) as usize;
                (o << s.bits) | u128::from(r.get(id).copied().unwrap_or(id as u32))
            });
            (order, key, acc)
        })
        .collect();
    sorted.sort_unstable_by_key(|(order, _, _)| *order);
    let rows = sorted
        .into_iter()
        .map(|(_, key, acc)| Row {
            keys: slots.iter().map(|s| decode(table, &hs_levels, *s, key)).collect(),
            value_usd: acc.cents as f64 / 100.0,
            value_cents: acc.cents,
            quantity: acc.quantity,
            rows: acc.rows,
        })
        .collect();
    Ok(Answer { keys: query.group_by.clone(), rows })
}

/// For keys whose packed id is a dictionary index, each index's rank in the order of the printed values,
/// so that sorting integers sorts rows as [`KeyValue`]s compare. Empty where the id already sorts right.
fn ranks(table: &Table, hs: &HsLevels, key: Key) -> Vec<u32> {
    fn rank_by<T: Ord>(values: Vec<T>) -> Vec<u32> {
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|a, b| values[*a].cmp(&values[*b]));
        let mut rank = vec![0u32; values.len()];
        for (r, i) in order.into_iter().enumerate() {
            rank[i] = r as u32;
        }
        rank
    }
    let texts = |codes: &[HsCode]| rank_by(codes.iter().map(HsCode::to_string).collect());
    match key {
        Key::Exporter | Key::Importer => rank_by(table.countries.clone()),
        Key::Hs2 => texts(&hs.codes[0]),
        Key::Hs4 => texts(&hs.codes[1]),
        Key::Hs6 => texts(&hs.codes[2]),
        Key::Source => rank_by(table.sources.iter().collect()),
        Key::Year | Key::Month | Key::ReportedBy => Vec::new(),
    }
}

fn layout(keys: &[Key]) -> Result<Vec<Slot>, Error> {
    let mut slots = Vec::with_capacity(keys.len());
    let mut shift = 0;
    for (i, &key) in keys.iter().enumerate() {
        if keys[..i].contains(&key) {
            return Err(Error::Query(format!("group_by names `{key}` twice")));
        }
        let bits = if matches!(key, Key::Month | Key::ReportedBy) { 8 } else { 16 };
        slots.push(Slot { key, shift, bits });
        shift += bits;
    }
    Ok(slots)
}

fn decode(table: &Table, hs: &HsLevels, s: Slot, key: u128) -> KeyValue {
    let v = ((key >> s.shift) & ((1u128 << s.bits) - 1)) as usize;
    let text = |t: Option<String>| t.map_or(KeyValue::Empty, KeyValue::Text);
    match s.key {
        Key::Exporter | Key::Importer => text(table.countries.get(v).map(|c| code_str(c).to_string())),
        Key::Year => KeyValue::Number(v as u32),
        Key::Month if v == 0 => KeyValue::Empty,
        Key::Month => KeyValue::Number(v as u32),
        Key::Hs2 => text(hs.codes[0].get(v).map(HsCode::to_string)),
        Key::Hs4 => text(hs.codes[1].get(v).map(HsCode::to_string)),
        Key::Hs6 => text(hs.codes[2].get(v).map(HsCode::to_string)),
        Key::ReportedBy => text(
            [crate::store::Side::Exporter, crate::store::Side::Importer, crate::store::Side::Reconciled]
                .get(v)
                .map(|s| s.to_string()),
        ),
        Key::Source => text(table.sources.get(v).cloned()),
    }
}

/// Each product truncated to 2, 4 and 6 digits, interned per level.
struct HsLevels {
    ids: [Vec<u16>; 3],
    codes: [Vec<HsCode>; 3],
}

impl HsLevels {
    fn new(table: &Table) -> HsLevels {
        let mut ids: [Vec<u16>; 3] = Default::default();
        let mut codes: [Vec<HsCode>; 3] = Default::default();
        for (level, digits) in [2u8, 4, 6].into_iter().enumerate() {
            let mut seen: FxHashMap<HsCode, u16> = FxHashMap::default();
            for p in &table.products {
                let t = p.truncate(digits);
                // Never more entries than products, which the store keeps within u16.
                let next = codes[level].len() as u16;
                let id = *seen.entry(t).or_insert_with(|| {
                    codes[level].push(t);
                    next
                });
                ids[level].push(id);
            }
        }
        HsLevels { ids, codes }
    }
}
