use rustc_hash::FxHashMap;

use super::answer::{Answer, Row};
use super::filter::Compiled;
use super::key::{Key, KeyValue};
use super::spec::Query;
use super::summing::{add, column, Acc, Parts};
use crate::hs::{Group, HsCode};
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

/// Runs a query: filters, then sums value, quantity and row count per group, sorted by key values.
///
/// Each group key is packed into one integer (16 bits a key, 8 for month and side), so the scan hashes
/// one integer per row and allocates only per group. See [`aggregate`] for the groups without decoding.
pub fn run(table: &Table, query: &Query) -> Result<Answer, Error> {
    let groups = aggregate(table, query)?;
    groups.fits()?;
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

    /// An error when a group's sum leaves what sums to the cent.
    pub fn fits(&self) -> Result<(), Error> {
        if self.groups.iter().any(|(_, a)| i64::try_from(a.cents).is_err()) {
            return Err(Error::Query(
                "a group adds up to more than $92 trillion, beyond what sums to the cent; filter the rows more narrowly".to_string(),
            ));
        }
        Ok(())
    }

    /// Calls `each` with every group's key values and its sums (a [`Row`] whose keys are left empty), in
    /// order, each key value made once rather than once a group: a file's cut is some 100,000 groups of seven
    /// keys, and the page's reports of a reader's file of every pair as many of six.
    pub fn each_group(&self, each: &mut dyn FnMut(&[&KeyValue], &Row)) {
        let value = |key: u128, s: &Slot, inv: &[u32]| {
            let v = ((key >> s.shift) & ((1u128 << s.bits) - 1)) as usize;
            inv.get(v).map_or(v, |id| *id as usize)
        };
        // Per key, its values by packed value, up to the largest there is (a year is its own packed value).
        let mut made: Vec<Vec<Option<KeyValue>>> = self.slots.iter().map(|_| Vec::new()).collect();
        for (key, _) in &self.groups {
            for ((s, inv), made) in self.slots.iter().zip(&self.inverse).zip(&mut made) {
                let v = value(*key, s, inv);
                if made.len() <= v {
                    made.resize_with(v + 1, || None);
                }
                if let Some(slot @ None) = made.get_mut(v) {
                    *slot = Some(decode(self.table, &self.hs, *s, v));
                }
            }
        }
        let mut keys: Vec<&KeyValue> = Vec::with_capacity(self.slots.len());
        for (key, acc) in &self.groups {
            keys.clear();
            for ((s, inv), made) in self.slots.iter().zip(&self.inverse).zip(&made) {
                keys.push(made.get(value(*key, s, inv)).and_then(Option::as_ref).unwrap_or(&KeyValue::Empty));
            }
            let sums = Row { keys: Vec::new(), value_usd: acc.cents as f64 / 100.0, value_cents: saturate(acc.cents), quantity: acc.quantity, rows: acc.rows };
            each(&keys, &sums);
        }
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
    aggregate_by(table, query, Way::Dense).map(|(g, _)| g)
}

/// [`aggregate`], summing route by route where the keys allow: for a worker's cut of a reader's file, whose
/// routes each hold many rows. A table of many routes of a few rows each sums quicker densely (the bench's
/// full group-by: 180 ms by route against 96 densely at 1,000,000 rows, bench/RESULTS.md of 30 November).
pub fn aggregate_by_route<'a>(table: &'a Table, query: &Query) -> Result<Groups<'a>, Error> {
    aggregate_by(table, query, Way::ByRoute).map(|(g, _)| g)
}

/// How the kept rows were summed, fastest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Way {
    /// Route by route ([`super::by_route`]); the worker's module only, keeping the page's small.
    ByRoute,
    /// In dense arrays ([`super::dense`]).
    Dense,
    Hashed,
}

