use super::header::require;
use super::fields::Fields;
use super::number::{parse_f64, parse_scaled, parse_u32, parse_year, MAX_CENTS};
use super::problem::{Expected, Problem};
use super::row_error::{Bad, RowError};
use super::text::decode;
use crate::countries::{by_alpha3, is_area_code};
use super::RowReader;
use crate::hs::HsCode;
use crate::store::{Side, TableBuilder};
use crate::Error;

/// The tidy CSV columns, in the order Roundabout writes them.
pub const COLUMNS: [&str; 10] =
    ["year", "month", "exporter", "importer", "hs", "value_usd", "quantity", "unit", "reported_by", "source"];

/// Reads tidy CSV rows; columns are found by name, so their order may differ.
pub(crate) struct TidyReader {
    col: [usize; 10],
    last_source: Option<(Vec<u8>, u16)>,
    last_unit: Option<(Vec<u8>, u16)>,
    /// Country codes checked against the built-in table, by the code read in base 36: 0 not yet, 1 known, 2 not.
    known: Vec<u8>,
}

impl TidyReader {
    pub(crate) fn new(file: &str, names: &[String]) -> Result<TidyReader, Error> {
        let col = require(file, names, COLUMNS, "tidy CSV")?;
        Ok(TidyReader { col, last_source: None, last_unit: None, known: vec![0; 36 * 36 * 36] })
    }

    /// True for an ISO 3166-1 alpha-3 code or a trade area's code (`KAZ`, `W00`, `S19`, `A59`, `899`), so
    /// that a typo such as `KZA` is a bad row instead of a country no map can place.
    fn known(&mut self, code: &[u8]) -> bool {
        let digit = |x: &u8| match x.to_ascii_uppercase() {
            c @ b'0'..=b'9' => Some(usize::from(c - b'0')),
            c @ b'A'..=b'Z' => Some(usize::from(c - b'A') + 10),
            _ => None,
        };
        let [Some(a), Some(b), Some(c)] = <&[u8; 3]>::try_from(code).map_or([None; 3], |c| c.each_ref().map(digit)) else {
            return false;
        };
        let slot = (a * 36 + b) * 36 + c;
        if self.known[slot] == 0 {
            let text = std::str::from_utf8(code).unwrap_or("");
            self.known[slot] = if by_alpha3(text).is_some() || is_area_code(text) { 1 } else { 2 };
        }
        self.known[slot] == 1
    }
}

/// Interns text through a one-entry cache: sources and units repeat in long runs.
fn cached(
    cache: &mut Option<(Vec<u8>, u16)>,
    text: &[u8],
    intern: impl FnOnce(&str) -> Result<u16, Error>,
) -> Result<u16, Error> {
    if let Some((t, id)) = cache {
        if t == text {
            return Ok(*id);
        }
    }
    let id = intern(&decode(text))?;
    *cache = Some((text.to_vec(), id));
    Ok(id)
}

impl RowReader for TidyReader {
    fn row(&mut self, n: u64, line: &[u8], f: &Fields, b: &mut TableBuilder) -> Result<(), Bad> {
        let [c_year, c_month, c_exp, c_imp, c_hs, c_val, c_qty, c_unit, c_side, c_src] = self.col;
        let want = self.col.iter().max().map_or(0, |m| m + 1);
        if f.len() < want {
            return Err(RowError::line(n, Problem::Fields { found: f.len(), expected: want, split: false }).into());
        }
        let get = |i: usize| f.get(line, i);
        let year = get(c_year);
        let year = parse_year(year).ok_or_else(|| RowError::field(n, "year", year, Expected::Year))?;
        let month = get(c_month);
        let month = if month.is_empty() {
            0
        } else {
            parse_u32(month)
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| RowError::field(n, "month", month, Expected::MonthOrNothing))? as u8
        };
        let exp = get(c_exp);
        let exp = Some(exp).filter(|c| self.known(c)).ok_or_else(|| RowError::field(n, "exporter", exp, Expected::Alpha3))?;
        let exp = b.country(exp)?.ok_or_else(|| RowError::field(n, "exporter", exp, Expected::Alpha3))?;
        let imp = get(c_imp);
        let imp = Some(imp).filter(|c| self.known(c)).ok_or_else(|| RowError::field(n, "importer", imp, Expected::Alpha3))?;
        let imp = b.country(imp)?.ok_or_else(|| RowError::field(n, "importer", imp, Expected::Alpha3))?;
        let hs = get(c_hs);
        let hs = HsCode::parse(hs).ok_or_else(|| RowError::field(n, "hs", hs, Expected::TidyHs))?;
        let val = get(c_val);
        let cents = parse_scaled(val, 2)
            .filter(|c| *c >= 0)
            .ok_or_else(|| {
                let comma = val.contains(&b',');
                RowError::field(n, "value_usd", val, Expected::Dollars { comma })
            })?;
        if cents > MAX_CENTS {
            return Err(RowError::field(n, "value_usd", val, Expected::UnderMax).into());
        }
        let qty = get(c_qty);
        let qty = if qty.is_empty() {
            f64::NAN
        } else {
            let q = parse_f64(qty).ok_or_else(|| RowError::field(n, "quantity", qty, Expected::NumberOrNothing))?;
            if q < 0.0 {
                return Err(RowError::field(n, "quantity", qty, Expected::QuantityNotNegative).into());
            }
            q
        };
        let side = get(c_side);
        let side = Side::parse(side)
            .ok_or_else(|| RowError::field(n, "reported_by", side, Expected::Side))?;
        let unit = cached(&mut self.last_unit, get(c_unit), |t| b.unit(t))?;
        let src = cached(&mut self.last_source, get(c_src), |t| b.source(t))?;
        let product = b.product(hs)?;
        // A country's trade with itself is a re-import, as the readers of the other formats mark it.
        let meta = if exp == imp { b.flow_meta(year, month, Side::Importer, true, src, unit)? } else { b.meta(year, month, side, src, unit)? };
        b.push(meta, exp, imp, product, cents, qty);
        Ok(())
    }
}
