//! The one chunk loop of every load: bytes pushed as they come (a file's stream in the page's worker, a
//! reader's 1 MiB reads in [`super::stream`], gzip's output, a whole buffer) are cut into lines, a line cut
//! by a chunk's end carried over to the next, and the lines go to the load's [`Driver`].

use std::io::{self, Read, Write};

use super::quoted::Joiner;
use super::{Chunks, Driver, Whole, RESERVE_AFTER};
use crate::Error;

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Calls `each` with every line (1-based number, bytes without the line ending) of a small file held whole,
/// gzip decompressed first (BACI's country-code file).
pub fn for_each_line<F>(file: &str, bytes: &[u8], mut each: F) -> Result<(), Error>
where
    F: FnMut(u64, &[u8]) -> Result<(), Error>,
{
    let mut line_no = 0;
    if !is_gzip(bytes) {
        return each_line(bytes, &mut line_no, &mut each);
    }
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut plain)
        .map_err(|e| damaged(file, "gzip data", 0, &e))?;
    each_line(&plain, &mut line_no, &mut each)
}

/// The error for `what` ("gzip data", "the data") breaking off after `lines` lines of `file`.
pub(super) fn damaged(file: &str, what: &str, lines: u64, e: &io::Error) -> Error {
    let after = if lines > 0 {
        format!(" after line {lines}")
    } else {
        String::new()
    };
    Error::Decode {
        file: file.to_string(),
        message: format!(
            "{what} is damaged{after} ({e}); the file may be cut short: download it again"
        ),
    }
}

/// Calls `each` with the lines of `bytes`, numbering them on from `line_no`; a final piece without a line
/// ending is a line too.
pub(crate) fn each_line<F>(bytes: &[u8], line_no: &mut u64, each: &mut F) -> Result<(), Error>
where
    F: FnMut(u64, &[u8]) -> Result<(), Error>,
{
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if start > bytes.len() {
            break;
        }
        let mut line = &bytes[start..end];
        start = end + 1;
        if end == bytes.len() && line.is_empty() {
            break;
        }
        *line_no += 1;
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
        each(*line_no, line)?;
    }
    Ok(())
}

/// The line splitter: carries a line cut by a chunk's end over to the next chunk.
pub(super) struct Lines<C: Chunks = Whole> {
    carry: Vec<u8>,
    /// Lines read so far.
    pub(super) line_no: u64,
    joiner: Joiner,
    pub(super) driver: Driver<C>,
    /// The error that stopped the rows, kept while gzip's writer only passes `io::Error`s on.
    pub(super) failed: Option<Error>,
    /// The lines ahead were counted once, for [`Lines::reserve_ahead`].
    looked_ahead: bool,
    /// The bytes [`Lines::reserve_ahead`] counted lines in, for the tests.
    #[cfg(test)]
    looked_at: usize,
}

impl<C: Chunks> Lines<C> {
    pub(super) fn new(driver: Driver<C>) -> Lines<C> {
        Lines {
            carry: Vec::new(),
            line_no: 0,
            joiner: Joiner::default(),
            driver,
            failed: None,
            looked_ahead: false,
            #[cfg(test)]
            looked_at: 0,
        }
    }

