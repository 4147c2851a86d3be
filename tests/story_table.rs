//! The committed story table (www/data/story.csv) against the reference files it was derived from.
//! The raw files are copied into data/sources (see its README for their origin).

use std::collections::BTreeMap;
use std::path::PathBuf;

use roundabout::ingest::{load, Options};
use roundabout::query::{run, Key, Query};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn source(name: &str) -> csv::Reader<std::fs::File> {
    let path = repo().join("data/sources").join(name);
    csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The story's rows keyed by (exporter, importer, year, reported_by) → value in US dollars.
fn story() -> BTreeMap<(String, String, u16, String), f64> {
    let mut rows = csv::Reader::from_path(repo().join("www/data/story.csv")).unwrap();
    let header = rows.headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        ["year", "month", "exporter", "importer", "hs", "value_usd", "quantity", "unit", "reported_by", "source"]
    );
    let mut out = BTreeMap::new();
    for r in rows.records() {
        let r = r.unwrap();
        assert!(!r[9].trim().is_empty(), "every row names its source: {r:?}");
        assert_eq!(&r[4], "TOTAL");
        let key = (r[2].to_string(), r[3].to_string(), r[0].parse().unwrap(), r[8].to_string());
        let before = out.insert(key.clone(), r[5].parse::<f64>().unwrap());
        assert!(before.is_none(), "one row per flow and side: {key:?}");
    }
    out
}

#[test]
fn national_statistics_carry_over_exactly() {
    let story = story();
    let mut raw = source("national_stats_partner_totals_kaz_kgz_2019_2023.csv");
    let mut compared = 0;
    for r in raw.records() {
        let r = r.unwrap();
        let (reporter, partner, flow, year) = (&r[0], &r[1], &r[2], r[3].parse::<u16>().unwrap());
        if partner == "WLD" {
            continue;
        }
        let key = match flow {
            "export" => (reporter.to_string(), partner.to_string(), year, "exporter".to_string()),
            _ => (partner.to_string(), reporter.to_string(), year, "importer".to_string()),
        };
        assert_eq!(story.get(&key), Some(&r[4].parse::<f64>().unwrap()), "{key:?}");
        compared += 1;
    }
    assert_eq!(compared, 60, "KAZ and KGZ, two flows, three partners, five years");
}

#[test]
fn imf_figures_for_russia_carry_over_to_the_cent() {
    let story = story();
    let mut raw = source("imf_imts_russia_by_partner_2016_2024.csv");
    let header = raw.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h.trim_start_matches('\u{feff}') == name).unwrap();
    let (indicator, partner) = (col("INDICATOR.ID"), col("COUNTERPART_COUNTRY.ID"));
    let (mut raw_total, mut story_total) = (0.0, 0.0);
    for r in raw.records() {
        let r = r.unwrap();
        if !["CHN", "KAZ", "KGZ"].contains(&&r[partner]) {
            continue;
        }
        for year in 2019..=2023u16 {
            let Ok(millions) = r[col(&year.to_string())].parse::<f64>() else { continue };
            let key = match &r[indicator] {
                "XG_FOB_USD" => ("RUS".to_string(), r[partner].to_string(), year, "exporter".to_string()),
                _ => (r[partner].to_string(), "RUS".to_string(), year, "importer".to_string()),
            };
            let value = story[&key];
            assert!((value - millions * 1e6).abs() < 0.01, "{key:?}: {value} against {millions} million");
            raw_total += millions * 1e6;
            story_total += value;
        }
    }
    assert!((raw_total - story_total).abs() < 1.0, "totals {raw_total} and {story_total}");
}

#[test]
fn china_customs_total_for_kazakhstan_is_the_published_one() {
    assert_eq!(story()[&("CHN".into(), "KAZ".into(), 2023, "exporter".into())], 24.7e9);
}

#[test]
fn the_core_loads_the_story_without_a_bad_row() {
    let bytes = std::fs::read(repo().join("www/data/story.csv")).unwrap();
    let loaded = load("story.csv", &bytes, &Options::default()).unwrap();
    assert_eq!(loaded.bad_rows, 0);
    assert_eq!(loaded.table.len(), story().len());
    let answer = run(&loaded.table, &Query { group_by: vec![Key::ReportedBy], ..Query::default() }).unwrap();
    let total: f64 = answer.rows.iter().map(|r| r.value_usd).sum();
    let expected: f64 = story().values().sum();
    assert!((total - expected).abs() < 1.0, "{total} against {expected}");
}
