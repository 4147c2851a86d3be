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
    /// Wider than a row's cents, so many large rows cannot overflow; [`run`] checks the result fits.
    cents: i128,
    quantity: f64,
    rows: u64,
}

/// Runs a query: filters, then sums value, quantity and row count per group, sorted by key values.
///
/// Each group key is packed into one integer (16 bits a key, 8 for month and side), so the scan hashes
/// one integer per row and allocates only per group. See [`aggregate`] for the groups without decoding.
pub fn run(table: &Table, query: &Query) -> Result<Answer, Error> {
    let groups = aggregate(table, query)?;
    if groups.groups.iter().any(|(_, a)| i64::try_from(a.cents).is_err()) {
        return Err(Error::Query(
            "a group adds up to more than $92 trillion, beyond what sums to the cent; filter the rows more narrowly".to_string(),
        ));
    }
    Ok(groups.answer())
}

/// The sorted groups of a query, keys still packed: [`Groups::answer`] decodes them into an [`Answer`].
#[derive(Debug)]
pub struct Groups<'a> {
    table: &'a Table,
    hs: HsLevels,
    slots: Vec<Slot>,
    /// Per key: dictionary index by rank (empty where the packed value is the value itself).
    inverse: Vec<Vec<u32>>,
    keys: Vec<Key>,
    groups: Vec<(u128, Acc)>,
}

impl Groups<'_> {
    /// The number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when no row passed the filters.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The sum of all groups' values, in US cents.
    pub fn total_cents(&self) -> i64 {
        saturate(self.groups.iter().map(|(_, a)| a.cents).sum())
    }

    /// The groups with their keys as values.
    pub fn answer(&self) -> Answer {
        let rows = self
            .groups
            .iter()
            .map(|(key, acc)| Row {
                keys: self
                    .slots
                    .iter()
                    .zip(&self.inverse)
                    .map(|(s, inv)| {
                        let v = ((key >> s.shift) & ((1u128 << s.bits) - 1)) as usize;
                        decode(self.table, &self.hs, *s, inv.get(v).map_or(v, |id| *id as usize))
                    })
                    .collect(),
                value_usd: acc.cents as f64 / 100.0,
                value_cents: saturate(acc.cents),
                quantity: acc.quantity,
                rows: acc.rows,
            })
            .collect();
        Answer { keys: self.keys.clone(), rows }
    }
}

/// Filters and sums per group, sorted as [`run`] sorts, without turning keys into values.
///
/// Dictionary keys are packed as their rank in the order of the printed values, first key in the highest
/// bits, so that sorting the packed integers sorts the groups.
pub fn aggregate<'a>(table: &'a Table, query: &Query) -> Result<Groups<'a>, Error> {
    aggregate_by(table, query, true).map(|(g, _)| g)
}

/// [`aggregate`], summing kept rows densely when `dense` and the keys allow; also says whether it did.
fn aggregate_by<'a>(table: &'a Table, query: &Query, dense: bool) -> Result<(Groups<'a>, bool), Error> {
    let filter = Compiled::new(table, query)?;
    let slots = layout(&query.group_by)?;
    let hs = HsLevels::new(table, &slots);
    let ranks: Vec<Vec<u32>> = slots.iter().map(|s| ranks(table, &hs, s.key)).collect();
    let rank = |slot: usize, id: usize| ranks[slot].get(id).map_or(id as u128, |r| u128::from(*r));
    let meta: Vec<u128> = table
        .metas
        .iter()
        .map(|m| {
            slots.iter().enumerate().fold(0u128, |acc, (i, s)| {
                let v: u128 = match s.key {
                    Key::Year => m.year.into(),
                    Key::Month => m.month.into(),
                    Key::ReportedBy => (m.side as u8).into(),
                    Key::Source => rank(i, usize::from(m.source)),
                    _ => 0,
                };
                acc | (v << s.shift)
            })
        })
        .collect();
    let product: Vec<u128> = (0..table.products.len())
        .map(|p| {
            slots.iter().enumerate().fold(0u128, |acc, (i, s)| {
                let v: u128 = match s.key {
                    Key::Hs2 => rank(i, usize::from(hs.ids[0][p])),
                    Key::Hs4 => rank(i, usize::from(hs.ids[1][p])),
                    Key::Hs6 => rank(i, usize::from(hs.ids[2][p])),
                    _ => 0,
                };
                acc | (v << s.shift)
            })
        })
        .collect();
    let country = |key: Key| {
        let i = slots.iter().position(|s| s.key == key)?;
        Some((slots[i].shift, (0..table.countries.len()).map(|c| rank(i, c) as u16).collect()))
    };
    let parts = Parts { meta, product, exporter: country(Key::Exporter), importer: country(Key::Importer) };
    let bits: u32 = slots.iter().map(|s| s.bits).sum();
    let (groups, densely) = if bits <= 64 {
        grouped64(table, &filter, &parts, &slots, dense)
    } else {
        let mut g: Vec<(u128, Acc)> = scan(table, &filter, &parts, |k| k).into_iter().collect();
        g.sort_unstable_by_key(|(k, _)| *k);
        (g, false)
    };
    let inverse = ranks
        .iter()
        .map(|r| {
            let mut inv = vec![0u32; r.len()];
            for (id, &rk) in r.iter().enumerate() {
                if let Some(slot) = inv.get_mut(rk as usize) {
                    *slot = id as u32;
                }
            }
            inv
        })
        .collect();
    Ok((Groups { table, hs, slots, inverse, keys: query.group_by.clone(), groups }, densely))
}

