use super::refusal::Refusal;
use crate::Error;

/// Refuses, with a message saying what the file is and what to do, the files that are not CSV text:
/// empty files, zip archives (BACI ships zips; Excel `.xlsx` is one too), UTF-16 text and binary data.
/// Gzip passes: the line reader decompresses it.
pub fn check_text(file: &str, bytes: &[u8]) -> Result<(), Error> {
    let why = if bytes.is_empty() {
        Some(Refusal::Empty)
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Refusal::Zip)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Some(Refusal::Utf16)
    } else if super::lines::is_gzip(bytes) {
        None
    } else {
        let head = &bytes[..bytes.len().min(4096)];
        head.iter().position(|&c| c == 0 || (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C))).map(|at| {
            let line = 1 + head[..at].iter().filter(|&&c| c == b'\n').count();
            Refusal::Binary { line, byte: head[at], at: at + 1 }
        })
    };
    match why {
        Some(why) => Err(Error::Refused { file: file.to_string(), why }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(bytes: &[u8]) -> String {
        check_text("f.csv", bytes).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn names_what_the_file_is() {
        assert!(msg(b"").starts_with("f.csv: the file is empty; expected a header line"));
        assert!(msg(b"PK\x03\x04rest").contains("zip archive"));
        assert!(msg(b"\xFF\xFEy\0e\0").contains("UTF-16"));
        assert_eq!(msg(b"a,b\n1,\x002\n"), "f.csv: line 2: found the control byte 0x00 at byte 7; expected CSV text, this looks like a binary file");
        assert!(check_text("f.csv", b"a,b\r\n1,\t2\n").is_ok());
        assert!(check_text("f.csv", &[0x1f, 0x8b, 0, 0]).is_ok());
    }
}
