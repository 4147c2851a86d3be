//! Tables each already in route order (the pieces of a big file, each sorted as it came in while the next
//! was still being read) merged into one in route order. The rows of a route come piece by piece, so each
//! row is copied once, a run at a time, where sorting the appended pieces would move it twice.

use super::builder::TableBuilder;
use super::cluster::{as_u32, bucket_starts};
use super::table::Table;
use crate::Error;

/// A piece's rows of one route: `start..end` of piece `piece`, whose route in the merged table is
/// `route` (exporter in the high half, importer in the low, so that routes order as numbers).
struct Run {
    route: u32,
    piece: usize,
    start: usize,
    end: usize,
}

/// `pieces`, each in route order ([`TableBuilder::finish`]), as one table in route order with a route's
/// rows in piece order: the table one pass over the pieces' rows would make, dictionaries included (each
/// in order of first appearance; the countries, as a finished table's, by code). Built one column at a
/// time, the pieces' column freed once the merged one is made.
pub fn merge_by_route(mut pieces: Vec<Table>) -> Result<Table, Error> {
    let mut b = TableBuilder::new("combined data");
    let mut codes: Vec<[u8; 3]> = pieces.iter().flat_map(|p| p.countries.iter().copied()).collect();
    crate::sort::sort_by(&mut codes, &|a, b| a.cmp(b));
    codes.dedup();
    let mut maps = Vec::with_capacity(pieces.len());
    for piece in &pieces {
        maps.push(Renumbered::new(&mut b, piece, &codes)?);
    }
    let mut runs = Vec::new();
    for (at, (piece, map)) in pieces.iter().zip(&maps).enumerate() {
        runs_of(piece, at, &map.countries, &mut runs);
    }
    let order = crate::sort::order_by(runs.len(), &|x, y| runs.get(x).map(|r| r.route).cmp(&runs.get(y).map(|r| r.route)));
    let runs: Vec<&Run> = order.iter().filter_map(|&r| runs.get(r)).collect();
    let mut t = b.unsorted();
    t.countries = codes;
    let rows: usize = pieces.iter().map(Table::len).sum();
    t.value_cents = copied(&runs, rows, pieces.iter_mut().map(|p| std::mem::take(&mut p.value_cents)).collect());
    t.quantity = copied(&runs, rows, pieces.iter_mut().map(|p| std::mem::take(&mut p.quantity)).collect());
    let metas: Vec<&[u16]> = maps.iter().map(|m| m.metas.as_slice()).collect();
    t.meta = renumbered(&runs, rows, pieces.iter_mut().map(|p| std::mem::take(&mut p.meta)).collect(), &metas);
    let products: Vec<&[u16]> = maps.iter().map(|m| m.products.as_slice()).collect();
    t.product = renumbered(&runs, rows, pieces.iter_mut().map(|p| std::mem::take(&mut p.product)).collect(), &products);
    t.importer = Vec::with_capacity(rows);
    t.exporter = Vec::with_capacity(rows);
    for run in &runs {
        t.importer.resize(t.importer.len() + (run.end - run.start), run.route as u16);
        t.exporter.resize(t.exporter.len() + (run.end - run.start), (run.route >> 16) as u16);
    }
    let starts = bucket_starts(&t.exporter, t.countries.len());
    // As a finished table: an empty one holds no order.
    if rows > 0 {
        t.exporter_starts = as_u32(&starts);
    }
    Ok(t)
}

/// One piece's dictionary indices as the merged table's.
struct Renumbered {
    countries: Vec<u16>,
    products: Vec<u16>,
    metas: Vec<u16>,
}

impl Renumbered {
    /// Interns `piece`'s products, sources, units and periods into `b` in the piece's order, so that each
    /// dictionary comes out in order of first appearance over all the pieces; its countries are their
    /// places in `codes`.
    fn new(b: &mut TableBuilder, piece: &Table, codes: &[[u8; 3]]) -> Result<Renumbered, Error> {
        let countries = piece.countries.iter().map(|c| codes.binary_search(c).map_or(u16::MAX, |i| i as u16)).collect();
        let products = piece.products.iter().map(|p| b.product(*p)).collect::<Result<Vec<u16>, Error>>()?;
        let sources = piece.sources.iter().map(|s| b.source(s)).collect::<Result<Vec<u16>, Error>>()?;
        let units = piece.units.iter().map(|u| b.unit(u)).collect::<Result<Vec<u16>, Error>>()?;
        let mut metas = Vec::with_capacity(piece.metas.len());
        for m in &piece.metas {
            let at = |v: &[u16], i: u16| v.get(usize::from(i)).copied().unwrap_or_default();
            metas.push(b.flow_meta(m.year, m.month, m.side, m.re, at(&sources, m.source), at(&units, m.unit))?);
        }
        Ok(Renumbered { countries, products, metas })
    }
}

