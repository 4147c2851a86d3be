use super::spec::Query;
use crate::hs::ProductFilter;
use crate::store::{Flow, Table};
use crate::Error;

/// A query's filters as one flag per dictionary entry, so each row costs four lookups.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// Per country: kept as exporter.
    pub exporter: Vec<bool>,
    /// Per country: kept as importer.
    pub importer: Vec<bool>,
    /// Per product.
    pub product: Vec<bool>,
    /// Per period/side/flow/source entry.
    pub meta: Vec<bool>,
    /// Per row, whether it counts once the filters keep it ([`super::count::counted`]); `None` when all do.
    pub counted: Option<Vec<bool>>,
}

impl Compiled {
    /// Compiles the filters and which rows count ([`super::count`]); malformed country codes, unknown
    /// presets and empty year ranges are errors.
    pub fn new(table: &Table, q: &Query) -> Result<Compiled, Error> {
        let mut compiled = Compiled::filters(table, q)?;
        let counted = super::count::counted(table, q, |i| compiled.passes(table, i))?;
        compiled.counted = counted;
        Ok(compiled)
    }

    /// The filters alone, every row that passes them counted: for keeping rows rather than summing them
    /// (`prepare` writes each level and the World apart, and whoever sums them counts them once).
    pub fn filters(table: &Table, q: &Query) -> Result<Compiled, Error> {
        let exporter = countries(table, q.exporters.as_deref(), "exporter")?;
        let importer = countries(table, q.importers.as_deref(), "importer")?;
        let product = match &q.products {
            None => vec![true; table.products.len()],
            Some(terms) => {
                let f = ProductFilter::parse(terms)?;
                table.products.iter().map(|p| f.matches(*p)).collect()
            }
        };
        if let Some((a, b)) = q.years {
            if a > b {
                return Err(Error::Query(format!("years {a}-{b}: the first year is after the last")));
            }
        }
        let meta = table
            .metas
            .iter()
            .map(|m| {
                q.years.is_none_or(|(a, b)| (a..=b).contains(&m.year))
                    && q.reported_by.as_ref().is_none_or(|s| s.contains(&m.side))
                    && q.flows.as_deref().unwrap_or(&Flow::DEFAULT).iter().any(|f| f.holds(m.side, m.re))
            })
            .collect();
        Ok(Compiled { exporter, importer, product, meta, counted: None })
    }

    /// True when every row passes, so that a scan can skip the lookups.
    pub fn keeps_all(&self) -> bool {
        self.counted.is_none() && [&self.exporter, &self.importer, &self.product, &self.meta].iter().all(|v| v.iter().all(|k| *k))
    }

    /// True when row `i` passes every filter and counts.
    #[inline]
    pub fn keeps(&self, t: &Table, i: usize) -> bool {
        self.passes(t, i) && self.counts(i)
    }

    /// True when row `i` counts among the rows that pass ([`super::count`]).
    #[inline]
    pub fn counts(&self, i: usize) -> bool {
        self.counted.as_ref().is_none_or(|c| c.get(i).copied().unwrap_or(false))
    }

    /// True when row `i` passes every filter.
    #[inline]
    pub fn passes(&self, t: &Table, i: usize) -> bool {
        let at = |v: &Vec<bool>, ix: Option<&u16>| ix.and_then(|x| v.get(usize::from(*x)).copied()).unwrap_or(false);
        at(&self.meta, t.meta.get(i))
            && at(&self.product, t.product.get(i))
            && at(&self.exporter, t.exporter.get(i))
            && at(&self.importer, t.importer.get(i))
    }
}

/// One flag per country of the table: kept or not. Codes absent from the table simply match nothing.
fn countries(table: &Table, codes: Option<&[String]>, what: &str) -> Result<Vec<bool>, Error> {
    let Some(codes) = codes else {
        return Ok(vec![true; table.countries.len()]);
    };
    let mut wanted = Vec::with_capacity(codes.len());
    for c in codes {
        let c = c.trim().to_ascii_uppercase();
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::Query(format!("{what} `{c}`: expected an ISO 3166-1 alpha-3 code such as KAZ")));
        }
        wanted.push(c);
    }
    Ok(table.countries().map(|c| wanted.iter().any(|w| w == c)).collect())
}
