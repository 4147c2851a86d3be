//! `roundabout prepare`: stream big BACI or Comtrade files (plain, gzip or zip) down to a tidy story file.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use roundabout::ingest::{stream, CountryCodes, Options};
use roundabout::query::filter::Compiled;
use roundabout::query::Query;
use roundabout::store::{write_tidy_record, Table, TIDY_HEADER};
use roundabout::Error;

/// Rows per chunk: a few MB of columns, whatever the input's size.
const CHUNK_ROWS: usize = 1 << 16;

/// What a cut reads and keeps: `prepare`'s and `story init`'s inputs.
#[derive(Debug, clap::Args)]
pub struct CutArgs {
    /// Trade file: tidy CSV, BACI or Comtrade Plus; plain, .gz, or a .zip of such files (BACI's zip: its
    /// country-code file is used, its product-code file skipped). Repeat to combine files.
    #[arg(long = "data", required = true)]
    pub data: Vec<PathBuf>,
    /// BACI's country-code file, when it is not inside the zip.
    #[arg(long)]
    codes: Option<PathBuf>,
    #[command(flatten)]
    filter: super::query::Filter,
}

/// Arguments of `roundabout prepare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: CutArgs,
    /// Where to write the tidy CSV; standard output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Runs `roundabout prepare`; prints what was kept on stderr.
pub fn run(args: &Args) -> Result<(), Error> {
    cut(&args.input, args.out.as_deref())
}

/// The cut of the input's data that its filter keeps, as tidy CSV into `out` (standard output when absent).
pub fn cut(input: &CutArgs, out: Option<&Path>) -> Result<(), Error> {
    let CutArgs { data, codes, filter } = input;
    let codes = codes.as_deref();
    let q = filter.query(Vec::new());
    // The tidy CSV has no flow column: a re-export written there would read back as an export.
    if q.flows.as_ref().is_some_and(|f| f.iter().any(|f| f.side().1)) {
        return Err(Error::Query(
            "prepare writes tidy CSV, which holds exports and imports only: query re-exports and re-imports from the original file with `roundabout query --flow`".to_string(),
        ));
    }
    let paths: Vec<&std::path::Path> = data.iter().map(PathBuf::as_path).collect();
    let (data, among) = super::load::data_and_codes(&paths)?;
    let codes = match among {
        Some(codes) => Some(codes),
        None => super::load::codes(codes)?,
    };
    let sink: Box<dyn Write> = match out {
        Some(p) => Box::new(File::create(p).map_err(|e| Error::Input(format!("{}: cannot create: {e}", p.display())))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let io = |source| Error::Write { what: "the story file".to_string(), source };
    writeln!(out, "{TIDY_HEADER}").map_err(io)?;
    let mut cut = Cut { query: q, out, read: 0, kept: 0 };
    for path in &data {
        cut.file(path, codes.as_ref())?;
    }
    cut.out.flush().map_err(io)?;
    eprintln!("kept {} of {} rows", cut.kept, cut.read);
    Ok(())
}

struct Cut<W: Write> {
    query: Query,
    out: W,
    read: u64,
    kept: u64,
}

impl<W: Write> Cut<W> {
    fn file(&mut self, path: &Path, codes: Option<&CountryCodes>) -> Result<(), Error> {
        let name = path.display().to_string();
        let open_err = |e: std::io::Error| Error::Input(format!("{name}: cannot read: {e}"));
        let mut f = File::open(path).map_err(open_err)?;
        let mut magic = [0u8; 4];
        let n = f.read(&mut magic).map_err(open_err)?;
        f.rewind().map_err(open_err)?;
        match &magic[..n] {
            [b'P', b'K', 3, 4] => self.zip(&name, f, codes),
            [0x1f, 0x8b, ..] => self.stream(&name, flate2::read::MultiGzDecoder::new(BufReader::new(f)), codes),
            _ => self.stream(&name, f, codes),
        }
    }

    /// Every CSV of the archive but BACI's code files; BACI's country codes are read first when present.
    fn zip(&mut self, name: &str, f: File, codes: Option<&CountryCodes>) -> Result<(), Error> {
        let bad = |e: zip::result::ZipError| Error::Decode { file: name.to_string(), message: format!("zip archive: {e}") };
        let mut archive = zip::ZipArchive::new(BufReader::new(f)).map_err(bad)?;
        let names: Vec<String> = archive.file_names().map(str::to_string).collect();
        let base = |n: &str| n.rsplit('/').next().unwrap_or(n).to_ascii_lowercase();
        let mut inner_codes = None;
        if let Some(c) = names.iter().find(|n| base(n).starts_with("country_codes") && base(n).ends_with(".csv")) {
            let mut bytes = Vec::new();
            archive.by_name(c).map_err(bad)?.read_to_end(&mut bytes).map_err(|e| Error::Input(format!("{name}/{c}: {e}")))?;
            inner_codes = Some(CountryCodes::parse(&format!("{name}/{c}"), &bytes)?);
        }
        let codes = codes.or(inner_codes.as_ref());
        let mut data: Vec<&String> = names
            .iter()
            .filter(|n| {
                let b = base(n);
                (b.ends_with(".csv") || b.ends_with(".csv.gz")) && !b.starts_with("country_codes") && !b.starts_with("product_codes")
            })
            .collect();
        data.sort();
        if data.is_empty() {
            return Err(Error::Input(format!("{name}: the zip archive holds no CSV file")));
        }
        for entry in data {
            let inner = format!("{name}/{entry}");
            let r = archive.by_name(entry).map_err(bad)?;
            if entry.to_ascii_lowercase().ends_with(".gz") {
                self.stream(&inner, flate2::read::MultiGzDecoder::new(r), codes)?;
            } else {
                self.stream(&inner, r, codes)?;
            }
        }
        Ok(())
    }

    fn stream<R: Read>(&mut self, name: &str, r: R, codes: Option<&CountryCodes>) -> Result<(), Error> {
        let (query, out, kept) = (&self.query, &mut self.out, &mut self.kept);
        let s = stream(name, r, &Options::default(), codes, CHUNK_ROWS, |t: &Table| {
            // Dictionaries grow from chunk to chunk, so the filter is compiled again (it is per entry, cheap).
            let keep = Compiled::filters(t, query)?;
            for i in (0..t.len()).filter(|&i| keep.keeps(t, i)) {
                if let Some(r) = t.record(i) {
                    write_tidy_record(&r, out)?;
                    *kept += 1;
                }
            }
            Ok(())
        })?;
        self.read += s.rows;
        if s.bad_rows > 0 {
            eprintln!("{name}: skipped {} bad rows", s.bad_rows);
            for e in &s.first_errors {
                eprintln!("  {e}");
            }
        }
        Ok(())
    }
}

