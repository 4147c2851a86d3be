use super::table::Table;

/// Orders the country dictionary by code, then the rows by exporter and importer (keeping the file's order
/// within a route), and records where each exporter's rows start. The order depends on the rows alone, so a
/// table written out and read back comes back in the same order. A query on a few routes then reads only their rows:
/// China → Kazakhstan is some 30,000 of 5 million rows in a BACI-like table.
///
/// Rows that come route by route (a file sorted by exporter and importer, or grouped by reporter and
/// partner) are moved a run at a time, each column copied once: in the worker's module only, as the page's
/// reads small cuts. Otherwise, a stable counting sort by exporter, which moves the columns one at a time,
/// reading in order and writing to one stream per country (a gather in sorted order would miss the cache on
/// every row); then each exporter's rows, a stretch the cache holds, sorted by importer in place. No column
/// of destinations is kept: each column's move counts them afresh from the key, so that the sort needs room
/// for one 4-byte column beside the table.
pub(super) fn cluster(t: &mut Table) {
    let countries = t.countries.len();
    if t.is_empty() || u32::try_from(t.len()).is_err() {
        return;
    }
    let order = crate::sort::order_by(countries, &|a, b| t.countries.get(a).cmp(&t.countries.get(b)));
    let mut renumber = vec![0u16; countries];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = renumber.get_mut(old) {
            *slot = new as u16;
        }
    }
    t.countries = order.iter().filter_map(|&c| t.countries.get(c).copied()).collect();
    for c in t.exporter.iter_mut().chain(t.importer.iter_mut()) {
        *c = renumber.get(usize::from(*c)).copied().unwrap_or(*c);
    }
    #[cfg(feature = "worker")]
    if let Some(runs) = route_runs(&t.exporter, &t.importer) {
        return move_runs(t, runs);
    }
    let exporters = std::mem::take(&mut t.exporter);
    let starts = bucket_starts(&exporters, countries);
    move_rows(t, &exporters, &starts);
    t.importer = scattered(&t.importer, &exporters, &starts);
    t.exporter = sorted_keys(&starts);
    drop(exporters);
    by_importer_within(t, &starts, countries);
    t.exporter_starts = as_u32(&starts);
}

/// Each exporter's rows (`starts`, as [`bucket_starts`] gives them) sorted stably by importer, in place:
/// each column's stretch scattered into a scratch column as long as the longest stretch, and copied back.
/// A stretch is some 20,000 rows of a 5M-row BACI year, where a sort of the whole table by importer wrote
/// all over it.
fn by_importer_within(t: &mut Table, starts: &[usize], countries: usize) {
    let longest = starts.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
    let (mut cents, mut quantity, mut codes) = (vec![0i64; longest], vec![0f32; longest], vec![0u16; longest]);
    let mut within = vec![0usize; countries + 1];
    for w in starts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(keys) = t.importer.get(a..b) else { continue };
        if keys.windows(2).all(|k| k[0] <= k[1]) {
            continue;
        }
        within.fill(0);
        for &k in keys {
            if let Some(c) = within.get_mut(usize::from(k) + 1) {
                *c += 1;
            }
        }
        for c in 1..within.len() {
            within[c] += within[c - 1];
        }
        permute(t.value_cents.get_mut(a..b).unwrap_or_default(), keys, &within, &mut cents);
        permute(t.quantity.get_mut(a..b).unwrap_or_default(), keys, &within, &mut quantity);
        permute(t.meta.get_mut(a..b).unwrap_or_default(), keys, &within, &mut codes);
        permute(t.product.get_mut(a..b).unwrap_or_default(), keys, &within, &mut codes);
        if let Some(keys) = t.importer.get_mut(a..b) {
            for (k, pair) in within.windows(2).enumerate() {
                keys.get_mut(pair[0]..pair[1]).unwrap_or_default().fill(k as u16);
            }
        }
    }
}

/// `column` reordered stably by `keys` (bucket starts `starts`) through `scratch`.
fn permute<T: Copy>(column: &mut [T], keys: &[u16], starts: &[usize], scratch: &mut [T]) {
    for (&v, at) in column.iter().zip(into_buckets(keys, starts)) {
        if let Some(slot) = scratch.get_mut(at) {
            *slot = v;
        }
    }
    if let Some(sorted) = scratch.get(..column.len()) {
        column.copy_from_slice(sorted);
    }
}

