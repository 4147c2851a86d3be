use std::fmt;

use crate::Error;

/// A row that could not be read: where, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    /// 1-based line number in the file (the header is line 1).
    pub line: u64,
    /// The column's name from the header, when the error belongs to one field.
    pub column: Option<String>,
    /// The value found and what was expected.
    pub message: String,
}

impl RowError {
    /// An error in one field: `found` is shown (cut to 60 bytes) beside what was `expected`.
    pub fn field(line: u64, column: &str, found: &[u8], expected: &str) -> RowError {
        let shown = String::from_utf8_lossy(&found[..found.len().min(60)]);
        let more = if found.len() > 60 { "…" } else { "" };
        RowError { line, column: Some(column.to_string()), message: format!("found `{shown}{more}`, expected {expected}") }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column `{c}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a row was not added: a bad row (skipped or, in strict mode, fatal) or an error that stops the load.
#[derive(Debug)]
pub(crate) enum Bad {
    Row(RowError),
    Fatal(Error),
}

impl From<RowError> for Bad {
    fn from(e: RowError) -> Bad {
        Bad::Row(e)
    }
}

impl From<Error> for Bad {
    fn from(e: Error) -> Bad {
        Bad::Fatal(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_line_column_and_value() {
        let e = RowError::field(7, "value_usd", b"12,5", "a decimal amount in US dollars");
        assert_eq!(e.to_string(), "line 7, column `value_usd`: found `12,5`, expected a decimal amount in US dollars");
    }
}
