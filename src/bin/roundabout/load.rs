//! Reading trade files from disk, with BACI's country-code file when given.

use std::path::Path;

use roundabout::ingest::{load_with_codes, CountryCodes, Loaded, Options};
use roundabout::Error;

/// Reads a file's bytes; the error names the path.
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Input(format!("{}: cannot read: {e}", path.display())))
}

/// Loads one trade file.
pub fn file(path: &Path, codes: Option<&CountryCodes>, strict: bool) -> Result<Loaded, Error> {
    let name = path.display().to_string();
    load_with_codes(&name, &read(path)?, &Options { strict }, codes)
}

/// Reads BACI's country-code file when a path is given.
pub fn codes(path: Option<&Path>) -> Result<Option<CountryCodes>, Error> {
    path.map(|p| CountryCodes::parse(&p.display().to_string(), &read(p)?)).transpose()
}
