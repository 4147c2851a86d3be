//! A parallel load's pieces against the one pass: any file cut at any line ends, each piece read on its own
//! (sent as bytes, as from a worker) and the pieces joined, gives the same store, the same bad rows under
//! the file's own line numbers, the same notes and the same query answers as reading it whole.

use proptest::prelude::*;
use roundabout::bench_data::{baci, full_query, route_queries};
use roundabout::ingest::gather::Gather;
use roundabout::ingest::piece::{can_split, cut, header, Piece, PieceFeed};
use roundabout::ingest::{Loaded, Options};
use roundabout::query::run;

/// Reads `csv` cut after the line ends at or past each of `at` (byte offsets), each piece pushed in chunks
/// of `chunk` bytes, into `g` as the page's worker joins a parallel load; `false` when the join refuses
/// (a cut inside a quoted field).
fn join(g: &mut Gather, name: &str, csv: &[u8], at: &[usize], chunk: usize) -> bool {
    let head = header(csv).unwrap_or_else(|| panic!("{name}: no header line"));
    g.begin_pieces(name, head).unwrap_or_else(|e| panic!("{e}"));
    let mut from = head.len();
    let mut ends: Vec<usize> = at.iter().map(|&a| cut(csv, a.max(from), 1)).collect();
    ends.push(csv.len());
    ends.sort_unstable();
    for end in ends {
        if end <= from {
            continue;
        }
        let mut feed = PieceFeed::new(name, &Options::default(), None, head, end - from)
            .unwrap_or_else(|e| panic!("{e}"));
        for c in csv[from..end].chunks(chunk.max(1)) {
            feed.push(c).unwrap_or_else(|e| panic!("{e}"));
        }
        let sent = feed.finish().unwrap_or_else(|e| panic!("{e}")).to_bytes();
        let piece = Piece::from_bytes(name, &sent).unwrap_or_else(|e| panic!("{e}"));
        if !g.add_piece(piece).unwrap_or_else(|e| panic!("{e}")) {
            return false;
        }
        from = end;
    }
    let mut crc = crc32fast::Hasher::new();
    crc.update(csv);
    let joined = g.end_pieces().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        joined,
        (csv.len() as u64, crc.finalize()),
        "the pieces' CRCs combine to the file's"
    );
    true
}

/// [`join`] alone; `None` when the join refuses.
fn pieces(name: &str, csv: &[u8], at: &[usize], chunk: usize) -> Option<Loaded> {
    let mut g = Gather::new(&Options::default(), None);
    join(&mut g, name, csv, at, chunk).then(|| finished(g))
}

/// Reads `csv` in one piece into `g`, as the page's worker reads a file by itself.
fn whole_into(g: &mut Gather, name: &str, csv: &[u8]) {
    g.begin(name, csv.len(), None)
        .unwrap_or_else(|e| panic!("{e}"));
    for c in csv.chunks(65_536) {
        g.push(c).unwrap_or_else(|e| panic!("{e}"));
    }
    g.end().unwrap_or_else(|e| panic!("{e}"));
}

fn one_pass(name: &str, csv: &[u8]) -> Loaded {
    let mut g = Gather::new(&Options::default(), None);
    whole_into(&mut g, name, csv);
    finished(g)
}

fn finished(g: Gather) -> Loaded {
    g.finish().unwrap_or_else(|e| panic!("{e}")).loaded
}

/// Everything a load holds, exactly: the table's columns and dictionaries, the errors and the notes.
fn all(l: &Loaded) -> String {
    format!(
        "{:?} {:?} {} {:?} {:?}",
        l.table, l.format, l.bad_rows, l.first_errors, l.notes
    )
}

fn answers(l: &Loaded) -> String {
    let [a, b] = route_queries();
    [a, b, full_query()]
        .iter()
        .map(|q| format!("{:?}", run(&l.table, q).map(|a| a.rows)))
        .collect()
}

