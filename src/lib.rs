//! Roundabout: how sanctioned goods reach Russia through third countries.
//!
//! The pipeline is `files → ingest → store → query → scene → target`. Everything here but
//! [`wasm`] is plain Rust that builds and tests on the host; `wasm` is the only module that
//! touches the browser.

pub mod bench_data;
pub mod countries;
pub mod error;
pub mod format;
pub mod format_list;
pub mod geo;
pub mod hs;
pub mod ingest;
pub mod lang;
pub mod query;
pub mod scene;
pub mod sort;
pub mod store;
pub mod story;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
