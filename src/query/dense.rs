use crate::store::Table;

/// Key bits summed in one dense array: 2^14 sums of 24 bytes stay in the processor's second-level cache.
const LOW_BITS: u32 = 14;

/// A group's sums while adding up; cents in 64 bits, checked, as a row's cents are far below the bound.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Sum {
    pub cents: i64,
    pub quantity: f64,
    pub rows: u32,
}

/// One kept row on its way to its partition: its key's low bits and what it adds.
#[derive(Clone, Copy, Default)]
struct Item {
    cents: i64,
    quantity: f32,
    low: u32,
}

/// The kept rows of a query, in row order: [`sum_by_key`] goes through them twice (a count, then the sums)
/// rather than keep a column of their keys.
pub(super) trait KeptRows {
    /// Calls `each` with every kept row's index and key, rows ascending. Behind a reference: one copy of
    /// the scan in the wasm for all its passes.
    fn each(&self, each: &mut dyn FnMut(usize, u32));

    /// The row ranges, in row order, when every row in them is kept: a scan can then read the columns
    /// straight, without a call per row. `None` when rows are kept one by one.
    fn whole(&self) -> Option<Vec<(usize, usize)>> {
        None
    }
}

/// Sums the kept rows per key, in key order, each group made by `make(key, sums)`; keys have `bits` ≤ 32
/// bits. The rows are partitioned by their key's high bits (one counting pass, one scatter), then each
/// partition is summed in a dense array indexed by the low bits: every pass reads memory in order, with no
/// hashing and no random reads into the table. `None` when fewer than `from` rows are kept, or a sum
/// leaves 64 bits.
pub(super) fn sum_by_key<T>(table: &Table, rows: &impl KeptRows, bits: u32, from: usize, make: impl Fn(u32, Sum) -> T) -> Option<Vec<T>> {
    let low = bits.min(LOW_BITS);
    let high = bits - low;
    let parts = 1usize << high;
    let mut starts = vec![0usize; parts + 1];
    rows.each(&mut |_, k| {
        if let Some(s) = starts.get_mut((k >> low) as usize + 1) {
            *s += 1;
        }
    });
    for p in 0..parts {
        starts[p + 1] += starts[p];
    }
    if starts[parts] < from {
        return None;
    }
    let item = |i: usize, k: u32| Item {
        cents: table.value_cents.get(i).copied().unwrap_or(0),
        quantity: table.quantity.get(i).copied().unwrap_or(f32::NAN),
        low: k & ((1 << low) - 1),
    };
    let mut dense = Dense::new(low);
    let mut out = Vec::new();
    if high == 0 {
        let mut fits = true;
        rows.each(&mut |i, k| fits &= dense.add(item(i, k)).is_some());
        fits.then_some(())?;
        out.reserve_exact(dense.touched.len());
        dense.drain(0, &mut out, &make);
        return Some(out);
    }
    let mut next = starts.clone();
    let mut items = vec![Item::default(); starts[parts]];
    rows.each(&mut |i, k| {
        if let Some(at) = next.get_mut((k >> low) as usize) {
            if let Some(slot) = items.get_mut(*at) {
                *slot = item(i, k);
            }
            *at += 1;
        }
    });
    drop(next);
    out.reserve_exact(groups(&items, &starts, low));
    for p in 0..parts {
        let Some(part) = items.get(starts[p]..starts[p + 1]) else { continue };
        if part.is_empty() {
            continue;
        }
        for it in part {
            dense.add(*it)?;
        }
        dense.drain((p as u32) << low, &mut out, &make);
    }
    Some(out)
}

/// How many groups the partitions of `items` (bounded by `starts`) hold: each partition's distinct low keys,
/// counted in a bit set, so that the groups are allocated once (growing millions of them copies them over and
/// over).
fn groups(items: &[Item], starts: &[usize], low: u32) -> usize {
    let mut seen = vec![0u64; (1usize << low).div_ceil(64)];
    let mut count = 0;
    for bounds in starts.windows(2) {
        let Some(part) = items.get(bounds[0]..bounds[1]) else { continue };
        for it in part {
            if let Some(word) = seen.get_mut((it.low / 64) as usize) {
                let bit = 1u64 << (it.low % 64);
                count += usize::from(*word & bit == 0);
                *word |= bit;
            }
        }
        for it in part {
            if let Some(word) = seen.get_mut((it.low / 64) as usize) {
                *word = 0;
            }
        }
    }
    count
}

