//! Counting each value once. Trade files hold aggregates beside their detail: a `TOTAL` row beside the
//! chapters it sums, chapters beside their headings and subheadings, a row to the World (`W00`) beside the
//! rows to each partner. Adding them up counts a value twice, so a query keeps, for each reporting period,
//! exporter and importer (a *cell*), the rows of one product level only, and of the World or the partners:
//!
//! 1. **Product level.** Levels run `TOTAL`, the product groups' tokens, 2, 4 and 6 digits. A query that
//!    groups by HS level N (`hs2`, `hs4`, `hs6`) reads, in each cell, the coarsest level of N digits or more
//!    among the rows it keeps: the rows at N, or the finer rows where N is absent, never both. Any other
//!    query reads the coarsest level the cell has: all goods are the `TOTAL` row where there is one, else
//!    the sum of one level. A cell with nothing as fine as N keeps its finest rows, under their own code
//!    (`TOTAL` under `hs2`), so that no value is lost and none is taken for a chapter.
//! 2. **World.** A query that groups by the partner, or names partners, reads the partners and leaves the
//!    World out unless it names `W00`. A query that sums over the partners reads, per period and reporter,
//!    the World row where there is one, else the sum of the partners; where the World's rows are not as
//!    fine as the question needs (the World's `TOTAL` under `hs2`) and the partners' are, the partners'.
//!
//! Re-exports, re-imports and a country's trade with itself are kept apart by flow (see
//! [`crate::store::Flow`]); areas such as `S19` or `_X` are partners like any country.

use rustc_hash::{FxHashMap, FxHashSet};

use super::key::Key;
use super::spec::Query;
use crate::hs::HsCode;
use crate::store::Table;
use crate::Error;

/// The World's code in every format.
pub const WORLD: &str = "W00";

/// A product's level, coarse to fine: `TOTAL` 0, a group's token 1, then 2, 4 and 6 digits as 2, 3, 4.
pub fn level(code: HsCode) -> u8 {
    match code.digits() {
        0 if code.is_total() => 0,
        0 => 1,
        d => d / 2 + 1,
    }
}

