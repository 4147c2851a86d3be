//! Malformed input, one fixture of `tests/fixtures/malformed/` each: what must load loads correctly, and
//! every refusal names the file, the line, the column and what was expected (see that folder's README).

use roundabout::ingest::{load, CountryCodes, Loaded, Options};
use roundabout::query::{run, Query};
use roundabout::Error;

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/malformed/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn loads(name: &str) -> Loaded {
    load(name, &bytes(name), &Options::default()).unwrap_or_else(|e| panic!("{name} should load: {e}"))
}

fn refused(name: &str) -> String {
    match load(name, &bytes(name), &Options::default()) {
        Ok(l) => panic!("{name} should be refused, loaded {l}"),
        Err(e) => e.to_string(),
    }
}

/// The bad rows a load reports, as shown to the user.
fn bad_rows(l: &Loaded) -> Vec<String> {
    l.first_errors.iter().map(|e| e.to_string()).collect()
}

/// Values in cents of the rows read, in file order.
fn cents(l: &Loaded) -> Vec<i64> {
    l.table.records().map(|r| r.value_cents).collect()
}

const GOOD_ROWS: [i64; 2] = [100_050, 25_025];

#[test]
fn truncated_row_is_a_bad_row_naming_the_line() {
    let l = loaded_with("tidy_truncated.csv", &["line 4: found 6 fields, expected 10"]);
    assert_eq!(cents(&l), GOOD_ROWS);
}

#[test]
fn truncated_gzip_says_the_file_is_cut_short() {
    let msg = refused("tidy_truncated.csv.gz");
    assert_eq!(msg, "tidy_truncated.csv.gz: gzip data is damaged (incomplete deflate stream); the file may be cut short: download it again");
}

#[test]
fn semicolons_and_tabs_are_named_as_the_wrong_delimiter() {
    for (name, what) in [("tidy_semicolon.csv", "semicolons"), ("tidy_tab.tsv", "tabs")] {
        let msg = refused(name);
        assert!(msg.starts_with(&format!("{name}: header `year")), "{msg}");
        assert!(msg.contains(&format!("expected columns separated by commas, but this header's are separated by {what}")), "{msg}");
    }
}

#[test]
fn byte_order_mark_and_crlf_load_like_the_plain_file() {
    for name in ["tidy_bom.csv", "tidy_crlf.csv"] {
        let l = loads(name);
        assert_eq!((cents(&l), l.bad_rows), (GOOD_ROWS.to_vec(), 0), "{name}");
        let sources: Vec<&str> = l.table.records().map(|r| r.source).collect();
        assert_eq!(sources, ["China customs", "Russian customs"], "{name}: no \\r or BOM left in the text");
    }
}

#[test]
fn a_quoted_field_may_hold_a_line_break() {
    let l = loads("tidy_quoted_newline.csv");
    assert_eq!((cents(&l), l.bad_rows), (GOOD_ROWS.to_vec(), 0));
    assert_eq!(l.table.record(0).map(|r| r.source), Some("China customs,\nmonthly release"));
}

#[test]
fn an_unclosed_quote_is_one_bad_row_and_the_rows_after_it_load() {
    let l = loaded_with(
        "tidy_unclosed_quote.csv",
        &["line 3: a quoted field opened on this line is not closed before the end of the file; expected a closing `\"`"],
    );
    assert_eq!(cents(&l), GOOD_ROWS);
}

#[test]
fn latin1_text_keeps_its_letters() {
    let l = loads("tidy_latin1.csv");
    assert_eq!(l.table.record(0).map(|r| r.source), Some("Douane française"));
}

#[test]
fn non_utf8_bytes_in_a_code_are_a_bad_row() {
    let l = loaded_with("tidy_non_utf8_code.csv", &["line 2, column `exporter`: found `K\u{FFFD}Z`, expected an ISO 3166-1 alpha-3 code"]);
    assert_eq!(cents(&l), [25_025]);
}

#[test]
fn utf16_zip_binary_and_empty_files_say_what_they_are() {
    let cases = [
        ("tidy_utf16.csv", "tidy_utf16.csv: this is UTF-16 text (Excel's \"Unicode text\"); expected UTF-8: save it as \"CSV UTF-8\""),
        ("zip_archive.zip", "zip_archive.zip: this is a zip archive (or an Excel .xlsx file), not CSV text: unzip it, or save the sheet as CSV, and load the .csv file"),
        ("binary_garbage.bin", "binary_garbage.bin: line 1: found the control byte 0x16 at byte 6; expected CSV text, this looks like a binary file"),
    ];
    for (name, want) in cases {
        assert_eq!(refused(name), want);
    }
    let empty = refused("empty.csv");
    assert!(empty.starts_with("empty.csv: the file is empty; expected a header line, then one row a line: tidy CSV `year,month"), "{empty}");
}

