//! Tidy CSV ingest and group-by queries on a small hand-made fixture.

use roundabout::ingest::{load, load_tidy, Format, Options};
use roundabout::query::{run, Key, KeyValue, Query, Side};
use roundabout::store::Table;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/engine/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn small() -> Table {
    let loaded = load("tidy_small.csv", &fixture("tidy_small.csv"), &Options::default());
    let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.bad_rows, 0, "{:?}", loaded.first_errors);
    loaded.table
}

fn strings(q: &[&str]) -> Option<Vec<String>> {
    Some(q.iter().map(|s| s.to_string()).collect())
}

#[test]
fn loads_every_row() {
    let loaded = load("tidy_small.csv", &fixture("tidy_small.csv"), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.format, Format::Tidy);
    assert_eq!(loaded.table.len(), 11);
    assert_eq!(loaded.table.years(), Some((2021, 2023)));
    assert!(loaded.first_errors.is_empty());
    let drone = loaded.table.records().find(|r| r.source.contains("WSJ")).unwrap_or_else(|| panic!("the WSJ row"));
    assert_eq!(drone.source, r#"Kazakh customs, via "WSJ""#);
    assert_eq!(drone.quantity, Some(120.0));
    assert_eq!(drone.reported_by, Side::Importer);
    assert_eq!(loaded.table.records().filter_map(|r| r.month).collect::<Vec<_>>(), [3]);
}

#[test]
fn chpl_by_importer_and_year() {
    let t = small();
    let q = Query {
        exporters: strings(&["CHN"]),
        products: strings(&["chpl"]),
        group_by: vec![Key::Importer, Key::Year],
        ..Query::default()
    };
    let a = run(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<(String, String, i64)> =
        a.rows.iter().map(|r| (r.keys[0].to_string(), r.keys[1].to_string(), r.value_cents)).collect();
    assert_eq!(
        got,
        vec![
            ("KAZ".into(), "2021".into(), 100_000_010),
            ("KAZ".into(), "2023".into(), 250_000_020),
            ("KGZ".into(), "2022".into(), 30_033),
        ]
    );
    assert_eq!(a.keys, vec![Key::Importer, Key::Year]);
}

#[test]
fn no_product_filter_keeps_totals() {
    let t = small();
    let q = Query { group_by: vec![Key::Hs2], ..Query::default() };
    let a = run(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    let total = a.find(&["TOTAL"]).map(|r| (r.value_cents, r.rows));
    assert_eq!(total, Some((6_000_000_000_000, 4)));
    assert_eq!(a.find(&["85"]).map(|r| r.value_cents), Some(350_000_030));
    let everything = run(&t, &Query::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(everything.rows.len(), 1);
    assert_eq!(everything.rows[0].rows, 11);
    assert_eq!(everything.rows[0].value_cents, 6_000_000_000_000 + 100_000_010 + 250_000_020 + 590_000_000 + 270_000_000 + 30_033 + 123_456 + 10_001);
}

#[test]
fn drones_years_sides_and_months() {
    let t = small();
    let q = Query {
        products: strings(&["drones"]),
        years: Some((2023, 2023)),
        group_by: vec![Key::Exporter, Key::Importer, Key::Month, Key::ReportedBy, Key::Hs4],
        ..Query::default()
    };
    let a = run(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.rows.len(), 2);
    assert_eq!(a.rows[0].keys, vec![
        KeyValue::Text("CHN".into()),
        KeyValue::Text("KAZ".into()),
        KeyValue::Empty,
        KeyValue::Text("importer".into()),
        KeyValue::Text("8806".into()),
    ]);
    assert_eq!(a.rows[0].quantity, 120.0);
    assert_eq!(a.rows[1].keys[2], KeyValue::Number(3));
    let only_exporters = Query { reported_by: Some(vec![Side::Exporter]), ..q };
    let b = run(&t, &only_exporters).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(b.rows.len(), 1);
    assert_eq!(b.total_usd(), 2_700_000.0);
}

#[test]
fn query_errors_name_the_input() {
    let t = small();
    let bad_preset = Query { products: strings(&["chpl99"]), ..Query::default() };
    let e = run(&t, &bad_preset).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains("chpl99"), "{e}");
    let bad_country = Query { importers: strings(&["Kazakhstan"]), ..Query::default() };
    let e = run(&t, &bad_country).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains("KAZAKHSTAN") && e.contains("alpha-3"), "{e}");
    let twice = Query { group_by: vec![Key::Year, Key::Year], ..Query::default() };
    assert!(run(&t, &twice).is_err());
    let backwards = Query { years: Some((2023, 2021)), ..Query::default() };
    assert!(run(&t, &backwards).is_err());
    let absent = Query { importers: strings(&["FRA"]), ..Query::default() };
    assert_eq!(run(&t, &absent).map(|a| a.rows.len()).ok(), Some(0));
}

#[test]
fn query_from_json() {
    let t = small();
    let q: Query = serde_json::from_str(
        r#"{"exporters":["CHN"],"importers":["KAZ","KGZ"],"products":["chpl45"],"years":[2021,2023],"group_by":["year"]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let a = run(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.rows.iter().map(|r| r.value_usd).collect::<Vec<_>>(), vec![1_000_000.10, 300.33, 2_500_000.20]);
}

#[test]
fn the_pages_tidy_only_reader_reads_the_same_rows() {
    let bytes = fixture("tidy_small.csv");
    let whole = load("tidy_small.csv", &bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let tidy = load_tidy("tidy_small.csv", &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tidy.format, Format::Tidy);
    assert_eq!(tidy.table.records().collect::<Vec<_>>(), whole.table.records().collect::<Vec<_>>());
}

#[test]
fn the_pages_tidy_only_reader_names_what_it_expected() {
    let baci = load_tidy("baci.csv", b"t,i,j,k,v,q\n2023,156,398,854231,10.5,1\n").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(baci.starts_with("baci.csv") && baci.contains("tidy CSV") && !baci.contains("BACI `t,i"), "{baci}");
    let gzip = load_tidy("story.csv.gz", b"\x1f\x8b\x08\x00rest").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(gzip.starts_with("story.csv.gz") && gzip.contains("gzip"), "{gzip}");
}
