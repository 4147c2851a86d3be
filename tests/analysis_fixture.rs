//! The analysis questions on the synthetic BACI fixture the browser test loads, against figures worked by
//! hand (values in the file are thousands of US dollars).

use roundabout::ingest::{load, Options};
use roundabout::store::Table;
use roundabout::story::answers::ask::{answer, Ask, Reply};
use roundabout::story::answers::evidence::EvidenceView;

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
    let Reply::Products(view) = ask(&table(), r#"{"products":{"exporters":["CHN"],"importers":["KAZ","KGZ"],"level":2,"year":2023,"baseline":2021,"lang":"ru"}}"#) else {
        panic!("not products")
    };
    let p = &view.products;
    // 85: 2500 + 900 + 2200 + 1200 = 6800 on 1000 + 500 + 2000 + 400 = 3900; 88: 5900 + 800 on 1000; 01: 350 on 300.
    let got: Vec<(&str, f64, f64)> = p.rows.iter().map(|r| (r.code.as_str(), r.value_usd, r.baseline_usd)).collect();
    assert_eq!(got, [("85", 6_800_000.0, 3_900_000.0), ("88", 6_700_000.0, 1_000_000.0), ("01", 350_000.0, 300_000.0)]);
    assert!((p.rows[0].share - 6800.0 / 13850.0).abs() < 1e-12);
    assert!((p.rows[1].growth.unwrap_or(0.0) - 5.7).abs() < 1e-12);
    // Worded as the page shows them: 6,800 of 13,850 is 49.1%; 6,700 on 1,000 is +570%.
    assert_eq!(view.cells[0], ["6,8\u{a0}млн\u{a0}$", "+74\u{a0}%", "49,1\u{a0}%"]);
    assert_eq!(view.cells[1][1], "+570\u{a0}%");
    assert_eq!(view.buttons[..2], ["Раскрыть 85", "Раскрыть 88"], "chapters open");
    assert!(view.note.starts_with("3 товара в 2023 г., всего 13,8\u{a0}млн\u{a0}$. Изменение — к 2021 г.;"), "{}", view.note);
    assert_eq!((view.value_head.as_str(), view.more.as_str()), ("Стоимость, 2023", ""));
}

/// The evidence question for Kazakhstan in 2023, in `lang`, with the countries' names in it.
fn evidence(t: &Table, products: &str, lang: &str, names: &str) -> Box<EvidenceView> {
    let json = format!(
        r#"{{"evidence":{{"origin":"CHN","hub":"KAZ","destination":"RUS","route":[["CHN"],["KAZ","KGZ"]],"products":[{products}],"goods":"","has_products":true,"year":2023,"baseline":2021,"lang":"{lang}","names":{{{names}}}}}}}"#
    );
    let Reply::Evidence(e) = ask(t, &json) else { panic!("not evidence") };
    e
}

#[test]
fn the_goods_chosen_are_named_with_their_hs_codes_in_the_pages_language() {
    let summary = |goods: &str, codes: &str, lang: &str| {
        let json = format!(
            r#"{{"evidence":{{"origin":"CHN","hub":"KAZ","destination":"RUS","route":[["CHN"],["KAZ","KGZ"]],"products":["8806"],"goods":"{goods}","codes":"{codes}","has_products":true,"year":2023,"baseline":2021,"lang":"{lang}"}}}}"#
        );
        let Reply::Evidence(e) = ask(&table(), &json) else { panic!("not evidence") };
        e.summary
    };
    assert!(summary("Drones", "8806", "en").contains("of these goods (Drones, HS 8806) from CHN"), "{}", summary("Drones", "8806", "en"));
    assert!(summary("", "8806", "uk").contains("ГС 8806"), "{}", summary("", "8806", "uk"));
    assert!(summary("", "", "en").contains("of these goods"), "nothing named: these goods");
}

#[test]
fn the_hub_and_the_chpl_against_chapter_85_in_words() {
    let t = table();
    let e = evidence(&t, "", "en", r#""CHN":"China","KAZ":"Kazakhstan","RUS":"Russia""#);
    // Kazakhstan, 2023: in 5900 + 2500 + 2200 + 900 + 350 = 11,850; out 2700 + 1400 + 200 = 4,300.
    assert_eq!(e.summary, "In 2023, Kazakhstan imported $11.8m of these goods from China and exported $4.3m of them to Russia.");
    assert_eq!(e.rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["880621", "854231", "854290", "854239", "010121"]);
    // 2700 / 5900 = 46%; nothing of 854239 went on: no data, not $0.
    assert_eq!(e.rows[0].cells, ["$5.9m", "$2.7m", "46%"]);
    // Its share of what came in is no figure either, and its bar says so.
    assert_eq!(e.rows[3].cells, ["$900k", "no data", "–"]);
    assert_eq!(e.bars.rows[3].values, [Some(900_000.0), None]);
    assert_eq!((e.in_head.as_str(), e.out_head.as_str()), ("From China", "To Russia"));
    assert_eq!(e.bars.series, ["China → Kazakhstan", "Kazakhstan → Russia"]);
    assert_eq!(e.bars.rows[0].values, [Some(5_900_000.0), Some(2_700_000.0)]);
    // CHPL (854231, 854239): 1500 → 3400 (+127%); the rest of chapter 85 (854290): 2000 → 2200 (+10%).
    assert_eq!(e.did, "From 2021 to 2023, China's exports to Kazakhstan of the CHPL goods changed by +127% ($1.5m to $3.4m); other goods of the same HS chapters (85) changed by +10%. The difference is +117 percentage points (log difference 0.72).");
    let bars = e.did_bars.unwrap_or_else(|| panic!("no DiD chart"));
    assert_eq!((bars.rows[0].values, bars.rows[1].values), ([Some(1_500_000.0), Some(3_400_000.0)], [Some(2_000_000.0), Some(2_200_000.0)]));
    assert_eq!(bars.rows[1].label, "Same chapters");
    // BACI holds one figure per flow: no gap to show.
    assert!(e.mirror[0].starts_with("This data holds one report per flow here") && e.mirror_caveat.is_empty());
    let uk = evidence(&t, "", "uk", r#""CHN":"Китай","KAZ":"Казахстан","RUS":"Росія""#);
    assert_eq!(uk.summary, "2023 р.: Китай → Казахстан — 11,8\u{a0}млн\u{a0}$ цих товарів; Казахстан → Росія — 4,3\u{a0}млн\u{a0}$.");
    // Drones only: nothing of chapter 88 is left to compare them with.
    let drones = evidence(&t, r#""drones""#, "en", "");
    assert_eq!(drones.rows.len(), 1);
    assert!(drones.did.starts_with("Not enough data to compare the growth of") && drones.did_bars.is_none(), "{}", drones.did);
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

