//! Queries: filters and group-by over a [`crate::store::Table`], then measures and route evidence.
//!
//! ```
//! use roundabout::ingest::{load, Options};
//! use roundabout::query::{run, Key, KeyValue, Query};
//! let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
//!            2022,,CHN,KAZ,880621,100.50,,,exporter,x\n\
//!            2022,,CHN,KGZ,880621,50.25,,,exporter,x\n";
//! let table = load("t.csv", csv.as_bytes(), &Options::default()).unwrap().table;
//! let q = Query { exporters: Some(vec!["CHN".into()]), products: Some(vec!["drones".into()]),
//!                 group_by: vec![Key::Year], ..Query::default() };
//! let a = run(&table, &q).unwrap();
//! assert_eq!(a.rows[0].keys, vec![KeyValue::Number(2022)]);
//! assert_eq!(a.rows[0].value_usd, 150.75);
//! ```

/// Group keys and the values they take.
pub mod key;
/// The query: filters and group keys, as a serde struct.
pub mod spec;
/// Counting each value once: aggregates kept apart from their detail.
pub mod count;
/// Compiling a query's filters against a table's dictionaries.
pub mod filter;
/// The grouped answer.
pub mod answer;
/// Running a query: one pass over the rows, hashing packed group keys.
pub mod group;
/// Summing many rows per key in dense arrays, for group-bys of many groups.
mod dense;
/// Summing route by route, for group-bys by exporter and importer.
mod by_route;
/// What every way of summing shares: each dictionary entry's share of a row's group key, a group's sums.
mod summing;
/// Growth against a baseline year.
pub mod growth;
/// Shares of a total.
pub mod share;
/// Re-export evidence: what a hub takes in against what it sends on.
pub mod evidence;
/// Difference in differences: sanctioned against comparable goods.
pub mod did;
/// Mirror gaps: the exporter's report against the importer's.
pub mod mirror;

pub use answer::{Answer, Row};
pub use did::{diff_in_diff, DiffInDiff};
pub use evidence::{hub_evidence, Evidence};
pub use group::{aggregate, aggregate_by_route, run, Groups};
pub use growth::{growth, Growth};
pub use mirror::{mirror, Mirror};
pub use share::shares;
pub use key::{Key, KeyValue};
pub use spec::Query;

pub use crate::store::{Flow, Side};
