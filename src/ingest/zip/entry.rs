//! One entry's bytes, stored or deflated, checked against the directory's size and CRC-32 as they pass.

use flate2::{Crc, Decompress, FlushDecompress, Status};

use super::directory::Entry;
use crate::Error;

/// What an entry of a BACI zip is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A trade table (CSV, or gzipped CSV).
    Data,
    /// BACI's `country_codes_V*.csv`, used for the archive's data.
    CountryCodes,
    /// A story saved from the page: its `story.json`, beside its data.
    Story,
    /// BACI's `product_codes_*.csv`, and anything else: skipped.
    Skipped,
}

impl Entry {
    /// The file name without its folders.
    pub fn base_name(&self) -> &str {
        // Byte search: `/` is ASCII, and str's pattern searchers would cost the worker's module 2 KB.
        let from = self.name.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1);
        self.name.get(from..).unwrap_or(&self.name)
    }

    /// What the entry is, from its name.
    pub fn kind(&self) -> Kind {
        let base = self.base_name().to_ascii_lowercase();
        let csv = base.ends_with(".csv") || base.ends_with(".csv.gz");
        match () {
            _ if base == "story.json" => Kind::Story,
            _ if !csv => Kind::Skipped,
            _ if base.starts_with("country_codes") => Kind::CountryCodes,
            _ if base.starts_with("product_codes") => Kind::Skipped,
            _ => Kind::Data,
        }
    }

    /// The year in a BACI entry's name (`BACI_HS22_Y2023_V202501.csv`).
    pub fn year(&self) -> Option<u16> {
        year_in(self.base_name())
    }
}

/// The year in a BACI file's name: the four digits after `_Y`.
pub fn year_in(name: &str) -> Option<u16> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(5)).filter(|&i| b[i] == b'_' && b[i + 1] == b'Y').find_map(|i| {
        let digits = &b[i + 2..i + 6];
        let year = digits.iter().try_fold(0u16, |y, d| d.is_ascii_digit().then(|| y * 10 + u16::from(d - b'0')))?;
        (1900..2200).contains(&year).then_some(year)
    })
}

/// Bytes of inflated output handed on at a time.
const OUT: usize = 1 << 16;

/// An entry being read: its compressed bytes in (or its bytes inflated elsewhere, by the browser), its
/// plain bytes out to a sink, checked at the end.
pub struct EntryReader {
    file: String,
    inflate: Option<Decompress>,
    out: Vec<u8>,
    crc: Crc,
    expected: (u64, u32),
}

/// The entry `file` (`zip/entry`) whose deflated bytes could not be inflated, `why` in the inflater's words:
/// the core's or, in the worker, the browser's.
pub fn damaged(file: &str, why: impl std::fmt::Display) -> Error {
    Error::Decode { file: file.to_string(), message: format!("deflate data is damaged ({why}); download the zip again") }
}

impl EntryReader {
    /// A reader for `entry` of the archive `file`; `inflated` when the bytes pushed are already plain.
    pub fn new(file: &str, entry: &Entry, inflated: bool) -> Result<EntryReader, Error> {
        let name = format!("{file}/{}", entry.name);
        let inflate = match entry.method {
            0 => None,
            8 if inflated => None,
            8 => Some(Decompress::new(false)),
            m => {
                let message = format!("compressed with method {m}; only stored and deflated entries are read (unzip it and load the CSV)");
                return Err(Error::Decode {
                    file: name,
                    message,
                });
            }
        };
        Ok(EntryReader {
            file: name,
            inflate,
            out: vec![0; OUT],
            crc: Crc::new(),
            expected: (entry.size, entry.crc),
        })
    }

    /// The entry's name as errors give it: `archive.zip/inner.csv`.
    pub fn name(&self) -> &str {
        &self.file
    }

