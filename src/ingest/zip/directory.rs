//! A zip archive's central directory, read from a few slices of the file (its tail, the zip64 record when
//! there is one, the directory itself): the page reads a zip of several GB through `File.slice()`, never
//! whole. Zip64 sizes and offsets are read from the records' extra fields.

use crate::Error;

/// Bytes of the file's tail holding the end record: the record (22), its longest comment (65,535) and the
/// zip64 locator before it (20).
pub const TAIL: u64 = 22 + 65_535 + 20;

/// Bytes of the zip64 end record read at [`End::Zip64`]'s offset.
pub const ZIP64_RECORD: u64 = 56;

/// Bytes of an entry's local header before its name and extra field.
pub const LOCAL_HEADER: u64 = 30;

const END_SIG: u32 = 0x0605_4b50;
const LOCATOR_SIG: u32 = 0x0706_4b50;
const ZIP64_END_SIG: u32 = 0x0606_4b50;
const ENTRY_SIG: u32 = 0x0201_4b50;
const LOCAL_SIG: u32 = 0x0403_4b50;

/// Where the central directory is, found from the file's tail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The directory's offset and length in the file.
    Directory { at: u64, len: u64 },
    /// A zip64 archive: its end record (read [`ZIP64_RECORD`] bytes there, then [`zip64_end`]).
    Zip64 { record_at: u64 },
}

/// One file in the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The path inside the archive.
    pub name: String,
    /// 0 stored, 8 deflated.
    pub method: u16,
    /// The CRC-32 of the uncompressed bytes.
    pub crc: u32,
    pub compressed: u64,
    pub size: u64,
    /// Where its local header starts.
    pub header_at: u64,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |s| {
        u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
    })
}

fn damaged(file: &str, what: &str) -> Error {
    Error::Decode {
        file: file.to_string(),
        message: format!(
            "zip archive: {what}; the file may be cut short or not a zip: download it again"
        ),
    }
}

/// Finds the end record in `tail`, the file's last bytes, which start at offset `tail_at`.
pub fn find_end(file: &str, tail: &[u8], tail_at: u64) -> Result<End, Error> {
    let sig = END_SIG.to_le_bytes();
    let at = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(&sig))
        .ok_or_else(|| damaged(file, "no end of central directory"))?;
    let r = &tail[at..];
    let (entries, len, offset) = (u16_at(r, 10), u32_at(r, 12), u32_at(r, 16));
    if entries == u16::MAX || len == u32::MAX || offset == u32::MAX {
        let l = at
            .checked_sub(20)
            .map(|l| &tail[l..at])
            .filter(|l| u32_at(l, 0) == LOCATOR_SIG);
        let locator = l.ok_or_else(|| damaged(file, "zip64 fields without a zip64 locator"))?;
        return Ok(End::Zip64 {
            record_at: u64_at(locator, 8),
        });
    }
    let dir = End::Directory {
        at: u64::from(offset),
        len: u64::from(len),
    };
    // An archive whose directory would run past its end record is cut or damaged.
    if u64::from(offset) + u64::from(len) > tail_at + at as u64 {
        return Err(damaged(file, "the central directory runs past its end"));
    }
    Ok(dir)
}

/// Reads the zip64 end record (the [`ZIP64_RECORD`] bytes at [`End::Zip64`]'s offset).
pub fn zip64_end(file: &str, record: &[u8]) -> Result<End, Error> {
    if record.len() < ZIP64_RECORD as usize || u32_at(record, 0) != ZIP64_END_SIG {
        return Err(damaged(
            file,
            "no zip64 end record where its locator points",
        ));
    }
    Ok(End::Directory {
        at: u64_at(record, 48),
        len: u64_at(record, 40),
    })
}

/// Reads every entry of the central directory `dir`.
pub fn entries(file: &str, dir: &[u8]) -> Result<Vec<Entry>, Error> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 46 <= dir.len() {
        let e = &dir[at..];
        if u32_at(e, 0) != ENTRY_SIG {
            break;
        }
        let (name_len, extra_len, comment_len) = (
            usize::from(u16_at(e, 28)),
            usize::from(u16_at(e, 30)),
            usize::from(u16_at(e, 32)),
        );
        let end = 46 + name_len + extra_len + comment_len;
        if e.len() < end {
            return Err(damaged(file, "an entry runs past the central directory"));
        }
        let name = String::from_utf8_lossy(&e[46..46 + name_len]).into_owned();
        if u16_at(e, 8) & 1 != 0 {
            return Err(Error::Decode {
                file: file.to_string(),
                message: format!("{name} is encrypted; unzip it with its password first"),
            });
        }
        let mut entry = Entry {
            name,
            method: u16_at(e, 10),
            crc: u32_at(e, 16),
            compressed: u64::from(u32_at(e, 20)),
            size: u64::from(u32_at(e, 24)),
            header_at: u64::from(u32_at(e, 42)),
        };
        zip64_fields(&e[46 + name_len..46 + name_len + extra_len], &mut entry);
        out.push(entry);
        at += end;
    }
    if out.is_empty() {
        return Err(damaged(file, "an empty or unreadable central directory"));
    }
    Ok(out)
}

/// Replaces the 32-bit fields at their maximum with the zip64 extra field's values, in its fixed order.
fn zip64_fields(mut extra: &[u8], e: &mut Entry) {
    while extra.len() >= 4 {
        let (id, len) = (u16_at(extra, 0), usize::from(u16_at(extra, 2)));
        let body = &extra[4..extra.len().min(4 + len)];
        if id == 1 {
            let mut at = 0;
            for field in [&mut e.size, &mut e.compressed, &mut e.header_at] {
                if *field == u64::from(u32::MAX) && at + 8 <= body.len() {
                    *field = u64_at(body, at);
                    at += 8;
                }
            }
            return;
        }
        extra = &extra[(4 + len).min(extra.len())..];
    }
}

/// Where an entry's data starts, from its local header's first [`LOCAL_HEADER`] bytes.
pub fn data_at(file: &str, entry: &Entry, local: &[u8]) -> Result<u64, Error> {
    if local.len() < LOCAL_HEADER as usize || u32_at(local, 0) != LOCAL_SIG {
        return Err(damaged(
            file,
            &format!(
                "no local header for {} where the directory points",
                entry.name
            ),
        ));
    }
    Ok(
        entry.header_at
            + LOCAL_HEADER
            + u64::from(u16_at(local, 26))
            + u64::from(u16_at(local, 28)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_or_foreign_bytes_are_named_errors() {
        let msg = |r: Result<End, Error>| r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg(find_end("a.zip", b"not a zip at all, no records here", 0))
                .starts_with("a.zip: zip archive: no end")
        );
        // An end record whose directory would start beyond the file.
        let mut end = END_SIG.to_le_bytes().to_vec();
        end.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
        assert!(msg(find_end("b.zip", &end, 0)).contains("runs past"));
        assert!(entries("c.zip", b"PK\x01\x02").is_err());
        let e = Entry {
            name: "x.csv".into(),
            method: 8,
            crc: 0,
            compressed: 1,
            size: 1,
            header_at: 0,
        };
        assert!(data_at("d.zip", &e, b"PK\x03\x04short").is_err());
    }
}
