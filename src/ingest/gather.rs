//! Several trade files (or a zip's entries) read one after another into one table, as the command line's
//! repeated `--data` and the page's several dropped files: each through a [`Feed`], the rows merged, and
//! optionally only the rows touching some countries kept, so that memory holds the rows kept.
//!
//! When only some countries' rows are kept, a BACI file is cut into pieces at line ends (its header given
//! again to each piece), so that however big an entry, only one piece's table is held beside the rows
//! kept; line numbers in errors stay the file's own. When every row is kept, a file is read in one piece:
//! its pieces, read one after another, would only be sorted each and copied once more into one table.
//!
//! Each file's or piece's table is sorted by route as it ends (a parallel load's pieces by the helper
//! workers that read them), and the tables are merged in route order at the end ([`merge_by_route`]).

use super::join::Joined;
use super::note::Note;
use super::piece::Piece;
use super::{CountryCodes, Feed, Format, Loaded, Options, RowError, FIRST_ERRORS};
use crate::store::route_merge::merge_by_route;
use crate::store::{merge, Table, TableBuilder};
use crate::Error;

/// Bytes of a BACI file read into one piece: some 500,000 rows, 10 MB of table (4 KB in the tests, so that
/// small files are cut).
const PIECE: usize = if cfg!(test) { 1 << 12 } else { 16 << 20 };

/// The files read so far, as one table.
pub struct Gather {
    options: Options,
    keep: Option<Vec<String>>,
    /// Each file's or piece's rows (with `keep`, those kept) in file order, each in route order: sorted as it
    /// ends, while the next is read (by a helper worker, for a parallel load's pieces), and merged at the end.
    tables: Vec<Table>,
    formats: Vec<Format>,
    files: Vec<String>,
    bad_rows: u64,
    first_errors: Vec<(usize, RowError)>,
    /// What the readers guessed or found amiss, once each, naming the file.
    notes: Vec<Note>,
    part: Option<Part>,
    joining: Option<Joining>,
}

/// The file being read in pieces by other workers.
struct Joining {
    name: String,
    joined: Joined,
    format: Option<Format>,
    /// What was gathered before its first piece, to go back to when the join is refused.
    before: Mark,
}

/// How far the gathering was.
struct Mark {
    tables: usize,
    bad_rows: u64,
    first_errors: usize,
    notes: Vec<Note>,
}

/// The file being read.
struct Part {
    name: String,
    codes: Option<CountryCodes>,
    size: usize,
    /// The bytes before the header line's end, until it is known.
    head: Vec<u8>,
    /// BACI's header line, given again to every piece; `None` for a file read whole.
    header: Option<Vec<u8>>,
    feed: Option<Feed>,
    /// Bytes and line ends pushed into the current piece, and line ends of the file before it.
    piece_bytes: usize,
    piece_lines: u64,
    lines_before: u64,
    /// Pieces read before the current one.
    pieces: u64,
}

/// What [`Gather::finish`] hands back.
#[derive(Debug)]
pub struct Gathered {
    /// The rows kept, their format (the first file's) and the bad rows of every file.
    pub loaded: Loaded,
    /// Each file's format, in reading order, e.g. "CEPII BACI, UN Comtrade Plus CSV".
    pub formats: String,
    /// The files read, in order.
    pub files: Vec<String>,
}

impl Gather {
    /// An empty gathering; with `keep`, only the rows whose exporter or importer is one of those alpha-3 codes.
    pub fn new(options: &Options, keep: Option<Vec<String>>) -> Gather {
        let keep = keep.map(|k| {
            k.iter()
                .map(|c| c.trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty())
                .collect()
        });
        Gather {
            options: options.clone(),
            keep,
            tables: Vec::new(),
            formats: Vec::new(),
            files: Vec::new(),
            bad_rows: 0,
            first_errors: Vec::new(),
            notes: Vec::new(),
            part: None,
            joining: None,
        }
    }

    /// Starts reading the file `name` of `size` bytes (0 when unknown), with BACI's country codes.
    pub fn begin(
        &mut self,
        name: &str,
        size: usize,
        codes: Option<&CountryCodes>,
    ) -> Result<(), Error> {
        if self.part.is_some() {
            self.end()?;
        }
        self.part = Some(Part {
            name: name.to_string(),
            codes: codes.cloned(),
            size,
            head: Vec::new(),
            header: None,
            feed: None,
            piece_bytes: 0,
            piece_lines: 0,
            lines_before: 0,
            pieces: 0,
        });
        Ok(())
    }

