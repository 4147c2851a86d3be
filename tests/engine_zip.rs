//! BACI's zip as downloaded: the directory read (zip64 too, entries past 4 GiB), the years listed, the
//! country-code file inside used, the product-code file skipped; every command takes the zip.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use roundabout::ingest::zip::{self, Kind};

const CODES: &str = "country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n398,Kazakhstan,KZ,KAZ\n417,Kyrgyzstan,KG,KGZ\n643,Russian Federation,RU,RUS\n";
const PRODUCTS: &str = "code,description\n854231,Processors\n";
// Two years. By hand: 2022 CHN→KAZ 1000.5 + 2.345 = 1002.845 thousand USD = $1,002,845.00;
// 2023 CHN→KGZ $5,900,000.00, KAZ→RUS $2,700,001.00.
const Y2022: &str = "t,i,j,k,v,q\n2022,156,398,854231,1000.5,0.25\n2022,156,398,010121,2.345,NA\n";
const Y2023: &str = "t,i,j,k,v,q\n2023,156,417,880621,5900,\n2023,398,643,880621,2700.001,1.5\n";

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap_or_else(|err| panic!("{err}"));
    e.finish().unwrap_or_else(|err| panic!("{err}"))
}

fn crc(bytes: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(bytes);
    c.sum()
}

/// A zip built by hand, every entry deflated, with zip64 records throughout when `zip64`: sizes and
/// offsets at 0xFFFFFFFF in the headers and their values in zip64 extra fields, a zip64 end record and
/// locator. `base` is where the archive starts in its file (an offset past 4 GiB tests 64-bit offsets).
fn build(files: &[(&str, &str)], zip64: bool, base: u64) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    let max32 = u32::MAX.to_le_bytes();
    for (name, text) in files {
        let data = deflate(text.as_bytes());
        let at = base + out.len() as u64;
        let sizes64 = [
            (text.len() as u64).to_le_bytes(),
            (data.len() as u64).to_le_bytes(),
        ]
        .concat();
        let local_extra = if zip64 {
            [&1u16.to_le_bytes()[..], &16u16.to_le_bytes(), &sizes64].concat()
        } else {
            Vec::new()
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[45, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&crc(text.as_bytes()).to_le_bytes());
        if zip64 {
            out.extend_from_slice(&[max32, max32].concat());
        } else {
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        }
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&(local_extra.len() as u16).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&local_extra);
        out.extend_from_slice(&data);
        let extra = if zip64 {
            [
                &1u16.to_le_bytes()[..],
                &24u16.to_le_bytes(),
                &sizes64,
                &at.to_le_bytes(),
            ]
            .concat()
        } else {
            Vec::new()
        };
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&[45, 3, 45, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
        central.extend_from_slice(&crc(text.as_bytes()).to_le_bytes());
        if zip64 {
            central.extend_from_slice(&[max32, max32].concat());
        } else {
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(text.len() as u32).to_le_bytes());
        }
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&(extra.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 8]); // comment length, disk, internal and external attributes
        central.extend_from_slice(&[0; 2]);
        central.extend_from_slice(&if zip64 {
            max32
        } else {
            (at as u32).to_le_bytes()
        });
        central.extend_from_slice(name.as_bytes());
        central.extend_from_slice(&extra);
    }
    let (dir_at, n) = (base + out.len() as u64, files.len() as u64);
    out.extend_from_slice(&central);
    if zip64 {
        let record_at = base + out.len() as u64;
        out.extend_from_slice(&0x0606_4b50u32.to_le_bytes());
        out.extend_from_slice(&44u64.to_le_bytes());
        out.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        for v in [n, n, central.len() as u64, dir_at] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&0x0706_4b50u32.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&record_at.to_le_bytes());
        out.extend_from_slice(&1u32.to_le_bytes());
    }
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    if zip64 {
        out.extend_from_slice(&[0xff; 12]); // entries, size and offset: in the zip64 record
    } else {
        out.extend_from_slice(&(n as u16).to_le_bytes());
        out.extend_from_slice(&(n as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&(dir_at as u32).to_le_bytes());
    }
    out.extend_from_slice(&[0, 0]);
    out
}

