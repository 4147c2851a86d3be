use super::dense::KeptRows;
use super::summing::{add_row, column, Acc, Parts};
use crate::store::Table;

/// Sums a route holds at most: 4,096 of 32 bytes stay in the processor's second-level cache.
const LOCAL: usize = 1 << 12;

/// Sums per group, by route (unsorted), for keys that hold both the exporter and the importer (`parts`
/// has shares for both). The table's rows are clustered by route, so every group's rows are one route's,
/// and within a route the groups differ only by the shares of the rows' period and product: these index
/// a small dense array, emptied at each route's end. One pass over the kept `rows`, with no hashing and
/// no scatter; each group is summed in row order, as [`super::group::run`]'s other ways sum it. `None` when
/// the table is not clustered or a route could hold more than [`LOCAL`] groups.
pub(super) fn sum_by_route(
    table: &Table,
    rows: &impl KeptRows,
    parts: &Parts<u32>,
) -> Option<Vec<(u32, Acc)>> {
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
    let mut out: Vec<(u32, Acc)> = Vec::new();
    // Moves a route's groups to `out`, keyed by the route's shares and their own.
    let mut flush = |route: Option<(u16, u16)>, sums: &mut [Acc], touched: &mut Vec<usize>| {
        let Some((e, im)) = route else { return };
        let share = |v: &[u32], i: u16| v.get(usize::from(i)).copied().unwrap_or_default();
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
    let mut route = None;
    let mut visit = |e: u16, im: u16, m: u16, p: u16, cents: i64, q: f32| {
        if route != Some((e, im)) {
            flush(route, &mut sums, &mut touched);
            route = Some((e, im));
        }
        let local = usize::from(meta_at.get(usize::from(m)).copied().unwrap_or(0)) * width
            + usize::from(product_at.get(usize::from(p)).copied().unwrap_or(0));
        if let Some(s) = sums.get_mut(local) {
            if s.rows == 0 {
                touched.push(local);
            }
            add_row(s, cents, q);
        }
    };
    match rows.whole() {
        // Every row of the ranges kept (a cut of every pair): the columns read straight, no call per row.
        Some(ranges) => {
            for (a, b) in ranges {
                let codes = column(&table.exporter, a, b).zip(column(&table.importer, a, b));
                let keys = column(&table.meta, a, b).zip(column(&table.product, a, b));
                let values = table.value_cents.get(a..b).unwrap_or_default().iter().zip(table.quantity.get(a..b).unwrap_or_default());
                for (((&e, &im), (&m, &p)), (&cents, &q)) in codes.zip(keys).zip(values) {
                    visit(e, im, m, p, cents, q);
                }
            }
        }
        None => {
            let at = |column: &[u16], i: usize| column.get(i).copied().unwrap_or(0);
            rows.each(&mut |i, _| {
                let (cents, q) = (table.value_cents.get(i).copied().unwrap_or(0), table.quantity.get(i).copied().unwrap_or(f32::NAN));
                visit(at(&table.exporter, i), at(&table.importer, i), at(&table.meta, i), at(&table.product, i), cents, q);
            });
        }
    }
    flush(route, &mut sums, &mut touched);
    Some(out)
}

/// Each dictionary entry's place among the distinct shares of `parts`, and those shares in order; one
/// share of nothing when no key reads the column.
fn local(parts: &[u32], entries: usize) -> (Vec<u16>, Vec<u32>) {
    if parts.is_empty() {
        return (vec![0; entries], vec![0]);
    }
    // The crate's one sort, rather than a sort of u32 of its own in the wasm.
    let order = crate::sort::order_by(parts.len(), &|a, b| parts.get(a).cmp(&parts.get(b)));
    let (mut at, mut keys) = (vec![0u16; parts.len()], Vec::new());
    for i in order {
        let (Some(&share), Some(slot)) = (parts.get(i), at.get_mut(i)) else {
            continue;
        };
        if keys.last() != Some(&share) {
            keys.push(share);
        }
        // A dictionary holds at most 2^16 entries, so its distinct shares fit a u16.
        *slot = (keys.len() - 1) as u16;
    }
    (at, keys)
}