/// A stretch of rows of one route, `start..end`.
#[cfg(feature = "worker")]
struct Run {
    start: usize,
    end: usize,
    exporter: u16,
    importer: u16,
}

/// Runs of at least this many rows on average are moved run by run. Shorter ones gain nothing: 5M rows in
/// runs of 19 on average loaded no quicker than by the counting sorts, with 18 MB more at the peak.
#[cfg(feature = "worker")]
const ROWS_PER_RUN: usize = 64;

/// The rows' runs of one route each, when they are long enough to move run by run.
#[cfg(feature = "worker")]
fn route_runs(exporters: &[u16], importers: &[u16]) -> Option<Vec<Run>> {
    let most = exporters.len() / ROWS_PER_RUN;
    let mut runs: Vec<Run> = Vec::new();
    for (row, (&exporter, &importer)) in exporters.iter().zip(importers).enumerate() {
        if let Some(run) = runs.last_mut().filter(|r| r.exporter == exporter && r.importer == importer) {
            run.end = row + 1;
        } else if runs.len() == most {
            return None;
        } else {
            runs.push(Run { start: row, end: row + 1, exporter, importer });
        }
    }
    Some(runs)
}

/// The rows in route order, moved run by run: the runs ordered stably by route, then each column copied
/// once in that order, one column at a time; the cents in halves, as the counting sorts move them, so that
/// the peak stays one 4-byte column beside the table.
#[cfg(feature = "worker")]
fn move_runs(t: &mut Table, runs: Vec<Run>) {
    let route = |r: usize| runs.get(r).map(|r| (r.exporter, r.importer));
    let order = crate::sort::order_by(runs.len(), &|a, b| route(a).cmp(&route(b)));
    // Where each run starts once moved, by the runs' file order.
    let mut placed = vec![0usize; runs.len()];
    let mut at = 0;
    for &r in &order {
        if let (Some(slot), Some(run)) = (placed.get_mut(r), runs.get(r)) {
            *slot = at;
            at += run.end - run.start;
        }
    }
    super::halves::move_in_halves(&mut t.value_cents, || {
        runs.iter().zip(&placed).flat_map(|(run, &to)| to..to + (run.end - run.start))
    });
    let ordered = || order.iter().filter_map(|&r| runs.get(r).map(|r| r.start..r.end));
    t.quantity = in_runs(&t.quantity, ordered());
    t.meta = in_runs(&t.meta, ordered());
    t.product = in_runs(&t.product, ordered());
    t.importer = in_runs(&t.importer, ordered());
    let starts = bucket_starts(&t.exporter, t.countries.len());
    t.exporter = sorted_keys(&starts);
    t.exporter_starts = as_u32(&starts);
}

/// `column`'s `runs` laid end to end.
#[cfg(feature = "worker")]
fn in_runs<T: Copy>(column: &[T], runs: impl Iterator<Item = std::ops::Range<usize>>) -> Vec<T> {
    let mut moved = Vec::with_capacity(column.len());
    for run in runs {
        moved.extend_from_slice(column.get(run).unwrap_or_default());
    }
    moved
}

/// Bucket starts as the table keeps them.
pub(super) fn as_u32(starts: &[usize]) -> Vec<u32> {
    starts.iter().map(|&s| s as u32).collect()
}

