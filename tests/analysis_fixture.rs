//! The analysis questions on the synthetic BACI fixture the browser test loads, against figures worked by
//! hand (values in the file are thousands of US dollars).

use roundabout::ingest::{load, Options};
use roundabout::store::Table;
use roundabout::story::answers::ask::{answer, Ask, Reply};

fn table() -> Table {
    let bytes = std::fs::read("tests/fixtures/analysis/baci_synthetic.csv").unwrap_or_default();
    load("baci_synthetic.csv", &bytes, &Options::default()).map(|l| l.table).unwrap_or_else(|e| panic!("{e}"))
}

fn ask(t: &Table, json: &str) -> Reply {
    let a: Ask = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    answer(t, &a).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn chapters_on_the_route_with_growth_and_share() {
    let Reply::Products(p) = ask(&table(), r#"{"products":{"exporters":["CHN"],"importers":["KAZ","KGZ"],"level":2,"year":2023,"baseline":2021}}"#) else {
        panic!("not products")
    };
    // 85: 2500 + 900 + 2200 + 1200 = 6800 on 1000 + 500 + 2000 + 400 = 3900; 88: 5900 + 800 on 1000; 01: 350 on 300.
    let got: Vec<(&str, f64, f64)> = p.rows.iter().map(|r| (r.code.as_str(), r.value_usd, r.baseline_usd)).collect();
    assert_eq!(got, [("85", 6_800_000.0, 3_900_000.0), ("88", 6_700_000.0, 1_000_000.0), ("01", 350_000.0, 300_000.0)]);
    assert!((p.rows[0].share - 6800.0 / 13850.0).abs() < 1e-12);
    assert!((p.rows[1].growth.unwrap_or(0.0) - 5.7).abs() < 1e-12);
}

#[test]
fn the_drones_at_kazakhstan_and_the_chpl_against_chapter_85() {
    let t = table();
    let Reply::Hub(h) = ask(&t, r#"{"hub":{"origin":"CHN","hub":"KAZ","destination":"RUS","products":["drones"],"year":2023,"baseline":2021,"limit":5}}"#) else {
        panic!("not hub")
    };
    assert_eq!((h.rows[0].code.as_str(), h.rows[0].into_usd, h.rows[0].onward_usd), ("880621", Some(5_900_000.0), Some(2_700_000.0)));
    assert_eq!((h.rows[0].into_base_usd, h.rows[0].onward_base_usd), (1_000_000.0, 100_000.0));
    let Reply::DiffInDiff(d) = ask(&t, r#"{"diff_in_diff":{"exporters":["CHN"],"importers":["KAZ"],"products":["chpl"],"year":2023,"baseline":2021}}"#) else {
        panic!("not DiD")
    };
    // CHPL (854231, 854239): 1500 → 3400; the rest of chapter 85 (854290): 2000 → 2200.
    assert_eq!((d.did.treated_base_usd, d.did.treated_usd, d.did.control_base_usd, d.did.control_usd), (1_500_000.0, 3_400_000.0, 2_000_000.0, 2_200_000.0));
    assert!((d.did.difference.unwrap_or(0.0) - (34.0 / 15.0 - 1.1)).abs() < 1e-12);
    assert!((d.did.log_difference.unwrap_or(0.0) - ((34.0f64 / 15.0).ln() - 1.1f64.ln())).abs() < 1e-12);
}

#[test]
fn the_published_figures_the_file_covers() {
    let Reply::Published(p) = ask(&table(), r#"{"published":{"metrics":["chn_exports_45_sanctioned_goods_to_kaz_plus_kgz","kaz_drone_imports_from_china","kaz_drone_exports_to_russia","chn_kgz_turnover_gacc"]}}"#) else {
        panic!("not published")
    };
    let values: Vec<(&str, Option<f64>)> = p.iter().map(|o| (o.metric.as_str(), o.value)).collect();
    assert_eq!(
        values,
        [
            ("chn_exports_45_sanctioned_goods_to_kaz_plus_kgz", Some(4_600_000.0)),
            ("kaz_drone_imports_from_china", Some(5_900_000.0)),
            ("kaz_drone_exports_to_russia", Some(2_700_000.0)),
        ]
    );
}

