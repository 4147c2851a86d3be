use std::io::Read;

use super::detect::{self, Format};
use super::fields::Fields;
use super::lines::for_each_line_in;
use super::row_error::Bad;
use super::{CountryCodes, Options, RowError, RowReader, FIRST_ERRORS};
use crate::store::{Table, TableBuilder};
use crate::Error;

/// What a streamed file held, without its rows.
#[derive(Debug)]
pub struct Streamed {
    /// The format detected.
    pub format: Format,
    /// How many rows were read.
    pub rows: u64,
    /// How many rows were skipped as bad.
    pub bad_rows: u64,
    /// The first [`FIRST_ERRORS`] bad rows.
    pub first_errors: Vec<RowError>,
}

/// Reads a trade file from a stream (already decompressed) and hands its rows to `each` in tables of at most
/// `chunk_rows` rows, so that memory stays bounded however large the file is.
///
/// The tables share one set of dictionaries, which keeps growing: a country's index stays the same from
/// one chunk to the next. Bad rows are handled as in [`super::load`].
///
/// ```
/// use roundabout::ingest::{stream, Options};
/// let csv = "t,i,j,k,v,q\n2022,156,398,880621,1.5,NA\n2022,398,643,880621,2.5,NA\n2023,156,398,854231,3,1\n";
/// let mut sizes = Vec::new();
/// let s = stream("b.csv", csv.as_bytes(), &Options::default(), None, 2, |t| { sizes.push(t.len()); Ok(()) }).unwrap();
/// assert_eq!((s.rows, sizes), (3, vec![2, 1]));
/// ```
pub fn stream<R: Read>(
    file_name: &str,
    reader: R,
    options: &Options,
    codes: Option<&CountryCodes>,
    chunk_rows: usize,
    mut each: impl FnMut(&Table) -> Result<(), Error>,
) -> Result<Streamed, Error> {
    let mut builder = TableBuilder::new(file_name);
    builder.reserve(chunk_rows.min(1 << 20));
    let mut fields = Fields::default();
    let mut rows: Option<(Format, Box<dyn RowReader>)> = None;
    let (mut read, mut bad_rows, mut first_errors) = (0u64, 0u64, Vec::new());
    for_each_line_in(file_name, reader, |line_no, line| {
        let Some((_, reader)) = rows.as_mut() else {
            let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            fields.split(line);
            rows = Some(detect::reader(file_name, line, &fields, codes.cloned())?);
            return Ok(());
        };
        if line.trim_ascii().is_empty() {
            return Ok(());
        }
        fields.split(line);
        match reader.row(line_no, line, &fields, &mut builder) {
            Ok(()) => read += 1,
            Err(Bad::Fatal(e)) => return Err(e),
            Err(Bad::Row(e)) if options.strict => {
                return Err(Error::Row { file: file_name.to_string(), line: e.line, column: e.column, message: e.message })
            }
            Err(Bad::Row(e)) => {
                bad_rows += 1;
                if first_errors.len() < FIRST_ERRORS {
                    first_errors.push(e);
                }
            }
        }
        if builder.len() >= chunk_rows {
            each(builder.rows())?;
            builder.clear_rows();
        }
        Ok(())
    })?;
    let Some((format, _)) = rows else {
        return Err(Error::Header { file: file_name.to_string(), found: String::new(), expected: detect::EXPECTED.to_string() });
    };
    if !builder.is_empty() {
        each(builder.rows())?;
    }
    Ok(Streamed { format, rows: read, bad_rows, first_errors })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_every_row_once_and_bad_rows_are_counted() {
        let mut csv = String::from("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n");
        for i in 0..1_000 {
            csv.push_str(&format!("2022,,CHN,KAZ,880621,{i}.25,,,exporter,x\n"));
        }
        csv.push_str("2022,,CHN,KAZ,880621,oops,,,exporter,x\n");
        let (mut cents, mut chunks) = (0i64, 0);
        let s = stream("t.csv", csv.as_bytes(), &Options::default(), None, 300, |t| {
            chunks += 1;
            cents += t.records().map(|r| r.value_cents).sum::<i64>();
            Ok(())
        });
        let s = s.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.format, s.rows, s.bad_rows, chunks), (Format::Tidy, 1_000, 1, 4));
        assert_eq!(cents, (0..1_000i64).map(|i| i * 100 + 25).sum::<i64>());
        let strict = stream("t.csv", csv.as_bytes(), &Options { strict: true }, None, 300, |_| Ok(()));
        assert!(matches!(strict, Err(Error::Row { line: 1002, .. })), "{strict:?}");
    }
}
