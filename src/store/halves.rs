//! Moving the table's one 8-byte column (cents) into route order with room for half of it beside: its
//! low halves go to a new column of `u32`, its high halves are packed two to a slot in the column's own
//! first half and moved into its second half, then the two are joined back in place. The sort's peak is
//! then one 4-byte column beside the table, not one 8-byte column. When few values have a high half at all
//! (a trade file's values: below $42.9M, 2^32 cents, but for a few rows), those few are kept aside with
//! their places instead, and the column is made of the low halves and them.

/// `column` reordered as [`super::cluster`] moves a column: row r to the r-th place `destinations()`
/// gives (called once; again for the high halves when many rows have one). The high halves kept aside
/// take 16 bytes each, for at most one row in [`FEW_HIGH`]: a quarter of a byte a row (half while their
/// list grows).
pub(super) fn move_in_halves<I: Iterator<Item = usize>>(column: &mut [i64], destinations: impl Fn() -> I) {
    let n = column.len();
    let mut low = vec![0u32; n];
    // The high halves that are not 0, with their rows' places, while they are few.
    let (most, mut highs) = (n / FEW_HIGH, Some(Vec::new()));
    for (&v, at) in column.iter().zip(destinations()) {
        if let Some(slot) = low.get_mut(at) {
            *slot = v as u32;
        }
        let h = high(v);
        if h != 0 {
            match highs.as_mut() {
                Some(kept) if kept.len() < most => kept.push((at, h)),
                _ => highs = None,
            }
        }
    }
    if let Some(highs) = highs {
        for (slot, &l) in column.iter_mut().zip(&low) {
            *slot = i64::from(l);
        }
        for (at, h) in highs {
            if let Some(slot) = column.get_mut(at) {
                *slot |= i64::from(h) << 32;
            }
        }
        return;
    }
    // The high halves of rows 2s and 2s + 1 into slot s; an odd last row's is kept aside. Slot s is
    // written after slots 2s and 2s + 1 are read, and no later row reads below 2s + 2.
    let half = n / 2;
    let last = if n % 2 == 1 {
        column.get(n - 1).map_or(0, |v| high(*v))
    } else {
        0
    };
    for s in 0..half {
        let (a, b) = (
            column.get(2 * s).copied().unwrap_or(0),
            column.get(2 * s + 1).copied().unwrap_or(0),
        );
        if let Some(slot) = column.get_mut(s) {
            *slot = pack(high(a), high(b));
        }
    }
    // The high halves moved into slots half.. (n - half ≥ n/2 of them, two halves a slot), read from
    // slots ..half.
    let (packed, moved) = column.split_at_mut(half);
    for (r, at) in destinations().enumerate().take(n) {
        let h = if r / 2 < half {
            packed.get(r / 2).map_or(0, |p| part(*p, r % 2))
        } else {
            last
        };
        if let Some(slot) = moved.get_mut(at / 2) {
            *slot = with_part(*slot, at % 2, h);
        }
    }
    // Joined in row order: row r's high half is read from slot half + r/2 ≥ r before slot r is written,
    // and every later row's from a slot above r.
    for r in 0..n {
        let h = column.get(half + r / 2).map_or(0, |p| part(*p, r % 2));
        if let Some(slot) = column.get_mut(r) {
            *slot = (i64::from(h) << 32) | i64::from(low.get(r).copied().unwrap_or(0));
        }
    }
}

/// One row in this many or fewer with a high half: those are kept aside rather than moved by halves.
const FEW_HIGH: usize = 64;

fn high(v: i64) -> u32 {
    (v >> 32) as u32
}

fn pack(first: u32, second: u32) -> i64 {
    (i64::from(second) << 32) | i64::from(first)
}

/// Half `which` (0: the first packed, 1: the second) of a slot.
fn part(slot: i64, which: usize) -> u32 {
    if which == 0 {
        slot as u32
    } else {
        high(slot)
    }
}

fn with_part(slot: i64, which: usize, h: u32) -> i64 {
    if which == 0 {
        pack(h, part(slot, 1))
    } else {
        pack(part(slot, 0), h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: a stable counting sort into a new column.
    fn copied(column: &[i64], keys: &[u16], starts: &[usize]) -> Vec<i64> {
        let mut next = starts.to_vec();
        let mut out = vec![0; column.len()];
        for (&v, &k) in column.iter().zip(keys) {
            out[next[usize::from(k)]] = v;
            next[usize::from(k)] += 1;
        }
        out
    }

    #[test]
    fn moves_as_a_copy_would_for_every_length_and_sign() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for n in (0..40).chain([255, 256, 1001, 4096]) {
            for buckets in [1usize, 3, 17] {
                let keys: Vec<u16> = (0..n).map(|_| (next() % buckets as u64) as u16).collect();
                // Values across the whole range (negative, past 32 bits, both halves distinct), or below 2^32 but
                // for one in a hundred (kept aside, not moved by halves).
                let column: Vec<i64> = if buckets == 3 {
                    (0..n).map(|_| if next() % 100 == 0 { next() as i64 >> 8 } else { (next() >> 32) as i64 }).collect()
                } else {
                    (0..n).map(|_| next() as i64 >> (next() % 40)).collect()
                };
                let mut starts = vec![0usize; buckets + 1];
                for &k in &keys {
                    starts[usize::from(k) + 1] += 1;
                }
                for b in 1..starts.len() {
                    starts[b] += starts[b - 1];
                }
                let want = copied(&column, &keys, &starts);
                let mut got = column.clone();
                move_in_halves(&mut got, || super::super::cluster::into_buckets(&keys, &starts));
                assert_eq!(got, want, "n = {n}, buckets = {buckets}");
            }
        }
    }
}