/// Where each key's rows start once sorted by `keys`, and (last) the number of rows.
pub(super) fn bucket_starts(keys: &[u16], buckets: usize) -> Vec<usize> {
    let mut starts = vec![0usize; buckets + 1];
    for &k in keys {
        if let Some(c) = starts.get_mut(usize::from(k) + 1) {
            *c += 1;
        }
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    starts
}

/// The key column itself, sorted: each key repeated as many times as it has rows.
fn sorted_keys(starts: &[usize]) -> Vec<u16> {
    let mut keys = Vec::with_capacity(starts.last().copied().unwrap_or(0));
    for (k, pair) in starts.windows(2).enumerate() {
        keys.resize(pair[1], k as u16);
    }
    keys
}

/// The cents first, in place with room for half the column ([`super::halves`]); the quantities then take
/// the room that half leaves, and the two 2-byte columns, both made before either old one is freed, the
/// quantities' old room. Their old rooms, with the keys' once the exporters and importers are moved, leave
/// room for the next pass's half column. In this order the wasm memory grows least (bench/memory.mjs).
fn move_rows(t: &mut Table, keys: &[u16], starts: &[usize]) {
    super::halves::move_in_halves(&mut t.value_cents, || into_buckets(keys, starts));
    t.quantity = scattered(&t.quantity, keys, starts);
    let (meta, product) = (scattered(&t.meta, keys, starts), scattered(&t.product, keys, starts));
    t.meta = meta;
    t.product = product;
}

/// Each row's place once sorted stably by `keys`, in row order: the next free slot of its key's bucket.
pub(super) fn into_buckets<'a>(keys: &'a [u16], starts: &[usize]) -> impl Iterator<Item = usize> + 'a {
    let mut next = starts.to_vec();
    keys.iter().map(move |&k| {
        next.get_mut(usize::from(k)).map_or(usize::MAX, |at| {
            *at += 1;
            *at - 1
        })
    })
}

/// `column` sorted stably by `keys`.
fn scattered<T: Copy + Default>(column: &[T], keys: &[u16], starts: &[usize]) -> Vec<T> {
    let mut moved = vec![T::default(); column.len()];
    for (&v, at) in column.iter().zip(into_buckets(keys, starts)) {
        if let Some(slot) = moved.get_mut(at) {
            *slot = v;
        }
    }
    moved
}

impl Table {
    /// True when the rows are ordered by exporter and importer, as [`cluster`] leaves them.
    pub(crate) fn clustered(&self) -> bool {
        self.exporter_starts.len() == self.countries.len() + 1
    }

