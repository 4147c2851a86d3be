//! The CHPL list compiled into the core (`hs::chpl::CHPL`) against the published list it was typed from.

use std::path::PathBuf;

use roundabout::hs::chpl::{Tier, CHPL};

fn tier(text: &str) -> Tier {
    match text {
        "1" => Tier::T1,
        "2" => Tier::T2,
        "3.A" => Tier::T3A,
        "3.B" => Tier::T3B,
        "4.A" => Tier::T4A,
        "4.B" => Tier::T4B,
        other => panic!("unknown tier {other:?} in the source list"),
    }
}

#[test]
fn every_code_and_tier_matches_the_published_list() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sources/chpl_bis_2024-02_hs6.csv");
    let mut rows = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut listed: Vec<(u32, Tier)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].parse().unwrap(), tier(&r[1]))
        })
        .collect();
    let mut compiled = CHPL.to_vec();
    listed.sort_by_key(|(code, _)| *code);
    compiled.sort_by_key(|(code, _)| *code);
    assert_eq!(compiled, listed);
}
