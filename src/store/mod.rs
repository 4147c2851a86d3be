//! The columnar store: dictionary-encoded countries, products and periods; values in integer cents.

/// Who reported a flow: the exporter, the importer, or a reconciliation of both (BACI).
pub mod side;
/// Exports, imports, re-exports and re-imports.
pub mod flow;
/// The per-row "period" dictionary entry: year, month, side, source and unit together.
pub mod meta;
/// The table: its columns, dictionaries and read access.
pub mod table;
/// Building a table row by row, interning dictionary values.
pub mod builder;
/// Ordering the rows by route, so that route queries read only their rows.
mod cluster;
/// Moving the 8-byte column into route order with room for half of it.
mod halves;
/// The rows of a table touching some countries, copied into a builder of their own.
pub mod merge;
/// Tables each in route order merged into one in route order, each row copied once.
pub mod route_merge;
/// A table as bytes, handed from one worker to another.
pub mod wire;
/// Writing a table back out as tidy CSV.
pub mod write;

pub use builder::TableBuilder;
pub use flow::Flow;
pub use meta::Meta;
pub use side::Side;
pub use table::{Record, Table};
pub use write::{csv_cell, write_tidy, write_tidy_record, Cents, TIDY_HEADER};