    /// Reads the next bytes of the entry and hands the plain bytes to `sink`.
    pub fn push(
        &mut self,
        mut input: &[u8],
        sink: &mut dyn FnMut(&[u8]) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let Some(z) = self.inflate.as_mut() else {
            self.crc.update(input);
            return sink(input);
        };
        while !input.is_empty() {
            let (before_in, before_out) = (z.total_in(), z.total_out());
            let status = z.decompress(input, &mut self.out, FlushDecompress::None);
            let status = status.map_err(|e| damaged(&self.file, e))?;
            let (used, made) = (
                (z.total_in() - before_in) as usize,
                (z.total_out() - before_out) as usize,
            );
            input = &input[used..];
            self.crc.update(&self.out[..made]);
            sink(&self.out[..made])?;
            if status == Status::StreamEnd || (used == 0 && made == 0) {
                break;
            }
        }
        Ok(())
    }

    /// Checks the entry's size and CRC-32 against the directory's.
    pub fn finish(mut self, sink: &mut dyn FnMut(&[u8]) -> Result<(), Error>) -> Result<(), Error> {
        // Output the inflater holds back until asked with no more input.
        if let Some(z) = self.inflate.as_mut() {
            loop {
                let before = z.total_out();
                let _ = z.decompress(&[], &mut self.out, FlushDecompress::Finish);
                let made = (z.total_out() - before) as usize;
                if made == 0 {
                    break;
                }
                self.crc.update(&self.out[..made]);
                sink(&self.out[..made])?;
            }
        }
        // Crc counts its bytes in a u32: compare the size modulo 2^32, the CRC settles the rest.
        let got = (u64::from(self.crc.amount()), self.crc.sum());
        check(&self.file, got, (self.expected.0 & u64::from(u32::MAX), self.expected.1))
    }
}

/// An entry's size and CRC-32 as read, `got`, against the directory's, `expected`.
pub fn check(file: &str, got: (u64, u32), expected: (u64, u32)) -> Result<(), Error> {
    if got != expected {
        let message = format!("{} bytes with CRC {:08x}, the directory says {} bytes with CRC {:08x}; the zip is damaged or cut short: download it again", got.0, got.1, expected.0, expected.1);
        return Err(Error::Decode {
            file: file.to_string(),
            message,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str) -> Entry {
        Entry {
            name: name.into(),
            method: 8,
            crc: 0,
            compressed: 0,
            size: 0,
            header_at: 0,
        }
    }

    #[test]
    fn names_say_kind_and_year() {
        assert_eq!(entry("BACI_HS22_Y2023_V202501.csv").kind(), Kind::Data);
        assert_eq!(entry("BACI_HS22_Y2023_V202501.csv").year(), Some(2023));
        assert_eq!(
            entry("x/country_codes_V202501.csv").kind(),
            Kind::CountryCodes
        );
        assert_eq!(
            entry("product_codes_HS22_V202501.csv").kind(),
            Kind::Skipped
        );
        assert_eq!(entry("Readme.txt").kind(), Kind::Skipped);
        assert_eq!(entry("trade.csv").year(), None);
    }

    #[test]
    fn damaged_deflate_and_wrong_crc_are_named() {
        let mut sink = |_: &[u8]| Ok(());
        let mut r = EntryReader::new(
            "a.zip",
            &Entry {
                size: 3,
                ..entry("t.csv")
            },
            false,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let err = r
            .push(&[0xff; 16], &mut sink)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("a.zip/t.csv: deflate data is damaged"),
            "{err}"
        );
        let stored = Entry {
            method: 0,
            size: 3,
            crc: 1,
            ..entry("s.csv")
        };
        let mut r = EntryReader::new("a.zip", &stored, false).unwrap_or_else(|e| panic!("{e}"));
        assert!(r.push(b"abc", &mut sink).is_ok());
        assert!(r
            .finish(&mut sink)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .contains("CRC"));
        assert!(EntryReader::new(
            "a.zip",
            &Entry {
                method: 12,
                ..entry("b.csv")
            },
            false
        )
        .is_err());
    }
}