fn baci_files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("BACI_HS22_Y2023_V202501.csv", Y2023),
        ("product_codes_HS22_V202501.csv", PRODUCTS),
        ("BACI_HS22_Y2022_V202501.csv", Y2022),
        ("country_codes_V202501.csv", CODES),
    ]
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roundabout-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir.join(name)
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let p = scratch(name);
    std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    p
}

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running roundabout: {e}"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn query(zip: &Path, more: &[&str]) -> String {
    let mut args = vec![
        "query",
        "--data",
        zip.to_str().unwrap_or_default(),
        "--group-by",
        "exporter,importer,year",
    ];
    args.extend_from_slice(more);
    let out = roundabout(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

const BY_HAND: &str = "exporter,importer,year,value_usd\nCHN,KAZ,2022,1002845.00\nCHN,KGZ,2023,5900000.00\nKAZ,RUS,2023,2700001.00\n";

#[test]
fn a_zip64_archive_lists_its_years_and_reads_like_the_files_unzipped() {
    let bytes = build(&baci_files(), true, 0);
    let mut r = std::io::Cursor::new(&bytes);
    let all =
        zip::read_directory("b.zip", &mut r, bytes.len() as u64).unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<Kind> = all.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [Kind::Data, Kind::Skipped, Kind::Data, Kind::CountryCodes]
    );
    let (data, codes) = zip::contents("b.zip", &all).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        data.iter().map(|e| e.year()).collect::<Vec<_>>(),
        [Some(2022), Some(2023)],
        "sorted by name"
    );
    assert_eq!(
        codes.map(|c| c.name),
        Some("country_codes_V202501.csv".to_string())
    );
    assert_eq!(
        data[0].size,
        Y2022.len() as u64,
        "size from the zip64 extra field"
    );
    let path = write("zip64.zip", &bytes);
    assert_eq!(query(&path, &[]), BY_HAND);
    // The plain archive (32-bit records) gives the same.
    assert_eq!(
        query(&write("plain.zip", &build(&baci_files(), false, 0)), &[]),
        BY_HAND
    );
    // --years skips the other entries: only 2023 is read.
    let out = roundabout(&[
        "query",
        "--data",
        path.to_str().unwrap_or_default(),
        "--years",
        "2023",
        "--group-by",
        "year",
    ]);
    assert_eq!(text(&out.stdout), "year,value_usd\n2023,8600001.00\n");
    assert!(
        text(&out.stderr).contains("reading BACI_HS22_Y2023_V202501.csv (1 of 1)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn entries_past_4_gib_are_found_through_64_bit_offsets() {
    // A sparse file: 4.5 GiB of nothing, then the archive, whose offsets count from the file's start.
    let base = 9 << 29;
    let path = scratch("far.zip");
    let mut f = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    f.write_all(b"PK\x03\x04").unwrap_or_else(|e| panic!("{e}"));
    f.seek(SeekFrom::Start(base))
        .unwrap_or_else(|e| panic!("{e}"));
    f.write_all(&build(&baci_files(), true, base))
        .unwrap_or_else(|e| panic!("{e}"));
    drop(f);
    assert_eq!(query(&path, &[]), BY_HAND);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn inspect_render_and_prepare_take_the_zip() {
    let path = write("cmds.zip", &build(&baci_files(), true, 0));
    let p = path.to_str().unwrap_or_default();
    let out = roundabout(&["inspect", p]);
    let s = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        s.contains("entries: 2\n")
            && s.contains("format: CEPII BACI\n")
            && s.contains("rows: 4\n")
            && s.contains("years: 2022-2023\n"),
        "{s}"
    );
    assert!(
        s.contains("countries: 4 (CHN KAZ KGZ RUS)"),
        "the zip's own code file names them: {s}"
    );
    let svg = scratch("cmds.svg");
    let shapes = format!(
        "{}/node_modules/world-atlas/countries-110m.json",
        env!("CARGO_MANIFEST_DIR")
    );
    if Path::new(&shapes).exists() {
        let out = roundabout(&[
            "render",
            "--data",
            p,
            "--story",
            "--out",
            svg.to_str().unwrap_or_default(),
            "--shapes",
            &shapes,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let drawn = std::fs::read_to_string(&svg).unwrap_or_default();
        assert!(
            drawn.contains("$5.9m"),
            "China → Kyrgyzstan in 2023 is drawn with its figure"
        );
    }
    let tidy = scratch("cmds.csv");
    let out = roundabout(&[
        "prepare",
        "--data",
        p,
        "--exporter",
        "CHN",
        "--out",
        tidy.to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let back = query(&tidy, &[]);
    assert_eq!(
        back,
        "exporter,importer,year,value_usd\nCHN,KAZ,2022,1002845.00\nCHN,KGZ,2023,5900000.00\n"
    );
}

#[test]
fn a_damaged_zip_is_named() {
    let mut bytes = build(&baci_files(), true, 0);
    let p = write("short.zip", &bytes[..bytes.len() - 30]);
    let out = roundabout(&["query", "--data", p.to_str().unwrap_or_default()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("short.zip: zip archive"),
        "{}",
        text(&out.stderr)
    );
    // One flipped byte inside the first entry's deflated data: the inflater or the CRC says so.
    bytes[30 + "BACI_HS22_Y2023_V202501.csv".len() + 20 + 3] ^= 0x55;
    let p = write("flipped.zip", &bytes);
    let out = roundabout(&["query", "--data", p.to_str().unwrap_or_default()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("flipped.zip/BACI_HS22_Y20"),
        "{}",
        text(&out.stderr)
    );
}
