//! Reading trade files from disk, with BACI's country-code file when given.

use std::io::Read;
use std::path::{Path, PathBuf};

use roundabout::ingest::{CountryCodes, Feed, Loaded, Options};
use roundabout::Error;

/// Reads a file's bytes; the error names the path.
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Input(format!("{}: cannot read: {e}", path.display())))
}

/// Loads one trade file, read a chunk at a time: memory holds the table, never the whole file.
pub fn file(path: &Path, codes: Option<&CountryCodes>, strict: bool) -> Result<Loaded, Error> {
    let name = path.display().to_string();
    let cannot = |e: std::io::Error| Error::Input(format!("{name}: cannot read: {e}"));
    let mut input = std::fs::File::open(path).map_err(cannot)?;
    let size = input.metadata().map_or(0, |m| m.len() as usize);
    let mut feed = Feed::new(&name, &Options { strict }, codes, size);
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => feed.push(&chunk[..n])?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    feed.finish()
}

/// Reads BACI's country-code file when a path is given.
pub fn codes(path: Option<&Path>) -> Result<Option<CountryCodes>, Error> {
    path.map(|p| CountryCodes::parse(&p.display().to_string(), &read(p)?)).transpose()
}

/// The `--data` files that are trade files, and the country codes: `--codes`, or BACI's country-code file
/// given among the `--data` files (as the page takes it). Two code files are an error.
pub fn data_and_codes(data: &[PathBuf], codes: Option<&Path>) -> Result<(Vec<PathBuf>, Option<CountryCodes>), Error> {
    let mut files = Vec::new();
    let mut code_file = codes.map(Path::to_path_buf);
    for path in data {
        if !is_code_file(path) {
            files.push(path.clone());
            continue;
        }
        if let Some(first) = &code_file {
            return Err(Error::Input(format!(
                "{} and {}: two country-code files; give the one of the data file's BACI release",
                first.display(),
                path.display()
            )));
        }
        code_file = Some(path.clone());
    }
    if files.is_empty() {
        return Err(Error::Input("only a country-code file was given: give the BACI data file beside it with --data".to_string()));
    }
    Ok((files, self::codes(code_file.as_deref())?))
}

/// True when the file's first line is the header of BACI's country-code file.
fn is_code_file(path: &Path) -> bool {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
    let line = head[..n].split(|c| *c == b'\n').next().unwrap_or_default();
    let has = |name: &[u8]| line.windows(name.len()).any(|w| w == name);
    has(b"country_code") && (has(b"country_iso3") || has(b"iso_3digit_alpha")) && !has(b"primaryValue")
}
