//! Engine benchmarks on seeded BACI-like tables (`roundabout::bench_data`): parse speed, the selective CHPL
//! route query and the full group-by (sorted groups, keys packed, as the wasm bench measures them; and
//! decoded), at 1e5, 1e6 and 5e6 rows; bytes per row are printed once per size.
//!
//! Run: `cargo bench --bench engine` (sizes from `ROUNDABOUT_BENCH_ROWS=100000,1000000`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use roundabout::bench_data::{baci, full_query, route_queries};
use roundabout::ingest::{load, Options};
use roundabout::query::{aggregate, run};

fn sizes() -> Vec<usize> {
    // `cargo test --all-targets` runs each bench once as a check: a small table is enough for that.
    let benching = std::env::args().any(|a| a == "--bench");
    let default = if benching { "100000,1000000,5000000" } else { "10000" };
    let list = std::env::var("ROUNDABOUT_BENCH_ROWS").unwrap_or_else(|_| default.into());
    list.split(',').filter_map(|s| s.trim().parse().ok()).collect()
}

fn engine(c: &mut Criterion) {
    for rows in sizes() {
        let text = baci(rows, 42);
        let table = match load("bench.csv", text.as_bytes(), &Options::default()) {
            Ok(l) => l.table,
            Err(e) => panic!("the generated table does not load: {e}"),
        };
        eprintln!("{rows} rows: {:.1} MB of BACI CSV, {:.2} resident bytes per row", text.len() as f64 / 1e6, table.bytes_per_row());

        let mut g = c.benchmark_group(format!("rows_{rows}"));
        g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(BenchmarkId::new("parse", rows), |b| {
            b.iter(|| load("bench.csv", black_box(text.as_bytes()), &Options::default()).map(|l| l.table.len()))
        });
        g.throughput(Throughput::Elements(rows as u64));
        let legs = route_queries();
        g.bench_function(BenchmarkId::new("route_chpl", rows), |b| {
            b.iter(|| legs.iter().map(|q| aggregate(black_box(&table), q).map_or(0, |g| g.len())).sum::<usize>())
        });
        let full = full_query();
        g.bench_function(BenchmarkId::new("group_by_exp_imp_year_hs2", rows), |b| {
            b.iter(|| aggregate(black_box(&table), &full).map(|g| g.len()))
        });
        // The same with every group's keys decoded into values, as `query::run` answers.
        g.bench_function(BenchmarkId::new("group_by_decoded", rows), |b| b.iter(|| run(black_box(&table), &full).map(|a| a.rows.len())));
        g.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