/// [`aggregate`], summing the kept rows the first way from `first` on that the keys allow; also says which.
fn aggregate_by<'a>(table: &'a Table, query: &Query, first: Way) -> Result<(Groups<'a>, Way), Error> {
    let filter = Compiled::new(table, query)?;
    let slots = layout(&query.group_by)?;
    let hs = HsLevels::new(table, &slots);
    let ranks: Vec<Vec<u32>> = slots.iter().map(|s| ranks(table, &hs, s.key)).collect();
    let values: Vec<SlotValues> = slots.iter().zip(&ranks).map(|(s, r)| SlotValues::new(table, &hs, r, s.key)).collect();
    let bits: u32 = slots.iter().map(|s| s.bits).sum();
    let (groups, way) = if let Some(sq) = Squeezed::new(table, &values, &filter, &slots) {
        let by_route = (cfg!(feature = "worker") && first == Way::ByRoute).then(|| super::by_route::sum_by_route(table, &Kept { table, filter: &filter, parts: &sq.parts }, &sq.parts)).flatten();
        match by_route {
            Some(groups) => (sort_groups(groups.into_iter().map(|(q, acc)| (sq.unsqueeze(q), acc)).collect()), Way::ByRoute),
            None => grouped32(table, &filter, &sq, first <= Way::Dense),
        }
    } else if bits <= 64 {
        let parts = Parts::new(table, &values, |v, s| u64::from(v) << s.shift, &slots);
        (hashed(table, &filter, &parts, u128::from), Way::Hashed)
    } else {
        let parts = Parts::new(table, &values, |v, s| u128::from(v) << s.shift, &slots);
        (hashed(table, &filter, &parts, |k| k), Way::Hashed)
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
    Ok((Groups { table, hs, slots, inverse, keys: query.group_by.clone(), groups }, way))
}

/// The table column a group key is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Meta,
    Product,
    Exporter,
    Importer,
}

/// One group key's value for each entry of the dictionary it is read from, in sort order.
struct SlotValues {
    column: Column,
    values: Vec<u32>,
}

impl SlotValues {
    fn new(table: &Table, hs: &HsLevels, ranks: &[u32], key: Key) -> SlotValues {
        let rank = |id: usize| ranks.get(id).copied().unwrap_or(id as u32);
        let metas = |f: &dyn Fn(&crate::store::Meta) -> u32| SlotValues { column: Column::Meta, values: table.metas.iter().map(f).collect() };
        let level = |l: usize| SlotValues { column: Column::Product, values: hs.ids[l].iter().map(|id| rank(usize::from(*id))).collect() };
        let countries = |column| SlotValues { column, values: (0..table.countries.len()).map(rank).collect() };
        match key {
            Key::Year => metas(&|m| u32::from(m.year)),
            Key::Month => metas(&|m| u32::from(m.month)),
            Key::ReportedBy => metas(&|m| m.side as u32),
            Key::Source => metas(&|m| rank(usize::from(m.source))),
            Key::Hs2 => level(0),
            Key::Hs4 => level(1),
            Key::Hs6 => level(2),
            Key::ProductGroup => level(3),
            Key::Exporter => countries(Column::Exporter),
            Key::Importer => countries(Column::Importer),
        }
    }
}

impl<K: Copy + Default + std::ops::BitOr<Output = K>> Parts<K> {
    /// Shares from each slot's values, placed by `place(value, slot)`.
    fn new(table: &Table, values: &[SlotValues], place: impl Fn(u32, &Slot) -> K, slots: &[Slot]) -> Parts<K> {
        let column = |c: Column, n: usize| -> Vec<K> {
            let on: Vec<(&SlotValues, &Slot)> = values.iter().zip(slots).filter(|(v, _)| v.column == c).collect();
            if on.is_empty() {
                return Vec::new();
            }
            (0..n).map(|i| on.iter().fold(K::default(), |k, (v, s)| k | place(v.values.get(i).copied().unwrap_or(0), s))).collect()
        };
        let countries = table.countries.len();
        Parts {
            meta: column(Column::Meta, table.metas.len()),
            product: column(Column::Product, table.products.len()),
            exporter: column(Column::Exporter, countries),
            importer: column(Column::Importer, countries),
        }
    }

