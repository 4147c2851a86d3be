//! One piece of a file read on its own, as a worker of a parallel load reads it: the file's header line,
//! then whole lines from somewhere in the file. Its table is left unsorted and its line numbers are its own
//! (its header is its line 1); [`super::join::Joined`] puts the pieces back together in file order.
//!
//! Where to cut: at line ends, a piece at least [`PIECE_MIN`] bytes. A line end inside a quoted field
//! (Comtrade's descriptions may hold line breaks) is no row's end; a piece that ends inside quotes says so
//! ([`Piece::open`]) and the join refuses it, and the file is read in one piece instead.

use super::detect::{self, Format};
use super::lines::{is_gzip, Lines};
use super::{sniff, CountryCodes, Driver, Options, RowError};
use crate::store::{wire, Table};
use crate::Error;

/// The smallest piece worth a worker's round trip: below it the one pass is as quick.
pub const PIECE_MIN: usize = 1 << 20;

/// A piece read: its rows and what it found.
#[derive(Debug)]
pub struct Piece {
    /// Its rows, unsorted, with its own dictionaries.
    pub table: Table,
    /// The format its header names.
    pub format: Format,
    /// Lines read after the header.
    pub lines: u64,
    /// True when it ended inside a quoted field.
    pub open: bool,
    /// Bad rows skipped, and the first [`super::FIRST_ERRORS`] of them, numbered from its header.
    pub bad_rows: u64,
    /// See [`Piece::bad_rows`].
    pub first_errors: Vec<RowError>,
    /// The reader's notes ([`super::Loaded::notes`]).
    pub notes: Vec<String>,
    /// The CRC-32 of its bytes after the header, and their count: a zip entry's is checked once joined.
    pub crc: (u32, u64),
}

/// True when a file starting with `head` (its first 4 KB or more) can be cut into pieces: CSV text, not
/// gzip (whose bytes cannot be cut before they are inflated). A file that is no CSV text is an error, as
/// its one-piece read would say.
pub fn can_split(file: &str, head: &[u8]) -> Result<bool, Error> {
    sniff::check_text(file, head)?;
    Ok(!is_gzip(head) && memchr::memchr(b'\n', head).is_some())
}

/// The first line of `bytes` with its line end, the header every piece is given; `None` before its end.
pub fn header(bytes: &[u8]) -> Option<&[u8]> {
    memchr::memchr(b'\n', bytes).and_then(|end| bytes.get(..=end))
}

/// Where the piece starting at `from` ends: after the last line end of `bytes[from..]` at or past `from +
/// size`, or at the end of `bytes` when none is (the host's cut; the page's worker cuts its stream alike).
pub fn cut(bytes: &[u8], from: usize, size: usize) -> usize {
    let at = from.saturating_add(size.max(1)).saturating_sub(1);
    match bytes.get(at..).and_then(|rest| memchr::memchr(b'\n', rest)) {
        Some(end) => at + end + 1,
        None => bytes.len(),
    }
}

/// A piece being read: its header first, then its lines pushed in chunks.
pub struct PieceFeed {
    lines: Lines,
    crc: crc32fast::Hasher,
    bytes: u64,
}

impl PieceFeed {
    /// A piece of `file` (named in errors) of about `size` bytes, starting with the file's `header` line.
    pub fn new(
        file: &str,
        options: &Options,
        codes: Option<&CountryCodes>,
        header: &[u8],
        size: usize,
    ) -> Result<PieceFeed, Error> {
        let driver = Driver::new(file, options, codes, size, detect::reader);
        let mut lines = Lines::new(driver);
        lines.feed(header)?;
        Ok(PieceFeed {
            lines,
            crc: crc32fast::Hasher::new(),
            bytes: 0,
        })
    }

    /// Reads the next chunk of the piece.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.crc.update(bytes);
        self.bytes += bytes.len() as u64;
        self.lines.feed(bytes)
    }

    /// The piece, once every chunk went in.
    pub fn finish(self) -> Result<Piece, Error> {
        let crc = (self.crc.clone().finalize(), self.bytes);
        let (driver, lines, open) = self.lines.end_piece()?;
        let Some((format, rows)) = driver.reader else {
            return Err(Error::Header {
                file: driver.file,
                found: String::new(),
                expected: detect::EXPECTED.to_string(),
            });
        };
        Ok(Piece {
            notes: rows.notes(),
            table: driver.builder.unsorted(),
            format,
            lines: lines.saturating_sub(1),
            open,
            bad_rows: driver.bad_rows,
            first_errors: driver.first_errors,
            crc,
        })
    }
}

const FORMATS: [Format; 4] = [
    Format::Tidy,
    Format::Baci,
    Format::Comtrade,
    Format::ComtradeLegacy,
];

impl Piece {
    /// The piece as bytes, to send from its worker to the one that joins the pieces.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let format = FORMATS.iter().position(|f| *f == self.format).unwrap_or(0);
        out.push(format as u8);
        out.push(u8::from(self.open));
        out.extend_from_slice(&self.lines.to_le_bytes());
        out.extend_from_slice(&self.bad_rows.to_le_bytes());
        out.extend_from_slice(&self.crc.0.to_le_bytes());
        out.extend_from_slice(&self.crc.1.to_le_bytes());
        wire::len(&mut out, self.first_errors.len());
        for e in &self.first_errors {
            out.extend_from_slice(&e.line.to_le_bytes());
            out.push(u8::from(e.column.is_some()));
            wire::text(&mut out, e.column.as_deref().unwrap_or(""));
            wire::text(&mut out, &e.message);
        }
        wire::len(&mut out, self.notes.len());
        for n in &self.notes {
            wire::text(&mut out, n);
        }
        wire::write(&self.table, &mut out);
        out
    }

    /// A piece read back from [`Piece::to_bytes`]; an error naming `file` when the bytes are not one.
    pub fn from_bytes(file: &str, mut bytes: &[u8]) -> Result<Piece, Error> {
        Piece::read(&mut bytes).ok_or_else(|| Error::Decode {
            file: file.to_string(),
            message: "a piece of the file came back damaged from its worker".to_string(),
        })
    }

    fn read(b: &mut &[u8]) -> Option<Piece> {
        let head = wire::take(b, 30)?;
        let format = *FORMATS.get(usize::from(head[0]))?;
        let eight = |at: usize| {
            head.get(at..at + 8)?
                .try_into()
                .ok()
                .map(u64::from_le_bytes)
        };
        let (lines, bad_rows, crc_len) = (eight(2)?, eight(10)?, eight(22)?);
        let crc = u32::from_le_bytes(head.get(18..22)?.try_into().ok()?);
        let text = |b: &mut &[u8]| {
            let n = wire::count(b)?;
            String::from_utf8(wire::take(b, n)?.to_vec()).ok()
        };
        let mut first_errors = Vec::new();
        for _ in 0..wire::count(b)? {
            let line = u64::from_le_bytes(wire::take(b, 8)?.try_into().ok()?);
            let has_column = wire::take(b, 1)?[0] != 0;
            let column = text(b)?;
            let message = text(b)?;
            first_errors.push(RowError {
                line,
                column: has_column.then_some(column),
                message,
            });
        }
        let mut notes = Vec::new();
        for _ in 0..wire::count(b)? {
            notes.push(text(b)?);
        }
        Some(Piece {
            table: wire::read(b)?,
            format,
            lines,
            open: head[1] != 0,
            bad_rows,
            first_errors,
            notes,
            crc: (crc, crc_len),
        })
    }
}