    /// Reads the next bytes of the file begun.
    pub fn push(&mut self, mut bytes: &[u8]) -> Result<(), Error> {
        let Some(part) = self.part.as_mut() else {
            return Err(Error::Input(
                "bytes pushed before a file was begun".to_string(),
            ));
        };
        if part.feed.is_none() {
            let Some(end) = memchr::memchr(b'\n', bytes) else {
                part.head.extend_from_slice(bytes);
                return if part.head.len() > 4096 {
                    self.start(&[])
                } else {
                    Ok(())
                };
            };
            self.start(&bytes[..=end])?;
            bytes = &bytes[end + 1..];
        }
        while !bytes.is_empty() {
            let Some(part) = self.part.as_mut() else {
                break;
            };
            if part.header.is_none() || part.piece_bytes < PIECE {
                part.push(bytes)?;
                return Ok(());
            }
            // The piece is full: it ends at the next line end, and the rest starts a new one.
            let Some(end) = memchr::memchr(b'\n', bytes) else {
                return part.push(bytes);
            };
            part.push(&bytes[..=end])?;
            bytes = &bytes[end + 1..];
            self.next_piece()?;
        }
        Ok(())
    }

    /// Makes the feed once the header line (or 4 KB without one) is in: BACI files are read in pieces.
    fn start(&mut self, rest: &[u8]) -> Result<(), Error> {
        let Some(part) = self.part.as_mut() else {
            return Ok(());
        };
        let mut head = std::mem::take(&mut part.head);
        head.extend_from_slice(rest);
        let line = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        if self.keep.is_some() && line.trim_ascii().eq_ignore_ascii_case(b"t,i,j,k,v,q") {
            part.header = Some(head.clone());
        }
        let size = if part.header.is_some() {
            part.size.min(PIECE)
        } else {
            part.size
        };
        part.feed = Some(Feed::new(
            &part.name,
            &self.options,
            part.codes.as_ref(),
            size,
        ));
        part.push(&head)
    }

    /// Ends the current piece and starts the next with the header.
    fn next_piece(&mut self) -> Result<(), Error> {
        let Some(part) = self.part.as_mut() else {
            return Ok(());
        };
        let Some(feed) = part.feed.take() else {
            return Ok(());
        };
        let header = part.header.clone().unwrap_or_default();
        let name = part.name.clone();
        let offset = part.offset();
        part.lines_before += part.piece_lines;
        part.pieces += 1;
        part.feed = Some(Feed::new(
            &part.name,
            &self.options,
            part.codes.as_ref(),
            PIECE,
        ));
        part.push(&header)?;
        // The header given again is not a line of the file.
        (part.piece_lines, part.piece_bytes) = (0, 0);
        self.absorb(&name, feed, offset).map(|_| ())
    }

    /// Ends the file begun.
    pub fn end(&mut self) -> Result<(), Error> {
        if self.part.as_ref().is_some_and(|p| p.feed.is_none()) {
            self.start(&[])?;
        }
        let Some(mut part) = self.part.take() else {
            return Ok(());
        };
        let offset = part.offset();
        if let Some(feed) = part.feed.take() {
            let format = self.absorb(&part.name, feed, offset)?;
            self.formats.push(format);
        }
        self.files.push(part.name);
        Ok(())
    }

    /// Starts the file `name`, whose first line is `header`, read in pieces by other workers.
    pub fn begin_pieces(&mut self, name: &str, header: &[u8]) -> Result<(), Error> {
        self.end()?;
        let before = Mark {
            tables: self.tables.len(),
            bad_rows: self.bad_rows,
            first_errors: self.first_errors.len(),
            notes: self.notes.clone(),
        };
        self.joining = Some(Joining {
            name: name.to_string(),
            joined: Joined::new(header),
            format: None,
            before,
        });
        Ok(())
    }

    /// Adds the next piece in file order of the file begun in pieces. `Ok(false)`: the piece before it
    /// ended inside a quoted field, so the cut was no row's end; what its pieces added is taken back, and
    /// the file must be read in one piece ([`Gather::begin`]).
    pub fn add_piece(&mut self, piece: Piece) -> Result<bool, Error> {
        let Some(joining) = self.joining.as_mut() else {
            return Err(Error::Input(
                "a piece came before its file was begun".to_string(),
            ));
        };
        let Some(offset) = joining.joined.next(&piece) else {
            if let Some(j) = self.joining.take() {
                self.take_back(j.before);
            }
            return Ok(false);
        };
        joining.format.get_or_insert(piece.format);
        let name = joining.name.clone();
        let loaded = Loaded {
            table: piece.table,
            format: piece.format,
            bad_rows: piece.bad_rows,
            first_errors: piece.first_errors,
            notes: piece.notes,
        };
        self.absorb_loaded(&name, loaded, offset).map(|_| true)
    }

