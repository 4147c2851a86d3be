//! Ingest: detect a trade file's format from its header, stream-parse it into a [`Table`], and name every
//! bad row by line and column.
//!
//! ```
//! use roundabout::ingest::{load, Format, Options};
//! let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
//!            2023,,CHN,KAZ,TOTAL,24700000000.00,,,exporter,China customs\n";
//! let loaded = load("story.csv", csv.as_bytes(), &Options::default()).unwrap();
//! assert_eq!(loaded.format, Format::Tidy);
//! assert_eq!(loaded.table.len(), 1);
//! ```

/// Splitting bytes pushed in chunks into lines: the one chunk loop of every load.
pub mod lines;
/// Splitting a CSV line into fields.
pub mod fields;
/// Where a line's commas are, sixteen bytes at a time where the module has SIMD128.
mod commas;
/// Fast number parsing: exact decimal to integer cents.
pub mod number;
/// A header line's column names, and the errors naming it.
mod header;
/// Recognising a format from the header line.
pub mod detect;
/// Bad rows: the error kept for the report and the control flow between parser and driver.
pub mod row_error;
/// What was wrong with a bad row, in each language.
pub mod problem;
/// What a reader guessed or found amiss over a file, in each language.
pub mod note;
/// Why a file is refused before its rows, in each language.
pub mod refusal;
/// Roundabout's own tidy CSV.
pub mod tidy;
/// CEPII BACI `t,i,j,k,v,q`.
pub mod baci;
/// BACI lines in their usual shape, read in one pass.
mod baci_line;
/// BACI's HS6 numbers to the store's products, in blocks made as they are met.
mod product_index;
/// BACI's country-code file.
pub mod country_codes;
/// UN Comtrade Plus CSV.
pub mod comtrade;
/// The legacy comtrade.un.org CSV.
mod comtrade_legacy;
/// What the two Comtrade layouts share: breakdowns, countries, and a row's tail.
mod comtrade_row;
/// Reading a stream into tables of bounded size.
pub mod stream;
/// A file pushed in chunks as it is read.
pub mod feed;
/// A piece of a file read on its own, by one worker of a parallel load.
#[cfg(feature = "worker")]
pub mod piece;
/// The pieces of a file read apart, put back together in file order.
#[cfg(feature = "worker")]
pub mod join;
/// Refusing files that are not CSV text, saying what they are.
pub mod sniff;
/// Free-text fields: UTF-8, or Latin-1 when not.
pub mod text;
/// Rows whose quoted fields hold line breaks.
pub mod quoted;
/// Zip archives (BACI's download), read entry by entry; the worker's module only.
#[cfg(feature = "worker")]
pub mod zip;
/// Several files, or a zip's entries, read into one table.
#[cfg(feature = "worker")]
pub mod gather;

use std::fmt;

pub use country_codes::CountryCodes;
pub use detect::Format;
pub use feed::Feed;
pub use row_error::RowError;
pub use stream::{stream, Streamed};

use crate::store::{Table, TableBuilder};
use crate::Error;
use fields::Fields;
use note::Note;
use problem::Problem;
use row_error::Bad;

/// After how many lines the row count is guessed and the columns reserved.
const RESERVE_AFTER: u64 = 1024;

/// How many bad rows [`Loaded::first_errors`] keeps.
pub const FIRST_ERRORS: usize = 10;

/// Ingest options.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Turn the first bad row into an error instead of skipping it.
    #[serde(default)]
    pub strict: bool,
}

/// A file read into a table.
#[derive(Debug)]
pub struct Loaded {
    /// The rows read.
    pub table: Table,
    /// The format detected.
    pub format: Format,
    /// How many rows were skipped as bad.
    pub bad_rows: u64,
    /// The first [`FIRST_ERRORS`] bad rows, with line and column.
    pub first_errors: Vec<RowError>,
    /// What the reader had to guess or found amiss, once each, e.g. a country-code file of another
    /// release, or codes read from the built-in table.
    pub notes: Vec<Note>,
}

impl fmt::Display for Loaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} rows of {}, {} bad", self.table.len(), self.format, self.bad_rows)
    }
}

/// One format's row reader, made from the header.
pub(crate) trait RowReader {
    /// Reads one data line into the builder.
    fn row(&mut self, line_no: u64, line: &[u8], fields: &Fields, b: &mut TableBuilder) -> Result<(), Bad>;

