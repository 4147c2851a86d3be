//! Reading trade files from disk, with BACI's country-code file when given.

use std::io::Read;
use std::path::Path;

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