    /// Ends the file read in pieces: the size and CRC-32 of its bytes, a zip entry's to be checked.
    pub fn end_pieces(&mut self) -> Result<(u64, u32), Error> {
        let Some(joining) = self.joining.take() else {
            return Err(Error::Input("no file was begun in pieces".to_string()));
        };
        let Some(format) = joining.format else {
            return Err(Error::Input(format!(
                "{}: no piece of the file was read",
                joining.name
            )));
        };
        self.formats.push(format);
        self.files.push(joining.name);
        Ok(joining.joined.crc())
    }

    /// Back to how far the gathering was at `mark`: the tables of the pieces taken back are dropped.
    fn take_back(&mut self, mark: Mark) {
        self.tables.truncate(mark.tables);
        self.bad_rows = mark.bad_rows;
        self.first_errors.truncate(mark.first_errors);
        self.notes = mark.notes;
    }

    /// Merges a finished piece's rows, its lines counted from `offset`; returns its format.
    fn absorb(&mut self, name: &str, feed: Feed, offset: u64) -> Result<Format, Error> {
        // A piece whose rows are filtered is sorted once filtered.
        let end = if self.keep.is_none() { Feed::finish } else { Feed::finish_unsorted };
        let loaded = end(feed).map_err(|e| match e {
            Error::Row {
                file,
                line,
                column,
                message,
            } => Error::Row {
                file,
                line: line + offset,
                column,
                message,
            },
            e => e,
        })?;
        self.absorb_loaded(name, loaded, offset)
    }

    /// Adds a file's or a piece's rows, its lines counted from `offset`; returns its format. Its table is in
    /// route order, unless only some countries' rows are kept: those are then sorted here.
    fn absorb_loaded(&mut self, name: &str, loaded: Loaded, offset: u64) -> Result<Format, Error> {
        self.bad_rows += loaded.bad_rows;
        let file = self.files.len();
        // Each piece of a BACI file lists the codes it read from the built-in table: one note lists them all.
        for note in loaded.notes {
            Note { file: Some(name.to_string()), ..note }.keep_in(&mut self.notes);
        }
        for mut e in loaded.first_errors {
            if self.first_errors.len() < FIRST_ERRORS {
                e.line += offset;
                self.first_errors.push((file, e));
            }
        }
        let (format, table) = (loaded.format, loaded.table);
        let table = match &self.keep {
            Some(keep) => {
                let mut b = TableBuilder::new(name);
                merge::append_kept(&mut b, &table, keep)?;
                b.finish()
            }
            None => table,
        };
        self.tables.push(table);
        Ok(format)
    }

    /// Rows kept so far.
    pub fn rows(&self) -> usize {
        self.tables.iter().map(Table::len).sum()
    }

    /// Every file's rows as one table.
    pub fn finish(mut self) -> Result<Gathered, Error> {
        self.end()?;
        let Some(&format) = self.formats.first() else {
            return Err(Error::Input("no file was read".to_string()));
        };
        let table = if self.tables.len() == 1 { self.tables.pop().unwrap_or_default() } else { merge_by_route(self.tables)? };
        let several = self.files.len() > 1;
        let files = self.files;
        // With several files, each error says whose it is.
        let first_errors = self
            .first_errors
            .into_iter()
            .map(|(f, mut e)| {
                if several {
                    e.file = files.get(f).cloned();
                }
                e
            })
            .collect();
        let mut formats: Vec<String> = Vec::new();
        for f in &self.formats {
            if !formats.contains(&f.to_string()) {
                formats.push(f.to_string());
            }
        }
        Ok(Gathered {
            loaded: Loaded {
                table,
                format,
                bad_rows: self.bad_rows,
                first_errors,
                notes: self.notes,
            },
            formats: formats.join(", "),
            files,
        })
    }
}

impl Part {
    /// The current piece's line n is the file's line n + offset (n > 1; its header stands for line 1).
    fn offset(&self) -> u64 {
        if self.pieces == 0 {
            0
        } else {
            self.lines_before.saturating_sub(1)
        }
    }

