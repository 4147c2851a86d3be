//! Reading a header line: its column names, where the required ones are, and the error when it fits not.

use super::fields::Fields;
use super::refusal::Want;
use crate::Error;

/// The header's column names.
pub(crate) fn names(line: &[u8], fields: &Fields) -> Vec<String> {
    (0..fields.len()).map(|i| String::from_utf8_lossy(fields.get(line, i)).into_owned()).collect()
}

/// A header error quoting (the start of) the header found.
pub(crate) fn header_error(file: &str, line: &[u8], expected: Want) -> Error {
    let text = String::from_utf8_lossy(&line[..line.len().min(200)]).into_owned();
    Error::Header { file: file.to_string(), found: text, expected: Box::new(expected) }
}

/// The index of each required column, or a header error naming those missing.
pub(crate) fn require<const N: usize>(
    file: &str,
    names: &[String],
    wanted: [&str; N],
    format: &str,
) -> Result<[usize; N], Error> {
    let mut out = [0usize; N];
    let mut missing = Vec::new();
    for (slot, w) in out.iter_mut().zip(wanted) {
        match names.iter().position(|n| n == w) {
            Some(i) => *slot = i,
            None => missing.push(w),
        }
    }
    if missing.is_empty() {
        return Ok(out);
    }
    Err(Error::Header {
        file: file.to_string(),
        found: names.join(","),
        expected: Box::new(Want::Columns { format: format.to_string(), wanted: wanted.join(","), missing: missing.join(",") }),
    })
}
