use std::io::{self, Write};

use flate2::write::MultiGzDecoder;

use super::lines::{self, Lines};
use super::{sniff, CountryCodes, Driver, Loaded, Options};
use crate::Error;

/// Bytes looked at before the first line is read, to refuse a file that is not CSV text.
const HEAD: usize = 4096;

/// A trade file pushed in chunks as it is read, e.g. by the page's worker from a `File`'s stream: the same
/// rows and errors as [`super::load`], without ever holding the whole file (gzip is decompressed as it
/// comes).
///
/// ```
/// use roundabout::ingest::{Feed, Options};
/// let mut feed = Feed::new("story.csv", &Options::default(), None, 0);
/// feed.push(b"year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n2023,,CHN,KA").unwrap();
/// feed.push(b"Z,TOTAL,24700000000.00,,,exporter,China customs\n").unwrap();
/// assert_eq!(feed.finish().unwrap().table.len(), 1);
/// ```
pub struct Feed {
    head: Vec<u8>,
    started: bool,
    /// Where the bytes go once the head is checked: straight to the lines, or through gzip first.
    gzip: Option<MultiGzDecoder<Lines>>,
    lines: Option<Lines>,
    file: String,
}

impl Feed {
    /// A feed for `file` (named in errors) of `size` bytes (0 when unknown).
    pub fn new(file: &str, options: &Options, codes: Option<&CountryCodes>, size: usize) -> Feed {
        let lines = Lines::new(Driver::new(
            file,
            options,
            codes,
            size,
            super::detect::reader,
        ));
        Feed {
            head: Vec::new(),
            started: false,
            gzip: None,
            lines: Some(lines),
            file: file.to_string(),
        }
    }

    /// Reads the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        if self.started {
            return self.write(chunk);
        }
        if self.head.is_empty() && chunk.len() >= HEAD {
            return self.start(chunk);
        }
        self.head.extend_from_slice(chunk);
        if self.head.len() < HEAD {
            return Ok(());
        }
        let head = std::mem::take(&mut self.head);
        self.start(&head)
    }

    /// The table, once the whole file was pushed.
    pub fn finish(self) -> Result<Loaded, Error> {
        self.end(true)
    }

    /// [`Feed::finish`] with the rows as read, not ordered by route: a piece whose rows are sorted once
    /// merged with the others.
    pub fn finish_unsorted(self) -> Result<Loaded, Error> {
        self.end(false)
    }

    fn end(mut self, sorted: bool) -> Result<Loaded, Error> {
        if !self.started {
            let head = std::mem::take(&mut self.head);
            self.start(&head)?;
        }
        if let Some(Err(e)) = self.gzip.as_mut().map(|gz| gz.try_finish()) {
            return Err(self.broken(e));
        }
        let lines = match self.gzip.take() {
            Some(gz) => gz.finish().map_err(|e| self.broken(e))?,
            None => self
                .lines
                .take()
                .ok_or_else(|| self.broken(io::Error::other("fed after the end")))?,
        };
        lines.end()?.finish(sorted)
    }

    /// Checks the first bytes, chooses gzip or not, and reads them.
    fn start(&mut self, head: &[u8]) -> Result<(), Error> {
        self.started = true;
        sniff::check_text(&self.file, head)?;
        if lines::is_gzip(head) {
            if let Some(l) = self.lines.as_mut() {
                l.driver.size = 0; // the compressed size says little about the rows
            }
            self.gzip = self.lines.take().map(MultiGzDecoder::new);
        }
        self.write(head)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let result = match (self.gzip.as_mut(), self.lines.as_mut()) {
            (Some(gz), _) => gz.write_all(bytes),
            (None, Some(lines)) => return lines.feed(bytes),
            (None, None) => Ok(()),
        };
        result.map_err(|e| self.broken(e))
    }

    /// The error behind a failed write: the rows' own, or the gzip data's.
    fn broken(&mut self, e: io::Error) -> Error {
        let kept = self.gzip.as_mut().and_then(|gz| gz.get_mut().failed.take());
        kept.unwrap_or_else(|| {
            lines::damaged(
                &self.file,
                "gzip data",
                self.gzip.as_ref().map_or(0, |gz| gz.get_ref().line_no),
                &e,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load;

    fn fed(name: &str, bytes: &[u8], chunk: usize) -> Result<Loaded, Error> {
        let mut feed = Feed::new(name, &Options::default(), None, bytes.len());
        for c in bytes.chunks(chunk.max(1)) {
            feed.push(c)?;
        }
        feed.finish()
    }

    fn rows(l: &Loaded) -> Vec<String> {
        l.table.records().map(|r| format!("{r:?}")).collect()
    }

    #[test]
    fn any_chunking_reads_what_a_whole_load_reads() {
        let mut csv = crate::bench_data::baci(3_000, 5);
        csv.push_str("2023,156,398,x,1,2\n2023,156,398,10121,1,\r\n\n2022, 156 ,398,10121,2.5,NA");
        let whole = load("b.csv", csv.as_bytes(), &Options::default()).map_err(|e| e.to_string());
        let whole = whole.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(whole.bad_rows, 1);
        for chunk in [1, 7, 4096, 65_536, csv.len()] {
            let got =
                fed("b.csv", csv.as_bytes(), chunk).unwrap_or_else(|e| panic!("{chunk}: {e}"));
            assert_eq!(
                (rows(&got), got.bad_rows, got.first_errors.clone()),
                (rows(&whole), 1, whole.first_errors.clone()),
                "chunks of {chunk}"
            );
        }
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = enc.write_all(csv.as_bytes());
        let gz = enc.finish().unwrap_or_default();
        let got = fed("b.csv", &gz, 1000).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows(&got), rows(&whole));
    }

    #[test]
    fn bad_files_are_named_errors() {
        fn msg<T>(r: Result<T, Error>) -> String {
            r.err().map(|e| e.to_string()).unwrap_or_default()
        }
        assert!(msg(fed("e.csv", b"", 10)).starts_with("e.csv: the file is empty"));
        assert!(msg(fed("z.csv", b"PK\x03\x04rest", 2)).contains("zip archive"));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(crate::bench_data::baci(2_000, 3).as_bytes());
        let gz = gz.finish().unwrap_or_default();
        let cut = msg(fed("c.csv.gz", &gz[..gz.len() / 2], 500));
        assert!(
            cut.starts_with("c.csv.gz:") && cut.contains("damaged"),
            "{cut}"
        );
        let mut strict = Feed::new("s.csv", &Options { strict: true }, None, 0);
        let r = strict
            .push(b"t,i,j,k,v,q\n2023,156,398,10121,abc,1\n")
            .and_then(|()| strict.finish().map(|l| l.table.len()));
        assert!(
            msg(r).contains("line 2"),
            "strict mode stops at the bad row"
        );
    }
}
