//! The `roundabout` binary: `query` prints CSV, `inspect` describes a file, errors go to stderr.

use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/engine/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout")).args(args).output().unwrap_or_else(|e| panic!("running roundabout: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn query_prints_one_column_per_key_and_dollars() {
    let small = fixture("tidy_small.csv");
    let out = roundabout(&[
        "query", "--data", &small, "--exporter", "CHN", "--importer", "KAZ,KGZ", "--hs", "chpl", "--years", "2021-2023",
        "--group-by", "importer,year",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "importer,year,value_usd\nKAZ,2021,1000000.10\nKAZ,2023,2500000.20\nKGZ,2022,300.33\n");
}

#[test]
fn query_combines_files_and_formats() {
    let out = roundabout(&[
        "query", "--data", &fixture("tidy_small.csv"), "--data", &fixture("baci_small.csv"), "--codes",
        &fixture("baci_country_codes.csv"), "--hs", "drones", "--group-by", "exporter,importer,reported_by",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "exporter,importer,reported_by,value_usd\n\
         CHN,KAZ,importer,5900000.00\n\
         CHN,KGZ,reconciled,5900000.00\n\
         KAZ,RUS,exporter,2700000.00\n\
         KAZ,RUS,reconciled,2700001.00\n"
    );
}

#[test]
fn no_group_keys_gives_the_grand_total() {
    let out = roundabout(&["query", "--data", &fixture("tidy_small.csv"), "--hs", "TOTAL", "--years", "2023"]);
    assert_eq!(text(&out.stdout), "value_usd\n44500000000.00\n");
}

#[test]
fn inspect_lists_format_years_and_errors() {
    let out = roundabout(&["inspect", &fixture("tidy_bad_rows.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    for want in [
        "format: tidy CSV",
        "rows: 2",
        "years: 2021-2022",
        "countries: 3 (CHN KAZ KGZ)",
        "bad rows: 9",
        "line 3, column `year`: found `20x1`",
        "line 11: found 4 fields, expected 10",
    ] {
        assert!(s.contains(want), "missing {want:?} in:\n{s}");
    }
    let baci = roundabout(&["inspect", &fixture("baci_small.csv")]);
    assert!(text(&baci.stdout).contains("format: CEPII BACI"));
}

#[test]
fn errors_name_the_file_and_fail() {
    let out = roundabout(&["query", "--data", &fixture("unknown_header.csv")]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("unknown_header.csv") && err.contains("fits no known format"), "{err}");
    let strict = roundabout(&["query", "--strict", "--data", &fixture("tidy_bad_rows.csv")]);
    assert!(!strict.status.success());
    assert!(text(&strict.stderr).contains("line 3, column `year`"), "{}", text(&strict.stderr));
    let missing = roundabout(&["inspect", "/nonexistent/file.csv"]);
    assert!(text(&missing.stderr).contains("/nonexistent/file.csv: cannot read"));
    let bad_years = roundabout(&["query", "--data", &fixture("tidy_small.csv"), "--years", "last"]);
    assert_eq!(bad_years.status.code(), Some(2));
}
