use std::io::Write;

use super::table::{Record, Table};
use crate::Error;

/// The tidy CSV header, Roundabout's own format.
pub const TIDY_HEADER: &str = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source";

/// Writes the table as tidy CSV (header first); [`crate::ingest::load`] reads it back to the same rows.
pub fn write_tidy<W: Write>(table: &Table, w: &mut W) -> Result<(), Error> {
    writeln!(w, "{TIDY_HEADER}").map_err(io)?;
    table.records().try_for_each(|r| write_tidy_record(&r, w))
}

/// Writes one row as a tidy CSV line, for writers that stream rows without a whole table.
pub fn write_tidy_record<W: Write>(r: &Record<'_>, w: &mut W) -> Result<(), Error> {
    write!(w, "{},", r.year).map_err(io)?;
    if let Some(m) = r.month {
        write!(w, "{m}").map_err(io)?;
    }
    write!(w, ",{},{},{},{},", r.exporter, r.importer, r.product, Cents(r.value_cents)).map_err(io)?;
    if let Some(q) = r.quantity {
        // Stored as f32: its shortest form reads back to the same quantity.
        write!(w, "{}", q as f32).map_err(io)?;
    }
    write!(w, ",").map_err(io)?;
    write_text(w, r.unit.unwrap_or("")).map_err(io)?;
    write!(w, ",{},", r.reported_by).map_err(io)?;
    write_text(w, r.source).map_err(io)?;
    writeln!(w).map_err(io)
}

fn io(source: std::io::Error) -> Error {
    Error::Write { what: "tidy CSV".to_string(), source }
}

fn write_text<W: Write>(w: &mut W, s: &str) -> std::io::Result<()> {
    w.write_all(csv_cell(s).as_bytes())
}

/// Text as one CSV cell: quoted (with doubled quotes) when it holds a comma, quote or line break.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// Integer cents shown as dollars with two decimals, exactly.
#[derive(Clone, Copy, Debug)]
pub struct Cents(pub i64);

impl std::fmt::Display for Cents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_when_needed() {
        assert_eq!(csv_cell("BACI"), "BACI");
        assert_eq!(csv_cell("BACI, CEPII"), "\"BACI, CEPII\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn cents_print_exactly() {
        assert_eq!(Cents(123_456).to_string(), "1234.56");
        assert_eq!(Cents(5).to_string(), "0.05");
        assert_eq!(Cents(-150).to_string(), "-1.50");
    }
}
