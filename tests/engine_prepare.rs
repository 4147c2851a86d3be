//! `roundabout prepare` streams plain, gzip and zip inputs down to the same tidy story file, and that file
//! holds exactly the rows a query on the whole input keeps.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use roundabout::bench_data::baci;
use roundabout::ingest::{load, Options};
use roundabout::query::{run, Key, Query};

const CUT: [&str; 8] = ["--exporter", "CHN,KAZ,KGZ", "--importer", "KAZ,KGZ,RUS", "--hs", "chpl,8542", "--years", "2019-2023"];

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout")).args(args).output().unwrap_or_else(|e| panic!("running roundabout: {e}"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roundabout-prepare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir.join(name)
}

fn gzip(text: &str) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = enc.write_all(text.as_bytes());
    enc.finish().unwrap_or_default()
}

/// A BACI-style zip: the data split in two CSVs, a country-code file and a product-code file to skip.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        w.start_file(*name, opts).unwrap_or_else(|e| panic!("{e}"));
        w.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_else(|e| panic!("{e}"))
}

fn prepare(input: &Path, out: &Path) -> Output {
    let (i, o) = (input.display().to_string(), out.display().to_string());
    let mut args = vec!["prepare", "--data", &i, "--out", &o];
    args.extend(CUT);
    let r = roundabout(&args);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    r
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn plain_gzip_and_zip_give_the_rows_a_query_keeps() {
    let text = baci(60_000, 3);
    let plain = scratch("baci.csv");
    std::fs::write(&plain, &text).unwrap_or_else(|e| panic!("{e}"));
    let gz = scratch("baci.csv.gz");
    std::fs::write(&gz, gzip(&text)).unwrap_or_else(|e| panic!("{e}"));
    let (head, tail) = text.split_at(text.len() / 2);
    let cut = head.rfind('\n').map_or(0, |p| p + 1);
    let first = &text[..cut];
    let second = format!("t,i,j,k,v,q\n{}{tail}", &head[cut..]);
    let z = scratch("BACI_HS17_V0.zip");
    let codes = baci_codes();
    std::fs::write(
        &z,
        zip(&[
            ("BACI_HS17_Y2016_V0.csv", first.as_bytes()),
            ("BACI_HS17_Y2017_V0.csv", second.as_bytes()),
            ("country_codes_V0.csv", codes.as_bytes()),
            ("product_codes_HS17_V0.csv", b"code,description\n010121,Horses\n"),
        ]),
    )
    .unwrap_or_else(|e| panic!("{e}"));

    let outs: Vec<Vec<u8>> = [&plain, &gz, &z]
        .iter()
        .enumerate()
        .map(|(n, input)| {
            let out = scratch(&format!("story{n}.csv"));
            prepare(input, &out);
            read(&out)
        })
        .collect();
    // Each row names its source file in the last column; the rest must be the same.
    let strip = |b: &[u8]| String::from_utf8_lossy(b).lines().map(|l| l.rsplit_once(',').map_or(l, |p| p.0).to_string()).collect::<Vec<_>>();
    assert!(strip(&outs[0]) == strip(&outs[1]), "gzip gives the plain file's cut");
    assert!(strip(&outs[0]) == strip(&outs[2]), "the zip gives the plain file's cut");

    let whole = load("baci.csv", text.as_bytes(), &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
    let q = Query {
        exporters: Some(vec!["CHN".into(), "KAZ".into(), "KGZ".into()]),
        importers: Some(vec!["KAZ".into(), "KGZ".into(), "RUS".into()]),
        products: Some(vec!["chpl".into(), "8542".into()]),
        years: Some((2019, 2023)),
        group_by: vec![Key::Exporter, Key::Importer, Key::Year],
        ..Query::default()
    };
    let want = run(&whole, &q).unwrap_or_else(|e| panic!("{e}"));
    let story = load("story.csv", &outs[0], &Options { strict: true }).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"));
    let got = run(&story, &Query { group_by: q.group_by.clone(), ..Query::default() }).unwrap_or_else(|e| panic!("{e}"));
    assert!(want.rows.len() > 10, "the cut keeps some groups: {}", want.rows.len());
    assert_eq!(got.rows, want.rows);
    assert_eq!(story.len() as u64, want.rows.iter().map(|r| r.rows).sum::<u64>());
}

/// Country codes for every code the generator uses, from the built-in table.
fn baci_codes() -> String {
    let mut s = String::from("country_code,country_name,country_iso2,country_iso3\n");
    for c in roundabout::countries::ISO.iter() {
        s.push_str(&format!("{},x,,{}\n", c.numeric, c.alpha3));
    }
    s
}

#[test]
fn a_zip_without_csv_and_a_damaged_gzip_are_errors_naming_the_file() {
    let z = scratch("empty.zip");
    std::fs::write(&z, zip(&[("Readme.txt", b"nothing here")])).unwrap_or_else(|e| panic!("{e}"));
    let gz = scratch("damaged.csv.gz");
    std::fs::write(&gz, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]).unwrap_or_else(|e| panic!("{e}"));
    for input in [&z, &gz] {
        let i = input.display().to_string();
        let r = roundabout(&["prepare", "--data", &i]);
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(!r.status.success() && err.contains(&i), "{err}");
    }
}
