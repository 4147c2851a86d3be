//! Property tests: `run` against a naive reference on random tables, and the tidy CSV round trip.

use std::collections::BTreeMap;

use proptest::prelude::*;
use roundabout::hs::{HsCode, ProductFilter};
use roundabout::ingest::{load, Options};
use roundabout::query::{run, Key, KeyValue, Query, Side};
use roundabout::store::{write_tidy, Table};

const COUNTRIES: [&str; 5] = ["CHN", "KAZ", "KGZ", "RUS", "USA"];
const PRODUCTS: [&str; 8] = ["TOTAL", "85", "8542", "854231", "880621", "010121", "940360", "848210"];
const SOURCES: [&str; 3] = ["China customs", "BACI, CEPII", "say \"hi\""];
const UNITS: [&str; 3] = ["", "t", "u"];
const SIDES: [Side; 3] = [Side::Exporter, Side::Importer, Side::Reconciled];
const TERMS: [&str; 7] = ["chpl", "drones", "85", "hs:01", "TOTAL", "854231", "tier3b"];

#[derive(Clone, Debug)]
struct Rec {
    year: u16,
    month: u8,
    exporter: usize,
    importer: usize,
    product: usize,
    cents: i64,
    quantity: Option<u32>,
    unit: usize,
    side: usize,
    source: usize,
}

fn rec() -> impl Strategy<Value = Rec> {
    (2019u16..2025, 0u8..13, 0..5usize, 0..5usize, 0..8usize, 0i64..1_000_000_000_000, proptest::option::of(0u32..100_000), 0..3usize, 0..3usize, 0..3usize)
        .prop_map(|(year, month, exporter, importer, product, cents, quantity, unit, side, source)| Rec {
            year, month, exporter, importer, product, cents, quantity, unit, side, source,
        })
}

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &[T]) -> impl Strategy<Value = Option<Vec<T>>> + use<T> {
    let all = all.to_vec();
    proptest::option::of(proptest::collection::vec(proptest::sample::select(all), 0..3))
}

fn query() -> impl Strategy<Value = Query> {
    let keys = proptest::sample::subsequence(Key::ALL.to_vec(), 0..=10).prop_shuffle();
    let years = proptest::option::of((2018u16..2026, 0u16..4).prop_map(|(a, n)| (a, a + n)));
    (pick(&COUNTRIES), pick(&COUNTRIES), pick(&TERMS), years, pick(&SIDES), keys).prop_map(|(e, i, p, years, sides, group_by)| {
        let s = |v: Option<Vec<&str>>| v.map(|v| v.into_iter().map(String::from).collect());
        Query { exporters: s(e), importers: s(i), products: s(p), years, reported_by: sides, flows: None, group_by }
    })
}

fn tidy(recs: &[Rec]) -> String {
    let mut s = String::from("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n");
    for r in recs {
        let month = if r.month == 0 { String::new() } else { r.month.to_string() };
        let q = r.quantity.map(|q| q.to_string()).unwrap_or_default();
        let unit = if r.quantity.is_some() { UNITS[r.unit] } else { "" };
        let src = format!("\"{}\"", SOURCES[r.source].replace('"', "\"\""));
        s.push_str(&format!(
            "{},{month},{},{},{},{}.{:02},{q},{unit},{},{src}\n",
            r.year, COUNTRIES[r.exporter], COUNTRIES[r.importer], PRODUCTS[r.product], r.cents / 100, r.cents % 100, SIDES[r.side]
        ));
    }
    s
}

fn hs(r: &Rec) -> HsCode {
    HsCode::parse(PRODUCTS[r.product].as_bytes()).unwrap_or(HsCode::TOTAL)
}

/// A record's product level: TOTAL 0, 2 digits 2, 4 digits 3, 6 digits 4.
fn level(r: &Rec) -> u8 {
    match hs(r).digits() {
        0 => 0,
        d => d / 2 + 1,
    }
}

/// The product level the query's group keys need.
fn need(q: &Query) -> u8 {
    q.group_by.iter().map(|k| match k { Key::Hs2 => 2, Key::Hs4 => 3, Key::Hs6 => 4, _ => 0 }).max().unwrap_or(0)
}

/// The report a record belongs to: period, side, source and pair.
fn cell(r: &Rec) -> (u16, u8, usize, usize, usize, usize) {
    (r.year, r.month, r.side, r.source, r.exporter, r.importer)
}

/// True when a report the query reads mixes codes coarser than its keys need with codes as fine: the
/// only reports where a fine grouping may have no answer that counts each value once.
fn mixed_levels(recs: &[Rec], q: &Query) -> bool {
    let kept = kept(recs, q);
    let need = need(q);
    kept.iter().any(|a| level(a) < need && kept.iter().any(|b| cell(b) == cell(a) && level(b) >= need))
}