/// Appends the runs of `piece` (number `at`), one a route, their routes renumbered by `countries`.
fn runs_of(piece: &Table, at: usize, countries: &[u16], runs: &mut Vec<Run>) {
    let renumber = |c: u16| u32::from(countries.get(usize::from(c)).copied().unwrap_or(c));
    let mut start = 0;
    for row in 1..=piece.len() {
        let route = |r: usize| (piece.exporter.get(r), piece.importer.get(r));
        if row < piece.len() && route(row) == route(start) {
            continue;
        }
        let (e, i) = route(start);
        let route = (renumber(e.copied().unwrap_or(0)) << 16) | renumber(i.copied().unwrap_or(0));
        runs.push(Run { route, piece: at, start, end: row });
        start = row;
    }
}

/// One column of the merged table: each run's rows of its piece's column, in run order.
fn copied<T: Copy>(runs: &[&Run], rows: usize, columns: Vec<Vec<T>>) -> Vec<T> {
    let mut out = Vec::with_capacity(rows);
    for run in runs {
        out.extend_from_slice(columns.get(run.piece).and_then(|c| c.get(run.start..run.end)).unwrap_or_default());
    }
    out
}

/// [`copied`] for a column of dictionary indices, each renumbered by its piece's `maps`.
fn renumbered(runs: &[&Run], rows: usize, columns: Vec<Vec<u16>>, maps: &[&[u16]]) -> Vec<u16> {
    let mut out = Vec::with_capacity(rows);
    for run in runs {
        let (Some(column), Some(map)) = (columns.get(run.piece), maps.get(run.piece)) else { continue };
        let values = column.get(run.start..run.end).unwrap_or_default();
        out.extend(values.iter().map(|&v| map.get(usize::from(v)).copied().unwrap_or(v)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hs::HsCode;
    use crate::store::Side;

    fn piece(rows: &[(&str, &str, &str, u16, i64)]) -> Result<Table, Error> {
        let mut b = TableBuilder::new("p");
        for &(e, i, p, year, v) in rows {
            let s = b.source(if year % 2 == 0 { "even" } else { "odd" })?;
            let u = b.unit("t")?;
            let m = b.meta(year, 0, Side::Reconciled, s, u)?;
            let (e, i) = (b.country(e.as_bytes())?.unwrap_or(0), b.country(i.as_bytes())?.unwrap_or(0));
            let p = b.product(HsCode::parse(p.as_bytes()).unwrap_or(HsCode::TOTAL))?;
            b.push(m, e, i, p, v, v as f64 / 2.0);
        }
        Ok(b.finish())
    }

    #[test]
    fn sorted_pieces_merge_into_the_table_one_sort_of_them_all_makes() -> Result<(), Error> {
        let rows = [
            ("KAZ", "RUS", "8806", 2023, 1),
            ("CHN", "KAZ", "8542", 2022, 2),
            ("KAZ", "RUS", "8542", 2023, 3),
            ("CHN", "KAZ", "8806", 2023, 4),
            ("ARM", "RUS", "8471", 2021, 5),
            ("KAZ", "RUS", "8806", 2023, 6),
            ("CHN", "KAZ", "8542", 2022, 7),
            ("KGZ", "RUS", "8806", 2023, 8),
            ("CHN", "KAZ", "9013", 2023, 9),
            ("ARM", "GEO", "8471", 2021, 10),
            ("KAZ", "RUS", "8806", 2022, 11),
        ];
        let pieces = [piece(&rows[..4])?, piece(&rows[4..7])?, piece(&[])?, piece(&rows[7..])?];
        // The table one pass over every row makes: its dictionaries in order of first appearance.
        let want = piece(&rows)?;
        let got = merge_by_route(pieces.to_vec())?;
        assert_eq!(format!("{got:?}"), format!("{want:?}"));
        let routes: Vec<String> = got.records().map(|r| format!("{}>{} {}", r.exporter, r.importer, r.value_cents)).collect();
        assert_eq!(routes, ["ARM>GEO 10", "ARM>RUS 5", "CHN>KAZ 2", "CHN>KAZ 4", "CHN>KAZ 7", "CHN>KAZ 9", "KAZ>RUS 1", "KAZ>RUS 3", "KAZ>RUS 6", "KAZ>RUS 11", "KGZ>RUS 8"]);
        assert_eq!(format!("{:?}", merge_by_route(Vec::new())?), format!("{:?}", TableBuilder::new("combined data").finish()));
        Ok(())
    }
}