    #[inline]
    fn key(&self, m: u16, p: u16, e: u16, im: u16) -> K {
        let part = |v: &[K], i: u16| v.get(usize::from(i)).copied().unwrap_or_default();
        part(&self.meta, m) | part(&self.product, p) | part(&self.exporter, e) | part(&self.importer, im)
    }
}

/// Group keys squeezed into 32 bits: each key takes only the bits its values span over the dictionary
/// entries the filters keep (eight years take three bits, not sixteen).
struct Squeezed {
    parts: Parts<u32>,
    /// Per slot: where its bits sit in the squeezed key, how many, and the smallest value.
    fields: Vec<(u32, u32, u32)>,
    bits: u32,
    /// Where each slot sits in the packed key.
    shifts: Vec<u32>,
}

impl Squeezed {
    /// `None` when the keys need more than 32 bits.
    fn new(table: &Table, values: &[SlotValues], filter: &Compiled, slots: &[Slot]) -> Option<Squeezed> {
        let mut spans = Vec::with_capacity(values.len());
        for v in values {
            let kept = match v.column {
                Column::Meta => &filter.meta,
                Column::Product => &filter.product,
                Column::Exporter => &filter.exporter,
                Column::Importer => &filter.importer,
            };
            let mut vals = v.values.iter().zip(kept).filter(|(_, k)| **k).map(|(x, _)| *x);
            let first = vals.next().unwrap_or(0);
            spans.push(vals.fold((first, first), |(lo, hi), x| (lo.min(x), hi.max(x))));
        }
        let widths: Vec<u32> = spans.iter().map(|(lo, hi)| 32 - (hi - lo).leading_zeros()).collect();
        let bits: u32 = widths.iter().sum();
        if bits > 32 {
            return None;
        }
        let mut at = bits;
        let fields: Vec<(u32, u32, u32)> = widths
            .iter()
            .zip(&spans)
            .map(|(w, (lo, _))| {
                at -= w;
                (at, *w, *lo)
            })
            .collect();
        let squeezed: Vec<Slot> = slots.iter().zip(&fields).map(|(s, f)| Slot { key: s.key, shift: f.0, bits: f.1 }).collect();
        let low = |key: Key| slots.iter().zip(&fields).find(|(s, _)| s.key == key).map_or(0, |(_, f)| f.2);
        // Entries the filters drop may fall outside a span: masked, they can only garble keys no kept row has.
        let place = |v: u32, s: &Slot| (v.wrapping_sub(low(s.key)) & mask(s.bits)).checked_shl(s.shift).unwrap_or(0);
        let parts = Parts::new(table, values, place, &squeezed);
        Some(Squeezed { parts, fields, bits, shifts: slots.iter().map(|s| s.shift).collect() })
    }

    /// The packed key of a squeezed one.
    fn unsqueeze(&self, q: u32) -> u128 {
        self.fields.iter().zip(&self.shifts).fold(0u128, |key, (&(at, width, lo), &shift)| {
            key | (u128::from((q.checked_shr(at).unwrap_or(0) & mask(width)) + lo) << shift)
        })
    }
}

/// The low `bits` bits set.
fn mask(bits: u32) -> u32 {
    u32::MAX.checked_shr(32 - bits).unwrap_or(0)
}

/// Rows kept before the dense path pays off over hashing.
const DENSE_FROM: usize = 1 << 15;

/// The sorted groups of keys squeezed into 32 bits, and how they were summed.
///
/// Many kept rows are summed densely: each kept row's squeezed key indexes an array of sums
/// ([`super::dense`]). Few rows, or sums past 64 bits, go through a hash map.
fn grouped32(table: &Table, filter: &Compiled, sq: &Squeezed, dense: bool) -> (Vec<(u128, Acc)>, Way) {
    let summed = if dense {
        let rows = Kept { table, filter, parts: &sq.parts };
        super::dense::sum_by_key(table, &rows, sq.bits, DENSE_FROM, |q, s| {
            (sq.unsqueeze(q), Acc { cents: i128::from(s.cents), quantity: s.quantity, rows: u64::from(s.rows) })
        })
    } else {
        None
    };
    match summed {
        Some(groups) => (groups, Way::Dense),
        None => (hashed(table, filter, &sq.parts, |k| sq.unsqueeze(k)), Way::Hashed),
    }
}

