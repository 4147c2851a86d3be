//! The error type; every message names the input it came from.

/// An error from any stage of the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that could not be read.
    #[error("{0}")]
    Input(String),
}
