//! Fuzzing on stable Rust, a few seconds per target in CI; `fuzz/README.md` tells how to run one for longer.

use crate::fuzz;

use fuzz::targets;

#[test]
fn fuzz_tidy() {
    fuzz::run(&targets::TIDY);
}

#[test]
fn fuzz_baci() {
    fuzz::run(&targets::BACI);
}

#[test]
fn fuzz_country_codes() {
    fuzz::run(&targets::COUNTRY_CODES);
}

#[test]
fn fuzz_comtrade() {
    fuzz::run(&targets::COMTRADE);
}

#[test]
fn fuzz_detect_gzip() {
    fuzz::run(&targets::DETECT_GZIP);
}

#[test]
fn fuzz_query() {
    fuzz::run(&targets::QUERY);
}

#[test]
fn fuzz_story_json() {
    fuzz::run(&targets::STORY_JSON);
}

#[test]
fn fuzz_topojson() {
    fuzz::run(&targets::TOPOJSON);
}

#[test]
fn fuzz_hs() {
    fuzz::run(&targets::HS);
}

#[test]
fn fuzz_url_state() {
    fuzz::run(&targets::URL_STATE);
}
