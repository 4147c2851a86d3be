//! BACI, UN Comtrade Plus and gzip-compressed input, detected from the header.

use std::io::Write;

use roundabout::ingest::{load, load_with_codes, CountryCodes, Format, Options};
use roundabout::query::{run, Flow, Key, Query, Side};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/engine/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn codes() -> CountryCodes {
    CountryCodes::parse("baci_country_codes.csv", &fixture("baci_country_codes.csv")).unwrap_or_else(|e| panic!("{e}"))
}

type Flat = Vec<(u16, String, String, String, i64, Option<f64>)>;

fn flat(t: &roundabout::store::Table) -> Flat {
    t.records()
        .map(|r| (r.year, r.exporter.to_string(), r.importer.to_string(), r.product.to_string(), r.value_cents, r.quantity))
        .collect()
}

#[test]
fn baci_with_its_country_codes() {
    let loaded = load_with_codes("baci_small.csv", &fixture("baci_small.csv"), &Options::default(), Some(&codes()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.format, Format::Baci);
    assert_eq!(loaded.bad_rows, 0, "{:?}", loaded.first_errors);
    let rows = flat(&loaded.table);
    assert_eq!(rows[0], (2021, "CHN".into(), "KAZ".into(), "854231".into(), 100_050_000, Some(0.25)));
    assert_eq!(rows[1], (2021, "CHN".into(), "KAZ".into(), "010121".into(), 234_500, None));
    assert_eq!(rows[3].4, 270_000_100);
    assert_eq!(rows[4].1, "S19");
    assert_eq!(rows[5].1, "USA");
    let r = loaded.table.record(0);
    assert_eq!(r.as_ref().map(|r| (r.reported_by, r.unit)), Some((Side::Reconciled, Some("t"))));
    assert_eq!(r.map(|r| r.source.to_string()), Some("CEPII BACI (baci_small.csv)".to_string()));
}

#[test]
fn baci_with_the_built_in_table_reads_the_same() {
    let with = load_with_codes("b.csv", &fixture("baci_small.csv"), &Options::default(), Some(&codes())).map(|l| flat(&l.table));
    let without = load("b.csv", &fixture("baci_small.csv"), &Options::default()).map(|l| flat(&l.table));
    assert_eq!(with.ok(), without.ok());
}

#[test]
fn baci_codes_missing_from_the_file_are_read_from_the_built_in_table_and_said_once() {
    // A code file lacking codes (one of another release) no longer costs the rows that name them: 417, 643, 842
    // and 490 come from the built-in table, said once in a note; a code neither knows is still a bad row.
    let partial = CountryCodes::parse("cc.csv", b"country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n398,Kazakhstan,KZ,KAZ\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = load_with_codes("b.csv", &fixture("baci_small.csv"), &Options::default(), Some(&partial))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((loaded.table.len(), loaded.bad_rows), (6, 0));
    assert_eq!(loaded.notes.len(), 1, "{:?}", loaded.notes);
    assert!(loaded.notes[0].to_string().contains("the country-code file lacks them: 417 as Kyrgyzstan (KGZ), 643 as Russia (RUS)"), "{:?}", loaded.notes);
    let unknown = load_with_codes("b.csv", b"t,i,j,k,v,q\n2021,156,999,854231,1,\n", &Options::default(), Some(&partial))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((unknown.table.len(), unknown.bad_rows), (0, 1));
    assert_eq!(
        unknown.first_errors[0].to_string(),
        "line 2, column `j`: found `999`, expected a country code listed in the country-code file or the built-in country table"
    );
}

#[test]
fn the_country_code_file_alone_is_refused_with_a_hint() {
    let msg = load("country_codes_V202401.csv", &fixture("baci_country_codes.csv"), &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(msg.starts_with("country_codes_V202401.csv:") && msg.contains("country-code file"), "{msg}");
}

#[test]
fn comtrade_plus_sides_world_and_months() {
    let loaded = load("comtrade_small.csv", &fixture("comtrade_small.csv"), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.format, Format::Comtrade);
    assert_eq!(loaded.table.len(), 7, "the transport-mode breakdown row is left out");
    assert_eq!(loaded.bad_rows, 1);
    assert_eq!(loaded.first_errors[0].to_string(), "line 10, column `flowCode`: found `FM`, expected X, RX, M or RM");
    let t = &loaded.table;
    // All goods: Kazakhstan's TOTAL ($15.39bn), never that plus the drones inside it. The World is no
    // exporter unless named; the re-export (RX) is not counted by default.
    let keys = vec![Key::Exporter, Key::Importer, Key::ReportedBy, Key::Month];
    let a = run(t, &Query { group_by: keys.clone(), ..Query::default() }).unwrap_or_else(|e| panic!("{e}"));
    let find = |k: &[&str]| a.find(k).map(|r| r.value_cents);
    assert_eq!(find(&["CHN", "KAZ", "importer", ""]), Some(1_539_000_000_000));
    assert_eq!(find(&["CHN", "KAZ", "exporter", ""]), Some(2_470_000_000_000));
    assert_eq!(find(&["KAZ", "RUS", "exporter", ""]), Some(270_000_000));
    assert_eq!(find(&["W00", "KAZ", "importer", ""]), None);
    let world = Query { exporters: Some(vec!["W00".into()]), group_by: keys, ..Query::default() };
    let a = run(t, &world).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.find(&["W00", "KAZ", "importer", ""]).map(|r| r.value_cents), Some(5_900_000_000_000));
    // By subheading, every flow: the six-digit rows; a route with none keeps its own (TOTAL, 8542).
    let q = Query {
        group_by: vec![Key::Exporter, Key::Importer, Key::ReportedBy, Key::Month, Key::Hs6],
        flows: Some(Flow::ALL.to_vec()),
        ..Query::default()
    };
    let a = run(t, &q).unwrap_or_else(|e| panic!("{e}"));
    let find = |k: &[&str]| a.find(k).map(|r| r.value_cents);
    assert_eq!(find(&["CHN", "KAZ", "importer", "", "TOTAL"]), None);
    assert_eq!(find(&["CHN", "KAZ", "exporter", "", "TOTAL"]), Some(2_470_000_000_000));
    assert_eq!(find(&["CHN", "KAZ", "importer", "", "880621"]), Some(590_000_000));
    assert_eq!(find(&["KAZ", "RUS", "exporter", "", "880621"]), Some(270_000_000));
    assert_eq!(find(&["KAZ", "RUS", "exporter", "", "854231"]), Some(100_050));
    assert_eq!(find(&["USA", "KGZ", "importer", "3", "8542"]), Some(25_025));
    let drones = t.records().find(|r| r.product.to_string() == "880621" && r.exporter == "CHN").map(|r| (r.quantity, r.unit.map(str::to_string)));
    assert_eq!(drones, Some((Some(120.0), Some("u".to_string()))));
}

#[test]
fn gzip_reads_like_the_plain_file() {
    for name in ["tidy_small.csv", "baci_small.csv", "comtrade_small.csv"] {
        let plain = fixture(name);
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&plain).unwrap_or_else(|e| panic!("{e}"));
        let gz = enc.finish().unwrap_or_else(|e| panic!("{e}"));
        let a = load(name, &plain, &Options::default()).map(|l| (l.format, flat(&l.table)));
        let b = load(&format!("{name}.gz"), &gz, &Options::default()).map(|l| (l.format, flat(&l.table)));
        assert_eq!(a.ok(), b.ok(), "{name}");
    }
}