#[test]
fn thousands_separators_and_decimal_commas_are_refused_with_a_hint() {
    let hint = "found 11 fields, expected 10 as in the header; a comma inside an unquoted value splits it (write 1000.50, not 1,000.50 or 1000,50)";
    let quoted = "expected a non-negative amount in US dollars (`.` before cents, no thousands separators)";
    let l = loaded_with("tidy_thousands_separator.csv", &[&format!("line 2: {hint}"), &format!("line 3, column `value_usd`: found `1,000.50`, {quoted}")]);
    assert_eq!(cents(&l), [25_025]);
    let l = loaded_with("tidy_decimal_comma.csv", &[&format!("line 2: {hint}"), &format!("line 3, column `value_usd`: found `1000,50`, {quoted}")]);
    assert_eq!(cents(&l), [25_025]);
}

#[test]
fn negative_nan_and_overflowing_numbers_are_bad_rows() {
    loaded_with(
        "tidy_negative.csv",
        &[
            "line 2, column `value_usd`: found `-5.00`, expected a non-negative amount in US dollars",
            "line 3, column `quantity`: found `-3`, expected a quantity of zero or more",
        ],
    );
    loaded_with(
        "tidy_nan.csv",
        &[
            "line 2, column `value_usd`: found `NaN`, expected a non-negative amount in US dollars",
            "line 3, column `quantity`: found `NaN`, expected a number or nothing",
            "line 4, column `value_usd`: found `inf`, expected a non-negative amount in US dollars",
        ],
    );
    let l = loaded_with(
        "tidy_overflow.csv",
        &[
            "line 2, column `value_usd`: found `1e400`, expected a non-negative amount in US dollars",
            "line 3, column `value_usd`: found `99999999999999999999999`, expected a non-negative amount in US dollars",
            "line 4, column `quantity`: found `1e309`, expected a number or nothing",
        ],
    );
    assert_eq!(cents(&l), [500]);
}

#[test]
fn values_too_large_to_sum_are_bad_rows() {
    let l = loaded_with(
        "tidy_huge_values.csv",
        &[
            "line 2, column `value_usd`: found `90000000000000000.00`, expected an amount under 10^15 US dollars",
            "line 3, column `value_usd`: found `90000000000000000.00`, expected an amount under 10^15 US dollars",
        ],
    );
    // Two such rows used to overflow the query's i64 sum (a panic in debug builds).
    assert!(run(&l.table, &Query::default()).is_ok());
}

#[test]
fn unknown_country_codes_and_malformed_hs_codes_are_bad_rows() {
    let l = loaded_with(
        "tidy_unknown_codes.csv",
        &[
            "line 2, column `exporter`: found `KZA`, expected an ISO 3166-1 alpha-3 code",
            "line 3, column `importer`: found `XXX`, expected an ISO 3166-1 alpha-3 code",
            "line 4, column `hs`: found `85423`, expected an HS code of 2, 4 or 6 digits, or TOTAL",
        ],
    );
    // A well-formed HS code is kept even if no nomenclature lists it: the crate ships none.
    let products: Vec<String> = l.table.records().map(|r| r.product.to_string()).collect();
    assert_eq!(products, ["999999", "854231"]);
}

