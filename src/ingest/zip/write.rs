//! A small zip archive written whole, each entry stored uncompressed with its CRC-32: a saved story (its
//! `story.json` and a cut of a few hundred rows). Stored, not deflated: a deflater would cost the worker's
//! module more than the few kilobytes it would save on a story's download.

use flate2::Crc;

use crate::Error;

/// Version 2.0 of the format (UTF-8 names need 6.3's flag, which every reader since 2006 knows).
const VERSION: u16 = 20;
/// General-purpose flag 11: the names are UTF-8.
const UTF8: u16 = 1 << 11;
/// 1980-01-01 00:00, the format's first day: the same story gives the same bytes.
const DOS_DATE: u16 = (1 << 5) | 1;

/// An archive of `entries` (name, bytes), in their order.
///
/// ```
/// let zip = roundabout::ingest::zip::write::archive(&[("a.csv", b"year\n2023\n")]).unwrap();
/// assert!(roundabout::ingest::zip::is_zip(&zip));
/// ```
pub fn archive(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, Error> {
    let too_big = |what: &str| {
        Error::Input(format!(
            "{what}: too big for a story's zip (4 GiB and 65,535 entries at most)"
        ))
    };
    let count = u16::try_from(entries.len()).map_err(|_| too_big("the archive"))?;
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, bytes) in entries {
        let at = u32::try_from(out.len()).map_err(|_| too_big(name))?;
        let size = u32::try_from(bytes.len()).map_err(|_| too_big(name))?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big(name))?;
        let mut crc = Crc::new();
        crc.update(bytes);
        // The fields the local header and the directory's record share, from "version needed" on.
        let mut common = Vec::with_capacity(26);
        for v in [VERSION, UTF8, 0, 0, DOS_DATE] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc.sum(), size, size] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes()); // no extra field

        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);

        directory.extend_from_slice(b"PK\x01\x02");
        directory.extend_from_slice(&VERSION.to_le_bytes()); // made by
        directory.extend_from_slice(&common);
        // Comment length, disk, internal and external attributes, then the local header's offset.
        directory.extend_from_slice(&[0; 10]);
        directory.extend_from_slice(&at.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let dir_at = u32::try_from(out.len()).map_err(|_| too_big("the archive"))?;
    let dir_len = u32::try_from(directory.len()).map_err(|_| too_big("the archive"))?;
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]); // this disk, the directory's disk
    for v in [count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for v in [dir_len, dir_at] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&[0; 2]); // no comment
    Ok(out)
}
