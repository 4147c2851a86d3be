//! The error type; every message names the input it came from.

/// An error from any stage of the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that could not be read (kept for callers outside the engine).
    #[error("{0}")]
    Input(String),
    /// A file whose header fits no known format.
    #[error("{file}: header `{found}` fits no known format; expected {expected}")]
    Header {
        /// The file name as given by the caller.
        file: String,
        /// The header line found (cut to a readable length).
        found: String,
        /// What was expected instead.
        expected: Box<crate::ingest::refusal::Want>,
    },
    /// A file that is not CSV text.
    #[error("{file}: {why}")]
    Refused {
        /// The file name as given by the caller.
        file: String,
        why: crate::ingest::refusal::Refusal,
    },
    /// A bad row, reported as an error in strict mode.
    #[error("{file}: line {line}{}: {message}", column.as_deref().map(|c| format!(", column `{c}`")).unwrap_or_default())]
    Row {
        /// The file name as given by the caller.
        file: String,
        /// 1-based line number.
        line: u64,
        /// The column name, when the error belongs to one field.
        column: Option<String>,
        /// The value found and what was expected.
        message: String,
    },
    /// A file that could not be decompressed or decoded.
    #[error("{file}: {message}")]
    Decode {
        /// The file name as given by the caller.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// A dictionary that outgrew its integer width.
    #[error("{file}: more than {limit} distinct {what}; the store keeps at most {limit}")]
    TooMany {
        /// The file name as given by the caller.
        file: String,
        /// What overflowed (countries, products, periods/sources).
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A query that cannot be answered as asked.
    #[error("query: {0}")]
    Query(String),
    /// Writing output failed.
    #[error("writing {what}: {source}")]
    Write {
        /// What was being written.
        what: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
}

impl Error {
    /// The error in `lang`: a file refused, or its header, in the page's language; any other in English,
    /// as its `Display` gives it.
    pub fn said_in(&self, lang: crate::lang::Lang) -> String {
        match self {
            Error::Refused { file, why } => format!("{file}: {}", why.said_in(lang)),
            Error::Header { file, found, expected } => {
                let words = lang.translated([
                    ("заголовок", "не відповідає жодному відомому формату; очікувалося"),
                    ("заголовок", "не подходит ни под один известный формат; ожидалось"),
                ]);
                match words {
                    Some((header, fits_none)) => format!("{file}: {header} `{found}` {fits_none}: {}", expected.said_in(lang)),
                    None => self.to_string(),
                }
            }
            _ => self.to_string(),
        }
    }
}
