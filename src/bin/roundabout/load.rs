//! Reading trade files from disk into one table: plain, gzip, or zip (BACI's download, its country-code
//! file used), with BACI's country-code file when given.

use std::io::{Read, Seek};
use std::path::Path;

use roundabout::ingest::gather::{Gather, Gathered};
use roundabout::ingest::{zip, CountryCodes, Options};
use roundabout::Error;

/// Reads a file's bytes; the error names the path.
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Input(format!("{}: cannot read: {e}", path.display())))
}

/// Loads trade files into one table, a chunk at a time: memory holds the table, never a whole file. Of a
/// zip, only the entries of `years` (when given) are read. A BACI country-code file among the files is
/// used as `codes` is.
pub fn files(
    paths: &[&Path],
    codes: Option<&CountryCodes>,
    strict: bool,
    years: Option<(u16, u16)>,
) -> Result<Gathered, Error> {
    let (data, given) = data_and_codes(paths)?;
    let codes = given.as_ref().or(codes);
    let mut gather = Gather::new(&Options { strict }, None);
    for path in data {
        one(&mut gather, path, codes, years)?;
    }
    gather.finish()
}

/// The trade files among `paths`, and BACI's country-code file when one of them is it (as the page takes it).
pub fn data_and_codes<'a>(paths: &[&'a Path]) -> Result<(Vec<&'a Path>, Option<CountryCodes>), Error> {
    let mut codes = None;
    let mut data = Vec::new();
    for &path in paths {
        if is_codes(path)? {
            codes = Some(CountryCodes::parse(&path.display().to_string(), &read(path)?)?);
        } else {
            data.push(path);
        }
    }
    if data.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(format!(
            "{}: a BACI country-code file; give a BACI data file with it",
            names.join(", ")
        )));
    }
    Ok((data, codes))
}

fn cannot(name: &str) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::Input(format!("{name}: cannot read: {e}"))
}

fn head(path: &Path, len: usize) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    let mut f = std::fs::File::open(path).map_err(cannot(&name))?;
    let mut out = Vec::new();
    f.by_ref()
        .take(len as u64)
        .read_to_end(&mut out)
        .map_err(cannot(&name))?;
    Ok(out)
}

/// True for BACI's country-code file (its header starts `country_code,`).
fn is_codes(path: &Path) -> Result<bool, Error> {
    let h = head(path, 64)?;
    Ok(h.strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&h)
        .starts_with(b"country_code,"))
}

fn one(
    gather: &mut Gather,
    path: &Path,
    codes: Option<&CountryCodes>,
    years: Option<(u16, u16)>,
) -> Result<(), Error> {
    let name = path.display().to_string();
    let mut input = std::fs::File::open(path).map_err(cannot(&name))?;
    let size = input.metadata().map_or(0, |m| m.len());
    if zip::is_zip(&head(path, 4)?) {
        return archive(gather, &name, &mut input, size, codes, years);
    }
    gather.begin(&name, size as usize, codes)?;
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => gather.push(&chunk[..n])?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot(&name)(e)),
        }
    }
    gather.end()
}

/// A zip's data entries of `years`, one after another, with its own country-code file unless one was given.
fn archive<R: Read + Seek>(
    gather: &mut Gather,
    name: &str,
    r: &mut R,
    size: u64,
    codes: Option<&CountryCodes>,
    years: Option<(u16, u16)>,
) -> Result<(), Error> {
    let (data, codes_entry) = zip::contents(name, &zip::read_directory(name, r, size)?)?;
    let inner = match (codes, &codes_entry) {
        (None, Some(e)) => Some(zip::read_codes(name, r, e)?),
        _ => None,
    };
    let codes = codes.or(inner.as_ref());
    let wanted = |e: &&zip::Entry| match (years, e.year()) {
        (Some((a, b)), Some(y)) => (a..=b).contains(&y),
        _ => true,
    };
    let chosen: Vec<&zip::Entry> = data.iter().filter(wanted).collect();
    if chosen.is_empty() {
        let all: Vec<String> = data
            .iter()
            .filter_map(|e| e.year())
            .map(|y| y.to_string())
            .collect();
        return Err(Error::Input(format!(
            "{name}: no entry for the years asked; the archive holds {}",
            all.join(", ")
        )));
    }
    for (i, entry) in chosen.iter().enumerate() {
        eprintln!(
            "{name}: reading {} ({} of {})",
            entry.name,
            i + 1,
            chosen.len()
        );
        gather.begin(
            &format!("{name}/{}", entry.name),
            entry.size as usize,
            codes,
        )?;
        zip::read_entry(name, r, entry, &mut |bytes| gather.push(bytes))?;
        gather.end()?;
    }
    Ok(())
}

/// Reads BACI's country-code file when a path is given.
pub fn codes(path: Option<&Path>) -> Result<Option<CountryCodes>, Error> {
    path.map(|p| CountryCodes::parse(&p.display().to_string(), &read(p)?))
        .transpose()
}
