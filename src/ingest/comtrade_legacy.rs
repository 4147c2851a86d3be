use super::header::require;
use super::fields::Fields;
use super::number::{parse_f64, parse_scaled, parse_u32, parse_year, MAX_CENTS, MAX_EXPECTED};
use super::row_error::{Bad, RowError};
use super::RowReader;
use crate::countries::by_trade_code;
use crate::hs::HsCode;
use crate::store::{Flow, Side, TableBuilder};
use crate::Error;

/// The legacy comtrade.un.org CSV columns this reader needs, in the API's and the bulk files' layouts
/// (`Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,
/// Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,…,Commodity Code,Commodity,…,
/// Qty Unit,Qty,…,Trade Value (US$),…`).
pub const COLUMNS: [&str; 9] = [
    "Year",
    "Period",
    "Trade Flow",
    "Reporter Code",
    "Reporter ISO",
    "Partner Code",
    "Partner ISO",
    "Commodity Code",
    "Trade Value (US$)",
];

/// True when a header's columns are the legacy layout's.
pub(crate) fn is_legacy(names: &[String]) -> bool {
    let has = |n: &str| names.iter().any(|c| c == n);
    has("Trade Value (US$)") && has("Commodity Code") && has("Reporter Code")
}

/// Reads the legacy UN Comtrade CSV of comtrade.un.org (API downloads and bulk files), still on many
/// disks: flows by name (`Export`, `Import`, `Re-Export`, `Re-Import`), countries by Comtrade's numeric
/// code (the ISO column holds `WLD` for the World and is empty for some areas), periods as `2019` or
/// `201903`. Names (Latin-1 in older files) are not read; a trailing comma on each line is an empty field.
pub(crate) struct LegacyReader {
    col: [usize; 9],
    qty: Option<usize>,
    unit: Option<usize>,
    breakdowns: [Option<usize>; 3],
    source: Option<u16>,
}

impl LegacyReader {
    pub(crate) fn new(file: &str, names: &[String]) -> Result<LegacyReader, Error> {
        let col = require(file, names, COLUMNS, "UN Comtrade CSV (legacy comtrade.un.org layout)")?;
        let find = |n: &str| names.iter().position(|c| c == n);
        Ok(LegacyReader {
            col,
            qty: find("Qty"),
            unit: find("Qty Unit"),
            breakdowns: [find("2nd Partner Code"), find("Customs Proc. Code"), find("Mode of Transport Code")],
            source: None,
        })
    }
}

/// A country by Comtrade's numeric code (the legacy files' reliable column), else by its ISO code.
fn country(n: u64, code: (&str, &[u8]), iso: &[u8], b: &mut TableBuilder) -> Result<u16, Bad> {
    let by_code = parse_u32(code.1).and_then(|c| u16::try_from(c).ok()).and_then(by_trade_code).map(|c| c.alpha3.as_bytes());
    match by_code {
        Some(alpha3) => b.country(alpha3)?,
        None => b.country(iso)?,
    }
    .ok_or_else(|| RowError::field(n, code.0, code.1, "a known Comtrade country code, or an ISO3 code beside it").into())
}

impl RowReader for LegacyReader {
    fn row(&mut self, n: u64, line: &[u8], f: &Fields, b: &mut TableBuilder) -> Result<(), Bad> {
        let [c_year, c_period, c_flow, c_rep, c_rep_iso, c_par, c_par_iso, c_cmd, c_val] = self.col;
        let get = |i: usize| f.get(line, i);
        // Breakdowns by second partner, customs procedure or transport mode repeat their total's value.
        let [p2, customs, mot] = self.breakdowns.map(|c| c.map(get));
        let is_total = |v: Option<&[u8]>, total: &[&[u8]]| v.map_or(true, |v| v.is_empty() || total.contains(&v));
        if !is_total(p2, &[b"0"]) || !is_total(customs, &[b"C00"]) || !is_total(mot, &[b"0"]) {
            return Ok(());
        }
        let y = get(c_year);
        let year = parse_year(y).ok_or_else(|| RowError::field(n, "Year", y, "a year 1900..2100"))?;
        let p = get(c_period);
        let month = match p.len() {
            4 => 0,
            6 => parse_u32(&p[4..])
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| RowError::field(n, "Period", p, "a year (2019) or a month (201903)"))? as u8,
            _ => return Err(RowError::field(n, "Period", p, "a year (2019) or a month (201903)").into()),
        };
        let flow = get(c_flow);
        let (side, re) = Flow::parse(flow)
            .map(Flow::side)
            .ok_or_else(|| RowError::field(n, "Trade Flow", flow, "Export, Import, Re-Export or Re-Import"))?;
        let reporter = country(n, ("Reporter Code", get(c_rep)), get(c_rep_iso), b)?;
        let partner = country(n, ("Partner Code", get(c_par)), get(c_par_iso), b)?;
        let (exp, imp) = if side == Side::Exporter { (reporter, partner) } else { (partner, reporter) };
        // A country's trade with itself is goods coming home: a re-import, never a route.
        let (side, re) = if exp == imp { (Side::Importer, true) } else { (side, re) };
        let cmd = get(c_cmd);
        let hs = HsCode::parse(cmd).ok_or_else(|| RowError::field(n, "Commodity Code", cmd, "TOTAL or an HS code of 2, 4 or 6 digits"))?;
        let v = get(c_val);
        let cents = parse_scaled(v, 2)
            .filter(|c| *c >= 0)
            .ok_or_else(|| RowError::field(n, "Trade Value (US$)", v, "a non-negative value in US dollars"))?;
        if cents > MAX_CENTS {
            return Err(RowError::field(n, "Trade Value (US$)", v, MAX_EXPECTED).into());
        }
        let q = self.qty.map(get).unwrap_or(b"");
        let qty = if q.is_empty() { f64::NAN } else { parse_f64(q).ok_or_else(|| RowError::field(n, "Qty", q, "a number or nothing"))? };
        if qty < 0.0 {
            return Err(RowError::field(n, "Qty", q, "a quantity of zero or more").into());
        }
        let unit_text = self.unit.map(get).filter(|_| !qty.is_nan()).unwrap_or(b"");
        let unit = b.unit(&super::text::decode(unit_text))?;
        let src = match self.source {
            Some(s) => s,
            None => {
                let s = b.source("UN Comtrade")?;
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
