/// The fields of one CSV line, split without allocating once warmed up.
///
/// Quoted fields (`"a, b"`, with `""` for a quote) are unescaped into an internal buffer; lines without
/// quotes are only indexed. A quoted field cannot span lines.
#[derive(Debug, Default)]
pub struct Fields {
    ranges: Vec<(usize, usize)>,
    buf: Vec<u8>,
    quoted: bool,
}

impl Fields {
    /// Splits `line` on commas.
    pub fn split(&mut self, line: &[u8]) {
        self.ranges.clear();
        self.quoted = false;
        if let Some(start) = super::commas::split(line, &mut self.ranges) {
            self.ranges.push((start, line.len()));
            return;
        }
        self.quoted = true;
        self.ranges.clear();
        self.buf.clear();
        let mut i = 0;
        loop {
            let start = self.buf.len();
            if line.get(i) == Some(&b'"') {
                i += 1;
                // Up to each quote at once: `""` is a quote kept, another ends the quoted part.
                loop {
                    let rest = line.get(i..).unwrap_or_default();
                    let Some(q) = memchr::memchr(b'"', rest) else {
                        self.buf.extend_from_slice(rest);
                        i = line.len();
                        break;
                    };
                    self.buf.extend_from_slice(&rest[..q]);
                    i += q + 1;
                    if line.get(i) != Some(&b'"') {
                        break;
                    }
                    self.buf.push(b'"');
                    i += 1;
                }
            }
            // A closing quote is mostly followed by its comma: no search then (a tenth of a line of short
            // quoted fields' time in the scalar module).
            if line.get(i) != Some(&b',') {
                let rest = line.get(i..).unwrap_or_default();
                let end = memchr::memchr(b',', rest).unwrap_or(rest.len());
                self.buf.extend_from_slice(&rest[..end]);
                i += end;
            }
            self.ranges.push((start, self.buf.len()));
            if i >= line.len() {
                break;
            }
            i += 1;
        }
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// True for no fields (never after a split).
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Field `i` of `line` (the line given to the last split), trimmed of spaces; empty when absent.
    pub fn get<'a>(&'a self, line: &'a [u8], i: usize) -> &'a [u8] {
        let src = if self.quoted { &self.buf[..] } else { line };
        self.ranges.get(i).and_then(|&(a, b)| src.get(a..b)).map_or(&[][..], |f| f.trim_ascii())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<String> {
        let mut f = Fields::default();
        f.split(line.as_bytes());
        (0..f.len()).map(|i| String::from_utf8_lossy(f.get(line.as_bytes(), i)).into_owned()).collect()
    }

    #[test]
    fn plain_and_quoted() {
        assert_eq!(split("a,b,,c"), ["a", "b", "", "c"]);
        assert_eq!(split(r#"1,"x, y","say ""hi""",z"#), ["1", "x, y", r#"say "hi""#, "z"]);
        assert_eq!(split(r#""a""#), ["a"]);
        assert_eq!(split(""), [""]);
        assert_eq!(split(r#"a,"unterminated"#), ["a", "unterminated"]);
        assert_eq!(split(r#""a"b,"",""""," q ",x"#), ["ab", "", r#"""#, "q", "x"]);
        assert_eq!(split(r#"a,"#), ["a", ""]);
    }
}
