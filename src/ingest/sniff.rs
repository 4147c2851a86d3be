use crate::Error;

/// Refuses, with a message saying what the file is and what to do, the files that are not CSV text:
/// empty files, zip archives (BACI ships zips; Excel `.xlsx` is one too), UTF-16 text and binary data.
/// Gzip passes: the line reader decompresses it.
pub fn check_text(file: &str, bytes: &[u8]) -> Result<(), Error> {
    let problem = if bytes.is_empty() {
        Some(format!("the file is empty; expected a header line, then one row a line: {}", super::detect::EXPECTED))
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some("this is a zip archive (or an Excel .xlsx file), not CSV text: unzip it, or save the sheet as CSV, and load the .csv file".to_string())
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Some("this is UTF-16 text (Excel's \"Unicode text\"); expected UTF-8: save it as \"CSV UTF-8\"".to_string())
    } else if super::lines::is_gzip(bytes) {
        None
    } else {
        let head = &bytes[..bytes.len().min(4096)];
        head.iter().position(|&c| c == 0 || (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C))).map(|at| {
            let line = 1 + head[..at].iter().filter(|&&c| c == b'\n').count();
            format!("line {line}: found the control byte 0x{:02X} at byte {}; expected CSV text, this looks like a binary file", head[at], at + 1)
        })
    };
    match problem {
        Some(message) => Err(Error::Decode { file: file.to_string(), message }),
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
