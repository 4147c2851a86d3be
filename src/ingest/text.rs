use std::borrow::Cow;

/// A free-text field (source, unit) as a string: UTF-8 when it is valid UTF-8, else Latin-1, so that a
/// file saved by an older spreadsheet keeps `Douane française` instead of losing letters to `�`.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_or_latin1() {
        assert_eq!(decode("Douane française".as_bytes()), "Douane française");
        assert_eq!(decode(b"Douane fran\xE7aise"), "Douane française");
    }
}
