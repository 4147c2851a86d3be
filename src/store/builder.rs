use rustc_hash::FxHashMap;

use super::meta::Meta;
use super::side::Side;
use super::table::Table;
use crate::hs::HsCode;
use crate::Error;

const LIMIT: usize = u16::MAX as usize + 1;

/// Builds a [`Table`], interning countries, products, sources, units and periods to 2-byte indices.
///
/// ```
/// use roundabout::store::{Side, TableBuilder};
/// use roundabout::hs::HsCode;
/// let mut b = TableBuilder::new("example");
/// let chn = b.country(b"CHN").unwrap().unwrap();
/// let kaz = b.country(b"KAZ").unwrap().unwrap();
/// let p = b.product(HsCode::TOTAL).unwrap();
/// let src = b.source("example").unwrap();
/// let m = b.meta(2023, 0, Side::Exporter, src, 0).unwrap();
/// b.push(m, chn, kaz, p, 2_470_000_000_000, f64::NAN);
/// let t = b.finish();
/// assert_eq!(t.len(), 1);
/// ```
#[derive(Debug)]
pub struct TableBuilder {
    file: String,
    table: Table,
    /// Country index by the code read in base 36 (36³ slots, `u16::MAX` = unseen): no hashing per row.
    countries: Vec<u16>,
    products: FxHashMap<HsCode, u16>,
    metas: FxHashMap<Meta, u16>,
    sources: FxHashMap<String, u16>,
    units: FxHashMap<String, u16>,
}

impl TableBuilder {
    /// A new, empty builder; `file` names the input in errors.
    pub fn new(file: &str) -> TableBuilder {
        let mut table = Table::default();
        table.units.push(String::new());
        let mut units = FxHashMap::default();
        units.insert(String::new(), 0);
        TableBuilder {
            file: file.to_string(),
            table,
            countries: vec![u16::MAX; 36 * 36 * 36],
            products: FxHashMap::default(),
            metas: FxHashMap::default(),
            sources: FxHashMap::default(),
            units,
        }
    }

    fn full(&self, what: &'static str) -> Error {
        Error::TooMany { file: self.file.clone(), what, limit: LIMIT }
    }

    /// The index of a country code of three ASCII letters or digits (upper-cased). `None` for another shape.
    pub fn country(&mut self, code: &[u8]) -> Result<Option<u16>, Error> {
        let [a, b, c] = match code {
            [a, b, c] => [a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()],
            _ => return Ok(None),
        };
        let digit = |x: u8| match x {
            b'0'..=b'9' => Some(usize::from(x - b'0')),
            b'A'..=b'Z' => Some(usize::from(x - b'A') + 10),
            _ => None,
        };
        let (Some(da), Some(db), Some(dc)) = (digit(a), digit(b), digit(c)) else { return Ok(None) };
        let slot = (da * 36 + db) * 36 + dc;
        match self.countries.get(slot) {
            Some(&i) if i != u16::MAX => return Ok(Some(i)),
            Some(_) => {}
            None => return Ok(None),
        }
        // u16::MAX marks an empty slot, so one index fewer is available.
        let i = u16::try_from(self.table.countries.len()).ok().filter(|i| *i != u16::MAX).ok_or_else(|| self.full("countries"))?;
        self.table.countries.push([a, b, c]);
        if let Some(s) = self.countries.get_mut(slot) {
            *s = i;
        }
        Ok(Some(i))
    }

    /// The index of a product.
    pub fn product(&mut self, code: HsCode) -> Result<u16, Error> {
        if let Some(&i) = self.products.get(&code) {
            return Ok(i);
        }
        let i = u16::try_from(self.table.products.len()).map_err(|_| self.full("products"))?;
        self.table.products.push(code);
        self.products.insert(code, i);
        Ok(i)
    }

    /// The index of a source text.
    pub fn source(&mut self, text: &str) -> Result<u16, Error> {
        if let Some(&i) = self.sources.get(text) {
            return Ok(i);
        }
        let i = u16::try_from(self.table.sources.len()).map_err(|_| self.full("sources"))?;
        self.table.sources.push(text.to_string());
        self.sources.insert(text.to_string(), i);
        Ok(i)
    }

    /// The index of a unit; the empty text is 0, "no unit".
    pub fn unit(&mut self, text: &str) -> Result<u16, Error> {
        if let Some(&i) = self.units.get(text) {
            return Ok(i);
        }
        let i = u16::try_from(self.table.units.len()).map_err(|_| self.full("units"))?;
        self.table.units.push(text.to_string());
        self.units.insert(text.to_string(), i);
        Ok(i)
    }

