//! What UN Comtrade's two layouts (Comtrade Plus, [`super::comtrade`]; the legacy comtrade.un.org CSV,
//! [`super::comtrade_legacy`]) share once a row's period, flow and countries are read: the breakdowns left
//! out, countries by their codes, and the product, value, quantity, unit and source pushed as one row.

use super::number::{parse_f64, parse_scaled, parse_u32, MAX_CENTS};
use super::problem::Expected;
use super::row_error::{Bad, RowError};
use crate::countries::by_trade_code;
use crate::hs::HsCode;
use crate::store::{Side, TableBuilder};

/// True unless the row is one of a breakdown by second partner, customs procedure or transport mode
/// (`partner2Code` ≠ 0, `customsCode` ≠ `C00`, `motCode` ≠ 0, where those columns exist), which repeat
/// their total's value.
pub(crate) fn is_total_row([p2, customs, mot]: [Option<&[u8]>; 3]) -> bool {
    let is = |v: Option<&[u8]>, total: &[u8]| v.is_none_or(|v| v.is_empty() || v == total);
    is(p2, b"0") && is(customs, b"C00") && is(mot, b"0")
}

/// Countries by Comtrade's numeric code where the built-in table names it (areas too: `490` Other Asia,
/// `636` Rest of America, … whatever letter code a file gives them, `S19`, `A59`, `_X`), else by the ISO
/// code beside it; remembered per code, so a row costs one lookup.
pub(crate) struct Countries(Vec<Option<u16>>);

impl Countries {
    pub(crate) fn new() -> Countries {
        Countries(vec![None; 1000])
    }

    /// The builder's id of the country a row names by `code` (numeric) and `iso`, both `(column, field)`.
    pub(crate) fn get(
        &mut self,
        n: u64,
        code: (&str, &[u8]),
        iso: (&str, &[u8]),
        b: &mut TableBuilder,
    ) -> Result<u16, Bad> {
        let num = parse_u32(code.1).and_then(|c| u16::try_from(c).ok());
        if let Some(Some(id)) = num.and_then(|c| self.0.get(usize::from(c))) {
            return Ok(*id);
        }
        let named = num.and_then(by_trade_code).map(|c| c.alpha3.as_bytes());
        let id = match named {
            Some(alpha3) => b.country(alpha3)?,
            None => b.country(iso.1)?,
        }
        .ok_or_else(|| {
            RowError::field(
                n,
                iso.0,
                iso.1,
                Expected::KnownCountry { code_column: code.0.to_string() },
            )
        })?;
        if let (Some(_), Some(slot)) = (named, num.and_then(|c| self.0.get_mut(usize::from(c)))) {
            *slot = Some(id);
        }
        Ok(id)
    }
}

/// The column names a layout's errors name.
pub(crate) struct Names {
    pub source: &'static str,
    pub cmd: &'static str,
    pub value: &'static str,
    pub qty: &'static str,
}

/// A row's fields once its period, flow and countries are read.
pub(crate) struct Row<'a> {
    pub year: u16,
    pub month: u8,
    /// The reporting side and whether a re-export or re-import.
    pub flow: (Side, bool),
    pub reporter: u16,
    pub partner: u16,
    pub cmd: &'a [u8],
    pub value: &'a [u8],
    pub qty: &'a [u8],
    pub unit: &'a [u8],
}

/// Pushes `row`, its source named `names.source` (interned once into `source`).
pub(crate) fn push(
    n: u64,
    row: Row,
    names: &Names,
    source: &mut Option<u16>,
    b: &mut TableBuilder,
) -> Result<(), Bad> {
    let (side, re) = row.flow;
    let (exp, imp) = if side == Side::Exporter {
        (row.reporter, row.partner)
    } else {
        (row.partner, row.reporter)
    };
    // A country's trade with itself is goods coming home: a re-import, never a route.
    let (side, re) = if exp == imp {
        (Side::Importer, true)
    } else {
        (side, re)
    };
    let hs = HsCode::parse(row.cmd).ok_or_else(|| {
        RowError::field(
            n,
            names.cmd,
            row.cmd,
            Expected::ComtradeHs,
        )
    })?;
    let v = row.value;
    let cents = parse_scaled(v, 2)
        .filter(|c| *c >= 0)
        .ok_or_else(|| RowError::field(n, names.value, v, Expected::ComtradeDollars))?;
    if cents > MAX_CENTS {
        return Err(RowError::field(n, names.value, v, Expected::UnderMax).into());
    }
    let q = row.qty;
    let qty = if q.is_empty() {
        f64::NAN
    } else {
        parse_f64(q).ok_or_else(|| RowError::field(n, names.qty, q, Expected::NumberOrNothing))?
    };
    if qty < 0.0 {
        return Err(RowError::field(n, names.qty, q, Expected::QuantityNotNegative).into());
    }
    let unit = b.unit(&super::text::decode(if qty.is_nan() {
        b""
    } else {
        row.unit
    }))?;
    let src = match *source {
        Some(s) => s,
        None => *source.insert(b.source(names.source)?),
    };
    let meta = b.flow_meta(row.year, row.month, side, re, src, unit)?;
    let product = b.product(hs)?;
    b.push(meta, exp, imp, product, cents, qty);
    Ok(())
}