/// The sums of one partition, indexed by the low key bits, and which of them are in use.
struct Dense {
    sums: Vec<Sum>,
    touched: Vec<u32>,
}

impl Dense {
    fn new(bits: u32) -> Dense {
        Dense { sums: vec![Sum::default(); 1 << bits], touched: Vec::new() }
    }

    #[inline]
    fn add(&mut self, it: Item) -> Option<()> {
        let s = self.sums.get_mut(it.low as usize)?;
        if s.rows == 0 {
            self.touched.push(it.low);
        }
        s.cents = s.cents.checked_add(it.cents)?;
        if !it.quantity.is_nan() {
            s.quantity += f64::from(it.quantity);
        }
        s.rows += 1;
        Some(())
    }

    /// Appends the sums in use, in key order with `base` added to their keys, and clears them.
    fn drain<T>(&mut self, base: u32, out: &mut Vec<T>, make: impl Fn(u32, Sum) -> T) {
        // Few groups: sort their keys; many: walking every slot is cheaper.
        if self.touched.len() * 8 < self.sums.len() {
            self.touched.sort_unstable();
            for &k in &self.touched {
                if let Some(s) = self.sums.get_mut(k as usize) {
                    out.push(make(base | k, std::mem::take(s)));
                }
            }
        } else {
            for (k, s) in self.sums.iter_mut().enumerate().filter(|(_, s)| s.rows > 0) {
                out.push(make(base | k as u32, std::mem::take(s)));
            }
        }
        self.touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hs::HsCode;
    use crate::store::{Side, TableBuilder};

    /// Every row kept, row `i` with key `keys[i]`.
    struct Listed<'a>(&'a [u32]);

    impl KeptRows for Listed<'_> {
        fn each(&self, each: &mut dyn FnMut(usize, u32)) {
            for (i, &k) in self.0.iter().enumerate() {
                each(i, k);
            }
        }
    }

    #[test]
    fn sums_per_key_in_key_order_across_partitions() -> Result<(), crate::Error> {
        let mut b = TableBuilder::new("t");
        let c = b.country(b"CHN")?.unwrap_or(0);
        let p = b.product(HsCode::TOTAL)?;
        let s = b.source("s")?;
        let m = b.meta(2023, 0, Side::Exporter, s, 0)?;
        for v in 0..40 {
            b.push(m, c, c, p, v, if v % 2 == 0 { 1.5 } else { f64::NAN });
        }
        let t = b.finish();
        // Keys over 20 bits: 64 partitions of 2^14 sums.
        let keys: Vec<u32> = (0..40u32).map(|j| [900_000, 3, 17_000, 3][j as usize % 4]).collect();
        let got = sum_by_key(&t, &Listed(&keys), 20, 0, |k, s| (k, s)).unwrap_or_default();
        let view: Vec<(u32, i64, f64, u32)> = got.iter().map(|(k, s)| (*k, s.cents, s.quantity, s.rows)).collect();
        let sum = |r: i64| (0..40i64).filter(|v| v % 4 == r).sum::<i64>();
        assert_eq!(view, [(3, sum(1) + sum(3), 0.0, 20), (17_000, sum(2), 15.0, 10), (900_000, sum(0), 15.0, 10)]);
        // A sum past 64 bits is refused, not wrapped.
        let mut b = TableBuilder::new("t");
        let (c, p, m) = (b.country(b"CHN")?.unwrap_or(0), b.product(HsCode::TOTAL)?, m);
        b.source("s")?;
        b.meta(2023, 0, Side::Exporter, 0, 0)?;
        b.push(m, c, c, p, i64::MAX, f64::NAN);
        b.push(m, c, c, p, 1, f64::NAN);
        let t = b.finish();
        assert!(sum_by_key(&t, &Listed(&[0, 0]), 1, 0, |k, s| (k, s)).is_none());
        // Fewer kept rows than asked for: left to the caller.
        assert!(sum_by_key(&t, &Listed(&[0, 0]), 1, 3, |k, s| (k, s)).is_none());
        assert!(sum_by_key(&t, &Listed(&[0]), 1, 1, |k, s| (k, s)).is_some());
        Ok(())
    }
}