/// The finest level a query's group keys need: 0 unless it groups by `hs2`, `hs4` or `hs6`.
pub fn needed_level(q: &Query) -> u8 {
    q.group_by
        .iter()
        .map(|k| match k {
            Key::Hs2 => 2,
            Key::Hs4 => 3,
            Key::Hs6 => 4,
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// True when `table` holds aggregates beside detail: several product levels, or the World.
pub fn aggregates(table: &Table) -> bool {
    let mut levels = table.products.iter().map(|p| level(*p));
    let first = levels.next();
    levels.any(|l| Some(l) != first) || table.countries().any(|c| c == WORLD)
}

/// Per row of `table`, whether `query` counts it, given `kept` (whether the row passes the filters); `None`
/// when every kept row counts (one product level and no World rows, the usual case, which costs nothing).
/// An error where the file gives no answer that counts each value once ([`unsplit`]).
pub fn counted(table: &Table, query: &Query, kept: impl Fn(usize) -> bool) -> Result<Option<Vec<bool>>, Error> {
    // The page's own module reads only the story and the worker's cuts, which are counted once already (one
    // level per route, no World): it leaves this out and stays within its weight budget.
    if cfg!(all(feature = "page", not(feature = "worker"))) || !aggregates(table) {
        return Ok(None);
    }
    let levels: Vec<u8> = table.products.iter().map(|p| level(*p)).collect();
    let world = table.countries().position(|c| c == WORLD).map(|w| w as u16);
    let need = needed_level(query);
    let row_level = |i: usize| table.product.get(i).and_then(|p| levels.get(usize::from(*p))).copied().unwrap_or(0);
    let period = periods(table);
    let cell = |i: usize| {
        let at = |c: &Vec<u16>| u64::from(c.get(i).copied().unwrap_or(0));
        let p = table.meta.get(i).and_then(|m| period.get(usize::from(*m))).copied().unwrap_or(0);
        u64::from(p) << 32 | at(&table.exporter) << 16 | at(&table.importer)
    };
    // Per cell: the coarsest level at `need` or finer, and the finest coarser one.
    let mut cells: FxHashMap<u64, (u8, u8)> = FxHashMap::default();
    let mut rows: Vec<bool> = (0..table.len()).map(&kept).collect();
    for i in (0..table.len()).filter(|i| rows[*i]) {
        let l = row_level(i);
        let e = cells.entry(cell(i)).or_insert((u8::MAX, 0));
        if l >= need {
            e.0 = e.0.min(l);
        } else {
            e.1 = e.1.max(l);
        }
    }
    let chosen = |e: &(u8, u8)| if e.0 != u8::MAX { e.0 } else { e.1 };
    unsplit(table, need, &rows, &|i| cells.get(&cell(i)).map(chosen), &cell, &row_level)?;
    for (i, r) in rows.iter_mut().enumerate().filter(|(_, r)| **r) {
        *r = cells.get(&cell(i)).is_some_and(|e| chosen(e) == row_level(i));
    }
    if let Some(w) = world {
        let fine = |i: usize| cells.get(&cell(i)).is_some_and(|e| e.0 != u8::MAX);
        for importer_side in [true, false] {
            resolve_world(table, query, (w, importer_side), &period, &mut rows, &fine);
        }
    }
    Ok(Some(rows))
}

/// Refuses a group-by finer than chapters (`hs4`, `hs6`) where a cell reads a finer level than some chapter
/// or heading it holds, with nothing at that level inside it (chapter 27 beside 8542 and no heading of
/// 27): leaving the chapter out loses its value, and keeping it mixes levels, so there is no answer, only
/// the reason. A chapter only partly broken down (85 beside 8542 alone) is read as its headings, as the
/// reporter's detail.
fn unsplit(
    table: &Table,
    need: u8,
    rows: &[bool],
    chosen: &dyn Fn(usize) -> Option<u8>,
    cell: &dyn Fn(usize) -> u64,
    row_level: &dyn Fn(usize) -> u8,
) -> Result<(), Error> {
    if need < 3 {
        return Ok(());
    }
    let code = |i: usize| table.product.get(i).and_then(|p| table.products.get(usize::from(*p))).copied();
    // Per cell, the chapters and headings that the read level breaks down.
    let mut inside: FxHashSet<(u64, HsCode)> = FxHashSet::default();
    for i in (0..rows.len()).filter(|i| rows[*i] && chosen(*i) == Some(row_level(*i))) {
        if let Some(c) = code(i) {
            for digits in (2..c.digits()).step_by(2) {
                inside.insert((cell(i), c.truncate(digits)));
            }
        }
    }
    let broken = (0..rows.len()).find_map(|i| {
        let l = row_level(i);
        let read = chosen(i).filter(|c| rows[i] && l >= 2 && *c > l)?;
        code(i).filter(|c| !inside.contains(&(cell(i), *c)))?;
        Some((table.record(i)?, read))
    });
    let Some((r, read)) = broken else { return Ok(()) };
    let name = |d: u8| if d <= 2 { "chapter" } else if d <= 4 { "heading" } else { "subheading" };
    let (want, has, read) = ((need - 1) * 2, r.product.digits(), (read - 1) * 2);
    Err(Error::Query(format!(
        "no answer by {want}-digit code that counts each value once: {} → {} in {} (reported by {}) holds {} {} without its {read}-digit {}s, beside {}s that have them; group by hs{has} instead",
        r.exporter,
        r.importer,
        r.year,
        r.reported_by,
        name(has),
        r.product,
        name(read),
        name(has),
    )))
}

/// Per meta entry, an index shared by the entries that differ only in their unit: one report's TOTAL (no
/// quantity) and its chapters (in tonnes, in units) are one cell.
fn periods(table: &Table) -> Vec<u16> {
    let mut first: FxHashMap<(u16, u8, crate::store::Side, bool, u16), u16> = FxHashMap::default();
    table
        .metas
        .iter()
        .enumerate()
        .map(|(i, m)| *first.entry((m.year, m.month, m.side, m.re, m.source)).or_insert(i as u16))
        .collect()
}

/// Step 2 for the World as importer (`world.1`) or as exporter: see the module's documentation.
fn resolve_world(table: &Table, q: &Query, world: (u16, bool), period: &[u16], rows: &mut [bool], fine: &dyn Fn(usize) -> bool) {
    let (w, importer_side) = world;
    let (partner_col, reporter_col, key, named) = if importer_side {
        (&table.importer, &table.exporter, Key::Importer, &q.importers)
    } else {
        (&table.exporter, &table.importer, Key::Exporter, &q.exporters)
    };
    let names_world = named.as_ref().is_some_and(|n| n.iter().any(|c| c.trim().eq_ignore_ascii_case(WORLD)));
    let is_world = |i: usize| partner_col.get(i).copied() == Some(w) && reporter_col.get(i).copied() != Some(w);
    if q.group_by.contains(&key) || (named.is_some() && !names_world) {
        for (i, r) in rows.iter_mut().enumerate() {
            *r &= !is_world(i) || names_world;
        }
        return;
    }
    // Summed over partners: per period and reporter, the World's rows or the partners', never both.
    let reporter = |i: usize| {
        let p = table.meta.get(i).and_then(|m| period.get(usize::from(*m))).copied().unwrap_or(0);
        u32::from(p) << 16 | u32::from(reporter_col.get(i).copied().unwrap_or(0))
    };
    // Per period and reporter: (has World rows, World rows as fine as needed, partner rows as fine as needed).
    let mut seen: FxHashMap<u32, (bool, bool, bool)> = FxHashMap::default();
    for i in (0..rows.len()).filter(|i| rows[*i]) {
        let e = seen.entry(reporter(i)).or_default();
        if is_world(i) {
            e.0 = true;
            e.1 |= fine(i);
        } else {
            e.2 |= fine(i);
        }
    }
    for (i, r) in rows.iter_mut().enumerate().filter(|(_, r)| **r) {
        let Some(&(has_world, world_fine, partners_fine)) = seen.get(&reporter(i)) else { continue };
        let world_wins = has_world && (world_fine || !partners_fine);
        *r = !has_world || is_world(i) == world_wins;
    }
}

/// What "all goods" and "to the world" read in a table (worded by `story::language::basis`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Basis {
    /// The product levels the table holds, coarsest first ([`level`]).
    pub levels: Vec<u8>,
    /// Whether it holds World (W00) rows.
    pub world: bool,
}

/// What "all goods" and "to the world" read in `table`, for `inspect` and the load summary.
pub fn basis(table: &Table) -> Basis {
    let mut levels: Vec<u8> = table.products.iter().map(|p| level(*p)).collect();
    levels.sort_unstable();
    levels.dedup();
    Basis { levels, world: table.countries().any(|c| c == WORLD) }
}