/// Each dictionary entry's share of the packed key; for countries, the shift and each country's rank.
struct Parts {
    meta: Vec<u128>,
    product: Vec<u128>,
    exporter: Option<(u32, Vec<u16>)>,
    importer: Option<(u32, Vec<u16>)>,
}

/// Rows kept before the dense path pays off over hashing.
const DENSE_FROM: usize = 1 << 15;

/// The sorted groups of keys that fit 64 bits, and whether they were summed densely rather than hashed.
///
/// Many kept rows are summed densely: each kept row's key, squeezed to the bits its values span, indexes
/// an array of sums ([`super::dense`]). Few rows, squeezed keys past 32 bits, or sums past 64 bits go
/// through a hash map (a 64-bit key hashes faster than a 128-bit one).
fn grouped64(table: &Table, filter: &Compiled, parts: &Parts, slots: &[Slot], dense: bool) -> (Vec<(u128, Acc)>, bool) {
    // Keeping every row is common (a whole-table group-by): room for all, no regrowing.
    let room = if filter.keeps_all() { table.len() } else { 0 };
    let (mut keys, mut rows): (Vec<u64>, Vec<u32>) = (Vec::with_capacity(room), Vec::with_capacity(room));
    each_kept(table, filter, parts, |i, key| {
        keys.push(key as u64);
        rows.push(i as u32);
    });
    let hashed = |keys: &[u64], rows: &[u32]| {
        let mut map: FxHashMap<u64, Acc> = FxHashMap::default();
        for (&k, &i) in keys.iter().zip(rows) {
            add(map.entry(k).or_default(), table, i as usize);
        }
        let mut g: Vec<(u64, Acc)> = map.into_iter().collect();
        g.sort_unstable_by_key(|(k, _)| *k);
        (g.into_iter().map(|(k, a)| (u128::from(k), a)).collect(), false)
    };
    if !dense || keys.len() < DENSE_FROM || u32::try_from(keys.len()).is_err() {
        return hashed(&keys, &rows);
    }
    // Each key's span over the kept rows, so that e.g. eight years take three bits, not sixteen.
    let field = |k: u64, s: &Slot| (k >> s.shift) & ((1u64 << s.bits) - 1);
    let mut span: Vec<(u64, u64)> = vec![(u64::MAX, 0); slots.len()];
    for &k in &keys {
        for (s, (lo, hi)) in slots.iter().zip(span.iter_mut()) {
            let v = field(k, s);
            *lo = (*lo).min(v);
            *hi = (*hi).max(v);
        }
    }
    let widths: Vec<u32> = span.iter().map(|(lo, hi)| 64 - (hi - lo).leading_zeros()).collect();
    let total: u32 = widths.iter().sum();
    if total > 32 {
        return hashed(&keys, &rows);
    }
    let squeeze = |k: u64| slots.iter().zip(&span).zip(&widths).fold(0u64, |acc, ((s, (lo, _)), w)| (acc << w) | (field(k, s) - lo));
    let squeezed: Vec<u32> = keys.iter().map(|&k| squeeze(k) as u32).collect();
    let Some(sums) = super::dense::sum_by_key(table, &squeezed, &rows, total) else {
        return hashed(&keys, &rows);
    };
    drop((keys, squeezed, rows));
    let unsqueeze = |mut q: u64| {
        let mut key = 0u128;
        for ((s, (lo, _)), w) in slots.iter().zip(&span).zip(&widths).rev() {
            key |= u128::from((q & ((1u64 << w) - 1)) + lo) << s.shift;
            q >>= w;
        }
        key
    };
    let groups = sums
        .into_iter()
        .map(|(q, s)| (unsqueeze(u64::from(q)), Acc { cents: i128::from(s.cents), quantity: s.quantity, rows: u64::from(s.rows) }))
        .collect();
    (groups, true)
}

