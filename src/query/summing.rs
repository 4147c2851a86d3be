use crate::store::Table;

/// Each dictionary entry's share of a row's group key, per column; a row's key ORs its four shares. Empty
/// for a column no key reads.
pub(super) struct Parts<K> {
    pub(super) meta: Vec<K>,
    pub(super) product: Vec<K>,
    pub(super) exporter: Vec<K>,
    pub(super) importer: Vec<K>,
}

/// A group's running sums.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Acc {
    /// Wider than a row's cents, so many large rows cannot overflow; [`super::group::run`] checks the
    /// result fits.
    pub(super) cents: i128,
    pub(super) quantity: f64,
    pub(super) rows: u64,
}

/// Row `i`'s value, quantity and count added to a group.
#[inline]
pub(super) fn add(acc: &mut Acc, table: &Table, i: usize) {
    add_row(acc, table.value_cents.get(i).copied().unwrap_or(0), table.quantity.get(i).copied().unwrap_or(f32::NAN));
}

/// A row's `cents` and quantity `q` (NaN: none) and its count added to a group.
#[inline]
pub(super) fn add_row(acc: &mut Acc, cents: i64, q: f32) {
    acc.cents += i128::from(cents);
    if !q.is_nan() {
        acc.quantity += f64::from(q);
    }
    acc.rows += 1;
}

/// Rows `a..b` of a 2-byte column.
pub(super) fn column(c: &[u16], a: usize, b: usize) -> std::slice::Iter<'_, u16> {
    c.get(a..b).unwrap_or_default().iter()
}