#[test]
fn duplicate_rows_are_kept_and_summed() {
    let l = loads("tidy_duplicate_rows.csv");
    assert_eq!((cents(&l), l.bad_rows), (vec![100_050, 100_050, 25_025], 0));
    let q: Query = serde_json::from_str(r#"{"exporters":["CHN"]}"#).unwrap_or_default();
    assert_eq!(run(&l.table, &q).ok().map(|a| a.rows.iter().map(|r| r.value_cents).sum::<i64>()), Some(200_100));
}

#[test]
fn a_header_without_rows_loads_empty() {
    let l = loads("tidy_header_only.csv");
    assert_eq!((l.table.len(), l.bad_rows), (0, 0));
}

#[test]
fn baci_bad_rows_name_line_and_column() {
    let l = loaded_with(
        "baci_bad_rows.csv",
        &[
            "line 3, column `v`: found `-1.5`, expected a non-negative value in thousand US dollars",
            "line 4, column `i`: found `999`, expected a country code listed in the built-in country table",
            "line 5, column `k`: found `8542311`, expected an HS6 code of up to 6 digits",
            "line 6, column `q`: found `-2`, expected a quantity of zero or more",
            "line 7: found 7 fields, expected 6 as in the header; a comma inside an unquoted value splits it (write 1000.50, not 1,000.50 or 1000,50)",
        ],
    );
    // BACI gives thousands of dollars; `NA` is no quantity.
    assert_eq!(l.table.records().map(|r| (r.value_cents, r.quantity)).collect::<Vec<_>>(), [(150_000, None)]);
}

#[test]
fn comtrade_bad_rows_name_line_and_column() {
    let l = loaded_with(
        "comtrade_bad_rows.csv",
        &[
            "line 3, column `refMonth`: found `13`, expected 52 (annual) or a month 1..12",
            "line 4, column `flowCode`: found `E`, expected X, RX, M or RM",
            "line 5, column `partnerISO`: found `???`, expected an ISO3 code, or a known country code in `partnerCode`",
            "line 6, column `primaryValue`: found `NaN`, expected a non-negative value in US dollars",
            "line 7, column `qty`: found `-4`, expected a quantity of zero or more",
            "line 8: found 48 fields, expected 47 as in the header; a comma inside an unquoted value splits it (write 1000.50, not 1,000.50 or 1000,50)",
        ],
    );
    assert_eq!(l.table.len(), 1);
}

/// Legacy Comtrade exports end each line with a comma, their header sometimes not: that one empty field
/// is no column, but a value split by a decimal comma (`12,5`) is a bad row, not $12.
#[test]
fn a_legacy_comtrade_line_may_end_with_a_comma_but_not_split_a_value() {
    let header = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag";
    let row = |value: &str| format!("H4,2019,2019,2019,6,1,2,Export,251,France,FRA,398,Kazakhstan,KAZ,854231,Chips,1,No Quantity,,,{value},0,\n");
    let split = "line 3: found 24 fields, expected 22 as in the header; a comma inside an unquoted value splits it (write 1000.50, not 1,000.50 or 1000,50)";
    for (header_end, split) in [("", split.to_string()), (",", split.replace("24 fields, expected 22", "24 fields, expected 23"))] {
        let csv = format!("{header}{header_end}\n{}{}", row("500"), row("12,5"));
        let l = load("legacy.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bad_rows(&l), [split.as_str()], "header ending {header_end:?}");
        assert_eq!(cents(&l), [50_000]);
    }
}

#[test]
fn country_code_file_errors_name_line_and_column() {
    let e = CountryCodes::parse("country_codes_bad.csv", &bytes("country_codes_bad.csv")).err().map(|e| e.to_string());
    assert_eq!(e.as_deref(), Some("country_codes_bad.csv: line 3, column `country_code`: found `CN`, expected a numeric country code"));
}

#[test]
fn strict_mode_names_the_file_with_the_first_bad_row() {
    let e = load("tidy_negative.csv", &bytes("tidy_negative.csv"), &Options { strict: true }).err();
    assert!(matches!(&e, Some(Error::Row { line: 2, column: Some(c), .. }) if c == "value_usd"), "{e:?}");
    let msg = e.map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(msg, "tidy_negative.csv: line 2, column `value_usd`: found `-5.00`, expected a non-negative amount in US dollars");
}

/// Loads a file that must load, and checks its bad rows are exactly `want`.
fn loaded_with(name: &str, want: &[&str]) -> Loaded {
    let l = loads(name);
    assert_eq!(bad_rows(&l), want, "{name}");
    assert_eq!(l.bad_rows, want.len() as u64, "{name}");
    l
}

/// 93 rows just under the cap sum past `i64::MAX` cents: the query says so instead of overflowing (once a
/// panic in debug builds and a wrong total in release, found by this suite).
#[test]
fn many_rows_under_the_cap_sum_without_overflow_or_a_clear_refusal() {
    let mut csv = String::from("year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n");
    csv.push_str(&"2023,,CHN,KAZ,854231,999999999999999.99,,,exporter,x\n".repeat(93));
    let l = load("many.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.table.len(), 93);
    let sum = run(&l.table, &Query::default());
    assert!(sum.as_ref().is_err_and(|e| e.to_string().contains("more than $92 trillion")), "{sum:?}");
}