/// Calls `each` with every kept row's index and packed key, in row order. The filter is four flag lookups
/// without early exits: rows are kept or dropped at random, so branches would mispredict.
fn each_kept(table: &Table, filter: &Compiled, parts: &Parts, mut each: impl FnMut(usize, u128)) {
    let flag = |v: &[bool], i: u16| v.get(usize::from(i)).copied().unwrap_or(false);
    let all = filter.keeps_all();
    for (a, b) in table.route_ranges(&filter.exporter, &filter.importer) {
        let rows = column(&table.meta, a, b).zip(column(&table.product, a, b)).zip(column(&table.exporter, a, b).zip(column(&table.importer, a, b)));
        for (i, ((&m, &p), (&e, &im))) in rows.enumerate() {
            if !all && !(flag(&filter.meta, m) & flag(&filter.product, p) & flag(&filter.exporter, e) & flag(&filter.importer, im)) {
                continue;
            }
            each(a + i, packed(parts, m, p, e, im));
        }
    }
}

fn column(c: &[u16], a: usize, b: usize) -> std::slice::Iter<'_, u16> {
    c.get(a..b).unwrap_or_default().iter()
}

/// Cents as an `i64`, held at its bounds ([`run`] refuses sums beyond them).
fn saturate(cents: i128) -> i64 {
    i64::try_from(cents).unwrap_or(if cents < 0 { i64::MIN } else { i64::MAX })
}

/// Row `i`'s value, quantity and count added to a group.
#[inline]
fn add(acc: &mut Acc, table: &Table, i: usize) {
    acc.cents += i128::from(table.value_cents.get(i).copied().unwrap_or(0));
    let q = table.quantity.get(i).copied().unwrap_or(f64::NAN);
    if !q.is_nan() {
        acc.quantity += q;
    }
    acc.rows += 1;
}

/// A row's packed group key from its dictionary indices.
#[inline]
fn packed(parts: &Parts, m: u16, p: u16, e: u16, im: u16) -> u128 {
    let part = |v: &[u128], i: u16| v.get(usize::from(i)).copied().unwrap_or(0);
    let mut key = part(&parts.meta, m) | part(&parts.product, p);
    if let Some((s, r)) = &parts.exporter {
        key |= u128::from(r.get(usize::from(e)).copied().unwrap_or(e)) << s;
    }
    if let Some((s, r)) = &parts.importer {
        key |= u128::from(r.get(usize::from(im)).copied().unwrap_or(im)) << s;
    }
    key
}

/// Sums per group with a hash map: one hash per kept row.
fn scan<K: Copy + Eq + std::hash::Hash>(table: &Table, filter: &Compiled, parts: &Parts, pack: impl Fn(u128) -> K) -> FxHashMap<K, Acc> {
    let mut groups: FxHashMap<K, Acc> = FxHashMap::default();
    each_kept(table, filter, parts, |i, key| add(groups.entry(pack(key)).or_default(), table, i));
    groups
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
    let bits = |key: Key| if matches!(key, Key::Month | Key::ReportedBy) { 8 } else { 16 };
    let mut shift: u32 = keys.iter().map(|k| bits(*k)).sum();
    let mut slots = Vec::with_capacity(keys.len());
    for (i, &key) in keys.iter().enumerate() {
        if keys[..i].contains(&key) {
            return Err(Error::Query(format!("group_by names `{key}` twice")));
        }
        shift -= bits(key);
        slots.push(Slot { key, shift, bits: bits(key) });
    }
    Ok(slots)
}

/// The value of dictionary index (or plain value) `v` of key slot `s`.
fn decode(table: &Table, hs: &HsLevels, s: Slot, v: usize) -> KeyValue {
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
#[derive(Debug)]
struct HsLevels {
    ids: [Vec<u16>; 3],
    codes: [Vec<HsCode>; 3],
}

impl HsLevels {
    /// Only the levels that `slots` group by; the others stay empty.
    fn new(table: &Table, slots: &[Slot]) -> HsLevels {
        let mut ids: [Vec<u16>; 3] = Default::default();
        let mut codes: [Vec<HsCode>; 3] = Default::default();
        for (level, digits) in [2u8, 4, 6].into_iter().enumerate() {
            if !slots.iter().any(|s| s.key == [Key::Hs2, Key::Hs4, Key::Hs6][level]) {
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_data::{baci, full_query, route_queries};

    #[test]
    fn dense_sums_and_hashing_give_the_same_groups() -> Result<(), Error> {
        let csv = baci(3 * DENSE_FROM, 11);
        let table = crate::ingest::load("b.csv", csv.as_bytes(), &Default::default())?.table;
        let by_hs6 = Query { group_by: vec![Key::Hs6, Key::ReportedBy, Key::Year], ..Query::default() };
        let [leg, _] = route_queries();
        for (q, dense) in [(full_query(), true), (by_hs6, true), (leg, false)] {
            let (summed, used) = aggregate_by(&table, &q, true)?;
            let (hashed, _) = aggregate_by(&table, &q, false)?;
            assert_eq!(used, dense, "{q:?}");
            assert!(summed.len() > 10, "{q:?}");
            assert_eq!(summed.answer(), hashed.answer(), "{q:?}");
        }
        Ok(())
    }
}
