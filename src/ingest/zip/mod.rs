//! Zip archives as CEPII ships BACI (`BACI_HS22_V202501.zip`: one CSV a year, the country-code and
//! product-code files), zip64 included: the directory read from slices of the file, each entry read in
//! turn. The page's worker reads the slices with `File.slice()`; the command line with
//! [`read_directory`] and [`read_entry`].

/// The central directory.
pub mod directory;
/// One entry's bytes, inflated and checked.
pub mod entry;
/// A small archive written whole: a story saved from the page.
pub mod write;

pub use directory::{data_at, entries, find_end, zip64_end, End, Entry};
pub use entry::{damaged, year_in, EntryReader, Kind};

use crate::Error;

/// True for the bytes a zip archive starts with.
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
}

/// An archive's data entries, sorted by name, and the country-code entry when there is one.
pub fn contents(file: &str, entries: &[Entry]) -> Result<(Vec<Entry>, Option<Entry>), Error> {
    let mut data: Vec<Entry> = entries.iter().filter(|e| e.kind() == Kind::Data).cloned().collect();
    data.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    if data.is_empty() {
        return Err(Error::Input(format!("{file}: the zip archive holds no CSV file")));
    }
    Ok((data, entries.iter().find(|e| e.kind() == Kind::CountryCodes).cloned()))
}

/// Reads an archive's directory from a seekable file of `size` bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_directory<R: std::io::Read + std::io::Seek>(file: &str, r: &mut R, size: u64) -> Result<Vec<Entry>, Error> {
    let tail_at = size.saturating_sub(directory::TAIL);
    let tail = read_at(file, r, tail_at, size - tail_at)?;
    let (at, len) = match find_end(file, &tail, tail_at)? {
        End::Directory { at, len } => (at, len),
        End::Zip64 { record_at } => match zip64_end(file, &read_at(file, r, record_at, directory::ZIP64_RECORD)?)? {
            End::Directory { at, len } => (at, len),
            End::Zip64 { .. } => return Err(Error::Input(format!("{file}: zip archive: a zip64 record pointing to another"))),
        },
    };
    entries(file, &read_at(file, r, at, len)?)
}

/// Reads one entry of an archive, handing its plain bytes to `sink` a chunk at a time.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_entry<R: std::io::Read + std::io::Seek>(
    file: &str,
    r: &mut R,
    entry: &Entry,
    sink: &mut dyn FnMut(&[u8]) -> Result<(), Error>,
) -> Result<(), Error> {
    use std::io::Read;
    let at = data_at(file, entry, &read_at(file, r, entry.header_at, directory::LOCAL_HEADER)?)?;
    r.seek(std::io::SeekFrom::Start(at)).map_err(|e| cannot(file, e))?;
    let mut reader = EntryReader::new(file, entry, false)?;
    let mut input = r.take(entry.compressed);
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => reader.push(&chunk[..n], sink)?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot(file, e)),
        }
    }
    reader.finish(sink)
}

/// Reads the archive's country-code entry.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_codes<R: std::io::Read + std::io::Seek>(file: &str, r: &mut R, entry: &Entry) -> Result<super::CountryCodes, Error> {
    let mut bytes = Vec::new();
    read_entry(file, r, entry, &mut |b| {
        bytes.extend_from_slice(b);
        Ok(())
    })?;
    super::CountryCodes::parse(&format!("{file}/{}", entry.name), &bytes)
}

#[cfg(not(target_arch = "wasm32"))]
fn cannot(file: &str, e: std::io::Error) -> Error {
    Error::Input(format!("{file}: cannot read: {e}"))
}

#[cfg(not(target_arch = "wasm32"))]
fn read_at<R: std::io::Read + std::io::Seek>(file: &str, r: &mut R, at: u64, len: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    r.seek(std::io::SeekFrom::Start(at)).map_err(|e| cannot(file, e))?;
    let mut out = Vec::new();
    r.take(len).read_to_end(&mut out).map_err(|e| cannot(file, e))?;
    if (out.len() as u64) < len {
        return Err(Error::Decode { file: file.to_string(), message: "zip archive cut short: download it again".to_string() });
    }
    Ok(out)
}
