/// Sorts `pairs` by the `bits` bits above the low 32 (a packed key over a row index), least significant
/// byte first: a stable radix sort, linear in the rows, where a hash map of millions of groups would miss the
/// cache on every row.
pub fn sort_high(pairs: &mut Vec<u64>, bits: u32) {
    let mut other = vec![0u64; pairs.len()];
    let mut shift = 32;
    while shift < 32 + bits {
        let mut counts = [0usize; 256];
        for &p in pairs.iter() {
            counts[((p >> shift) & 0xff) as usize] += 1;
        }
        if counts.contains(&pairs.len()) {
            // Every row has the same byte here: nothing to move.
            shift += 8;
            continue;
        }
        let mut start = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = start;
            start += n;
        }
        for &p in pairs.iter() {
            let b = ((p >> shift) & 0xff) as usize;
            if let Some(slot) = other.get_mut(counts[b]) {
                *slot = p;
            }
            counts[b] += 1;
        }
        std::mem::swap(pairs, &mut other);
        shift += 8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_high_bits_and_keeps_row_order_within_a_key() {
        let mut x: u64 = 88172645463325252;
        let mut pairs: Vec<u64> = (0..5_000u64)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x % 3_000) << 32) | i
            })
            .collect();
        let mut want = pairs.clone();
        want.sort_by_key(|p| (p >> 32, p & 0xffff_ffff));
        sort_high(&mut pairs, 12);
        assert_eq!(pairs, want);
    }
}
