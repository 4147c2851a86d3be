use super::meta::Meta;
use super::side::Side;
use crate::hs::HsCode;

/// A columnar, dictionary-encoded trade table: 20 bytes a row plus small dictionaries.
///
/// Built with [`super::TableBuilder`] or by [`crate::ingest::load`].
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub(crate) meta: Vec<u16>,
    pub(crate) exporter: Vec<u16>,
    pub(crate) importer: Vec<u16>,
    pub(crate) product: Vec<u16>,
    pub(crate) value_cents: Vec<i64>,
    /// NaN where the quantity is absent. Seven significant digits are plenty for quantities (BACI's are
    /// estimates), and 4 bytes instead of 8 keep a row at 20 bytes.
    pub(crate) quantity: Vec<f32>,
    pub(crate) metas: Vec<Meta>,
    pub(crate) countries: Vec<[u8; 3]>,
    pub(crate) products: Vec<HsCode>,
    pub(crate) sources: Vec<String>,
    pub(crate) units: Vec<String>,
    /// Where each exporter's rows start, once [`super::cluster`] ordered them by route; empty before.
    pub(crate) exporter_starts: Vec<u32>,
}

/// One row read back from a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    /// The year.
    pub year: u16,
    /// The month, if the row is monthly.
    pub month: Option<u8>,
    /// ISO 3166-1 alpha-3 code of the exporter.
    pub exporter: &'a str,
    /// ISO 3166-1 alpha-3 code of the importer.
    pub importer: &'a str,
    /// The product.
    pub product: HsCode,
    /// The value in US cents (exact).
    pub value_cents: i64,
    /// The quantity, if given.
    pub quantity: Option<f64>,
    /// The unit of the quantity, if given.
    pub unit: Option<&'a str>,
    /// Who reported the flow.
    pub reported_by: Side,
    /// A re-export or re-import (see [`super::Flow`]).
    pub re: bool,
    /// Where the figure comes from.
    pub source: &'a str,
}

impl Record<'_> {
    /// The value in US dollars.
    pub fn value_usd(&self) -> f64 {
        self.value_cents as f64 / 100.0
    }
}

impl Table {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.value_cents.len()
    }

    /// True when the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.value_cents.is_empty()
    }

    /// Resident bytes per row: every column's allocation plus the dictionaries, divided by the row count.
    pub fn bytes_per_row(&self) -> f64 {
        if self.is_empty() {
            return 0.0;
        }
        self.resident_bytes() as f64 / self.len() as f64
    }

    /// Resident bytes of the whole table (allocations, not just lengths).
    pub fn resident_bytes(&self) -> usize {
        use std::mem::size_of;
        let columns = (self.meta.capacity() + self.exporter.capacity() + self.importer.capacity() + self.product.capacity())
            * size_of::<u16>()
            + self.value_cents.capacity() * size_of::<i64>()
            + self.quantity.capacity() * size_of::<f32>()
            + self.exporter_starts.capacity() * size_of::<u32>();
        let dicts = self.metas.capacity() * size_of::<Meta>()
            + self.countries.capacity() * 3
            + self.products.capacity() * size_of::<HsCode>()
            + self.sources.iter().chain(&self.units).map(|s| s.capacity() + size_of::<String>()).sum::<usize>();
        columns + dicts + size_of::<Table>()
    }

    /// The first and last year present, or `None` for an empty table.
    pub fn years(&self) -> Option<(u16, u16)> {
        let mut used = vec![false; self.metas.len()];
        for &m in &self.meta {
            if let Some(u) = used.get_mut(usize::from(m)) {
                *u = true;
            }
        }
        let years = self.metas.iter().zip(&used).filter(|(_, u)| **u).map(|(m, _)| m.year);
        let min = years.clone().min()?;
        Some((min, years.max().unwrap_or(min)))
    }

    /// The country codes in the dictionary: in alphabetical order once the table is finished.
    pub fn countries(&self) -> impl Iterator<Item = &str> + '_ {
        self.countries.iter().map(code_str)
    }

    /// The products in the dictionary, in order of first appearance.
    pub fn products(&self) -> &[HsCode] {
        &self.products
    }

    /// The sources in the dictionary.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Row `i`, or `None` past the end.
    pub fn record(&self, i: usize) -> Option<Record<'_>> {
        let meta = self.metas.get(usize::from(*self.meta.get(i)?))?;
        let q = *self.quantity.get(i)?;
        Some(Record {
            year: meta.year,
            month: (meta.month != 0).then_some(meta.month),
            exporter: code_str(self.countries.get(usize::from(*self.exporter.get(i)?))?),
            importer: code_str(self.countries.get(usize::from(*self.importer.get(i)?))?),
            product: *self.products.get(usize::from(*self.product.get(i)?))?,
            value_cents: *self.value_cents.get(i)?,
            quantity: (!q.is_nan()).then_some(f64::from(q)),
            unit: (meta.unit != 0).then(|| self.units.get(usize::from(meta.unit)).map(String::as_str)).flatten(),
            reported_by: meta.side,
            re: meta.re,
            source: self.sources.get(usize::from(meta.source)).map(String::as_str).unwrap_or(""),
        })
    }

    /// Every row in order.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.record(i))
    }
}

/// Country codes are validated ASCII when interned, so this never falls back in practice.
pub(crate) fn code_str(c: &[u8; 3]) -> &str {
    std::str::from_utf8(c).unwrap_or("???")
}