    /// The row ranges that can hold routes from the exporters flagged in `exporters` to the importers
    /// flagged in `importers`, in row order; the whole table when it is not clustered or every exporter
    /// is wanted.
    pub(crate) fn route_ranges(&self, exporters: &[bool], importers: &[bool]) -> Vec<(usize, usize)> {
        let starts = &self.exporter_starts;
        if !self.clustered() || exporters.iter().all(|k| *k) {
            return vec![(0, self.len())];
        }
        let every_importer = importers.iter().all(|k| *k);
        let wanted: Vec<u16> = (0..importers.len()).filter(|c| importers[*c]).map(|c| c as u16).collect();
        let mut ranges = Vec::new();
        for (e, _) in exporters.iter().enumerate().filter(|(_, k)| **k) {
            let (Some(&a), Some(&b)) = (starts.get(e), starts.get(e + 1)) else { continue };
            let (a, b) = (a as usize, b as usize);
            if every_importer || wanted.len() > 16 {
                ranges.push((a, b));
                continue;
            }
            // Within an exporter the rows are sorted by importer: each wanted importer is one run.
            let Some(run) = self.importer.get(a..b) else { continue };
            for &i in &wanted {
                let lo = run.partition_point(|x| *x < i);
                let hi = run.partition_point(|x| *x <= i);
                if lo < hi {
                    ranges.push((a + lo, a + hi));
                }
            }
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use crate::hs::HsCode;
    use crate::store::{Side, TableBuilder};

    #[test]
    fn rows_are_grouped_by_route_keeping_file_order_and_ranges_find_them() -> Result<(), crate::Error> {
        let mut b = TableBuilder::new("t");
        let codes = ["KAZ", "CHN", "RUS", "KGZ"];
        let ids: Vec<u16> = codes.iter().map(|c| b.country(c.as_bytes()).ok().flatten().unwrap_or(0)).collect();
        let p = b.product(HsCode::TOTAL)?;
        let s = b.source("s")?;
        let m = b.meta(2023, 0, Side::Exporter, s, 0)?;
        // (exporter, importer, cents): the cents say the file order.
        let rows = [(1, 0, 1), (0, 2, 2), (1, 3, 3), (1, 0, 4), (3, 2, 5), (0, 2, 6)];
        for (e, i, v) in rows {
            b.push(m, ids[e], ids[i], p, v, f64::NAN);
        }
        let t = b.finish();
        let got: Vec<(&str, &str, i64)> = t.records().map(|r| (r.exporter, r.importer, r.value_cents)).collect();
        let want = [("CHN", "KAZ", 1), ("CHN", "KAZ", 4), ("CHN", "KGZ", 3), ("KAZ", "RUS", 2), ("KAZ", "RUS", 6), ("KGZ", "RUS", 5)];
        assert_eq!(got, want);
        assert_eq!(t.countries().collect::<Vec<_>>(), ["CHN", "KAZ", "KGZ", "RUS"]);
        // Flags by the sorted dictionary: CHN 0, KAZ 1, KGZ 2, RUS 3.
        let flags = |on: &[usize]| (0..4).map(|c| on.contains(&c)).collect::<Vec<bool>>();
        assert_eq!(t.route_ranges(&flags(&[0]), &flags(&[1, 2])), [(0, 2), (2, 3)]);
        assert_eq!(t.route_ranges(&flags(&[0, 2]), &flags(&[0, 1, 2, 3])), [(0, 3), (5, 6)]);
        assert_eq!(t.route_ranges(&flags(&[1]), &flags(&[2])), []);
        assert_eq!(t.route_ranges(&flags(&[0, 1, 2, 3]), &flags(&[3])), [(0, 6)]);
        Ok(())
    }

    /// The sort gives what a stable sort of the rows by exporter and importer code gives, with few
    /// countries and with more than a byte's worth.
    #[test]
    fn rows_sort_as_a_stable_sort_by_route() -> Result<(), crate::Error> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for (countries, longest_run) in [(7, 1), (300, 1), (7, 200), (300, 200)] {
            let mut b = TableBuilder::new("t");
            let code = |c: usize| [b'A' + (c / 676) as u8, b'A' + (c / 26 % 26) as u8, b'A' + (c % 26) as u8];
            let p = b.product(HsCode::TOTAL)?;
            let s = b.source("s")?;
            let m = b.meta(2023, 0, Side::Exporter, s, 0)?;
            let mut want = Vec::new();
            // Every country once, in a scrambled order, then rows among them.
            for c in (0..countries).map(|c| c * 7919 % countries) {
                b.country(&code(c))?;
            }
            // Routes in runs of 1 to `longest_run` rows; a route may come back in a later run.
            let (mut e, mut i, mut left) = (0, 0, 0);
            let (mut exporters, mut importers) = (Vec::new(), Vec::new());
            for v in 0..5_000i64 {
                if left == 0 {
                    (e, i) = ((next() as usize) % countries, (next() as usize) % countries);
                    left = 1 + (next() as usize) % longest_run;
                }
                left -= 1;
                let (Some(ei), Some(ii)) = (b.country(&code(e))?, b.country(&code(i))?) else { continue };
                b.push(m, ei, ii, p, v << 33 | v, v as f64);
                want.push((code(e), code(i), v << 33 | v));
                exporters.push(ei);
                importers.push(ii);
            }
            want.sort_by_key(|r| (r.0, r.1));
            let in_runs = super::route_runs(&exporters, &importers).is_some();
            assert_eq!(in_runs, longest_run > 1, "{countries} countries, runs up to {longest_run}: moved run by run");
            let t = b.finish();
            let got: Vec<([u8; 3], [u8; 3], i64)> = t
                .records()
                .map(|r| {
                    let c = |s: &str| [s.as_bytes()[0], s.as_bytes()[1], s.as_bytes()[2]];
                    (c(r.exporter), c(r.importer), r.value_cents)
                })
                .collect();
            assert_eq!(got, want, "{countries} countries, runs up to {longest_run}");
            assert!(t.records().all(|r| r.quantity == Some((r.value_cents & 0xFFFF) as f64)));
            assert_eq!(t.exporter_starts.len(), countries + 1);
            for (e, pair) in t.exporter_starts.windows(2).enumerate() {
                assert!(t.exporter[pair[0] as usize..pair[1] as usize].iter().all(|&x| usize::from(x) == e));
            }
        }
        Ok(())
    }
}