/// A BACI table with bad rows spread through it: a bad value, an unknown country, a short line.
fn baci_with_bad_rows(rows: usize, seed: u64, bad: &[usize]) -> String {
    let csv = baci(rows, seed);
    let mut out = String::new();
    for (i, line) in csv.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        match bad.iter().position(|&b| b == i) {
            Some(0) => out.push_str("2023,156,398,10121,abc,1\n"),
            Some(1) => out.push_str("2023,999,398,10121,5,1\n"),
            Some(_) => out.push_str("2022,156\n\n"),
            None => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_cut_reads_as_the_one_pass(
        rows in 1usize..2_500,
        seed in 0u64..1_000,
        bad in proptest::collection::vec(0usize..2_500, 0..4),
        at in proptest::collection::vec(0usize..100_000, 0..6),
        chunk in 1usize..70_000,
    ) {
        let csv = baci_with_bad_rows(rows, seed, &bad);
        let whole = one_pass("b.csv", csv.as_bytes());
        let got = pieces("b.csv", csv.as_bytes(), &at, chunk).unwrap_or_else(|| panic!("BACI has no quoted fields"));
        prop_assert_eq!(all(&got), all(&whole));
        prop_assert_eq!(answers(&got), answers(&whole));
    }
}

#[test]
fn bad_rows_keep_the_file_line_numbers_in_every_piece() {
    let csv = baci_with_bad_rows(3_000, 9, &[10, 1_500, 2_900]);
    let whole = one_pass("b.csv", csv.as_bytes());
    let lines: Vec<u64> = whole.first_errors.iter().map(|e| e.line).collect();
    // The header, 11 rows, then the bad one; and so on, each earlier bad line adding one (two for the short one).
    assert_eq!(lines, [12, 1_503, 2_904]);
    let size = csv.len() / 4;
    let at: Vec<usize> = (1..4).map(|k| k * size).collect();
    let got = pieces("b.csv", csv.as_bytes(), &at, 1 << 16).unwrap_or_else(|| panic!("refused"));
    assert_eq!(got.first_errors, whole.first_errors);
    assert!(
        got.first_errors[2]
            .to_string()
            .starts_with("line 2904: found 2 fields"),
        "{}",
        got.first_errors[2]
    );
    assert_eq!(all(&got), all(&whole));
}

#[test]
fn a_cut_inside_a_quoted_line_break_is_refused_and_one_outside_is_not() {
    let mut csv = String::from(
        "year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n",
    );
    for i in 0..200 {
        csv.push_str(&format!(
            "2022,,CHN,KAZ,8542,{i}.5,,,exporter,\"customs,\nsee note {i}\"\n"
        ));
    }
    let whole = one_pass("q.csv", csv.as_bytes());
    assert_eq!(whole.table.len(), 200);
    let inside = csv.find("see note 100").unwrap_or(0) - 1;
    assert!(
        pieces("q.csv", csv.as_bytes(), &[inside], 100).is_none(),
        "the cut fell inside a quoted field"
    );
    let outside = csv.find("2022,,CHN,KAZ,8542,100.5").unwrap_or(0);
    let got =
        pieces("q.csv", csv.as_bytes(), &[outside - 1], 100).unwrap_or_else(|| panic!("refused"));
    assert_eq!(all(&got), all(&whole));
    // Refused after a file read before it and some pieces of its own (a bad row among them): what they
    // added is taken back, and the file read again in one piece gathers as if never cut.
    let before = baci_with_bad_rows(500, 3, &[7]);
    let bad = csv.replacen("2022,,CHN,KAZ,8542,3.5", "2022,,CHN,KAZ,8542,x", 1);
    let mut want = Gather::new(&Options::default(), None);
    whole_into(&mut want, "b.csv", before.as_bytes());
    whole_into(&mut want, "q.csv", bad.as_bytes());
    let mut got = Gather::new(&Options::default(), None);
    whole_into(&mut got, "b.csv", before.as_bytes());
    assert!(!join(
        &mut got,
        "q.csv",
        bad.as_bytes(),
        &[500, inside],
        100
    ));
    whole_into(&mut got, "q.csv", bad.as_bytes());
    let (got, want) = (finished(got), finished(want));
    assert_eq!(got.bad_rows, 2);
    assert_eq!(all(&got), all(&want));
}

#[test]
fn only_plain_csv_text_is_cut() {
    let csv = baci(10, 1);
    assert_eq!(can_split("b.csv", csv.as_bytes()).ok(), Some(true));
    assert_eq!(can_split("b.csv.gz", &[0x1f, 0x8b, 8, 0]).ok(), Some(false));
    let zip = can_split("b.zip", b"PK\x03\x04....").map_err(|e| e.to_string());
    assert!(zip.is_err_and(|e| e.starts_with("b.zip:")));
}
