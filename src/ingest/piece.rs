//! One piece of a file read on its own, as a worker of a parallel load reads it: the file's header line,
//! then whole lines from somewhere in the file. Its table is sorted by route, by the worker that reads it,
//! and its line numbers are its own (its header is its line 1); [`super::join::Joined`] puts the pieces back
//! together in file order, and [`crate::store::route_merge`] their rows in route order.
//!
//! Where to cut: at line ends, a piece at least [`PIECE_MIN`] bytes. A line end inside a quoted field
//! (Comtrade's descriptions may hold line breaks) is no row's end; a piece that ends inside quotes says so
//! ([`Piece::open`]) and the join refuses it, and the file is read in one piece instead.

use super::detect::{self, Format};
use super::lines::{is_gzip, Lines};
use super::note::{About, Note};
use super::problem::{Expected, Problem};
use super::{sniff, CountryCodes, Driver, Options, RowError};
use crate::store::{wire, Table};
use crate::Error;

/// The smallest piece worth a worker's round trip: below it the one pass is as quick.
pub const PIECE_MIN: usize = 1 << 20;

/// A piece read: its rows and what it found.
#[derive(Debug)]
pub struct Piece {
    /// Its rows in route order, with its own dictionaries.
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
    pub notes: Vec<Note>,
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
                expected: Box::new(super::refusal::Want::AnyFormat),
            });
        };
        Ok(Piece {
            notes: rows.notes(),
            table: driver.builder.finish(),
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
            write_problem(&mut out, &e.problem);
        }
        wire::len(&mut out, self.notes.len());
        for n in &self.notes {
            write_note(&mut out, n);
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
        let mut first_errors = Vec::new();
        for _ in 0..wire::count(b)? {
            let line = u64::from_le_bytes(wire::take(b, 8)?.try_into().ok()?);
            let has_column = wire::take(b, 1)?[0] != 0;
            let column = wire::read_text(b)?;
            let problem = read_problem(b)?;
            first_errors.push(RowError { line, column: has_column.then_some(column), problem, file: None });
        }
        let mut notes = Vec::new();
        for _ in 0..wire::count(b)? {
            notes.push(read_note(b)?);
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

/// The values of [`Expected`] that carry nothing, by their number on the wire; the one that carries a
/// column's name comes after them.
const EXPECTED: [Expected; 22] = [
    Expected::Year,
    Expected::MonthOrNothing,
    Expected::ComtradeMonth,
    Expected::ComtradeFlow,
    Expected::LegacyPeriod,
    Expected::LegacyFlow,
    Expected::Alpha3,
    Expected::BaciCode,
    Expected::ListedCode { code_file: true },
    Expected::ListedCode { code_file: false },
    Expected::TidyHs,
    Expected::ComtradeHs,
    Expected::BaciHs,
    Expected::Dollars { comma: false },
    Expected::Dollars { comma: true },
    Expected::ComtradeDollars,
    Expected::ThousandDollars,
    Expected::UnderMax,
    Expected::NumberOrNothing,
    Expected::QuantityNotNegative,
    Expected::Tons,
    Expected::Side,
];

/// A bad row's problem as its kind, then three fields: numbers, or a text and numbers.
fn write_problem(out: &mut Vec<u8>, problem: &Problem) {
    match problem {
        Problem::Value { found, expected } => {
            out.push(0);
            wire::text(out, found);
            let (at, column) = match expected {
                Expected::KnownCountry { code_column } => (EXPECTED.len(), code_column.as_str()),
                e => (EXPECTED.iter().position(|x| x == e).unwrap_or(0), ""),
            };
            wire::len(out, at);
            wire::text(out, column);
        }
        Problem::Fields { found, expected, split } => {
            out.push(1);
            for n in [*found, *expected, usize::from(*split)] {
                wire::len(out, n);
            }
        }
        Problem::Unclosed { within } => {
            out.push(2);
            wire::len(out, within.map_or(0, |n| n + 1));
        }
    }
}

/// A piece's note (a piece has no file name of its own): its kind, then its fields.
fn write_note(out: &mut Vec<u8>, note: &Note) {
    match &note.about {
        About::OtherRelease { codes, data } => {
            out.push(0);
            wire::text(out, codes);
            wire::text(out, data);
        }
        About::BuiltInCodes { code_file, codes } => {
            out.push(1 + u8::from(*code_file));
            wire::len(out, codes.len());
            for c in codes {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
    }
}

/// A note written by [`write_note`].
fn read_note(b: &mut &[u8]) -> Option<Note> {
    let about = match wire::take(b, 1)?[0] {
        0 => About::OtherRelease { codes: wire::read_text(b)?, data: wire::read_text(b)? },
        kind @ (1 | 2) => {
            let n = wire::count(b)?;
            let codes = (0..n).map(|_| Some(u16::from_le_bytes(wire::take(b, 2)?.try_into().ok()?))).collect::<Option<_>>()?;
            About::BuiltInCodes { code_file: kind == 2, codes }
        }
        _ => return None,
    };
    Some(Note::new(about))
}

/// A problem written by [`write_problem`].
fn read_problem(b: &mut &[u8]) -> Option<Problem> {
    Some(match wire::take(b, 1)?[0] {
        0 => {
            let found = wire::read_text(b)?;
            let at = wire::count(b)?;
            let code_column = wire::read_text(b)?;
            let expected = if at == EXPECTED.len() { Expected::KnownCountry { code_column } } else { EXPECTED.get(at)?.clone() };
            Problem::Value { found, expected }
        }
        1 => Problem::Fields { found: wire::count(b)?, expected: wire::count(b)?, split: wire::count(b)? != 0 },
        2 => Problem::Unclosed { within: wire::count(b)?.checked_sub(1) },
        _ => return None,
    })
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_problem_crosses_the_wire_unchanged() {
        let values = EXPECTED.iter().cloned().chain([Expected::KnownCountry { code_column: "partnerCode".into() }]);
        let problems: Vec<Problem> = values
            .map(|expected| Problem::Value { found: "12,5…".into(), expected })
            .chain([
                Problem::Fields { found: 4, expected: 6, split: false },
                Problem::Fields { found: 7, expected: 6, split: true },
                Problem::Unclosed { within: Some(100) },
                Problem::Unclosed { within: None },
            ])
            .collect();
        crosses_unchanged(&problems, write_problem, read_problem);
        // Each is said in every language, the others' words differing from the English.
        for p in &problems {
            let [en, uk, ru] = [Lang::En, Lang::Uk, Lang::Ru].map(|lang| p.said_in(lang));
            assert!(en != uk && en != ru && uk != ru, "{en}");
        }
    }

    #[test]
    fn every_note_crosses_the_wire_unchanged() {
        let notes = [
            Note::new(About::OtherRelease { codes: "V202401".into(), data: "V202501".into() }),
            Note::new(About::BuiltInCodes { code_file: true, codes: vec![381, 417] }),
            Note::new(About::BuiltInCodes { code_file: false, codes: vec![699] }),
        ];
        crosses_unchanged(&notes, write_note, read_note);
    }

    /// Writes `items` one after another and reads them all back, with nothing left over.
    fn crosses_unchanged<T: PartialEq + std::fmt::Debug>(items: &[T], write: fn(&mut Vec<u8>, &T), read: fn(&mut &[u8]) -> Option<T>) {
        let mut out = Vec::new();
        for item in items {
            write(&mut out, item);
        }
        let mut b = out.as_slice();
        let back: Vec<T> = items.iter().map(|_| read(&mut b).unwrap_or_else(|| panic!("unread"))).collect();
        assert_eq!(back, items);
        assert!(b.is_empty());
    }
}
