//! Each value counted once, on fixtures that reproduce the traps of real downloads (issue 13): a World row
//! beside the partners, TOTAL beside chapters, areas, re-exports and re-imports, a country's trade with
//! itself, the legacy Comtrade layout in Latin-1 with trailing commas, Italy's old code 381, and a BACI
//! country-code file of another release. Every expected figure is worked out by hand in the comments.

use std::process::{Command, Output};

use roundabout::ingest::{load, load_with_codes, CountryCodes, Format, Loaded, Options};
use roundabout::query::{run, Flow, Key, Query};
use roundabout::store::Table;

fn path(name: &str) -> String {
    format!("{}/tests/fixtures/counting/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn loaded(name: &str) -> Loaded {
    let bytes = std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    load(name, &bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The answer as `keys…=cents` lines, in the answer's order.
fn sums(t: &Table, q: Query) -> Vec<String> {
    let a = run(t, &q).unwrap_or_else(|e| panic!("{e}"));
    a.rows.iter().map(|r| format!("{}={}", r.keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(","), r.value_cents)).collect()
}

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout")).args(args).output().unwrap_or_else(|e| panic!("running roundabout: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// comtrade_plus_traps.csv: Kazakhstan's exports (X) in 2024, as Comtrade Plus gives them:
//   World: TOTAL $1,000.00, chapter 85 $300.00, chapter 27 $500.00
//   China: TOTAL $600.00, 85 $100.00, 27 $400.00     Russia: TOTAL $300.00, 85 $200.00
//   Areas, nes (_X, 899) $50.00; Bunkers (X1, 837) $30.00; Other Asia, nes (S19, 490) $20.00 (TOTAL only)
//   a re-export (RX) to China, TOTAL $70.00; an import (M) from Kazakhstan itself, TOTAL $40.00
// The partners' TOTALs add up to the World's: 600 + 300 + 50 + 30 + 20 = 1,000.

#[test]
fn areas_are_partners_not_bad_rows() {
    let l = loaded("comtrade_plus_traps.csv");
    assert_eq!((l.format, l.table.len(), l.bad_rows), (Format::Comtrade, 13, 0), "{:?}", l.first_errors);
}

#[test]
fn the_world_row_is_to_the_world_and_never_a_partner() {
    let t = loaded("comtrade_plus_traps.csv").table;
    // To the world, all goods: the World's TOTAL, $1,000.00 (adding every row would give $3,540.00).
    assert_eq!(sums(&t, Query { exporters: Some(vec!["KAZ".into()]), ..Query::default() }), ["=100000"]);
    // By partner: each partner's TOTAL; no W00, no Kazakhstan to itself, no re-export. They sum to $1,000.
    let by_partner = Query { group_by: vec![Key::Importer], ..Query::default() };
    assert_eq!(sums(&t, by_partner), ["837=3000", "899=5000", "CHN=60000", "RUS=30000", "S19=2000"]);
    // Named partners are read as partners: China and Russia, $600 + $300.
    let named = Query { importers: Some(vec!["CHN".into(), "RUS".into()]), ..Query::default() };
    assert_eq!(sums(&t, named), ["=90000"]);
    // The World named is read alone: $1,000.
    assert_eq!(sums(&t, Query { importers: Some(vec!["W00".into()]), ..Query::default() }), ["=100000"]);
}

#[test]
fn total_and_chapters_are_never_added() {
    let t = loaded("comtrade_plus_traps.csv").table;
    // China, all goods: the TOTAL, $600.00, not $600 + $100 + $400 = $1,100.
    let china = Query { importers: Some(vec!["CHN".into()]), ..Query::default() };
    assert_eq!(sums(&t, china.clone()), ["=60000"]);
    // China by chapter: the chapters, $400.00 and $100.00, and no TOTAL beside them.
    assert_eq!(sums(&t, Query { group_by: vec![Key::Hs2], ..china }), ["27=40000", "85=10000"]);
    // Summed over partners by chapter: the World's own chapters ($500, $300), not the partners' again.
    assert_eq!(sums(&t, Query { group_by: vec![Key::Hs2], ..Query::default() }), ["27=50000", "85=30000"]);
    // Chapter 85 to the world: the World's $300.00, not $300 + $100 + $200.
    assert_eq!(sums(&t, Query { products: Some(vec!["85".into()]), ..Query::default() }), ["=30000"]);
    // By partner and chapter: the areas have only a TOTAL, kept under TOTAL (never taken for a chapter).
    let both = Query { group_by: vec![Key::Importer, Key::Hs2], ..Query::default() };
    assert_eq!(sums(&t, both), ["837,TOTAL=3000", "899,TOTAL=5000", "CHN,27=40000", "CHN,85=10000", "RUS,85=20000", "S19,TOTAL=2000"]);
}

#[test]
fn several_hs_levels_read_one_level_per_route() {
    // China → Kazakhstan, 2023, as Kazakhstan reports it: chapter 85 ($1,000), heading 8542 ($700) inside it,
    // subheadings 854231 ($400) and 854239 ($250) inside that. Russia → Kazakhstan has 854231 ($90) only.
    let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2023,,CHN,KAZ,85,1000,,,importer,k\n2023,,CHN,KAZ,8542,700,,,importer,k\n\
        2023,,CHN,KAZ,854231,400,,,importer,k\n2023,,CHN,KAZ,854239,250,,,importer,k\n\
        2023,,RUS,KAZ,854231,90,,,importer,k\n";
    let t = load("levels.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}")).table;
    let by = |keys: Vec<Key>| sums(&t, Query { group_by: keys, ..Query::default() });
    // All goods: China's chapter ($1,000) and Russia's subheading ($90): $1,090, not $2,440.
    assert_eq!(by(vec![]), ["=109000"]);
    // By heading: China's 8542 row ($700), not its subheadings again; Russia's subheading summed to 8542.
    assert_eq!(by(vec![Key::Exporter, Key::Hs4]), ["CHN,8542=70000", "RUS,8542=9000"]);
    // By subheading: the six-digit rows only.
    assert_eq!(by(vec![Key::Exporter, Key::Hs6]), ["CHN,854231=40000", "CHN,854239=25000", "RUS,854231=9000"]);
}

#[test]
fn flows_are_kept_apart_and_trade_with_itself_is_a_re_import() {
    let t = loaded("comtrade_plus_traps.csv").table;
    let flows = |f: Vec<Flow>| sums(&t, Query { flows: Some(f), group_by: vec![Key::Exporter, Key::Importer], ..Query::default() });
    // The re-export to China: $70.00; the import from itself: a re-import, $40.00, never a route by default.
    assert_eq!(flows(vec![Flow::ReExport]), ["KAZ,CHN=7000"]);
    assert_eq!(flows(vec![Flow::ReImport]), ["KAZ,KAZ=4000"]);
    assert!(!flows(Flow::DEFAULT.to_vec()).iter().any(|l| l.starts_with("KAZ,KAZ")));
}

// comtrade_legacy_latin1.csv: France's 2019 trade in the legacy comtrade.un.org bulk layout, CRLF lines
// ending in a comma, Côte d'Ivoire's name in Latin-1: exports to the World (WLD) $900, to Kazakhstan $500,
// to Côte d'Ivoire $400; a re-export to Kazakhstan $60; a re-import from Italy (code 381) $25; imports from
// Italy $700 and from France itself $15 (a re-import).

#[test]
fn the_legacy_layout_with_re_exports_in_latin_1() {
    let l = loaded("comtrade_legacy_latin1.csv");
    assert_eq!((l.format, l.table.len(), l.bad_rows), (Format::ComtradeLegacy, 7, 0), "{:?}", l.first_errors);
    let t = &l.table;
    // France's exports to the world: the World row, $900, not $900 + $500 + $400.
    let exports = Query { exporters: Some(vec!["FRA".into()]), ..Query::default() };
    assert_eq!(sums(t, exports.clone()), ["=90000"]);
    assert_eq!(sums(t, Query { group_by: vec![Key::Importer], ..exports }), ["CIV=40000", "KAZ=50000"]);
    // Imports: Italy's $700 under ITA (code 381), France's own $15 left out.
    let imports = Query { importers: Some(vec!["FRA".into()]), group_by: vec![Key::Exporter], ..Query::default() };
    assert_eq!(sums(t, imports.clone()), ["ITA=70000"]);
    // Re-imports: Italy's $25 and France's own $15.
    assert_eq!(sums(t, Query { flows: Some(vec![Flow::ReImport]), ..imports }), ["FRA=1500", "ITA=2500"]);
    let re = Query { flows: Some(vec![Flow::ReExport]), group_by: vec![Key::Importer], ..Query::default() };
    assert_eq!(sums(t, re), ["KAZ=6000"]);
}

// BACI_HS92_Y2019_V202201.csv, values in thousands of dollars: Italy (381) → Kazakhstan 10.000 and → Russia
// 2.250, China → Kazakhstan 20.000, Kazakhstan → Russia 5.500, Kyrgyzstan (417) → Russia 1.000.

#[test]
fn italy_381_without_a_code_file_is_read_and_said() {
    let l = loaded("BACI_HS92_Y2019_V202201.csv");
    assert_eq!((l.table.len(), l.bad_rows), (5, 0));
    // Italy: $10,000 + $2,250.
    assert_eq!(sums(&l.table, Query { exporters: Some(vec!["ITA".into()]), ..Query::default() }), ["=1225000"]);
    assert_eq!(l.notes.len(), 1, "{:?}", l.notes);
    assert!(l.notes[0].to_string().contains("no country-code file") && l.notes[0].to_string().contains("381 as Italy (ITA)"), "{:?}", l.notes);
}

#[test]
fn a_code_file_of_another_release_is_said_once_and_no_row_is_lost() {
    let codes_bytes = std::fs::read(path("country_codes_V202401.csv")).unwrap_or_else(|e| panic!("{e}"));
    let codes = CountryCodes::parse("country_codes_V202401.csv", &codes_bytes).unwrap_or_else(|e| panic!("{e}"));
    let data = std::fs::read(path("BACI_HS92_Y2019_V202201.csv")).unwrap_or_else(|e| panic!("{e}"));
    let l = load_with_codes("BACI_HS92_Y2019_V202201.csv", &data, &Options::default(), Some(&codes)).unwrap_or_else(|e| panic!("{e}"));
    // The V202401 code file lacks 381 and 417: both read from the built-in table, the five rows all kept.
    assert_eq!((l.table.len(), l.bad_rows), (5, 0), "{:?}", l.first_errors);
    assert_eq!(l.notes.len(), 2, "{:?}", l.notes);
    assert!(l.notes[0].to_string().contains("release V202401, the data file of V202201") && l.notes[0].to_string().contains("country_codes_V202201.csv"), "{:?}", l.notes);
    assert!(l.notes[1].to_string().contains("381 as Italy (ITA)") && l.notes[1].to_string().contains("417 as Kyrgyzstan (KGZ)"), "{:?}", l.notes);
}

#[test]
fn the_cli_takes_the_code_file_as_data_and_counts_once() {
    // The code file given with --data, as the page takes it; Russia's imports: $5,500 + $1,000 + $2,250.
    let out = roundabout(&[
        "query", "--data", &path("BACI_HS92_Y2019_V202201.csv"), "--data", &path("country_codes_V202401.csv"), "--importer", "RUS",
        "--group-by", "exporter",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "exporter,value_usd\nITA,2250.00\nKAZ,5500.00\nKGZ,1000.00\n");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("release V202401").count(), 1, "said once: {stderr}");
    // --flow picks the re-exports; the default leaves them out.
    let legacy = path("comtrade_legacy_latin1.csv");
    let out = roundabout(&["query", "--data", &legacy, "--flow", "re-export", "--group-by", "exporter,importer"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "exporter,importer,value_usd\nFRA,KAZ,60.00\n");
    let out = roundabout(&["query", "--data", &path("comtrade_plus_traps.csv"), "--exporter", "KAZ"]);
    assert_eq!(text(&out.stdout), "value_usd\n1000.00\n");
    let out = roundabout(&["query", "--data", &legacy, "--flow", "transit"]);
    assert!(!out.status.success() && text(&out.stderr).contains("expected export, import, re-export or re-import"), "{}", text(&out.stderr));
    // inspect says what all goods and the world read.
    let out = roundabout(&["inspect", &path("comtrade_plus_traps.csv")]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("counted: all goods: the TOTAL rows where a route has them") && stdout.contains("the World (W00) rows"), "{stdout}");
}

#[test]
fn the_legacy_api_layout_reads_too_and_skips_breakdowns() {
    // The comtrade.un.org API's CSV: Australia's 2016 exports of live animals (chapter 01) to the World
    // ($1,398,835,890), to China ($300) and a row broken down by transport mode (9, left out: its total is
    // the row above); a monthly re-import (201603, $4,934,172) from the World.
    let csv = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),Gross weight (kg),Trade Value (US$),CIF Trade Value (US$),FOB Trade Value (US$),Flag\n\
        H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,0,World,WLD,,,,,,,,01,Live animals,1,No Quantity,,,,,,,1398835890,,,0\n\
        H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,156,China,CHN,,,,,,,,01,Live animals,1,No Quantity,,,,,,,300,,,0\n\
        H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,156,China,CHN,,,,,,9,Other,01,Live animals,1,No Quantity,,,,,,,120,,,0\n\
        H4,2016,201603,March 2016,2,0,4,Re-Import,36,Australia,AUS,0,World,WLD,,,,,,,,01,Live animals,1,No Quantity,,,,,,,4934172,,,0\n";
    let l = load("comtrade.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((l.format, l.table.len(), l.bad_rows), (Format::ComtradeLegacy, 3, 0), "{:?}", l.first_errors);
    let t = &l.table;
    assert_eq!(sums(t, Query::default()), ["=139883589000"]);
    assert_eq!(sums(t, Query { group_by: vec![Key::Importer], ..Query::default() }), ["CHN=30000"]);
    let re = Query { flows: Some(vec![Flow::ReImport]), group_by: vec![Key::Month], ..Query::default() };
    assert_eq!(sums(t, re), ["3=493417200"]);
}

// Areas whose letter code the built-in table lacks: a Comtrade Plus file giving `A59` (numeric 636, Rest of
// America, nes) and `R20` (numeric 472, Africa CAMEU region, nes), and a BACI code file naming 879 `R79`.
// Each is read by its number and named as Comtrade's partner list names it; a letter code the table
// knows (`S19`) is kept.
#[test]
fn areas_the_table_lacks_a_letter_code_for_are_named_by_their_number() {
    let csv = "refYear,refMonth,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,qty,primaryValue\n\
        2024,52,398,KAZ,X,636,A59,TOTAL,,7\n2024,52,398,KAZ,X,472,R20,TOTAL,,5\n2024,52,398,KAZ,X,490,S19,TOTAL,,3\n";
    let t = load("areas.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}")).table;
    assert_eq!(sums(&t, Query { group_by: vec![Key::Importer], ..Query::default() }), ["472=500", "636=700", "S19=300"]);
    let names: Vec<_> = ["472", "636"].iter().filter_map(|c| roundabout::countries::by_alpha3(c)).map(|c| c.name).collect();
    assert_eq!(names, ["Africa CAMEU region, nes", "Rest of America, nes"]);
    let codes = CountryCodes::parse("country_codes_V202401.csv", b"country_code,country_name,country_iso2,country_iso3\n398,Kazakhstan,KZ,KAZ\n879,\"Western Asia, nes\",,R79\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let baci = load_with_codes("BACI_HS22_Y2022_V202401.csv", b"t,i,j,k,v,q\n2022,398,879,854231,1.5,\n", &Options::default(), Some(&codes))
        .unwrap_or_else(|e| panic!("{e}"));
    // BACI's values are thousands of dollars: $1,500.
    assert_eq!(sums(&baci.table, Query { group_by: vec![Key::Importer], ..Query::default() }), ["879=150000"]);
}

// A file that breaks some chapters down and not others: China → Kazakhstan 2024, as Kazakhstan reports it,
// chapters 85 ($100) and 27 ($400), and heading 8542 ($60) inside 85 only. By heading, chapter 27's $400
// has no heading to go to: leaving it out understates, adding it in mixes levels. The answer is a message.
#[test]
fn a_level_the_file_cannot_answer_is_a_message_not_a_number() {
    let csv = "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n\
        2024,,CHN,KAZ,85,100,,,importer,k\n2024,,CHN,KAZ,27,400,,,importer,k\n2024,,CHN,KAZ,8542,60,,,importer,k\n";
    let t = load("partial.csv", csv.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}")).table;
    let by_heading = run(&t, &Query { group_by: vec![Key::Hs4], ..Query::default() });
    let message = by_heading.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("CHN → KAZ in 2024") && message.contains("chapter 27 without its 4-digit headings"), "{message}");
    // By subheading, of which the file has none: the headings would be read, and 27 is left out just the same.
    let by_subheading = run(&t, &Query { group_by: vec![Key::Hs6], ..Query::default() });
    assert!(by_subheading.is_err_and(|e| e.to_string().contains("no answer by 6-digit code")));
    // By chapter and in all, the file answers: $100 + $400.
    assert_eq!(sums(&t, Query { group_by: vec![Key::Hs2], ..Query::default() }), ["27=40000", "85=10000"]);
    assert_eq!(sums(&t, Query::default()), ["=50000"]);
    // The CLI says the same, and fails.
    let file = std::env::temp_dir().join(format!("roundabout-partial-{}.csv", std::process::id()));
    std::fs::write(&file, csv).unwrap_or_else(|e| panic!("{e}"));
    let out = roundabout(&["query", "--data", &file.to_string_lossy(), "--group-by", "hs4"]);
    let _ = std::fs::remove_file(&file);
    assert!(!out.status.success() && text(&out.stderr).contains("chapter 27 without its 4-digit headings"), "{}", text(&out.stderr));
}
