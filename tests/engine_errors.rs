//! Malformed input: errors name the file, the line, the column, the value found and what was expected.

use roundabout::ingest::{load, Options};
use roundabout::Error;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/engine/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

#[test]
fn unknown_header_names_the_file_and_the_formats() {
    let e = load("unknown_header.csv", &fixture("unknown_header.csv"), &Options::default()).err();
    let msg = e.as_ref().map(|e| e.to_string()).unwrap_or_default();
    assert!(matches!(e, Some(Error::Header { .. })), "{msg}");
    assert!(msg.starts_with("unknown_header.csv:"), "{msg}");
    assert!(msg.contains("year,exporter,importer,product,value"), "{msg}");
    assert!(msg.contains("year,month,exporter,importer,hs,value_usd"), "{msg}");
    assert!(msg.contains("t,i,j,k,v,q"), "{msg}");
}

#[test]
fn missing_tidy_column_is_named() {
    let msg = load("m.csv", &fixture("tidy_missing_column.csv"), &Options::default()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.starts_with("m.csv:") && msg.contains("missing: reported_by"), "{msg}");
}

#[test]
fn empty_file_is_an_error() {
    let msg = load("empty.csv", b"", &Options::default()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.starts_with("empty.csv:"), "{msg}");
}

#[test]
fn bad_rows_are_skipped_and_reported() {
    let loaded = load("bad.csv", &fixture("tidy_bad_rows.csv"), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.table.len(), 2);
    assert_eq!(loaded.bad_rows, 9);
    let shown: Vec<String> = loaded.first_errors.iter().map(|e| e.to_string()).collect();
    let want = [
        "line 3, column `year`: found `20x1`, expected a year 1900..2100",
        "line 4, column `month`: found `13`, expected a month 1..12 or nothing",
        "line 5, column `hs`: found `85423`, expected an HS code of 2, 4 or 6 digits, or TOTAL",
        "line 6, column `value_usd`: found `1,000.00`, expected a non-negative amount in US dollars (`.` before cents, no thousands separators)",
        "line 7, column `value_usd`: found `-5`, expected a non-negative amount in US dollars",
        "line 8, column `importer`: found `Kazakhstan`, expected an ISO 3166-1 alpha-3 code",
        "line 9, column `quantity`: found `lots`, expected a number or nothing",
        "line 10, column `reported_by`: found `both`, expected exporter, importer or reconciled",
        "line 11: found 4 fields, expected 10",
    ];
    assert_eq!(shown, want);
    assert_eq!(loaded.first_errors[0].column.as_deref(), Some("year"));
    assert_eq!(loaded.table.record(1).map(|r| (r.importer, r.value_cents)), Some(("KGZ", 25_050)));
}

#[test]
fn strict_mode_stops_at_the_first_bad_row() {
    let e = load("bad.csv", &fixture("tidy_bad_rows.csv"), &Options { strict: true }).err();
    match e {
        Some(Error::Row { file, line, column, message }) => {
            assert_eq!((file.as_str(), line, column.as_deref()), ("bad.csv", 3, Some("year")));
            assert!(message.contains("20x1"));
        }
        other => panic!("expected a row error, got {other:?}"),
    }
    let msg = load("bad.csv", &fixture("tidy_bad_rows.csv"), &Options { strict: true }).err().map(|e| e.to_string());
    assert_eq!(msg.as_deref(), Some("bad.csv: line 3, column `year`: found `20x1`, expected a year 1900..2100"));
}

#[test]
fn only_the_first_ten_errors_are_kept() {
    let mut csv = String::from("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n");
    for _ in 0..25 {
        csv.push_str("2021,,CHN,KAZ,854231,abc,,,exporter,x\n");
    }
    let loaded = load("many.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((loaded.bad_rows, loaded.first_errors.len(), loaded.table.len()), (25, 10, 0));
    assert_eq!(loaded.first_errors[9].line, 11);
}
