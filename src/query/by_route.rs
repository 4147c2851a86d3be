use super::filter::Compiled;
use super::group::{add, column, Acc, Parts};
use crate::store::Table;

/// Sums a route holds at most: 4,096 of 32 bytes stay in the processor's second-level cache.
const LOCAL: usize = 1 << 12;

/// Sums per group, sorted by packed key, for keys that hold both the exporter and the importer (`parts`
/// has shares for both). The table's rows are clustered by route, so every group's rows are one route's,
/// and within a route the groups differ only by the shares of the rows' period and product: these index
/// a small dense array, emptied at each route's end. One pass in row order, with no hashing and no
/// scatter; each group is summed in row order, as [`super::group::run`]'s other ways sum it. `None` when
/// the table is not clustered or a route could hold more than [`LOCAL`] groups.
pub(super) fn sum_by_route(
    table: &Table,
    filter: &Compiled,
    parts: &Parts<u128>,
) -> Option<Vec<(u128, Acc)>> {
    if !table.clustered() || parts.exporter.is_empty() || parts.importer.is_empty() {
        return None;
    }
    let (meta_at, meta_keys) = local(&parts.meta, table.metas.len());
    let (product_at, product_keys) = local(&parts.product, table.products.len());
    let width = product_keys.len();
    if meta_keys.len() * width > LOCAL {
        return None;
    }
    let mut sums = vec![Acc::default(); meta_keys.len() * width];
    let mut touched: Vec<usize> = Vec::new();
    let mut out: Vec<(u128, Acc)> = Vec::new();
    // Moves a route's groups to `out`, keyed by the route's shares and their own.
    let mut flush = |route: Option<(u16, u16)>, sums: &mut [Acc], touched: &mut Vec<usize>| {
        let Some((e, im)) = route else { return };
        let share = |v: &[u128], i: u16| v.get(usize::from(i)).copied().unwrap_or_default();
        let base = share(&parts.exporter, e) | share(&parts.importer, im);
        for &at in touched.iter() {
            let key = base
                | meta_keys.get(at / width).copied().unwrap_or_default()
                | product_keys.get(at % width).copied().unwrap_or_default();
            if let Some(s) = sums.get_mut(at) {
                out.push((key, std::mem::take(s)));
            }
        }
        touched.clear();
    };
    let flag = |v: &[bool], i: u16| v.get(usize::from(i)).copied().unwrap_or(false);
    let all = filter.keeps_all();
    let mut route = None;
    for (a, b) in table.route_ranges(&filter.exporter, &filter.importer) {
        let rows = column(&table.meta, a, b)
            .zip(column(&table.product, a, b))
            .zip(column(&table.exporter, a, b).zip(column(&table.importer, a, b)));
        for (i, ((&m, &p), (&e, &im))) in rows.enumerate() {
            if !all
                && !(flag(&filter.meta, m)
                    & flag(&filter.product, p)
                    & flag(&filter.exporter, e)
                    & flag(&filter.importer, im)
                    & filter.counts(a + i))
            {
                continue;
            }
            if route != Some((e, im)) {
                flush(route, &mut sums, &mut touched);
                route = Some((e, im));
            }
            let at = usize::from(meta_at.get(usize::from(m)).copied().unwrap_or(0)) * width
                + usize::from(product_at.get(usize::from(p)).copied().unwrap_or(0));
            if let Some(s) = sums.get_mut(at) {
                if s.rows == 0 {
                    touched.push(at);
                }
                add(s, table, a + i);
            }
        }
    }
    flush(route, &mut sums, &mut touched);
    out.sort_unstable_by_key(|(k, _)| *k);
    Some(out)
}

/// Each dictionary entry's place among the distinct shares of `parts`, and those shares in order; one
/// share of nothing when no key reads the column.
fn local(parts: &[u128], entries: usize) -> (Vec<u16>, Vec<u128>) {
    if parts.is_empty() {
        return (vec![0; entries], vec![0]);
    }
    let mut keys = parts.to_vec();
    keys.sort_unstable();
    keys.dedup();
    // A dictionary holds at most 2^16 entries, so its distinct shares fit a u16.
    let at = parts
        .iter()
        .map(|k| keys.binary_search(k).unwrap_or(0) as u16)
        .collect();
    (at, keys)
}
