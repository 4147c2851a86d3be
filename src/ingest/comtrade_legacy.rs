use super::comtrade_row::{is_total_row, push, Countries, Names, Row};
use super::fields::Fields;
use super::header::require;
use super::number::{parse_u32, parse_year};
use super::problem::Expected;
use super::row_error::{Bad, RowError};
use super::RowReader;
use crate::store::{Flow, TableBuilder};
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
    countries: Countries,
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
            countries: Countries::new(),
        })
    }
}

const NAMES: Names = Names { source: "UN Comtrade", cmd: "Commodity Code", value: "Trade Value (US$)", qty: "Qty" };

impl RowReader for LegacyReader {
    fn row(&mut self, n: u64, line: &[u8], f: &Fields, b: &mut TableBuilder) -> Result<(), Bad> {
        let [c_year, c_period, c_flow, c_rep, c_rep_iso, c_par, c_par_iso, c_cmd, c_val] = self.col;
        let get = |i: usize| f.get(line, i);
        if !is_total_row(self.breakdowns.map(|c| c.map(get))) {
            return Ok(());
        }
        let y = get(c_year);
        let year = parse_year(y).ok_or_else(|| RowError::field(n, "Year", y, Expected::Year))?;
        let p = get(c_period);
        let month = match p.len() {
            4 => 0,
            6 => parse_u32(&p[4..])
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| RowError::field(n, "Period", p, Expected::LegacyPeriod))? as u8,
            _ => return Err(RowError::field(n, "Period", p, Expected::LegacyPeriod).into()),
        };
        let flow = get(c_flow);
        let (side, re) = Flow::parse(flow)
            .map(Flow::side)
            .ok_or_else(|| RowError::field(n, "Trade Flow", flow, Expected::LegacyFlow))?;
        let reporter = self.countries.get(n, ("Reporter Code", get(c_rep)), ("Reporter ISO", get(c_rep_iso)), b)?;
        let partner = self.countries.get(n, ("Partner Code", get(c_par)), ("Partner ISO", get(c_par_iso)), b)?;
        let (qty, unit) = (self.qty.map(get).unwrap_or(b""), self.unit.map(get).unwrap_or(b""));
        let row = Row { year, month, flow: (side, re), reporter, partner, cmd: get(c_cmd), value: get(c_val), qty, unit };
        push(n, row, &NAMES, &mut self.source, b)
    }
}
