//! Measures and route evidence, checked against figures worked out by hand.

use roundabout::ingest::{load, Options};
use roundabout::query::{diff_in_diff, growth, hub_evidence, mirror, run, shares, Key, Query, Side};
use roundabout::store::Table;

fn table(name: &str) -> Table {
    let path = format!("{}/tests/fixtures/engine/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let loaded = load(name, &bytes, &Options { strict: true }).unwrap_or_else(|e| panic!("{e}"));
    loaded.table
}

fn strings(q: &[&str]) -> Option<Vec<String>> {
    Some(q.iter().map(|s| s.to_string()).collect())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn growth_against_2021() {
    let t = table("tidy_small.csv");
    let q = Query { products: strings(&["TOTAL"]), group_by: vec![Key::Importer, Key::Year], ..Query::default() };
    let a = run(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    let g = growth(&a, 2021).unwrap_or_else(|e| panic!("{e}"));
    let kaz23 = g.iter().find(|g| g.year == 2023 && g.keys[0].to_string() == "KAZ");
    assert_eq!(kaz23.map(|g| (g.value_usd, g.baseline_usd)), Some((24_700_000_000.0, 8_000_000_000.0)));
    assert!(kaz23.and_then(|g| g.growth).is_some_and(|x| close(x, 24.7 / 8.0 - 1.0)));
    let kgz21 = g.iter().find(|g| g.year == 2021 && g.keys[0].to_string() == "KGZ");
    // The baseline year against itself is no growth, not 0%.
    assert_eq!(kgz21.map(|g| g.growth), Some(None));
    let no_year = run(&t, &Query { group_by: vec![Key::Importer], ..Query::default() }).unwrap_or_else(|e| panic!("{e}"));
    assert!(growth(&no_year, 2021).is_err());
}

#[test]
fn shares_within_a_year() {
    let t = table("tidy_small.csv");
    let q = Query { products: strings(&["TOTAL"]), years: Some((2023, 2023)), group_by: vec![Key::Year, Key::Importer], ..Query::default() };
    let a = run(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    let s = shares(&a, &[Key::Year]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.len(), 2);
    assert!(close(s[0], 24.7 / 44.5) && close(s[1], 19.8 / 44.5), "{s:?}");
    assert!(shares(&a, &[Key::Hs2]).is_err());
}

#[test]
fn drones_in_and_on() {
    let t = table("route_small.csv");
    let e = hub_evidence(&t, "CHN", "KAZ", "RUS", &["drones".to_string()], (2021, 2023), None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(e.len(), 2);
    assert_eq!((e[0].product.as_str(), e[0].year), ("880621", 2021));
    assert_eq!((e[0].into_hub_usd, e[0].into_hub_side), (10.0, Some(Side::Importer)), "the hub's own report wins over BACI's");
    assert_eq!((e[0].onward_usd, e[0].onward_side), (1.0, Some(Side::Exporter)));
    assert!(e[0].onward_ratio.is_some_and(|r| close(r, 0.1)));
    assert_eq!((e[1].into_hub_usd, e[1].onward_usd), (5_900_000.0, 2_700_000.0));
    assert!(e[1].onward_ratio.is_some_and(|r| close(r, 27.0 / 59.0)));
    let none = hub_evidence(&t, "CHN", "KGZ", "RUS", &["drones".to_string()], (2021, 2023), None).unwrap_or_else(|e| panic!("{e}"));
    assert!(none.is_empty());
}

#[test]
fn sanctioned_goods_against_their_chapters() {
    let t = table("route_small.csv");
    let route = Query { exporters: strings(&["CHN"]), importers: strings(&["KAZ"]), reported_by: Some(vec![Side::Exporter]), ..Query::default() };
    let d = diff_in_diff(&t, &route, &["chpl".to_string()], 2021, 2023).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((d.treated_base_usd, d.treated_usd), (150.0, 450.0));
    assert_eq!((d.control_base_usd, d.control_usd), (200.0, 220.0), "furniture (ch. 94) is no comparison");
    assert_eq!(d.chapters, vec!["85".to_string(), "88".to_string()]);
    assert!(d.treated_growth.is_some_and(|g| close(g, 2.0)));
    assert!(d.control_growth.is_some_and(|g| close(g, 0.1)));
    assert!(d.difference.is_some_and(|g| close(g, 1.9)));
    assert!(d.log_difference.is_some_and(|g| close(g, 3f64.ln() - 1.1f64.ln())));
}

#[test]
fn mirror_gap_of_china_and_kazakhstan() {
    let t = table("route_small.csv");
    let q = Query { products: strings(&["TOTAL"]), group_by: vec![Key::Exporter, Key::Importer, Key::Year], ..Query::default() };
    let m = mirror(&t, &q).unwrap_or_else(|e| panic!("{e}"));
    let kaz = m.iter().find(|m| m.keys[1].to_string() == "KAZ").unwrap_or_else(|| panic!("{m:?}"));
    assert_eq!((kaz.exporter_usd, kaz.importer_usd, kaz.gap_usd), (24_700_000_000.0, 15_390_000_000.0, 9_310_000_000.0));
    assert!(kaz.ratio.is_some_and(|r| close(r, 24.7 / 15.39)));
    let kgz = m.iter().find(|m| m.keys[1].to_string() == "KGZ").unwrap_or_else(|| panic!("{m:?}"));
    assert_eq!((kgz.importer_usd, kgz.ratio), (0.0, None));
    let bad = Query { group_by: vec![Key::ReportedBy], ..Query::default() };
    assert!(mirror(&t, &bad).is_err());
}
