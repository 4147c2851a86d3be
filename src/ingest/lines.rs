use std::io::Read;

use crate::Error;

const CHUNK: usize = 1 << 20;

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Calls `each` with every line (1-based number, bytes without the line ending), decompressing gzip on
/// the fly in 1 MiB chunks so that a big file is never held twice in memory.
pub fn for_each_line<F>(file: &str, bytes: &[u8], mut each: F) -> Result<(), Error>
where
    F: FnMut(u64, &[u8]) -> Result<(), Error>,
{
    if is_gzip(bytes) {
        read_lines(file, "gzip data", flate2::read::MultiGzDecoder::new(bytes), each)
    } else {
        let mut line_no = 0;
        each_line(bytes, &mut line_no, &mut each)
    }
}

/// Like [`for_each_line`] for a stream (a file, a gzip or zip decoder): reads 1 MiB at a time, so memory
/// stays small whatever the input's size. A read error is a [`Error::Decode`] naming `file`.
pub fn for_each_line_in<R: Read, F>(file: &str, mut reader: R, each: F) -> Result<(), Error>
where
    F: FnMut(u64, &[u8]) -> Result<(), Error>,
{
    read_lines(file, "the data", &mut reader, each)
}

/// [`for_each_line_in`], naming the stream `what` ("gzip data") when it breaks off.
fn read_lines<R: Read, F>(file: &str, what: &str, mut reader: R, mut each: F) -> Result<(), Error>
where
    F: FnMut(u64, &[u8]) -> Result<(), Error>,
{
    let mut buf = vec![0u8; CHUNK];
    let mut filled = 0usize;
    let mut line_no = 0u64;
    loop {
        if filled == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        let n = match reader.read(&mut buf[filled..]) {
            Ok(n) => n,
            Err(e) => {
                let at = line_no + memchr::memchr_iter(b'\n', &buf[..filled]).count() as u64;
                let after = if at > 0 { format!(" after line {at}") } else { String::new() };
                let message = format!("{what} is damaged{after} ({e}); the file may be cut short: download it again");
                return Err(Error::Decode { file: file.to_string(), message });
            }
        };
        let end = filled + n;
        let done = n == 0;
        let cut = if done { end } else { memchr::memrchr(b'\n', &buf[..end]).map_or(0, |p| p + 1) };
        if cut > 0 {
            each_line(&buf[..cut], &mut line_no, &mut each)?;
        }
        buf.copy_within(cut..end, 0);
        filled = end - cut;
        if done {
            return Ok(());
        }
    }
}

/// Calls `each` with the lines of `bytes`, numbering them on from `line_no`; a final piece without a line
/// ending is a line too.
pub(crate) fn each_line<F>(bytes: &[u8], line_no: &mut u64, each: &mut F) -> Result<(), Error>
where
    F: FnMut(u64, &[u8]) -> Result<(), Error>,
{
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if start > bytes.len() {
            break;
        }
        let mut line = &bytes[start..end];
        start = end + 1;
        if end == bytes.len() && line.is_empty() {
            break;
        }
        *line_no += 1;
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
        each(*line_no, line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn collect(bytes: &[u8]) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        let r = for_each_line("t", bytes, |n, l| {
            out.push((n, String::from_utf8_lossy(l).into_owned()));
            Ok(())
        });
        assert!(r.is_ok());
        out
    }

    #[test]
    fn splits_lines_and_strips_crlf() {
        let got = collect(b"a,b\r\nc\n\nd");
        let want: Vec<(u64, String)> = vec![(1, "a,b".into()), (2, "c".into()), (3, "".into()), (4, "d".into())];
        assert_eq!(got, want);
        assert_eq!(collect(b"x\n").len(), 1);
        assert!(collect(b"").is_empty());
    }

    #[test]
    fn gzip_gives_the_same_lines() {
        let text: String = (0..50_000).map(|i| format!("{i},row\n")).collect();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = enc.write_all(text.as_bytes());
        let gz = enc.finish().unwrap_or_default();
        assert!(is_gzip(&gz));
        assert_eq!(collect(&gz), collect(text.as_bytes()));
    }

    #[test]
    fn damaged_gzip_is_an_error_naming_the_file() {
        let r = for_each_line("x.csv.gz", &[0x1f, 0x8b, 8, 0, 1, 2, 3], |_, _| Ok(()));
        let msg = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.starts_with("x.csv.gz:"), "{msg}");
    }
}