/// The rows a query keeps, with their squeezed keys.
struct Kept<'a> {
    table: &'a Table,
    filter: &'a Compiled,
    parts: &'a Parts<u32>,
}

impl super::dense::KeptRows for Kept<'_> {
    fn each(&self, each: &mut dyn FnMut(usize, u32)) {
        each_kept(self.table, self.filter, self.parts, each);
    }

    fn whole(&self) -> Option<Vec<(usize, usize)>> {
        self.filter.keeps_all().then(|| self.table.route_ranges(&self.filter.exporter, &self.filter.importer))
    }
}

/// Sums per group with a hash map (one hash per kept row), sorted by key, keys packed by `packed`.
fn hashed<K>(table: &Table, filter: &Compiled, parts: &Parts<K>, packed: impl Fn(K) -> u128) -> Vec<(u128, Acc)>
where
    K: Copy + Default + Eq + std::hash::Hash + std::ops::BitOr<Output = K>,
{
    let mut map: FxHashMap<K, Acc> = FxHashMap::default();
    each_kept(table, filter, parts, |i, key| add(map.entry(key).or_default(), table, i));
    sorted(map, packed)
}

/// The groups of `map` with their keys packed by `packed`, sorted. Packing keeps the order, so one sort
/// serves every key width.
fn sorted<K>(map: FxHashMap<K, Acc>, packed: impl Fn(K) -> u128) -> Vec<(u128, Acc)> {
    sort_groups(map.into_iter().map(|(k, a)| (packed(k), a)).collect())
}

/// Groups sorted by packed key: one sort in the wasm for every way of summing.
fn sort_groups(mut g: Vec<(u128, Acc)>) -> Vec<(u128, Acc)> {
    g.sort_unstable_by_key(|(k, _)| *k);
    g
}

/// Calls `each` with every kept row's index and key, in row order, reading only the row ranges of the
/// routes the filters keep. The filter is four flag lookups without early exits: rows are kept or dropped at
/// random, so branches would mispredict.
fn each_kept<K>(table: &Table, filter: &Compiled, parts: &Parts<K>, mut each: impl FnMut(usize, K))
where
    K: Copy + Default + std::ops::BitOr<Output = K>,
{
    let flag = |v: &[bool], i: u16| v.get(usize::from(i)).copied().unwrap_or(false);
    let all = filter.keeps_all();
    for (a, b) in table.route_ranges(&filter.exporter, &filter.importer) {
        let rows = column(&table.meta, a, b).zip(column(&table.product, a, b)).zip(column(&table.exporter, a, b).zip(column(&table.importer, a, b)));
        for (i, ((&m, &p), (&e, &im))) in rows.enumerate() {
            if !all && !(flag(&filter.meta, m) & flag(&filter.product, p) & flag(&filter.exporter, e) & flag(&filter.importer, im) & filter.counts(a + i)) {
                continue;
            }
            each(a + i, parts.key(m, p, e, im));
        }
    }
}


/// Cents as an `i64`, held at its bounds ([`run`] refuses sums beyond them).
fn saturate(cents: i128) -> i64 {
    i64::try_from(cents).unwrap_or(if cents < 0 { i64::MIN } else { i64::MAX })
}

