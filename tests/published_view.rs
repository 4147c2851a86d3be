//! The page's copy of the published figures (`www/data/published.json`) is the project's CSV
//! (`data/sources/published_chpl_figures.csv`) set out by `story::published::view::build`, and every
//! figure on it goes back to a row of the CSV with its address.
//!
//! `UPDATE_PUBLISHED=1 cargo test --test suite published_view::` writes the JSON afresh after the CSV changes.

use std::collections::HashMap;

use roundabout::lang::Lang;
use roundabout::scene::palette::category;
use roundabout::story::published::map::{published_map_spec, Arrows, Key};
use roundabout::story::published::view::{build, Kind, PublishedView};

const CSV: &str = "data/sources/published_chpl_figures.csv";
const JSON: &str = "www/data/published.json";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn view() -> PublishedView {
    build(CSV, &read(CSV)).unwrap_or_else(|e| panic!("{e}"))
}

/// The CSV's rows by id, read by another reader than the view's (the `csv` crate).
fn rows() -> HashMap<String, HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(CSV).unwrap_or_else(|e| panic!("{CSV}: {e}"));
    let headers = reader
        .headers()
        .unwrap_or_else(|e| panic!("{CSV}: {e}"))
        .clone();
    assert!(
        !headers.iter().any(|h| h == "quote"),
        "the sources' sentences stay out of the project"
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{CSV}: {e}"));
            let row: HashMap<String, String> = headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect();
            (row["id"].clone(), row)
        })
        .collect()
}

fn usd(row: &HashMap<String, String>) -> f64 {
    let v: f64 = row["value"]
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", row["id"]));
    match row["unit"].as_str() {
        "USD bn" => v * 1e9,
        "USD m" => v * 1e6,
        u => panic!("{}: `{u}` is no money", row["id"]),
    }
}

#[test]
fn the_pages_copy_is_the_csv_set_out() {
    let json = serde_json::to_string_pretty(&view()).unwrap_or_else(|e| panic!("{e}")) + "\n";
    if std::env::var_os("UPDATE_PUBLISHED").is_some() {
        std::fs::write(JSON, &json).unwrap_or_else(|e| panic!("{JSON}: {e}"));
    }
    assert!(read(JSON) == json, "{JSON} differs from {CSV} set out: run UPDATE_PUBLISHED=1 cargo test --test suite published_view::");
}

#[test]
fn every_figure_comes_from_a_row_with_its_address_and_derived_values_redo_their_sums() {
    let rows = rows();
    let v = view();
    assert_eq!(v.figures.len(), rows.len());
    let mut derived = 0;
    for f in &v.figures {
        let row = rows
            .get(&f.id)
            .unwrap_or_else(|| panic!("{} is not a row of {CSV}", f.id));
        assert_eq!(
            (&f.url, &f.publisher, &f.date),
            (&row["url"], &row["publisher"], &row["date"]),
            "{}",
            f.id
        );
        assert!(f.url.starts_with("http"), "{}", f.id);
        assert_eq!(v.goods[f.goods].key, row["goods"], "{}", f.id);
        match (f.kind, &f.derived) {
            (Kind::Flow | Kind::Total, _) => assert_eq!(f.value_usd, Some(usd(row)), "{}", f.id),
            (Kind::Share, Some(sum)) => {
                let total = usd(&rows[&row["of"]]);
                let share: f64 = row["value"].parse().unwrap_or_default();
                assert_eq!(f.value_usd, Some(share / 100.0 * total), "{}", f.id);
                assert!(
                    sum.en.starts_with(&format!("{}% × ", row["value"])),
                    "{}: {sum:?}",
                    f.id
                );
                derived += 1;
            }
            (Kind::Growth, Some(sum)) => {
                let later = usd(&rows[&row["of"]]);
                let growth: f64 = row["value"].parse().unwrap_or_default();
                assert_eq!(
                    f.value_usd,
                    Some(later / (1.0 + growth / 100.0)),
                    "{}",
                    f.id
                );
                assert!(
                    sum.en.contains(&format!("(1 + {}%)", row["value"])),
                    "{}: {sum:?}",
                    f.id
                );
                derived += 1;
            }
            (_, None) => assert_eq!(
                f.value_usd, None,
                "{}: a share or growth has no value unless derived",
                f.id
            ),
        }
        assert!(
            f.derived.is_none() || row["bound"].is_empty(),
            "{}: a bounded number gives no exact sum",
            f.id
        );
    }
    // The four KSE shares of Russia's $12.5bn, and 2022 from the WSJ's +64%.
    assert_eq!(derived, 5);
}

