use std::fmt;

use super::problem::{Expected, Problem};
use crate::lang::Lang;
use crate::Error;

/// A row that could not be read: where, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number in the file (the header is line 1).
    pub line: u64,
    /// The column's name from the header, when the error belongs to one field.
    pub column: Option<String>,
    pub problem: Problem,
    /// The file's name, when several were read into one table.
    pub file: Option<String>,
}

impl RowError {
    /// An error of the whole line.
    pub fn line(line: u64, problem: Problem) -> RowError {
        RowError { line, column: None, problem, file: None }
    }

    /// An error in one field: `found` is shown (cut to 60 bytes) beside what was `expected`.
    pub fn field(line: u64, column: &str, found: &[u8], expected: Expected) -> RowError {
        let shown = String::from_utf8_lossy(&found[..found.len().min(60)]);
        let more = if found.len() > 60 { "…" } else { "" };
        let problem = Problem::Value { found: format!("{shown}{more}"), expected };
        RowError { line, column: Some(column.to_string()), problem, file: None }
    }

    /// The error in `lang`: English as its `Display` gives it.
    pub fn said_in(&self, lang: Lang) -> String {
        let Some((line, column)) = lang.translated([("рядок", "стовпець"), ("строка", "столбец")]) else {
            return self.to_string();
        };
        let mut said = format!("{line} {}", self.line);
        if let Some(c) = &self.column {
            said += &format!(", {column} `{c}`");
        }
        said += &format!(": {}", self.problem.said_in(lang));
        if let Some(file) = &self.file {
            said += &format!(" ({file})");
        }
        said
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column `{c}`")?;
        }
        write!(f, ": {}", self.problem)?;
        if let Some(file) = &self.file {
            write!(f, " ({file})")?;
        }
        Ok(())
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
        let e = RowError::field(7, "value_usd", b"12,5", Expected::Dollars { comma: true });
        assert_eq!(
            e.to_string(),
            "line 7, column `value_usd`: found `12,5`, expected a non-negative amount in US dollars (`.` before cents, no thousands separators)"
        );
        assert_eq!(
            e.said_in(Lang::Uk),
            "рядок 7, стовпець `value_usd`: знайдено `12,5`, очікувалося: невід'ємна сума в доларах США (`.` перед центами, без розділювачів тисяч)"
        );
    }
}