    /// Reads the lines at the start of `bytes` that are in the format's usual shape, in one pass without
    /// splitting them first, up to the first that is not (an unusual line, or one that adds to a
    /// dictionary), which is left to [`RowReader::row`], and at most `room` of them. Returns the bytes and
    /// lines read.
    fn plain_run(&mut self, _bytes: &[u8], _room: usize, _b: &mut TableBuilder) -> (usize, u64) {
        (0, 0)
    }

    /// What the reader guessed or found amiss over the whole file, once each ([`Loaded::notes`]).
    fn notes(&self) -> Vec<Note> {
        Vec::new()
    }
}

/// Reads a whole file (plain or gzip-compressed CSV) into a table.
///
/// `file_name` is only used to name the file in errors. Bad rows are skipped and reported in
/// [`Loaded::first_errors`] unless `options.strict`, where the first one is an [`Error::Row`].
pub fn load(file_name: &str, bytes: &[u8], options: &Options) -> Result<Loaded, Error> {
    load_with_codes(file_name, bytes, options, None)
}

/// Like [`load`], with BACI's country-code file ([`CountryCodes::parse`]) for a BACI data file; other
/// formats ignore `codes`.
pub fn load_with_codes(
    file_name: &str,
    bytes: &[u8],
    options: &Options,
    codes: Option<&CountryCodes>,
) -> Result<Loaded, Error> {
    let mut feed = Feed::new(file_name, options, codes, bytes.len());
    feed.push(bytes)?;
    feed.finish()
}

/// Reads Roundabout's tidy CSV, whole and uncompressed, and nothing else: what the page's own module reads
/// (the default story and the worker's cuts), so that it carries neither the other formats nor gzip.
pub fn load_tidy(file_name: &str, bytes: &[u8]) -> Result<Loaded, Error> {
    sniff::check_text(file_name, bytes)?;
    if lines::is_gzip(bytes) {
        let message = "gzip data; the page reads plain tidy CSV here, and gzip only in its worker".to_string();
        return Err(Error::Decode { file: file_name.to_string(), message });
    }
    let driver = Driver::new(file_name, &Options::default(), None, bytes.len(), detect::tidy_reader);
    let mut lines = lines::Lines::new(driver);
    lines.feed(bytes)?;
    lines.end()?.finish(true)
}

/// Where a load's rows go as the table fills: kept whole ([`Whole`]), or handed on in tables of at most
/// [`Chunks::rows`] rows ([`stream`]), so that memory stays bounded.
trait Chunks {
    /// Rows after which the table so far is handed on.
    fn rows(&self) -> usize;
    /// Takes a full table; its rows are cleared after.
    fn full(&mut self, table: &Table) -> Result<(), Error>;
}

/// Every row kept in one table, for [`Loaded`].
struct Whole;

impl Chunks for Whole {
    fn rows(&self) -> usize {
        usize::MAX
    }

    fn full(&mut self, _table: &Table) -> Result<(), Error> {
        Ok(())
    }
}

/// The state of one load: the header's reader, the table so far and the bad rows.
struct Driver<C: Chunks = Whole> {
    file: String,
    options: Options,
    codes: Option<CountryCodes>,
    /// The file's size when known (0 when not), to guess the row count from the first lines.
    size: usize,
    builder: TableBuilder,
    fields: Fields,
    reader: Option<(Format, Box<dyn RowReader>)>,
    /// Builds the row reader from the header: [`detect::reader`] for every format, or one format's.
    pick: detect::Pick,
    header_fields: usize,
    /// A line may end with one empty field the header lacks: Comtrade's exports end each line with a comma,
    /// their header not always.
    trailing_comma_allowed: bool,
    bad_rows: u64,
    first_errors: Vec<RowError>,
    seen_bytes: usize,
    reserved: bool,
    chunks: C,
}

impl Driver {
    fn new(file: &str, options: &Options, codes: Option<&CountryCodes>, size: usize, pick: detect::Pick) -> Driver {
        Driver::with_chunks(file, options, codes, size, pick, Whole)
    }