/// For keys whose packed id is a dictionary index, each index's rank in the order of the printed values,
/// so that sorting integers sorts rows as [`KeyValue`]s compare. Empty where the id already sorts right.
fn ranks(table: &Table, hs: &HsLevels, key: Key) -> Vec<u32> {
    fn rank_by<T: Ord>(values: Vec<T>) -> Vec<u32> {
        let order = crate::sort::order_by(values.len(), &|a, b| values[a].cmp(&values[b]));
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
        Key::ProductGroup => texts(&hs.codes[3]),
        Key::Source => rank_by(table.sources.iter().collect()),
        Key::Year | Key::Month | Key::ReportedBy => Vec::new(),
    }
}

fn layout(keys: &[Key]) -> Result<Vec<Slot>, Error> {
    // Chapters (100, TOTAL and the groups' tokens) fit 8 bits: every key together then fits 128.
    let bits = |key: Key| if matches!(key, Key::Month | Key::ReportedBy | Key::ProductGroup | Key::Hs2) { 8 } else { 16 };
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
        Key::ProductGroup => text(hs.codes[3].get(v).map(HsCode::to_string)),
        Key::ReportedBy => text(
            [crate::store::Side::Exporter, crate::store::Side::Importer, crate::store::Side::Reconciled]
                .get(v)
                .map(|s| s.to_string()),
        ),
        Key::Source => text(table.sources.get(v).cloned()),
    }
}

/// Each product truncated to 2, 4 and 6 digits, and its group's token, interned per level.
#[derive(Debug)]
struct HsLevels {
    ids: [Vec<u16>; 4],
    codes: [Vec<HsCode>; 4],
}

impl HsLevels {
    /// Only the levels that `slots` group by; the others stay empty.
    fn new(table: &Table, slots: &[Slot]) -> HsLevels {
        let mut ids: [Vec<u16>; 4] = Default::default();
        let mut codes: [Vec<HsCode>; 4] = Default::default();
        for (level, key) in [Key::Hs2, Key::Hs4, Key::Hs6, Key::ProductGroup].into_iter().enumerate() {
            if !slots.iter().any(|s| s.key == key) {
                continue;
            }
            let mut seen: FxHashMap<HsCode, u16> = FxHashMap::default();
            for p in &table.products {
                let t = match key {
                    Key::ProductGroup => Group::of(*p).code(),
                    _ => p.truncate(2 * level as u8 + 2),
                };
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
    fn every_way_of_summing_gives_the_same_groups() -> Result<(), Error> {
        let csv = baci(3 * DENSE_FROM, 11);
        let table = crate::ingest::load("b.csv", csv.as_bytes(), &Default::default())?.table;
        let by_hs6 = Query { group_by: vec![Key::Hs6, Key::ReportedBy, Key::Year], ..Query::default() };
        // The worker's cut: seven keys, a route's groups told apart by period and product group.
        let cut = Query {
            group_by: vec![Key::Year, Key::Month, Key::Exporter, Key::Importer, Key::ReportedBy, Key::Source, Key::ProductGroup],
            ..Query::default()
        };
        // Exporter and importer, but a route may hold more groups than its dense array has room for.
        let by_route_and_hs6 = Query { group_by: vec![Key::Importer, Key::Hs6, Key::Exporter, Key::Year], ..Query::default() };
        let [leg, _] = route_queries();
        use Way::{ByRoute, Dense, Hashed};
        for (q, ways) in [
            (full_query(), [ByRoute, Dense, Hashed]),
            (cut, [ByRoute, Dense, Hashed]),
            (by_hs6, [Dense, Dense, Hashed]),
            (by_route_and_hs6, [Dense, Dense, Hashed]),
            (leg, [ByRoute, Hashed, Hashed]),
        ] {
            let mut answers = Vec::new();
            for (first, way) in [ByRoute, Dense, Hashed].into_iter().zip(ways) {
                let (groups, used) = aggregate_by(&table, &q, first)?;
                assert_eq!(used, way, "{q:?} from {first:?}");
                assert!(groups.len() > 10, "{q:?}");
                answers.push(groups.answer());
            }
            assert!(answers[0] == answers[1] && answers[1] == answers[2], "{q:?}");
        }
        Ok(())
    }
}