#[test]
fn each_arrow_is_one_figure_of_one_goods_definition_never_a_sum() {
    let v = view();
    let json = serde_json::to_vec(&v).unwrap_or_else(|e| panic!("{e}"));
    let map = Arrows::from_json("published.json", &json).unwrap_or_else(|e| panic!("{e}"));
    let mut arrows = 0;
    for (p, period) in v.periods.iter().enumerate() {
        for (r, row) in period.rows.iter().enumerate() {
            let Some(drawn) = v.drawn(p, r) else {
                // "No published figure": nothing on the route itself in this period.
                assert!(row
                    .figures
                    .iter()
                    .all(|&i| v.figures[i].route != Some(row.route)
                        || v.figures[i].value_usd.is_none()));
                continue;
            };
            arrows += 1;
            assert_eq!(drawn.route, Some(row.route));
            assert_eq!(drawn.period, p);
        }
        // On the map, each arrow's value is its drawn figure's own, in its goods definition's colour;
        // a fork's branches carry none.
        let goods: Vec<String> = v.goods.iter().map(|g| g.label.clone()).collect();
        let key = Key {
            title: "",
            note: "",
            goods: &goods,
            lang: Lang::En,
        };
        let spec = published_map_spec(
            &map,
            p,
            [900.0, 600.0],
            None,
            &key,
            |c| c.to_string(),
            |_| Some(1),
        );
        for flow in &spec.flows {
            let drawn = v
                .drawn(p, flow.id as usize)
                .unwrap_or_else(|| panic!("flow {} has no figure", flow.id));
            assert!(
                flow.value == 0.0 || Some(flow.value) == drawn.value_usd,
                "{}",
                drawn.id
            );
            assert_eq!(flow.color, category(drawn.goods, 255), "{}", drawn.id);
        }
    }
    assert!(arrows >= 25, "{arrows} arrows");
    // Where sources disagree, each is listed: Turkey → Kazakhstan, January to September 2023.
    let p = v
        .periods
        .iter()
        .position(|p| p.key == "2023-01/2023-09")
        .unwrap_or_else(|| panic!("no Jan–Sep 2023"));
    let tur_kaz = v
        .routes
        .iter()
        .position(|r| r.from == ["TUR"] && r.to == ["KAZ"])
        .unwrap_or_else(|| panic!("no TUR → KAZ"));
    let row = v.periods[p]
        .rows
        .iter()
        .find(|r| r.route == tur_kaz)
        .unwrap_or_else(|| panic!("no row"));
    let values: Vec<Option<f64>> = row
        .figures
        .iter()
        .map(|&i| v.figures[i].value_usd)
        .collect();
    assert_eq!(values, [Some(61e6), Some(6.6e6)]);
    // China → Russia in 2023: the WSJ's value drawn; KSE's derived share, Carnegie's and Bloomberg's
    // shares beside it.
    let y = v
        .periods
        .iter()
        .position(|p| p.key == "2023")
        .unwrap_or_else(|| panic!("no 2023"));
    let chn_rus = v
        .routes
        .iter()
        .position(|r| r.from == ["CHN"] && r.to == ["RUS"])
        .unwrap_or_else(|| panic!("no CHN → RUS"));
    let row = v.periods[y]
        .rows
        .iter()
        .find(|r| r.route == chn_rus)
        .unwrap_or_else(|| panic!("no row"));
    let ids: Vec<&str> = row
        .figures
        .iter()
        .map(|&i| v.figures[i].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "wsj-chn-rus-2023",
            "kse-share-chn-2023",
            "carnegie-chn-share-2023",
            "bloomberg-chnhkg-share-2023"
        ]
    );
    assert_eq!(v.default_period, y);
}
