use super::problem::Problem;
use super::row_error::RowError;
use crate::Error;

/// How many lines one quoted field may span before it counts as never closed.
pub const MAX_LINES: usize = 100;

/// True when `line` ends inside a quoted field. A quote opens a field only at its start (after a comma or
/// at the line's start), as in RFC 4180 and Excel, so `12" pipes` holds no quoted field.
pub fn ends_inside_quotes(line: &[u8]) -> bool {
    // Most lines hold no quote at all: one vectorised search instead of a byte loop.
    if memchr::memchr(b'"', line).is_none() {
        return false;
    }
    let mut quoted = false;
    let mut prev = b',';
    for &c in line {
        if quoted {
            quoted = c != b'"';
        } else if c == b'"' && (prev == b',' || prev == b'"') {
            // After `"` this reopens the field: `""` inside quotes is an escaped quote.
            quoted = true;
        }
        prev = c;
    }
    quoted
}

/// Where joined rows go.
pub trait RowSink {
    /// One complete row, numbered by its first line.
    fn row(&mut self, line_no: u64, row: &[u8]) -> Result<(), Error>;
    /// A row that could not be read.
    fn bad(&mut self, e: RowError) -> Result<(), Error>;
}

/// Joins the lines of a row whose quoted field holds line breaks (as spreadsheets write a cell with
/// several lines); the row is numbered by its first line. A quote left open for [`MAX_LINES`] lines, or
/// to the end of the file, is a bad row at the line that opened it, and the lines held are read one by one.
#[derive(Debug, Default)]
pub struct Joiner {
    from: u64,
    buf: Vec<u8>,
    /// Where each held line ends in `buf`.
    ends: Vec<usize>,
}

impl Joiner {
    /// True when no row is held open by a quote.
    pub fn is_idle(&self) -> bool {
        self.ends.is_empty()
    }

    /// Takes the next line; calls `row` with each complete row, `bad` with a quote never closed.
    pub fn push(&mut self, line_no: u64, line: &[u8], sink: &mut impl RowSink) -> Result<(), Error> {
        if self.ends.is_empty() {
            if !ends_inside_quotes(line) {
                return sink.row(line_no, line);
            }
            self.from = line_no;
        } else {
            self.buf.push(b'\n');
        }
        self.buf.extend_from_slice(line);
        self.ends.push(self.buf.len());
        if !ends_inside_quotes(&self.buf) {
            let r = sink.row(self.from, &self.buf);
            self.buf.clear();
            self.ends.clear();
            return r;
        }
        if self.ends.len() >= MAX_LINES {
            return self.give_up(sink);
        }
        Ok(())
    }

    /// Ends the file: a row still held has a quote never closed.
    pub fn finish(&mut self, sink: &mut impl RowSink) -> Result<(), Error> {
        if self.ends.is_empty() {
            return Ok(());
        }
        self.give_up(sink)
    }

    fn give_up(&mut self, sink: &mut impl RowSink) -> Result<(), Error> {
        let buf = std::mem::take(&mut self.buf);
        let ends = std::mem::take(&mut self.ends);
        let problem = Problem::Unclosed { within: (ends.len() >= MAX_LINES).then_some(MAX_LINES) };
        if self.from == 1 {
            // The header: read it as it is, so that the format error names it.
            sink.row(1, &buf[..ends[0]])?;
        } else {
            sink.bad(RowError::line(self.from, problem))?;
        }
        let mut start = ends[0] + 1;
        for (k, &end) in ends.iter().enumerate().skip(1) {
            sink.row(self.from + k as u64, &buf[start..end])?;
            start = end + 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Seen(Vec<(u64, String)>);

    impl RowSink for Seen {
        fn row(&mut self, n: u64, l: &[u8]) -> Result<(), Error> {
            self.0.push((n, String::from_utf8_lossy(l).into_owned()));
            Ok(())
        }
        fn bad(&mut self, e: RowError) -> Result<(), Error> {
            self.0.push((e.line, format!("bad: {}", e.problem)));
            Ok(())
        }
    }

    fn rows(text: &str) -> Vec<(u64, String)> {
        let mut seen = Seen::default();
        let mut j = Joiner::default();
        for (i, l) in text.split('\n').enumerate() {
            assert!(j.push(i as u64 + 1, l.as_bytes(), &mut seen).is_ok());
        }
        assert!(j.finish(&mut seen).is_ok());
        seen.0
    }

    #[test]
    fn quotes_open_only_at_a_field_start() {
        assert!(ends_inside_quotes(br#"a,"b"#));
        assert!(!ends_inside_quotes(br#"a,"b""c",d"#));
        assert!(ends_inside_quotes(br#"a,"b"",c"#));
        assert!(!ends_inside_quotes(br#"a,12" pipes,c"#));
        assert!(!ends_inside_quotes(b""));
    }

    #[test]
    fn joins_a_quoted_line_break_and_numbers_the_row_by_its_first_line() {
        let got = rows("h\n1,\"two\nlines\",x\n3");
        assert_eq!(got, vec![(1, "h".into()), (2, "1,\"two\nlines\",x".into()), (4, "3".into())]);
    }

    #[test]
    fn an_unclosed_quote_is_one_bad_row_and_the_rest_is_read() {
        let got = rows("h\n1,\"open\n3\n4");
        assert_eq!(got[1], (2, "bad: a quoted field opened on this line is not closed before the end of the file; expected a closing `\"`".into()));
        assert_eq!(&got[2..], &[(3, "3".to_string()), (4, "4".to_string())]);
    }
}
