use super::comtrade_row::{is_total_row, push, Countries, Names, Row};
use super::fields::Fields;
use super::header::require;
use super::number::{parse_u32, parse_year};
use super::problem::Expected;
use super::row_error::{Bad, RowError};
use super::RowReader;
use crate::store::{Flow, TableBuilder};
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
    countries: Countries,
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
            countries: Countries::new(),
        })
    }
}

const NAMES: Names = Names { source: "UN Comtrade Plus", cmd: "cmdCode", value: "primaryValue", qty: "qty" };

impl RowReader for ComtradeReader {
    fn row(&mut self, n: u64, line: &[u8], f: &Fields, b: &mut TableBuilder) -> Result<(), Bad> {
        let [c_year, c_month, c_rep, c_rep_iso, c_flow, c_par, c_par_iso, c_cmd, c_qty, c_val] = self.col;
        let get = |i: usize| f.get(line, i);
        if !is_total_row(self.breakdowns.map(|c| c.map(get))) {
            return Ok(());
        }
        let y = get(c_year);
        let year = parse_year(y).ok_or_else(|| RowError::field(n, "refYear", y, Expected::Year))?;
        let m = get(c_month);
        let month = match parse_u32(m) {
            Some(52) => 0,
            Some(v @ 1..=12) => v as u8,
            _ => return Err(RowError::field(n, "refMonth", m, Expected::ComtradeMonth).into()),
        };
        let flow = get(c_flow);
        let (side, re) = Flow::parse(flow)
            .filter(|_| flow.len() <= 2)
            .map(Flow::side)
            .ok_or_else(|| RowError::field(n, "flowCode", flow, Expected::ComtradeFlow))?;
        let reporter = self.countries.get(n, ("reporterCode", get(c_rep)), ("reporterISO", get(c_rep_iso)), b)?;
        let partner = self.countries.get(n, ("partnerCode", get(c_par)), ("partnerISO", get(c_par_iso)), b)?;
        let unit = self.unit.map(get).unwrap_or(b"");
        let row = Row { year, month, flow: (side, re), reporter, partner, cmd: get(c_cmd), value: get(c_val), qty: get(c_qty), unit };
        push(n, row, &NAMES, &mut self.source, b)
    }
}
