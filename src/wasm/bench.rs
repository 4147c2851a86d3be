//! Benchmark handles for `bench/`: load a table, run the benchmark queries, report sizes. Timing is the
//! caller's; the queries are the criterion bench's ([`crate::bench_data`]).

use wasm_bindgen::prelude::*;

use crate::bench_data::{full_query, route_queries};
use crate::ingest::{self, Options};
use crate::query::{self, Answer};
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

    pub fn rows(&self) -> usize {
        self.table.len()
    }

    /// Resident bytes per row of the store (columns and dictionaries).
    pub fn bytes_per_row(&self) -> f64 {
        self.table.bytes_per_row()
    }

    /// The CHPL route query (both legs): `[groups, total value in USD]`.
    pub fn route(&self) -> Result<Vec<f64>, JsError> {
        let mut out = [0.0, 0.0];
        for q in route_queries() {
            let a = self.run(&q)?;
            out[0] += a.rows.len() as f64;
            out[1] += a.total_usd();
        }
        Ok(out.to_vec())
    }

    /// The full group-by (exporter, importer, year, HS2): `[groups, total value in USD]`.
    pub fn group_by(&self) -> Result<Vec<f64>, JsError> {
        let a = self.run(&full_query())?;
        Ok(vec![a.rows.len() as f64, a.total_usd()])
    }
}

impl BenchTable {
    fn run(&self, q: &query::Query) -> Result<Answer, JsError> {
        query::run(&self.table, q).map_err(|e| JsError::new(&e.to_string()))
    }
}
