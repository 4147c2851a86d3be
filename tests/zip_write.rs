//! The zip a story is saved in from the page: the core's writer, read back by the core's own zip reader
//! and by the `zip` crate.

use std::io::{Cursor, Read};

use roundabout::ingest::zip::{self, write::archive, Kind};

const CSV: &[u8] = b"year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source\n2023,,CHN,ARM,TOTAL,1500000.00,,,importer,Test\n";

/// Every entry of `bytes` as the core's reader reads it: (name, kind, plain bytes).
fn read_back(bytes: &[u8]) -> Vec<(String, Kind, Vec<u8>)> {
    let mut r = Cursor::new(bytes);
    let entries =
        zip::read_directory("s.zip", &mut r, bytes.len() as u64).unwrap_or_else(|e| panic!("{e}"));
    entries
        .iter()
        .map(|e| {
            let mut plain = Vec::new();
            zip::read_entry("s.zip", &mut r, e, &mut |b| {
                plain.extend_from_slice(b);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
            (e.name.clone(), e.kind(), plain)
        })
        .collect()
}

#[test]
fn the_writer_round_trips_through_the_cores_reader_and_the_zip_crate() {
    let big: Vec<u8> = (0..200_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    let entries: [(&str, &[u8]); 4] = [
        ("story.json", b"{}\n"),
        ("story.csv", CSV),
        ("folder/ünïcode.csv", &big),
        ("empty.csv", b""),
    ];
    let bytes = archive(&entries).unwrap_or_else(|e| panic!("{e}"));
    assert!(zip::is_zip(&bytes));
    let back = read_back(&bytes);
    assert_eq!(back.len(), entries.len());
    for ((name, _, plain), (want_name, want)) in back.iter().zip(entries) {
        assert_eq!((name.as_str(), plain.as_slice()), (want_name, want));
    }
    assert_eq!(
        back.iter().map(|b| b.1).collect::<Vec<_>>(),
        [Kind::Story, Kind::Data, Kind::Data, Kind::Data]
    );
    // Another reader agrees, CRCs and UTF-8 names included.
    let mut other = ::zip::ZipArchive::new(Cursor::new(&bytes)).unwrap_or_else(|e| panic!("{e}"));
    for (i, (want_name, want)) in entries.iter().enumerate() {
        let mut file = other.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.name(), *want_name);
        let mut plain = Vec::new();
        file.read_to_end(&mut plain)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain, *want);
    }
    // The same entries give the same bytes: no clock in the archive.
    assert_eq!(archive(&entries).ok(), Some(bytes));
}

#[test]
fn a_damaged_archive_is_caught_by_the_readers_crc() {
    let mut bytes = archive(&[("story.csv", CSV)]).unwrap_or_else(|e| panic!("{e}"));
    let at = 30 + "story.csv".len() + 5; // a byte of the entry's data
    bytes[at] ^= 0x20;
    let mut r = Cursor::new(&bytes);
    let entries =
        zip::read_directory("s.zip", &mut r, bytes.len() as u64).unwrap_or_else(|e| panic!("{e}"));
    let read = zip::read_entry("s.zip", &mut r, &entries[0], &mut |_| Ok(()));
    assert!(read.is_err(), "a changed byte fails the CRC-32");
}