    /// The index of a period/side/source/unit combination; `month` 0 means the whole year.
    pub fn meta(&mut self, year: u16, month: u8, side: Side, source: u16, unit: u16) -> Result<u16, Error> {
        self.flow_meta(year, month, side, false, source, unit)
    }

    /// [`TableBuilder::meta`] of a re-export or re-import when `re`.
    pub fn flow_meta(&mut self, year: u16, month: u8, side: Side, re: bool, source: u16, unit: u16) -> Result<u16, Error> {
        let m = Meta { year, month, side, re, source, unit };
        if let Some(&i) = self.metas.get(&m) {
            return Ok(i);
        }
        let i = u16::try_from(self.table.metas.len()).map_err(|_| self.full("period, side, source and unit combinations"))?;
        self.table.metas.push(m);
        self.metas.insert(m, i);
        Ok(i)
    }

    /// Appends one row of indices obtained from this builder; `quantity` is NaN when absent.
    #[inline(always)]
    pub fn push(&mut self, meta: u16, exporter: u16, importer: u16, product: u16, value_cents: i64, quantity: f64) {
        let t = &mut self.table;
        t.meta.push(meta);
        t.exporter.push(exporter);
        t.importer.push(importer);
        t.product.push(product);
        t.value_cents.push(value_cents);
        t.quantity.push(quantity as f32);
    }

    /// Makes room for `rows` more rows, so that columns do not regrow and copy while a file streams in.
    pub fn reserve(&mut self, rows: usize) {
        let t = &mut self.table;
        t.meta.reserve(rows);
        t.exporter.reserve(rows);
        t.importer.reserve(rows);
        t.product.reserve(rows);
        t.value_cents.reserve(rows);
        t.quantity.reserve(rows);
    }

    /// The rows so far, as a table sharing this builder's dictionaries.
    pub fn rows(&self) -> &Table {
        &self.table
    }

    /// Drops the rows but keeps the dictionaries and the columns' room, so that a stream can be read in
    /// chunks of bounded memory.
    pub fn clear_rows(&mut self) {
        self.truncate(0);
    }

    /// Keeps the first `rows` rows (the dictionaries as they are).
    pub fn truncate(&mut self, rows: usize) {
        let t = &mut self.table;
        t.meta.truncate(rows);
        t.exporter.truncate(rows);
        t.importer.truncate(rows);
        t.product.truncate(rows);
        t.value_cents.truncate(rows);
        t.quantity.truncate(rows);
    }

    /// The number of rows so far.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True before the first row.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The rows so far as they were pushed, unsorted: a piece of a parallel load, sorted once merged.
    pub fn unsorted(self) -> Table {
        self.table
    }

    /// The finished table, its rows ordered by route (exporter, then importer, file order within).
    pub fn finish(self) -> Table {
        let mut t = self.table;
        // Shrunk before the sort, which needs room for one more column: the room reserved for rows that
        // never came is given back first.
        t.meta.shrink_to_fit();
        t.exporter.shrink_to_fit();
        t.importer.shrink_to_fit();
        t.product.shrink_to_fit();
        t.value_cents.shrink_to_fit();
        t.quantity.shrink_to_fit();
        t.metas.shrink_to_fit();
        t.countries.shrink_to_fit();
        t.products.shrink_to_fit();
        super::cluster::cluster(&mut t);
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_and_reads_back() -> Result<(), Error> {
        let mut b = TableBuilder::new("t");
        let chn = b.country(b"chn")?.unwrap_or(0);
        let kaz = b.country(b"KAZ")?.unwrap_or(0);
        assert_eq!(b.country(b"CHN")?, Some(chn));
        assert_eq!(b.country(b"CH")?, None);
        let p = b.product(HsCode::parse(b"880621").unwrap_or(HsCode::TOTAL))?;
        let s = b.source("BACI")?;
        let u = b.unit("t")?;
        let m = b.meta(2022, 3, Side::Reconciled, s, u)?;
        b.push(m, chn, kaz, p, 12_345, 2.5);
        let t = b.finish();
        let r = t.record(0);
        assert_eq!(r.as_ref().map(|r| (r.exporter, r.importer, r.month, r.unit)), Some(("CHN", "KAZ", Some(3), Some("t"))));
        assert_eq!(r.map(|r| r.value_usd()), Some(123.45));
        assert_eq!(t.years(), Some((2022, 2022)));
        assert!(t.record(1).is_none());
        Ok(())
    }
}