    fn push(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let Some(feed) = self.feed.as_mut() else {
            return Ok(());
        };
        if self.header.is_some() {
            self.piece_bytes += bytes.len();
            self.piece_lines += memchr::memchr_iter(b'\n', bytes).count() as u64;
        }
        feed.push(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load;

    fn gathered(
        files: &[(&str, &[u8])],
        keep: Option<Vec<String>>,
        chunk: usize,
    ) -> Result<Gathered, Error> {
        let mut g = Gather::new(&Options::default(), keep);
        for (name, bytes) in files {
            g.begin(name, bytes.len(), None)?;
            for c in bytes.chunks(chunk) {
                g.push(c)?;
            }
            g.end()?;
        }
        g.finish()
    }

    fn rows(t: &Table) -> Vec<String> {
        let mut r: Vec<String> = t.records().map(|r| format!("{r:?}")).collect();
        r.sort();
        r
    }

    #[test]
    fn pieces_read_as_the_whole_file_with_its_own_line_numbers() {
        let mut csv = crate::bench_data::baci(3_000, 7);
        // Bad rows far into the file, in the third piece and later: their line numbers are the file's.
        csv.push_str("2023,156,398,10121,abc,1\n2023,156,398,10121,5,1\n2023,156,398,x,5,1\n");
        // Codes read from the built-in table, one by the first piece and one by the last only.
        csv.insert_str(
            csv.find('\n').map_or(0, |e| e + 1),
            "2023,490,398,10121,5,1\n",
        );
        csv.push_str("2023,842,398,10121,5,1\n");
        let whole =
            load("b.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            whole
                .first_errors
                .iter()
                .map(|e| e.line)
                .collect::<Vec<_>>(),
            [3_003, 3_005]
        );
        // Keeping every country the file names: the rows of all, read in pieces.
        let every: Vec<String> = whole.table.countries().map(str::to_string).collect();
        assert!(csv.len() > 20 * PIECE, "the file is cut into many pieces");
        for (chunk, keep) in [1_000, 4_096, 50_000, csv.len()]
            .into_iter()
            .flat_map(|c| [(c, None), (c, Some(every.clone()))])
        {
            let pieces = keep.is_some();
            let got = gathered(&[("b.csv", csv.as_bytes())], keep, chunk)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                rows(&got.loaded.table),
                rows(&whole.table),
                "chunks of {chunk}"
            );
            if !pieces {
                // Every row kept: the file in one piece, the one pass's table itself.
                assert_eq!(
                    format!("{:?}", got.loaded.table),
                    format!("{:?}", whole.table)
                );
            }
            assert_eq!(
                (got.loaded.bad_rows, &got.loaded.first_errors),
                (2, &whole.first_errors),
                "chunks of {chunk}"
            );
            // The codes each piece read from the built-in table, listed in one note as one pass lists them.
            let notes: Vec<Note> = whole.notes.iter().map(|n| Note { file: Some("b.csv".into()), ..n.clone() }).collect();
            assert_eq!(got.loaded.notes, notes, "chunks of {chunk}");
        }
        let mut strict = Gather::new(&Options { strict: true }, None);
        let r = strict
            .begin("s.csv", 0, None)
            .and_then(|()| strict.push(csv.as_bytes()))
            .and_then(|()| strict.finish().map(|_| ()));
        assert!(r
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .starts_with("s.csv: line 3003, column `v`"));
    }

    #[test]
    fn several_files_merge_and_keep_only_the_countries_asked() {
        let baci = b"t,i,j,k,v,q\n2023,156,398,854231,1,\n2023,842,276,854231,2,\n2023,276,643,854231,bad,\n";
        let tidy = b"year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n2023,,KAZ,RUS,TOTAL,5.00,,,importer,x\n";
        let all = gathered(&[("a.csv", baci), ("b.csv", tidy)], None, 7)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (
                all.loaded.table.len(),
                all.formats.as_str(),
                all.files.len()
            ),
            (3, "CEPII BACI, tidy CSV", 2)
        );
        let errors: Vec<String> = all
            .loaded
            .first_errors
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert!(
            errors.len() == 1
                && errors[0].starts_with("line 4, column `v`: found `bad`")
                && errors[0].ends_with("(a.csv)"),
            "{errors:?}"
        );
        let kept = gathered(
            &[("a.csv", baci), ("b.csv", tidy)],
            Some(vec!["kaz".into(), "RUS".into()]),
            7,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let pairs: Vec<(String, String)> = kept
            .loaded
            .table
            .records()
            .map(|r| (r.exporter.to_string(), r.importer.to_string()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("CHN".to_string(), "KAZ".to_string()),
                ("KAZ".to_string(), "RUS".to_string())
            ]
        );
    }
}
