//! Benchmark handles for `bench/`: load a table, run the benchmark queries, report sizes. Timing is the
//! caller's; the queries are the criterion bench's ([`crate::bench_data`]).

use wasm_bindgen::prelude::*;

use crate::bench_data::{full_query, route_queries};
use crate::ingest::{self, Options};
use crate::query;
use crate::store::Table;

/// A loaded table to query.
#[wasm_bindgen]
pub struct BenchTable {
    table: Table,
}

#[wasm_bindgen]
impl BenchTable {
    /// Parses a trade file (any format the core reads) into the store.
    #[wasm_bindgen(constructor)]
    pub fn new(file_name: &str, bytes: &[u8]) -> Result<BenchTable, JsError> {
        let loaded = ingest::load(file_name, bytes, &Options::default()).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(BenchTable { table: loaded.table })
    }

    /// The table of a file pushed in chunks, as the page's worker reads a reader's file.
    pub fn from_feed(feed: &mut super::file_feed::FileFeed) -> Result<BenchTable, JsError> {
        Ok(BenchTable { table: feed.finish()?.table })
    }

    pub fn rows(&self) -> usize {
        self.table.len()
    }

    /// Resident bytes per row of the store (columns and dictionaries).
    pub fn bytes_per_row(&self) -> f64 {
        self.table.bytes_per_row()
    }

    /// The CHPL route query (both legs), sorted groups with packed keys: `[groups, total value in USD]`.
    pub fn route(&self) -> Result<Vec<f64>, JsError> {
        let mut out = [0.0, 0.0];
        for q in route_queries() {
            let g = self.aggregate(&q)?;
            out[0] += g.len() as f64;
            out[1] += g.total_cents() as f64 / 100.0;
        }
        Ok(out.to_vec())
    }

    /// The full group-by (exporter, importer, year, HS2), sorted groups with packed keys:
    /// `[groups, total value in USD]`.
    pub fn group_by(&self) -> Result<Vec<f64>, JsError> {
        let g = self.aggregate(&full_query())?;
        Ok(vec![g.len() as f64, g.total_cents() as f64 / 100.0])
    }
}

impl BenchTable {
    fn aggregate(&self, q: &query::Query) -> Result<query::Groups<'_>, JsError> {
        query::aggregate(&self.table, q).map_err(|e| JsError::new(&e.to_string()))
    }
}

/// The 50 CHPL codes as numbers, for peers that run the same route query in SQL or JS.
#[wasm_bindgen]
pub fn bench_chpl_codes() -> Vec<u32> {
    crate::hs::CHPL.iter().map(|(c, _)| *c).collect()
}
