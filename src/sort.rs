//! One stable sort for the whole crate. The standard library's sorts are generic over the comparison as
//! well as the items, and each of their instantiations adds kilobytes to the page's wasm; this one sorts
//! positions with a comparison behind a reference, so it exists once.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// roundabout::sort::sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = order_by(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: &dyn Fn(&T) -> K) {
    sort_by(items, &|a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the stable order of `cmp`: a bottom-up merge sort over positions.
pub fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut other = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Ties take the left run first: that keeps the sort stable.
                if cmp(order[j], order[i]) == Ordering::Less {
                    other[k] = order[j];
                    j += 1;
                } else {
                    other[k] = order[i];
                    i += 1;
                }
                k += 1;
            }
            other[k..k + mid - i].copy_from_slice(&order[i..mid]);
            k += mid - i;
            other[k..k + end - j].copy_from_slice(&order[j..end]);
            start = end;
        }
        std::mem::swap(&mut order, &mut other);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in [0, 1, 2, 3, 7, 64, 100, 1000, 4097] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    ((x % 17) as u8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v;
            sort_by_key(&mut got, &|p| p.0);
            assert_eq!(got, want, "n = {n}");
        }
    }
}