/// The records a query keeps, before grouping.
fn kept<'a>(recs: &'a [Rec], q: &Query) -> Vec<&'a Rec> {
    let filter = q.products.as_ref().map(|p| ProductFilter::parse(p).unwrap_or_default());
    // A country's trade with itself is a re-import, which queries leave out unless asked.
    recs.iter()
        .filter(|r| {
            r.exporter != r.importer
                && q.exporters.as_ref().is_none_or(|v| v.iter().any(|c| c == COUNTRIES[r.exporter]))
                && q.importers.as_ref().is_none_or(|v| v.iter().any(|c| c == COUNTRIES[r.importer]))
                && filter.as_ref().is_none_or(|f| f.matches(hs(r)))
                && q.years.is_none_or(|(a, b)| a <= r.year && r.year <= b)
                && q.reported_by.as_ref().is_none_or(|s| s.contains(&SIDES[r.side]))
        })
        .collect()
}

/// The slow, obvious answer: filter each record, count each value once, then group in a BTreeMap.
fn naive(recs: &[Rec], q: &Query) -> BTreeMap<Vec<KeyValue>, (i64, f64, u64)> {
    let kept = kept(recs, q);
    // Each report is read at one product level: the coarsest as fine as the group keys need, else its finest.
    let need = need(q);
    let chosen = |r: &Rec| {
        let mine: Vec<u8> = kept.iter().filter(|o| cell(o) == cell(r)).map(|o| level(o)).collect();
        mine.iter().filter(|l| **l >= need).min().copied().or_else(|| mine.iter().max().copied())
    };
    let mut out = BTreeMap::new();
    for r in kept.iter().copied() {
        if chosen(r) != Some(level(r)) {
            continue;
        }
        let hs = hs(r);
        let keys = q
            .group_by
            .iter()
            .map(|k| match k {
                Key::Exporter => KeyValue::Text(COUNTRIES[r.exporter].into()),
                Key::Importer => KeyValue::Text(COUNTRIES[r.importer].into()),
                Key::Year => KeyValue::Number(r.year.into()),
                Key::Month if r.month == 0 => KeyValue::Empty,
                Key::Month => KeyValue::Number(r.month.into()),
                Key::Hs2 => KeyValue::Text(hs.truncate(2).to_string()),
                Key::Hs4 => KeyValue::Text(hs.truncate(4).to_string()),
                Key::Hs6 => KeyValue::Text(hs.truncate(6).to_string()),
                Key::ProductGroup => KeyValue::Text(roundabout::hs::Group::of(hs).code().to_string()),
                Key::ReportedBy => KeyValue::Text(SIDES[r.side].to_string()),
                Key::Source => KeyValue::Text(SOURCES[r.source].into()),
            })
            .collect();
        let e = out.entry(keys).or_insert((0i64, 0f64, 0u64));
        e.0 += r.cents;
        e.1 += r.quantity.map_or(0.0, |q| f64::from(q as f32));
        e.2 += 1;
    }
    out
}

fn loaded(text: &str) -> Table {
    load("random.csv", text.as_bytes(), &Options { strict: true }).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn run_matches_the_naive_reference(recs in proptest::collection::vec(rec(), 0..60), q in query()) {
        let table = loaded(&tidy(&recs));
        prop_assert_eq!(table.len(), recs.len());
        let answer = match run(&table, &q) {
            Ok(answer) => answer,
            // A grouping finer than some report's codes may have no answer that counts each value once.
            Err(e) if e.to_string().contains("counts each value once") => {
                prop_assert!(mixed_levels(&recs, &q), "{e}, on reports that do not mix product levels");
                return Ok(());
            }
            Err(e) => panic!("{e}"),
        };
        let want = naive(&recs, &q);
        prop_assert_eq!(answer.rows.len(), want.len());
        for (row, (keys, (cents, qty, n))) in answer.rows.iter().zip(&want) {
            prop_assert_eq!(&row.keys, keys);
            prop_assert_eq!(row.value_cents, *cents);
            prop_assert_eq!(row.rows, *n);
            prop_assert!((row.quantity - qty).abs() < 1e-6);
        }
    }

    #[test]
    fn tidy_round_trip(recs in proptest::collection::vec(rec(), 0..60)) {
        let table = loaded(&tidy(&recs));
        let mut out = Vec::new();
        write_tidy(&table, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let again = loaded(&String::from_utf8_lossy(&out));
        prop_assert_eq!(again.records().collect::<Vec<_>>(), table.records().collect::<Vec<_>>());
    }
}