    /// The table, once every line went through: ordered by route when `sorted`, else as read.
    fn finish(self, sorted: bool) -> Result<Loaded, Error> {
        let Some((format, rows)) = self.reader else {
            return Err(Error::Header { file: self.file, found: String::new(), expected: Box::new(refusal::Want::AnyFormat) });
        };
        let notes = rows.notes();
        let table = if sorted { self.builder.finish() } else { self.builder.unsorted() };
        Ok(Loaded { table, format, bad_rows: self.bad_rows, first_errors: self.first_errors, notes })
    }
}

impl<C: Chunks> Driver<C> {
    fn with_chunks(file: &str, options: &Options, codes: Option<&CountryCodes>, size: usize, pick: detect::Pick, chunks: C) -> Driver<C> {
        Driver {
            file: file.to_string(),
            options: options.clone(),
            codes: codes.cloned(),
            size,
            builder: TableBuilder::new(file),
            fields: Fields::default(),
            reader: None,
            pick,
            header_fields: 0,
            trailing_comma_allowed: false,
            bad_rows: 0,
            first_errors: Vec::new(),
            seen_bytes: 0,
            reserved: false,
            chunks,
        }
    }

    /// Hands the table on once it holds [`Chunks::rows`] rows.
    fn hand_on(&mut self) -> Result<(), Error> {
        if self.builder.len() >= self.chunks.rows() {
            self.chunks.full(self.builder.rows())?;
            self.builder.clear_rows();
        }
        Ok(())
    }

    /// Makes room for the rows still to come, guessed from the first `lines` lines, `bytes` long, a little
    /// over: shrinking at the end is cheap, regrowing copies every column.
    fn reserve(&mut self, lines: u64, bytes: usize) {
        if self.size > 0 && !self.reserved {
            self.reserved = true;
            let guess = self.size as f64 / bytes as f64 * lines as f64 * 1.05;
            self.builder.reserve((guess as usize).saturating_sub(self.builder.len()));
        }
    }

    /// [`RowReader::plain_run`], once the header is read, up to a full chunk.
    fn plain_run(&mut self, bytes: &[u8]) -> Result<(usize, u64), Error> {
        let room = self.chunks.rows().saturating_sub(self.builder.len());
        let run = match self.reader.as_mut() {
            Some((_, rows)) => rows.plain_run(bytes, room, &mut self.builder),
            None => (0, 0),
        };
        self.hand_on()?;
        Ok(run)
    }
}

impl<C: Chunks> quoted::RowSink for Driver<C> {
    /// Reads one row (or the header), which may span several lines from `line_no` on.
    fn row(&mut self, line_no: u64, line: &[u8]) -> Result<(), Error> {
        let Some((_, rows)) = self.reader.as_mut() else {
            self.fields.split(line);
            self.header_fields = self.fields.len();
            self.reader = Some((self.pick)(&self.file, line, &self.fields, self.codes.clone())?);
            let comtrade = matches!(self.reader, Some((Format::Comtrade | Format::ComtradeLegacy, _)));
            self.trailing_comma_allowed = comtrade && !self.fields.get(line, self.header_fields - 1).is_empty();
            return Ok(());
        };
        if line.trim_ascii().is_empty() {
            return Ok(());
        }
        self.fields.split(line);
        // A row has the header's columns: a comma in an unquoted number (`1,000.50`, `12,5`) would otherwise
        // shift every later column and read a part of the number.
        let fields = self.fields.len();
        let trailing_comma = self.trailing_comma_allowed && fields == self.header_fields + 1 && self.fields.get(line, self.header_fields).is_empty();
        if fields > self.header_fields && !trailing_comma {
            let problem = Problem::Fields { found: self.fields.len(), expected: self.header_fields, split: true };
            return self.bad(RowError::line(line_no, problem));
        }
        match rows.row(line_no, line, &self.fields, &mut self.builder) {
            Ok(()) => self.hand_on(),
            Err(Bad::Fatal(e)) => Err(e),
            Err(Bad::Row(e)) => self.bad(e),
        }
    }

    /// Skips a bad row and keeps its error, or in strict mode stops with it.
    fn bad(&mut self, e: RowError) -> Result<(), Error> {
        if self.options.strict {
            return Err(Error::Row { file: self.file.clone(), line: e.line, column: e.column, message: e.problem.to_string() });
        }
        self.bad_rows += 1;
        if self.first_errors.len() < FIRST_ERRORS {
            self.first_errors.push(e);
        }
        Ok(())
    }
}