    /// The driver, once every byte went in: the last line may lack its line ending.
    pub(super) fn end(mut self) -> Result<Driver<C>, Error> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        let carry = std::mem::take(&mut self.carry);
        self.feed_lines(&carry)?;
        self.joiner.finish(&mut self.driver)?;
        Ok(self.driver)
    }

    /// The driver once a piece of a file went in (see [`super::piece`]), the lines read, and whether the
    /// piece ended inside a quoted field (its edge then was no row's end, and the piece cannot stand alone).
    #[cfg(feature = "worker")]
    pub(super) fn end_piece(mut self) -> Result<(Driver<C>, u64, bool), Error> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        let carry = std::mem::take(&mut self.carry);
        self.feed_lines(&carry)?;
        let open = !self.joiner.is_idle();
        self.joiner.finish(&mut self.driver)?;
        Ok((self.driver, self.line_no, open))
    }

    /// Reads the complete lines of `bytes` and carries the last, cut one over.
    pub(super) fn feed(&mut self, mut bytes: &[u8]) -> Result<(), Error> {
        if !self.carry.is_empty() {
            let Some(end) = memchr::memchr(b'\n', bytes) else {
                self.carry.extend_from_slice(bytes);
                return Ok(());
            };
            let mut line = std::mem::take(&mut self.carry);
            line.extend_from_slice(&bytes[..=end]);
            self.feed_lines(&line)?;
            line.clear();
            self.carry = line;
            bytes = &bytes[end + 1..];
        }
        let cut = memchr::memrchr(b'\n', bytes).map_or(0, |p| p + 1);
        self.feed_lines(&bytes[..cut])?;
        self.carry.extend_from_slice(&bytes[cut..]);
        Ok(())
    }

    /// Reads complete lines (the last may lack its line ending): runs of lines in the format's usual shape
    /// in one pass, each other line through the general reader.
    fn feed_lines(&mut self, mut bytes: &[u8]) -> Result<(), Error> {
        while !bytes.is_empty() {
            if self.joiner.is_idle() {
                self.reserve_ahead(bytes);
                let (used, lines) = self.driver.plain_run(bytes)?;
                self.line_no += lines;
                self.driver.seen_bytes += used;
                bytes = bytes.get(used..).unwrap_or_default();
                if self.line_no >= RESERVE_AFTER {
                    self.driver.reserve(self.line_no, self.driver.seen_bytes);
                }
            }
            let end = memchr::memchr(b'\n', bytes).map_or(bytes.len(), |p| p + 1);
            let (line, rest) = bytes.split_at(end);
            self.general(line)?;
            bytes = rest;
        }
        Ok(())
    }

    /// Makes room for the rows once the header is read, guessed from the lines of `bytes` ahead when they
    /// are enough: the columns are then made once, before the first rows, not grown row by row to the first
    /// chunk's and moved, which left holes in the wasm memory that the columns could not use. The lines are
    /// counted once a file: this runs before every line the general reader reads.
    fn reserve_ahead(&mut self, bytes: &[u8]) {
        let d = &mut self.driver;
        if self.looked_ahead || d.reserved || d.size == 0 || d.reader.is_none() {
            return;
        }
        self.looked_ahead = true;
        #[cfg(test)]
        {
            self.looked_at += bytes.len();
        }
        let lines = self.line_no + memchr::memchr_iter(b'\n', bytes).count() as u64;
        if lines >= RESERVE_AFTER {
            d.reserve(lines, d.seen_bytes + bytes.len());
        }
    }

    /// One line (with its line ending, if any) through the quote joiner and the general reader.
    fn general(&mut self, line: &[u8]) -> Result<(), Error> {
        let (d, rows) = (&mut self.driver, &mut self.joiner);
        each_line(line, &mut self.line_no, &mut |line_no, line: &[u8]| {
            d.seen_bytes += line.len() + 1;
            if line_no >= RESERVE_AFTER {
                d.reserve(line_no, d.seen_bytes);
            }
            let line = if line_no == 1 {
                line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
            } else {
                line
            };
            rows.push(line_no, line, d)
        })
    }
}

/// Decompressed bytes arrive here from gzip.
impl<C: Chunks> Write for Lines<C> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.failed.is_some() {
            return Err(io::Error::other("stopped"));
        }
        match self.feed(buf) {
            Ok(()) => Ok(buf.len()),
            Err(e) => {
                self.failed = Some(e);
                Err(io::Error::other("stopped"))
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn collect(bytes: &[u8]) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        let r = for_each_line("t", bytes, |n, l| {
            out.push((n, String::from_utf8_lossy(l).into_owned()));
            Ok(())
        });
        assert!(r.is_ok());
        out
    }

    #[test]
    fn splits_lines_and_strips_crlf() {
        let got = collect(b"a,b\r\nc\n\nd");
        let want: Vec<(u64, String)> = vec![
            (1, "a,b".into()),
            (2, "c".into()),
            (3, "".into()),
            (4, "d".into()),
        ];
        assert_eq!(got, want);
        assert_eq!(collect(b"x\n").len(), 1);
        assert!(collect(b"").is_empty());
    }

    #[test]
    fn gzip_gives_the_same_lines() {
        let text: String = (0..50_000).map(|i| format!("{i},row\n")).collect();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = enc.write_all(text.as_bytes());
        let gz = enc.finish().unwrap_or_default();
        assert!(is_gzip(&gz));
        assert_eq!(collect(&gz), collect(text.as_bytes()));
    }

    /// The lines ahead are counted once a file, not again before each line the general reader takes: once
    /// they were counted before every line of a file too short to reserve for, which made reading the
    /// story's table quadratic.
    #[test]
    fn the_lines_ahead_are_counted_once() {
        for rows in [600, 3_000] {
            let text: String = std::iter::once("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n".to_string())
                .chain((0..rows).map(|i| format!("2023,,CHN,KAZ,TOTAL,{i}.00,,,exporter,China customs\n")))
                .collect();
            let driver = Driver::new("t.csv", &super::super::Options::default(), None, text.len(), super::super::detect::reader);
            let mut lines = Lines::new(driver);
            assert!(lines.feed(text.as_bytes()).is_ok());
            assert!(lines.looked_at <= text.len(), "{rows} rows: {} bytes looked at for {}", lines.looked_at, text.len());
            assert_eq!(lines.end().map(|d| d.builder.len()).ok(), Some(rows));
        }
    }

    #[test]
    fn damaged_gzip_is_an_error_naming_the_file() {
        let r = for_each_line("x.csv.gz", &[0x1f, 0x8b, 8, 0, 1, 2, 3], |_, _| Ok(()));
        let msg = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.starts_with("x.csv.gz:"), "{msg}");
    }
}
