use super::header::require;
use super::fields::Fields;
use super::number::{parse_f64, parse_scaled, parse_u32, parse_year, MAX_CENTS, MAX_EXPECTED};
use super::row_error::{Bad, RowError};
use super::RowReader;
use crate::countries::by_trade_code;
use crate::hs::HsCode;
use crate::store::{Flow, Side, TableBuilder};
use crate::Error;

/// The UN Comtrade Plus columns this reader needs.
pub const COLUMNS: [&str; 10] = [
    "refYear",
    "refMonth",
    "reporterCode",
    "reporterISO",
    "flowCode",
    "partnerCode",
    "partnerISO",
    "cmdCode",
    "qty",
    "primaryValue",
];

/// Reads UN Comtrade Plus rows (annual, `refMonth` 52, or monthly).
///
/// Exports (`X`, `RX`) are reported by the exporter, imports (`M`, `RM`) by the importer; re-exports and
/// re-imports are marked as such ([`Flow`]), and so is a reporter's trade with itself (a re-import). The
/// partner World (`W00`, code 0) and areas (`_X`, `X1`, `E19`, …) keep their own codes; how queries count
/// World rows is [`crate::query::count`]'s business. Rows broken down by second partner, customs procedure or transport mode
/// (`partner2Code` ≠ 0, `customsCode` ≠ `C00`, `motCode` ≠ 0, where those columns exist) are left out so
/// that the totals are not counted twice.
pub(crate) struct ComtradeReader {
    col: [usize; 10],
    unit: Option<usize>,
    breakdowns: [Option<usize>; 3],
    source: Option<u16>,
}

impl ComtradeReader {
    pub(crate) fn new(file: &str, names: &[String]) -> Result<ComtradeReader, Error> {
        let col = require(file, names, COLUMNS, "UN Comtrade Plus CSV")?;
        let find = |n: &str| names.iter().position(|c| c == n);
        Ok(ComtradeReader {
            col,
            unit: find("qtyUnitAbbr"),
            breakdowns: [find("partner2Code"), find("customsCode"), find("motCode")],
            source: None,
        })
    }
}

fn country(
    n: u64,
    iso: (&str, &[u8]),
    code: (&str, &[u8]),
    b: &mut TableBuilder,
) -> Result<u16, Bad> {
    if let Some(id) = b.country(iso.1)? {
        return Ok(id);
    }
    let raw = code.1;
    let alpha3 = parse_u32(raw)
        .and_then(|c| u16::try_from(c).ok())
        .and_then(by_trade_code)
        .map(|c| c.alpha3.as_bytes())
        .ok_or_else(|| RowError::field(n, iso.0, iso.1, &format!("an ISO3 code, or a known country code in `{}`", code.0)))?;
    b.country(alpha3)?.ok_or_else(|| RowError::field(n, code.0, raw, "a known country code").into())
}

impl RowReader for ComtradeReader {
    fn row(&mut self, n: u64, line: &[u8], f: &Fields, b: &mut TableBuilder) -> Result<(), Bad> {
        let [c_year, c_month, c_rep, c_rep_iso, c_flow, c_par, c_par_iso, c_cmd, c_qty, c_val] = self.col;
        let get = |i: usize| f.get(line, i);
        let [p2, customs, mot] = self.breakdowns.map(|c| c.map(get));
        let is_total = |v: Option<&[u8]>, total: &[u8]| v.map_or(true, |v| v.is_empty() || v == total);
        if !is_total(p2, b"0") || !is_total(customs, b"C00") || !is_total(mot, b"0") {
            return Ok(());
        }
        let y = get(c_year);
        let year = parse_year(y).ok_or_else(|| RowError::field(n, "refYear", y, "a year 1900..2100"))?;
        let m = get(c_month);
        let month = match parse_u32(m) {
            Some(52) => 0,
            Some(v @ 1..=12) => v as u8,
            _ => return Err(RowError::field(n, "refMonth", m, "52 (annual) or a month 1..12").into()),
        };
        let flow = get(c_flow);
        let (side, re) = Flow::parse(flow)
            .filter(|_| flow.len() <= 2)
            .map(Flow::side)
            .ok_or_else(|| RowError::field(n, "flowCode", flow, "X, RX, M or RM"))?;
        let reporter = country(n, ("reporterISO", get(c_rep_iso)), ("reporterCode", get(c_rep)), b)?;
        let partner = country(n, ("partnerISO", get(c_par_iso)), ("partnerCode", get(c_par)), b)?;
        let (exp, imp) = if side == Side::Exporter { (reporter, partner) } else { (partner, reporter) };
        // A country's trade with itself is goods coming home: a re-import, never a route.
        let (side, re) = if exp == imp { (Side::Importer, true) } else { (side, re) };
        let cmd = get(c_cmd);
        let hs = HsCode::parse(cmd).ok_or_else(|| RowError::field(n, "cmdCode", cmd, "TOTAL or an HS code of 2, 4 or 6 digits"))?;
        let v = get(c_val);
        let cents = parse_scaled(v, 2)
            .filter(|c| *c >= 0)
            .ok_or_else(|| RowError::field(n, "primaryValue", v, "a non-negative value in US dollars"))?;
        if cents > MAX_CENTS {
            return Err(RowError::field(n, "primaryValue", v, MAX_EXPECTED).into());
        }
        let q = get(c_qty);
        let qty = if q.is_empty() { f64::NAN } else { parse_f64(q).ok_or_else(|| RowError::field(n, "qty", q, "a number or nothing"))? };
        if qty < 0.0 {
            return Err(RowError::field(n, "qty", q, "a quantity of zero or more").into());
        }
        let unit_text = self.unit.map(get).filter(|_| !qty.is_nan()).unwrap_or(b"");
        let unit = b.unit(&super::text::decode(unit_text))?;
        let src = match self.source {
            Some(s) => s,
            None => {
                let s = b.source("UN Comtrade Plus")?;
                self.source = Some(s);
                s
            }
        };
        let meta = b.flow_meta(year, month, side, re, src, unit)?;
        let product = b.product(hs)?;
        b.push(meta, exp, imp, product, cents, qty);
        Ok(())
    }
}
