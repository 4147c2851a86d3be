//! Engine benchmarks on seeded synthetic BACI-like tables: parse speed, bytes per row, the selective
//! CHPL route query and the full group-by.
//!
//! Run: `cargo bench --bench engine -- --ignored --nocapture` (add `ROUNDABOUT_BENCH_ROWS=1000000`).
//! These are timed `#[test]`s rather than criterion benches because criterion needs `harness = false`
//! in a `[[bench]]` section of Cargo.toml.

use std::fmt::Write as _;
use std::time::Instant;

use roundabout::countries::ISO;
use roundabout::hs::CHPL;
use roundabout::ingest::{load, Options};
use roundabout::query::{run, Key, Query};
use roundabout::store::write_tidy;

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index in 0..n, skewed towards 0 the way trade concentrates on a few partners and goods.
    fn skewed(&mut self, n: usize) -> usize {
        ((self.unit().powi(3) * n as f64) as usize).min(n - 1)
    }
}

/// ~230 countries (China, Kazakhstan, Kyrgyzstan and Russia first), ~5,400 HS6 codes including the CHPL,
/// 8 years, as BACI CSV text.
fn baci(rows: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut countries: Vec<u16> = vec![156, 398, 417, 643];
    countries.extend(ISO.iter().map(|c| c.numeric).filter(|n| ![156, 398, 417, 643].contains(n)).take(226));
    let mut products: Vec<u32> = CHPL.iter().map(|(c, _)| *c).collect();
    while products.len() < 5_400 {
        let code = (rng.next() % 97 + 1) as u32 * 10_000 + (rng.next() % 99 + 1) as u32 * 100 + (rng.next() % 10) as u32 * 10;
        if !products.contains(&code) {
            products.push(code);
        }
    }
    let mut s = String::with_capacity(rows * 36);
    s.push_str("t,i,j,k,v,q\n");
    for _ in 0..rows {
        let year = 2016 + rng.next() % 8;
        let i = countries[rng.skewed(countries.len())];
        let j = countries[rng.skewed(countries.len())];
        let k = products[rng.skewed(products.len())];
        let v = (rng.unit() * 1e6).round() / 1e3;
        let _ = write!(s, "{year},{i},{j},{k},{v:.3},");
        if rng.next() % 10 == 0 {
            s.push_str("NA\n");
        } else {
            let _ = writeln!(s, "{:.3}", rng.unit() * 1e4);
        }
    }
    s
}

fn rows() -> usize {
    std::env::var("ROUNDABOUT_BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000)
}

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = f();
    for _ in 0..n {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, out)
}

#[test]
#[ignore = "benchmark: run with cargo bench -- --ignored --nocapture"]
fn engine() {
    let n = rows();
    let text = baci(n, 42);
    let (secs, loaded) = best_of(7, || load("bench.csv", text.as_bytes(), &Options::default()));
    let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.bad_rows, 0);
    let table = loaded.table;
    let mb = text.len() as f64 / 1e6;
    println!("rows: {n}, BACI text {mb:.1} MB");
    println!("parse BACI: {:.1} ms, {:.0} MB/s, {:.1} M rows/s", secs * 1e3, mb / secs, n as f64 / secs / 1e6);
    if std::env::var_os("ROUNDABOUT_BENCH_PARSE_ONLY").is_some() {
        // For profiling the parser alone.
        for _ in 0..10 {
            let _ = load("bench.csv", text.as_bytes(), &Options::default());
        }
        return;
    }

    let mut tidy = Vec::new();
    write_tidy(&table, &mut tidy).unwrap_or_else(|e| panic!("{e}"));
    let (secs, _) = best_of(3, || load("bench_tidy.csv", &tidy, &Options::default()));
    let tmb = tidy.len() as f64 / 1e6;
    println!("parse tidy: {:.1} ms, {:.0} MB/s ({tmb:.1} MB)", secs * 1e3, tmb / secs);
    println!("bytes per row: {:.2}", table.bytes_per_row());

    let route = Query {
        exporters: Some(vec!["CHN".into()]),
        importers: Some(vec!["KAZ".into(), "KGZ".into()]),
        products: Some(vec!["chpl".into()]),
        years: Some((2021, 2023)),
        group_by: vec![Key::Importer, Key::Year],
        ..Query::default()
    };
    let (secs, a) = best_of(5, || run(&table, &route));
    let a = a.unwrap_or_else(|e| panic!("{e}"));
    println!("CHPL route query: {:.2} ms, {} groups", secs * 1e3, a.rows.len());

    let full = Query { group_by: vec![Key::Exporter, Key::Importer, Key::Year, Key::Hs2], ..Query::default() };
    let (secs, a) = best_of(3, || run(&table, &full));
    let a = a.unwrap_or_else(|e| panic!("{e}"));
    println!("group-by exporter, importer, year, HS2: {:.1} ms, {} groups", secs * 1e3, a.rows.len());
}
