use std::io::{ErrorKind, Read};

use super::detect::{self, Format};
use super::lines::{damaged, Lines};
use super::{Chunks, CountryCodes, Driver, Options, RowError};
use crate::store::Table;
use crate::Error;

/// Bytes read at a time.
const READ: usize = 1 << 20;

/// What a streamed file held, without its rows.
#[derive(Debug)]
pub struct Streamed {
    /// The format detected.
    pub format: Format,
    /// How many rows were read.
    pub rows: u64,
    /// How many rows were skipped as bad.
    pub bad_rows: u64,
    /// The first [`super::FIRST_ERRORS`] bad rows.
    pub first_errors: Vec<RowError>,
}

/// Reads a trade file from a stream (already decompressed) and hands its rows to `each` in tables of at most
/// `chunk_rows` rows, so that memory stays bounded however large the file is.
///
/// The tables share one set of dictionaries, which keeps growing: a country's index stays the same from
/// one chunk to the next. Lines, quoted fields and bad rows are read as [`super::load`] reads them: the
/// same driver and line loop ([`super::lines`]), with the table handed on each time it is full.
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
    mut reader: R,
    options: &Options,
    codes: Option<&CountryCodes>,
    chunk_rows: usize,
    each: impl FnMut(&Table) -> Result<(), Error>,
) -> Result<Streamed, Error> {
    let chunks = Each {
        rows: chunk_rows.max(1),
        read: 0,
        each,
    };
    // The size is left unknown (0): the driver reserves a chunk, never the whole file's rows.
    let mut driver = Driver::with_chunks(file_name, options, codes, 0, detect::reader, chunks);
    driver.builder.reserve(chunk_rows.min(1 << 20));
    let mut lines = Lines::new(driver);
    let mut buf = vec![0u8; READ];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => lines.feed(buf.get(..n).unwrap_or_default())?,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(damaged(file_name, "the data", lines.line_no, &e)),
        }
    }
    let mut driver = lines.end()?;
    let Some((format, _)) = driver.reader.take() else {
        return Err(Error::Header {
            file: file_name.to_string(),
            found: String::new(),
            expected: Box::new(super::refusal::Want::AnyFormat),
        });
    };
    if !driver.builder.is_empty() {
        driver.chunks.full(driver.builder.rows())?;
    }
    Ok(Streamed {
        format,
        rows: driver.chunks.read,
        bad_rows: driver.bad_rows,
        first_errors: driver.first_errors,
    })
}

/// Hands each full table to the caller's `each`, counting the rows.
struct Each<F> {
    rows: usize,
    read: u64,
    each: F,
}

impl<F: FnMut(&Table) -> Result<(), Error>> Chunks for Each<F> {
    fn rows(&self) -> usize {
        self.rows
    }

    fn full(&mut self, table: &Table) -> Result<(), Error> {
        self.read += table.len() as u64;
        (self.each)(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_every_row_once_and_bad_rows_are_counted() {
        let mut csv = String::from(
            "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n",
        );
        for i in 0..1_000 {
            csv.push_str(&format!("2022,,CHN,KAZ,880621,{i}.25,,,exporter,x\n"));
        }
        csv.push_str("2022,,CHN,KAZ,880621,oops,,,exporter,x\n");
        let (mut cents, mut chunks) = (0i64, 0);
        let s = stream(
            "t.csv",
            csv.as_bytes(),
            &Options::default(),
            None,
            300,
            |t| {
                chunks += 1;
                cents += t.records().map(|r| r.value_cents).sum::<i64>();
                Ok(())
            },
        );
        let s = s.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (s.format, s.rows, s.bad_rows, chunks),
            (Format::Tidy, 1_000, 1, 4)
        );
        assert_eq!(cents, (0..1_000i64).map(|i| i * 100 + 25).sum::<i64>());
        let strict = stream(
            "t.csv",
            csv.as_bytes(),
            &Options { strict: true },
            None,
            300,
            |_| Ok(()),
        );
        assert!(
            matches!(strict, Err(Error::Row { line: 1002, .. })),
            "{strict:?}"
        );
    }
}
